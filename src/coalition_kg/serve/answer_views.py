"""An answer as a page shows it: a table that fits the page, and the views that fit it beside.

The table says once, above it, what is the same on every row (the values of the question's
parameters: the mission asked about); names each column in words ("partner role" for
``partnerRole``); shows an entity by its name, so that a column that only repeats the names of
another's entities (``label`` beside ``state``) is left out; and puts under each row the
evidence of that row (the sources' sentences, :mod:`coalition_kg.queries.evidence`), in place of
the question's own columns of sources and sentences. A timeline when its rows are dated, a
network when they link entities: laid out here, drawn as inline SVG by the page's template."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode

from coalition_kg.core.namespaces import ID, PREFIXES
from coalition_kg.queries.cells import identifier
from coalition_kg.queries.evidence import Quote, is_entity
from coalition_kg.queries.results import Answer
from coalition_kg.serve.resources import Value, value_of

XSD_DATE = PREFIXES["xsd"] + "date"
#: A timeline's width, and where its axis runs: names and dates on the left, so that a phone shows it legibly.
TIMELINE_WIDTH, ROW_HEIGHT, AXIS_START, AXIS_END = 400, 26, 215, 390
NETWORK_SIZE = 520
#: Quotes shown at most for one row; the rest are counted.
MAX_QUOTES = 6
#: A question's own columns of sources and sentences: the evidence under each row shows them.
EVIDENCE_COLUMNS = ("evidence", "sentence", "source", "sources")
_WORD = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass
class RowEvidence:
    """What a row's evidence shows: at most :data:`MAX_QUOTES` quotes, and how many more."""

    quotes: list[tuple[Value, Value, str]] = field(default_factory=list)  # (fact, source, sentence)
    more: int = 0


def shown(quotes: Sequence[Quote], labels: Mapping[str, str]) -> RowEvidence:
    """A row's quotes as its page shows them, the source named by its label."""
    return RowEvidence(
        [(value_of(NamedNode(q.fact), labels), value_of(NamedNode(q.document), labels), q.sentence) for q in quotes[:MAX_QUOTES]],
        max(len(quotes) - MAX_QUOTES, 0),
    )


@dataclass(frozen=True)
class Event:
    day: date
    x: float
    y: float
    what: Value

    @property
    def short(self) -> str:
        """The date as the axis has room for: "3 Aug 2024"."""
        return f"{self.day.day} {self.day:%b %Y}"


@dataclass(frozen=True)
class Node:
    value: Value
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    start: Node
    end: Node


@dataclass
class AnswerTable:
    """What the page shows of an answer: the values the same on every row (``said``, as
    (name, value)), the columns' names, and each row's cells with its evidence."""

    said: list[tuple[str, Value]]
    columns: list[str]
    rows: list[tuple[list[Value], RowEvidence | None]]
    stopped_after: int | None = None


def answer_table(answer: Answer, labels: Mapping[str, str], evidence: Sequence[RowEvidence] | None = None) -> AnswerTable:
    """``answer`` as its page shows it (see the module's docstring); an answer to ad-hoc SPARQL
    (without ``evidence``) keeps every column its query asked for."""
    terms = answer.terms()
    question = evidence is not None
    said = [i for i, name in enumerate(answer.variables) if name in answer.parameters and terms]
    kept = [i for i, name in enumerate(answer.variables) if i not in said
            and not (question and (name in EVIDENCE_COLUMNS or _names_another(i, terms, labels)))]
    return AnswerTable(
        said=[(words(answer.variables[i]), value_of(terms[0][i], labels)) for i in said],
        columns=[words(answer.variables[i]) if question else answer.variables[i] for i in kept],
        rows=[([_cell(row[i], answer.variables[i], labels) for i in kept], evidence[index] if evidence is not None else None)
              for index, row in enumerate(terms)],
        stopped_after=answer.stopped_after,
    )


def _cell(term: object, column: str, labels: Mapping[str, str]) -> Value:
    """A cell: an IRI without a name by its identifier, without its kind in a column named after
    it (``gtm-military-police`` in a ``deployment`` column), as the terminal's tables show it."""
    value = value_of(term, labels)
    if isinstance(term, NamedNode) and term.value not in labels and term.value.startswith(ID):
        return Value(identifier(term.value, column), value.href, value.note)
    return value


def words(variable: str) -> str:
    """A variable's name in words: ``partnerRole`` -> "partner role"."""
    return _WORD.sub(" ", variable).lower()


def _names_another(column: int, terms: Sequence[Sequence[object]], labels: Mapping[str, str]) -> bool:
    """Whether a column of text only repeats, on every row, the name of an IRI of another column."""
    texts = [row[column] for row in terms]
    if not any(isinstance(text, Literal) for text in texts) or not all(text is None or isinstance(text, Literal) for text in texts):
        return False
    return any(
        all(text is None or (isinstance(row[other], NamedNode) and labels.get(row[other].value) == text.value)
            for text, row in zip(texts, terms))
        for other in range(len(terms[0])) if other != column and any(isinstance(row[other], NamedNode) for row in terms)
    )


def timeline(answer: Answer, labels: dict[str, str]) -> list[Event]:
    """The dated rows in order of date, each placed along the time axis; empty when none is dated.
    A parameter's column (the date of members-as-of) dates no row: a member whose joining is
    undated is not placed at the date asked about."""
    dated = []
    facts = [name not in answer.parameters for name in answer.variables]
    for row in answer.terms():
        days = [term for term, fact in zip(row, facts)
                if fact and isinstance(term, Literal) and term.datatype.value == XSD_DATE]
        names = [term for term in row if isinstance(term, NamedNode) and is_entity(term)]
        if days:
            dated.append((date.fromisoformat(days[0].value), value_of(names[0] if names else days[0], labels)))
    dated.sort(key=lambda item: (item[0], item[1].text))
    if not dated:
        return []
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)
    return [Event(day, AXIS_START + (AXIS_END - AXIS_START) * (day - first).days / span, 20 + ROW_HEIGHT * index, what)
            for index, (day, what) in enumerate(dated)]


def network(answer: Answer, labels: dict[str, str]) -> tuple[list[Node], list[Edge]]:
    """The entities of the rows on a circle, each row linking its first entity to the others."""
    pairs: list[tuple[str, str]] = []
    entities: dict[str, NamedNode] = {}
    for row in answer.terms():
        found = [term for term in row if isinstance(term, NamedNode) and is_entity(term)]
        for term in found:
            entities.setdefault(term.value, term)
        pairs += [(found[0].value, other.value) for other in found[1:] if other.value != found[0].value]
    if len(entities) < 2 or not pairs:
        return [], []
    radius, centre = NETWORK_SIZE / 2 - 90, NETWORK_SIZE / 2
    nodes = {}
    for index, iri in enumerate(sorted(entities)):
        angle = 2 * math.pi * index / len(entities)
        nodes[iri] = Node(value_of(entities[iri], labels), centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    edges = [Edge(nodes[start], nodes[end]) for start, end in dict.fromkeys(pairs)]
    return list(nodes.values()), edges
