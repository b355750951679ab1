"""The picture on a resource's page: the resource and what it links to directly, one hop, drawn
by the project's neighbourhood view (:func:`coalition_kg.pictures.views.neighbourhood_view`) and
renderer, at most :data:`~coalition_kg.pictures.views.NEIGHBOURS_DRAWN` resources around it.

One hop is what a reader means by it. A fact (a membership) links what its values name (the
state, the mission, the instrument) and its sources; the facts that name it (a statement made
at an event) link it back. An entity or a source is linked to the entities that its facts name
beside it, each link named by those facts ("membership, 2 deployments"), and to what its own
triples name (an organization's parent), but for the triples that only sum up a fact (a
state's ``org:memberOf``: its membership says it). Found by the store's own SPARQL in a query
worker, so that a mission of thousands of facts costs a few grouped queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pyoxigraph
from pyoxigraph import NamedNode

from coalition_kg.core.namespaces import ID, PREFIXES, short_form
from coalition_kg.curation.model import ENTITY_FIELDS, FACT_KINDS, PROVENANCE, REGISTER_PREFIXES
from coalition_kg.queries.sparql_text import with_values

_PROLOGUE = "".join(f"PREFIX {prefix}: <{PREFIXES[prefix]}>\n" for prefix in ("rdf", "prov", "skos", "rdfs"))
#: Values that are no resource of their own: a vocabulary's concept, a Wikidata item.
ATTRIBUTES = frozenset(spec.predicate for spec in [*ENTITY_FIELDS.values(), *(f for k in FACT_KINDS.values()
                                                    for f in k.fields.values())] if spec.term in ("concept", "wikidata"))
#: The triples that sum up a fact (``org:memberOf`` a membership): the fact itself links the two.
SHORTCUTS = frozenset(kind.shortcut[1] for kind in FACT_KINDS.values() if kind.shortcut)
_SKIPPED = ", ".join(f"<{iri}>" for iri in sorted({PREFIXES["rdf"] + "type", PROVENANCE.qualified, *ATTRIBUTES, *SHORTCUTS}))
#: The entities of the register, by how their IRIs begin: what an entity's facts link it to.
ENTITIES = tuple(f"{ID}{kind}/" for kind in REGISTER_PREFIXES)
#: Kinds of link an edge names at most; the others are counted.
NAMED_LINKS = 2
#: The centre's own links, and the links of what is no fact to it (not a derivation's to its source).
DIRECT_QUERY = _PROLOGUE + f"""SELECT ?property ?other ?outgoing WHERE {{
  {{ ?entity ?property ?other . BIND(true AS ?outgoing) }}
  UNION
  {{ ?other ?property ?entity . BIND(false AS ?outgoing)
     FILTER NOT EXISTS {{ ?other prov:wasDerivedFrom ?source }} FILTER(?property != prov:entity) }}
  FILTER(isIRI(?other) && ?other != ?entity && ?property NOT IN ({_SKIPPED}))
}}"""
#: What the facts that name the centre name beside it, and how many facts of each class name each.
FOLDED_QUERY = _PROLOGUE + f"""SELECT ?other ?by (COUNT(DISTINCT ?fact) AS ?facts) WHERE {{
  ?fact ?link ?entity ; prov:wasDerivedFrom ?document ; a ?by ; ?property ?other .
  FILTER(?by != prov:Derivation && isIRI(?other) && ?other != ?entity
         && ?property NOT IN ({_SKIPPED}, prov:wasDerivedFrom)
         && ({" || ".join(f'STRSTARTS(STR(?other), "{prefix}")' for prefix in ENTITIES)}))
}}
GROUP BY ?other ?by"""
#: The facts that name a fact (a statement its occasion), each by the property that names it.
NAMING_QUERY = _PROLOGUE + """SELECT ?other ?by (COUNT(*) AS ?facts) WHERE {
  ?other ?by ?entity ; prov:wasDerivedFrom ?document .
}
GROUP BY ?other ?by"""
IS_FACT_QUERY = _PROLOGUE + "ASK { ?entity prov:wasDerivedFrom ?document }"
DESCRIBE_QUERY = _PROLOGUE + """SELECT ?node ?type ?label WHERE {
  VALUES ?node { %s }
  OPTIONAL { ?node a ?type }
  OPTIONAL { ?node skos:prefLabel|rdfs:label ?label }
}"""


def neighbourhood_svg(store: pyoxigraph.Store, iri: str, names: Mapping[str, str]) -> bytes | None:
    """The picture of what ``iri`` links to directly, as SVG; None when the store knows nothing of
    it. ``names`` names the ontology's classes and properties and the schemes' concepts."""
    from coalition_kg.pictures.render import write_graph
    from coalition_kg.pictures.views import Linked, neighbourhood_view

    entity = {"entity": str(NamedNode(iri))}
    if not bool(store.query(with_values("ASK { { ?entity ?p ?o } UNION { ?s ?p ?entity } }", entity))):
        return None
    links: dict[str, dict[str, int]] = defaultdict(dict)  # neighbour -> {link's name: count}
    outgoing: set[str] = set()
    for row in store.query(with_values(DIRECT_QUERY, entity)):
        links[row["other"].value][names.get(row["property"].value, short_form(row["property"].value))] = 1
        if row["outgoing"].value == "true":
            outgoing.add(row["other"].value)
    is_fact = bool(store.query(with_values(IS_FACT_QUERY, entity)))
    for row in store.query(with_values(NAMING_QUERY if is_fact else FOLDED_QUERY, entity)):
        counts, name = links[row["other"].value], names.get(row["by"].value, short_form(row["by"].value))
        counts[name] = counts.get(name, 0) + int(row["facts"].value)
    described = _described(store, {iri, *links}, names)
    order = {names.get(kind.rdf_class, ""): index for index, kind in enumerate(FACT_KINDS.values())}
    linked = [Linked(other, *described[other], _link_name(counts, order), other in outgoing, sum(counts.values()))
              for other, counts in links.items()]
    view = neighbourhood_view(Linked(iri, *described[iri], ""), linked)
    label = described[iri][0]
    drawn = view.number_of_nodes() - 1
    more = view.graph["more"]
    title = f"Around {label}: {drawn} linked directly" + (f", {more} more not drawn" if more else "")
    return write_graph(view, "svg", title)


def _link_name(counts: Mapping[str, int], order: Mapping[str, int]) -> str:
    """"2 deployments, membership": the kinds of link that make most of it (in the data model's
    order of kinds when as many), each counted when it is more than one, and how many more facts
    make the rest ("and 4 more")."""
    from coalition_kg.serve.sentences import counted

    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    named = ", ".join(name if count == 1 else counted(count, name) for name, count in ranked[:NAMED_LINKS])
    rest = sum(count for _, count in ranked[NAMED_LINKS:])
    return f"{named} and {rest} more" if rest else named


def _described(store: pyoxigraph.Store, iris: set[str], names: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """The name and prefixed type of each of ``iris``: a resource's own label, else its class's
    name (with its concept, for a fact: "deployment: troops"), else its short form."""
    found: dict[str, tuple[str, str]] = {iri: (short_form(iri), "") for iri in iris}
    terms = " ".join(str(NamedNode(iri)) for iri in sorted(iris))
    labels: dict[str, str] = {}
    for row in store.query(DESCRIBE_QUERY % terms):
        node = row["node"].value
        if row["label"] is not None:
            labels[node] = min(labels.get(node, row["label"].value), row["label"].value, key=len)
        if row["type"] is not None and row["type"].value != PREFIXES["prov"] + "Derivation":
            found[node] = (found[node][0], short_form(row["type"].value))
    for iri, (short, type_name) in found.items():
        found[iri] = (labels.get(iri) or _fact_name(store, iri, type_name, names) or names.get(iri, short), type_name)
    return found


def _fact_name(store: pyoxigraph.Store, iri: str, type_name: str, names: Mapping[str, str]) -> str | None:
    """A fact's short name: its class's, with the concept it names ("deployment: military police")."""
    full = next((namespace + type_name.split(":", 1)[1] for prefix, namespace in PREFIXES.items()
                 if type_name.startswith(prefix + ":")), "")
    if full not in names:
        return None
    concepts = sorted(names.get(quad.object.value, "") for quad in store.quads_for_pattern(NamedNode(iri), None, None)
                      if quad.predicate.value in ATTRIBUTES and isinstance(quad.object, NamedNode))
    return ": ".join([names[full], *filter(None, concepts[:1])])
