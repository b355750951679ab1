"""The picture on a resource's page: the resource, the facts that refer to it and what they link,
drawn with the project's own entity view (:func:`coalition_kg.pictures.views.entities_view`) and
renderer. Made in a query worker, from the named graphs of its store, at most ``facts`` facts."""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat

from coalition_kg.core.namespaces import PREFIXES, short_form
from coalition_kg.queries.sparql_text import with_values

FACTS_QUERY = """
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?fact ?entity WHERE {
  ?fact ?link ?entity ; prov:wasDerivedFrom ?source .
}
ORDER BY ?fact
LIMIT %d
"""
DESCRIBING = (PREFIXES["rdf"] + "type", PREFIXES["skos"] + "prefLabel", PREFIXES["rdfs"] + "label")


def neighbourhood_quads(store: pyoxigraph.Store, iri: str, facts: int) -> list[Quad]:
    """The quads, of the sources' named graphs, of the resource, the facts about it and what they link."""
    entity = NamedNode(iri)
    rows = store.query(with_values(FACTS_QUERY % facts, {"entity": str(entity)}))
    subjects = [entity, *(row["fact"] for row in rows)]
    quads = [quad for subject in dict.fromkeys(subjects) for quad in _named(store.quads_for_pattern(subject, None, None))]
    linked = {quad.object for quad in quads if isinstance(quad.object, NamedNode)}
    for node in linked:
        for predicate in DESCRIBING:
            quads += _named(store.quads_for_pattern(node, NamedNode(predicate), None))
    return quads


def neighbourhood_svg(store: pyoxigraph.Store, iri: str, facts: int) -> bytes | None:
    """The picture of the neighbourhood, as SVG; None when the store knows nothing of ``iri``."""
    quads = neighbourhood_quads(store, iri, facts)
    if not quads:
        return None
    import networkx as nx

    from coalition_kg.dataset.rdfize import new_dataset
    from coalition_kg.pictures.render import write_graph
    from coalition_kg.pictures.views import entities_view

    dataset = new_dataset()
    dataset.parse(data=pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    view = entities_view(dataset)
    centre = short_form(iri)
    if centre in view:
        view = view.subgraph(nx.node_connected_component(view.to_undirected(as_view=True), centre)).copy()
    return write_graph(view, "svg", f"Around {view.nodes[centre]['label'] if centre in view else short_form(iri)}")


def _named(quads) -> list[Quad]:
    return [quad for quad in quads if not isinstance(quad.graph_name, DefaultGraph)]
