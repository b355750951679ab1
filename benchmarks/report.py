"""The benchmark's results: one row per scale, operation and backend; ratios, targets, table, JSON.

Each row's ratio is its time over its reference's (pyoxigraph for loading, queries
and export, pyshacl for full validation, the full validation for the incremental
one, the full build for the build after one new source, a bare pyoxigraph script for the
CLI). Targets are those of the issue, set for 1M triples; they are checked at every scale,
the 1M rows are the ones that count.
The queries of one backend run in one process: their peak memory is that process's.

Each question's cost against its answer's size is a table of its own (:func:`cost_per_row`):
its rows and time at each scale, on the local path (the query layer) and on the VALUES
path endpoints get (pyoxigraph running the same text), and how its time per answer row grew from one scale to the next.
"""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path

GB = 1024.0


@dataclass
class Row:
    scale: str
    operation: str
    backend: str
    seconds: float | None
    status: str  # ok, timeout, error, skipped
    peak_rss_mb: float | None
    detail: str = ""
    reference: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    answer_rows: int | None = None  # a query's


@dataclass(frozen=True)
class Target:
    """What the project's row of an operation must achieve."""

    text: str
    max_ratio: float | None = None
    max_seconds: float | None = None
    max_rss_mb: float | None = None
    backends: tuple[str, ...] = ("project",)

    def met_by(self, row: Row) -> bool | None:
        if row.status != "ok":
            return False
        checks = []
        if self.max_ratio is not None:
            checks.append(None if row.ratio is None else row.ratio <= self.max_ratio)
        if self.max_seconds is not None:
            checks.append(row.seconds is not None and row.seconds < self.max_seconds)
        if self.max_rss_mb is not None:
            checks.append(row.peak_rss_mb is not None and row.peak_rss_mb < self.max_rss_mb)
        if False in checks:
            return False
        return None if None in checks else True


#: operation -> the (operation, backend) its ratios are taken against
REFERENCES: dict[str, tuple[str | None, str]] = {
    "ingest+load": (None, "pyoxigraph"),
    "full validation": (None, "pyshacl"),
    "incremental validation": ("full validation", "project"),
    "build, one new source": ("build", "project"),
    "query": (None, "values"),
    "query absent": (None, "values"),
    "turtle export": (None, "pyoxigraph"),
    "cli query members": (None, "bare-pyoxigraph"),
}
TARGETS: dict[str, Target] = {
    "ingest+load": Target("<= 2x pyoxigraph", max_ratio=2.0),
    "build": Target("peak < 4 GB", max_rss_mb=4 * GB),
    "build, one new source": Target("<= 10% of the full build", max_ratio=0.10),
    "full validation": Target("< 60 s", max_seconds=60.0),
    "incremental validation": Target("< 2 s, < 5% of full", max_ratio=0.05, max_seconds=2.0),
    "query": Target("<= 1.3x pyoxigraph, same text", max_ratio=1.3),
    # A question about something the graph does not hold answers at once, as the project binds it.
    "query absent": Target("< 10 ms", max_seconds=0.01, backends=("values",)),
    "cli query members": Target("<= 2x bare script", max_ratio=2.0),
}


def family(operation: str) -> str:
    """``query:members`` -> ``query``."""
    return operation.split(":", 1)[0]


def assess(rows: list[Row]) -> list[Row]:
    """Fill in each row's ratio to its reference, and whether the project's rows meet their targets."""
    index = {(row.scale, row.operation, row.backend): row for row in rows}
    for row in rows:
        reference = REFERENCES.get(family(row.operation))
        if reference:
            operation = reference[0] or row.operation
            base = index.get((row.scale, operation, reference[1]))
            row.reference = f"{reference[1]}" if reference[0] is None else f"{operation} ({reference[1]})"
            if base and base.seconds and row.seconds is not None:
                row.ratio = row.seconds / base.seconds
        target = TARGETS.get(family(row.operation))
        if target and row.backend in target.backends:
            row.target = target.text
            row.met = target.met_by(row)
    return rows


def table(rows: list[Row], timeout: float) -> str:
    """The rows as a plain-text table."""
    header = ("scale", "operation", "backend", "seconds", "ratio", "vs", "peak MB", "target", "met", "detail")
    cells = [header] + [_cells(row, timeout) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header) - 1)]
    lines = []
    for line in cells:
        lines.append("  ".join(text.ljust(width) for text, width in zip(line, widths)) + "  " + line[-1])
        if line is header:
            lines.append("-" * (sum(widths) + 2 * len(widths) + len(header[-1])))
    return "\n".join(lines)


def _cells(row: Row, timeout: float) -> tuple[str, ...]:
    if row.seconds is not None:
        seconds = f"{row.seconds:.3f}" if row.seconds < 10 else f"{row.seconds:.1f}"
    else:
        seconds = {"timeout": f">{timeout:g} s (timeout)"}.get(row.status, row.status)
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
    peak = f"{row.peak_rss_mb:.0f}" if row.peak_rss_mb is not None else ""
    met = {True: "yes", False: "NO", None: "?" if row.target else ""}[row.met]
    return (row.scale, row.operation, row.backend, seconds, ratio, row.reference if ratio else "", peak,
            row.target, met, row.detail)


def write_json(rows: list[Row], path: Path) -> None:
    """Write the rows to ``path``, keeping the rows of scales this run did not measure."""
    scales = {row.scale for row in rows}
    kept = []
    if path.exists():
        kept = [r for r in json.loads(path.read_text(encoding="utf-8")).get("rows", []) if r["scale"] not in scales]
    document = {
        "measured": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "rows": kept + [asdict(row) for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


# --- cost against the answer's size ----------------------------------------------------------

#: The paths a question takes: the project's query layer (parameters looked up, then bound by a
#: VALUES block), and the same VALUES text as an endpoint gets it, run by pyoxigraph directly.
PATHS = {"project": "local", "values": "VALUES"}
MAX_ROW_COST_GROWTH = 1.5
#: Questions whose cost follows the whole graph, or a whole mission, rather than their rows, and why.
WHOLE = {
    "stats": "whole graph: counts the instances of every class and the facts of every source",
    "officials": "whole graph: every official in the graph (no parameter), a fixed number of rows here",
    "contributors": "whole mission: counts every deployment of the mission into one row per state",
}


def cost_per_row(rows: list[dict]) -> str:
    """For each question and path, its rows and time at each scale measured, and its time per
    answer row at the largest scale over that at the scale before, against the target."""
    from .generate import parse_size

    queries = [r for r in rows if r["operation"].startswith("query:") and r["backend"] in PATHS and r["seconds"]]
    scales = sorted({r["scale"] for r in queries}, key=parse_size)
    if len(scales) < 2:
        return "time per answer row: measure two scales or more (make bench, then make bench SCALE=1m)"
    by_key = {(r["scale"], r["operation"], r["backend"]): r for r in queries}
    header = ["question", "path", *(f"{scale}" for scale in scales), f"per row, {scales[-1]} / {scales[-2]}", "met"]
    lines = []
    for operation in sorted({r["operation"] for r in queries}):
        for backend, path in PATHS.items():
            cells = [by_key.get((scale, operation, backend)) for scale in scales]
            shown = [f"{c['answer_rows']} rows, {c['seconds'] * 1000:.1f} ms" if c else "" for c in cells]
            last, before = cells[-1], cells[-2]
            growth = _row_cost(last) / _row_cost(before) if last and before else None
            name = operation.split(":", 1)[1]
            met = WHOLE.get(name) or ("" if growth is None else ("yes" if growth <= MAX_ROW_COST_GROWTH else "NO"))
            lines.append([name, path, *shown, "" if growth is None else f"{growth:.2f}x", met])
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header) - 1)]
    text = [f"time per answer row, target <= {MAX_ROW_COST_GROWTH}x from one scale to the next:"]
    for line in [header, *lines]:
        text.append(("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[-1]).rstrip())
    return "\n".join(text)


def _row_cost(row: dict) -> float:
    """Seconds per answer row; an empty answer counts as one row."""
    return row["seconds"] / max(row["answer_rows"] or 0, 1)
