"""The evaluation of propose is honest: the scorer matches by kind and key fields one to one,
and the figures it reports for the test articles are the ones the issue asks for."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from benchmarks.propose_eval import (CORPUS, FIXTURES, HALVES, Tally, curator_edits, host_state_errors, main, score,
                                     score_entities)
from coalition_kg import api
from coalition_kg.curation.propose.vocabulary import read_vocabulary

VOCABULARY = read_vocabulary()
JOINS = {"kind": "membership", "member": "state/KEN", "mission": "mission/m"}


def test_a_fact_is_found_when_its_kind_and_key_fields_match_and_counted_once():
    proposed = [JOINS, dict(JOINS), {**JOINS, "member": "state/JAM"}]
    result = score([JOINS], proposed, VOCABULARY)
    tally = result.per_kind["membership"]
    assert (tally.expected, tally.proposed, tally.found) == (1, 3, 1)
    assert (tally.precision, tally.recall) == (1 / 3, 1.0)
    assert result.extra == [JOINS, {**JOINS, "member": "state/JAM"}]


def test_a_wrong_key_field_is_a_miss_and_an_extra_but_a_wrong_detail_only_a_detail():
    expected = {"kind": "deployment", "state": "state/KEN", "mission": "mission/m", "deployment_kind": "troops",
                "status": "arrived", "size": "400"}
    wrong_status = score([expected], [{**expected, "status": "pledged"}], VOCABULARY)
    assert (wrong_status.per_kind["deployment"].found, len(wrong_status.missed), len(wrong_status.extra)) == (0, 1, 1)
    wrong_size = score([expected], [{**expected, "size": "40"}], VOCABULARY).per_kind["deployment"]
    assert (wrong_size.found, wrong_size.details, wrong_size.details_agreeing) == (1, 1, 0)


def test_concepts_are_compared_through_todays_schemes_and_statements_by_their_words():
    expected = {"kind": "partnership", "mission": "mission/m", "partner": "org/x", "partner_role": "host-nation force"}
    assert score([expected], [{**expected, "partner_role": "host-nation-force"}], VOCABULARY).per_kind[
        "partnership"].found == 1
    assert score([expected], [{**expected, "partner_role": "backer"}], VOCABULARY).per_kind["partnership"].found == 0
    said = {"kind": "statement", "speaker": "person/a", "text": "We  will stay."}
    result = score([said], [{**said, "speaker": "", "text": "We will stay."}], VOCABULARY).per_kind["statement"]
    assert (result.found, result.details, result.details_agreeing) == (1, 1, 0)


def test_register_entries_are_scored_by_id_and_empty_kinds_do_not_divide_by_zero():
    tally = score_entities(["state/BRB", "person/a"], ["state/BRB", "org/x", "org/y"])
    assert (tally.found, tally.precision, tally.recall) == (1, 1 / 3, 0.5)
    assert (Tally().precision, Tally().recall) == (1.0, 1.0)


def test_the_figures_on_the_test_articles_meet_the_aims(tmp_path, capsys):
    out = tmp_path / "eval.json"
    assert main(["--out", str(out)]) == 0
    summary = json.loads(out.read_text(encoding="utf-8"))
    fixtures = summary["groups"]["fixtures"]["overall_facts"]
    assert fixtures["recall"] >= 0.9 and fixtures["precision"] >= 0.85
    assert fixtures["expected"] >= 60
    assert summary["groups"]["project"]["overall_facts"]["expected"] == 46
    assert summary["unexplained_project_misses"] == []
    for group in ("dev", "test"):
        halves = summary["groups"][group]
        assert halves["articles"] >= 17 and halves["overall_facts"]["expected"] >= 90
        # the two kinds of wrong proposal are gone everywhere, not only where rules were tuned
        assert halves["host_state_as_member_party_or_sender"] == halves["offices_as_people"] == 0
    # The development half holds the articles the rules were tuned on, the four test halves read
    # since among them, so they fit it; counted per annotated fact, since its newer articles
    # hold two to three times the facts of the first ones. Each round adds a test half nobody
    # tuned for: round 6 started at 0.61 edits per fact and ended at 0.57; round 7, whose half
    # is in genres the others lack, started at 0.71 and ended at 0.66, hence 0.7.
    dev = summary["groups"]["dev"]
    assert dev["edits_per_article"] * dev["articles"] / dev["overall_facts"]["expected"] <= 0.7
    out = capsys.readouterr().out
    assert "fixtures:\n  kind " in out and "\ntest:\n  kind " in out and "curator edits per article: " in out


def _annotations() -> list:
    return sorted(path for half in HALVES for path in (FIXTURES / half).glob("*.txt"))


def test_the_development_and_test_halves_are_fixed_and_large_enough():
    halves = {half: sorted(p.stem for p in (FIXTURES / half).glob("*.txt")) for half in HALVES}
    assert len(halves["dev"]) >= 15 and len(halves["test"]) >= 15
    assert not set(halves["dev"]) & set(halves["test"])
    for article in _annotations():
        assert article.with_suffix(".yaml").is_file() and article.with_suffix(".register.yaml").is_file()


@pytest.mark.parametrize("article", _annotations(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_each_annotation_validates_with_the_corpus_graph(article, tmp_path):
    """What the curator records is valid data: the corpus folder, the entries the curator adds
    and the article's facts conform together (warnings about unused register entries aside)."""
    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    register = yaml.safe_load((CORPUS / "register.yaml").read_text(encoding="utf-8"))
    register["entities"] += yaml.safe_load(article.with_suffix(".register.yaml").read_text(encoding="utf-8"))[
        "entities"] or []
    (data / "register.yaml").write_text(yaml.safe_dump(register, allow_unicode=True), encoding="utf-8")
    shutil.copy(article, data / "sources" / article.name)
    facts = article.with_suffix(".yaml").read_text(encoding="utf-8")
    (data / "facts" / f"{article.stem}.yaml").write_text(
        facts.replace(f"text: {article.name}", f"text: sources/{article.name}"), encoding="utf-8")
    report = api.validate(data_dir=data)
    problems = [r for r in report.results if r.severity == "Violation" or "not mentioned by any fact" not in r.message]
    assert problems == []
    assert len(yaml.safe_load(facts)["facts"]) >= 1


def test_curator_edits_count_fields_changed_and_facts_deleted_or_added():
    wanted = [{"kind": "deployment", "id": "a", "state": "state/KEN", "mission": "mission/m",
               "deployment_kind": "police", "status": "arrived", "size": "250"},
              {"kind": "membership", "id": "b", "member": "state/KEN", "mission": "mission/m"}]
    assert curator_edits(wanted, wanted, VOCABULARY) == 0
    one_field = [{**wanted[0], "size": "25", "id": "other"}, wanted[1]]
    assert curator_edits(one_field, wanted, VOCABULARY) == 1
    assert curator_edits(wanted[:1], wanted, VOCABULARY) == 1  # the membership added
    host = [*wanted, {"kind": "membership", "id": "c", "member": "state/HTI", "mission": "mission/m"}]
    assert curator_edits(host, wanted, VOCABULARY) == 1  # one deleted
    two_fields = [{**wanted[0], "size": "25", "status": "pledged"}, wanted[1]]
    assert curator_edits(two_fields, wanted, VOCABULARY) == 2
    # a reused id counts: the draft must keep the id of the fact the graph holds
    assert curator_edits(one_field, wanted, VOCABULARY, held={("deployment", "a")}) == 2
    assert host_state_errors(host, {("mission/m", "state/HTI")}) == ["membership/c"]
