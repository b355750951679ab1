"""The words a page uses for a fact and its values: the sentence that titles a fact, filled in
from the templates of its kind in the data model (``title`` in
:data:`coalition_kg.curation.model.FACT_KINDS`), and its values as a person reads them: a date
written out ("6 December 2024"), a number as an ordinal ("second"), an organization's or a
mission's name with its article ("the United Nations").

What a template's placeholders stand for is given by the caller, as a function of the field,
the field of the fact it names (if any) and the format; it answers None for a value the fact
does not have. Plural nouns and ordinals come from inflect.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

from coalition_kg.core.namespaces import ID

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?(?::([a-z]+))?\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
#: Characters of a text value (a statement's words) at most in a title; the rest is cut at a word.
TITLE_TEXT = 140
#: The register's kinds whose names take the definite article in a sentence ("the United Nations").
WITH_ARTICLE = ("mission/", "org/")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

#: What a template asks for: (field, field of the fact it names or None, format or None) -> text, or None if unknown.
Lookup = Callable[[str, str | None, str | None], str | None]


class _Unknown(Exception):
    """A placeholder whose value the fact does not have."""


def title(templates: Sequence[str], lookup: Lookup) -> str | None:
    """The first of ``templates`` that ``lookup`` fills, its first letter capitalised; None if none."""
    for template in templates:
        try:
            text = _filled(_OPTIONAL.sub(lambda part: _optional(part.group(1), lookup), template), lookup)
        except _Unknown:
            continue
        return text[:1].upper() + text[1:]
    return None


def _optional(part: str, lookup: Lookup) -> str:
    try:
        return _filled(part, lookup)
    except _Unknown:
        return ""


def _filled(template: str, lookup: Lookup) -> str:
    def value(match: re.Match) -> str:
        found = lookup(match.group(1), match.group(2), match.group(3))
        if found is None:
            raise _Unknown
        return found

    return _PLACEHOLDER.sub(value, template)


def shortened(text: str, limit: int = TITLE_TEXT) -> str:
    """``text`` cut at a word to about ``limit`` characters, with "…" where it was cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def written_date(text: str) -> str:
    """A date as a person reads it: "6 December 2024", "September 2024", "2024"; else the text."""
    if _DAY.match(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return text
        return f"{day.day} {day:%B %Y}"
    if month := _MONTH.match(text):
        if 1 <= int(month.group(2)) <= 12:
            return f"{date(int(month.group(1)), int(month.group(2)), 1):%B} {month.group(1)}"
    return text


def nth(text: str) -> str:
    """A whole number as an ordinal in words ("second", "twenty-first"); else the text."""
    if not text.lstrip("-").isdigit():
        return text
    engine = _inflect()
    return engine.number_to_words(engine.ordinal(int(text)))


def in_sentence(iri: str, name: str) -> str:
    """An entity's name as a sentence has it: a mission's or organization's with its article."""
    if iri.startswith(ID) and iri[len(ID):].startswith(WITH_ARTICLE) and not name.lower().startswith("the "):
        return "the " + name
    return name


def counted(count: int, noun: str) -> str:
    """"1 mission", "6 missions", "2 government bodies"."""
    return f"{count} {noun if count == 1 else plural(noun)}"


def plural(noun: str) -> str:
    """The plural of an English noun ("government bodies", "people")."""
    return _inflect().plural_noun(noun)


def singular(noun: str) -> str:
    """The singular of an English plural noun ("missions" -> "mission"); the noun if it is none."""
    return _inflect().singular_noun(noun) or noun


@cache
def _inflect():
    import inflect

    return inflect.engine()
