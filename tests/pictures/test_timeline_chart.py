"""The timeline chart: a row per dated fact, up to a readable number, and a note for the rest."""

from __future__ import annotations

from coalition_kg.pictures.timeline import Timeline, TimelineEntry
from coalition_kg.pictures.timeline_chart import MAX_ROWS, MAX_UNDATED, draw_timeline


def dated(number: int) -> TimelineEntry:
    return TimelineEntry(f"event/e{number}", "event", f"event {number}", f"2024-01-{number % 28 + 1:02d}", "day", "", "s")


def undated(number: int) -> TimelineEntry:
    return TimelineEntry(f"membership/m{number}", "joining", f"state {number:02d}: member", "", "", "no date", "s")


def notes(figure) -> list[str]:
    return [text.get_text() for text in figure.texts]


def test_a_small_timeline_draws_every_fact():
    figure = draw_timeline(Timeline([dated(n) for n in range(3)], [undated(1)]), "t")
    assert [label.get_text() for label in figure.axes[0].get_yticklabels()] == ["event 2", "event 1", "event 0"]
    assert notes(figure) == ["t", "Not on the time axis, for want of a full date in the sources:\n• state 01: member — no date"]


def test_a_large_timeline_draws_the_first_rows_and_counts_the_rest():
    many = Timeline([dated(n) for n in range(MAX_ROWS + 1234)], [undated(n) for n in range(MAX_UNDATED + 3)])
    figure = draw_timeline(many, "t")
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert len(labels) == MAX_ROWS and labels[-1] == "event 0" and labels[0] == f"event {MAX_ROWS - 1}"
    note = notes(figure)[1].splitlines()
    assert note[0] == "The 1,234 later dated facts are left out of the picture: 'coalition-kg query timeline' lists them all."
    assert note[1] == "Not on the time axis, for want of a full date in the sources:"
    assert note[2:] == [f"• state {n:02d}: member — no date" for n in range(MAX_UNDATED)] + ["• and 3 more"]
