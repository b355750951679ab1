"""Dates in an article: found with spaCy's rule-based ``Matcher``, normalised by ``dateparser``
with fixed settings, each with its precision.

A date the text gives in full becomes ISO 8601 at its precision: ``2024-12-06`` (day),
``2024-09`` (month), ``2023`` (year). A date without its year ("in September", "on 3 May") is
never completed with a guessed one: it stays the source's own words (``date_text``).
dateparser's relative base is fixed and only absolute dates are parsed, so the same text gives
the same dates on any day.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

from dateparser.date import DateDataParser
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from coalition_kg.curation.propose.text import pipeline

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
           "sept.", "oct.", "nov.", "dec."]
_MONTH = {"LOWER": {"IN": _MONTHS}, "IS_TITLE": True}
_DAY = {"TEXT": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(19|20)[0-9]{2}$"}}
_COMMA = {"ORTH": ",", "OP": "?"}
_OF = {"LOWER": "of", "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_PART = {"LOWER": {"IN": ["early", "mid", "late", "mid-"]}}
#: Words before a month or a year alone that make it a time ("in September", "(2023)").
_TIME_WORDS = {"in", "on", "since", "during", "by", "until", "from", "before", "after", "early", "late",
               "mid", "(", "last", "next", "this"}
_PRECISION = {"day": "day", "month": "month", "year": "year"}


@dataclass(frozen=True)
class DateMention:
    """A date of the article: tokens ``[start, end)``, its words, and ``iso`` at ``precision``
    when the words give a year (else both ``None``)."""

    start: int
    end: int
    text: str
    iso: str | None
    precision: str | None


@cache
def _matcher() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    matcher.add("FULL", [
        [_MONTH, _DAY, _COMMA, _YEAR],
        [_THE, _DAY, _OF, _MONTH, _COMMA, _YEAR],
        [_MONTH, _COMMA, _YEAR],
        [_PART, _MONTH, _COMMA, _YEAR],
        [_YEAR, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[01][0-9]$"}}, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[0-3][0-9]$"}}],
    ])
    matcher.add("PARTIAL", [[_MONTH, _DAY], [_THE, _DAY, _OF, _MONTH], [_PART, _MONTH], [_MONTH]])
    matcher.add("YEAR", [[_YEAR]])
    return matcher


@cache
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "REQUIRE_PARTS": ["year"],
        "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["absolute-time"],
    })


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date of ``doc``, the longest where they overlap."""
    found = []
    matches = _matcher()(doc)
    for span in filter_spans([doc[start:end] for _, start, end in matches]):
        before = doc[span.start - 1].lower_ if span.start else ""
        if len(span) == 1 and before not in _TIME_WORDS:
            continue  # "May" the verb, "2024 troops"
        partial = any(doc.vocab.strings[key] == "PARTIAL" and (start, end) == (span.start, span.end)
                      for key, start, end in matches)
        found.append(DateMention(span.start, span.end, span.text, None, None) if partial
                     else _normalised(span.start, span.end, span.text))
    return found


def _normalised(start: int, end: int, text: str) -> DateMention:
    words = text.split(None, 1)
    if words[0].lower() in ("early", "mid", "late") and len(words) > 1:
        text_to_parse = words[1]
    else:
        text_to_parse = text
    data = _parser().get_date_data(text_to_parse)
    if data.date_obj is None:
        return DateMention(start, end, text, None, None)
    precision = _PRECISION.get(data.period or "day", "day")
    iso = data.date_obj.date().isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
    return DateMention(start, end, text, iso, precision)
