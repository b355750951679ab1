"""The timeline: dated facts in time order with the precision their source gives; undated facts apart."""

from __future__ import annotations

import datetime

from coalition_kg.pictures.timeline import TimelineEntry, timeline

A000 = "source/000_f53fdc1be9ced35d"
A004 = "source/004_488f5bce62634bfc"


def test_dated_facts_in_time_order(project):
    assert timeline(project.dataset).dated == [
        TimelineEntry("instrument/unsc-resolution-2699", "instrument", "UN Security Council Resolution 2699 (2023)", "2023", "year", "", A004),
        TimelineEntry("instrument/slv-signature", "joining", "El Salvador: signature", "2024-08-03", "day", "", A004),
        TimelineEntry("instrument/jam-adhesion", "joining", "Jamaica: adhesion", "2024-09-20", "day", "", A004),
        TimelineEntry("instrument/bhs-join", "joining", "Bahamas: joined, instrument not named", "2024-09-26", "day", "", A004),
        TimelineEntry("instrument/blz-ratification", "joining", "Belize: ratification", "2024-11-27", "day", "", A004),
        TimelineEntry("instrument/gtm-adhesion", "joining", "Guatemala: adhesion", "2024-12-06", "day", "", A004),
        TimelineEntry(
            "event/gtm-joining-announcement", "event", "Guatemala's formal announcement of joining the MMAS", "2024-12-12", "day", "", A004
        ),
    ]


def test_undated_facts_say_what_the_source_gives_instead(project):
    assert timeline(project.dataset).undated == [
        TimelineEntry("membership/ken-mss-haiti", "joining", "Kenya: member", "", "", "no date of joining in the sources", A000),
        TimelineEntry(
            "event/arevalo-unga79-pledge",
            "event",
            "President Arévalo's pledge at the 79th UN General Assembly",
            "",
            "",
            'dated "September" only',
            A004,
        ),
    ]


def test_a_period_spans_what_the_date_may_mean():
    def period(date: str, precision: str) -> tuple[datetime.date, datetime.date]:
        return TimelineEntry("f", "event", "x", date, precision, "", "").period()

    assert period("2023", "year") == (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert period("2024-02", "month") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert period("2024-09-20", "day") == (datetime.date(2024, 9, 20), datetime.date(2024, 9, 20))
