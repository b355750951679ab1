"""The canned questions as RDF, written next to the data so that they travel with it.

One ``sh:SPARQLSelectExecutable`` per question, as the SIB sparql-examples
collections describe theirs: its summary (``rdfs:label``), description and
parameters (``rdfs:comment``), SPARQL text (``sh:select``), tags
(``schema:keywords``) and name (``dcterms:identifier``), under
``https://w3id.org/coalition-kg/id/query/<name>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple

from coalition_kg.core.namespaces import PREFIXES, entity_iri
from coalition_kg.core.paths import QUERIES_DIR
from coalition_kg.queries.catalog import CannedQuery, load_catalog
from coalition_kg.queries.params import Parameter

CATALOG_FILE = "queries.ttl"
_SH, _RDFS, _SCHEMA, _DCTERMS = (PREFIXES[name] for name in ("sh", "rdfs", "schema", "dcterms"))
_RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_TYPES = (NamedNode(_SH + "SPARQLExecutable"), NamedNode(_SH + "SPARQLSelectExecutable"))
_TURTLE_PREFIXES = {name: PREFIXES[name] for name in ("sh", "rdfs", "schema", "dcterms", "query")}


def catalog_turtle(queries_dir: Path = QUERIES_DIR) -> bytes:
    """The catalog of canned questions in Turtle."""
    triples = [triple for query in load_catalog(queries_dir) for triple in query_triples(query)]
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


def _comment(query: CannedQuery) -> str:
    return " ".join([query.description or query.summary, *_parameter_notes(query.params)])


def _parameter_notes(params: Sequence[Parameter]) -> list[str]:
    if not params:
        return []
    return ["Parameters (bind the variable of the same name): " + "; ".join(p.usage() for p in params) + "."]
