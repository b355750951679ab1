"""The world's states as ``countryinfo`` gives them: names, other names, demonym and codes, by
ISO 3166-1 alpha-3 code; read once per process."""

from __future__ import annotations

from functools import cache

from countryinfo import CountryInfo


@cache
def countries() -> dict[str, tuple[str, tuple[str, ...], str, str]]:
    """Every country by ISO alpha-3 code: (name, other names, demonym, alpha-2 code)."""
    found: dict[str, tuple[str, tuple[str, ...], str, str]] = {}
    for _key, info in sorted(CountryInfo.all().items()):
        iso = info.get("ISO") or {}
        code, alpha2 = iso.get("alpha3"), iso.get("alpha2") or ""
        spellings = tuple(info.get("altSpellings") or ())
        # Several entries share a code (Wales, GBR): the country's own entry lists its code.
        if not code or (code in found and code not in spellings):
            continue
        names = tuple(name for name in spellings if len(name) > 3 and name != info["name"])
        found[code] = (info["name"], names, info.get("demonym") or "", alpha2)
    return found


def state_named(name: str) -> str | None:
    """``state/<ISO code>`` of the country called ``name``, or None."""
    return next((f"state/{code}" for code, (label, others, _d, _a) in countries().items()
                 if name in (label, label.removeprefix("The "), *others)), None)
