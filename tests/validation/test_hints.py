"""Hints: the id or concept a typo probably meant, where a quote first differs, and one result per mistake."""

from __future__ import annotations

from pathlib import Path

import yaml

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.validation.hints import first_difference

ARTICLE = (DATA_DIR / "sources" / "004_488f5bce62634bfc.txt").read_text(encoding="utf-8")
ESCOBAR = ("Claudia Escobar, Guatemala’s ambassador to the OAS, emphasized the importance of fostering security "
           "in Haiti to restore its democratic institutions.")
POST = {"id": "escobar-again", "kind": "post", "holder": "person/claudia-escobar", "organization": "state/GTM",
        "role": "ambassador", "accredited_to": "org/oas", "evidence": ESCOBAR}
ADHESION = "Most recently, Guatemala formalized its involvement with an Instrument of Adhesion on December 6, 2024."
MEMBERSHIP = {"id": "gtm-again", "kind": "membership", "member": "state/GTM", "mission": "mission/mss-haiti",
              "instrument": "instrument/gtm-adhesion", "evidence": ADHESION}


def facts_file(tmp_path: Path, *facts: dict) -> Path:
    path = tmp_path / "facts.yaml"
    source = {"id": "hints", "text": str(DATA_DIR / "sources" / "004_488f5bce62634bfc.txt"), "label": "Hints",
              "language": "en"}
    path.write_text(yaml.safe_dump({"source": source, "facts": list(facts)}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def results(tmp_path: Path, *facts: dict) -> list[tuple]:
    report = pipeline.validate_files([facts_file(tmp_path, *facts)])
    return [(r.severity, r.focus, r.path, r.value, r.hint) for r in report.results]


def test_a_straight_apostrophe_where_the_article_has_a_curly_one():
    assert first_difference(ESCOBAR.replace("’", "'"), ARTICLE) == (
        "first difference at character 27, after \"Claudia Escobar, Guatemala\": it has \"'\" (U+0027 APOSTROPHE) "
        "where the text it quotes has '’' (U+2019 RIGHT SINGLE QUOTATION MARK)")


def test_a_quote_cut_short_by_the_end_of_the_text_and_one_that_occurs():
    assert first_difference("stability challenges. More", ARTICLE) == (
        "first difference at character 22, after \"stability challenges.\": it has ' ' (U+0020 SPACE) "
        "where the text it quotes has the end of the text")
    assert first_difference(ESCOBAR, ARTICLE) is None


def test_a_mistyped_state_gets_the_state_it_probably_meant(tmp_path: Path):
    assert results(tmp_path, {**POST, "organization": "state/GMT"}) == [
        ("Violation", "post/escobar-again", "org:postIn", "state/GMT", "state/GMT is not in the register; did you mean state/GTM?"),
    ]


def test_an_id_like_none_of_the_register_gets_no_suggestion(tmp_path: Path):
    assert results(tmp_path, {**POST, "organization": "state/XYZ"}) == [
        ("Violation", "post/escobar-again", "org:postIn", "state/XYZ", "state/XYZ is not in the register"),
    ]


def test_a_mistyped_concept_gets_the_concept_it_probably_meant(tmp_path: Path):
    assert results(tmp_path, {**POST, "role": "ambasador"}) == [
        ("Violation", "post/escobar-again", "org:role", "role/ambasador", "did you mean ambassador?"),
    ]
    assert results(tmp_path, {**POST, "role": "prime-minster"})[0][4] == "did you mean prime-minister?"


def test_a_mistyped_fact_reference_names_no_fact(tmp_path: Path):
    assert results(tmp_path, {**MEMBERSHIP, "instrument": "instrument/gtm-adheson"}) == [
        ("Violation", "membership/gtm-again", "ckg:joinedBy", "instrument/gtm-adheson",
         "instrument/gtm-adheson names no fact; did you mean instrument/gtm-adhesion?"),
    ]


def test_an_instrument_with_a_mistyped_party_does_not_make_its_membership_a_mismatch(tmp_path: Path):
    instrument = {"id": "gtm-adhesion-again", "kind": "instrument", "instrument_kind": "adhesion",
                  "party": "state/GMT", "mission": "mission/mss-haiti", "date": "2024-12-06", "evidence": ADHESION}
    membership = {**MEMBERSHIP, "instrument": "instrument/gtm-adhesion-again"}
    assert results(tmp_path, instrument, membership) == [
        ("Violation", "instrument/gtm-adhesion-again", "ckg:party", "state/GMT",
         "state/GMT is not in the register; did you mean state/GTM?"),
    ]


def test_a_second_value_that_is_a_typo_is_reported_once(tmp_path: Path):
    # Article 004's membership of Guatemala, restated with its mission mistyped: two missions where
    # one is allowed, one of them unknown. The count follows from the typo, and is not reported.
    assert results(tmp_path, {**MEMBERSHIP, "id": "gtm-mss-haiti", "mission": "mission/mss-hati"}) == [
        ("Violation", "membership/gtm-mss-haiti", "org:organization", "mission/mss-hati",
         "mission/mss-hati is not in the register; did you mean mission/mss-haiti?"),
    ]


def test_the_entry_a_typo_meant_is_not_also_reported_as_unmentioned(tmp_path: Path):
    register = tmp_path / "register.yaml"
    text = (DATA_DIR / "register.yaml").read_text(encoding="utf-8")
    register.write_text(text + "  - id: state/BRB\n    label: Barbados\n    wikidata: Q244\n", encoding="utf-8")
    deployment = {"id": "brb-troops", "kind": "deployment", "state": "state/BRR", "mission": "mission/mss-haiti",
                  "deployment_kind": "troops", "status": "pledged", "evidence": ESCOBAR}
    report = pipeline.validate_files([register, facts_file(tmp_path, deployment)])
    assert [(r.severity, r.focus, r.hint) for r in report.results] == [
        ("Violation", "deployment/brb-troops", "state/BRR is not in the register; did you mean state/BRB?"),
    ]
