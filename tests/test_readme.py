"""The README stays true: every console example prints what the README shows, every Python
example (a ```pycon block, run as a doctest) gives what it shows, the prefixes and predicates
it lists are the project's, and the pictures are what the graph command draws today."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_kg import pipeline, sparql
from coalition_kg.core.namespaces import MINTED_KINDS, PREFIXES
from coalition_kg.pictures.render import render

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ (.*?)\n(.*?)```", README, re.S)
PYTHON_EXAMPLES = re.findall(r"```pycon\n(.*?)```", README, re.S)
SPARQL_SECTION = README[README.index("### sparql") : README.index("### push")]


def test_the_readme_shows_the_two_commands_first():
    assert README.index("make run") < README.index("make test") < README.index("coalition-kg build")
    assert len(EXAMPLES) >= 14


@pytest.fixture(scope="module")
def default_build() -> None:
    """The build the commands find by default (the session's own folder, see build_isolation.py),
    made once if no test made it before: an example like ``validate --incremental`` needs one."""
    from coalition_kg.core.paths import BUILD_DIR

    if not (BUILD_DIR / "manifest.json").exists():
        pipeline.build(pipeline.DATA_DIR, BUILD_DIR)


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_each_console_example_prints_what_the_readme_shows(default_build, command, shown):
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                   "COLUMNS": "100"}
    completed = subprocess.run(["bash", "-c", f"{command} 2>&1"], cwd=PROJECT, env=environment,
                               capture_output=True, text=True, timeout=300)
    assert completed.stdout == shown


@pytest.mark.parametrize("block", PYTHON_EXAMPLES, ids=[f"pycon-{n}" for n in range(len(PYTHON_EXAMPLES))])
def test_each_python_example_gives_what_the_readme_shows(block: str) -> None:
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.REPORT_NDIFF)
    failures = []
    runner.run(test, out=failures.append)
    assert test.examples and runner.summarize(verbose=False).failed == 0, "".join(failures)


def test_the_readme_lists_every_prefix_a_query_may_leave_undeclared() -> None:
    listed = dict(re.findall(r"^\| `([\w-]+):` \| `(\S+)` \|$", SPARQL_SECTION, re.M))
    minted = set(re.findall(r"`([\w-]+):`", SPARQL_SECTION.split("one for each kind of minted IRI")[1].split("\n\n")[0]))
    assert listed == {prefix: iri for prefix, iri in PREFIXES.items() if prefix not in MINTED_KINDS}
    assert minted == {*MINTED_KINDS, "org"}  # organization: is said to differ from org:


def test_every_predicate_and_class_the_readme_lists_is_in_the_graph(built: Path) -> None:
    table = SPARQL_SECTION[SPARQL_SECTION.index("| predicate |") :].split("\n\n")[0]
    names = set(re.findall(r"`([a-z]+:[A-Za-z0-9]+)`", table))
    assert len(names) >= 30
    used = {row["term"] for row in sparql(
        "SELECT DISTINCT ?term WHERE { { ?s ?term ?o } UNION { ?s a ?term } }", build_dir=built, labels=False
    ).rows()}
    assert names - used == set()


@pytest.mark.parametrize("view", ["coalition", "timeline"])
def test_the_readme_pictures_are_current(view):
    drawn = render(view, "png", pipeline.load_project().dataset)
    assert (PROJECT / "docs" / f"{view}.png").read_bytes() == drawn
