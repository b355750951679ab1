"""The draft that ``propose`` writes: facts quoted exactly at the offsets given, ids reused from
other sources, flags for what the curator must decide, and a draft that validates once accepted."""

from __future__ import annotations

import re
import shutil
import socket

import pytest
import yaml

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR, PROJECT_DIR
from coalition_kg.curation.propose import propose

ARTICLE_000 = DATA_DIR / "sources" / "000_f53fdc1be9ced35d.txt"
ARTICLE_004 = DATA_DIR / "sources" / "004_488f5bce62634bfc.txt"
FIXTURES = PROJECT_DIR / "tests" / "propose_articles"
_COMMENT = re.compile(r"^  # \[(\d+), (\d+)\) rule (\S+), confidence (\d\.\d\d)$")


def facts(draft) -> dict[str, dict]:
    """The draft's facts by ``kind/id``, as YAML reads them."""
    return {f"{fact['kind']}/{fact['id']}": fact for fact in yaml.safe_load(draft.to_yaml())["facts"]}


@pytest.fixture(scope="module")
def draft_004():
    return propose(ARTICLE_004)


@pytest.fixture(scope="module")
def draft_gulf():
    return propose(FIXTURES / "wire_gulf_of_guinea.txt", FIXTURES / "data")


def test_every_fact_quotes_its_sentence_exactly_at_the_characters_given(draft_004):
    text = ARTICLE_004.read_text(encoding="utf-8")
    lines = draft_004.to_yaml().splitlines()
    starts = [n for n, line in enumerate(lines) if line.startswith("  - id: ")]
    assert len(starts) == len(draft_004.facts) == 26
    for n in starts:
        header = next(_COMMENT.match(line) for line in reversed(lines[:n]) if _COMMENT.match(line))
        evidence = next(line for line in lines[n:] if line.startswith("    evidence: "))
        start, end = int(header.group(1)), int(header.group(2))
        assert yaml.safe_load(evidence.strip())["evidence"] == text[start:end]
        assert header.group(3).split(".")[0] in {"membership", "instrument", "deployment", "statement", "post",
                                                 "event", "partnership", "ordinal-claim", "count-claim", "name"}
        assert 0 < float(header.group(4)) <= 1


def test_article_004_gives_its_instruments_with_dates_at_their_precision(draft_004):
    found = facts(draft_004)
    assert found["instrument/jam-adhesion"] == {
        "id": "jam-adhesion", "kind": "instrument", "instrument_kind": "adhesion", "party": "state/JAM",
        "mission": "mission/mss-haiti", "date": "2024-09-20",
        "evidence": "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, "
                    "followed shortly by the Bahamas on September 26, 2024."}
    resolution = found["instrument/unsc-resolution-2699"]
    assert (resolution["label"], resolution["number"], resolution["date"]) == (
        "UN Security Council Resolution 2699 (2023)", "2699", "2023")
    assert "instrument_kind" not in found["instrument/bhs-join"]
    assert found["membership/bhs-mss-haiti"]["instrument"] == "instrument/bhs-join"
    # "in September": the year is not given, so no date is made up.
    pledge = found["event/bernardo-arevalo-pledge"]
    assert pledge["date_text"] == "September" and "date" not in pledge


def test_a_quote_keeps_its_speaker_and_occasion(draft_004):
    statement = facts(draft_004)["statement/claudia-escobar-guatemala-committed-supporting"]
    assert statement["speaker"] == "person/claudia-escobar"
    assert statement["on_behalf_of"] == "state/GTM"
    assert statement["occasion"] == "event/gtm-announcement"
    assert statement["text"] == ("Guatemala is committed to supporting Haiti’s journey toward stability and "
                                 "ensuring free, fair, and transparent elections")


def test_a_fact_another_source_states_keeps_that_facts_id():
    draft = propose(ARTICLE_000)
    found = facts(draft)
    # Article 004 states Arévalo's post and the PNH's acronym too, under these ids.
    assert found["post/gtm-president"]["holder"] == "person/bernardo-arevalo"
    assert found["name/pnh-acronym-004"]["label"] == "PNH"
    assert "  # note: another source states this fact: the id gtm-president is reused" in draft.to_yaml()
    # A fact no other source states gets a new id, never one another fact uses.
    assert found["partnership/mss-haiti-hti"]["partner_role"] == "host-state"


def test_the_accepted_draft_validates(tmp_path, draft_004):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "facts" / "004_488f5bce62634bfc.yaml").write_text(draft_004.to_yaml(), encoding="utf-8")
    header = draft_004.to_yaml().split("\nsource:")[0]
    entries = [line[1:] for line in header.splitlines() if line.startswith(("#  - id:", "#    "))]
    # The register has the ministry the article calls Minex (org/gtm-foreign-ministry): nothing is new.
    assert [e.ref for e in draft_004.new_entities] == []
    with (data / "register.yaml").open("a", encoding="utf-8") as register:
        register.write("\n".join(entries) + "\n")
    report = pipeline.validate_files([data / "register.yaml", *sorted((data / "facts").glob("*.yaml"))])
    # The curated pledge event names its venue, the UN General Assembly; the draft does not, so
    # that register entry is mentioned by no fact: a warning, not a violation.
    assert report.to_text() == (
        f"{data / 'register.yaml'}:64: Warning: org/unga: This register entry is not mentioned by any fact. "
        "(value: org/unga)\nconforms: 0 violation(s), 1 warning(s)")


def test_a_quote_whose_sentence_says_he_is_given_the_person_named_before_with_a_check(draft_gulf):
    text = draft_gulf.to_yaml()
    statement = facts(draft_gulf)["statement/kofi-mensah-boateng-coast-belongs"]
    assert statement["speaker"] == "person/kofi-mensah-boateng" and statement["on_behalf_of"] == "state/GHA"
    assert statement["text"] == "The coast belongs to all of us"
    decision = ("statement/kofi-mensah-boateng-coast-belongs: the sentence says 'he': the speaker is "
                "person/kofi-mensah-boateng, named before; check it")
    assert f"#   - {decision}" in text.split("\nsource:")[0]


def test_a_quote_whose_article_names_no_one_before_is_flagged_with_an_empty_speaker(tmp_path):
    article = tmp_path / "quote.txt"
    article.write_text("Kenya pledged 400 police officers to the Multinational Security Support Mission.\n"
                       "“We will stay,” he said.\n", encoding="utf-8")
    draft = propose(article, FIXTURES / "data")
    statement = facts(draft)["statement/unnamed-will-stay"]
    assert statement["speaker"] is None and statement["text"] == "We will stay"
    assert ("statement/unnamed-will-stay: the sentence names no speaker (it says 'he'); fill in 'speaker:' or "
            "delete the statement") in draft.decisions


def test_entities_the_register_lacks_are_proposed_as_new_entries(draft_gulf):
    header = draft_gulf.to_yaml().split("\nsource:")[0]
    assert "#  - id: mission/gmsm  # new: named with its acronym GMSM\n#    label: \"Gulf of Guinea Maritime Security Mission\"" in header
    assert "#  - id: state/BEN  # new: a state not in the register" in header
    assert "#  - id: person/kofi-mensah-boateng  # new: a person named in the article" in header
    found = facts(draft_gulf)
    assert found["membership/ben-gmsm"]["mission"] == "mission/gmsm"


def test_numbers_in_words_become_sizes(draft_gulf):
    deployment = facts(draft_gulf)["deployment/ben-police"]
    assert (deployment["size"], deployment["status"]) == ("150", "pledged")
    barbados = facts(propose(FIXTURES / "feature_voices.txt", FIXTURES / "data"))
    assert barbados["deployment/jam-troops"]["size"] == "150"


def test_a_date_without_its_year_is_never_completed():
    found = facts(propose(FIXTURES / "wire_kenya_sofa.txt", FIXTURES / "data"))
    sofa = found["instrument/ken-status-of-forces-agreement"]
    assert "date" not in sofa  # the dateline says "June 20" and no year
    arrival = found["deployment/ken-police"]  # the only one: "Kenyan police serving" is a mention in passing
    assert (arrival["date"], arrival["size"], arrival["status"]) == ("2024-06", "200", "arrived")


def test_the_same_article_and_data_give_the_same_bytes(draft_004):
    assert propose(ARTICLE_004).to_yaml() == draft_004.to_yaml()


def test_nothing_is_downloaded(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("propose opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(propose(FIXTURES / "release_bahamas_adhesion.txt", FIXTURES / "data").facts) == 11
