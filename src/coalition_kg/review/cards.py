"""A draft (``coalition-kg propose``'s output) or a facts file, read into the cards of a review.

The draft's format is propose's public interface: the curated YAML, and comments that say what
the YAML cannot — above each fact ``# [start, end) rule RULE, confidence C`` (the sentence's
characters in the article), ``# DECIDE: ...`` and ``# note: ...``; at the top, the new register
entries as commented register lines. They are read here from the text, with ruamel.yaml for the
values and their lines, so that any draft file (one written by ``propose -o`` yesterday too) can
be reviewed. A facts file that is not a draft (one Save wrote, or a curator's) gives cards that
are accepted already, its comments kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from coalition_kg.curation.model import COMMON_FACT_FIELDS, FACT_KINDS, SOURCE_KEYS

#: How propose's draft begins; a file that begins otherwise is a curated facts file.
DRAFT_MARK = "# Draft facts proposed by `coalition-kg propose`"
_SPAN = re.compile(r"^\[(\d+), (\d+)\) rule (\S+), confidence ([0-9.]+)$")
_ADDED = re.compile(r"^\[(\d+), (\d+)\) added by the curator$")
_NEW_ENTRIES = "(the lines below, without their first character, are entries of its 'entities:')."
_WHY = re.compile(r"^#  - id: (\S+)\s+# new: (.*)$")


class CardsError(ValueError):
    """A draft or facts file that cannot be read into cards: where, and what was found."""


@dataclass
class FactCard:
    """One fact of the article: its kind, id, values and sentence, and the curator's decision."""

    key: str
    kind: str
    id: str
    values: dict[str, str]
    evidence: str
    span: tuple[int, int] | None = None
    rule: str = ""
    confidence: float | None = None
    decide: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    status: str = "open"
    origin: str = "draft"
    edits: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.id}"


@dataclass
class EntityCard:
    """A register entry the draft proposes: accepted into the register, rejected, or linked to an
    entry the register has (``linked_to``), whose references then replace it in the facts."""

    key: str
    ref: str
    label: str
    why: str = ""
    kind: str = ""
    part_of: str = ""
    wikidata: str = ""
    status: str = "open"
    linked_to: str = ""
    relinked: list[list[str]] = field(default_factory=list)


@dataclass
class Reading:
    """What a draft or facts file says: its source header, its comments and its cards."""

    source: dict[str, str]
    header_comments: list[str]
    facts: list[FactCard]
    entities: list[EntityCard]
    decisions: list[str]
    draft: bool


def read_cards(text: str, where: str) -> Reading:
    """The cards of ``text``, a draft or facts file (``where`` names it in errors)."""
    try:
        document = YAML(typ="rt").load(text)
    except YAMLError as error:
        raise CardsError(f"{where}: not readable YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(document, dict) or not isinstance(document.get("source"), dict):
        raise CardsError(f"{where}: not a facts file (expected a 'source:' mapping and 'facts:')")
    lines = text.split("\n")
    draft = text.startswith(DRAFT_MARK)
    source = {key: str(value) for key, value in document["source"].items() if key in SOURCE_KEYS and value is not None}
    facts = [_fact(item, index, _comments_above(lines, document["facts"].lc.item(index)[0]), draft, where)
             for index, item in enumerate(document.get("facts") or [])]
    return Reading(source, _header(lines), facts, _new_entities(lines), _decisions(lines), draft)


def _fact(item: object, index: int, comments: list[str], draft: bool, where: str) -> FactCard:
    if not isinstance(item, dict) or item.get("kind") not in FACT_KINDS:
        raise CardsError(f"{where}: fact {index + 1} is not a fact of a known kind")
    kind = str(item["kind"])
    allowed = (*COMMON_FACT_FIELDS, *FACT_KINDS[kind].fields)
    values = {str(k): str(v) for k, v in item.items()
              if k in allowed and k not in ("id", "kind", "evidence") and v is not None and str(v) != ""}
    card = FactCard(f"f{index + 1}", kind, str(item.get("id") or ""), values, str(item.get("evidence") or ""),
                    status="open" if draft else "accepted", origin="draft" if draft else "file")
    for comment in comments:
        if span := _SPAN.match(comment):
            card.span = (int(span[1]), int(span[2]))
            card.rule, card.confidence = span[3], float(span[4])
        elif added := _ADDED.match(comment):
            card.span, card.origin = (int(added[1]), int(added[2])), "added"
        elif comment.startswith("DECIDE: "):
            card.decide.append(comment.removeprefix("DECIDE: "))
        else:
            card.comments.append(comment)
    return card


def _comments_above(lines: list[str], line: int) -> list[str]:
    """The comment lines right above line ``line`` (0-based), without their ``# ``."""
    start = line
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return [lines[n].lstrip()[1:].removeprefix(" ") for n in range(start, line)]


def _header(lines: list[str]) -> list[str]:
    """The file's opening comments, up to the first blank or YAML line."""
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line[1:].removeprefix(" "))
    return header


def _decisions(lines: list[str]) -> list[str]:
    """The draft's "Needs a decision" list."""
    decisions, inside = [], False
    for line in lines:
        if line.startswith("# Needs a decision ("):
            inside = True
        elif inside and line.startswith("#   - "):
            decisions.append(line.removeprefix("#   - "))
        elif inside:
            break
    return decisions


def _new_entities(lines: list[str]) -> list[EntityCard]:
    """The new register entries the draft lists in its opening comments."""
    if f"# {_NEW_ENTRIES}" not in lines:
        return []
    block = []
    for line in lines[lines.index(f"# {_NEW_ENTRIES}") + 1:]:
        if not line.startswith("#  "):
            break
        block.append(line)
    why = {match[1]: match[2] for line in block if (match := _WHY.match(line))}
    try:
        entries = YAML(typ="safe").load("\n".join(line[1:] for line in block)) or []
    except YAMLError:
        return []
    return [EntityCard(f"e{n}", str(entry["id"]), str(entry.get("label") or ""), why.get(str(entry["id"]), ""),
                       str(entry.get("kind") or ""), str(entry.get("part_of") or ""), str(entry.get("wikidata") or ""))
            for n, entry in enumerate(entries, 1) if isinstance(entry, dict) and entry.get("id")]
