"""People's names in an article: runs of proper nouns (with the particles, initials and suffixes
of names), cut free of the titles before them, split by ``nameparser``, and never an office or a
body.

A run is a person's name when it keeps a first and a last name once its titles are cut
("Foreign Minister María Luisa Ramírez de León" -> "María Luisa Ramírez de León"), no word of it
is an office or a body ("the Foreign Office", "the Ministry of Home Affairs"), and it stands next
to a title or a speech verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName
from nameparser.config import CONSTANTS
from spacy.tokens import Doc

from coalition_kg.curation.propose import cues

_INITIAL = re.compile(r"^[A-Z]\.$")
#: The particles inside a name ("de la", "van der"), and the Kalenjin "arap" ("Kiplagat arap Rotich")
#: that nameparser's list lacks.
_PARTICLES = frozenset(CONSTANTS.prefixes) | {"arap", "wa"}
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")


@dataclass(frozen=True)
class NameRun:
    """A person's name: tokens ``[start, end)`` of the article, and the name as written."""

    start: int
    end: int
    text: str
    titled: bool = False  # a title or rank was cut from its front ("Colonel", "Foreign Minister")

    @property
    def surname(self) -> str:
        """The last name as ``nameparser`` reads it ("de León", "Asante-Mensah")."""
        return HumanName(self.text).last


def is_office_or_body(words: str) -> bool:
    """Whether any word names an office or a body ("Foreign Office", "Home Affairs")."""
    return any(word.lower().strip(".,") in cues.BODY_WORDS for word in words.replace("-", " ").split())


def name_runs(doc: Doc, taken: set[int], titles: set[int]) -> list[NameRun]:
    """Every run of name words outside ``taken`` (tokens of linked mentions), cut free of the
    titles before it; ``titles`` are the tokens of the role words found in the article."""
    runs = []
    i = 0
    while i < len(doc):
        if not _starts_name(doc[i], taken):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and _continues_name(doc, end, taken):
            end += 1
        while end > i and (not _ends_name(doc[end - 1]) or _honours(doc[end - 1])):
            end -= 1
        run = _without_titles(doc, i, end, titles)
        if run is not None:
            runs.append(run)
        i = max(end, i + 1)
    return runs


def _starts_name(token, taken: set[int]) -> bool:
    return token.i not in taken and bool(_CAPITALISED.match(token.text)) and not token.is_punct


def _continues_name(doc: Doc, i: int, taken: set[int]) -> bool:
    token = doc[i]
    if i in taken or token.is_space:
        return False
    if _CAPITALISED.match(token.text) or _INITIAL.match(token.text):
        return True
    joins = token.text in ("-", "'", "’") or token.lower_ in _PARTICLES
    after = i + 1
    while joins and after < len(doc) and doc[after].lower_ in _PARTICLES:
        after += 1  # "Cissé de la Roche", "Hounkanrin-de Souza"
    following = doc[after] if after < len(doc) else None
    return joins and following is not None and bool(_CAPITALISED.match(following.text)) and following.i not in taken


def _honours(token) -> bool:
    """Letters of an honour or degree after a name ("OBE", "MP"), which nameparser lists."""
    return token.is_upper and len(token) > 1 and token.lower_.rstrip(".") in CONSTANTS.suffix_acronyms


def _ends_name(token) -> bool:
    return bool(_CAPITALISED.match(token.text) or _INITIAL.match(token.text))


def _without_titles(doc: Doc, start: int, end: int, titles: set[int]) -> NameRun | None:
    """The run without its leading titles, honorifics, stop words and office words; None when
    what is left is no person's name."""
    titled = False
    while start < end and (start in titles or _is_title_word(doc[start]) or _joins_two_titles(doc, start, end)):
        titled = titled or start in titles or doc[start].lower_.rstrip(".") in (*cues.HONORIFICS, *CONSTANTS.titles)
        start += 1
    while start < end and doc[start].lower_ in _PARTICLES:
        start += 1
    if start >= end:
        return None
    span = doc[start:end]
    if is_office_or_body(span.text) or any(t.lower_ in cues.MONTHS or t.like_num for t in span):
        return None
    name = HumanName(span.text)
    words = [t for t in span if _CAPITALISED.match(t.text) and not _INITIAL.match(t.text)
             and t.lower_.rstrip(".") not in CONSTANTS.suffix_not_acronyms]
    if not name.first or not name.last or len(words) < 2:
        return None
    return NameRun(start, end, span.text, titled or _after_bracketed_grade(doc, start))


def _after_bracketed_grade(doc: Doc, start: int) -> bool:
    """"Rear Admiral (JG) X", "Major General (Ret'd) X": a rank, then its grade in brackets."""
    opening = next((i for i in range(start - 2, max(start - 5, 0), -1) if doc[i].text == "("), None)
    return (start > 0 and doc[start - 1].text == ")" and opening is not None
            and doc[opening - 1].lower_.rstrip(".") in cues.HONORIFICS)


def _joins_two_titles(doc: Doc, i: int, end: int) -> bool:
    """The hyphen of "Lieutenant-Colonel", "Brigadier-General": a rank written as one word."""
    return (doc[i].text == "-" and 0 < i and i + 1 < end and _is_title_word(doc[i - 1])
            and _is_title_word(doc[i + 1]))


def _is_title_word(token) -> bool:
    word = token.lower_.rstrip(".")
    return (token.is_stop or word in CONSTANTS.titles or word in cues.HONORIFICS
            or word in cues.BODY_WORDS or word in cues.ROLE_WORDS)


def beside_title_or_speech(doc: Doc, run: NameRun, title_ends: set[int], title_starts: set[int]) -> bool:
    """Next to a title ("Prime Minister X", "X, Barbados's prime minister", "the minister, X,")
    or to a speech verb ("X said", "said X")."""
    after = doc[run.end] if run.end < len(doc) else None
    if run.titled or run.start in title_ends or any(run.start - 3 <= e <= run.start for e in title_ends
                                      if all(doc[k].lower_ in CONSTANTS.titles or doc[k].lower_.rstrip(".")
                                             in cues.HONORIFICS for k in range(e, run.start))):
        return True
    if after is not None and after.text in (",", "(") and any(
            s in title_starts for s in range(run.end, min(run.end + 8, len(doc)))):
        return True
    if run.start > 0 and doc[run.start - 1].text in (",", "and") and any(0 < run.start - e <= 8 for e in title_ends):
        return True
    return (after is not None and after.lower_ in cues.SPEECH_VERBS) or (
        run.start > 0 and doc[run.start - 1].lower_ in cues.SPEECH_VERBS) or _names_a_speaker(doc, run)


def _names_a_speaker(doc: Doc, run: NameRun) -> bool:
    """"said the EU's High Representative, Kaja Lindqvist-Tamm": a name set beside the one who speaks."""
    speaker = next((t.head for t in doc[run.start: run.end] if not run.start <= t.head.i < run.end), None)
    return run.start > 0 and doc[run.start - 1].text == "," and speaker is not None and speaker.i < run.start \
        and speaker.pos_ in ("NOUN", "PROPN") and speaker.head.lemma_ in cues.SPEECH_LEMMAS
