"""A candidate fact: its kind and fields, the sentence that states it, the rule that proposed it,
how confident the rule is, and what the curator must decide about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from coalition_kg.curation.propose.text import Sentence
from coalition_kg.curation.propose.vocabulary import Term

#: A field's value: words or a reference (``str``), a concept (:class:`Term`), or another
#: candidate of the same draft (a membership's instrument, a statement's occasion).
FieldValue = Union[str, Term, "Candidate"]


@dataclass(eq=False)
class Candidate:
    """One proposed fact. ``rank`` orders rules that propose the same fact: the higher wins."""

    kind: str
    fields: dict[str, FieldValue]
    sentence: Sentence
    rule: str
    confidence: float
    flags: list[str] = field(default_factory=list)
    rank: int = 0
    id: str = ""

    def text(self, name: str) -> str:
        """A field's value as the draft writes it; a concept by its slug, a candidate by reference."""
        value = self.fields.get(name)
        if isinstance(value, Term):
            return value.slug
        if isinstance(value, Candidate):
            return f"{value.kind}/{value.id}"
        return value or ""
