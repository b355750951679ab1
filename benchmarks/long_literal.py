"""How ``validate`` scales with one long literal, next to pyoxigraph parsing the same characters.

    flock /work/bench.lock python -m benchmarks.long_literal [--sizes 1M 2M 20M] [--formats nt nq ttl trig]
        [--literal plain|escaped] [--timeout 300]

For each format and size it writes a file of one statement whose literal has that many
characters (ASCII, so as many bytes; ``escaped``: ``ab\\"`` over and over, an escape every four
characters). Each measurement is a fresh process, as ``coalition-kg validate FILE`` is, timed
from its imports to its report (its peak memory too): ``validate`` of the long literal; its fixed
cost (the shapes, the report), the median of three processes validating a literal of 10
characters; and the baseline, pyoxigraph parsing the same characters (it refuses a term over
16 MiB, so its file cuts them into literals of a million characters at most). Fresh processes,
because rdflib's Turtle reader is quadratic on an escaped literal in a fresh process only: once
the process has validated another file, the same literal reads in linear time (the memory
allocator's state decides how its pieces are joined).

Taking the fixed cost off leaves what a megabyte of literal costs. A linear reader spends about
the same time per megabyte at 20M as at 1M, a quadratic one twenty times more: the last column
says how that cost grew from the smallest size. The table is printed and written to
build/bench-long-literal.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .generate import parse_size
from .measure import PROJECT_DIR, ProcessRun, run_process

OUTPUT = PROJECT_DIR / "build" / "bench-long-literal.json"
SUBJECT, PREDICATE = "<https://example.org/a>", "<http://www.w3.org/2000/01/rdf-schema#comment>"
GRAPH = "<https://example.org/g>"
STATEMENTS = {
    "nt": lambda literal: f'{SUBJECT} {PREDICATE} "{literal}" .\n',
    "nq": lambda literal: f'{SUBJECT} {PREDICATE} "{literal}" {GRAPH} .\n',
    "ttl": lambda literal: f'{SUBJECT} {PREDICATE} "{literal}" .\n',
    "trig": lambda literal: f'{GRAPH} {{ {SUBJECT} {PREDICATE} "{literal}" . }}\n',
}
LITERALS = {"plain": "x", "escaped": 'ab\\"'}
FIXED_CHARACTERS = 10
FIXED_RUNS = 3
BASELINE_LITERAL = 1_000_000  # characters: pyoxigraph stops at a term of 16 MiB
# The measured processes: ``validate`` of argv[1], or pyoxigraph parsing it; each prints its time.
VALIDATE = """
import json, sys, time
from pathlib import Path
from coalition_kg import pipeline

started = time.perf_counter()
report = pipeline.validate_files([Path(sys.argv[1])])
print(json.dumps({"seconds": time.perf_counter() - started, "conforms": report.conforms}))
"""
PARSE = """
import json, sys, time
import pyoxigraph

started = time.perf_counter()
quads = sum(1 for _ in pyoxigraph.parse(path=sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - started, "quads": quads}))
"""


@dataclass
class Measured:
    """One format and size, in seconds: ``validate`` of the long literal, of a short one, and the baseline."""

    format: str
    characters: int
    status: str
    peak_mb: float | None
    validate_seconds: float | None = None
    fixed_seconds: float | None = None
    pyoxigraph_seconds: float | None = None

    def validate_per_mb(self) -> float | None:
        if self.validate_seconds is None or self.fixed_seconds is None:
            return None
        return max(self.validate_seconds - self.fixed_seconds, 0.0) / (self.characters / 1e6)

    def pyoxigraph_per_mb(self) -> float | None:
        return None if self.pyoxigraph_seconds is None else self.pyoxigraph_seconds / (self.characters / 1e6)

    def ratio_per_mb(self) -> float | None:
        """What a megabyte costs ``validate`` over what it costs pyoxigraph."""
        ours, theirs = self.validate_per_mb(), self.pyoxigraph_per_mb()
        return ours / theirs if ours is not None and theirs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1M", "2M", "20M"], help="literal lengths in characters")
    parser.add_argument("--formats", nargs="+", choices=sorted(STATEMENTS), default=["nt", "nq", "ttl", "trig"])
    parser.add_argument("--literal", choices=sorted(LITERALS), default="plain")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a size may take; it is stopped then")
    arguments = parser.parse_args()
    sizes = [parse_size(size) for size in arguments.sizes]
    unit = LITERALS[arguments.literal]
    with tempfile.TemporaryDirectory(prefix="bench-long-literal-") as scratch:
        rows = [row for name in arguments.formats
                for row in measure_format(Path(scratch), name, unit, sizes, arguments.timeout)]
    print(table(rows))
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps({"literal": arguments.literal, "rows": [
        {**asdict(row), "validate_per_mb": row.validate_per_mb(), "pyoxigraph_per_mb": row.pyoxigraph_per_mb(),
         "ratio_per_mb": row.ratio_per_mb()} for row in rows]}, indent=2) + "\n")
    print(f"written to {OUTPUT.relative_to(PROJECT_DIR)}")


def measure_format(folder: Path, name: str, unit: str, sizes: list[int], timeout: float) -> list[Measured]:
    fixed_file = write(folder / f"fixed.{name}", name, unit, FIXED_CHARACTERS)
    fixed = [result["seconds"] for _ in range(FIXED_RUNS) if (result := _child(VALIDATE, fixed_file, timeout))]
    return [measure(folder, name, unit, characters, statistics.median(fixed) if fixed else None, timeout)
            for characters in sizes]


def measure(folder: Path, name: str, unit: str, characters: int, fixed: float | None, timeout: float) -> Measured:
    run, long = _child_run(VALIDATE, write(folder / f"long.{name}", name, unit, characters), timeout)
    baseline = _child(PARSE, write(folder / f"cut.{name}", name, unit, characters, BASELINE_LITERAL), timeout)
    status = run.failure() if long is None else "ok" if long["conforms"] else "does not conform"
    row = Measured(name, characters, status, run.peak_rss_mb, long and long["seconds"], fixed,
                   baseline and baseline["seconds"])
    print(f"{name} {characters:,} characters: {_shown(row.validate_seconds, '{:.2f} s', row.status)}",
          file=sys.stderr, flush=True)
    return row


def _child_run(code: str, path: Path, timeout: float) -> tuple[ProcessRun, dict | None]:
    run = run_process([sys.executable, "-c", code, str(path)], timeout)
    return run, json.loads(run.stdout.splitlines()[-1]) if run.ok else None


def _child(code: str, path: Path, timeout: float) -> dict | None:
    return _child_run(code, path, timeout)[1]


def write(path: Path, name: str, unit: str, characters: int, per_literal: int | None = None) -> Path:
    """A file of literals of ``unit`` over and over, ``characters`` in all, each at most ``per_literal`` long."""
    repeats = (per_literal or characters) // len(unit)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(max(characters // (repeats * len(unit)), 1)):
            out.write(STATEMENTS[name](unit * repeats))
    return path


def table(rows: list[Measured]) -> str:
    """Each format's sizes, what a megabyte costs each side, and how that grew from the smallest size."""
    lines = ["| format | characters | validate | its fixed cost | peak | pyoxigraph | validate s/MB | pyoxigraph s/MB "
             "| ratio per MB | validate s/MB against the smallest size |", "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        first = next(other for other in rows if other.format == row.format).validate_per_mb()
        per_mb = row.validate_per_mb()
        cells = [row.format, f"{row.characters:,}", _shown(row.validate_seconds, "{:.2f} s", row.status),
                 _shown(row.fixed_seconds, "{:.2f} s"), _shown(row.peak_mb, "{:.0f} MB"),
                 _shown(row.pyoxigraph_seconds, "{:.3f} s"), _shown(per_mb, "{:.3f}"),
                 _shown(row.pyoxigraph_per_mb(), "{:.4f}"), _shown(row.ratio_per_mb(), "{:.0f}x"),
                 _shown(per_mb / first if per_mb is not None and first else None, "{:.2f}x")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _shown(value: float | None, form: str, otherwise: str = "-") -> str:
    return form.format(value) if value is not None else otherwise


if __name__ == "__main__":
    main()
