"""A build that redoes only what changed since the last good build: the same store, exports,
summary and answers as a full build of the same data, and the last good build whole when it
fails or is interrupted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from query_samples import samples
from test_bad_inputs import snapshot
from test_concurrency import interrupt_on_the_third_file, leftovers

from coalition_kg import api, pipeline
from coalition_kg.cli import main
from coalition_kg.core.paths import DATA_DIR, ONTOLOGY_DIR, PROJECT_DIR
from coalition_kg.dataset.canonical import stored
from coalition_kg.queries.params import ParameterError
from coalition_kg.store import disk, manifest
from coalition_kg.store.disk import open_store

CURATING = PROJECT_DIR / "tests" / "curating"
EXPORTS = ("coalition.nq", "coalition.nt", "coalition.ttl", "coalition.trig", "coalition.jsonld")
OLD, OTHER = "000_f53fdc1be9ced35d", "004_488f5bce62634bfc"


class Project:
    """A copy of the project's data, built once; then changed, and built again both ways."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        shutil.copytree(DATA_DIR, self.data)
        self.build_dir = root / "build"
        self.first = pipeline.build(self.data, self.build_dir, pictures=False)

    def facts(self, source: str) -> Path:
        return self.data / "facts" / f"{source}.yaml"

    def restate(self, source: str, as_source: str) -> None:
        """A new source whose facts file states the same facts as ``source``."""
        text = self.facts(source).read_text(encoding="utf-8")
        self.facts(as_source).write_text(text.replace(f"id: {source}", f"id: {as_source}", 1), encoding="utf-8")

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def both_ways(self) -> tuple[pipeline.BuildSummary, Path]:
        """Build the changed data into the first build's folder, and in full into a new one; check
        that both hold the same store and exports, give the same summary and answer every canned
        question alike. The incremental build's summary, and the full build's folder."""
        incremental = pipeline.build(self.data, self.build_dir, pictures=False)
        full_dir = self.root / f"full-{len(list(self.root.glob('full-*')))}"
        full = pipeline.build(self.data, full_dir, pictures=False, full=True)
        assert full.redone == "full build: every source read and validated (asked for)"
        for name in EXPORTS:
            assert (self.build_dir / name).read_bytes() == (full_dir / name).read_bytes(), name
        assert stored(open_store(self.build_dir)) == stored(open_store(full_dir))
        assert (incremental.triples, incremental.counts, incremental.report) == (full.triples, full.counts, full.report)
        for name, params in samples():
            assert self.answer(name, params, self.build_dir) == self.answer(name, params, full_dir), (name, params)
        return incremental, full_dir

    def answer(self, name: str, params: dict[str, str], build_dir: Path) -> list[dict] | str:
        """The question's rows, or why it has none (a parameter that names nothing in the data)."""
        try:
            return api.query(name, params, data_dir=self.data, build_dir=build_dir).rows()
        except ParameterError as error:
            return str(error)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def graphs(build_dir: Path) -> list[str]:
    return sorted(g.value.rsplit("/", 1)[1] for g in open_store(build_dir).named_graphs())


def test_a_new_source_is_the_only_one_read_and_the_build_is_the_full_builds(project: Project):
    project.restate(OTHER, "009_restated")
    summary, _ = project.both_ways()
    assert summary.redone == ("incremental build: 1 source(s) added, 0 edited, 0 removed, the register unchanged; "
                              "1 named graph(s) and the union replaced in the store; the exports refreshed")
    assert graphs(project.build_dir) == ["000_f53fdc1be9ced35d", "004_488f5bce62634bfc", "009_restated", "register"]
    # Its facts are the other source's: the same nodes, each with one derivation more.
    assert summary.triples > project.first.triples and summary.counts == project.first.counts | {"sources": 3}


def test_a_new_article_with_new_register_entries_replaces_its_graph_and_the_registers(project: Project):
    shutil.copy(CURATING / "006_fictional_barbados.txt", project.data / "sources")
    shutil.copy(CURATING / "006_fictional_barbados.yaml", project.data / "facts")
    register = project.data / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8") + (CURATING / "register_additions.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 1 source(s) added, 0 edited, 0 removed, the register edited; "
                                     "2 named graph(s)")
    assert summary.counts["states"] == project.first.counts["states"] + 1  # Barbados


def test_an_edited_source_and_an_edited_source_text(project: Project):
    facts = project.facts(OLD)
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[:text.rindex("\n  - id:")] + "\n", encoding="utf-8")  # its last fact goes
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 0 source(s) added, 1 edited, 0 removed, the register unchanged")
    article = project.data / "sources" / f"{OTHER}.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA sentence added to the article.\n", encoding="utf-8")
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 0 source(s) added, 1 edited, 0 removed")


def test_a_removed_source_takes_its_graph_and_the_triples_only_it_stated(project: Project):
    project.restate(OTHER, "009_restated")
    pipeline.build(project.data, project.build_dir, pictures=False)
    project.facts(OTHER).unlink()
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 0 source(s) added, 0 edited, 1 removed")
    assert graphs(project.build_dir) == ["000_f53fdc1be9ced35d", "009_restated", "register"]


def test_a_register_edit_changes_the_answers_that_name_the_entry(project: Project):
    project.edit(project.data / "register.yaml", "label: Jamaica\n", "label: Jamaica (renamed)\n")
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 0 source(s) added, 0 edited, 0 removed, the register edited; "
                                     "1 named graph(s)")
    members = api.query("members", data_dir=project.data, build_dir=project.build_dir).rows()
    assert "Jamaica (renamed)" in {row["label"] for row in members}


def test_a_register_entry_no_fact_mentions_any_more_is_warned_about_as_a_full_build_does(project: Project):
    project.edit(project.data / "register.yaml", "  - id: person/claudia-escobar\n",
                 "  - id: person/nobody-mentions\n    label: Nobody Mentions\n  - id: person/claudia-escobar\n")
    summary, _ = project.both_ways()
    assert [(r.severity, r.focus, r.message) for r in summary.report.results] == [
        ("Warning", "person/nobody-mentions", "This register entry is not mentioned by any fact.")]


def test_nothing_changed_keeps_the_store_and_the_exports(project: Project):
    before = snapshot(project.build_dir)
    summary = pipeline.build(project.data, project.build_dir, pictures=False)
    assert summary.redone == "incremental build: no source and no register entry changed; the store and the exports kept"
    assert (summary.triples, summary.counts, summary.report) == (project.first.triples, project.first.counts,
                                                                  project.first.report)
    after = snapshot(project.build_dir)
    assert {name: after[name] for name in (*EXPORTS, "store")} == {name: before[name] for name in (*EXPORTS, "store")}


def test_a_change_to_the_shapes_forces_a_full_build(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, ontology)
    (ontology / "shapes.ttl").write_text((ontology / "shapes.ttl").read_text(encoding="utf-8") + "\n# changed\n",
                                         encoding="utf-8")
    monkeypatch.setattr(manifest, "ONTOLOGY_DIR", ontology)
    project.restate(OTHER, "009_restated")
    summary = pipeline.build(project.data, project.build_dir, pictures=False)
    assert summary.redone == ("full build: every source read and validated (the ontology, the shapes or the build "
                              "code changed since the last build)")


def test_the_build_code_is_part_of_what_forces_a_full_build():
    code = {str(path) for path in manifest.BUILD_CODE}
    assert {"curation/model.py", "curation/reader.py", "dataset", "validation", "exports", "store"} <= code
    assert "curation/propose" not in code and "pictures" not in code


def test_build_full_reads_everything_and_says_so(project: Project):
    result = CliRunner().invoke(main, ["build", "--data", str(project.data), "--out", str(project.build_dir),
                                       "--no-pictures", "--full"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "full build: every source read and validated (asked for)"


def test_an_edit_that_breaks_the_data_is_refused_with_the_full_validations_violations(project: Project):
    before = snapshot(project.build_dir)
    project.edit(project.facts(OTHER), 'date: "2024-09-20"', 'date: "2024-09-31"')
    shutil.copy(CURATING / "006_fictional_barbados.txt", project.data / "sources")
    shutil.copy(CURATING / "006_fictional_barbados.yaml", project.data / "facts")  # without its register entries
    with pytest.raises(pipeline.InvalidData) as refused:
        pipeline.build(project.data, project.build_dir, pictures=False)
    full = pipeline.validate_files((), project.data)
    assert refused.value.report.violations == full.violations
    assert {r.focus for r in full.violations} >= {"instrument/jam-adhesion", "membership/brb-mss-haiti"}
    assert snapshot(project.build_dir) == before


def test_removing_a_source_warns_of_the_entries_no_fact_mentions_any_more_as_a_full_build_does(project: Project):
    project.facts(OTHER).unlink()
    summary, _ = project.both_ways()
    assert summary.report.violations == []
    assert {r.focus for r in summary.report.warnings} == {
        "state/BHS", "org/oas", "org/unsc", "org/unga", "org/haiti-government", "org/gtm-foreign-ministry",
        "person/claudia-escobar"}


DEPENDENT = f"""source:
  id: 009_dependent
  text: sources/{OTHER}.txt
  label: "A source that names an instrument only article 004 states"
facts:
  - id: jam-joins-009
    kind: membership
    member: state/JAM
    mission: mission/mss-haiti
    instrument: instrument/jam-adhesion
    evidence: "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, followed shortly by the Bahamas on September 26, 2024."
"""


def test_removing_a_source_whose_facts_others_name_is_refused_as_a_full_validation_refuses_it(project: Project):
    project.facts("009_dependent").write_text(DEPENDENT, encoding="utf-8")
    project.both_ways()
    before = snapshot(project.build_dir)
    project.facts(OTHER).unlink()
    with pytest.raises(pipeline.InvalidData) as refused:
        pipeline.build(project.data, project.build_dir, pictures=False)
    full = pipeline.validate_files((), project.data)
    assert refused.value.report.violations == full.violations
    assert {(r.focus, r.path) for r in full.violations} >= {("membership/jam-joins-009", "ckg:joinedBy")}
    assert snapshot(project.build_dir) == before


def test_a_changed_file_that_takes_a_kept_sources_id_is_reported_by_a_full_build(project: Project):
    project.restate(OTHER, OTHER)  # a second file for the same source
    project.facts(OTHER).rename(project.facts("zzz_second_file"))
    shutil.copy(DATA_DIR / "facts" / f"{OTHER}.yaml", project.facts(OTHER))
    with pytest.raises(pipeline.InputError, match=f"source id '{OTHER}' is already used by"):
        pipeline.build(project.data, project.build_dir, pictures=False)


def interrupt_while_replacing_graphs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    replace_graphs = disk.StoreCopy.replace_graphs

    def interrupted(self: disk.StoreCopy, graphs, nquads: bytes) -> None:
        replace_graphs(self, graphs, nquads)
        raise KeyboardInterrupt

    monkeypatch.setattr(disk.StoreCopy, "replace_graphs", interrupted)
    return []


@pytest.mark.parametrize("interrupt", [interrupt_while_replacing_graphs, interrupt_on_the_third_file])
def test_an_interrupted_build_leaves_the_last_build_whole_and_the_next_one_finishes_it(
        project: Project, monkeypatch: pytest.MonkeyPatch, interrupt):
    before = snapshot(project.build_dir)
    written = interrupt(monkeypatch)
    project.restate(OTHER, "009_restated")
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(project.data, project.build_dir, pictures=False)
    assert snapshot(project.build_dir) == before
    assert not any(path.exists() for path in written)
    monkeypatch.undo()
    summary, _ = project.both_ways()
    assert summary.redone.startswith("incremental build: 1 source(s) added")
    assert leftovers(project.build_dir) == []


def test_an_export_changed_by_hand_makes_a_full_build(project: Project):
    nquads = project.build_dir / "coalition.nq"
    nquads.write_bytes(nquads.read_bytes() + b"# edited by hand\n")
    project.restate(OTHER, "009_restated")
    summary = pipeline.build(project.data, project.build_dir, pictures=False)
    assert summary.redone == (f"full build: every source read and validated ({nquads} changed since the last build)")


def test_the_record_of_what_was_read_names_each_source_and_its_text(project: Project):
    record = json.loads((project.build_dir / "inputs.json").read_text(encoding="utf-8"))
    assert record["sources"][f"facts/{OLD}.yaml"] == {"id": OLD, "text": [f"facts/sources/{OLD}.txt",
                                                                          f"sources/{OLD}.txt"]}
    assert record["fingerprint"] == json.loads((project.build_dir / "manifest.json").read_text())["fingerprint"]
