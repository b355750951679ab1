"""The model command, as a curator runs it."""

from __future__ import annotations

from click.testing import CliRunner

from coalition_kg.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["model", *args])


def test_model_lists_the_kinds_and_model_kind_prints_its_fields_and_values():
    overview = run()
    assert overview.exit_code == 0
    assert overview.stdout.splitlines()[3] == ("  membership     a state takes part in a mission, joined by an "
                                               "instrument when the source names it")
    deployment = run("deployment")
    assert deployment.exit_code == 0
    lines = deployment.stdout.splitlines()
    assert lines[0] == "deployment: what a state sends or promises to a mission"
    assert "  deployment_kind  required  one concept of the deployment-kind scheme (below)" in lines
    assert "    formed-police-unit          A self-contained, armed police contingent that works as one unit," in lines
    assert "  withdrawn  Left the mission area, or being withdrawn from it, at the time of the source. Use when" in lines


def test_an_unknown_kind_is_one_line_with_exit_code_2():
    result = run("alliance")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: unknown kind 'alliance'; expected one of membership, instrument, deployment, "
                             "statement, post, event, partnership, ordinal-claim, count-claim, name, register\n")
