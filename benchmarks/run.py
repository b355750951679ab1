"""The benchmark harness: ``make bench`` (10k and 100k triples), ``make bench SCALE=1m``.

    python -m benchmarks.run --scale 10k 100k [--timeout 600] [--runs 5] [--only build "build, one new source"]

For each scale it generates seeded data (cached in build/bench-data/<scale>/), then
measures each operation in a fresh process, the project's way and the baselines'
side by side: ingest and load, the whole build, the build after one new source is added
(against the whole build; its exports and answers checked against a full build of the same
data), full and incremental validation,
every canned query (through the query layer, and by pyoxigraph with a VALUES block and with substitutions), Turtle
export, the networkx coalition view; then a cold ``coalition-kg query members`` on the
project's own data. It prints a table, writes build/bench.json (keeping the rows of scales
this run did not measure), and prints each question's time per answer row across the
scales the file holds. ``--only`` measures only the operations it names (and no CLI call); an
operation reads what the ones before it wrote (the build after one new source, the build's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .generate import Generated, generate, parse_size, read_generated
from .measure import PROJECT_DIR, median_of_processes, run_process, run_python
from .report import Row, assess, cost_per_row, table, write_json
from .seeded_errors import ERROR_KINDS

WORK_DIR = PROJECT_DIR / "build" / "bench-data"
OUTPUT = PROJECT_DIR / "build" / "bench.json"
_GENERATOR_FILES = ("generate.py", "documents.py", "world.py", "seeded_errors.py")


@dataclass(frozen=True)
class Settings:
    timeout: float = 600.0
    runs: int = 5
    query_budget: float = 60.0
    seed: int = 1
    errors: int = len(ERROR_KINDS)
    work_dir: Path = WORK_DIR


@dataclass
class ScaleData:
    """A scale's generated data and the files the measurements write and read."""

    root: Path
    generated: Generated
    clean: Path = field(init=False)
    seeded: Path = field(init=False)
    new_source: Path = field(init=False)
    ingest_build: Path = field(init=False)
    full_build: Path = field(init=False)
    build_data: Path = field(init=False)
    reference_build: Path = field(init=False)
    oxigraph_store: Path = field(init=False)
    nquads: Path = field(init=False)
    ntriples: Path = field(init=False)

    def __post_init__(self) -> None:
        self.clean, self.seeded = self.root / "clean", self.root / "seeded"
        self.new_source = Path(self.generated.new_source or "")
        # The project's ingest writes this store (and the N-Quads and N-Triples); queries and exports read it.
        self.ingest_build, self.full_build = self.root / "ingest-build", self.root / "full-build"
        # The build's own copy of the clean data, to which one new source is added after it.
        self.build_data, self.reference_build = self.root / "build-data", self.root / "reference-build"
        self.oxigraph_store = self.root / "oxigraph-store"
        self.nquads, self.ntriples = self.root / "union.nq", self.root / "union.nt"


@dataclass(frozen=True)
class Step:
    """One measured process: an operation of :mod:`benchmarks.worker` for one backend."""

    operation: str
    backend: str
    worker: str
    arguments: dict = field(default_factory=dict)


def prepare(scale: str, settings: Settings) -> ScaleData:
    """The scale's data: clean, with seeded errors, and one new source; generated unless cached."""
    root = settings.work_dir / scale
    key = _cache_key(parse_size(scale), settings)
    if (root / "key").exists() and (root / "key").read_text() == key:
        return ScaleData(root, read_generated(root / "clean"))
    shutil.rmtree(root, ignore_errors=True)
    triples = parse_size(scale)
    generated = generate(root / "clean", triples, settings.seed, 0, root / "new-source")
    generate(root / "seeded", triples, settings.seed, settings.errors)
    (root / "key").write_text(key)
    return ScaleData(root, generated)


def _cache_key(triples: int, settings: Settings) -> str:
    digest = hashlib.sha256(json.dumps([triples, settings.seed, settings.errors]).encode())
    for name in _GENERATOR_FILES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def copy_build_data(data: ScaleData) -> None:
    """A fresh copy of the clean data for the build, which adds a new source to it."""
    shutil.rmtree(data.build_data, ignore_errors=True)
    shutil.copytree(data.clean, data.build_data)


def steps(data: ScaleData, settings: Settings) -> list[Step]:
    """Every measurement of one scale, in the order they run (the first writes what the others read)."""
    queries = {"values": data.generated.query_parameters, "runs": settings.runs, "budget": settings.query_budget}
    return [
        Step("ingest+load", "project", "ingest/project", {"data_dir": str(data.clean), "build_dir": str(data.ingest_build),
                                                           "nquads": str(data.nquads), "ntriples": str(data.ntriples)}),
        Step("ingest+load", "pyoxigraph", "ingest/pyoxigraph", {"ntriples": str(data.ntriples), "store_dir": str(data.oxigraph_store)}),
        Step("ingest+load", "oxi-layout", "ingest/pyoxigraph-layout",
             {"nquads": str(data.nquads), "ntriples": str(data.ntriples), "store_dir": f"{data.oxigraph_store}-layout"}),
        Step("ingest+load", "rdflib", "ingest/rdflib", {"ntriples": str(data.ntriples)}),
        Step("build", "project", "build/project", {"data_dir": str(data.build_data), "build_dir": str(data.full_build)}),
        Step("full validation", "project", "validate/project", {"data_dir": str(data.seeded)}),
        Step("full validation", "pyshacl", "validate/pyshacl", {"data_dir": str(data.seeded)}),
        Step("incremental validation", "project", "validate-incremental/project",
             {"build_dir": str(data.full_build), "new_source": str(data.new_source), "data_dir": str(data.clean)}),
        Step("build, one new source", "project", "build-new-source/project",
             {"data_dir": str(data.build_data), "build_dir": str(data.full_build), "new_source": str(data.new_source),
              "reference_dir": str(data.reference_build), "values": data.generated.query_parameters}),
        # The project's query layer and pyoxigraph take turns in one process: see timing.alternating.
        Step("query", "project", "query/side-by-side", {"build_dir": str(data.ingest_build), **queries}),
        Step("query", "rdflib", "query/rdflib", {"nquads": str(data.nquads), **queries}),
        Step("turtle export", "project", "export/project", {"data_dir": str(data.clean)}),
        Step("turtle export", "pyoxigraph", "export/pyoxigraph", {"build_dir": str(data.ingest_build)}),
        Step("turtle export", "rdflib", "export/rdflib", {"ntriples": str(data.ntriples)}),
        Step("networkx coalition view", "project", "networkx/project", {"data_dir": str(data.clean)}),
    ]


#: The operations :func:`steps` measures, for ``--only``.
OPERATIONS = {"ingest+load", "build", "build, one new source", "full validation", "incremental validation", "query",
              "turtle export", "networkx coalition view"}


def measure(scale: str, step: Step, settings: Settings) -> list[Row]:
    """Run one step in a fresh process; one row per result it printed, and a row for what it did not reach."""
    run = run_python(["benchmarks.worker", step.worker, json.dumps(step.arguments)], settings.timeout)
    rows = []
    for line in run.stdout.splitlines():
        item = json.loads(line)
        family = item.get("operation", step.operation)
        operation = f"{family}:{item['name']}" if item["name"] else family
        backend = item.get("backend", step.backend)
        rows.append(Row(scale, operation, backend, item["seconds"], item["status"], run.peak_rss_mb, item["detail"],
                        answer_rows=item.get("rows")))
    if not run.ok:
        unfinished = _unreached(step, {row.operation for row in rows})
        status = "timeout" if run.timed_out else "error"
        rows += [Row(scale, operation, step.backend, None, status, run.peak_rss_mb, run.failure()) for operation in unfinished]
    return rows


def _unreached(step: Step, done: set[str]) -> list[str]:
    if step.operation != "query":
        return [step.operation]
    from coalition_kg.queries.catalog import query_names

    return [f"query:{name}" for name in query_names() if f"query:{name}" not in done]


def run_scale(scale: str, settings: Settings, report=print, only: set[str] | None = None) -> list[Row]:
    """Generate (or reuse) the scale's data and measure every step (those of the operations ``only`` names, if given)."""
    data = prepare(scale, settings)
    report(f"# {scale}: {data.generated.summary()}")
    shutil.rmtree(data.oxigraph_store, ignore_errors=True)
    copy_build_data(data)
    rows = []
    for step in steps(data, settings):
        if only is not None and step.operation not in only:
            continue
        for row in measure(scale, step, settings):
            report(f"  {row.operation:<28} {row.backend:<10} {row.status:<8} "
                   f"{'' if row.seconds is None else f'{row.seconds:.3f} s':<12} {row.detail}")
            rows.append(row)
    return rows


# --- a cold CLI call on the project's own data --------------------------------------------

BARE_SCRIPT = """
import sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
mission = pyoxigraph.NamedNode("https://w3id.org/coalition-kg/id/mission/mss-haiti")
query = open(sys.argv[2], encoding="utf-8").read()
for solution in store.query(query, substitutions={pyoxigraph.Variable("mission"): mission}):
    print(*(term.value if term is not None else "" for term in solution))
"""


def cli_rows(settings: Settings) -> list[Row]:
    """``coalition-kg query members`` against a bare script that opens the same store with pyoxigraph."""
    command = [str(Path(sys.executable).with_name("coalition-kg")), "query", "members"]
    # Not timed: the command itself rebuilds build/ first if the data changed since the last build.
    warm = run_process(command, settings.timeout)
    if not warm.ok:
        return [Row("project", "cli query members", "project", None, "error", warm.peak_rss_mb, warm.failure())]
    store = str((PROJECT_DIR / "build" / "store").resolve())
    runs = [
        ("project", command),
        ("bare-pyoxigraph", [sys.executable, "-c", BARE_SCRIPT, store, str(PROJECT_DIR / "queries" / "members.rq")]),
    ]
    rows = []
    for backend, argv in runs:
        seconds, peak, failure = median_of_processes(argv, settings.runs, settings.timeout)
        status = "ok" if seconds is not None else "error"
        rows.append(Row("project", "cli query members", backend, seconds, status, peak,
                        failure or f"median of {settings.runs} cold processes"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", nargs="+", default=["10k", "100k"], help="sizes: 10k 100k 1m (default 10k 100k)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before an operation is stopped (600)")
    parser.add_argument("--runs", type=int, default=5, help="runs per query and per CLI call; the median counts (5)")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="JSON output (build/bench.json)")
    parser.add_argument("--only", nargs="+", metavar="OPERATION",
                        help="measure only these operations, e.g. build \"build, one new source\" (default: all)")
    args = parser.parse_args(argv)
    scales = [scale for text in args.scale for scale in text.split()]
    try:
        for scale in scales:
            parse_size(scale)
        unknown = sorted(set(args.only or ()) - OPERATIONS)
        if unknown:
            raise ValueError(f"--only '{unknown[0]}': expected operations among: {'; '.join(sorted(OPERATIONS))}")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    settings = Settings(timeout=args.timeout, runs=args.runs)
    only = set(args.only) if args.only else None
    rows = [row for scale in scales for row in run_scale(scale, settings, only=only)]
    rows += cli_rows(settings) if only is None else []
    assess(rows)
    print(table(rows, settings.timeout))
    write_json(rows, args.out)
    print()
    print(cost_per_row(json.loads(args.out.read_text(encoding="utf-8"))["rows"]))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
