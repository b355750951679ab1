"""A seeded synthetic world of coalitions: states, their officials, missions and contributors.

Everything the generated sources talk about is decided here, once, from one random
generator, so that the same seed always gives the same world.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_SYLLABLES = ("ka", "lo", "mar", "vi", "to", "ren", "sa", "di", "nor", "bel", "an", "ta", "ur", "zan", "pe",
              "gor", "li", "mo", "dra", "ve", "sol", "ki", "bra", "na", "tem", "ro", "hal", "esk", "cor", "du")
_SUFFIXES = ("ia", "land", "ora", "stan", "ica", "esia", "ovia", "ania", "istan", "ar")
_GIVEN = ("Amara", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Grace", "Hugo", "Ines", "Jomo", "Keiko",
          "Lucas", "Mariam", "Nikolai", "Olga", "Pedro", "Quynh", "Rania", "Samuel", "Tomas", "Uma", "Viktor")
_FAMILY = ("Abara", "Bertin", "Castell", "Duvall", "Eriksen", "Fonseca", "Garan", "Hollis", "Ibarra", "Jansen",
           "Kovac", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rahman", "Silva", "Tanaka")
_MISSION_KINDS = ("Stabilization", "Assistance", "Support", "Observer", "Peacekeeping", "Transition")

#: Deployment kinds of the ontology: (share of contributors sending it, size range, words in a report).
DEPLOYMENT_KINDS: dict[str, tuple[float, tuple[int, int], str]] = {
    "troops": (0.75, (80, 1500), "troops"),
    "military-police": (0.35, (15, 200), "military police"),
    "personnel": (0.6, (4, 60), "staff personnel"),
    "medevac-helicopters": (0.08, (2, 6), "medical evacuation helicopters"),
}
INSTRUMENT_KINDS = ("adhesion", "signature", "ratification")
FIRST_YEAR = 2001
#: A well-formed state code the register never holds, for seeding a reference to an unknown state.
UNKNOWN_STATE = "QQQ"
#: The project's own mission and its host come first, so that the canned queries' defaults name them.
HOME_STATE = ("HTI", "Haiti", "Q790")
HOME_MISSION = ("mss-haiti", "Multinational Security Support Mission", "MSSM")


@dataclass(frozen=True)
class Person:
    slug: str
    name: str


@dataclass(frozen=True)
class State:
    code: str
    name: str
    wikidata: str
    president: Person
    ambassador: Person | None


@dataclass
class Contributor:
    """A state taking part in a mission: how it joined and what it sends."""

    state: State
    instrument_kind: str
    joined: tuple[int, int, int]
    base_sizes: dict[str, int]


@dataclass
class Mission:
    slug: str
    name: str
    acronym: str
    host: State
    force_slug: str
    force_label: str
    resolution: int
    start: tuple[int, int, int]
    contributors: list[Contributor] = field(default_factory=list)


@dataclass
class World:
    states: list[State]
    missions: list[Mission]

    @property
    def persons(self) -> list[Person]:
        people = [state.president for state in self.states]
        return people + [state.ambassador for state in self.states if state.ambassador]


def make_world(rng: random.Random, state_count: int, mission_count: int, contributors_per_mission: int) -> World:
    """States with officials, missions in some of them, and the states contributing to each."""
    states = _make_states(rng, state_count)
    missions = [_make_mission(rng, index, host) for index, host in enumerate(states[:mission_count])]
    for mission in missions:
        others = [state for state in states if state is not mission.host]
        chosen = rng.sample(others, min(len(others), contributors_per_mission))
        mission.contributors = [_make_contributor(rng, mission, state) for state in chosen]
    return World(states, missions)


def _make_states(rng: random.Random, count: int) -> list[State]:
    code, name, wikidata = HOME_STATE
    names: set[str] = {name}
    codes: set[str] = {UNKNOWN_STATE, code}
    states = [State(code, name, wikidata, _person(rng, code, "president"), _person(rng, code, "ambassador"))]
    while len(states) < count:
        name = "".join(rng.sample(_SYLLABLES, 2)).capitalize() + rng.choice(_SUFFIXES)
        if name in names:
            continue
        code = _state_code(rng, name, codes)
        names.add(name)
        codes.add(code)
        president = _person(rng, code, "president")
        ambassador = _person(rng, code, "ambassador") if len(states) % 3 == 0 else None
        states.append(State(code, name, f"Q{7_000_000 + len(states)}", president, ambassador))
    return states


def _state_code(rng: random.Random, name: str, taken: set[str]) -> str:
    letters = name.upper()
    candidates = [letters[0] + letters[i] + letters[j] for i in range(1, len(letters)) for j in range(i + 1, len(letters))]
    for code in candidates:
        if code not in taken:
            return code
    while True:
        code = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWY") for _ in range(3))
        if code not in taken:
            return code


def _person(rng: random.Random, code: str, post: str) -> Person:
    name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
    return Person(f"{name.lower().replace(' ', '-')}-{post}-{code.lower()}", name)


def _make_mission(rng: random.Random, index: int, host: State) -> Mission:
    kind = _MISSION_KINDS[index % len(_MISSION_KINDS)]
    year = FIRST_YEAR + rng.randrange(0, 12)
    slug, name, acronym = (
        HOME_MISSION if host.code == HOME_STATE[0]
        else (f"un-{kind.lower()}-{host.code.lower()}", f"United Nations {kind} Mission in {host.name}", f"UN{kind[0]}M{host.code}")
    )
    return Mission(
        slug=slug,
        name=name,
        acronym=acronym,
        host=host,
        force_slug=f"{host.code.lower()}-police",
        force_label=f"National Police of {host.name}",
        resolution=1500 + 40 * index + rng.randrange(0, 40),
        start=(year, rng.randint(1, 12), rng.randint(1, 28)),
    )


def _make_contributor(rng: random.Random, mission: Mission, state: State) -> Contributor:
    year, month, _ = mission.start
    offset = rng.randrange(0, 12)
    joined = (year + (month - 1 + offset) // 12, (month - 1 + offset) % 12 + 1, rng.randint(1, 28))
    sizes = {kind: rng.randint(*sizes) for kind, (share, sizes, _) in DEPLOYMENT_KINDS.items() if rng.random() < share}
    if not sizes:
        sizes = {"personnel": rng.randint(*DEPLOYMENT_KINDS["personnel"][1])}
    return Contributor(state, rng.choice(INSTRUMENT_KINDS), joined, sizes)
