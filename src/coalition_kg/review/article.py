"""The article as the page shows it: paragraphs of sentences, each piece of text marked with the
cards whose sentence covers it, and every character shown as text.

Sentences come from spaCy's rule-based sentencizer on a blank English pipeline (the propose
extra's; nothing downloaded), within each line of the article. The marks come from each card's
own sentence, wherever the sentencizer splits: the draft's span when it still holds the card's
evidence, else where the evidence first occurs in the article.

Characters that would not show as themselves (control characters, the direction overrides that
reorder what follows them) are shown as a visible sign and their code point, never passed to the
page as they are.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup, escape

from coalition_kg.review.cards import FactCard

#: Format characters that change how the text around them is shown: bidirectional controls.
_DIRECTION = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


@dataclass(frozen=True)
class Piece:
    """A run of text within one sentence, and the cards whose sentence covers it."""

    text: str
    cards: tuple[str, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence, its pieces, the cards that mark it, and the spaces that follow it."""

    start: int
    end: int
    pieces: tuple[Piece, ...]
    cards: tuple[str, ...]
    tail: str = ""


def card_span(card: FactCard, text: str) -> tuple[int, int] | None:
    """Where ``card``'s evidence stands in ``text``."""
    if card.span and text[card.span[0]:card.span[1]] == card.evidence:
        return card.span
    at = text.find(card.evidence) if card.evidence else -1
    return (at, at + len(card.evidence)) if at >= 0 else None


def paragraphs(text: str, cards: list[FactCard]) -> list[list[Sentence]]:
    """The article's lines, each a list of sentences whose pieces carry the cards that mark them."""
    spans = [(span, card.key) for card in cards if (span := card_span(card, text))]
    found = []
    for start, end in _lines(text):
        bounds = _sentences(text[start:end], start)
        tails = [text[e:following] for (_, e), (following, _) in zip(bounds, [*bounds[1:], (end, end)])]
        found.append([_sentence(text, s, e, spans, tail) for (s, e), tail in zip(bounds, tails)])
    return [line for line in found if line]


def sentence_at(text: str, start: int) -> tuple[int, int] | None:
    """The sentence of the page that begins at ``start``."""
    for line_start, line_end in _lines(text):
        for span in _sentences(text[line_start:line_end], line_start):
            if span[0] == start:
                return span
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


#: What opens a quotation or an aside: the sentencizer leaves it at the end of the sentence before.
_OPENING = "“‘\"'([«"


def _sentences(line: str, offset: int) -> list[tuple[int, int]]:
    if not line.strip():
        return []
    bounds = [[sentence.start_char, sentence.end_char] for sentence in _nlp()(line).sents if sentence.text.strip()]
    for before, after in zip(bounds, bounds[1:]):
        text = line[before[0]:before[1]]
        kept = text.rstrip(_OPENING + " ")
        if kept and kept != text.rstrip():
            opening = len(kept) + len(text[len(kept):]) - len(text[len(kept):].lstrip())
            after[0], before[1] = before[0] + opening, before[0] + len(kept)
    return [(offset + start, offset + end) for start, end in bounds]


@cache
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _sentence(text: str, start: int, end: int, spans: list[tuple[tuple[int, int], str]], tail: str) -> Sentence:
    inside = [(max(s, start), min(e, end), key) for (s, e), key in spans if s < end and e > start]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    pieces = tuple(Piece(text[a:b], tuple(key for s, e, key in inside if s <= a and b <= e))
                   for a, b in zip(cuts, cuts[1:]))
    return Sentence(start, end, pieces, tuple(dict.fromkeys(key for _, _, key in inside)), tail)


def visible(text: str) -> Markup:
    """``text`` escaped, its invisible or reordering characters shown as signs with their code point."""
    shown = []
    for character in text:
        code = ord(character)
        if character not in "\n\t" and (unicodedata.category(character) == "Cc" or code in _DIRECTION):
            sign = chr(0x2400 + code) if code < 0x20 else "\u2426" if code != 0x7F else "\u2421"
            shown.append(Markup('<span class="control" title="U+{:04X}">{}</span>').format(code, sign))
        else:
            shown.append(escape(character))
    return Markup("").join(shown)
