"""A draft facts file: the candidates of an article made into facts, one per fact, with ids,
written in the curated format with what the curator must decide at the top.

Ids follow the curators' conventions (``jam-adhesion``, ``gtm-mss-haiti``, ``mss-haiti-mssm``);
a fact that another source already states keeps that fact's id, so that accepting it gives one
fact with two sources, and a new fact never takes the id of a different one. The YAML is
written by hand, not by a YAML library, because its comments carry the review notes; each
value is a JSON string, which YAML reads as the same string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from coalition_kg.curation.model import FACT_KINDS
from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.entities import Entity
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.matching import fact_key, identity_key
from coalition_kg.curation.propose.vocabulary import Term, Vocabulary, slug

KIND_ORDER = tuple(FACT_KINDS)
_REFERENCE = re.compile(r"^[a-z-]+/[A-Za-z0-9._-]+$")


@dataclass
class Draft:
    """What ``propose`` gives: the source header, the facts and the new register entries."""

    article: str
    source_id: str
    source_text: str
    source_label: str
    facts: list[Candidate]
    new_entities: list[Entity]
    decisions: list[str] = field(default_factory=list)

    def to_yaml(self) -> str:
        return "".join(_lines(self))


def assemble(candidates: Iterable[Candidate], known: Known, vocabulary: Vocabulary) -> list[Candidate]:
    """One candidate per fact (the best-ranked rule, then the earliest sentence), in the curated
    files' order: by kind, then by place in the article; each with its id."""
    candidates = list(candidates)
    best: dict[tuple[str, ...], Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.sentence.is_headline, -c.rank, c.sentence.start, -len(c.fields))):
        best.setdefault(_key(candidate, vocabulary), candidate)
    kept = _without_bare_mentions(_without_headline_repeats(_without_generic_personnel(
        _without_less_said(list(best.values()), vocabulary))))
    kept.sort(key=lambda c: (KIND_ORDER.index(c.kind), c.sentence.start, c.rule))
    _point_at_kept(kept, candidates, vocabulary)
    _assign_ids(kept, known, vocabulary)
    return kept


def _point_at_kept(kept: list[Candidate], candidates: list[Candidate], vocabulary: Vocabulary) -> None:
    """A field that refers to a candidate merged into another (a membership's instrument, a
    statement's occasion) refers to the one kept; to none, when none was kept: a draft never
    holds an empty reference such as ``instrument: instrument/``."""
    by_key = {_key(c, vocabulary): c for c in kept}
    by_less = {key: c for c in kept for key in _less_said_keys(c, vocabulary)}
    chosen = {id(c) for c in kept}
    for candidate in kept:
        for name, value in list(candidate.fields.items()):
            if not isinstance(value, Candidate) or id(value) in chosen:
                continue
            same = by_key.get(_key(value, vocabulary)) or (
                by_less.get(_key(value, vocabulary)) if value.kind in _LESS_SAID else None)
            if same is not None:
                candidate.fields[name] = same
            else:
                del candidate.fields[name]


def _key(candidate: Candidate, vocabulary: Vocabulary, blank: tuple[str, ...] = (), **said: str) -> tuple[str, ...]:
    values = {name: candidate.text(name) for name in candidate.fields if name not in blank}
    return fact_key(candidate.kind, {**values, **said}, vocabulary)


#: A fact that says less than another: the fields it may leave out, for each kind.
_LESS_SAID = {"instrument": ("date", "number"), "deployment": ("status",)}


def _less_said_keys(candidate: Candidate, vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """The keys of the facts that say less than this one: without one or more of the fields of
    ``_LESS_SAID`` that it gives, or with its date to the month or the year only."""
    given = [name for name in _LESS_SAID.get(candidate.kind, ()) if candidate.text(name)]
    dates = _coarser_dates(candidate.text("date")) if "date" in given else []
    coarser = [_key(candidate, vocabulary, date=date) for date in dates]  # "resolution 2699 (2023)"
    return coarser + [_key(candidate, vocabulary, blank=tuple(left_out)) for size in range(1, len(given) + 1)
                      for left_out in combinations(given, size)]


def _coarser_dates(date: str) -> list[str]:
    """"2023-10-02" -> "2023-10", "2023": the same date said less precisely."""
    return [date[:length] for length in (7, 4) if len(date) > length]


def _without_less_said(candidates: list[Candidate], vocabulary: Vocabulary) -> list[Candidate]:
    """An instrument without a date or number where the article dates or numbers it elsewhere (a
    headline: "Security Council extends authorization"), a deployment without a status where
    another sentence gives it: the fuller one is kept."""
    fuller = {key for c in candidates for key in _less_said_keys(c, vocabulary)}
    return [c for c in candidates if _key(c, vocabulary) not in fuller]


#: The fields by which a headline's fact and the body's tell of the same thing, for each kind.
_TOLD_AGAIN = {"deployment": ("state", "mission"), "instrument": ("party", "mission")}


def _without_headline_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """A headline's deployment or instrument where the article's body tells one of the same state
    and mission ("Chadian police contingent lands in Haiti", then "The first contingent of 250
    Chadian police officers landed in the capital on 3 May"): the body's, with its numbers and
    dates, is the curator's fact; the headline's says it again, shorter. Not an act the headline
    cites by its number ("DECREE No. 2025-417 of 11 June 2025 authorising ..."): that is the
    document's own title."""
    told = {_told_again(c) for c in candidates if c.kind in _TOLD_AGAIN and not c.sentence.is_headline}
    return [c for c in candidates if not (c.kind in _TOLD_AGAIN and c.sentence.is_headline
                                          and not c.text("number") and _told_again(c) in told)]


#: What a deployment tells of itself besides who sends what: its size, when and which rotation.
_TOLD_OF_A_DEPLOYMENT = ("size", "date", "date_text", "ordinal")


def _without_bare_mentions(candidates: list[Candidate]) -> list[Candidate]:
    """A deployment that says nothing of its size, time or rotation ("Nigeria, Senegal and Ghana
    have kept soldiers in our country") where another sentence tells of one of the same state
    and mission with those: the article mentions that one again, in passing."""
    told = [c for c in candidates if c.kind == "deployment" and any(map(c.text, _TOLD_OF_A_DEPLOYMENT))]
    return [c for c in candidates if not (c.kind == "deployment" and not any(map(c.text, _TOLD_OF_A_DEPLOYMENT))
                                          and any(_mentions_again(c, other) for other in told))]


def _mentions_again(bare: Candidate, told: Candidate) -> bool:
    """The same state's personnel in the same mission: of the same kind, or there already
    (an offer of another kind is news: "Barbados also pledged a medical team")."""
    return bare.text("state") == told.text("state") and bare.text("mission") == told.text("mission") and (
        bare.text("deployment_kind") == told.text("deployment_kind") or bare.text("status") in cues.PRESENT_STATUSES)


def _told_again(candidate: Candidate) -> tuple[str, ...]:
    return candidate.kind, *(candidate.text(name) for name in _TOLD_AGAIN[candidate.kind])


def _without_generic_personnel(candidates: list[Candidate]) -> list[Candidate]:
    """"Personnel" is a kind the source does not state: personnel serving is dropped where the
    article says the state's personnel of a stated kind arrived or serve."""
    there = {(c.fields["state"], c.fields["mission"]) for c in candidates
             if c.kind == "deployment" and c.text("deployment_kind") != "personnel"
             and c.text("status") in ("arrived", "serving")}
    return [c for c in candidates if not (c.kind == "deployment" and c.text("deployment_kind") == "personnel"
                                          and c.text("status") in ("serving", "")
                                          and (c.fields["state"], c.fields["mission"]) in there)]


def _assign_ids(candidates: list[Candidate], known: Known, vocabulary: Vocabulary) -> None:
    existing: dict[tuple[str, ...], dict[str, str]] = {}
    taken: set[tuple[str, str]] = set()
    for fact in known.facts:
        values = {k: v.text for k, v in fact.values.items()}
        existing.setdefault(fact_key(fact.kind, values, vocabulary), {**values, "id": fact.id})
        existing.setdefault(identity_key(fact.kind, values, vocabulary), {**values, "id": fact.id})
        taken.add((fact.kind, fact.id))
    used: set[tuple[str, str]] = set()
    # Instruments and events first: memberships and statements refer to them.
    for candidate in sorted(candidates, key=lambda c: c.kind not in ("instrument", "event")):
        values = {name: candidate.text(name) for name in candidate.fields}
        fact = existing.get(identity_key(candidate.kind, values, vocabulary))
        if fact is None or identity_key(candidate.kind, values, vocabulary) == _key(candidate, vocabulary):
            fact = existing.get(_key(candidate, vocabulary))
            if fact and any(values.get(name) and fact.get(name) and values[name] != fact[name] for name in _DETAILS):
                fact = None  # the same kind of fact with another date or size: another deployment, another event
        reused = fact["id"] if fact else None
        if reused and (candidate.kind, reused) not in used:
            candidate.id = reused
            candidate.flags.append(f"another source states this fact: the id {reused} is reused")
            _without_other_values(candidate, fact)
        else:
            base = slug(_id_words(candidate)) or candidate.kind
            candidate.id = base
            n = 2
            while (candidate.kind, candidate.id) in taken | used:
                candidate.id = f"{base}-{n}"
                n += 1
        used.add((candidate.kind, candidate.id))


#: Details that tell two facts of one key apart: a deployment of another size or date is another one.
_DETAILS = ("date", "date_text", "size", "ordinal")


def _without_other_values(candidate: Candidate, fact: dict[str, str]) -> None:
    """A reused fact keeps one value per field: where the other source gives another (a full
    date for "(2023)", another label), this source's is left out, and the note says so."""
    for name in list(candidate.fields):
        mine, theirs = candidate.text(name), fact.get(name)
        if theirs and mine and mine != theirs:
            del candidate.fields[name]
            candidate.flags.append(f"another source states this fact: its {name} is {theirs!r}; "
                                   f"this article's {mine!r} is left out")


def _short(ref: str) -> str:
    return ref.split("/", 1)[-1].lower() if ref else ""


def _id_words(c: Candidate) -> str:
    f = c.text
    if c.kind == "membership":
        return f"{_short(f('member'))} {_short(f('mission'))}"
    if c.kind == "instrument":
        if f("number"):  # "unsc-resolution-2699", "civ-executive-decree-2025-417"
            kind = f("instrument_kind")
            word = "resolution" if kind.endswith("resolution") or not kind else kind
            return f"{_short(f('party'))} {word} {f('number')}"
        unsaid = "join" if f("party").startswith("state/") else "decision"  # an organization's founds a mission
        return f"{_short(f('party'))} {f('instrument_kind') or unsaid}"
    if c.kind == "deployment":
        return f"{_short(f('state'))} {f('deployment_kind')}"
    if c.kind == "statement":
        words = [w for w in slug(f("text")).split("-") if len(w) > 3][:3]
        return f"{_short(f('speaker')) or 'unnamed'} {' '.join(words)}"
    if c.kind == "post":
        return f"{_short(f('organization') or f('holder'))} {f('role')} {_short(f('accredited_to'))}"
    if c.kind == "event":
        return f"{_short(f('agent'))} {f('event_kind')}"
    if c.kind == "partnership":
        return f"{_short(f('mission'))} {_short(f('partner'))}"
    if c.kind == "name":
        same = slug(f("label")) == _short(f("entity"))
        return f"{_short(f('entity'))} {'acronym' if same else f('label')}"
    if c.kind == "ordinal-claim":
        return f"{_short(f('subject'))} rank {f('rank')}"
    return f"{_short(f('mission'))} count {f('count')}"


# --- writing ---------------------------------------------------------------------------


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _lines(draft: Draft) -> Iterable[str]:
    yield f"# Draft facts proposed by `coalition-kg propose` from {draft.article}, for a curator to review.\n"
    yield "# Every fact quotes its sentence exactly; the comment above it gives the characters of that\n"
    yield "# sentence in the article ([start, end)), the rule that proposed it and its confidence.\n"
    yield "# Keep, correct or delete each fact, settle what is listed below, then validate.\n"
    yield "#\n"
    if draft.decisions:
        yield f"# Needs a decision ({len(draft.decisions)}):\n"
        for decision in draft.decisions:
            yield f"#   - {decision}\n"
    else:
        yield "# Needs a decision: nothing.\n"
    if draft.new_entities:
        yield "#\n# New register entries, not in data/register.yaml: check them, then add them there\n"
        yield "# (the lines below, without their first character, are entries of its 'entities:').\n"
        for entity in draft.new_entities:
            yield f"#  - id: {entity.ref}  # new: {entity.why}\n"
            if entity.kind in ("international-organization", "government-body"):
                yield f"#    kind: {entity.kind}\n"
            yield f"#    label: {_quoted(entity.label)}\n"
            if entity.part_of:
                yield f"#    part_of: {entity.part_of}\n"
    yield "\nsource:\n"
    yield f"  id: {_quoted(draft.source_id)}\n"
    yield f"  text: {_quoted(draft.source_text)}\n"
    yield f"  label: {_quoted(draft.source_label)}\n"
    yield "  language: en\n"
    yield "\nfacts:\n"
    for candidate in draft.facts:
        sentence = candidate.sentence
        yield (f"  # [{sentence.start}, {sentence.end}) rule {candidate.rule}, "
               f"confidence {candidate.confidence:.2f}\n")
        for flag in candidate.flags:
            yield f"  # {'note' if flag.startswith('another source') else 'DECIDE'}: {flag}\n"
        yield f"  - id: {candidate.id}\n"
        yield f"    kind: {candidate.kind}\n"
        for name in FACT_KINDS[candidate.kind].fields:
            if name not in candidate.fields:
                continue
            value = candidate.fields[name]
            shown = candidate.text(name)
            if isinstance(value, (Term, Candidate)) or _REFERENCE.match(shown):
                yield f"    {name}: {shown}\n" if shown else f"    {name}:\n"
            else:
                yield f"    {name}: {_quoted(shown)}\n" if shown else f"    {name}:\n"
        yield f"    evidence: {_quoted(sentence.text)}\n"
