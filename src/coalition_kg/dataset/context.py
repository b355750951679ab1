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
from dataclasses import dataclass
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
    return dataset_document(graph_entries(nquads))


@dataclass(frozen=True)
class GraphEntry:
    """A named graph as compacted JSON-LD: its ``@id`` as written, and its entry in the ``@graph``
    array of :func:`dataset_document`, indented as it is there."""

    id: str
    text: bytes


_INDENT = b"    "  # an entry of the top-level @graph array is two levels deep


def graph_entries(nquads: bytes) -> dict[str, GraphEntry]:
    """Each named graph of canonical N-Quads compacted on its own, by graph IRI. An entry depends on
    its graph's quads only, so a build that replaces some graphs keeps the others' entries."""
    by_graph: dict[bytes, list[bytes]] = {}
    for line in nquads.split(b"\n"):
        if line:
            by_graph.setdefault(line[line.rfind(b" <") + 2:-3], []).append(line)
    return {graph.decode(): _graph_entry(b"\n".join(lines)) for graph, lines in by_graph.items()}


def _graph_entry(nquads: bytes) -> GraphEntry:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    # rdflib writes a dataset of one named graph as that graph's entry, with the context beside it.
    document = json.loads(dataset.serialize(format="json-ld", context=context(), auto_compact=True))
    entry = _sorted({key: value for key, value in document.items() if key != "@context"})
    text = json.dumps(entry, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return GraphEntry(entry["@id"], b"\n".join(_INDENT + line for line in text.split(b"\n")))


def written_entries(document: bytes) -> dict[str, GraphEntry]:
    """The entries of a document that :func:`dataset_document` wrote, by graph IRI: each begins and
    ends with a brace alone on a line, indented as only an entry's are, and ends with its ``@id``."""
    entries, start = {}, document.find(b'\n  "@graph": [\n')
    while start >= 0 and (start := document.find(b"\n" + _INDENT + b"{\n", start)) >= 0:
        end = document.index(b"\n" + _INDENT + b"}", start) + len(_INDENT) + 2
        text = document[start + 1:end]
        graph_id = json.loads(b"{" + text[text.rindex(b"\n", 0, -len(_INDENT) - 2) + 1:-len(_INDENT) - 2] + b"}")["@id"]
        entries[_expanded(graph_id)] = GraphEntry(graph_id, text)
        start = end
    return entries


def _expanded(compact_iri: str) -> str:
    """A compact IRI of the context (``source:register``) in full."""
    prefix, _, local = compact_iri.partition(":")
    namespace = context().get(prefix)
    return namespace + local if isinstance(namespace, str) and local and not local.startswith("//") else compact_iri


def dataset_document(entries: dict[str, GraphEntry]) -> bytes:
    """The JSON-LD document of the named graphs whose ``entries`` are given: the context inline,
    then the entries in the order of their ``@id``, as :func:`_sorted` orders nodes; the same bytes
    as the whole dataset compacted at once and written with sorted keys."""
    def written(graphs: list[str]) -> bytes:
        return json.dumps({"@context": context(), "@graph": graphs}, indent=2, ensure_ascii=False, sort_keys=True).encode()

    if not entries:
        return written([]) + b"\n"
    head, tail = written(["entries"]).split(_INDENT + b'"entries"')
    texts = [entry.text for entry in sorted(entries.values(), key=lambda entry: entry.id)]
    return head + b",\n".join(texts) + tail + b"\n"


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
