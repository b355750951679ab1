"""The world's states as ``countryinfo`` gives them: names, other names, demonyms and codes, by
ISO 3166-1 alpha-3 code; read once per process. countryinfo gives one demonym a state, often the
noun ("Filipino", "Icelander"); the adjectives English also uses are added from
:data:`OTHER_ADJECTIVES`."""

from __future__ import annotations

import re
from functools import cache

from countryinfo import CountryInfo

#: The adjectives of nationality English uses beside countryinfo's demonym, by ISO alpha-3 code
#: (the nationality adjectives of style guides and gazetteers: "a Philippine police unit",
#: "Cabo Verdean soldiers", "the Bissau-Guinean minister"). A form two states share ("Congolese",
#: "Dominican", "Korean") is left to the state countryinfo gives it.
OTHER_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "ARG": ("Argentine", "Argentinian"), "BFA": ("Burkinabè",), "BWA": ("Batswana", "Botswanan"),
    "COM": ("Comorian",), "CPV": ("Cabo Verdean", "Cape Verdean"), "DJI": ("Djiboutian",),
    "ECU": ("Ecuadorian",), "GNB": ("Bissau-Guinean",), "GNQ": ("Equatoguinean",), "ISL": ("Icelandic",),
    "KAZ": ("Kazakh",), "KGZ": ("Kyrgyz", "Kyrgyzstani"), "KNA": ("Kittitian", "Nevisian"), "LAO": ("Lao",),
    "LSO": ("Basotho",), "LUX": ("Luxembourgish",), "MDV": ("Maldivian",), "MKD": ("North Macedonian",),
    "NPL": ("Nepali",), "PHL": ("Philippine",), "PSE": ("Palestinian",), "SAU": ("Saudi",),
    "STP": ("Santomean",), "SUR": ("Surinamese",), "SVN": ("Slovenian",), "SWZ": ("Swati",),
    "TJK": ("Tajik", "Tajikistani"), "TLS": ("Timorese",), "TTO": ("Trinbagonian", "Tobagonian"),
    "UZB": ("Uzbek",), "VCT": ("Vincentian",),
}


@cache
def countries() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    """Every country by ISO alpha-3 code: (name, other names, demonyms, alpha-2 code). A demonym
    several entries share ("American": the United States and four territories) is the most
    populous one's, and a state's whole demonym comes before a part of another's ("Serbian" is
    Serbia's, not Serbia and Montenegro's)."""
    found: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str]] = {}
    for code, info in _entries().items():
        spellings = tuple(info.get("altSpellings") or ())
        names = tuple(name for name in spellings if len(name) > 3 and name != info["name"])
        names += tuple(short for name in (info["name"], *names) for short in _said_shortly(name)
                       if short not in names)
        found[code] = (info["name"], names, _demonyms(code, info.get("demonym") or ""),
                       info["ISO"].get("alpha2") or "")
    owners: dict[str, str] = {}
    for code, (_name, _others, demonyms, _alpha2) in found.items():
        for demonym in demonyms:
            if demonym not in owners or _claim(code, demonym) > _claim(owners[demonym], demonym):
                owners[demonym] = code
    return {code: (name, others, tuple(d for d in demonyms if owners[d] == code), alpha2)
            for code, (name, others, demonyms, alpha2) in found.items()}


def _demonyms(code: str, demonym: str) -> tuple[str, ...]:
    """countryinfo's demonym, one for each part of the state ("Antiguan,Barbudan",
    "Serbian/Montenegrin"), and the other adjectives English uses."""
    parts = tuple(part.strip() for part in re.split(r"[,/]", demonym) if part.strip())
    return parts + OTHER_ADJECTIVES.get(code, ())


def _claim(code: str, demonym: str) -> tuple[bool, int]:
    """How strongly a state owns a demonym: as its whole demonym first, then by population."""
    return (_entries()[code].get("demonym") == demonym, _population(code))


def _said_shortly(name: str) -> list[str]:
    """"Saint Kitts and Nevis" -> "St. Kitts and Nevis", "St Kitts and Nevis"; "Federation of
    Saint Christopher and Nevis" -> "Saint Christopher and Nevis" and its short forms."""
    plain = name.removeprefix("Federation of ")
    forms = [plain] if plain != name else []
    if plain.startswith("Saint "):
        forms += [plain.replace("Saint ", "St. ", 1), plain.replace("Saint ", "St ", 1)]
    return forms


@cache
def _entries() -> dict[str, dict]:
    """countryinfo's entry of each ISO alpha-3 code."""
    found: dict[str, dict] = {}
    for _key, info in sorted(CountryInfo.all().items()):
        code = (info.get("ISO") or {}).get("alpha3")
        # Several entries share a code (Wales, GBR): the country's own entry lists its code.
        if code and (code not in found or code in (info.get("altSpellings") or ())):
            found[code] = info
    return found


def _population(code: str) -> int:
    return int(_entries()[code].get("population") or 0)


@cache
def capitals() -> dict[str, str]:
    """``state/<ISO code>`` by the name of its capital in lower case ("guatemala city", "nairobi");
    a name several capitals share ("Kingston": Jamaica's and Norfolk Island's) is the most
    populous one's."""
    found: dict[str, str] = {}
    for code, info in sorted(_entries().items(), key=lambda entry: _population(entry[0])):
        for capital in [info["capital"]] if isinstance(info.get("capital"), str) else info.get("capital") or []:
            if capital.strip():
                found[capital.strip().lower()] = f"state/{code}"
    return dict(sorted(found.items()))


def capitals_in(text: str, after: tuple[str, ...] = ("",)) -> list[str]:
    """The states whose capital ``text`` names as a whole word, right after one of ``after``
    ("in Port-au-Prince", "landed in Bangui"), in the order of their capitals' names."""
    named = {match.group(1) for match in _capital_pattern(after).finditer(f" {text.lower()} ")}
    return [state for capital, state in capitals().items() if capital in named]


@cache
def _capital_pattern(after: tuple[str, ...]) -> re.Pattern:
    words = "|".join(re.escape(f" {word}".rstrip()) for word in sorted(after, key=len, reverse=True))
    names = "|".join(re.escape(capital) for capital in sorted(capitals(), key=len, reverse=True))
    return re.compile(rf"(?=(?:{words}) ({names})(?![^\W\d_]))")


def state_named(name: str) -> str | None:
    """``state/<ISO code>`` of the country called ``name``, or None."""
    return next((f"state/{code}" for code, (label, others, _d, _a) in countries().items()
                 if name in (label, label.removeprefix("The "), *others)), None)


@cache
def regions() -> dict[str, str]:
    """``state/<ISO code>`` by the name of a province or region that one state alone has
    ("Bougainville": Papua New Guinea, "Cabo Delgado": Mozambique); names several states share
    ("Central", "Nord") are left out."""
    owners: dict[str, set[str]] = {}
    for code, info in _entries().items():
        for region in info.get("provinces") or []:
            owners.setdefault(region.strip(), set()).add(code)
    return {name: f"state/{codes.pop()}" for name, codes in sorted(owners.items()) if len(codes) == 1 and len(name) > 3}


def state_of_place(place: str) -> str | None:
    """The state a place names: the state itself, else a region only it has."""
    return state_named(place) or regions().get(place)



#: How a compass word of a UN M49 region's name is said in an adjective ("Western Africa": "West African").
_COMPASS = {"Western": "West", "Eastern": "East", "Southern": "South", "Northern": "North", "Middle": "Central",
            "South-eastern": "Southeast"}


@cache
def _world_regions() -> dict[str, frozenset[str]]:
    """The codes of the states of each UN M49 region, by the adjective that names it
    ("West African", "Caribbean", "Melanesian", "Central American"), from countryinfo's regions."""
    members: dict[str, set[str]] = {}
    for code, info in _entries().items():
        for region in {info.get(key) or "" for key in ("region", "subregion", "intermediateregion")} - {""}:
            for adjective in _adjectives(region):
                members.setdefault(adjective.lower(), set()).add(code)
    return {adjective: frozenset(codes) for adjective, codes in members.items()}


def _adjectives(region: str) -> list[str]:
    words = region.split()
    if len(words) == 1:
        return [region, _adjective(region)]
    if len(words) == 2:
        return [f"{compass} {_adjective(words[1])}" for compass in sorted({_COMPASS.get(words[0], words[0]), words[0]})]
    return []


def _adjective(place: str) -> str:
    """"Africa": "African", "Europe": "European", "Caribbean" as it is."""
    return place + "n" if place.endswith("a") else place + "an" if place.endswith("e") else place


def in_world_region(adjective: str, state: str) -> bool | None:
    """Whether ``state/<code>`` lies in the region an adjective names ("the West African country");
    None when the words name no region."""
    codes = _world_regions().get(adjective.lower())
    return None if codes is None else state.removeprefix("state/") in codes
