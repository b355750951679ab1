"""The resources that live beside the data rather than in the store: the ontology and its terms,
the SKOS concept schemes and their concepts (``ontology/coalition.ttl``), and the canned questions
(the catalog's RDF). Small: held in memory in the server's own process and read directly. The
concept schemes with their concepts are also what the schemes' pages show (written by the build:
:mod:`coalition_kg.serve.documentation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.core.paths import ONTOLOGY_DIR, QUERIES_DIR
from coalition_kg.queries.catalog import load_catalog
from coalition_kg.queries.catalog_rdf import query_triples

ONTOLOGY_IRI = "https://w3id.org/coalition-kg/ontology"
SKOS = PREFIXES["skos"]
_PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


@dataclass(frozen=True)
class Term:
    """A concept as its scheme's page shows it."""

    iri: str
    label: str
    comment: str
    details: tuple[tuple[str, str], ...] = ()  # (what, text), e.g. ("also called", "medevac helicopters")


@dataclass(frozen=True)
class Scheme:
    iri: str
    label: str
    definition: str
    concepts: tuple[Term, ...]

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


class Vocabulary:
    """The ontology and the catalog, in memory."""

    def __init__(self, ontology_file: Path = ONTOLOGY_DIR / "coalition.ttl", queries_dir: Path = QUERIES_DIR) -> None:
        self.store = pyoxigraph.Store()
        with ontology_file.open("rb") as stream:
            self.store.load(stream, format=RdfFormat.TURTLE)
        self.queries = {query.name: query for query in load_catalog(queries_dir)}
        self.store.extend(
            Quad(t.subject, t.predicate, t.object, DefaultGraph()) for q in self.queries.values() for t in query_triples(q)
        )

    def holds(self, iri: str) -> bool:
        """Whether ``iri`` is described here (the ontology, a scheme, a concept, a term, a question)."""
        return bool(self.store.query("ASK { ?iri ?p ?o }", substitutions={pyoxigraph.Variable("iri"): NamedNode(iri)}))

    def description(self, iri: str) -> list[Triple]:
        """The triples about ``iri``: the whole ontology for the ontology, a scheme with its concepts."""
        if iri == ONTOLOGY_IRI:
            return [quad.triple for quad in self.store.quads_for_pattern(None, None, None, DefaultGraph())
                    if not str(quad.subject).startswith("<https://w3id.org/coalition-kg/id/query/")]
        subjects = [NamedNode(iri), *self._concepts_of(iri)]
        return [quad.triple for subject in subjects for quad in self.store.quads_for_pattern(subject, None, None)]

    def kind(self, iri: str) -> str:
        """ontology, scheme, concept, query, or term (a class or property: a part of the ontology's page)."""
        types = {str(row["type"].value) for row in self._select("SELECT ?type ?iri WHERE { ?iri a ?type }", iri)}
        if iri == ONTOLOGY_IRI:
            return "ontology"
        if SKOS + "ConceptScheme" in types:
            return "scheme"
        if SKOS + "Concept" in types:
            return "concept"
        if iri.rsplit("/", 1)[-1] in self.queries and "/id/query/" in iri:
            return "query"
        return "term"

    @cached_property
    def labels(self) -> dict[str, str]:
        """The English name of every class, property, scheme and concept of the ontology (and of
        the terms it reuses), by IRI: what pages call them instead of their IRIs."""
        rows = self.store.query(_PROLOGUE + 'SELECT ?term ?label WHERE { { ?term rdfs:label ?label } UNION '
                                '{ ?term skos:prefLabel ?label } FILTER(LANG(?label) IN ("", "en")) }')
        return {row["term"].value: row["label"].value for row in rows if isinstance(row["term"], NamedNode)}

    def scheme(self, iri: str) -> Scheme:
        return next(scheme for scheme in self.schemes if scheme.iri == iri)

    def concept(self, iri: str) -> tuple[Term, Scheme]:
        for scheme in self.schemes:
            for concept in scheme.concepts:
                if concept.iri == iri:
                    return concept, scheme
        raise KeyError(iri)

    @cached_property
    def schemes(self) -> list[Scheme]:
        """The concept schemes, each with its concepts, by label."""
        return [
            Scheme(row["s"].value, _text(row["label"]), _text(row["definition"]), tuple(self._concept_terms(row["s"].value)))
            for row in self.store.query(
                _PROLOGUE + "SELECT ?s ?label ?definition WHERE { ?s a skos:ConceptScheme ; skos:prefLabel ?label "
                "OPTIONAL { ?s skos:definition ?definition } } ORDER BY ?label"
            )
        ]

    def _concept_terms(self, scheme: str) -> list[Term]:
        rows = self._select(
            "SELECT ?c ?label ?definition ?alt ?iri WHERE { ?c skos:inScheme ?iri ; skos:prefLabel ?label "
            "OPTIONAL { ?c skos:definition ?definition } OPTIONAL { ?c skos:altLabel ?alt } } ORDER BY ?label",
            scheme,
        )
        return [Term(row["c"].value, _text(row["label"]), _text(row["definition"]),
                     (("also called", _text(row["alt"])),) if row["alt"] else ()) for row in rows]

    def _concepts_of(self, scheme: str) -> list[NamedNode]:
        return [row["c"] for row in self._select("SELECT ?c ?iri WHERE { ?c skos:inScheme ?iri }", scheme)]

    def _select(self, text: str, iri: str):
        return self.store.query(_PROLOGUE + text, substitutions={pyoxigraph.Variable("iri"): NamedNode(iri)})


def _text(term: object) -> str:
    return term.value if isinstance(term, Literal) else ""
