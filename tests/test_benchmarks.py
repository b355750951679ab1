"""The benchmark harness at its smallest: generated data, seeded errors, measured operations, report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate, parse_size, read_generated
from benchmarks.generate import main as generate_main
from benchmarks.long_literal import LITERALS, PREDICATE, STATEMENTS, SUBJECT
from benchmarks.long_literal import measure_format as measure_long_literal
from benchmarks.long_literal import write as write_long_literal
from benchmarks.measure import run_process
from benchmarks.project_side import seeded_errors_check
from benchmarks.report import Row, assess, cost_per_row, table, write_json
from benchmarks.run import Settings, Step, copy_build_data, measure, prepare, steps
from benchmarks.run import main as run_main
from benchmarks.seeded_errors import ERROR_KINDS
from benchmarks.timing import alternating
from coalition_kg import pipeline
from coalition_kg.queries.catalog import query_names

SMOKE_OPERATIONS = {"ingest+load", "query", "turtle export", "networkx coalition view"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(work_dir=tmp_path_factory.mktemp("bench-data"), runs=1, timeout=120)


@pytest.fixture(scope="module")
def small(settings: Settings):
    """About 3000 triples: clean, with one error of each kind, and one new source."""
    return prepare("3k", settings)


def test_sizes_are_read_as_triple_counts() -> None:
    assert [parse_size(text) for text in ("3000", "10k", "100K", "1m", "1.5m")] == [3000, 10_000, 100_000, 1_000_000, 1_500_000]
    with pytest.raises(ValueError, match="size 'lots': expected a number of triples"):
        parse_size("lots")
    with pytest.raises(ValueError, match="size '500': expected at least 1000 triples"):
        parse_size("500")


def test_validation_finds_exactly_the_seeded_errors(small) -> None:
    seeded = small.root / "seeded"
    expected = read_generated(seeded).errors
    report = pipeline.validate_files((), seeded)

    found = {(os.path.relpath(r.file, seeded), r.line): r.message for r in report.results}
    assert sorted(found) == sorted((e.file, e.line) for e in expected)
    assert all(e.message in found[(e.file, e.line)] for e in expected)
    assert [e.kind for e in expected] == list(ERROR_KINDS)
    assert (len(report.violations), len(report.warnings)) == (len(ERROR_KINDS), 0)
    assert seeded_errors_check(report, expected, seeded) == "exactly the 8 seeded errors"
    assert seeded_errors_check(report, expected[1:], seeded) == "MISMATCH: 0 seeded errors not found, 1 unexpected results"


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 2000, seed=7)
    second = generate(tmp_path / "b", 2000, seed=7)
    other = generate(tmp_path / "c", 2000, seed=8)

    def contents(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
                and p.name != "expected-errors.json"}

    assert contents(tmp_path / "a") == contents(tmp_path / "b") != contents(tmp_path / "c")
    assert (first.triples, first.facts) == (second.triples, second.facts)


def test_generator_refuses_bad_requests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate_main([str(tmp_path / "x"), "--triples", "3000", "--errors", "9"]) == 2
    assert capsys.readouterr().err == "error: --errors 9: expected 0 to 8, one error of each kind\n"
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    assert generate_main([str(tmp_path / "full"), "--triples", "3000"]) == 2
    assert "folder is not empty" in capsys.readouterr().err


def test_harness_measures_the_project_and_its_baselines_on_the_same_data(small, settings: Settings) -> None:
    rows = [row for step in steps(small, settings) if step.operation in SMOKE_OPERATIONS
            for row in measure("3k", step, settings)]
    assess(rows)
    by_key = {(row.operation, row.backend): row for row in rows}
    triples = small.generated.triples

    assert by_key[("ingest+load", "project")].detail == f"{triples} quads, {triples} distinct triples"
    assert by_key[("ingest+load", "pyoxigraph")].detail == f"{triples} triples"
    assert by_key[("ingest+load", "oxi-layout")].detail == f"{2 * triples} quads"  # each source's graph, the union
    assert by_key[("ingest+load", "rdflib")].detail == f"{triples} triples"
    queries = [row for row in rows if row.operation.startswith("query:") and row.backend == "project"]
    assert queries and all(row.status == "ok" for row in queries)
    for row in queries:  # the project's query layer and pyoxigraph answer alike
        assert row.detail.split(",")[0] == by_key[(row.operation, "pyoxigraph")].detail.split(",")[0]
        assert row.ratio is not None and row.target == "<= 1.3x pyoxigraph, same text"
    for row in queries:  # the VALUES path an endpoint gets answers the same rows
        values = by_key[(row.operation, "values")]
        assert (values.status, values.answer_rows) == ("ok", row.answer_rows)
    absent = [row for row in rows if row.operation.startswith("query absent:")]
    assert {row.operation.split(":")[1] for row in absent} == {
        row.operation.split(":")[1] for row in queries if row.operation not in ("query:officials", "query:stats")}
    assert {(row.backend, row.answer_rows, row.target) for row in absent} == {
        ("pyoxigraph", 0, ""), ("values", 0, "< 10 ms")}
    members = (small.clean / "facts" / "contributors-mss-haiti.yaml").read_text().count("kind: membership")
    assert by_key[("query:members", "project")].detail == f"{members} rows, median of 1 taking turns"
    assert by_key[("query:members", "pyoxigraph")].detail == f"{members} rows, median of 1 taking turns"
    project_export, oxigraph_export = by_key[("turtle export", "project")], by_key[("turtle export", "pyoxigraph")]
    assert project_export.detail == oxigraph_export.detail  # Oxigraph's serializer on the same triples
    assert by_key[("networkx coalition view", "project")].status == "ok"
    assert all(row.peak_rss_mb and row.peak_rss_mb > 10 for row in rows)


def test_the_build_after_one_new_source_is_timed_against_the_full_build_and_checked_against_another(
        small, settings: Settings) -> None:
    copy_build_data(small)
    measured = [step for step in steps(small, settings) if step.operation in ("build", "build, one new source")]
    build, after = assess([row for step in measured for row in measure("3k", step, settings)])
    assert (after.operation, after.status, after.target) == ("build, one new source", "ok", "<= 10% of the full build")
    assert after.detail == ("incremental build: 1 source(s) added, 0 edited, 0 removed, the register unchanged; "
                            "1 named graph(s) and the union replaced in the store; the exports refreshed; "
                            "exports and every canned answer identical to a full build's")
    assert after.ratio == after.seconds / build.seconds and after.reference == "build (project)"
    assert (small.build_data / "facts" / small.new_source.name).exists()
    assert not (small.clean / "facts" / small.new_source.name).exists()


def test_only_names_operations_the_harness_measures(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["--scale", "3k", "--only", "build", "lunch"]) == 2
    assert capsys.readouterr().err.startswith("error: --only 'lunch': expected operations among: build; build, one new source; ")


def test_a_process_is_stopped_at_its_timeout_and_its_own_peak_memory_is_read() -> None:
    stopped = run_process([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.5)
    assert (stopped.timed_out, stopped.ok, stopped.failure()) == (True, False, "timeout")
    assert stopped.seconds < 10
    big = run_process([sys.executable, "-c", "b = bytearray(300 * 1024 * 1024); print(len(b))"], timeout=60)
    small = run_process([sys.executable, "-c", "print(1)"], timeout=60)
    assert (big.ok, big.stdout) == (True, f"{300 * 1024 * 1024}\n")
    assert big.peak_rss_mb > 300 > small.peak_rss_mb


def test_an_operation_past_its_timeout_leaves_a_timeout_row_for_each_result_it_did_not_reach(small) -> None:
    impatient = Settings(work_dir=small.root.parent, timeout=0.2)
    step = Step("query", "rdflib", "query/rdflib", {"nquads": str(small.nquads), "values": {}, "runs": 1, "budget": 1})
    rows = measure("3k", step, impatient)
    assert [(row.operation, row.status, row.detail) for row in rows] == [
        (f"query:{name}", "timeout", "timeout") for name in query_names()
    ]
    assert ">0.2 s (timeout)" in table(rows, impatient.timeout)


def test_ratios_targets_table_and_json(tmp_path: Path) -> None:
    rows = [
        Row("1m", "ingest+load", "project", 30.0, "ok", 900.0),
        Row("1m", "ingest+load", "pyoxigraph", 10.0, "ok", 300.0),
        Row("1m", "query:members", "project", 0.12, "ok", 100.0),
        Row("1m", "query:members", "values", 0.1, "ok", 100.0),
        Row("1m", "full validation", "project", 40.0, "ok", 2000.0),
        Row("1m", "full validation", "pyshacl", None, "timeout", 5000.0, "timeout"),
        Row("1m", "incremental validation", "project", 1.0, "ok", 2000.0),
        Row("1m", "build", "project", None, "timeout", 5000.0),
    ]
    assess(rows)
    assert [(r.ratio and round(r.ratio, 3), r.met) for r in rows] == [
        (3.0, False), (1.0, None), (1.2, True), (1.0, None), (None, True), (None, None), (0.025, True), (None, False)
    ]
    text = table(rows, timeout=600)
    assert ">600 s (timeout)" in text and "3.00x" in text and "<= 2x pyoxigraph" in text

    output = tmp_path / "bench.json"
    write_json(rows, output)
    write_json([Row("10k", "build", "project", 2.0, "ok", 80.0)], output)
    write_json([Row("10k", "build", "project", 1.5, "ok", 81.0)], output)
    saved = json.loads(output.read_text())["rows"]
    assert sorted({(r["scale"], r["operation"]) for r in saved if r["operation"] == "build"}) == [("10k", "build"), ("1m", "build")]
    assert [r["seconds"] for r in saved if r["scale"] == "10k"] == [1.5]


def test_cost_per_row_compares_the_time_per_answer_row_of_the_two_largest_scales() -> None:
    def row(scale: str, name: str, backend: str, rows: int, seconds: float) -> dict:
        return {"scale": scale, "operation": f"query:{name}", "backend": backend, "answer_rows": rows,
                "seconds": seconds}

    rows = [
        row("10k", "members", "project", 10, 0.001), row("100k", "members", "project", 45, 0.010),
        row("1m", "members", "project", 45, 0.012), row("100k", "members", "values", 45, 0.010),
        row("1m", "members", "values", 45, 0.030), row("100k", "timeline", "project", 0, 0.002),
        row("1m", "timeline", "project", 100, 0.200), row("1m", "stats", "project", 900, 0.3),
        row("100k", "stats", "project", 100, 0.01), row("1m", "members", "pyoxigraph", 45, 0.011),
    ]
    assert cost_per_row(rows).splitlines() == [
        "time per answer row, target <= 1.5x from one scale to the next:",
        "question  path    10k              100k               1m                  per row, 1m / 100k  met",
        "members   local   10 rows, 1.0 ms  45 rows, 10.0 ms   45 rows, 12.0 ms    1.20x               yes",
        "members   VALUES                   45 rows, 10.0 ms   45 rows, 30.0 ms    3.00x               NO",
        "stats     local                    100 rows, 10.0 ms  900 rows, 300.0 ms  3.33x               "
        "whole graph: counts the instances of every class and the facts of every source",
        "stats     VALUES                                                                              "
        "whole graph: counts the instances of every class and the facts of every source",
        "timeline  local                    0 rows, 2.0 ms     100 rows, 200.0 ms  1.00x               yes",
        "timeline  VALUES",
    ]
    assert cost_per_row(rows[:1]).startswith("time per answer row: measure two scales or more")


def test_alternating_runs_take_turns_after_an_uncounted_warm_up() -> None:
    calls: list[str] = []

    def action(backend: str, rows: int):
        return lambda: calls.append(backend) or rows

    results = alternating("q", {"project": action("project", 3), "pyoxigraph": action("pyoxigraph", 3)}, 2, 60.0)
    assert calls == ["project", "pyoxigraph"] * 3  # one warm-up round, then two counted rounds
    assert [(r["backend"], r["detail"], r["status"], r["rows"]) for r in results] == [
        ("project", "3 rows, median of 2 taking turns", "ok", 3), ("pyoxigraph", "3 rows, median of 2 taking turns", "ok", 3)]


def test_alternating_reports_a_failing_query_for_every_backend() -> None:
    def fails() -> int:
        raise RuntimeError("no such graph\nsecond line")

    results = alternating("q", {"project": fails, "pyoxigraph": lambda: 1}, 2, 60.0)
    assert [(r["backend"], r["seconds"], r["status"], r["detail"]) for r in results] == [
        ("project", None, "error", "RuntimeError: no such graph"), ("pyoxigraph", None, "error", "RuntimeError: no such graph")]


def test_the_long_literal_benchmark_writes_its_files_and_measures_both_sides(tmp_path: Path) -> None:
    escaped = write_long_literal(tmp_path / "escaped.ttl", "ttl", LITERALS["escaped"], 1000)
    assert escaped.read_text() == f'{SUBJECT} {PREDICATE} "' + 'ab\\"' * 250 + '" .\n'
    cut = write_long_literal(tmp_path / "cut.nq", "nq", "x", 2_000_000, per_literal=1_000_000)
    assert [len(line) for line in cut.read_text().splitlines()] == [len(STATEMENTS["nq"]("x" * 1_000_000)) - 1] * 2

    (row,) = measure_long_literal(tmp_path, "nt", "x", [2000], timeout=300)
    assert (row.status, row.format, row.characters) == ("ok", "nt", 2000)
    assert row.validate_seconds > 0 and row.fixed_seconds > 0 and row.pyoxigraph_seconds > 0
    assert row.validate_per_mb() == max(row.validate_seconds - row.fixed_seconds, 0.0) / 0.002
