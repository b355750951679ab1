"""The RDF dataset as networkx graphs that a network analyst can read.

Resources are nodes named by their short form (``state/GTM``) with a readable
``label``, a prefixed ``type`` and their full ``iri``; literals and vocabulary
values (SKOS concepts, Wikidata items) become node attributes, not nodes. Each
edge is keyed and labelled by its prefixed predicate (``org:holds``) and keeps, in
``sources``, the source documents — the named graphs — that state it. Every
attribute is a string or an integer, so that GraphML and GEXF can hold it.

The views are small functions over SPARQL: ``coalition`` folds the n-ary facts
(memberships, partnerships, posts) into the edges an analyst expects,
``entities`` is the whole entity graph, ``provenance`` links each source to the
entities it states facts about. ``neighbourhood`` is one resource and what it links to
directly, as a server's page shows it (the links are found there, by the store's own SPARQL).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import networkx as nx
from rdflib import RDF, BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES
from coalition_kg.core.namespaces import ONTOLOGY, PREFIXES, WIKIDATA, short_form
from coalition_kg.curation.model import (
    ENTITY_CLASSES,
    ENTITY_FIELDS,
    FACT_KINDS,
    PROVENANCE,
    RDFS,
    REGISTER_CLASS,
    SKOS,
    SOURCE_CLASS,
)
from coalition_kg.dataset.rdfinput import parse_rdf_file
from coalition_kg.dataset.rdfize import new_dataset

Quad = tuple[Node, Node, Node, Node]
#: Joins the values of a many-valued attribute, sorted; GraphML and GEXF want one string.
JOIN = "; "
#: The files a view can be drawn from instead of the curated data: their named graphs name each triple's source.
QUAD_SUFFIXES = (".trig", ".nq")

_LABEL_PREDICATES = (URIRef(SKOS + "prefLabel"), URIRef(RDFS + "label"))
#: Predicates whose IRI values name a vocabulary term or an outside record: attributes, not edges.
_VALUE_PREDICATES = frozenset(
    URIRef(spec.predicate)
    for spec in [*ENTITY_FIELDS.values(), *(f for kind in FACT_KINDS.values() for f in kind.fields.values())]
    if spec.term in ("concept", "wikidata")
)
_PROVENANCE_CLASSES = (SOURCE_CLASS, REGISTER_CLASS, PROVENANCE.evidence_class)
_ENTITY_CLASSES = frozenset(URIRef(iri) for iri in ENTITY_CLASSES.values())
#: The curated name of each fact class (``membership`` for ``ckg:Membership``).
FACT_KIND_NAMES = {URIRef(kind.rdf_class): name for name, kind in FACT_KINDS.items()}
_PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


class GraphInputError(ValueError):
    """A view, a format or a dataset file that cannot be drawn."""


def load_dataset(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> Dataset:
    """A TriG / N-Quads export of the graph, such as ``build/coalition.trig``."""
    if path.suffix.lower() not in QUAD_SUFFIXES:
        raise GraphInputError(
            f"{path}: cannot draw from '{path.suffix}' files; expected TriG (.trig) or N-Quads (.nq), "
            "whose named graphs tell each triple's source"
        )
    dataset = new_dataset()
    parse_rdf_file(path, dataset, max_bytes)
    return dataset


# --- the generic conversion ---------------------------------------------------------


def to_multidigraph(dataset: Dataset, keep: Callable[[Quad], bool] | None = None) -> nx.MultiDiGraph:
    """The resources of ``dataset`` (the quads ``keep`` accepts) linked by their predicates."""
    edges: dict[tuple[Node, Node, str], set[str]] = defaultdict(set)
    resources: set[Node] = set()
    for subject, predicate, obj, graph_name in _quads(dataset):
        if keep is not None and not keep((subject, predicate, obj, graph_name)):
            continue
        resources.add(subject)
        if _is_link(predicate, obj):
            resources.add(obj)
            edges[(subject, obj, short_form(str(predicate)))].add(short_form(str(graph_name)))
    graph = _graph_with_nodes(dataset, resources)
    for subject, obj, predicate in sorted(edges, key=lambda edge: (node_id(edge[0]), node_id(edge[1]), edge[2])):
        sources = JOIN.join(sorted(edges[(subject, obj, predicate)]))
        graph.add_edge(node_id(subject), node_id(obj), key=predicate, label=predicate, sources=sources)
    return graph


def node_id(term: Node) -> str:
    """A node's name: the short form of its IRI (``state/GTM``, ``skos:Concept``) or ``_:`` and a blank node id."""
    return f"_:{term}" if isinstance(term, BNode) else short_form(str(term))


def node_attributes(dataset: Dataset, term: Node) -> dict[str, str]:
    """``iri``, ``label`` and ``type`` of a resource, and its literal and vocabulary values by local name."""
    values: dict[str, set[str]] = defaultdict(set)
    labels: list[Literal] = []
    types: set[str] = set()
    for _, predicate, obj, _ in dataset.quads((term, None, None, None)):
        if predicate == RDF.type:
            types.add(short_form(str(obj)))
        elif predicate in _LABEL_PREDICATES and isinstance(obj, Literal):
            labels.append(obj)
        elif isinstance(obj, Literal) or predicate in _VALUE_PREDICATES:
            values[_local_name(str(predicate))].add(value_text(obj))
    attributes = {"iri": str(term), "label": _best_label(labels) or node_id(term), "type": _primary_type(types)}
    attributes.update({name: JOIN.join(sorted(texts)) for name, texts in sorted(values.items())})
    return attributes


# --- views --------------------------------------------------------------------------


def coalition_view(dataset: Dataset) -> nx.MultiDiGraph:
    """Missions at the centre; members, partners and supporters around them; officials by their states.

    Edges: ``member`` (state -> mission; ``instrument_kind``, ``date``, ``deployments``),
    ``partner`` (partner -> mission; ``role``), ``official`` (person -> state; ``role``).
    """
    edges = [*_member_edges(dataset), *_partner_edges(dataset), *_official_edges(dataset)]
    roles: dict[Node, str] = {}
    for subject, obj, relation, _ in edges:
        for term, role in zip((subject, obj), _END_ROLES[relation]):
            roles[term] = min(roles.get(term, ""), role, key=_ROLE_ORDER.index)
    graph = _graph_with_nodes(dataset, roles)
    for term, role in roles.items():
        graph.nodes[node_id(term)]["coalition_role"] = role
    for subject, obj, relation, attributes in sorted(edges, key=lambda edge: (node_id(edge[0]), node_id(edge[1]), edge[2])):
        graph.add_edge(node_id(subject), node_id(obj), key=relation, relation=relation, **attributes)
    graph.graph["view"] = "coalition"
    return graph


def entities_view(dataset: Dataset) -> nx.MultiDiGraph:
    """Entities and facts, linked as the data links them; sources and evidence left to the provenance view."""
    provenance_nodes = {node for rdf_class in _PROVENANCE_CLASSES for node in dataset.subjects(RDF.type, URIRef(rdf_class))}
    graph = to_multidigraph(dataset, keep=lambda quad: quad[0] not in provenance_nodes and quad[2] not in provenance_nodes)
    graph.graph["view"] = "entities"
    return graph


def provenance_view(dataset: Dataset) -> nx.MultiDiGraph:
    """Each source document linked to the entities it states facts about: how many facts, of which kinds."""
    facts: dict[tuple[Node, Node], set[tuple[Node, Node]]] = defaultdict(set)
    for row in select(PROVENANCE_QUERY, dataset):
        if row.entityClass in _ENTITY_CLASSES:
            facts[(row.source, row.entity)].add((row.fact, row.factClass))
    graph = _graph_with_nodes(dataset, {term for pair in facts for term in pair})
    for source, entity in sorted(facts, key=lambda pair: (node_id(pair[0]), node_id(pair[1]))):
        kinds = Counter(FACT_KIND_NAMES.get(fact_class, node_id(fact_class)) for _, fact_class in facts[(source, entity)])
        graph.add_edge(
            node_id(source),
            node_id(entity),
            key="about",
            relation="about",
            label=f"{sum(kinds.values())} fact{'s' if sum(kinds.values()) > 1 else ''}",
            facts=sum(kinds.values()),
            fact_kinds=", ".join(f"{kind} ×{count}" if count > 1 else kind for kind, count in sorted(kinds.items())),
            sources=node_id(source),
        )
    graph.graph["view"] = "provenance"
    return graph


class Linked(NamedTuple):
    """A resource linked to the centre of a neighbourhood: its IRI, name and prefixed type; what
    links them (a property's name, or the facts that join them: "membership, 2 deployments");
    whether the link goes out of the centre; and how many facts or triples make it."""

    iri: str
    label: str
    type: str
    link: str
    outgoing: bool = True
    weight: int = 1


#: Resources a neighbourhood draws at most around its centre; the others are counted in its title.
NEIGHBOURS_DRAWN = 24


def neighbourhood_view(centre: Linked, linked: Sequence[Linked]) -> nx.MultiDiGraph:
    """``centre`` and the resources it links to directly, at most :data:`NEIGHBOURS_DRAWN` of them
    (those most linked first; ``graph.graph["more"]`` counts the others)."""
    ranked = sorted(linked, key=lambda other: (-other.weight, other.label, other.iri))
    graph = nx.MultiDiGraph(view="neighbourhood", centre=short_form(centre.iri), more=max(len(ranked) - NEIGHBOURS_DRAWN, 0))
    for node in (centre, *ranked[:NEIGHBOURS_DRAWN]):
        graph.add_node(short_form(node.iri), iri=node.iri, label=node.label, type=node.type)
    for other in ranked[:NEIGHBOURS_DRAWN]:
        ends = (short_form(centre.iri), short_form(other.iri))
        graph.add_edge(*(ends if other.outgoing else ends[::-1]), key="link", relation="link", label=other.link,
                       weight=other.weight)
    return graph


#: The network views by name; ``timeline`` is a chart (see :mod:`coalition_kg.pictures.timeline`).
VIEWS: dict[str, Callable[[Dataset], nx.MultiDiGraph]] = {
    "coalition": coalition_view,
    "entities": entities_view,
    "provenance": provenance_view,
}


def build_view(name: str, dataset: Dataset) -> nx.MultiDiGraph:
    """The network view ``name`` (one of :data:`VIEWS`) of ``dataset``."""
    if name not in VIEWS:
        raise GraphInputError(f"'{name}' is not a network view; expected one of {', '.join(VIEWS)}")
    return VIEWS[name](dataset)


# --- the coalition's edges ----------------------------------------------------------

Edge = tuple[Node, Node, str, dict[str, str | int]]
#: The part each end of a coalition edge plays; a node that plays several is named by the first in order.
_END_ROLES = {"member": ("member", "mission"), "partner": ("partner", "mission"), "official": ("official", "")}
_ROLE_ORDER = ("mission", "member", "partner", "official", "")

MEMBERS_QUERY = """
SELECT ?state ?mission ?source ?kind ?date WHERE {
  GRAPH ?source { ?membership a ckg:Membership ; org:member ?state ; org:organization ?mission . }
  OPTIONAL {
    ?membership ckg:joinedBy ?instrument .
    OPTIONAL { ?instrument ckg:instrumentKind ?kind }
    OPTIONAL { ?instrument dcterms:date ?date }
  }
}"""
DEPLOYMENTS_QUERY = """
SELECT ?state ?mission ?deployment ?kind WHERE {
  ?deployment a ckg:Deployment ; ckg:deployingState ?state ; ckg:mission ?mission .
  OPTIONAL { ?deployment ckg:deploymentKind ?kind }
}"""
PARTNERS_QUERY = """
SELECT ?partner ?mission ?source ?role WHERE {
  GRAPH ?source { ?partnership a ckg:Partnership ; ckg:partner ?partner ; ckg:mission ?mission . }
  OPTIONAL { ?partnership ckg:partnerRole ?role }
}"""
OFFICIALS_QUERY = """
SELECT ?person ?organization ?source ?role WHERE {
  GRAPH ?source { ?post a ckg:Post ; org:heldBy ?person ; org:postIn ?organization . }
  OPTIONAL { ?post org:role ?role }
}"""
PROVENANCE_QUERY = """
SELECT DISTINCT ?source ?fact ?factClass ?entity ?entityClass WHERE {
  GRAPH ?source { ?fact prov:wasDerivedFrom ?source ; a ?factClass ; ?predicate ?entity . }
  ?entity a ?entityClass .
}"""


def _member_edges(dataset: Dataset) -> list[Edge]:
    """state -> mission, with how and when the state joined and what it deployed (empty when unknown)."""
    found: dict[tuple[Node, Node], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in select(MEMBERS_QUERY, dataset):
        values = found[(row.state, row.mission)]
        values["sources"].add(node_id(row.source))
        for name, term in (("instrument_kind", row.kind), ("date", row.date)):
            if term is not None:
                values[name].add(value_text(term))
    deployments: dict[tuple[Node, Node], dict[Node, str]] = defaultdict(dict)
    for row in select(DEPLOYMENTS_QUERY, dataset):
        deployments[(row.state, row.mission)][row.deployment] = value_text(row.kind) if row.kind else ""
    edges: list[Edge] = []
    for (state, mission), values in found.items():
        kinds = deployments.get((state, mission), {})
        attributes: dict[str, str | int] = {name: JOIN.join(sorted(values[name])) for name in ("instrument_kind", "date")}
        attributes["label"] = _joining_label(str(attributes["instrument_kind"]), str(attributes["date"]))
        attributes["deployments"] = len(kinds)
        attributes["deployment_kinds"] = JOIN.join(sorted(set(kinds.values()) - {""}))
        attributes["sources"] = JOIN.join(sorted(values["sources"]))
        edges.append((state, mission, "member", attributes))
    return edges


def _joining_label(kind: str, date: str) -> str:
    if not kind and not date:
        return "member, no instrument stated"
    return f"{kind or 'kind not stated'}, {date or 'date not stated'}"


def _partner_edges(dataset: Dataset) -> list[Edge]:
    """partner -> mission, with the partner's role."""
    return _role_edges(select(PARTNERS_QUERY, dataset), "partner", "mission", "partner")


def _official_edges(dataset: Dataset) -> list[Edge]:
    """person -> the state or organization of their post, with the post's role."""
    return _role_edges(select(OFFICIALS_QUERY, dataset), "person", "organization", "official")


def _role_edges(rows: Iterable, subject: str, obj: str, relation: str) -> list[Edge]:
    found: dict[tuple[Node, Node], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        values = found[(row[subject], row[obj])]
        values["sources"].add(node_id(row.source))
        if row.role is not None:
            values["role"].add(value_text(row.role))
    edges: list[Edge] = []
    for (start, end), values in found.items():
        role = JOIN.join(sorted(values["role"]))
        attributes: dict[str, str | int] = {"role": role, "label": role or relation, "sources": JOIN.join(sorted(values["sources"]))}
        edges.append((start, end, relation, attributes))
    return edges


# --- helpers --------------------------------------------------------------------------


def _graph_with_nodes(dataset: Dataset, terms: Iterable[Node]) -> nx.MultiDiGraph:
    """A graph holding ``terms`` as described nodes, added in sorted order so that every output is stable."""
    graph = nx.MultiDiGraph()
    for term in sorted(terms, key=node_id):
        graph.add_node(node_id(term), **node_attributes(dataset, term))
    return graph


def _quads(dataset: Dataset) -> Iterator[Quad]:
    """Every quad of the named graphs (the empty default graph of a union dataset has none of its own)."""
    for subject, predicate, obj, graph in dataset.quads((None, None, None, None)):
        graph_name = getattr(graph, "identifier", graph)
        yield subject, predicate, obj, graph_name


def select(query: str, dataset: Dataset) -> Iterable:
    """The rows of a SPARQL ``query`` written with the project's prefixes."""
    return dataset.query(_PROLOGUE + query)


def _is_link(predicate: Node, obj: Node) -> bool:
    return isinstance(obj, (URIRef, BNode)) and predicate != RDF.type and predicate not in _VALUE_PREDICATES


def value_text(term: Node) -> str:
    """A literal's text; a Wikidata item's short form (``wd:Q790``); a SKOS concept's slug (``adhesion``)."""
    text = str(term)
    if isinstance(term, Literal):
        return text
    return short_form(text) if text.startswith(WIKIDATA) else text.rsplit("/", 1)[-1]


def _best_label(labels: list[Literal]) -> str:
    english = sorted(str(label) for label in labels if label.language in (None, "en"))
    return (english or sorted(str(label) for label in labels) or [""])[0]


def _primary_type(types: set[str]) -> str:
    """The project's own class when a node has several (``ckg:Evidence`` before ``prov:Derivation``)."""
    own = short_form(ONTOLOGY)
    return sorted(types, key=lambda name: (not name.startswith(own), name))[0] if types else ""


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]
