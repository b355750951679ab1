"""The synthetic world written as source documents and curated records, in the project's data model.

Each document is one source: its text, a few sentences per paragraph, and the facts
curated from it, each quoting its sentence. Monthly contribution reports (one per
mission and month, about a thousand triples each) carry most of the volume.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from coalition_kg.curation.model import FACT_KINDS

from .world import DEPLOYMENT_KINDS, Contributor, Mission, State, World

#: Triples of a source node (type, label, identifier, language, text, checksum) and of a fact's
#: provenance (wasDerivedFrom, qualifiedDerivation, and the evidence node's two types, entity, sentence).
SOURCE_TRIPLES = 6
PROVENANCE_TRIPLES = 6
REGISTER_HEADER_TRIPLES = 3
OFFICIALS_PER_SOURCE = 25


@dataclass
class Record:
    """A curated record: a fact (``kind`` set) or a register entity; ``fields`` in file order."""

    id: str
    fields: dict[str, str]
    kind: str | None = None

    @property
    def triples(self) -> int:
        """How many triples the project's mapping makes of this record."""
        values = [name for name in self.fields if name not in ("evidence", "note", "kind")]
        if self.kind is None:
            return 1 + len(values) + (1 if self.id.startswith("state/") else 0)
        shortcut = FACT_KINDS[self.kind].shortcut
        has_shortcut = shortcut is not None and all(end == "@" or end in self.fields for end in shortcut[::2])
        return 1 + len(values) + int(has_shortcut) + PROVENANCE_TRIPLES


@dataclass
class Document:
    """One source document and the facts curated from it."""

    id: str
    label: str
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])
    facts: list[Record] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(" ".join(sentences) for sentences in self.paragraphs if sentences) + "\n"

    @property
    def triples(self) -> int:
        return SOURCE_TRIPLES + sum(fact.triples for fact in self.facts)

    def say(self, sentence: str) -> str:
        """Add a sentence to the text; a new paragraph every five sentences."""
        if len(self.paragraphs[-1]) >= 5:
            self.paragraphs.append([])
        self.paragraphs[-1].append(sentence)
        return sentence

    def fact(self, kind: str, fact_id: str, evidence: str, **fields: str) -> Record:
        record = Record(fact_id, {**fields, "evidence": evidence}, kind)
        self.facts.append(record)
        return record


def register_entities(world: World) -> list[Record]:
    """The register: missions, states, organizations and persons."""
    entities = [Record(f"mission/{m.slug}", {"label": m.name}) for m in world.missions]
    entities += [Record(f"state/{s.code}", {"label": s.name, "wikidata": s.wikidata}) for s in world.states]
    entities += [
        Record("org/un", {"kind": "international-organization", "label": "United Nations", "wikidata": "Q1065"}),
        Record("org/unsc", {"kind": "international-organization", "label": "UN Security Council", "wikidata": "Q37470"}),
    ]
    entities += [
        Record(f"org/{m.force_slug}", {"kind": "government-body", "label": m.force_label, "part_of": f"state/{m.host.code}"})
        for m in world.missions
    ]
    entities += [Record(f"person/{p.slug}", {"label": p.name}) for p in world.persons]
    return entities


def register_triples(entities: list[Record]) -> int:
    return REGISTER_HEADER_TRIPLES + sum(entity.triples for entity in entities)


def fixed_documents(world: World) -> list[Document]:
    """The sources that do not grow with time: resolutions, contributors, officials."""
    documents = [resolution_document(mission) for mission in world.missions]
    documents += [contributors_document(mission) for mission in world.missions]
    pledges = _pledged_missions(world)
    for start in range(0, len(world.states), OFFICIALS_PER_SOURCE):
        batch = world.states[start:start + OFFICIALS_PER_SOURCE]
        documents.append(officials_document(start // OFFICIALS_PER_SOURCE + 1, batch, pledges))
    return documents


def monthly_reports(world: World, rng: random.Random) -> Iterator[Document]:
    """Contribution reports, month after month, each mission in turn, from its first full year on
    (when every contributor has joined, so that each report is about a thousand triples)."""
    month = 12
    while True:
        for mission in world.missions:
            yield report_document(mission, _add_months(mission.start, month), rng)
        month += 1


def resolution_document(mission: Mission) -> Document:
    year, month, day = mission.start
    number = mission.resolution
    doc = Document(f"resolution-{number}", f"Security Council resolution {number} ({year}) establishing the {mission.acronym}")
    ref = f"mission/{mission.slug}"
    established = doc.say(
        f"By resolution {number}, adopted on {_long_date(mission.start)}, the UN Security Council established "
        f"the {mission.name} ({mission.acronym})."
    )
    doc.fact("instrument", f"unsc-resolution-{number}", established, instrument_kind="unsc-resolution",
             label=f"UN Security Council Resolution {number} ({year})", number=str(number), party="org/unsc",
             mission=ref, date=_iso(mission.start))
    doc.fact("name", f"{mission.slug}-acronym", established, entity=ref, label=mission.acronym)
    doc.fact("event", f"adoption-resolution-{number}", established, event_kind="announcement",
             label=f"Adoption of resolution {number}", agent="org/unsc", mission=ref, date=_iso(mission.start),
             place="New York", venue="org/un")
    partners = doc.say(f"The {mission.acronym} works alongside the {mission.force_label} and the Government of {mission.host.name}.")
    doc.fact("partnership", f"{mission.slug}-force", partners, mission=ref, partner=f"org/{mission.force_slug}",
             partner_role="host-nation-force")
    doc.fact("partnership", f"{mission.slug}-host", partners, mission=ref, partner=f"state/{mission.host.code}",
             partner_role="host-state")
    backer = doc.say(f"The United Nations backs the {mission.acronym} through its peacekeeping budget.")
    doc.fact("partnership", f"{mission.slug}-un", backer, mission=ref, partner="org/un", partner_role="backer")
    return doc


_JOINING = {
    "adhesion": "{state} deposited its instrument of adhesion to the {acronym} on {date}.",
    "signature": "{state} signed the agreement on the {acronym} on {date}.",
    "ratification": "{state} ratified its participation in the {acronym} on {date}.",
}


def contributors_document(mission: Mission) -> Document:
    doc = Document(f"contributors-{mission.slug}", f"States contributing to the {mission.acronym}")
    doc.say(f"This record lists the states that joined the {mission.name} ({mission.acronym}) and how each joined.")
    ref = f"mission/{mission.slug}"
    joined = sorted(mission.contributors, key=lambda c: c.joined)
    for contributor in joined:
        code = contributor.state.code
        sentence = doc.say(_JOINING[contributor.instrument_kind].format(
            state=contributor.state.name, acronym=mission.acronym, date=_long_date(contributor.joined)))
        instrument = f"{code.lower()}-{contributor.instrument_kind}-{mission.slug}"
        doc.fact("instrument", instrument, sentence, instrument_kind=contributor.instrument_kind,
                 party=f"state/{code}", mission=ref, date=_iso(contributor.joined))
        doc.fact("membership", f"{code.lower()}-{mission.slug}", sentence, member=f"state/{code}", mission=ref,
                 instrument=f"instrument/{instrument}")
    first = joined[0].state
    doc.fact("ordinal-claim", f"{first.code.lower()}-first-{mission.slug}",
             doc.say(f"{first.name} was the first state to join the {mission.acronym}."),
             subject=f"state/{first.code}", mission=ref, rank="1")
    doc.fact("count-claim", f"{mission.slug}-contributors",
             doc.say(f"In all, {len(joined)} states contribute to the {mission.acronym}."),
             mission=ref, count=str(len(joined)))
    return doc


def officials_document(number: int, states: list[State], pledges: dict[str, tuple[Mission, Contributor]]) -> Document:
    doc = Document(f"officials-{number:03d}", f"Heads of state and envoys, part {number}")
    for state in states:
        code, lower = state.code, state.code.lower()
        president = state.president
        doc.fact("post", f"{lower}-president", doc.say(f"{president.name} is the President of {state.name}."),
                 holder=f"person/{president.slug}", organization=f"state/{code}", role="president")
        if state.ambassador:
            envoy = state.ambassador
            doc.fact("post", f"{lower}-ambassador-un",
                     doc.say(f"{envoy.name} is the ambassador of {state.name} to the United Nations."),
                     holder=f"person/{envoy.slug}", organization=f"state/{code}", role="ambassador",
                     accredited_to="org/un")
        if code in pledges:
            _add_pledge(doc, state, *pledges[code])
    return doc


def _add_pledge(doc: Document, state: State, mission: Mission, contributor: Contributor) -> None:
    year, month, day = contributor.joined
    date = (year + 1, month, day)
    event = f"{state.code.lower()}-pledge-{mission.slug}"
    doc.fact("event", event, doc.say(f"On {_long_date(date)}, {state.name} pledged further support to the {mission.acronym}."),
             event_kind="pledge", label=f"{state.name}'s pledge to the {mission.acronym}", agent=f"state/{state.code}",
             mission=f"mission/{mission.slug}", date=_iso(date))
    words = f"{state.name} will keep its contingent in the {mission.acronym} for as long as it is needed."
    doc.fact("statement", f"{state.code.lower()}-statement-{mission.slug}",
             doc.say(f"At the pledge, President {state.president.name} said, “{words}”"),
             speaker=f"person/{state.president.slug}", on_behalf_of=f"state/{state.code}",
             mission=f"mission/{mission.slug}", text=words, date=_iso(date), occasion=f"event/{event}")


def report_document(mission: Mission, month: tuple[int, int, int], rng: random.Random) -> Document:
    year, number, _ = month
    period = f"{calendar.month_name[number]} {year}"
    doc = Document(f"report-{mission.slug}-{year}-{number:02d}", f"{mission.acronym} contributions report, {period}")
    doc.say(f"{mission.acronym} contributions report for {period}.")
    doc.say(f"The figures give the uniformed personnel each contributing state had serving with the {mission.name}.")
    for contributor in mission.contributors:
        if contributor.joined[:2] > month[:2]:
            continue
        sizes = {kind: max(1, round(base * rng.uniform(0.8, 1.2))) for kind, base in contributor.base_sizes.items()}
        figures = _enumerate(f"{size} {DEPLOYMENT_KINDS[kind][2]}" for kind, size in sizes.items())
        sentence = doc.say(f"{contributor.state.name} had {figures} serving with the {mission.acronym} at the end of {period}.")
        for kind, size in sizes.items():
            doc.fact("deployment", f"{contributor.state.code.lower()}-{kind}-{mission.slug}-{year}-{number:02d}", sentence,
                     state=f"state/{contributor.state.code}", mission=f"mission/{mission.slug}", deployment_kind=kind,
                     status="serving", size=str(size), date=f"{year}-{number:02d}")
    return doc


def _pledged_missions(world: World) -> dict[str, tuple[Mission, Contributor]]:
    """The first contributor of each mission, and every sixth state that contributes, pledged support."""
    pledges = {m.contributors[0].state.code: (m, m.contributors[0]) for m in world.missions if m.contributors}
    for index, state in enumerate(world.states):
        found = next(((m, c) for m in world.missions for c in m.contributors if c.state is state), None)
        if found and index % 6 == 0:
            pledges.setdefault(state.code, found)
    return pledges


def _add_months(start: tuple[int, int, int], months: int) -> tuple[int, int, int]:
    year, month, day = start
    total = month - 1 + months
    return year + total // 12, total % 12 + 1, day


def _iso(date: tuple[int, int, int]) -> str:
    return "{:04d}-{:02d}-{:02d}".format(*date)


def _long_date(date: tuple[int, int, int]) -> str:
    year, month, day = date
    return f"{day} {calendar.month_name[month]} {year}"


def _enumerate(items) -> str:
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
