"""Hints that tell a curator how to fix a result, beyond what the shape's message says.

- A value outside a field's allowed concepts (``sh:in``): the closest allowed one
  ("did you mean prime-minister?").
- A reference that names nothing in the data (a mistyped id): the closest id of the same
  kind ("state/BRR is not in the register; did you mean state/BRB?"). What only follows
  from the typo is left out, so that one mistake gives one result: a count on the same
  field (two values where one is allowed, one of them the typo), and the warnings about
  the entry the typo probably meant (that no fact mentions it).
- A quoted text that does not occur in the text it quotes: where it first differs, and
  which characters ("a straight quote where the text has a curly one").

The results are the report's own (strings, as a curator reads them); ``known`` gives the
ids of one kind that the data holds, for suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from coalition_kg.core.namespaces import ID, PREFIXES, short_form
from coalition_kg.curation.model import REGISTER_PREFIXES
from coalition_kg.validation.report import ValidationResult

SH = Namespace("http://www.w3.org/ns/shacl#")
#: An id as the report shows it: ``state/BRB``, ``instrument/jam-adhesion``.
_ID = re.compile(r"^[a-z][a-z0-9-]*/[^/\s\"]+$")
#: How many characters of the matching part a difference is shown after.
_CONTEXT = 30
#: How alike a suggestion must be (difflib's ratio, 0 to 1).
_CUTOFF = 0.6

Known = Callable[[str], Iterable[str]]


def typed_ids(data: Graph) -> Known:
    """The ids of one kind (``state``) that have a type in ``data``."""
    def known(kind: str) -> set[str]:
        namespace = f"{ID}{kind}/"
        return {short_form(str(s)) for s in data.subjects(RDF.type, None) if str(s).startswith(namespace)}
    return known


def with_hints(results: Iterable[ValidationResult], data: Graph, shapes: Graph, known: Known) -> list[ValidationResult]:
    """``results`` with their hints, less those that only follow from a mistyped reference."""
    cache: dict[str, set[str]] = {}

    def ids(kind: str) -> set[str]:
        if kind not in cache:
            cache[kind] = set(known(kind))
        return cache[kind]

    hinted, mistyped, meant = [], set(), set()
    for result in results:
        hint = _hint(result, data, shapes, ids)
        if hint is not None:
            hinted.append(replace(result, hint=hint.text))
            if hint.unknown:
                mistyped.add((result.focus, result.path))
            if hint.suggestion:
                meant.add(hint.suggestion)
        else:
            hinted.append(result)
    return [r for r in hinted
            if not (r.value is None and (r.focus, r.path) in mistyped)
            and not (r.severity != "Violation" and r.focus in meant)]


@dataclass(frozen=True)
class _Hint:
    text: str
    unknown: bool = False
    suggestion: str | None = None


def _hint(result: ValidationResult, data: Graph, shapes: Graph, ids: Callable[[str], set[str]]) -> _Hint | None:
    if result.hint or result.value is None or not _ID.match(result.value):
        return None
    allowed = _allowed(shapes, result.shape)
    if allowed is not None:
        concepts = [short_form(str(concept)) for concept in allowed]
        suggestion = _closest(result.value, concepts) if result.value not in concepts else None
        return _Hint(f"did you mean {suggestion.split('/', 1)[1]}?") if suggestion else None
    if (URIRef(ID + result.value), RDF.type, None) in data:
        return None
    kind = result.value.split("/", 1)[0]
    where = "is not in the register" if kind in REGISTER_PREFIXES else "names no fact"
    suggestion = _closest(result.value, ids(kind))
    text = f"{result.value} {where}" + (f"; did you mean {suggestion}?" if suggestion else "")
    return _Hint(text, unknown=True, suggestion=suggestion)


def _allowed(shapes: Graph, shape: str) -> list | None:
    """The values a shape allows (``sh:in``), if it lists them."""
    prefix, colon, local = shape.partition(":")
    node = URIRef(PREFIXES[prefix] + local) if colon and prefix in PREFIXES else URIRef(shape)
    members = shapes.value(node, SH["in"])
    return list(Collection(shapes, members)) if members is not None else None


def _closest(written: str, candidates: Iterable[str]) -> str | None:
    """The id among ``candidates`` whose slug is most like the slug of ``written`` (letter case
    aside), if one is alike enough. The kinds are alike already: comparing them would make
    every id of the kind look close."""
    by_slug = {candidate.split("/", 1)[1].lower(): candidate for candidate in candidates if candidate != written}
    matches = difflib.get_close_matches(written.split("/", 1)[1].lower(), sorted(by_slug), n=1, cutoff=_CUTOFF)
    return by_slug[matches[0]] if matches else None


def first_difference(quoted: str, text: str) -> str | None:
    """Where ``quoted`` stops occurring in ``text``: its longest beginning found in ``text``, and
    the character that follows there in each. ``None`` when ``quoted`` occurs whole."""
    low, high = 0, len(quoted)  # a beginning occurs if a longer one does: search its length
    while low < high:
        middle = (low + high + 1) // 2
        if quoted[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low == len(quoted):
        return None
    if low == 0:
        return f"not even its first character, {_character(quoted[0])}, occurs in the text it quotes"
    at = text.index(quoted[:low]) + low
    found = _character(text[at]) if at < len(text) else "the end of the text"
    shown = quoted[max(0, low - _CONTEXT):low]
    ellipsis = "…" if low > _CONTEXT else ""
    return (f"first difference at character {low + 1}, after \"{ellipsis}{shown}\": "
            f"it has {_character(quoted[low])} where the text it quotes has {found}")


def _character(character: str) -> str:
    return f"{character!r} (U+{ord(character):04X} {unicodedata.name(character, 'unnamed character')})"
