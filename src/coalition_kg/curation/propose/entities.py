"""Finding the entities an article names, and linking each to the register or proposing it as new.

Names are matched with spaCy's ``PhraseMatcher``: a register entry's label, the other
names the sources give it, a state's ISO 3166-1 alpha-3 code, its names and its demonym (from the
``countryinfo`` package: "Kenyan", "Salvadoran"), and, for an organization of a state, the same
name said the other way ("Haiti's National Police" for the Haitian National Police, "Haiti's
government" for the Government of Haiti). A state the register lacks is proposed as
``state/<ISO code>``. Then the article itself is read for names the register lacks: a name
defined by an acronym in brackets ("the Caribbean Community (CARICOM)"), and a person named with
a title or a quote ("Prime Minister Mia Mottley", "Jane Doe said"); later mentions by acronym or
surname are linked to them. "The mission", "this coalition" refer to the article's mission.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from anyascii import anyascii
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.countries import capitals, countries, in_world_region
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.names import beside_title_or_speech, name_runs
from coalition_kg.curation.propose.reference import (
    dateline_state,
    definite_descriptions,
    host_states,
    main_state,
    speaker_state,
)
from coalition_kg.curation.propose.text import pipeline
from coalition_kg.curation.propose.titles import portfolio_end
from coalition_kg.curation.propose.vocabulary import slug

#: spaCy entity labels by register kind; a demonym links to its state with ``NORP``.
LABELS = {"state": "STATE", "mission": "MISSION", "person": "PERSON",
          "international-organization": "ORG", "government-body": "GOV"}
KINDS = {label: kind for kind, label in LABELS.items()}
DEMONYM = "NORP"
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$|^[A-Z][a-z]{2,5}$")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")


@dataclass
class Entity:
    """An entity the article names: a register entry, or one proposed as a new entry (``new``)."""

    ref: str
    kind: str
    label: str
    new: bool = False
    part_of: str | None = None
    names: list[str] = field(default_factory=list)  # matched as written (case counts)
    variants: list[str] = field(default_factory=list)  # matched in any case
    demonyms: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)  # a person's later mentions: "Arévalo", "de León"
    why: str = ""


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: tokens ``[start, end)`` of the article."""

    ref: str
    label: str  # STATE, NORP, MISSION, PERSON, ORG, GOV
    start: int
    end: int
    text: str
    described: bool = False  # "the island nation", "the Republic": told by a description, not named

    @property
    def kind(self) -> str:
        return "state" if self.label == DEMONYM else KINDS[self.label]


@dataclass
class Linked:
    """The article's tokens with every mention linked, the entities, and the article's mission."""

    doc: Doc
    mentions: list[Mention]
    entities: dict[str, Entity]
    mission: str | None
    acronyms: list[tuple[str, str, int]]  # (entity ref, acronym, token of the acronym)
    mission_named: bool = True  # False: the article names no mission; the register's only one is used
    host_states: frozenset[tuple[str, str]] = frozenset()  # (mission, state): the states that host a mission
    main_state: str | None = None  # the state the article names most often, hosts aside
    by_token: dict[int, Mention] = field(init=False)

    def __post_init__(self) -> None:
        self.by_token = {i: mention for mention in self.mentions for i in range(mention.start, mention.end)}

    def at(self, token: int) -> Mention | None:
        """The mention that token ``token`` is part of."""
        return self.by_token.get(token)

    def host_of(self, mission: str | None) -> str | None:
        """The state that hosts ``mission``, if the register or the article says."""
        return next((state for hosted, state in sorted(self.host_states) if hosted == mission), None)

    def hosts(self, state: str, mission: str | None) -> bool:
        """Whether ``state`` hosts ``mission``: it is then never its member, the party of an
        instrument that joins it, or a sender of personnel to it."""
        return (mission or "", state) in self.host_states


def link(text: str, known: Known) -> Linked:
    """Read ``text``: find and link its entities, propose the new ones, find its mission."""
    nlp = pipeline()
    doc = nlp(text)
    entities = _register_entities(known)
    ruler = _ruler(entities)
    first = _mentions(doc, ruler)
    acronyms = _acronym_definitions(doc, first, entities)
    first = _mentions(doc, ruler.update(entities))
    _unregistered_organizations(doc, first, entities)
    first = _mentions(doc, ruler.update(entities))
    _named_people(doc, first, entities)
    mission = _main_mission(first, acronyms, entities, host_states(doc, first, entities, known))
    named = any(m.label == "MISSION" for m in first) or any(entities[r].kind == "mission" for r, _, _ in acronyms)
    for entity in list(entities.values()):
        if entity.kind == "person" and (entity.new or any(m.ref == entity.ref for m in first)):
            for surname in entity.surnames or [entity.label.split()[-1]]:
                if surname != entity.label and not any(surname in e.names for e in entities.values()):
                    entity.names.append(surname)
    mentions = _mentions(doc, ruler.update(entities, mission))
    used = {mention.ref for mention in mentions} | {ref for ref, _, _ in acronyms}
    for entity in entities.values():
        if entity.part_of and entity.ref in used:
            used.add(entity.part_of)
    kept = {ref: entity for ref, entity in entities.items() if ref in used or not entity.new}
    hosts = host_states(doc, mentions, kept, known)
    bodies = {ref: entity.part_of for ref, entity in kept.items() if _names_its_state(entity, kept)}
    own_hosts = frozenset(h for h in hosts if h[0] == mission)
    state = main_state(mentions, own_hosts, dateline_state(doc), bodies)
    described = definite_descriptions(doc, mentions, state)
    hosted = {state for _, state in hosts}
    speaker = speaker_state(mentions, own_hosts, state)
    mentions = sorted([m for m in mentions if not any(s <= m.start < e for s, e in described)]
                      + [Mention(_state_described(mentions, doc[s:e], hosted, speaker) or state, "STATE", s, e,
                                 doc[s:e].text, described=True) for s, e in described]
                      + _capitals_acting(doc, mentions, kept)
                      + _organizations_described(doc, mentions, kept), key=lambda m: m.start)
    return Linked(doc, mentions, kept, mission, acronyms, mission_named=named, host_states=hosts, main_state=state)


def _names_its_state(entity: Entity, entities: dict[str, Entity]) -> bool:
    """Whether a government body's name holds its state's ("the Ghana Police Service"): a mention
    of the state inside the body's, which the article's main state counts."""
    state = entities.get(entity.part_of or "") if entity.kind == "government-body" else None
    return state is not None and any(f" {name} " in f" {entity.label} " for name in state.names)


def _capitals_acting(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    """A capital that acts or owns stands for its state's government ("Dakar deposited its
    instrument", "Freetown's first platoon"); one where something happens ("in Bissau") does not."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass", "poss") or not token.is_title or token.i in taken:
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.is_title] + [token]
        state = capitals().get(" ".join(t.lower_ for t in words))
        if state in entities:
            found.append(Mention(state, "STATE", words[0].i, token.i + 1, doc[words[0].i: token.i + 1].text))
    return found


def _organizations_described(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    """"which the Community leads", "the Union has committed EUR 40 million": the organization
    named last whose name has that word ("the Union of the Comoros" names a state)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc[1:-1]:
        if token.text not in cues.ORGANIZATION_NOUNS or token.i in taken or doc[token.i - 1].lower_ != "the" \
                or doc[token.i + 1].lower_ == "of":
            continue
        named = [m for m in mentions if m.label == "ORG" and m.end <= token.i
                 and token.text in entities[m.ref].label.split()]
        if named:
            found.append(Mention(named[-1].ref, "ORG", token.i - 1, token.i + 1, doc[token.i - 1: token.i + 1].text,
                                 described=True))
    return found


def _state_described(mentions: list[Mention], description: Span, hosted: set[str], speaker: str | None) -> str | None:
    """The state a description refers back to: the last one named before it in the region its
    words name ("the Caribbean nation", a host too), else the last one named before it, hosts aside;
    the speaker's for "our country"."""
    if description[0].lower_ in cues.FIRST_PERSON_POSSESSIVES:
        return speaker
    before = [m.ref for m in mentions if m.end <= description.start and m.label in ("STATE", DEMONYM)]
    region = " ".join(t.text for t in description[1:] if t.is_title or t.lower_ in cues.DESCRIBING_WORDS)
    in_region = [ref for ref in before if in_world_region(region, ref)]
    if in_region:
        return in_region[-1]
    others = [ref for ref in before if ref not in hosted]
    return others[-1] if others else None


# --- what is known -----------------------------------------------------------------


def _register_entities(known: Known) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for code, (name, others, demonyms, alpha2) in countries().items():
        ref = f"state/{code}"
        register = known.entities.get(ref)
        entity = Entity(ref, "state", register.label if register else name.removeprefix("The "),
                        new=register is None, why="a state not in the register (ISO 3166-1 code from countryinfo)")
        entity.names = _unique([name, name.removeprefix("The "), *others, code, ".".join(alpha2) + "."])
        entity.demonyms = list(demonyms)
        entities[ref] = entity
    for ref, register in known.entities.items():
        entity = entities.get(ref) or Entity(ref, register.kind, register.label)
        entity.kind, entity.label, entity.new, entity.part_of = register.kind, register.label, False, register.part_of
        entity.names = _unique([register.label, *entity.names, *known.other_names.get(ref, [])])
        entities[ref] = entity
    for entity in entities.values():
        initials = _initials(entity)
        if initials and initials not in entity.names:
            entity.names.append(initials)
        parent = entities.get(entity.part_of or "")
        if parent is not None and parent.kind == "state":
            entity.variants = _said_the_other_way(entity.label, parent)
    for entity in entities.values():
        entity.names = _unique([*entity.names, *_said_in_full(entity, entities)])
    return entities


def _said_in_full(entity: Entity, entities: dict[str, Entity]) -> list[str]:
    """"UN Security Council" -> "United Nations Security Council", "Security Council": an
    organization's name led by another organization's short name is also said with that name in
    full, or without it."""
    first, _, rest = entity.label.partition(" ")
    if entity.kind != "international-organization" or len(rest.split()) < 2 or not rest.istitle():
        return []
    owners = [e for e in entities.values() if e is not entity and e.kind == entity.kind and first in e.names[1:]]
    return [f"{owners[0].label} {rest}", rest] if len(owners) == 1 else []


def _initials(entity: Entity) -> str | None:
    """An organization's acronym from its label: "Organization of American States" -> OAS,
    "UN Security Council" -> UNSC. Two letters only for international organizations (UN)."""
    if entity.kind not in ("international-organization", "government-body"):
        return None
    words = [w for w in entity.label.split() if w[:1].isupper()]
    if len(words) < 2:
        return None
    initials = "".join(w if w.isupper() else w[0] for w in words)
    return initials if len(initials) >= 3 or entity.kind == "international-organization" else None


def _said_the_other_way(label: str, state: Entity) -> list[str]:
    """"Government of Haiti" -> "Haiti's government", "Haitian government"; "Haitian National
    Police" -> "Haiti's National Police"."""
    variants = []
    for name in state.names[:1]:
        head, of, rest = label.partition(" of ")
        if of and rest in state.names:
            variants += [f"{name}'s {head}", f"{name}’s {head}", *(f"{d} {head}" for d in state.demonyms)]
        for demonym in state.demonyms:
            if label.startswith(demonym + " "):
                rest = label[len(demonym) + 1:]
                variants += [f"{name}'s {rest}", f"{name}’s {rest}"]
    return variants


def _unique(names: list[str]) -> list[str]:
    return [name for i, name in enumerate(names) if name and name not in names[:i]]


# --- matching names --------------------------------------------------------------


@dataclass
class _Ruler:
    """Names matched as written (``ORTH``) and in any case (``LOWER``) by spaCy's hash-based
    ``PhraseMatcher``, and "the mission" by its ``Matcher``: the work grows with the article's
    tokens, not with the number of names times tokens. Names found while reading (an acronym, a
    new person's surname) are added to the same matchers."""

    exact: PhraseMatcher
    any_case: PhraseMatcher
    phrases: Matcher
    patterns: list[tuple[str, str]]  # (label, ref) by pattern number
    added: set[tuple[str, str, str]]  # (label, ref, name) already added

    def update(self, entities: dict[str, Entity], mission: str | None = None) -> _Ruler:
        """Add the names of ``entities`` not added yet, and "the mission" for ``mission``."""
        for ref in sorted(entities):
            entity = entities[ref]
            label = LABELS.get(entity.kind, "ORG")
            self._add(self.exact, label, ref, entity.names)
            self._add(self.any_case, label, ref, [name.lower() for name in entity.variants])
            self._add(self.exact, DEMONYM, ref, entity.demonyms)
        if mission and ("MISSION", mission, "") not in self.added:
            self.added.add(("MISSION", mission, ""))
            self.patterns.append(("MISSION", mission))
            self.phrases.add(str(len(self.patterns) - 1), [[
                {"LOWER": {"IN": list(cues.MISSION_DETERMINERS)}}, {"LOWER": {"IN": list(cues.MISSION_NOUNS)}}]])
        return self

    def _add(self, matcher: PhraseMatcher, label: str, ref: str, names: list[str]) -> None:
        for name in names:
            if (label, ref, name) not in self.added:
                self.added.add((label, ref, name))
                self.patterns.append((label, ref))
                matcher.add(str(len(self.patterns) - 1), [_name_doc(name)])


def _ruler(entities: dict[str, Entity]) -> _Ruler:
    nlp = pipeline()
    return _Ruler(PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER"), Matcher(nlp.vocab),
                  [], set()).update(entities)


@cache
def _name_doc(name: str) -> Doc:
    return pipeline().make_doc(name)


def _mentions(doc: Doc, ruler: _Ruler) -> list[Mention]:
    """The longest names first, then the earliest, then the first pattern; none overlap."""
    strings = doc.vocab.strings
    matchers = [m for m in (ruler.exact, ruler.any_case, ruler.phrases) if len(m)]
    matches = [(int(strings[key]), start, end) for matcher in matchers for key, start, end in matcher(doc)]
    taken: set[int] = set()
    named = {i for _, start, end in matches for i in range(start, end)}
    found = []
    for number, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1], m[0])):
        if start > 1 and doc[start - 1].lower_ == "and" and doc[start - 2].is_title and start - 2 not in named:
            continue  # "the Peace and Security Council": the end of a longer name, not a name
        if end - start == 1 and doc[start].is_upper and doc[start].is_stop:
            continue  # "[SIGNATURE TUNE UP AND UNDER]": a word in capitals, not Andorra's code
        if ruler.patterns[number][0] == DEMONYM and start > 0 and doc[start - 1].lower_ in cues.REGION_WORDS:
            continue  # "the Central American nation", "Latin American states": a region, not the state
        if ruler.patterns[number][0] == DEMONYM and _a_language(doc, start, end):
            continue  # "translated from French", "its Spanish initials": a language, not the state
        if end < len(doc) and f"{doc[end - 1].lower_} {doc[end].lower_}" in cues.ROLE_CUES:
            continue  # "the force commander": a title, not the mission
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            label, ref = ruler.patterns[number]
            found.append(Mention(ref, label, start, end, doc[start:end].text))
    return sorted(found, key=lambda m: m.start)


def _a_language(doc: Doc, start: int, end: int) -> bool:
    before = [t.lower_ for t in doc[max(start - 3, 0): start] if t.lower_ != "the"][-2:]  # "from the French"
    end += end + 1 < len(doc) and doc[end].text == "-"  # "the French-language press"
    after = doc[end].lower_ if end < len(doc) else ""
    return (len(before) == 2 and before[1] in ("from", "into", "in") and before[0] in cues.LANGUAGE_VERBS) \
        or after in cues.LANGUAGE_NOUNS or _a_language_spoken(doc[start:end])


def _a_language_spoken(words: Span) -> bool:
    """"published in French", "a summary in English": a language's name alone after "in", "into" or
    "from" (a people is named in the plural, "from the French" is the language)."""
    word = words[0]
    return len(words) == 1 and word.text in cues.LANGUAGES and word.dep_ == "pobj" and word.head.lower_ in (
        "from", "into", "in")


# --- names the register lacks -------------------------------------------------------


def _acronym_definitions(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> list[tuple[str, str, int]]:
    """"Long Name (ACR)": the acronym names the entity just before it, known or new."""
    ending = {mention.end: mention for mention in mentions}
    found = []
    for token in doc[:-2]:
        if token.text != "(":
            continue
        acronym = _acronym_after(doc, token.i + 1)
        closing = doc[acronym.end] if acronym.end < len(doc) else None
        if closing is None or closing.text not in (")", ",") or not _ACRONYM.match(acronym[0].text):
            continue  # "(MCSD)", "(MCSD, by its Spanish initials)", "(RSSM-CAR)"
        if len(acronym) == 1 and (acronym[0].is_stop or acronym[0].like_num):
            continue  # "NOT HAPPENING (YET)", "CONTRIBUTING STATES (FOUR)": a word in capitals
        before = ending.get(token.i)
        inside = next((m for m in mentions if m.start == acronym.start), None)
        if inside is not None and inside.kind in ("state", "person") and (before is None or before.ref != inside.ref):
            continue  # "Godfrey Otieno (Kenya)": the person's state, not an acronym
        named = _registered_mission_in_state(doc, before, ending) if before is not None else None
        if before is not None and before.label != DEMONYM and not _mission_in_state(doc, before):
            ref = before.ref
        elif named is not None:
            ref = named.ref  # "the Multinational Security Support Mission in Haiti (MMAS)": another name of it
        else:
            entity = _new_organization(doc, token.i, acronym.text, mentions)
            if entity is None:
                continue
            ref = entities.setdefault(entity.ref, entity).ref
        if acronym.text not in entities[ref].names:
            entities[ref].names.append(acronym.text)
        found.append((ref, acronym.text, acronym.start))
    return found


def _acronym_after(doc: Doc, start: int):
    """The acronym's tokens from ``start``: one word, or words joined by hyphens ("RSSM-CAR")."""
    end = start + 1
    while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_upper and doc[end].whitespace_ == "":
        end += 2
    return doc[start:end]


def _connects(doc: Doc, i: int) -> bool:
    """A small word inside a name, after a capitalised word or after "in" ("Mission in the Comoros")."""
    return doc[i].lower_ in cues.NAME_CONNECTORS and i > 0 and (doc[i - 1].is_title or (
        doc[i - 1].lower_ in cues.NAME_CONNECTORS and i > 1 and doc[i - 2].is_title))


def _mission_in_state(doc: Doc, state: Mention) -> bool:
    """"the African Union Support Mission in the Comoros (AUSMIC)": the acronym names the mission
    whose name ends with the state, not the state."""
    if state.kind != "state":
        return False
    start = _place_start(doc, state)
    return start >= 2 and doc[start - 1].lower_ in ("in", "for") and doc[start - 2].is_title and \
        cues.ORGANIZATION_HEADS.get(doc[start - 2].lower_) == "mission"


def _place_start(doc: Doc, state: Mention) -> int:
    """Where the place a state names starts: "the Comoros", "Eastern Chad", "the eastern Congo"."""
    start = state.start
    if start > 0 and doc[start - 1].lower_ in cues.REGION_WORDS:
        start -= 1
    return start - (start > 0 and doc[start - 1].lower_ == "the")


def _registered_mission_in_state(doc: Doc, state: Mention, ending: dict[int, Mention]) -> Mention | None:
    """The mission of the register named just before "in <state>", when ``state`` ends such a name."""
    if not _mission_in_state(doc, state):
        return None
    mission = ending.get(_place_start(doc, state) - 1)
    return mission if mission is not None and mission.label == "MISSION" else None


def _new_organization(doc: Doc, bracket: int, acronym: str, mentions: list[Mention]) -> Entity | None:
    """The capitalised name before ``bracket``, as a new mission or organization."""
    start = bracket
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper or _connects(doc, start - 1)):
        start -= 1
    start = _after_a_title(doc, start, bracket)
    while start < bracket and doc[start].lower_ in cues.NAME_CONNECTORS:
        start += 1
    words = doc[start:bracket]
    if len(words) < 2 or all(t.lower_.rstrip(".") in cues.HONORIFICS for t in words):
        return None  # "Rear Admiral (JG)", "Lieutenant Colonel (Dr.)": a rank and its grade, not a name
    heads = [t.lower_ for t in words if t.lower_ in cues.ORGANIZATION_HEADS]
    if heads and heads[-1] == "force":
        start = _state_owning(doc, start, mentions)  # "Tanzania People's Defence Force (TPDF)"
        words = doc[start:bracket]
    states = [m for m in mentions if start <= m.start < bracket and m.kind == "state"]
    kind = cues.ORGANIZATION_HEADS[heads[-1]] if heads else "international-organization"  # the last word heads a name
    joint = any(t.lower_ in cues.JOINT_FORCE_WORDS for t in words)  # "Lake Chad Stabilization Force": no one state's
    if states and kind == "international-organization" or states and heads and heads[-1] == "force" and not joint:
        kind = "government-body"  # "Royal Bahamas Defence Force": one state's own force
    prefix = "mission" if kind == "mission" else "org"
    entity = Entity(f"{prefix}/{slug(acronym)}", kind, words.text, new=True,
                    part_of=states[0].ref if states and kind == "government-body" else None,
                    why=f"named with its acronym {acronym}" + ("" if heads else "; its kind is a guess"))
    entity.names = [words.text]
    return entity


def _after_a_title(doc: Doc, start: int, bracket: int) -> int:
    """Where a name starts after the title of its head: "Head of Mission of the Pacific Police
    Support Mission in Kiribati (PPSM-K)", "Chief of the Philippine National Police (PNP)"."""
    if doc[start].lower_ not in cues.ROLE_WORDS:
        return start
    end = start
    for token in doc[start:bracket]:
        if token.lower_ == "of":
            end = token.i + 1
        elif token.lower_ not in cues.ROLE_WORDS and token.lower_ not in ("mission", "the"):
            break
    return end


def _state_owning(doc: Doc, start: int, mentions: list[Mention]) -> int:
    """Where a force's name starts when a state owns it: "Tanzania People's" before "Defence Force"."""
    if start < 2 or doc[start - 1].lower_ not in ("'s", "’s"):
        return start
    states = {m.start for m in mentions if m.kind == "state"}
    owner = start - 2
    while owner > 0 and doc[owner].is_title and owner not in states:
        owner -= 1
    return owner if owner in states and start - owner <= 4 else start


def _unregistered_organizations(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> None:
    """"the European Union", "the Pacific Police Support Mission": a capitalised name after "the"
    whose head word makes it an international organization or a mission, that the register lacks
    and the article gives no acronym for (a mission's id is its initials, as curators name them)."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    for head in doc:
        mission = head.text == "Mission"
        if not (mission or head.lower_ in cues.ORGANIZATION_NAME_HEADS) or not head.is_title or head.i in taken:
            continue
        start = head.i
        while start > 0 and doc[start - 1].i not in taken and doc[start - 1].lower_ != "the" and (
                doc[start - 1].is_title or (doc[start - 1].lower_ in ("of", "and") and start > 1
                                            and doc[start - 2].is_title)):
            start -= 1
        if start == 0 or doc[start - 1].lower_ != "the" or head.i - start < 1:
            continue
        if doc[start].lower_ in cues.ROLE_WORDS and doc[start + 1].lower_ == "of":
            continue  # "the Head of Mission", "the Chief of Staff": a title, not a name
        label = doc[start: head.i + 1].text
        if mission and head.i - start < 2:
            continue  # "the Support Mission": too short to be a mission's name
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in cues.AGREEMENT_NOUNS:
            continue  # "the Status of Mission Agreement": the name of an agreement, not of a mission
        placed = head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "in"  # another place: another mission
        if mission and not placed and (registered := _said_without_its_place(label, entities)) is not None:
            registered.names.append(label)  # "The Stabilization Support Mission", "... in Guinea-Bissau" registered
            continue
        initials = _initials_of(doc[start: head.i + 1])
        if mission:
            label, initials = _mission_acronym(doc, start, head.i + 1, label, initials)
        ref = f"mission/{slug(_ascii(initials))}" if mission else f"org/{slug(_ascii(label))}"
        if ref not in entities:
            entity = Entity(ref, "mission" if mission else "international-organization", label, new=True,
                            why=f"a {'mission' if mission else 'organization'} named in the article, without an acronym")
            written = [initials] if any(token.text == initials for token in doc) else []
            entity.names = _unique([label, doc[start: head.i + 1].text, *written])
            entities[ref] = entity


def _said_without_its_place(label: str, entities: dict[str, Entity]) -> Entity | None:
    """The registered mission whose name is ``label`` with the place it works in, when no other
    mission's is ("Maritime Security Mission" for two missions in two states names neither)."""
    named = [entity for entity in entities.values() if entity.kind == "mission" and any(
        name.startswith(f"{label} in ") for name in entity.names)]
    return named[0] if len(named) == 1 and not named[0].new else None


def _initials_of(words) -> str:
    return "".join(t.text[0] for t in words if t.is_title or t.is_upper)


def _mission_acronym(doc: Doc, start: int, end: int, label: str, initials: str) -> tuple[str, str]:
    """The label and acronym of a mission named without brackets: an acronym the text gives it in
    words ("better known by its French acronym, MICOSTAF"; "The mission, known by its Spanish
    initials MAAPE"), else the initials of its name with its place when the text writes them
    ("the Regional Stabilization Mission in South Sudan" ... "the RSMSS"), else of its name."""
    place = end
    if place + 1 < len(doc) and doc[place].lower_ in ("in", "to", "for"):
        place += 1 + (doc[place + 1].lower_ == "the")
        while place < len(doc) and (doc[place].is_title or doc[place].text == "-"):
            place += 1
    sentence = doc[start].sent
    said = _acronym_in_words(doc, end, sentence.end) or next(
        (acronym for i, acronym in acronyms_in_words(doc) if doc[i].sent != sentence), None)
    if said:
        return doc[start: place].text if place > end else label, said
    written = _written_acronym(doc, _initials_of(doc[start: place]).upper()) if place > end else None
    return (doc[start: place].text, written) if written else (label, initials)


def _written_acronym(doc: Doc, initials: str) -> str | None:
    """The initials as the text writes them, whole or joined by hyphens ("RSMSS", "MPAM-TL")."""
    return next((acronym.text for token in doc if token.is_upper and token.text[:1] == initials[:1]
                 and (acronym := _acronym_after(doc, token.i)).text.replace("-", "") == initials), None)


def _acronym_in_words(doc: Doc, start: int, end: int) -> str | None:
    return next((acronym for i, acronym in acronyms_in_words(doc) if start <= i < end), None)


def acronyms_in_words(doc: Doc) -> list[tuple[int, str]]:
    """"known by its Spanish initials MAAPE", "better known by its French acronym, MICOSTAF",
    "known by its French initials as MASMM", "known as ECOMIB": acronyms the text gives a mission
    in words, with where their phrase is."""
    found = []
    for token in doc[:-1]:
        if token.lower_ in ("initials", "acronym", "abbreviation") or (token.lower_ == "as" and token.i > 0
                                                                       and doc[token.i - 1].lower_ == "known"):
            start = token.i + 1
            while start < len(doc) and doc[start].lower_ in (",", "as"):
                start += 1
            first = doc[start] if start < len(doc) else None
            if first is not None and first.is_upper and _ACRONYM.match(first.text) and len(first) > 2:
                found.append((token.i, _acronym_after(doc, start).text))  # "MISMAR-STP" whole
    return found


def _named_people(doc: Doc, mentions: list[Mention], entities: dict[str, Entity]) -> None:
    """People the register lacks (see :mod:`.names`), named next to a title ("Prime Minister Mia
    Mottley", "Colonel Jane Doe", "Mia Mottley, Barbados's prime minister") or a speech verb
    ("Jane Doe said")."""
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    role_spans = [(start - role_modifier(doc, start, taken), portfolio_end(doc, start, end))
                  for _, start, end in role_matcher()(doc)]
    title_tokens = {i for start, end in role_spans for i in range(start, end)}
    title_ends = {end for _, end in role_spans} | {t.i + 1 for t in doc if t.lower_ in cues.COUNTERPART_WORDS}
    title_starts = {start for start, _ in role_spans}
    for run in name_runs(doc, taken, title_tokens):
        if not beside_title_or_speech(doc, run, title_ends, title_starts):
            continue
        ref = f"person/{slug(_ascii(run.text))}"
        named_in_full = _named_in_full(run.text, entities)
        if named_in_full is not None:
            named_in_full.names = _unique([*named_in_full.names, run.text])
        elif ref not in entities:
            entity = Entity(ref, "person", run.text, new=True, why="a person named in the article")
            entity.names = [run.text]
            entity.surnames = _unique([run.surname, run.text.split()[-1]])
            entities[ref] = entity


def _named_in_full(words: str, entities: dict[str, Entity]) -> Entity | None:
    """The one person whose name ends with these words ("Covarrubias Matte" for Álvaro Ignacio
    Covarrubias Matte), as a second mention gives a double surname."""
    fuller = [e for e in entities.values() if e.kind == "person" and e.label.endswith(" " + words)]
    return fuller[0] if len(fuller) == 1 else None


def role_modifier(doc: Doc, start: int, taken: set[int]) -> int:
    """1 when a title has a capitalised word of its own before it ("Interior Minister"), else 0."""
    if start == 0:
        return 0
    word = doc[start - 1]
    return int(word.is_title and not word.is_stop and word.i not in taken and not doc[start].is_lower
               and word.lower_ not in cues.HONORIFICS)


def _title_follows(doc: Doc, i: int, title_starts: set[int]) -> bool:
    """A title within the next few words: "Jane Doe, Barbados's foreign minister"."""
    return any(j in title_starts for j in range(i, min(i + 5, len(doc))))


def _ascii(text: str) -> str:
    """A name in ASCII for an id: "Sæther-Bjørnstad" -> "Saether-Bjornstad"; an apostrophe within
    a name goes ("Ndung'u" -> "Ndungu", "N'Diaye" -> "NDiaye"), as curators write the ids."""
    return _APOSTROPHE_IN_WORD.sub("", anyascii(text))


@cache
def role_matcher() -> PhraseMatcher:
    """Titles of posts, in any case."""
    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for words in sorted({**cues.ROLE_CUES, **cues.POLICE_HEADS}):
        matcher.add(words, [nlp.make_doc(words)])
    return matcher


def _main_mission(mentions: list[Mention], acronyms: list[tuple[str, str, int]],
                  entities: dict[str, Entity], hosts: frozenset[tuple[str, str]] = frozenset()) -> str | None:
    """The mission the article names most often; when it names none by name, the register's only
    mission, or the only one whose host state the article names ("the mission in Haiti")."""
    counts = Counter(m.ref for m in mentions if m.label == "MISSION")
    counts.update(ref for ref, _, _ in acronyms if entities[ref].kind == "mission")
    if not counts:
        registered = [ref for ref, entity in entities.items() if entity.kind == "mission" and not entity.new]
        if len(registered) == 1:
            return registered[0]
        named = {m.ref for m in mentions if m.label == "STATE"}
        hosted = sorted({mission for mission, state in hosts if state in named and mission in registered})
        return hosted[0] if len(hosted) == 1 else None
    first = {m.ref: m.start for m in reversed(mentions)}
    return min(counts, key=lambda ref: (entities[ref].new, -counts[ref], first.get(ref, 0), ref))
