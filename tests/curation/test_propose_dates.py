"""Dates with their precision; a date without its year stays words, never completed."""

from __future__ import annotations

from coalition_kg.curation.propose.dates import find_dates
from coalition_kg.curation.propose.numbers import cardinal, ordinal
from coalition_kg.curation.propose.text import pipeline


def dates(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.iso, d.precision) for d in find_dates(pipeline()(text))]


def test_full_dates_become_iso_at_their_precision():
    assert dates("On December 12, 2024, on 3 March 2025, in September 2024, Resolution 2699 (2023), 2024-09-20.") == [
        ("December 12, 2024", "2024-12-12", "day"), ("3 March 2025", "2025-03-03", "day"),
        ("September 2024", "2024-09", "month"), ("2023", "2023", "year"), ("2024-09-20", "2024-09-20", "day")]


def test_a_date_without_its_year_stays_the_sources_words():
    assert dates("NAIROBI, June 20 (Wire) - in September, in early May, they may send 2024 troops.") == [
        ("June 20", None, None), ("September", None, None), ("early May", None, None)]


def test_numbers_in_digits_and_words():
    doc = pipeline()("two hundred / 1,200 / one hundred and fifty / 400")
    assert [cardinal(doc[0:2]), cardinal(doc[3:4]), cardinal(doc[5:9]), cardinal(doc[10:11])] == [200, 1200, 150, 400]
    assert [ordinal(word) for word in ("first", "second", "fifth", "22nd", "troops")] == [1, 2, 5, 22, None]


def test_abbreviated_months_ordinal_days_and_days_the_calendar_lacks():
    assert dates("On Feb. 3, 2025, on March 12th, 2025, by Sept. 5, on the 1st of November 2024, "
                 "on 30 February 2025.") == [
        ("Feb. 3, 2025", "2025-02-03", "day"), ("March 12th, 2025", "2025-03-12", "day"), ("Sept. 5", None, None),
        ("the 1st of November 2024", "2024-11-01", "day"), ("30 February 2025", None, None)]


def test_times_told_from_a_report_dated_to_the_day():
    # 12 March 2026 is a Thursday.
    assert dates("NAIROBI, 12 March 2026 — The unit left yesterday, landed this morning, marched last "
                 "Friday, voted on Monday, will vote on Saturday, signed last month, joined in August of "
                 "last year and renewed it this year.")[1:] == [
        ("yesterday", "2026-03-11", "day"), ("this morning", "2026-03-12", "day"),
        ("last Friday", "2026-03-06", "day"), ("Monday", "2026-03-09", "day"), ("Saturday", "2026-03-14", "day"),
        ("last month", "2026-02", "month"), ("August of last year", "2025-08", "month"),
        ("this year", "2026", "year")]


def test_times_told_from_a_report_without_a_date_stay_words():
    assert dates("The unit left yesterday and landed on Monday, in August of last year.") == [("August", None, None)]
