"""The published JSON-LD ``@context`` of the graph, and resources written as compacted JSON-LD with it.

The context gives every predicate and class of the data model a readable term (its local name,
``member``, ``joinedBy``, ``State``; prefixed by its vocabulary where two vocabularies share a
local name), says which predicates link to other resources (``"@type": "@id"``), and keeps the
project's prefixes for everything else. It is published at :data:`CONTEXT_IRI` (the server
serves it there, the build writes it as ``build/context.jsonld``), for consumers to compact their
own JSON-LD with; every document the project writes carries it inline, so that a JSON-LD
processor expands it to exactly the triples of the graph without fetching anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache

from coalition_kg.core.namespaces import PREFIXES, short_form
from coalition_kg.curation.model import (
    ENTITY_CLASSES,
    ENTITY_FIELDS,
    FACT_KINDS,
    PROVENANCE,
    REGISTER_CLASS,
    SOURCE_CLASS,
    FieldSpec,
)

CONTEXT_IRI = "https://w3id.org/coalition-kg/context.jsonld"
CONTEXT_FILE = "context.jsonld"
_LINKS = ("ref", "concept", "wikidata")
_SOURCE_PREDICATES = {
    PREFIXES["dcterms"] + "identifier": None, PREFIXES["dcterms"] + "language": None, PREFIXES["rdfs"] + "label": None,
    PREFIXES["schema"] + "text": None, PREFIXES["schema"] + "sha256": None, PREFIXES["dcterms"] + "description": None,
    PREFIXES["ckg"] + "iso3166Alpha3": None,
}


def _predicates() -> Iterator[tuple[str, bool]]:
    """Every predicate of the data model, and whether its values are resources."""
    fields: list[FieldSpec] = [*ENTITY_FIELDS.values(), *(f for kind in FACT_KINDS.values() for f in kind.fields.values())]
    yield from ((spec.predicate, spec.term in _LINKS) for spec in fields)
    yield from ((kind.shortcut[1], True) for kind in FACT_KINDS.values() if kind.shortcut)
    yield from ((PROVENANCE.derived_from, True), (PROVENANCE.qualified, True), (PROVENANCE.entity, True))
    yield from ((PROVENANCE.sentence, False), (PROVENANCE.note, False))
    yield from ((predicate, False) for predicate in _SOURCE_PREDICATES)


def _classes() -> Iterator[str]:
    yield from ENTITY_CLASSES.values()
    yield from (kind.rdf_class for kind in FACT_KINDS.values())
    yield from (SOURCE_CLASS, REGISTER_CLASS, PROVENANCE.evidence_class, PROVENANCE.derivation)


@cache
def context() -> dict[str, object]:
    """The ``@context``: the project's prefixes, then a term per class and predicate."""
    links = dict(_predicates())
    iris = [*dict.fromkeys(_classes()), *links]
    local = {iri: short_form(iri).split(":")[-1].split("/")[-1] for iri in iris}
    taken: dict[str, int] = dict.fromkeys(PREFIXES, 1)  # a term must not hide a prefix
    for name in local.values():
        taken[name] = taken.get(name, 0) + 1
    terms: dict[str, object] = dict(sorted(PREFIXES.items()))
    for iri in iris:
        name = local[iri] if taken[local[iri]] == 1 and local[iri] not in PREFIXES else short_form(iri).replace(":", "_")
        terms[name] = {"@id": iri, "@type": "@id"} if links.get(iri) else iri
    return terms


def context_document() -> bytes:
    """The context as the document published at :data:`CONTEXT_IRI`."""
    return (json.dumps({"@context": context()}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def compacted(ntriples_lines: Iterable[str]) -> bytes:
    """Triples (N-Triples lines) as compacted JSON-LD, with the published context written inline:
    a document must load where :data:`CONTEXT_IRI` cannot be fetched (no network, or a processor
    that fetches nothing)."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(data="\n".join(ntriples_lines) + "\n", format="nt")
    return _compacted(graph, context())


def compacted_dataset(nquads: bytes) -> bytes:
    """Quads (N-Quads) as compacted JSON-LD, a ``@graph`` per named graph, with the published
    context written inline: the export is loaded where :data:`CONTEXT_IRI` may not be reachable."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return _compacted(dataset, context())


def _compacted(graph, written_context: object) -> bytes:
    """rdflib compacts with the context; the arrays that hold sets (of values, of nodes, of
    graphs) are then sorted, since rdflib's order is not the same from run to run. An RDF list
    (``@list``) is ordered and keeps rdflib's order, which is the list's."""
    document = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    document = _sorted(document)
    document["@context"] = written_context
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _sorted(value: object) -> object:
    """``value`` with every array sorted but the members of a ``@list`` (the context declares no
    ``"@container": "@list"`` term, so a list is always written as ``{"@list": [...]}``)."""
    if isinstance(value, dict):
        return {key: _in_order(item) if key == "@list" else _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(item) for item in value), key=_order)
    return value


def _in_order(members: object) -> object:
    if isinstance(members, list):
        return [_sorted(member) for member in members]
    return _sorted(members)


def _order(item: object) -> str:
    """Nodes by their ``@id``, values by their JSON."""
    if isinstance(item, dict) and isinstance(item.get("@id"), str) and len(item) > 1:
        return "\0" + item["@id"]
    return json.dumps(item, sort_keys=True, ensure_ascii=False)
