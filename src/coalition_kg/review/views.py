"""What the page shows of a workspace: each card in the curated format's terms, its values with
their labels ("Guatemala", not ``state/GTM``), its results, and the edit form's state."""

from __future__ import annotations

from dataclasses import dataclass, field

from coalition_kg.curation.model import FACT_KINDS
from coalition_kg.review.article import Sentence, paragraphs
from coalition_kg.review.cards import EntityCard, FactCard
from coalition_kg.review.checking import SOURCE_CARD
from coalition_kg.review.choices import FieldChoice, Match, fields_of
from coalition_kg.review.workspace import Workspace
from coalition_kg.validation.report import ValidationResult


@dataclass
class Editing:
    """An edit form the server shows open: the values typed so far and what a search found."""

    key: str
    values: dict[str, str]
    found: dict[str, list[Match]] = field(default_factory=dict)
    searched: dict[str, str] = field(default_factory=dict)
    error: str = ""


@dataclass(frozen=True)
class ShownValue:
    field: FieldChoice
    value: str
    label: str


@dataclass(frozen=True)
class FactView:
    card: FactCard
    number: int
    values: tuple[ShownValue, ...]
    results: tuple[ValidationResult, ...]
    invalid: bool
    next_key: str
    fields: tuple[FieldChoice, ...]
    related: tuple[str, ...]


@dataclass(frozen=True)
class EntityView:
    card: EntityCard
    linked_label: str
    results: tuple[ValidationResult, ...]
    invalid: bool


@dataclass
class PageView:
    facts: list[FactView]
    entities: list[EntityView]
    paragraphs: list[list[Sentence]]
    counts: dict[str, int]
    source_results: list[ValidationResult]
    kinds: list[tuple[str, str]]

    @property
    def numbers(self) -> dict[str, int]:
        return {view.card.key: view.number for view in self.facts}


def page_view(workspace: Workspace) -> PageView:
    session, verdict = workspace.session, workspace.verdict
    cards = session.facts
    open_keys = [card.key for card in cards if card.status == "open"]
    facts = []
    for number, card in enumerate(cards, 1):
        later = [key for key in open_keys if int(key[1:]) > int(card.key[1:])] or open_keys
        results = tuple(verdict.by_card.get(card.key, []))
        facts.append(FactView(card, number, tuple(_shown(workspace, card)), results, verdict.invalid(card.key),
                              next((key for key in later if key != card.key), ""), fields_of(card.kind),
                              _related(workspace, card)))
    entities = [EntityView(card, workspace.register.label(card.linked_to) if card.linked_to else "",
                           tuple(verdict.by_card.get(card.key, [])), verdict.invalid(card.key))
                for card in session.entities]
    counts = {**session.counts(), "invalid": sum(view.invalid for view in facts if view.card.status != "rejected")}
    kept = [card for card in cards if card.status != "rejected"]
    return PageView(facts, entities, paragraphs(workspace.text, kept), counts,
                    verdict.by_card.get(SOURCE_CARD, []), [(name, kind.summary) for name, kind in FACT_KINDS.items()])


def _shown(workspace: Workspace, card: FactCard) -> list[ShownValue]:
    return [ShownValue(choice, card.values[choice.name], value_label(workspace, choice, card.values[choice.name]))
            for choice in fields_of(card.kind) if card.values.get(choice.name)]


def value_label(workspace: Workspace, choice: FieldChoice, value: str) -> str:
    """How a value reads: a concept's label, a register entry's, a fact of the article's summary."""
    if choice.picker == "concept":
        return next((c.label or c.slug for c in choice.concepts if c.slug == value), "")
    if choice.picker == "entity":
        return workspace.register.label(value)
    if choice.picker == "fact":
        card = next((c for c in workspace.session.kept() if c.ref == value), None)
        return summary(workspace, card) if card else ""
    return ""


def summary(workspace: Workspace, card: FactCard) -> str:
    """A fact in a few words: its kind and the labels of its first values."""
    words = [value_label(workspace, choice, card.values[choice.name]) or card.values[choice.name]
             for choice in fields_of(card.kind)[:3] if card.values.get(choice.name) and choice.picker != "fact"]
    return f"{card.kind}: " + ", ".join(words[:2]) if words else card.kind


def _related(workspace: Workspace, card: FactCard) -> tuple[str, ...]:
    """The article's facts of the kinds a fact field of ``card`` takes, for its picker."""
    kinds = {kind for choice in fields_of(card.kind) if choice.picker == "fact" for kind in choice.kinds}
    return tuple(other.ref for other in workspace.session.kept() if other.kind in kinds)
