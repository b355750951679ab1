"""What an article is about besides its mission: the states that host its missions, its main
state, and the definite descriptions that refer to that state ("the West African country",
"the island", "the government").

A mission's host state comes from the graph (a host-state partnership another source states),
from the mission's name ("Stabilization Support Mission in Guinea-Bissau") or from the article
("the Multinational Security Support Mission in Haiti"). The main state is the state the article
names most often (ties: the first named) that hosts none of its missions: the host is named in
nearly every article about its mission, and is not who "the West African country" refers to.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.countries import capitals, state_named, state_of_place
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.text import LABEL_END, lead_end, lines, pipeline

HOST_STATE = "host-state"


def host_states(doc: Doc, mentions: list, entities: dict, known: Known) -> frozenset[tuple[str, str]]:
    """``(mission, state)`` for every host state the graph, a mission's name or the article gives."""
    hosts = set()
    for fact in known.facts:
        values = {name: value.text for name, value in fact.values.items()}
        if fact.kind == "partnership" and values.get("partner_role") == HOST_STATE:
            hosts.add((values.get("mission", ""), values.get("partner", "")))
    states = {ref: entity for ref, entity in entities.items() if entity.kind == "state"}
    for ref, entity in entities.items():
        place = _place_of_mission(entity.label) if entity.kind == "mission" else None
        if place:
            named = [state for state, e in states.items() if place in e.names]
            hosts.update((ref, state) for state in named or [state_of_place(place)] if state)
    for mission, state, _token in missions_in_states(doc, mentions):
        hosts.add((mission, state))
    return frozenset(hosts)


def _place_of_mission(label: str) -> str | None:
    """"Multinational Security Support Mission in Haiti": Haiti; "Pacific Support Mission to
    Bougainville": Bougainville."""
    for word in (" in ", " to ", " for "):
        if word in label:
            return label.rsplit(word, 1)[1].removeprefix("the ")
    return None


def missions_in_states(doc: Doc, mentions: list) -> list[tuple[str, str, int]]:
    """"the Multinational Security Support Mission in Haiti": (mission, state, token of the state)."""
    starting = {mention.start: mention for mention in mentions}
    found = []
    for mention in mentions:
        named_in = mention.label == "MISSION" and " in " in mention.text and not mention.text.islower()
        if named_in and mention.start > 0:
            place = _without_region(mention.text.rsplit(" in ", 1)[1].removeprefix("the "))
            state = next((m for m in mentions if m.label == "STATE" and m.text == place), None)
            code = state.ref if state is not None else state_named(place)
            if code:
                found.append((mention.ref, code, mention.end - 1))
                continue
        end = mention.end
        if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            end += 3  # "the Pacific Police Support Mission (PPSM) in the Solomon Islands"
        if mention.label != "MISSION" or end + 1 >= len(doc) or doc[end].lower_ != "in":
            continue
        at = end + 1 + (doc[end + 1].lower_ == "the")
        state = starting.get(at)
        if state is not None and state.label == "STATE":
            found.append((mention.ref, state.ref, state.start))
    return found


def _without_region(place: str) -> str:
    """The state a place is in, when it is named by a region of it: "Eastern Chad", "Chad"."""
    first, _, rest = place.partition(" ")
    return rest if rest and first.lower() in cues.REGION_WORDS and not state_named(place) else place


def main_state(mentions: list, hosts: frozenset[tuple[str, str]], filed_in: str | None = None,
               bodies: dict[str, str] | None = None) -> str | None:
    """The state the article names most often, by itself or by its government's bodies ("the Ghana
    Police Service"), hosts aside (ties: the first named); when it names none, the state whose
    capital its dateline gives ("GUATEMALA CITY — The Constitutional Court")."""
    hosting = {state for _, state in hosts}
    states = [m.ref if m.label in ("STATE", "NORP") else (bodies or {}).get(m.ref) for m in mentions]
    named = [ref for ref in states if ref and ref not in hosting]
    if not named:
        return filed_in if filed_in not in hosting else None
    counts = Counter(named)
    return min(counts, key=lambda ref: (-counts[ref], named.index(ref)))


def speaker_state(mentions: list, hosts: frozenset[tuple[str, str]], main: str | None) -> str | None:
    """Whose "our country" an article's speaker means: the host when the article names it more
    often than the main state (a host's letter or op-ed), else the main state."""
    counts = Counter(m.ref for m in mentions if m.label in ("STATE", "NORP"))
    hosting = [state for _, state in hosts if counts[state] > counts[main]]
    return max(hosting, key=lambda state: counts[state]) if hosting else main


def dateline_state(doc: Doc) -> str | None:
    """The state whose capital the article's first dateline names ("NAIROBI, 3 March 2025 —")."""
    for line in lines(doc)[:3]:
        end = lead_end(line)
        if end is not None and line[end].text != LABEL_END:
            words = [t for t in line[:end] if not t.is_space]
            city = next((n for n, t in enumerate(words) if t.text in (",", "(")), len(words))
            return capitals().get(" ".join(t.text for t in words[:city]).lower())
    return None


@cache
def _descriptions() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    the, described = {"LOWER": "the"}, {"LOWER": {"IN": list(cues.STATE_NOUNS)}}
    matcher.add("STATE", [
        [the, {"LOWER": {"IN": list(cues.DESCRIBING_WORDS)}, "OP": "?"}, {"IS_TITLE": True, "OP": "*"}, described,
         {**described, "OP": "?"}],
        [{"LOWER": {"IN": list(cues.FIRST_PERSON_POSSESSIVES)}}, described],
        [the, {"LOWER": "twin"}, {"ORTH": "-"}, {"LOWER": "island"}, described]], greedy="LONGEST")
    return matcher


def definite_descriptions(doc: Doc, mentions: list, state: str | None) -> list[tuple[int, int]]:
    """Tokens ``[start, end)`` of "the West African country", "the island nation", "the
    twin-island federation", "the landlocked country", "the government", and the speaker's "my
    Government", "our country": descriptions of the main state, not followed by "of" ("the
    government of Guinea-Bissau" names its state)."""
    if state is None:
        return []
    found = []
    for _, start, end in _descriptions()(doc):
        following = doc[end].lower_ if end < len(doc) else ""
        inside = [m for m in mentions if start <= m.start < end]
        if following in ("of", "-") or any(m.label != "NORP" for m in inside):
            continue
        if any(t.is_sent_start for t in doc[start + 1: end]):
            continue
        found.append((start, end))
    return found

