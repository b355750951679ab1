"""Sentences as curators quote them: never cut inside a quotation, always ended by a line break."""

from __future__ import annotations

from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.propose.text import pipeline, quotations, sentences

TEXT = ("In a statement, U.S. officials said, “We welcome them. The mission will continue.” It ended.\n"
        "The talks were held in Washington, D.C.\n"
        "Headline without a full stop\n"
        "“Guatemala is ready,” Escobar said.")


def test_a_quotation_of_several_sentences_stays_in_one_sentence_and_a_line_break_ends_one():
    found = [s.text for s in sentences(pipeline()(TEXT))]
    assert found == [
        "In a statement, U.S. officials said, “We welcome them. The mission will continue.”",
        "It ended.",
        "The talks were held in Washington, D.C.",
        "Headline without a full stop",
        "“Guatemala is ready,” Escobar said.",
    ]


def test_a_quotation_is_its_words_without_marks_or_the_comma_closing_it():
    last = sentences(pipeline()(TEXT))[-1]
    [quotation] = quotations(last)
    assert quotation.text == "Guatemala is ready"
    assert TEXT[quotation.start:quotation.end] == "Guatemala is ready"


def test_every_sentence_of_the_project_articles_is_the_text_at_its_offsets():
    for path in sorted((DATA_DIR / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = sentences(pipeline()(text))
        assert all(text[s.start:s.end] == s.text for s in found)
        assert "Claudia Escobar, Guatemala’s ambassador to the OAS, emphasized the importance of fostering " \
               "security in Haiti to restore its democratic institutions." in [s.text for s in found] or \
               path.name.startswith("000")
