"""The coalition's dated facts, for a time axis: states joining missions, resolutions, events, deployments.

Dates keep the precision their source gives: a year-only date (Resolution 2699,
"2023") is a whole year, not the 1st of January. Facts the sources do not date —
Kenya's joining, a pledge made "in September" of a year not given — are listed
as undated, never placed on the axis.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.term import Node

from coalition_kg.curation.model import ENTITY_CLASSES, FACT_KINDS
from coalition_kg.pictures.views import FACT_KIND_NAMES, JOIN, node_attributes, node_id, select, value_text

_PRECISIONS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})$"), "year"),
)
_STATE = URIRef(ENTITY_CLASSES["state"])
_INSTRUMENT = URIRef(FACT_KINDS["instrument"].rdf_class)

DATED_FACTS_QUERY = """
SELECT ?fact ?class ?date ?dateText ?actor ?actorClass ?kind ?source WHERE {
  ?fact prov:wasDerivedFrom ?source ; a ?class .
  { ?fact dcterms:date ?date } UNION { ?fact ckg:dateText ?dateText }
  OPTIONAL { ?fact ckg:party|ckg:agent|ckg:deployingState ?actor . ?actor a ?actorClass . }
  OPTIONAL { ?fact ckg:instrumentKind|ckg:eventKind|ckg:deploymentKind ?kind }
}"""
UNDATED_MEMBERSHIPS_QUERY = """
SELECT ?membership ?state ?source WHERE {
  ?membership a ckg:Membership ; org:member ?state ; prov:wasDerivedFrom ?source .
  FILTER NOT EXISTS { ?membership ckg:joinedBy/dcterms:date ?date }
}"""


@dataclass(frozen=True)
class TimelineEntry:
    """One fact on (or off) the time axis.

    ``category`` is ``joining`` (a state's instrument or membership), ``instrument``
    (another legal instrument, e.g. a resolution), ``event`` or ``deployment``;
    ``date`` is the ISO text the source gives and ``precision`` is ``day``, ``month``
    or ``year``, both empty when the fact is undated; ``note`` says what the source
    says instead of a date.
    """

    fact: str
    category: str
    label: str
    date: str
    precision: str
    note: str
    sources: str

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day the date may mean: a day, a whole month or a whole year."""
        year, month, day = (int(part) for part in (self.date.split("-") + ["0", "0"])[:3])
        if self.precision == "day":
            start = datetime.date(year, month, day)
            return start, start
        if self.precision == "month":
            return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@dataclass(frozen=True)
class Timeline:
    """Dated entries in time order; undated ones by label."""

    dated: list[TimelineEntry]
    undated: list[TimelineEntry]


def timeline(dataset: Dataset) -> Timeline:
    """The dated facts of ``dataset``, and the facts about joining and events that have no date."""
    entries = [*_dated_facts(dataset), *_undated_memberships(dataset)]
    dated = sorted((entry for entry in entries if entry.precision), key=lambda entry: (entry.period(), entry.label, entry.fact))
    undated = sorted((entry for entry in entries if not entry.precision), key=lambda entry: entry.label)
    return Timeline(dated, undated)


def _dated_facts(dataset: Dataset) -> list[TimelineEntry]:
    found: dict[Node, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in select(DATED_FACTS_QUERY, dataset):
        values = found[row.fact]
        for name in ("class", "date", "dateText", "kind", "source"):
            if row[name] is not None:
                values[name].add(row[name])
        if row.actor is not None:
            values["actor"].add((row.actor, row.actorClass))
    return [_dated_entry(dataset, fact, values) for fact, values in found.items()]


def _dated_entry(dataset: Dataset, fact: Node, values: dict[str, set]) -> TimelineEntry:
    fact_class = min(values["class"])
    joining = fact_class == _INSTRUMENT and any(actor_class == _STATE for _, actor_class in values["actor"])
    category = "joining" if joining else FACT_KIND_NAMES.get(fact_class, "event")
    kind = JOIN.join(sorted(value_text(term) for term in values["kind"]))
    actors = JOIN.join(sorted({node_attributes(dataset, actor)["label"] for actor, _ in values["actor"]}))
    own_label = node_attributes(dataset, fact)["label"]
    if own_label != node_id(fact):
        label = own_label
    elif joining:
        label = f"{actors}: {kind or 'joined, instrument not named'}"
    else:
        label = f"{actors}: {kind}" if actors else own_label
    date = JOIN.join(sorted(str(term) for term in values["date"]))
    precision = next((name for pattern, name in _PRECISIONS if pattern.match(date)), "")
    note = JOIN.join(sorted(f'dated "{term}" only' for term in values["dateText"]))
    if date and not precision:
        note = f'date "{date}" not understood'
    sources = JOIN.join(sorted(node_id(term) for term in values["source"]))
    return TimelineEntry(node_id(fact), category, label, date if precision else "", precision, note, sources)


def _undated_memberships(dataset: Dataset) -> list[TimelineEntry]:
    sources: dict[tuple[Node, Node], set[str]] = defaultdict(set)
    for row in select(UNDATED_MEMBERSHIPS_QUERY, dataset):
        sources[(row.membership, row.state)].add(node_id(row.source))
    return [
        TimelineEntry(
            node_id(membership),
            "joining",
            f"{node_attributes(dataset, state)['label']}: member",
            "",
            "",
            "no date of joining in the sources",
            JOIN.join(sorted(found)),
        )
        for (membership, state), found in sources.items()
    ]
