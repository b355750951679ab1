"""Curated records to RDF quads: one named graph per source document.

Each fact becomes a node of its class (an ``org:Membership``, a legal instrument,
a deployment...) in the named graph of the source that states it, tied to that
source by ``prov:wasDerivedFrom`` and by a qualified ``prov:Derivation`` that
quotes the sentence. A fact that two sources state is one node with two
derivations, one in each source's graph. The register's entities go to a graph
of their own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from coalition_kg.core.namespaces import ONTOLOGY, PREFIXES, WIKIDATA, concept_iri, entity_iri
from coalition_kg.curation.model import (
    DCTERMS,
    ENTITY_CLASSES,
    ENTITY_FIELDS,
    FACT_KINDS,
    PROVENANCE,
    RDFS,
    REGISTER_CLASS,
    SCHEMA,
    SOURCE_CLASS,
    SOURCE_FIELDS,
    FieldSpec,
)
from coalition_kg.curation.reader import Curation, CurationError, Location, Record, Register, Source, Value

REGISTER_REF = "source/register"
_REF_PATTERN = re.compile(r"^[a-z][a-z0-9-]*/[^/\s]+$")
# rdflib does not check gYearMonth's month: "2024-13" falls through to xsd:date, which it finds ill-typed.
_DATE_TYPES = ((re.compile(r"^-?\d{4}$"), XSD.gYear), (re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])$"), XSD.gYearMonth))


@dataclass
class Origins:
    """Where in the curated files each node and each of its values was written."""

    nodes: dict[str, Location] = field(default_factory=dict)
    values: dict[tuple[str, str], Location] = field(default_factory=dict)

    def locate(self, node: str, predicate: str | None = None) -> Location | None:
        """The line of ``node``'s value for ``predicate``, else the line of ``node`` itself."""
        if predicate and (node, predicate) in self.values:
            return self.values[(node, predicate)]
        return self.nodes.get(node)


#: A triple and the name of the graph that holds it.
Quad = tuple[Node, Node, Node, Node]


@dataclass
class Mapped:
    """The quads mapped from the curated files, and where each part of them came from.

    The quads are the one result of the mapping; the rdflib views that validation and the
    pictures use are made from them on demand, because at a million triples each view costs
    seconds and a gigabyte and most commands need one of them at most."""

    quads: list[Quad]
    origins: Origins

    @cached_property
    def dataset(self) -> Dataset:
        """The quads as an rdflib dataset, one named graph per source."""
        dataset = new_dataset()
        dataset.addN(self.quads)
        return dataset

    def union_graph(self) -> Graph:
        """All triples of all graphs in one rdflib graph: what SHACL validates."""
        return union_graph(self.quads)


class _NamedGraph:
    """Appends the triples added to it to ``quads``, in the graph ``name``."""

    def __init__(self, quads: list[Quad], name: URIRef) -> None:
        self.quads = quads
        self.name = name

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self.quads.append((*triple, self.name))


def rdf11_term(term: Node) -> Node:
    """``term`` as the mapping writes it. In RDF 1.1 a literal without a datatype is an
    ``xsd:string``, and Oxigraph gives it back as one; rdflib keeps ``"MSSM"`` and
    ``"MSSM"^^xsd:string`` apart, so that a graph holding both would count two values where RDF
    has one. Every literal that reaches rdflib from elsewhere (the built store, an RDF file) is
    written the mapping's way, plain."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs, prefixes bound."""
    return bound(Dataset(default_union=True))


def union_graph(quads: Iterable[Quad]) -> Graph:
    """The triples of ``quads``, whatever their graph, in one rdflib graph, prefixes bound."""
    graph = bound(Graph())
    graph.addN((s, p, o, graph) for s, p, o, _ in quads)
    return graph


def bound(graph: Graph) -> Graph:
    """``graph`` with the project's prefixes bound."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_quads(curation: Curation) -> Mapped:
    """Map every curated record to RDF quads."""
    mapped = Mapped([], Origins())
    if curation.register:
        _add_register(mapped, curation.register)
    for source in curation.sources:
        _add_source(mapped, source)
    return mapped


def _add_register(mapped: Mapped, register: Register) -> None:
    register_iri = URIRef(entity_iri(REGISTER_REF))
    graph = _NamedGraph(mapped.quads, register_iri)
    mapped.origins.nodes[str(register_iri)] = register.location
    graph.add((register_iri, RDF.type, URIRef(REGISTER_CLASS)))
    graph.add((register_iri, URIRef(RDFS + "label"), Literal(register.label, lang="en")))
    if register.description:
        graph.add((register_iri, URIRef(DCTERMS + "description"), Literal(register.description, lang="en")))
    for entity in register.entities:
        iri = _ref_term(entity.id, entity.location)
        mapped.origins.nodes[str(iri)] = entity.location
        rdf_class = ENTITY_CLASSES.get(entity.kind)
        if rdf_class is None:
            raise CurationError(
                entity.location,
                f"'{entity.id}' is of unknown kind '{entity.kind}'",
                "an id starting mission/, state/, org/ or person/ (org/ with kind "
                "international-organization or government-body)",
            )
        graph.add((iri, RDF.type, URIRef(rdf_class)))
        if entity.kind == "state":
            code = entity.id.split("/", 1)[1]
            graph.add((iri, URIRef(ONTOLOGY + "iso3166Alpha3"), Literal(code)))
        for name, spec in ENTITY_FIELDS.items():
            if name in entity.values:
                _add_value(mapped, graph, iri, spec, entity.values[name], "en")


def _add_source(mapped: Mapped, source: Source) -> None:
    source_iri = URIRef(entity_iri(f"source/{source.id}"))
    graph = _NamedGraph(mapped.quads, source_iri)
    mapped.origins.nodes[str(source_iri)] = source.location
    graph.add((source_iri, RDF.type, URIRef(SOURCE_CLASS)))
    graph.add((source_iri, URIRef(RDFS + "label"), Literal(source.label, lang="en")))
    graph.add((source_iri, URIRef(DCTERMS + "identifier"), Literal(source.id)))
    graph.add((source_iri, URIRef(DCTERMS + "language"), Literal(source.language)))
    graph.add((source_iri, URIRef(SCHEMA + "text"), Literal(source.text, lang=source.language)))
    digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    graph.add((source_iri, URIRef(SCHEMA + "sha256"), Literal(digest)))
    for name, value in source.about.items():
        _add_value(mapped, graph, source_iri, SOURCE_FIELDS[name], value, source.language)
    for fact in source.facts:
        _add_fact(mapped, graph, source_iri, source, fact)


def _add_fact(mapped: Mapped, graph, source_iri: URIRef, source: Source, fact: Record) -> None:
    kind = FACT_KINDS[fact.kind]
    iri = _ref_term(fact.ref, fact.location)
    mapped.origins.nodes.setdefault(str(iri), fact.location)
    graph.add((iri, RDF.type, URIRef(kind.rdf_class)))
    for name, spec in kind.fields.items():
        if name in fact.values:
            _add_value(mapped, graph, iri, spec, fact.values[name], source.language)
    if kind.shortcut:
        _add_shortcut(graph, iri, fact, kind.shortcut, kind.fields)
    _add_provenance(mapped, graph, iri, source_iri, source, fact)


def _add_shortcut(graph, iri: URIRef, fact: Record, shortcut, fields: dict[str, FieldSpec]) -> None:
    subject_field, predicate, object_field = shortcut
    ends = []
    for name in (subject_field, object_field):
        if name == "@":
            ends.append(iri)
        elif name in fact.values:
            ends.append(_term(fields[name], fact.values[name], Location(fact.location.file, fact.values[name].line), "en"))
        else:
            return
    graph.add((ends[0], URIRef(predicate), ends[1]))


def _add_provenance(mapped: Mapped, graph, iri: URIRef, source_iri: URIRef, source: Source, fact: Record) -> None:
    graph.add((iri, URIRef(PROVENANCE.derived_from), source_iri))
    if "note" in fact.values:
        graph.add((iri, URIRef(PROVENANCE.note), Literal(fact.values["note"].text, lang="en")))
    evidence = fact.values.get("evidence")
    if evidence is None:
        return
    evidence_iri = URIRef(entity_iri(f"evidence/{quote(source.id, safe='')}.{fact.ref.replace('/', '.')}"))
    mapped.origins.nodes[str(evidence_iri)] = Location(fact.location.file, evidence.line)
    mapped.origins.values[(str(iri), PROVENANCE.qualified)] = Location(fact.location.file, evidence.line)
    graph.add((iri, URIRef(PROVENANCE.qualified), evidence_iri))
    graph.add((evidence_iri, RDF.type, URIRef(PROVENANCE.derivation)))
    graph.add((evidence_iri, RDF.type, URIRef(PROVENANCE.evidence_class)))
    graph.add((evidence_iri, URIRef(PROVENANCE.entity), source_iri))
    graph.add((evidence_iri, URIRef(PROVENANCE.sentence), Literal(evidence.text, lang=source.language)))


def _add_value(mapped: Mapped, graph, subject: URIRef, spec: FieldSpec, value: Value, language: str) -> None:
    location = Location(mapped.origins.nodes[str(subject)].file, value.line)
    mapped.origins.values.setdefault((str(subject), spec.predicate), location)
    graph.add((subject, URIRef(spec.predicate), _term(spec, value, location, language)))


def _term(spec: FieldSpec, value: Value, location: Location, language: str) -> Node:
    """The RDF term of a curated value. Malformed dates and numbers stay ill-typed literals,
    which SHACL reports with the rest, rather than stopping at the first one."""
    text = value.text.strip()
    if spec.term == "ref":
        return _ref_term(text, location)
    if spec.term == "concept":
        return URIRef(concept_iri(spec.scheme or "", quote(text, safe="")))
    if spec.term == "date":
        datatype = next((dt for pattern, dt in _DATE_TYPES if pattern.match(text)), XSD.date)
        return Literal(text, datatype=datatype)
    if spec.term == "integer":
        return Literal(text, datatype=XSD.integer)
    if spec.term == "url":
        return Literal(text, datatype=XSD.anyURI)
    if spec.term == "wikidata":
        return URIRef(WIKIDATA + quote(text, safe=""))
    if spec.term == "text":
        return Literal(value.text, lang=language)
    return Literal(value.text)


def _ref_term(ref: str, location: Location) -> URIRef:
    if not _REF_PATTERN.match(ref):
        raise CurationError(location, f"'{ref}' is not a reference", "kind/slug, e.g. state/GTM or instrument/gtm-adhesion")
    kind, slug = ref.split("/", 1)
    return URIRef(entity_iri(f"{kind}/{quote(slug, safe='')}"))
