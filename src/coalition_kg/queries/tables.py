"""Plain-text tables: aligned columns for a terminal, and Markdown.

Cells are already strings; this module only lays them out. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "
ELLIPSIS = "…"
UNKNOWN = "—"  # how a cell with no value is shown
MIN_WIDTH = 12  # columns are cut no narrower; when even that is too wide, rows are shown as records


def render_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None) -> str:
    """Columns aligned under a ruled header, integers right-aligned. With ``width``, the widest
    columns are cut (ending in …) until each line fits; if the columns cannot fit at
    :data:`MIN_WIDTH`, each row is shown as a record, one ``column  value`` line per column."""
    cells = [[_one_line(cell) for cell in row] for row in rows]
    natural = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(header)]
    widths = natural if width is None else _fit(natural, width)
    if widths is None:
        return _records(header, cells, width or 0)
    numeric = [_is_numeric([row[i] for row in cells]) for i in range(len(header))]
    lines = [_line(header, widths, [False] * len(header))]
    lines.append(GAP.join("─" * size for size in widths))
    lines.extend(_line(row, widths, numeric) for row in cells)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def render_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = [_markdown_line(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(_markdown_line(row) for row in rows)
    return "\n".join(lines) + "\n"


def _fit(natural: list[int], width: int) -> list[int] | None:
    """Column widths that fit ``width``, cutting the widest first; None if they cannot."""
    room = width - len(GAP) * (len(natural) - 1)
    if sum(min(size, MIN_WIDTH) for size in natural) > room:
        return None
    widths = list(natural)
    while sum(widths) > room:
        widths[max(range(len(widths)), key=widths.__getitem__)] -= 1
    return widths


def _records(header: Sequence[str], cells: list[list[str]], width: int) -> str:
    label = max(len(name) for name in header)
    room = max(width - label - len(GAP), MIN_WIDTH)
    lines = []
    for number, row in enumerate(cells, start=1):
        title = f"── row {number} "
        lines.append(title + "─" * max(width - len(title), 0))
        lines.extend(f"{name.ljust(label)}{GAP}{_cut(cell, room)}".rstrip() for name, cell in zip(header, row))
    return "".join(line + "\n" for line in lines)


def _line(cells: Sequence[str], widths: list[int], right: list[bool]) -> str:
    parts = []
    for cell, size, align_right in zip(cells, widths, right):
        text = _cut(cell, size)
        parts.append(text.rjust(size) if align_right else text.ljust(size))
    return GAP.join(parts)


def _markdown_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_one_line(cell).replace("|", "\\|") for cell in cells) + " |"


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + ELLIPSIS


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\r" in text or "\t" in text) else text


def _is_numeric(column: list[str]) -> bool:
    """Whether a column holds integers (and unknowns) only."""
    known = [cell for cell in column if cell != UNKNOWN]
    return bool(known) and all(cell.lstrip("+-").isdigit() for cell in known)
