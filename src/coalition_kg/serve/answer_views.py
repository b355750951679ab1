"""The views that fit an answer, beside its table: the evidence of each row (the sources'
sentences, :mod:`coalition_kg.queries.evidence`), a timeline when its rows are dated, a network
when they link entities. Laid out here, drawn as inline SVG by the question page's template."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.queries.evidence import Quote, is_entity
from coalition_kg.queries.results import Answer
from coalition_kg.serve.resources import Value, value_of

XSD_DATE = PREFIXES["xsd"] + "date"
TIMELINE_WIDTH, ROW_HEIGHT, MARGIN = 760, 26, 120
NETWORK_SIZE = 520
#: Quotes shown at most for one row; the rest are counted.
MAX_QUOTES = 6


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


@dataclass(frozen=True)
class Node:
    value: Value
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    start: Node
    end: Node


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
    width = TIMELINE_WIDTH - 2 * MARGIN
    return [Event(day, MARGIN + width * (day - first).days / span, 20 + ROW_HEIGHT * index, what)
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
