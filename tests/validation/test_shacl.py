"""SHACL validation: the project data conforms; each kind of bad fact is reported at its file and line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.reader import CurationError

SOURCE_TEXT = (DATA_DIR / "sources" / "004_488f5bce62634bfc.txt").resolve()
BELIZE = "Belize ratified its participation on November 27, 2024, further strengthening the coalition."
GOOD_FACT = {
    "id": "blz-ratification-again",
    "kind": "instrument",
    "instrument_kind": "ratification",
    "party": "state/BLZ",
    "mission": "mission/mss-haiti",
    "date": "2024-11-27",
    "evidence": BELIZE,
}


def facts_file(tmp_path: Path, *facts: dict[str, str], source_id: str = "test-source") -> Path:
    """A curated facts file about the real article 004 holding ``facts``."""
    lines = [f"source:\n  id: {source_id}\n  text: {SOURCE_TEXT}\n  label: a test source\nfacts:"]
    for fact in facts:
        items = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fact.items()]
        lines.append("  - " + "\n    ".join(items))
    path = tmp_path / "facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


def only_violation(report):
    assert not report.conforms
    assert len(report.violations) == 1, report.to_text()
    return report.violations[0]


def test_project_data_conforms_without_warnings():
    report = pipeline.validate_files()
    assert report.conforms
    assert report.results == []
    assert report.summary() == "conforms: 0 violation(s), 0 warning(s)"


def test_a_good_new_facts_file_conforms(tmp_path):
    assert pipeline.validate_files([facts_file(tmp_path, GOOD_FACT)]).conforms


@pytest.mark.parametrize(
    ("change", "field_line", "message", "value"),
    [
        ({"date": "2024-02-30"}, "date:", "'date:' must be one real calendar date", '"2024-02-30"'),
        ({"date": "27 November 2024"}, "date:", "'date:' must be one real calendar date", '"27 November 2024"'),
        ({"party": "state/XYZ"}, "party:", "'party:' must name one state or international organization", "state/XYZ"),
        ({"party": "person/claudia-escobar"}, "party:", "'party:' must name one state", "person/claudia-escobar"),
        ({"instrument_kind": "treaty"}, "instrument_kind:", "'instrument_kind:' must be one concept of the instrument-kind scheme",
         "instrument-kind/treaty"),
        ({"mission": "state/HTI"}, "mission:", "'mission:' must name one mission", "state/HTI"),
        ({"evidence": "Belize ratified it."}, "evidence:", "must be quoted exactly as it stands in the source text",
         '"Belize ratified it."'),
    ],
)
def test_a_bad_value_is_reported_at_its_line_with_the_value(tmp_path, change, field_line, message, value):
    path = facts_file(tmp_path, {**GOOD_FACT, **change})
    violation = only_violation(pipeline.validate_files([path]))
    assert (violation.file, violation.line) == (str(path), line_of(path, field_line))
    assert message in violation.message
    assert violation.value == value


def test_a_fact_without_evidence_is_reported_at_the_fact(tmp_path):
    fact = {key: value for key, value in GOOD_FACT.items() if key != "evidence"}
    path = facts_file(tmp_path, fact)
    violation = only_violation(pipeline.validate_files([path]))
    assert violation.message == "Every fact must quote the sentence of its source that states it ('evidence:')."
    assert (violation.file, violation.line, violation.focus) == (str(path), line_of(path, "- id:"), "instrument/blz-ratification-again")


def test_a_missing_required_field_is_named(tmp_path):
    fact = {key: value for key, value in GOOD_FACT.items() if key != "party"}
    violation = only_violation(pipeline.validate_files([facts_file(tmp_path, fact)]))
    assert violation.path == "ckg:party"
    assert violation.value is None


def test_a_negative_size_and_a_word_for_a_number_are_both_reported(tmp_path):
    deployment = {"id": "blz-x", "kind": "deployment", "state": "state/BLZ", "mission": "mission/mss-haiti",
                  "deployment_kind": "troops", "status": "pledged", "size": "-5", "ordinal": "second",
                  "evidence": BELIZE}
    path = facts_file(tmp_path, deployment)
    report = pipeline.validate_files([path])
    assert [(v.line, v.path, v.value) for v in report.violations] == [
        (line_of(path, "size:"), "ckg:size", '"-5"'),
        (line_of(path, "ordinal:"), "ckg:ordinal", '"second"'),
    ]


def test_a_membership_must_use_the_members_own_instrument(tmp_path):
    membership = {"id": "blz-wrong", "kind": "membership", "member": "state/BLZ", "mission": "mission/mss-haiti",
                  "instrument": "instrument/jam-adhesion", "evidence": BELIZE}
    violation = only_violation(pipeline.validate_files([facts_file(tmp_path, membership)]))
    assert violation.message == (
        "The instrument of a membership must be the member's own instrument for the same mission; it names state/JAM."
    )


def test_a_quote_must_occur_in_its_evidence_sentence(tmp_path):
    statement = {"id": "x", "kind": "statement", "speaker": "state/BLZ", "mission": "mission/mss-haiti",
                 "text": "Belize will send a thousand troops", "evidence": BELIZE}
    violation = only_violation(pipeline.validate_files([facts_file(tmp_path, statement)]))
    assert violation.message.startswith("A statement's 'text:' must occur word for word in its 'evidence:' sentence")
    assert violation.value == '"Belize will send a thousand troops"'


def test_warnings_are_shown_but_do_not_fail(tmp_path):
    register = tmp_path / "register.yaml"
    register.write_text((DATA_DIR / "register.yaml").read_text(encoding="utf-8")
                        + "  - id: state/FRA\n    label: France\n", encoding="utf-8")
    report = pipeline.validate_files([register])
    assert report.conforms
    assert [(w.severity, w.focus, w.line, w.message) for w in report.warnings] == [
        ("Warning", "state/FRA", line_of(register, "state/FRA"), "This register entry is not mentioned by any fact.")
    ]


def test_the_json_report_carries_the_same_results(tmp_path):
    path = facts_file(tmp_path, {**GOOD_FACT, "date": "2024-02-30"})
    report = json.loads(pipeline.validate_files([path]).to_json())
    assert report["conforms"] is False
    assert report["violations"] == 1
    (result,) = report["results"]
    assert result["file"] == str(path)
    assert result["line"] == line_of(path, "date:")
    assert result["value"] == '"2024-02-30"'


def test_a_turtle_fact_without_a_source_is_located_in_the_turtle_file(tmp_path):
    path = tmp_path / "fact.ttl"
    path.write_text(textwrap.dedent("""\
        @prefix ckg: <https://w3id.org/coalition-kg/ontology#> .
        @prefix instrument: <https://w3id.org/coalition-kg/id/instrument/> .

        instrument:lonely a ckg:LegalInstrument .
        """), encoding="utf-8")
    report = pipeline.validate_files([path])
    messages = {(v.line, v.message) for v in report.violations if v.focus == "instrument/lonely"}
    assert (4, "Every fact must come from a source document (the facts file's 'source:').") in messages
    assert (4, "Every fact must quote the sentence of its source that states it ('evidence:').") in messages


def test_structural_errors_stop_before_validation_with_the_line(tmp_path):
    path = facts_file(tmp_path, {**GOOD_FACT, "dat": "2024"})
    with pytest.raises(CurationError) as raised:
        pipeline.validate_files([path])
    assert str(raised.value) == (
        f"{path}:{line_of(path, 'dat:')}: unknown field 'dat' in a instrument fact; expected one of id, kind, "
        "evidence, note, instrument_kind, label, number, party, mission, date"
    )
