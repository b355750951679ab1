"""Numbers written in digits or words ("400", "1,200", "two hundred", "fifth"), read with
``text2num``."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token
from text_to_num import alpha2digit

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")


def cardinal(words: Span) -> int | None:
    """The whole number ``words`` spell ("two hundred", "1,200"), or None."""
    text = words.text.strip()
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    converted = alpha2digit(text, "en", threshold=0).strip()
    return int(converted.replace(",", "")) if _DIGITS.match(converted) else None


def ordinal(word: str) -> int | None:
    """The rank an ordinal gives ("fifth", "5th", "second"), or None."""
    match = _ORDINAL_DIGITS.match(alpha2digit(word, "en", threshold=0).strip())
    return int(match.group(1)) if match else None


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def ordinal_at(token: Token) -> tuple[int | None, int]:
    """The rank the ordinal ending at ``token`` gives, and the index of its first token: "twenty-sixth"
    is three tokens, of which "sixth" alone would give 6."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in _TENS:
        return ordinal(doc[token.i - 2: token.i + 1].text), token.i - 2
    return ordinal(token.text), token.i
