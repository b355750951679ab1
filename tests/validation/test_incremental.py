"""Validating one facts file against the built graph finds what a full validation finds for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.pipeline import validate_increment
from coalition_kg.validation.sparql_constraints import to_rdflib_value

CASES = Path(__file__).parents[1] / "sparql_cases"
BAD = Path(__file__).parents[1] / "bad_data"


def located(report) -> set[tuple]:
    return {(r.severity, r.file, r.line, r.focus, r.path, r.message, r.value) for r in report.results}


def full_results_for(path: Path) -> set[tuple]:
    return {r for r in located(pipeline.validate_files([path])) if r[1] == str(path)}


@pytest.mark.parametrize("path", [
    CASES / "facts_quote_not_in_source.yaml",
    CASES / "facts_statement_not_in_evidence.yaml",
    CASES / "facts_membership_wrong_instrument.yaml",
    BAD / "facts_date_impossible.yaml",
    BAD / "facts_size_negative.yaml",
    BAD / "facts_unknown_state.yaml",
    DATA_DIR / "facts" / "004_488f5bce62634bfc.yaml",
], ids=lambda p: p.name)
def test_incremental_results_equal_the_full_validations(built, path):
    assert path.exists(), path
    assert located(validate_increment([path], built)) == full_results_for(path)


def changed_article_004(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of article 004's facts with one change, as a curator would edit it."""
    changed = tmp_path / "004.yaml"
    text = (DATA_DIR / "facts" / "004_488f5bce62634bfc.yaml").read_text(encoding="utf-8")
    changed.write_text(text.replace("text: sources/", f"text: {DATA_DIR}/sources/").replace(old, new), encoding="utf-8")
    return changed


def test_a_changed_source_replaces_the_built_one(built, tmp_path):
    changed = changed_article_004(tmp_path, 'date: "2024-12-06"', 'date: "2024-12-32"')
    report = validate_increment([changed], built)
    assert [(r.focus, r.path, r.value) for r in report.violations] == [
        ("instrument/gtm-adhesion", "dcterms:date", '"2024-12-32"')
    ]


def test_a_membership_elsewhere_is_rechecked_when_its_instrument_changes(built, tmp_path):
    # Jamaica's instrument now names Belize as its party; Jamaica's membership points at it.
    changed = changed_article_004(tmp_path, "party: state/JAM", "party: state/BLZ")
    report = validate_increment([changed], built)
    assert [(r.focus, r.message) for r in report.violations] == [
        ("membership/jam-mss-haiti", "The instrument of a membership must be the member's own instrument for "
                                     "the same mission; it names state/BLZ.")
    ]


# --- the register and restated facts: the verdict a full validation gives -----------------------

CURATING = Path(__file__).parents[1] / "curating"
NEW_SOURCE = "006_fictional_barbados"


def verdicts(paths: list[Path], data: Path, build: Path) -> tuple[set[tuple], set[tuple]]:
    """What incremental and full validation report for ``paths``, by fact, field, message and value."""
    def shown(report) -> set[tuple]:
        return {(r.severity, r.focus, r.path, r.message, r.value, r.hint) for r in report.results}
    return shown(validate_increment(paths, build, data_dir=data)), shown(pipeline.validate_files(paths, data_dir=data))


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project data and its build."""
    data, build = tmp_path / "data", tmp_path / "build"
    shutil.copytree(DATA_DIR, data)
    pipeline.build(data, build, pictures=False)
    return data, build


def add_article(data: Path) -> Path:
    shutil.copy(CURATING / f"{NEW_SOURCE}.txt", data / "sources")
    register = data / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8") + (CURATING / "register_additions.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    return Path(shutil.copy(CURATING / f"{NEW_SOURCE}.yaml", data / "facts"))


def test_new_register_entries_are_known_to_the_new_facts_given_the_register_or_not(copy):
    data, build = copy
    facts = add_article(data)
    assert verdicts([facts], data, build) == (set(), set())
    assert verdicts([facts, data / "register.yaml"], data, build) == (set(), set())


def test_a_fact_restated_by_a_new_source_has_one_label_from_the_store_and_the_file(copy):
    data, build = copy
    facts = add_article(data)
    assert "  - id: mss-haiti-mssm\n" in facts.read_text(encoding="utf-8")
    assert to_rdflib_value(pyoxigraph.Literal("MSSM")) == Literal("MSSM")  # not "MSSM"^^xsd:string
    assert validate_increment([facts], build, data_dir=data).results == []


def test_a_changed_register_entry_rechecks_the_built_facts_that_name_it(copy):
    data, build = copy
    register = data / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("  - id: state/KEN\n    label: Kenya\n    wikidata: Q114\n", ""),
                        encoding="utf-8")
    facts = DATA_DIR / "facts" / "004_488f5bce62634bfc.yaml"
    incremental, full = verdicts([facts], data, build)
    assert incremental == full
    # Article 000's facts about Kenya, in the build, now name a state the register no longer has.
    assert sorted((focus, value) for _, focus, _, _, value, _ in incremental) == [
        ("deployment/ken-personnel", "state/KEN"), ("membership/ken-mss-haiti", "state/KEN"),
    ]


def test_a_fact_gone_from_a_changed_source_is_missed_by_the_facts_elsewhere_that_named_it(copy):
    data, build = copy
    extra = data / "facts" / "zz_extra.yaml"
    extra.write_text(
        "source:\n  id: zz_extra\n  text: sources/004_488f5bce62634bfc.txt\n  label: Extra\nfacts:\n"
        "  - id: gtm-again\n    kind: membership\n    member: state/GTM\n    mission: mission/mss-haiti\n"
        "    instrument: instrument/gtm-adhesion\n    evidence: \"Most recently, Guatemala formalized its involvement "
        "with an Instrument of Adhesion on December 6, 2024.\"\n", encoding="utf-8")
    pipeline.build(data, build, pictures=False)
    changed = changed_article_004(data.parent, "  - id: gtm-adhesion\n", "  - id: gtm-adhesion-renamed\n")
    incremental, full = verdicts([changed], data, build)
    assert incremental == full
    assert sorted((focus, path, value) for _, focus, path, _, value, _ in incremental) == [
        ("membership/gtm-again", "ckg:joinedBy", "instrument/gtm-adhesion"),
        ("membership/gtm-mss-haiti", "ckg:joinedBy", "instrument/gtm-adhesion"),
    ]
