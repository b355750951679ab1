"""The README's "Curating a new article" steps, followed as a curator follows them: on a copy of
data/, with a new article (tests/curating/, fictional), running the coalition-kg command.

Each test is one thing a new curator hit: false violations for new register entries, a
restated fact that only incremental validation refused, answers refused while data/ did not
validate, drawings of unvalidated data, stale pictures, mistakes reported twice or without a hint.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from coalition_kg.core.paths import BUILD_DIR_VARIABLE, DATA_DIR, DATA_DIR_VARIABLE, PROJECT_DIR

CLI = Path(sys.executable).parent / "coalition-kg"
ARTICLE = Path(__file__).parent / "curating"
SOURCE = "006_fictional_barbados"
README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
STEPS = README[README.index("### Curating a new article"):README.index("## Commands")]
CONFORMS = "conforms: 0 violation(s), 0 warning(s)\n"
WARNING = ("warning: data/ changed since the last good build and does not validate (1 violation(s)); answering "
           "from the last good build in build/ ('coalition-kg validate' says what is wrong)\n")


@dataclass
class Project:
    """A curator's working copy: data/ copied from the project, built once, as after `make run`."""

    folder: Path

    def run(self, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        environment = {**os.environ, DATA_DIR_VARIABLE: str(self.folder / "data"),
                       BUILD_DIR_VARIABLE: str(self.folder / "build")}
        return subprocess.run([str(CLI), *arguments], cwd=self.folder, env=environment, input=stdin,
                              capture_output=True, text=True, timeout=300)

    def step(self, number: int, wording: str) -> None:
        """The README's step ``number`` says ``wording``: the test does what the README says."""
        assert re.search(rf"^{number}\. .*?{re.escape(wording)}", STEPS, re.S | re.M), wording

    def add_the_article(self, draft: bool = False) -> Path:
        self.step(1, "Put the article's text in `data/sources/<id>.txt`.")
        shutil.copy(ARTICLE / f"{SOURCE}.txt", self.folder / "data" / "sources" / f"{SOURCE}.txt")
        facts = self.folder / "data" / "facts" / f"{SOURCE}.yaml"
        if draft:
            self.step(2, "`coalition-kg propose data/sources/<id>.txt -o data/facts/<id>.yaml` drafts the facts file")
            drafted = self.run("propose", f"data/sources/{SOURCE}.txt", "-o", f"data/facts/{SOURCE}.yaml")
            assert drafted.returncode == 0, drafted.stderr
            assert "state/BRB" in facts.read_text(encoding="utf-8")  # a new register entry, for the curator to add
        self.step(3, "Add the entities it names that are new to `data/register.yaml`")
        register = self.folder / "data" / "register.yaml"
        register.write_text(register.read_text(encoding="utf-8") + (ARTICLE / "register_additions.yaml").read_text(
            encoding="utf-8"), encoding="utf-8")
        self.step(4, "Finish `data/facts/<id>.yaml`")  # the curator's reviewed file
        shutil.copy(ARTICLE / f"{SOURCE}.yaml", facts)
        return facts

    def edit(self, old: str, new: str) -> None:
        facts = self.folder / "data" / "facts" / f"{SOURCE}.yaml"
        text = facts.read_text(encoding="utf-8")
        assert old in text
        facts.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(DATA_DIR, tmp_path / "data")
    working = Project(tmp_path)
    assert working.run("build").returncode == 0
    return working


def incremental_and_full(project: Project, *extra: str) -> tuple[subprocess.CompletedProcess, ...]:
    project.step(5, "`coalition-kg validate --incremental data/facts/<id>.yaml`")
    facts = f"data/facts/{SOURCE}.yaml"
    return (project.run("validate", "--incremental", facts, *extra), project.run("validate", "--incremental", facts,
            "data/register.yaml"), project.run("validate"))


def test_a_new_article_with_new_register_entries_and_a_restated_fact_validates_and_builds(project: Project):
    facts = project.add_the_article(draft=True)
    # Article 000 states the MSSM name too; the new article restates it under the same id.
    assert "  - id: mss-haiti-mssm\n    kind: name" in facts.read_text(encoding="utf-8")
    incremental, with_register, full = incremental_and_full(project)
    assert (incremental.returncode, incremental.stdout, incremental.stderr) == (0, CONFORMS, "")
    assert (with_register.returncode, with_register.stdout) == (0, CONFORMS)
    assert (full.returncode, full.stdout) == (0, CONFORMS)

    project.step(6, "`coalition-kg build` checks everything")
    pictures_before = (project.folder / "build" / "coalition.png").read_bytes()
    built = project.run("build")
    assert (built.returncode, built.stdout) == (0, (
        "built 633 triples: 1 mission, 9 states, 3 officials, 7 instruments, 8 deployments, 4 statements, 3 sources\n"
        + "validation: " + CONFORMS
        + "incremental build: 1 source(s) added, 0 edited, 0 removed, the register edited; 2 named graph(s) and the "
          "union replaced in the store; the exports refreshed\n"))
    members = project.run("query", "members", "--format", "csv").stdout.splitlines()
    assert members[6].startswith("6,https://w3id.org/coalition-kg/id/state/BRB,Barbados,"
                                 "https://w3id.org/coalition-kg/id/instrument-kind/adhesion,2025-02-28,")
    officials = project.run("query", "officials", "--format", "csv").stdout
    assert "https://w3id.org/coalition-kg/id/person/dana-whitfield,Dana Whitfield," \
           "https://w3id.org/coalition-kg/id/role/prime-minister," in officials
    deployments = project.run("query", "deployments", "--format", "csv").stdout
    assert ",Barbados,https://w3id.org/coalition-kg/id/deployment-kind/police," in deployments
    # The build redrew its pictures: Barbados is on the coalition picture and in the drawn graph.
    assert (project.folder / "build" / "coalition.png").read_bytes() != pictures_before
    metrics = project.run("graph", "--metrics").stdout.splitlines()
    assert metrics[0] == "coalition view: 16 nodes, 15 edges, 1 weakly connected component"
    assert any(line.startswith("state/BRB ") for line in metrics)


def test_a_mistyped_reference_gets_one_result_with_the_id_it_probably_meant(project: Project):
    project.add_the_article()
    project.edit("member: state/BRB", "member: state/BRR")
    incremental, with_register, full = incremental_and_full(project)
    line = next(n for n, text in enumerate((project.folder / "data" / "facts" / f"{SOURCE}.yaml").read_text(
        encoding="utf-8").splitlines(), 1) if "state/BRR" in text)
    result = (f"data/facts/{SOURCE}.yaml:{line}: Violation: membership/brb-mss-haiti [org:member]: 'member:' must "
              "name one state of the register (state/ISO code). (value: state/BRR) — state/BRR is not in the "
              "register; did you mean state/BRB?")
    assert (incremental.returncode, incremental.stdout) == (1, f"{result}\ndoes not conform: 1 violation(s), 0 warning(s)\n")
    assert with_register.stdout == incremental.stdout
    assert (full.returncode, full.stdout) == (1, f"{project.folder}/{result}\ndoes not conform: 1 violation(s), 0 warning(s)\n")


def test_a_straight_quote_where_the_article_has_a_curly_one_is_pointed_at(project: Project):
    project.add_the_article()
    project.edit('evidence: "“Our region cannot look away from Haiti,” Whitfield said."',
                 'evidence: "\\"Our region cannot look away from Haiti,\\" Whitfield said."')
    incremental, _, full = incremental_and_full(project)
    assert incremental.returncode == full.returncode == 1
    (violation,) = [line for line in incremental.stdout.splitlines() if "Violation" in line]
    assert violation.endswith(
        "'evidence:' must be quoted exactly as it stands in the source text; this sentence does not occur there. "
        "(value: \"\\\"Our region cannot look away from Haiti,\\\" Whitfield said.\") — not even its first character, "
        "'\"' (U+0022 QUOTATION MARK), occurs in the text it quotes")
    # The statement's text still occurs in its (mistyped) evidence: one mistake, one result.
    assert incremental.stdout.count("Violation") == full.stdout.count("Violation") == 1


def test_a_quote_that_differs_inside_gets_the_first_difference(project: Project):
    project.add_the_article()
    project.edit('evidence: "“Our region cannot look away from Haiti,” Whitfield said."',
                 'evidence: "“Our region cannot look away from Haiti,\\" Whitfield said."')
    incremental, _, full = incremental_and_full(project)
    assert incremental.stdout.splitlines()[0].endswith(
        "— first difference at character 41, after \"…n cannot look away from Haiti,\": it has '\"' "
        "(U+0022 QUOTATION MARK) where the text it quotes has '”' (U+201D RIGHT DOUBLE QUOTATION MARK)")
    assert [line.split(": ", 1)[1] for line in full.stdout.splitlines()] == \
           [line.split(": ", 1)[1] for line in incremental.stdout.splitlines()]


def test_while_the_data_does_not_validate_every_answer_comes_from_the_last_good_build_with_a_warning(project: Project):
    before = {
        "members": project.run("query", "members", "--format", "csv").stdout,
        "ask": project.run("sparql", "-", stdin="ASK { state:BRB org:memberOf mission:mss-haiti }").stdout,
        "export": project.run("export", "--format", "nquads").stdout,
        "metrics": project.run("graph", "--metrics").stdout,
    }
    project.add_the_article()
    project.edit("member: state/BRB", "member: state/BRR")
    after = {
        "members": project.run("query", "members", "--format", "csv"),
        "ask": project.run("sparql", "-", stdin="ASK { state:BRB org:memberOf mission:mss-haiti }"),
        "export": project.run("export", "--format", "nquads"),
        "metrics": project.run("graph", "--metrics"),
    }
    for name, answer in after.items():
        assert (name, answer.returncode, answer.stdout, answer.stderr) == (name, 0, before[name], WARNING)
    assert "false" in after["ask"].stdout
    # No node for the mistyped state/BRR: graph draws the validated build, as query answers from it.
    assert "state/BRR" not in after["metrics"].stdout and "state/BRB" not in after["metrics"].stdout

    # Fixed, the data is built again and answers from the new build, without a warning.
    project.edit("member: state/BRR", "member: state/BRB")
    fixed = project.run("query", "members", "--format", "csv")
    assert (fixed.returncode, fixed.stderr) == (0, "")
    assert "state/BRB,Barbados," in fixed.stdout


def test_with_no_good_build_to_fall_back_on_the_answer_is_refused(tmp_path: Path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    project = Project(tmp_path)
    project.add_the_article()
    project.edit("member: state/BRB", "member: state/BRR")
    answer = project.run("query", "members")
    assert (answer.returncode, answer.stdout) == (2, "")
    assert answer.stderr == (f"error: the build in {tmp_path / 'build'} is missing or older than the data, and "
                             "rebuilding failed: the data does not validate (1 violation(s))\n")
