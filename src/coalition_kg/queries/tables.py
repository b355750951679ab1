"""Tables for people: a terminal table laid out by rich, and Markdown and HTML tables.

Cells are already the text a person reads (see :mod:`coalition_kg.queries.cells`); this
module lays them out. A terminal table fits the width it is given and hides nothing: the
columns of text (cells with spaces: names, sentences) wrap, widest first, while identifiers
keep their whole width; when the columns cannot fit even so, each row is shown as a record,
one ``column  value`` line per column. A table that was fitted says so once, in its
:class:`Layout`, with how to see each row on one line.

rich is imported when a terminal table is drawn, not before: the W3C formats never load it.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rich.table import Table

GAP = 2  # spaces between columns
MIN_TEXT = 20  # a column of text wraps no narrower (unless it is narrower whole); rows become records instead
MAX_WORD = 30  # a longer word does not widen the narrowest wrap of its column; it is folded
RULE = "─"


class Layout(NamedTuple):
    """A terminal table as text, and how it was fitted to the width: ``"whole"`` (each row on
    one line), ``"wrapped"`` (long text on several lines) or ``"records"`` (one record per row)."""

    text: str
    fit: str

    def hint(self, width: int | None) -> str:
        """What was done to fit ``width`` columns and how to see each row on one line, or ''."""
        if self.fit == "whole":
            return ""
        done = "long text wrapped" if self.fit == "wrapped" else "rows shown as records"
        return f"{done} to fit {width} columns; --wide or --format md shows each row on one line"


def terminal_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None, right: Sequence[bool] = ()
) -> Layout:
    """Columns under a ruled header, those flagged in ``right`` (numbers) right-aligned, fitted
    to ``width`` columns when given, else each row on one line."""
    natural = [max([_length(name), *(_length(row[i]) for row in rows)]) for i, name in enumerate(header)]
    wraps = [any(" " in row[i] for row in rows) for i in range(len(header))]
    room = None if width is None else width - GAP * (len(header) - 1)
    widths, fit = natural, "whole"
    if room is not None and sum(natural) > room:
        narrowest = [_narrowest(i, size, rows) if wrap else size for i, (size, wrap) in enumerate(zip(natural, wraps))]
        if sum(narrowest) > room:
            return Layout(_records(header, rows, width or 0), "records")
        widths, fit = _shrunk(natural, narrowest, room), "wrapped"
    table = _table(header, widths, right, wraps)
    for row in rows:
        table.add_row(*map(_text, row))
    return Layout(_drawn(table, sum(widths) + GAP * (len(widths) - 1)), fit)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = [_markdown_line(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(_markdown_line(row) for row in rows)
    return "\n".join(lines) + "\n"


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    titles: Sequence[Sequence[str | None]] = (),
    right: Sequence[bool] = (),
    caption: str = "",
    footer: str = "",
) -> str:
    """An HTML table; each cell may have a title (its full IRI, shown on hover). Every text and
    title is escaped: an answer's literals are data, never markup."""
    titles = titles or [[None] * len(header) for _ in rows]
    aligned = [' style="text-align: right"' if flag else "" for flag in (right or [False] * len(header))]
    parts = ['<table class="coalition-kg">']
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(name)}</th>" for name in header) + "</tr></thead>")
    parts.append("<tbody>")
    for row, row_titles in zip(rows, titles):
        cells = (
            f"<td{align}>" + (f'<span title="{html.escape(title)}">{html.escape(cell)}</span>' if title
                              else html.escape(cell)) + "</td>"
            for cell, title, align in zip(row, row_titles, aligned)
        )
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    if footer:
        parts.append(f"<p>{html.escape(footer)}</p>")
    return "\n".join(parts) + "\n"


def _shrunk(widths: list[int], floors: list[int], room: int) -> list[int]:
    """``widths`` with the widest cut down first, none below its floor, until they fit ``room``."""
    widths = list(widths)
    while sum(widths) > room:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        widest = max(shrinkable, key=widths.__getitem__)
        widths[widest] -= 1
    return widths


def _narrowest(column: int, natural: int, rows: Sequence[Sequence[str]]) -> int:
    """How narrow a column of text wraps without cutting a word (up to :data:`MAX_WORD`)."""
    longest_word = max((_length(word) for row in rows for word in row[column].split()), default=0)
    return min(natural, max(MIN_TEXT, min(longest_word, MAX_WORD)))


def _table(header: Sequence[str], widths: list[int], right: Sequence[bool], wraps: list[bool]) -> Table:
    from rich.table import Table
    from rich.text import Text

    right = list(right) or [False] * len(header)
    table = Table(box=None, pad_edge=False, padding=(0, GAP // 2), show_edge=False, show_header=True)
    for name, size, flush_right, wrap in zip(header, widths, right, wraps):
        # Text wraps at spaces and folds a word too long for its column; an identifier is never narrowed.
        table.add_column(Text(name), width=size, justify="right" if flush_right else "left", overflow="fold",
                         no_wrap=not wrap)
    table.add_row(*(Text(RULE * size) for size in widths))
    return table


def _text(cell: str):  # noqa: ANN202 - a rich Text, imported with rich
    from rich.text import Text

    return Text(cell)


def _records(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """Each row as a record: a title line, then one ``column  value`` line per column."""
    from rich.table import Table
    from rich.text import Text

    label = max(_length(name) for name in header)
    parts = []
    for number, row in enumerate(rows, start=1):
        title = f"── row {number} "
        parts.append(title + RULE * max(width - _length(title), 0) + "\n")
        record = Table.grid(padding=(0, GAP, 0, 0))
        record.add_column(width=label, no_wrap=True)
        record.add_column(width=max(width - label - GAP, 1), overflow="fold")
        for name, cell in zip(header, row):
            record.add_row(Text(name), Text(cell))
        parts.append(_drawn(record, width))
    return "".join(parts)


def _drawn(table: Table, width: int) -> str:
    """The table as plain text, ``width`` columns wide at most, without trailing spaces."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=max(width, 1), color_system=None, force_terminal=False,
                      highlight=False, markup=False, emoji=False, legacy_windows=False)
    console.print(table, crop=False)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _markdown_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _length(text: str) -> int:
    """The columns ``text`` takes on a terminal (wide characters take two)."""
    from rich.cells import cell_len

    return cell_len(text)
