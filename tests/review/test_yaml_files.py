"""The files the review reads and writes: propose's draft read into cards (its comments included),
the register kept byte for byte with the accepted entries added, and a saved facts file that reads
back into the same cards and writes the same bytes."""

from __future__ import annotations

import pytest
from review_server import ARTICLES

from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.reader import read_files
from coalition_kg.review.cards import read_cards
from coalition_kg.review.session import ReviewError, Session
from coalition_kg.review.yaml_files import facts_file, with_entries

ARTICLE = ARTICLES / "007_fictional_trinidad.txt"
DRAFT = (ARTICLES / "007_fictional_trinidad.draft.yaml").read_text(encoding="utf-8")


def session() -> Session:
    return Session.start(ARTICLE, ARTICLE.read_text(encoding="utf-8"), read_cards(DRAFT, "draft"), "the draft")


def test_the_draft_reads_into_cards_with_what_its_comments_say():
    reading = read_cards(DRAFT, "draft")
    assert reading.draft and [card.ref for card in reading.facts][:3] == [
        "membership/tto-mss-haiti", "instrument/tto-signature", "deployment/tto-troops"]
    troops = reading.facts[2]
    assert (troops.span, troops.rule, troops.confidence, troops.status) == ((195, 267), "deployment.subject-of-verb", 0.85, "open")
    assert ARTICLE.read_text(encoding="utf-8")[195:267] == troops.evidence
    assert troops.values == {"state": "state/TTO", "mission": "mission/mss-haiti", "deployment_kind": "troops",
                             "status": "committed", "size": "50", "place": "state/HTI", "date": "2025-05"}
    post = next(card for card in reading.facts if card.kind == "post")
    assert post.decide == ["the sentence does not say which state or organization the post is in; 'organization:' "
                           "is the article's main state, state/TTO"]
    assert reading.facts[-1].comments == ["note: another source states this fact: the id mss-haiti-mssm is reused"]
    assert [(e.ref, e.label, e.why) for e in reading.entities] == [
        ("person/alicia-ramdeen", "Alicia Ramdeen", "a person named in the article"),
        ("state/ESP", "Spain", "a state not in the register (ISO 3166-1 code from countryinfo)"),
        ("state/TTO", "Trinidad and Tobago", "a state not in the register (ISO 3166-1 code from countryinfo)")]
    assert len(reading.decisions) == 4 and reading.source["id"] == "007_fictional_trinidad"


def test_accepted_entries_join_the_register_which_keeps_every_line_it_had(tmp_path):
    register = (DATA_DIR / "register.yaml").read_text(encoding="utf-8")
    reviewed = session()
    reviewed.decide_entity("e3", "accepted")
    reviewed.decide_entity("e1", "accepted")
    written = with_entries(register, reviewed.accepted_entities(), "007_fictional_trinidad")
    assert written.startswith(register)
    assert written[len(register):] == (
        "\n  # added by coalition-kg review from source 007_fictional_trinidad: a person named in the article\n"
        "  - id: person/alicia-ramdeen\n    label: Alicia Ramdeen\n"
        "  # added by coalition-kg review from source 007_fictional_trinidad: a state not in the register "
        "(ISO 3166-1 code from countryinfo)\n  - id: state/TTO\n    label: Trinidad and Tobago\n")
    assert with_entries(written, reviewed.accepted_entities(), "007_fictional_trinidad") == written
    (tmp_path / "register.yaml").write_text(written, encoding="utf-8")
    entries = {entry.id for entry in read_files([tmp_path / "register.yaml"]).register.entities}
    assert {"state/TTO", "person/alicia-ramdeen"} <= entries and "state/ESP" not in entries


def test_a_saved_file_reads_back_into_the_same_cards_and_the_same_bytes():
    reviewed = session()
    for card in reviewed.facts:
        reviewed.decide(card.key, "accepted")
    reviewed.decide("f5", "rejected")
    event = reviewed.fact("f8")
    reviewed.edit("f8", event.id, {**event.values, "agent": "state/TTO"}, event.evidence)
    saved = facts_file(reviewed, reviewed.accepted())
    assert saved.startswith("# Facts stated by one source document, reviewed with `coalition-kg review`")
    assert ("  # [0, 194) rule post.title-and-name+known-post, confidence 0.50\n  # decided: the sentence does not "
            "say which state") in saved
    assert "  # edited in review: agent (was \"person/alicia-ramdeen\")\n  - id: alicia-ramdeen-announcement\n" in saved
    reopened = read_cards(saved, "saved")
    assert not reopened.draft and all(card.status == "accepted" for card in reopened.facts)
    assert [(c.ref, c.values, c.evidence, c.span) for c in reopened.facts] == \
           [(c.ref, c.values, c.evidence, c.span) for c in reviewed.accepted()]
    again = Session.start(ARTICLE, ARTICLE.read_text(encoding="utf-8"), reopened, "the saved file")
    assert facts_file(again, again.accepted()) == saved


def test_edits_that_would_break_the_file_are_refused():
    reviewed = session()
    card = reviewed.fact("f1")
    with pytest.raises(ReviewError, match="must be letters, digits"):
        reviewed.edit("f1", "tto mss/haiti", card.values, card.evidence)
    with pytest.raises(ReviewError, match="another membership fact of this article has the id 'tto-mss-haiti'"):
        reviewed.add("membership", (0, 194), ARTICLE.read_text(encoding="utf-8"))
        reviewed.edit("f11", "tto-mss-haiti", {}, card.evidence)
    with pytest.raises(ReviewError, match="a membership fact has no field 'party'"):
        reviewed.edit("f1", card.id, {"party": "state/TTO"}, card.evidence)
    with pytest.raises(ReviewError, match="'state/XX' is not in the register"):
        reviewed.link_entity("e2", "state/XX", {"state/HTI"})


def test_a_proposed_entry_linked_to_the_register_s_own_is_named_by_every_fact_until_reopened():
    reviewed = session()
    named = {card.ref: name for card in reviewed.facts for name, value in card.values.items()
             if value == "person/alicia-ramdeen"}
    assert named == {"statement/alicia-ramdeen-stand-with-people": "speaker", "post/tto-foreign-minister": "holder",
                     "event/alicia-ramdeen-announcement": "agent"}
    reviewed.link_entity("e1", "person/claudia-escobar", {"person/claudia-escobar"})
    assert [reviewed.fact(card.key).values[named[card.ref]] for card in reviewed.facts if card.ref in named] == \
           ["person/claudia-escobar"] * 3
    assert reviewed.entity("e1").status == "linked" and reviewed.accepted_entities() == []
    reviewed.decide_entity("e1", "open")
    assert [card.values[named[card.ref]] for card in reviewed.facts if card.ref in named] == ["person/alicia-ramdeen"] * 3
    assert reviewed.actions == 2
