"""What the endpoint says about itself and its data: the SPARQL 1.1 Service Description and a VoID
description of the dataset (triples per source graph, classes, properties).

The statistics come from four queries over the whole store, run once in a worker and kept: the
store does not change while the server runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from coalition_kg.core.namespaces import ID, PREFIXES
from coalition_kg.queries.results import Answer

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
DATASET_IRI = "https://w3id.org/coalition-kg/dataset"
DESCRIPTION_PREFIXES = {"sd": SD, "void": VOID, "formats": FORMATS_NS, **PREFIXES}
DEFAULT_GRAPH_MEANING = (
    "The default graph is the union of the named graphs, one per source document (and one for the "
    "entity register), each triple once; GRAPH <source IRI> reads one source's statements."
)
RESULT_FORMATS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads",
)
STATISTICS_QUERIES = {
    "graphs": "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph ORDER BY ?graph",
    "total": "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o }",
    "classes": "SELECT ?class (COUNT(DISTINCT ?s) AS ?entities) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class",
    "properties": "SELECT ?property (COUNT(*) AS ?triples) WHERE { ?s ?property ?o } GROUP BY ?property ORDER BY ?property",
}

_TYPE = NamedNode(PREFIXES["rdf"] + "type")


class Statistics(NamedTuple):
    """Counts over the store: triples of each named graph, of the default graph (the union),
    entities of each class, triples of each property."""

    graphs: dict[str, int]
    triples: int
    subjects: int
    classes: dict[str, int]
    properties: dict[str, int]


def statistics(select: Callable[[str], Answer]) -> Statistics:
    """The counts, each query answered by ``select``."""

    def counts(name: str) -> dict[str, int]:
        return {row[0].value: int(row[1].value) for row in select(STATISTICS_QUERIES[name]).solutions}

    total = select(STATISTICS_QUERIES["total"]).solutions[0]
    return Statistics(counts("graphs"), int(total[0].value), int(total[1].value), counts("classes"), counts("properties"))


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _count(value: int) -> Literal:
    return Literal(value)


def service_description(endpoint: str, stats: Statistics) -> list[Triple]:
    """The Service Description of the endpoint at the URL ``endpoint``."""
    service = _n(endpoint)
    dataset, default_graph = BlankNode("dataset"), BlankNode("defaultGraph")
    triples = [
        Triple(service, _TYPE, _n(SD + "Service")),
        Triple(service, _n(SD + "endpoint"), service),
        Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        Triple(service, _n(SD + "defaultEntailmentRegime"), _n("http://www.w3.org/ns/entailment/Simple")),
        *(Triple(service, _n(SD + "resultFormat"), _n(FORMATS_NS + name)) for name in RESULT_FORMATS),
        Triple(service, _n(SD + "defaultDataset"), dataset),
        Triple(dataset, _TYPE, _n(SD + "Dataset")),
        Triple(dataset, _n(PREFIXES["dcterms"] + "source"), _n(DATASET_IRI)),
        Triple(dataset, _n(SD + "defaultGraph"), default_graph),
        Triple(default_graph, _TYPE, _n(SD + "Graph")),
        Triple(default_graph, _n(PREFIXES["dcterms"] + "description"), Literal(DEFAULT_GRAPH_MEANING, language="en")),
        Triple(default_graph, _n(VOID + "triples"), _count(stats.triples)),
    ]
    for index, (graph, count) in enumerate(stats.graphs.items()):
        named, description = BlankNode(f"named{index}"), BlankNode(f"graph{index}")
        triples += [
            Triple(dataset, _n(SD + "namedGraph"), named),
            Triple(named, _TYPE, _n(SD + "NamedGraph")),
            Triple(named, _n(SD + "name"), _n(graph)),
            Triple(named, _n(SD + "graph"), description),
            Triple(description, _TYPE, _n(SD + "Graph")),
            Triple(description, _n(VOID + "triples"), _count(count)),
        ]
    return triples


def void_description(endpoint: str | None, stats: Statistics) -> list[Triple]:
    """The VoID description of the dataset, queried at ``endpoint`` (None: nowhere, as a static
    site's, which no endpoint serves)."""
    return list(_void(_n(DATASET_IRI), endpoint, stats))


def _void(dataset: NamedNode, endpoint: str | None, stats: Statistics) -> Iterator[Triple]:
    yield Triple(dataset, _TYPE, _n(VOID + "Dataset"))
    yield Triple(dataset, _n(PREFIXES["dcterms"] + "title"), Literal("coalition-kg", language="en"))
    yield Triple(dataset, _n(PREFIXES["dcterms"] + "description"), Literal(DEFAULT_GRAPH_MEANING, language="en"))
    if endpoint is not None:
        yield Triple(dataset, _n(VOID + "sparqlEndpoint"), _n(endpoint))
    yield Triple(dataset, _n(VOID + "uriSpace"), Literal(ID))
    yield Triple(dataset, _n(VOID + "vocabulary"), _n(PREFIXES["ckg"].rstrip("#")))
    yield Triple(dataset, _n(VOID + "triples"), _count(stats.triples))
    yield Triple(dataset, _n(VOID + "distinctSubjects"), _count(stats.subjects))
    yield Triple(dataset, _n(VOID + "classes"), _count(len(stats.classes)))
    yield Triple(dataset, _n(VOID + "properties"), _count(len(stats.properties)))
    for index, (graph, count) in enumerate(stats.graphs.items()):
        subset = BlankNode(f"graph{index}")
        yield Triple(dataset, _n(VOID + "subset"), subset)
        yield Triple(subset, _TYPE, _n(VOID + "Dataset"))
        yield Triple(subset, _n(SD + "name"), _n(graph))
        yield Triple(subset, _n(PREFIXES["dcterms"] + "source"), _n(graph))
        yield Triple(subset, _n(VOID + "triples"), _count(count))
    for index, (rdf_class, count) in enumerate(stats.classes.items()):
        partition = BlankNode(f"class{index}")
        yield Triple(dataset, _n(VOID + "classPartition"), partition)
        yield Triple(partition, _n(VOID + "class"), _n(rdf_class))
        yield Triple(partition, _n(VOID + "entities"), _count(count))
    for index, (rdf_property, count) in enumerate(stats.properties.items()):
        partition = BlankNode(f"property{index}")
        yield Triple(dataset, _n(VOID + "propertyPartition"), partition)
        yield Triple(partition, _n(VOID + "property"), _n(rdf_property))
        yield Triple(partition, _n(VOID + "triples"), _count(count))
