"""The graph command, as a user runs it: drawings to files or standard output, metrics, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from coalition_kg.cli import main
from coalition_kg.cli.pictures import graph
from coalition_kg.pictures.render import FORMATS, VIEW_NAMES


def run(*args: str):
    return CliRunner().invoke(main, ["graph", *args], catch_exceptions=False)


def test_a_drawing_is_written_where_asked(tmp_path: Path):
    target = tmp_path / "out" / "coalition.png"
    result = run("--view", "coalition", "--format", "png", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    assert result.stderr == f"wrote {target} ({target.stat().st_size} bytes)\n"


def test_the_format_follows_the_suffix_and_json_goes_to_standard_output(tmp_path: Path):
    assert run("--view", "timeline", "-o", str(tmp_path / "t.svg")).exit_code == 0
    assert (tmp_path / "t.svg").read_text().startswith("<?xml")
    result = run("--view", "provenance", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["edges"]) == 25


def test_metrics_print_a_table_and_can_go_with_a_drawing(tmp_path: Path):
    result = run("--metrics", "--view", "coalition", "-o", str(tmp_path / "c.graphml"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "coalition view: 14 nodes, 13 edges, 1 weakly connected component"
    assert lines[4].startswith("mission/mss-haiti")
    assert (tmp_path / "c.graphml").read_text().startswith("<?xml")


def test_the_built_trig_export_draws_like_the_data(built: Path):
    from_export = run("--metrics", "--view", "entities", "--input", str(built / "coalition.trig"))
    assert from_export.exit_code == 0
    assert from_export.stdout == run("--metrics", "--view", "entities").stdout


def test_refusals_are_one_line_with_exit_code_2(tmp_path: Path):
    cases = {
        (): "error: nothing to draw: give --format or -o FILE for a drawing, --metrics for a table, or both\n",
        ("--metrics", "--format", "png"): "error: --metrics prints its table on standard output; write the drawing to a file with -o FILE\n",
        ("--view", "timeline", "--metrics"): "error: 'timeline' is not a network view; expected one of coalition, entities, provenance\n",
        ("--view", "timeline", "--format", "html"): "error: the timeline view is a chart: --format must be one of png, svg, not 'html'\n",
        ("-o", "x.pdf"): "error: x.pdf has the unknown suffix '.pdf'; expected --format or a file ending in "
        ".png, .svg, .graphml, .gexf, .json, .dot, .gv, .html, .htm\n",
    }
    for args, message in cases.items():
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message), args
    missing = tmp_path / "missing.trig"
    result = run("--metrics", "--input", str(missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {missing}") and "\n" not in result.stderr.rstrip("\n")


def test_an_unwritable_output_is_refused(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("--format", "dot", "-o", str(blocker / "g.dot"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {blocker / 'g.dot'}: cannot be written")


def test_the_command_offers_exactly_the_views_and_formats_it_can_draw():
    choices = {parameter.name: parameter.type for parameter in graph.params if isinstance(parameter.type, click.Choice)}
    assert tuple(choices["view"].choices) == VIEW_NAMES
    assert tuple(choices["format_name"].choices) == FORMATS
