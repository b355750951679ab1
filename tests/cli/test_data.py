"""The build, validate and export commands, as a user runs them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from rdflib import Dataset, Graph

from coalition_kg import pipeline
from coalition_kg.cli import main
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.pictures.render import render

BIN = Path(sys.executable).parent / "coalition-kg"
BUILD_SUMMARY = (
    "built 546 triples: 1 mission, 8 states, 2 officials, 6 instruments, 7 deployments, 3 statements, 2 sources\n"
    "validation: conforms: 0 violation(s), 0 warning(s)\n"
)
FIRST_BUILD = "full build: every source read and validated (no earlier build to start from)\n"
NOTHING_CHANGED = "incremental build: no source and no register entry changed; the store and the exports kept\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock"
    }


def broken_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    facts = data / "facts" / "004_488f5bce62634bfc.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('date: "2024-11-27"', 'date: "2024-11-31"'), encoding="utf-8")
    return data


def test_build_prints_the_summary_and_writes_the_outputs(tmp_path):
    result = run("build", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert result.output == BUILD_SUMMARY + FIRST_BUILD
    names = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file() and "store-" not in str(p))
    assert names == [".lock", "coalition.jsonld", "coalition.nq", "coalition.nt", "coalition.png", "coalition.trig",
                     "coalition.ttl", "context.jsonld", "inputs.json", "manifest.json", "ontology/coalition.ttl", "ontology/deployment-kind.html",
                     "ontology/deployment-status.html", "ontology/event-kind.html", "ontology/index.html",
                     "ontology/instrument-kind.html", "ontology/partner-role.html", "ontology/role.html",
                     "ontology/shapes.ttl", "queries.ttl", "timeline.png"]
    assert len(Graph().parse(tmp_path / "coalition.ttl")) == 546
    dataset = pipeline.built_dataset(tmp_path)
    for view in ("coalition", "timeline"):
        assert (tmp_path / f"{view}.png").read_bytes() == render(view, "png", dataset)


def test_a_build_without_pictures_removes_the_stale_ones(tmp_path):
    assert run("build", "--out", str(tmp_path)).exit_code == 0
    assert (tmp_path / "coalition.png").exists() and (tmp_path / "timeline.png").exists()
    result = run("build", "--no-pictures", "--out", str(tmp_path))
    assert (result.exit_code, result.output) == (0, BUILD_SUMMARY + NOTHING_CHANGED)
    assert not (tmp_path / "coalition.png").exists() and not (tmp_path / "timeline.png").exists()
    assert json.loads((tmp_path / "manifest.json").read_text())["pictures"] is False


def test_build_refuses_invalid_data_and_leaves_the_build_as_it_was(tmp_path):
    out = tmp_path / "build"
    assert run("build", "--out", str(out)).exit_code == 0
    before = tree_digest(out)
    result = CliRunner().invoke(main, ["build", "--data", str(broken_data(tmp_path)), "--out", str(out)])
    assert result.exit_code == 1
    facts = tmp_path / "data" / "facts" / "004_488f5bce62634bfc.yaml"
    line = next(n for n, text in enumerate(facts.read_text().splitlines(), 1) if "2024-11-31" in text)
    assert f"{facts}:{line}: Violation: instrument/blz-ratification [dcterms:date]: 'date:' must be one real " \
           f"calendar date YYYY-MM-DD, or YYYY-MM, or YYYY. (value: \"2024-11-31\")" in result.output
    assert "error: the data does not conform to the shapes; build/ is unchanged" in result.output
    assert tree_digest(out) == before


def test_validate_the_project_data():
    result = run("validate")
    assert (result.exit_code, result.output) == (0, "conforms: 0 violation(s), 0 warning(s)\n")


def test_validate_a_file_reports_violations_with_exit_code_1(tmp_path):
    facts = broken_data(tmp_path) / "facts" / "004_488f5bce62634bfc.yaml"
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(facts)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert (report["conforms"], report["violations"], report["warnings"]) == (False, 1, 0)
    assert report["results"][0]["value"] == '"2024-11-31"'


def test_validate_an_unreadable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {bad}:")
    assert result.output.count("\n") == 1


def test_validate_refuses_a_link_to_a_device_and_a_fifo_unread(tmp_path):
    """What never ends (the sparql command reads it up to the limit) is not a data file to validate."""
    link = tmp_path / "zero.nt"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.ttl"
    os.mkfifo(fifo)  # nobody writes to it: opening it would wait forever
    for path in (str(link), str(fifo)):
        result = subprocess.run([str(BIN), "validate", path], capture_output=True, text=True, timeout=60)
        assert (result.returncode, result.stderr) == (2, f"error: {path}: not a regular file; expected a data file\n")


def test_export_writes_each_format(tmp_path):
    # The union holds 546 distinct triples; 26 of them are stated by both sources, so 572 quads.
    for format_name, rdflib_format, statements in [("turtle", "turtle", 546), ("ntriples", "nt", 546),
                                                   ("trig", "trig", 572), ("nquads", "nquads", 572),
                                                   ("jsonld", "json-ld", 572)]:
        target = tmp_path / f"graph.{format_name}"
        result = run("export", "--format", format_name, "-o", str(target))
        assert result.exit_code == 0
        assert result.output == f"wrote {target} ({target.stat().st_size} bytes)\n"
        assert len(list(Dataset().parse(target, format=rdflib_format).quads())) == statements


def test_the_console_script_exports_turtle_to_standard_output():
    completed = subprocess.run([str(BIN), "export"], capture_output=True, check=True)
    graph = Graph().parse(data=completed.stdout, format="turtle")
    assert len(graph) == 546


def test_export_gives_the_bytes_the_build_wrote(built: Path):
    for format_name, suffix in [("turtle", "ttl"), ("trig", "trig"), ("nquads", "nq"), ("jsonld", "jsonld")]:
        completed = subprocess.run([str(BIN), "export", "--format", format_name, "--build-dir", str(built)],
                                   capture_output=True, check=True)
        assert completed.stdout == (built / f"coalition.{suffix}").read_bytes(), format_name
