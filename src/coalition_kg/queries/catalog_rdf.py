"""The canned questions as RDF, written next to the data so that they travel with it.

One ``sh:SPARQLSelectExecutable`` per question, as the SIB sparql-examples
collections describe theirs: its summary (``rdfs:label``), description and
parameters (``rdfs:comment``), SPARQL text (``sh:select``), the endpoint it is
meant for (``schema:target``, the project's endpoint at :data:`ENDPOINT`), tags
(``schema:keywords``) and name (``dcterms:identifier``), under
``https://w3id.org/coalition-kg/id/query/<name>``; the prefixes its text uses as
SHACL prefix declarations (``sh:prefixes``). Each parameter is machine-readable as a
SHACL parameter (``sh:parameter``, as SHACL-AF declares a function's): its name
(``sh:name``, the variable it binds), its type (``sh:class`` for states and missions,
``sh:datatype`` for literals, ``sh:nodeKind sh:IRI`` for any IRI), whether it may be
left out (``sh:optional``) and its default (``sh:defaultValue``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple

from coalition_kg.core.namespaces import PREFIXES, entity_iri
from coalition_kg.core.paths import QUERIES_DIR
from coalition_kg.queries.catalog import CannedQuery, load_catalog
from coalition_kg.queries.params import LOOKUP_CLASSES, Parameter, iri_term

CATALOG_FILE = "queries.ttl"
#: The project's SPARQL endpoint: ``coalition-kg serve`` answers it at /sparql.
ENDPOINT = "https://w3id.org/coalition-kg/sparql"
PREFIXES_NODE = entity_iri("query/prefixes")
_SH, _RDFS, _SCHEMA, _DCTERMS = (PREFIXES[name] for name in ("sh", "rdfs", "schema", "dcterms"))
_RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_TYPES = (NamedNode(_SH + "SPARQLExecutable"), NamedNode(_SH + "SPARQLSelectExecutable"))
_XSD = PREFIXES["xsd"]
#: How each parameter type reads as a SHACL constraint on the value.
_PARAMETER_SHAPES = {
    **{kind: ("class", rdf_class) for kind, rdf_class in LOOKUP_CLASSES.items()},
    "iri": ("nodeKind", _SH + "IRI"),
    "date": ("datatype", _XSD + "date"),
    "string": ("datatype", _XSD + "string"),
    "integer": ("datatype", _XSD + "integer"),
}
_TURTLE_PREFIXES = {name: PREFIXES[name] for name in ("sh", "rdfs", "schema", "dcterms", "query")}


def catalog_turtle(queries_dir: Path = QUERIES_DIR) -> bytes:
    """The catalog of canned questions in Turtle."""
    triples = [triple for query in load_catalog(queries_dir) for triple in query_triples(query)]
    triples += prefix_triples()
    return pyoxigraph.serialize(triples, format=RdfFormat.TURTLE, prefixes=_TURTLE_PREFIXES)


def query_triples(query: CannedQuery) -> Iterator[Triple]:
    """The triples that describe one canned question."""
    subject = NamedNode(entity_iri(f"query/{query.name}"))
    for rdf_type in _TYPES:
        yield Triple(subject, _RDF_TYPE, rdf_type)
    yield Triple(subject, NamedNode(_DCTERMS + "identifier"), Literal(query.name))
    yield Triple(subject, NamedNode(_RDFS + "label"), Literal(query.summary, language="en"))
    yield Triple(subject, NamedNode(_RDFS + "comment"), Literal(_comment(query), language="en"))
    for tag in query.tags:
        yield Triple(subject, NamedNode(_SCHEMA + "keywords"), Literal(tag))
    yield Triple(subject, NamedNode(_SH + "select"), Literal(query.body))
    yield Triple(subject, NamedNode(_SCHEMA + "target"), NamedNode(ENDPOINT))
    yield Triple(subject, NamedNode(_SH + "prefixes"), NamedNode(PREFIXES_NODE))
    for parameter in query.params:
        yield from _parameter_triples(subject, parameter)


def prefix_triples() -> Iterator[Triple]:
    """The prefixes the questions use, declared as SHACL-SPARQL does (``sh:declare``)."""
    node = NamedNode(PREFIXES_NODE)
    for prefix, namespace in sorted(PREFIXES.items()):
        declaration = BlankNode(f"prefix-{prefix}")
        yield Triple(node, NamedNode(_SH + "declare"), declaration)
        yield Triple(declaration, NamedNode(_SH + "prefix"), Literal(prefix))
        yield Triple(declaration, NamedNode(_SH + "namespace"), Literal(namespace, datatype=NamedNode(PREFIXES["xsd"] + "anyURI")))


def _parameter_triples(subject: NamedNode, parameter: Parameter) -> Iterator[Triple]:
    node = NamedNode(f"{subject.value}#{parameter.name}")
    yield Triple(subject, NamedNode(_SH + "parameter"), node)
    yield Triple(node, _RDF_TYPE, NamedNode(_SH + "Parameter"))
    yield Triple(node, NamedNode(_SH + "path"), node)
    yield Triple(node, NamedNode(_SH + "name"), Literal(parameter.name))
    if parameter.description:
        yield Triple(node, NamedNode(_SH + "description"), Literal(parameter.description, language="en"))
    yield Triple(node, NamedNode(_SH + "optional"), Literal(not parameter.required))
    kind, value = _PARAMETER_SHAPES[parameter.type]
    yield Triple(node, NamedNode(_SH + kind), NamedNode(value))
    if parameter.default is not None:
        default = iri_term(str(parameter.default)) if parameter.type in ("state", "mission", "iri") else None
        yield Triple(node, NamedNode(_SH + "defaultValue"), default or Literal(str(parameter.default)))


def _comment(query: CannedQuery) -> str:
    return " ".join([query.description or query.summary, *_parameter_notes(query.params)])


def _parameter_notes(params: Sequence[Parameter]) -> list[str]:
    if not params:
        return []
    return ["Parameters (bind the variable of the same name): " + "; ".join(p.usage() for p in params) + "."]
