"""Dates in an article: found with spaCy's rule-based ``Matcher``, each with its precision.

A date the text gives in full becomes ISO 8601 at its precision: ``2024-12-06`` (day),
``2024-09`` (month), ``2023`` (year). A date without its year ("in September", "on 3 May") stays
the source's own words (``date_text``); only an act's date is given the year its text or its
report's date gives (:func:`in_the_year`, :func:`in_the_reports_year`), flagged by the rule. The
matcher's patterns give each date's parts (a month's name, a day, a year), so a date is read from
its tokens with the standard library's month names and calendar, the same on any day; a day the
calendar lacks ("30 February 2025") stays words, and days of one month ("from 4 to 6 July 2025")
are that month. A weekday ("on Tuesday", "at its sitting of Tuesday") is a date only in a
report dated to the day, counted from that date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coalition_kg.curation.propose.text import pipeline

#: Month names and their abbreviations ("Sept.", "Nov.") -> the month's number.
MONTH_NUMBERS = {name.lower(): number for number in range(1, 13)
                 for name in (calendar.month_name[number], calendar.month_abbr[number])} | {"sept": 9}
#: Weekday names -> Monday 0 ... Sunday 6, as ``datetime.date.weekday`` counts them.
WEEKDAYS = {calendar.day_name[number]: number for number in range(7)}
#: Words that name a day by the report's own: days after it (yesterday -1).
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
#: Parts of a day that "this" or "last" make a day ("this morning", "last night").
PARTS_OF_A_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_MONTHS = sorted({*MONTH_NUMBERS, *(f"{name}." for name in MONTH_NUMBERS if len(name) <= 4)})
_DAY_WORD = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$")
_YEAR_WORD = re.compile(r"^(19|20)[0-9]{2}$")
_MONTH = {"LOWER": {"IN": _MONTHS}, "IS_TITLE": True}
_MONTH_IN_CAPITALS = {"LOWER": {"IN": _MONTHS}, "IS_UPPER": True}  # a broadcast's "WEDNESDAY 12 OCTOBER 2033"
_DAY = {"TEXT": {"REGEX": _DAY_WORD.pattern}}
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
#: A day of the month in words ("on the ninth of October", "the twenty-first of March") -> its number.
SPELLED_DAYS = {word: number for number, word in enumerate(
    (*_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth", *(f"twenty-{unit}" for unit in _UNITS),
     "thirtieth", "thirty-first"), 1)}
_SPELLED_DAY = [{"LOWER": {"IN": [word for word in SPELLED_DAYS if "-" not in word]}}]
_SPELLED_DAY_OF_TWO = [{"LOWER": {"IN": ["twenty", "thirty"]}}, {"ORTH": "-"}, {"LOWER": {"IN": list(_UNITS)}}]
_YEAR = {"TEXT": {"REGEX": _YEAR_WORD.pattern}}
_COMMA = {"ORTH": ",", "OP": "?"}
_OF = {"LOWER": "of", "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_PART = {"LOWER": {"IN": ["early", "mid", "late", "mid-"]}}
_ISO = [_YEAR, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[01][0-9]$"}}, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[0-3][0-9]$"}}]
#: Words before a month or a year alone that make it a time ("in September", "(2023)").
_TIME_WORDS = {"in", "on", "since", "during", "by", "until", "from", "before", "after", "early", "late",
               "mid", "(", "last", "next", "this"}


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
        *([_THE, *day, {"LOWER": "of"}, _MONTH, _COMMA, _YEAR] for day in (_SPELLED_DAY, _SPELLED_DAY_OF_TWO)),
        [_MONTH_IN_CAPITALS, _DAY, _COMMA, _YEAR],
        [_DAY, _MONTH_IN_CAPITALS, _COMMA, _YEAR],
        [_MONTH, _COMMA, _YEAR],
        [_PART, _MONTH, _COMMA, _YEAR],
        _ISO,
    ])
    matcher.add("PARTIAL", [[_MONTH, _DAY], [_THE, _DAY, _OF, _MONTH], [_PART, _MONTH], [_MONTH],
                            *([_THE, *day, {"LOWER": "of"}, _MONTH] for day in (_SPELLED_DAY, _SPELLED_DAY_OF_TWO))])
    matcher.add("YEAR", [[_YEAR]])
    return matcher


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date of ``doc``, the longest where they overlap, and the weekdays of a wire dated to
    the day ("on Tuesday", see :func:`_weekdays`)."""
    found = _under_year_headings(doc, _written_dates(doc))
    reference = report_date(doc, found)
    if reference is None or reference.precision != "day":
        return found
    filed = datetime.date.fromisoformat(reference.iso)
    found = [_in_the_year_told(doc, date, filed) if date.start > reference.start else date for date in found]
    return sorted(found + _weekdays(doc, found, reference), key=lambda d: d.start)


def _under_year_headings(doc: Doc, dates: list[DateMention]) -> list[DateMention]:
    """A chronology's "9 October — ..." under a line that is only "2038": in that year."""
    headings = [token for token in doc if _YEAR_WORD.match(token.text) and _alone_on_its_line(doc, token.i)]
    placed = []
    for date in dates:
        heading = next((token for token in reversed(headings) if token.i < date.start), None)
        told = in_the_year(date, int(heading.text)) if date.iso is None and heading is not None else None
        placed.append(told or date)
    return placed


def _alone_on_its_line(doc: Doc, i: int) -> bool:
    before = i == 0 or "\n" in doc[i - 1].text + doc[i - 1].whitespace_
    after = i + 1 == len(doc) or "\n" in doc[i].whitespace_ + doc[i + 1].text
    return before and after


#: How many of an article's first lines may hold its own date: a headline, a byline and a
#: dateline ("NAIROBI, 21 October 2025 —"). A date to the day further on is that of an act.
REPORT_HEADING_LINES = 3


def report_date(doc: Doc, dates: list[DateMention]) -> DateMention | None:
    """The report's own date: the first date to the day of its heading
    (:data:`REPORT_HEADING_LINES`) that stands alone, as a dateline's does ("Maputo — Thursday,
    25 March 2038"), not one a preposition makes an act's ("ratified on 2 April 2025"); else the
    first such month ("Monthly newsletter · Vol. 11, No. 6 · June 2035"); else None."""
    line_ends = (t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_)
    heading_end = next((end for n, end in enumerate(line_ends, 1) if n == REPORT_HEADING_LINES), len(doc))
    alone = [d for d in dates if d.precision in ("day", "month") and d.start < heading_end
             and (d.start == 0 or doc[d.start - 1].lower_ not in _TIME_WORDS)]
    return next((d for d in alone if d.precision == "day"), None) or next(iter(alone), None)


def _in_the_year_told(doc: Doc, date: DateMention, filed: datetime.date) -> DateMention:
    """"in August of last year", "on 17 August this year": a date whose year is told from the
    report's, in that year."""
    if date.iso is not None or date.end + 1 >= len(doc):
        return date
    words = [t.lower_ for t in doc[date.end:date.end + 3]]
    if words[0] == "of":
        words = words[1:]
    if words[:2] not in (["this", "year"], ["last", "year"]):
        return date
    told = in_the_year(date, filed.year - (words[0] == "last"))
    end = date.end + 2 + (doc[date.end].lower_ == "of")
    return DateMention(date.start, end, doc[date.start:end].text, told.iso, told.precision) if told else date


def _weekdays(doc: Doc, dates: list[DateMention], reference: DateMention) -> list[DateMention]:
    """"NAIROBI, 21 October 2025 — ... signed on Tuesday": a time told from the report's own date
    (``reference``, :func:`report_date`), after it. A weekday is the day of that week it names, the
    latest one on or before that date (the report tells what has happened; "last Friday" before
    it), or the next one when its verb is in the future ("will vote on Friday"); "today", "this
    morning", "yesterday", "last month" and "this year" are counted from the report's date as a
    reader counts them."""
    filed = datetime.date.fromisoformat(reference.iso)
    dated = {i for d in dates for i in range(d.start, d.end)}
    return [told for token in doc[reference.end:]
            if token.i not in dated and (told := _relative_time(doc, token, filed)) is not None]


def _relative_time(doc: Doc, token, filed: datetime.date) -> DateMention | None:
    """The time told from the report's date that ends at ``token``."""
    before = doc[token.i - 1].lower_ if token.i else ""
    if token.lower_ in RELATIVE_DAYS:
        return _day(doc, token.i, token, filed + datetime.timedelta(days=RELATIVE_DAYS[token.lower_]))
    if token.lower_ in PARTS_OF_A_DAY and before in ("this", "last"):
        return _day(doc, token.i - 1, token, filed - datetime.timedelta(days=1 if before == "last" else 0))
    if token.lower_ == "month" and before in ("this", "last"):
        month = (filed.replace(day=1) - datetime.timedelta(days=1)) if before == "last" else filed
        return DateMention(token.i - 1, token.i + 1, doc[token.i - 1:token.i + 1].text, month.isoformat()[:7], "month")
    if token.lower_ == "year" and before in ("this", "last"):
        year = str(filed.year - (before == "last"))
        return DateMention(token.i - 1, token.i + 1, doc[token.i - 1:token.i + 1].text, year, "year")
    weekday = WEEKDAYS.get(token.text)
    if weekday is None or before not in ("on", "last", "of"):  # "at its sitting of Tuesday"
        return None
    verb = doc[token.i - 1].head
    if before == "on" and any(child.dep_ == "aux" and child.lower_ in ("will", "would", "shall", "'ll")
                              for child in verb.children):
        return _day(doc, token.i, token, filed + datetime.timedelta(days=(weekday - filed.weekday()) % 7))
    back = (filed.weekday() - weekday) % 7 or (7 if before == "last" else 0)
    return _day(doc, token.i - (before == "last"), token, filed - datetime.timedelta(days=back))


def _day(doc: Doc, start: int, last, day: datetime.date) -> DateMention:
    return DateMention(start, last.i + 1, doc[start:last.i + 1].text, day.isoformat(), "day")


def in_the_reports_year(reference: DateMention | None, date: DateMention) -> DateMention | None:
    """A past act's date without a year ("deposited its instrument on 7 May", "in August"), in a
    report dated to the day or the month: the latest such day or month on or before the report's
    date (a month's last day), as a reader takes it; None when the report has no date
    (``reference``, :func:`report_date`) or the words name no month."""
    month_and_day = _month_and_day(date)
    if reference is None or month_and_day is None:
        return None
    filed = _last_day(reference)
    month, day = month_and_day
    return in_the_year(date, filed.year if (month, day or 1) <= (filed.month, filed.day) else filed.year - 1)


def _last_day(date: DateMention) -> datetime.date:
    """The last day a date to the day or the month covers."""
    if date.precision == "day":
        return datetime.date.fromisoformat(date.iso)
    year, month = (int(part) for part in date.iso.split("-"))
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def with_reports_year(date: DateMention, report: DateMention | None) -> tuple[DateMention | None, list[str]]:
    """A date as a draft gives it: as written when it has its year, else in the report's year
    (:func:`in_the_reports_year`) with the flag that says so; ``(None, [])`` when neither."""
    if date.iso:
        return date, []
    dated = in_the_reports_year(report, date)
    return (dated, [year_told_flag(date, dated)]) if dated is not None else (None, [])


def year_told_flag(date: DateMention, dated: DateMention) -> str:
    """What a draft says of a date given the year of the report's date (:func:`in_the_reports_year`)."""
    return (f"the date '{date.text}' has no year; {dated.iso} is the latest such date on or before the report's "
            f"date: check it")


def in_the_year(date: DateMention, year: int) -> DateMention | None:
    """A date without a year ("30 September", "in August") in the year the text gives elsewhere
    ("On 30 September ... resolution 2863 (2027)")."""
    month_and_day = _month_and_day(date)
    if month_and_day is None:
        return None
    month, day = month_and_day
    try:
        iso = datetime.date(year, month, day or 1).isoformat()
    except ValueError:
        return None
    return DateMention(date.start, date.end, date.text, iso if day else iso[:7], "day" if day else "month")


def _month_and_day(date: DateMention) -> tuple[int, int | None] | None:
    words = [word.lower().rstrip(".") for word in date.text.split()]
    month = next((MONTH_NUMBERS[w] for w in words if w in MONTH_NUMBERS), None)
    return (month, _day_in(words)) if month is not None else None


def _day_in(words: list[str]) -> int | None:
    """The day of the month that a date's words give, in digits ("9", "9th") or in words ("ninth")."""
    return next((int(_DAY_WORD.match(w).group(1)) if _DAY_WORD.match(w) else SPELLED_DAYS[w.lower()]
                 for w in words if _DAY_WORD.match(w) or w.lower() in SPELLED_DAYS), None)


def _written_dates(doc: Doc) -> list[DateMention]:
    found = []
    matches = _matcher()(doc)
    for span in filter_spans([doc[start:end] for _, start, end in matches]):
        before = doc[span.start - 1].lower_ if span.start else ""
        if len(span) == 1 and before not in _TIME_WORDS:
            continue  # "May" the verb, "2024 troops"
        partial = any(doc.vocab.strings[key] == "PARTIAL" and (start, end) == (span.start, span.end)
                      for key, start, end in matches)
        found.append(DateMention(span.start, span.end, span.text, None, None) if partial else _normalised(span))
    return [_with_first_day(doc, date) for date in found]


def _with_first_day(doc: Doc, date: DateMention) -> DateMention:
    """"from 4 to 6 July 2025", "on 27 and 28 May 2026": days of one month are that month."""
    start = date.start
    if date.precision != "day" or start < 2 or doc[start - 1].lower_ not in ("to", "and", "-", "–") \
            or not _DAY_WORD.match(doc[start - 2].text) or not _DAY_WORD.match(doc[start].text):
        return date
    return DateMention(start - 2, date.end, doc[start - 2: date.end].text, date.iso[:7], "month")


def _normalised(span: Span) -> DateMention:
    """The date its words give, at the precision of the parts they name: a day, a month, a year."""
    words = [token.text for token in span]
    if len(words) == 5 and words[1] == words[3] == "-":  # 2024-09-20
        year, month, day = int(words[0]), int(words[2]), int(words[4])
    else:
        year = next(int(word) for word in words if _YEAR_WORD.match(word))
        month = next((MONTH_NUMBERS[word.lower().rstrip(".")] for word in words
                      if word.lower().rstrip(".") in MONTH_NUMBERS and word[:1].isupper()), None)
        day = _day_in([word.strip(",") for word in span.text.split() if not _YEAR_WORD.match(word)]) if month else None
    try:
        date = datetime.date(year, month or 1, day or 1)
    except ValueError:
        return DateMention(span.start, span.end, span.text, None, None)
    precision = "day" if day else "month" if month else "year"
    iso = date.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
    return DateMention(span.start, span.end, span.text, iso, precision)
