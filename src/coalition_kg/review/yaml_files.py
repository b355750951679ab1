"""The facts file and the register as a curator writes them, with ruamel.yaml.

ruamel.yaml rather than PyYAML: it reads and writes comments, and gives a file it read back
byte for byte, so that adding entries to ``data/register.yaml`` keeps every comment and blank
line the curators wrote there, and the facts file keeps the comment above each fact (its
sentence's characters, the rule and confidence, what was decided). Values are written as the
curated files write them: ids, kinds, references and concepts bare, everything else in double
quotes (which also escapes any control character of an article).
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from coalition_kg.curation.model import COMMON_FACT_FIELDS, FACT_KINDS, SOURCE_KEYS
from coalition_kg.review.cards import EntityCard, FactCard
from coalition_kg.review.session import ENTITY_REF, Session

_BARE_TERMS = ("ref", "concept")
_REVIEWED = [
    "Facts stated by one source document, reviewed with `coalition-kg review` from the draft of",
    "`coalition-kg propose`. Every fact quotes, in `evidence`, the sentence of the source text that",
    "states it, exactly as written there; the comment above a fact gives that sentence's characters",
    "in the article ([start, end)), and the rule that proposed the fact and its confidence, or that",
    "the curator added it.",
]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 1 << 16  # never fold a sentence
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def facts_file(session: Session, cards: list[FactCard], text_path: str | None = None) -> str:
    """The facts file of ``cards``; ``text_path`` in place of the header's own ``text:`` (validation
    reads the article where it is)."""
    document = CommentedMap()
    header = {**session.source, "text": text_path or session.source["text"]}
    document["source"] = CommentedMap((key, _scalar(key, header[key])) for key in SOURCE_KEYS if header.get(key))
    facts = CommentedSeq()
    for index, card in enumerate(cards):
        facts.append(_fact(card))
        facts.yaml_set_comment_before_after_key(index, before="\n".join(_comments(card)) or None, indent=2)
    document["facts"] = facts
    comments = session.header_comments if not session.draft else _REVIEWED
    document.yaml_set_start_comment("\n".join(comments) + "\n")
    document.yaml_set_comment_before_after_key("facts", before="\n")
    return _dump(document)


def fact_lines(text: str) -> list[int]:
    """The line (1-based) on which each fact of a facts file written here begins."""
    return [number for number, line in enumerate(text.split("\n"), 1) if line.startswith("  - id: ")]


def with_entries(register_text: str, entries: list[EntityCard], source_id: str) -> str:
    """``data/register.yaml``'s text with ``entries`` added at the end of its entities (those it
    does not have already), every other line as it was."""
    document = _yaml().load(register_text)
    entities = document.get("entities")
    if entities is None:
        entities = document["entities"] = CommentedSeq()
    present = {str(entry.get("id")) for entry in entities if isinstance(entry, dict)}
    for entry in entries:
        if entry.ref in present or not ENTITY_REF.match(entry.ref):
            continue
        entities.append(_entry(entry))
        why = f": {entry.why}" if entry.why else ""
        first = len(entities) - 1 == len(present)
        note = f"{'' if not first else chr(10)}added by coalition-kg review from source {source_id}{why}"
        entities.yaml_set_comment_before_after_key(len(entities) - 1, before=note, indent=2)
    return _dump(document)


def _fact(card: FactCard) -> CommentedMap:
    fact = CommentedMap([("id", card.id), ("kind", card.kind)])
    fields = FACT_KINDS[card.kind].fields
    for name in fields:
        if card.values.get(name):
            bare = fields[name].term in _BARE_TERMS
            fact[name] = card.values[name] if bare else DoubleQuotedScalarString(card.values[name])
    fact["evidence"] = DoubleQuotedScalarString(card.evidence)
    for name in COMMON_FACT_FIELDS:
        if name not in fact and card.values.get(name):
            fact[name] = DoubleQuotedScalarString(card.values[name])
    return fact


def _comments(card: FactCard) -> list[str]:
    lines = []
    if card.span and card.origin == "added":
        lines.append(f"[{card.span[0]}, {card.span[1]}) added by the curator")
    elif card.span and card.rule:
        lines.append(f"[{card.span[0]}, {card.span[1]}) rule {card.rule}, confidence {card.confidence:.2f}")
    lines += card.comments
    lines += [f"decided: {decision}" for decision in card.decide]
    if card.edits:
        lines.append("edited in review: " + "; ".join(card.edits))
    return [line.replace("\n", " ") for line in lines]


def _entry(entry: EntityCard) -> CommentedMap:
    values = CommentedMap([("id", entry.ref)])
    if entry.kind and entry.ref.startswith("org/"):
        values["kind"] = entry.kind
    values["label"] = entry.label
    for name in ("wikidata", "part_of"):
        if getattr(entry, name):
            values[name] = getattr(entry, name)
    return values


def _scalar(key: str, value: str) -> object:
    return value if key == "language" else DoubleQuotedScalarString(value)


def _dump(document: object) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()
