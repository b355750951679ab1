"""The benchmark's results: one row per scale, operation and backend; ratios, targets, table, JSON.

Each row's ratio is its time over its reference's (pyoxigraph for loading, queries
and export, pyshacl for full validation, the full validation for the incremental
one, a bare pyoxigraph script for the CLI). Targets are those of the issue, set for
1M triples; they are checked at every scale, the 1M rows are the ones that count.
The queries of one backend run in one process: their peak memory is that process's.
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


@dataclass(frozen=True)
class Target:
    """What the project's row of an operation must achieve."""

    text: str
    max_ratio: float | None = None
    max_seconds: float | None = None
    max_rss_mb: float | None = None

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
    "query": (None, "pyoxigraph"),
    "turtle export": (None, "pyoxigraph"),
    "cli query members": (None, "bare-pyoxigraph"),
}
TARGETS: dict[str, Target] = {
    "ingest+load": Target("<= 2x pyoxigraph", max_ratio=2.0),
    "build": Target("peak < 4 GB", max_rss_mb=4 * GB),
    "full validation": Target("< 60 s", max_seconds=60.0),
    "incremental validation": Target("< 2 s, < 5% of full", max_ratio=0.05, max_seconds=2.0),
    "query": Target("<= 1.3x pyoxigraph", max_ratio=1.3),
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
        if target and row.backend == "project":
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
