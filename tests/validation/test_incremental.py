"""Validating one facts file against the built graph finds what a full validation finds for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.pipeline import validate_increment

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
