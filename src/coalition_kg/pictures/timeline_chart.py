"""The timeline chart: each dated fact on its own row along a time axis, undated ones in a note.

A date known to the day is a dot; one known only to the month or the year is a
hatched bar over the whole month or year, so that no day is invented.
"""

from __future__ import annotations

import datetime

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from coalition_kg.pictures.picture import DPI, wrap
from coalition_kg.pictures.timeline import Timeline, TimelineEntry

#: category -> (colour, legend)
CATEGORIES: dict[str, tuple[str, str]] = {
    "joining": ("#1f77b4", "a state joins (instrument)"),
    "instrument": ("#2ca02c", "other legal instrument"),
    "event": ("#8c564b", "event"),
    "deployment": ("#ff7f0e", "deployment"),
}
OTHER_CATEGORY = ("#7f7f7f", "other dated fact")
ROW = 0.55
LABEL_COLUMN = 4.6
WIDTH = 14.0
#: Room to the right of the last date for its text.
DATE_TEXT_DAYS = 75
#: The most dated rows and undated facts a picture shows; the others are counted, not drawn. A
#: graph of a million triples dates tens of thousands of facts: a row for each would make a
#: picture of gigapixels (it ran out of memory), which nobody could read anyway.
MAX_ROWS = 80
MAX_UNDATED = 20


def draw_timeline(timeline: Timeline, title: str) -> Figure:
    """A chart of ``timeline``: rows in time order, the earliest at the top; at most
    :data:`MAX_ROWS` of them and :data:`MAX_UNDATED` undated facts, the others counted in the note."""
    dated = timeline.dated[:MAX_ROWS]
    note = "\n".join(filter(None, [_left_out_note(len(timeline.dated) - len(dated)), _undated_note(timeline.undated)]))
    note_height = 0.3 + 0.22 * note.count("\n") if note else 0.0
    rows_height = max(len(dated), 1) * ROW + 0.6
    height = 0.9 + rows_height + 1.2 + note_height
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    axes = figure.add_axes((LABEL_COLUMN / WIDTH, (1.2 + note_height) / height, 1 - (LABEL_COLUMN + 0.3) / WIDTH, rows_height / height))
    figure.text(0.5, 1 - 0.45 / height, title, ha="center", va="center", fontsize=16, fontweight="bold")
    for row, entry in enumerate(reversed(dated)):
        _draw_entry(axes, row, entry)
    _axes_style(axes, dated)
    _legend(figure, dated, note_height / height)
    if note:
        figure.text(0.02, 0.02, note, ha="left", va="bottom", fontsize=10, bbox={"boxstyle": "round,pad=0.5", "facecolor": "#fff7e0", "edgecolor": "#b08d2a"})
    return figure


def _draw_entry(axes, row: int, entry: TimelineEntry) -> None:
    colour = CATEGORIES.get(entry.category, OTHER_CATEGORY)[0]
    start, end = entry.period()
    if entry.precision == "day":
        axes.plot([start], [row], marker="o", markersize=10, color=colour, markeredgecolor="#222222", zorder=3)
    else:
        span = end - start + datetime.timedelta(days=1)
        axes.barh(row, span, left=start, height=0.45, color=colour, alpha=0.3, hatch="//", edgecolor=colour, zorder=2)
    axes.annotate(_date_text(entry), (end, row), xytext=(9, 0), textcoords="offset points", va="center", fontsize=10, zorder=4)


def _axes_style(axes, dated: list[TimelineEntry]) -> None:
    axes.set_yticks(range(len(dated)), [wrap(entry.label, 52) for entry in reversed(dated)], fontsize=10)
    axes.set_ylim(-0.7, max(len(dated), 1) - 0.3)
    if dated:
        first = min(entry.period()[0] for entry in dated)
        last = max(entry.period()[1] for entry in dated)
        axes.set_xlim(first - datetime.timedelta(days=20), last + datetime.timedelta(days=DATE_TEXT_DAYS))
    locator = mdates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.set_xlabel("date, as precise as the source gives it", fontsize=10)
    axes.grid(axis="x", color="#dddddd", zorder=0)
    axes.tick_params(axis="x", labelsize=10)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def _legend(figure: Figure, dated: list[TimelineEntry], bottom: float) -> None:
    found = {entry.category for entry in dated}
    present = [category for category in CATEGORIES if category in found] + sorted(found - set(CATEGORIES))
    handles = [
        Line2D([], [], marker="o", linestyle="none", markersize=9, color=colour, markeredgecolor="#222222", label=name)
        for colour, name in (CATEGORIES.get(category, OTHER_CATEGORY) for category in present)
    ]
    if any(entry.precision != "day" for entry in dated):
        handles.append(Patch(facecolor="#cccccc", hatch="//", edgecolor="#555555", label="known to the month or year only"))
    if handles:
        figure.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=10, bbox_to_anchor=(0.5, bottom + 0.01))


def _date_text(entry: TimelineEntry) -> str:
    start, _ = entry.period()
    if entry.precision == "day":
        return f"{start.day} {start:%b %Y}"
    if entry.precision == "month":
        return f"{start:%b %Y} (month only)"
    return f"{start.year} (year only)"


def _left_out_note(later: int) -> str:
    if not later:
        return ""
    return f"The {later:,} later dated facts are left out of the picture: 'coalition-kg query timeline' lists them all."


def _undated_note(undated: list[TimelineEntry]) -> str:
    if not undated:
        return ""
    lines = [f"• {entry.label} — {entry.note}" for entry in undated[:MAX_UNDATED]]
    if len(undated) > MAX_UNDATED:
        lines.append(f"• and {len(undated) - MAX_UNDATED:,} more")
    return "Not on the time axis, for want of a full date in the sources:\n" + "\n".join(lines)
