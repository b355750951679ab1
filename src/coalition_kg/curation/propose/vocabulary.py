"""The values a concept field may take, read at run time from the ontology's SKOS schemes.

Nothing here names a concept: the schemes of ``ontology/coalition.ttl`` are read when a draft
is made, so that a concept the curators add (a role, a deployment kind...) is recognised by its
``skos:prefLabel``, ``skos:altLabel`` or ``skos:hiddenLabel`` at once. A term that no concept of
its scheme carries is kept as it stands, as a slug, and marked unknown, for the curator to decide:
never dropped, never forced into the nearest concept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, RdfFormat

from coalition_kg.core.namespaces import ID, PREFIXES
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.curation.model import FACT_KINDS

ONTOLOGY_FILE = ONTOLOGY_DIR / "coalition.ttl"
_SKOS = PREFIXES["skos"]
_LABELS = {_SKOS + "prefLabel", _SKOS + "altLabel", _SKOS + "hiddenLabel"}
_NOT_WORD = re.compile(r"[^0-9a-z]+")

#: The scheme of every concept field of the model: ``{"role": "role", "status": "deployment-status", ...}``.
CONCEPT_FIELDS: dict[str, str] = {
    name: spec.scheme for kind in FACT_KINDS.values() for name, spec in kind.fields.items()
    if spec.term == "concept" and spec.scheme
}


def normal_form(words: str) -> str:
    """Words compared without case, hyphens, punctuation or a plural ``s``: "Host-nation forces"
    and "host nation force" are one term."""
    parts = _NOT_WORD.sub(" ", words.lower().replace("’", "'").replace("'s ", " ")).split()
    return " ".join(part[:-1] if len(part) > 3 and part.endswith("s") and not part.endswith("ss") else part
                    for part in parts)


def slug(words: str) -> str:
    """A slug for words that name no concept yet: "Prime Minister" -> ``prime-minister``."""
    return "-".join(_NOT_WORD.sub(" ", words.lower()).split())


@dataclass(frozen=True)
class Term:
    """A concept field's value: a concept's slug (``known``), or the source's words as a slug."""

    scheme: str
    slug: str
    known: bool
    words: str


@dataclass(frozen=True)
class Vocabulary:
    """Each scheme's concepts: slug -> the normal forms of its slug and labels."""

    schemes: dict[str, dict[str, frozenset[str]]]
    written: dict[str, dict[str, str]]  # scheme -> each label as written -> its concept's slug
    broader: dict[str, dict[str, str]] = field(default_factory=dict)  # scheme -> concept -> its skos:broader

    def is_narrower(self, scheme: str, concept: str, other: str) -> bool:
        """Whether ``other`` is above ``concept`` in the scheme's skos:broader hierarchy."""
        parent = self.broader.get(scheme, {}).get(concept)
        seen = set()
        while parent is not None and parent not in seen:
            if parent == other:
                return True
            seen.add(parent)
            parent = self.broader.get(scheme, {}).get(parent)
        return False

    def slugs(self, scheme: str) -> list[str]:
        return sorted(self.schemes.get(scheme, {}))

    def labels(self, scheme: str) -> dict[str, str]:
        """Every label (normal form) of the scheme's concepts, with the concept's slug."""
        return {label: concept for concept, labels in sorted(self.schemes.get(scheme, {}).items())
                for label in sorted(labels)}

    def phrases(self, scheme: str) -> dict[str, str]:
        """Every label of the scheme's concepts as written, each standing for itself: cues."""
        return {label: label for label in sorted(self.written.get(scheme, {}))}

    def resolve(self, scheme: str, *candidates: str) -> Term:
        """The concept of ``scheme`` that the first of ``candidates`` to name one names; else the
        first candidate kept as an unknown term."""
        labels = self.labels(scheme)
        for words in candidates:
            concept = labels.get(normal_form(words))
            if concept:
                return Term(scheme, concept, True, words)
        return Term(scheme, slug(candidates[0]), False, candidates[0])


def read_vocabulary(ontology_file: Path = ONTOLOGY_FILE) -> Vocabulary:
    """The concepts of every scheme the model's concept fields use, with their labels."""
    return _read(ontology_file.read_bytes())


@cache
def _read(ontology: bytes) -> Vocabulary:
    """Cached by content: a scheme edited between two drafts is read again."""
    in_scheme, broader = NamedNode(_SKOS + "inScheme"), NamedNode(_SKOS + "broader")
    wanted = {ID + scheme: scheme for scheme in CONCEPT_FIELDS.values()}
    schemes: dict[str, dict[str, set[str]]] = {scheme: {} for scheme in wanted.values()}
    labels: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}
    membership: dict[str, str] = {}
    parents: dict[str, str] = {}
    for triple in pyoxigraph.parse(ontology, format=RdfFormat.TURTLE):
        subject, predicate, value = triple.subject, triple.predicate, triple.object
        if not isinstance(subject, NamedNode):
            continue
        if predicate == in_scheme and isinstance(value, NamedNode) and value.value in wanted:
            membership[subject.value] = wanted[value.value]
        elif predicate == broader and isinstance(value, NamedNode):
            parents[subject.value] = value.value
        elif predicate.value in _LABELS and isinstance(value, Literal) and value.language in (None, "en"):
            labels.setdefault(subject.value, set()).add(normal_form(value.value))
            written.setdefault(subject.value, set()).add(value.value)
    for iri, scheme in membership.items():
        concept = iri.rsplit("/", 1)[1]
        schemes[scheme][concept] = {normal_form(concept), *labels.get(iri, set())}
    return Vocabulary(
        {scheme: {concept: frozenset(forms) for concept, forms in concepts.items()} for scheme, concepts in schemes.items()},
        {scheme: {label: iri.rsplit("/", 1)[1] for iri, name in membership.items() if name == scheme
                  for label in written.get(iri, ())} for scheme in schemes},
        {scheme: {iri.rsplit("/", 1)[1]: parents[iri].rsplit("/", 1)[1] for iri, name in membership.items()
                  if name == scheme and membership.get(parents.get(iri, "")) == scheme} for scheme in schemes},
    )
