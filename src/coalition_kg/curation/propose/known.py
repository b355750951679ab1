"""What is known before an article is read: the register's entities and the facts of the
other sources, from the curated files (``data/register.yaml``, ``data/facts/*.yaml``).

The other sources give the entities' alternative names (their name facts) and the facts a new
article may state again, whose ids a draft reuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES
from coalition_kg.curation.reader import Record, read_files


@dataclass(frozen=True)
class KnownEntity:
    """A register entry: its reference, kind (``state``, ``person``...), label and parent."""

    ref: str
    kind: str
    label: str
    part_of: str | None = None


@dataclass
class Known:
    """The register's entities, the other names sources give them, and the other sources' facts."""

    entities: dict[str, KnownEntity] = field(default_factory=dict)
    other_names: dict[str, list[str]] = field(default_factory=dict)
    facts: list[Record] = field(default_factory=list)


def read_known(data_dir: Path, article_id: str, max_bytes: int = MAX_INPUT_BYTES) -> Known:
    """The register and the facts of every source but the article's own (``facts/<article_id>.yaml``,
    or any facts file whose source is ``article_id``): a draft is made as if the article were new."""
    facts_files = [path for path in sorted((data_dir / "facts").glob("*.yaml")) if path.stem != article_id]
    curation = read_files([data_dir / "register.yaml", *facts_files], max_bytes)
    known = Known()
    for record in curation.register.entities if curation.register else []:
        part_of = record.values.get("part_of")
        known.entities[record.id] = KnownEntity(
            record.id, record.kind, record.values["label"].text if "label" in record.values else record.id,
            part_of.text if part_of else None,
        )
    for source in curation.sources:
        if source.id == article_id:
            continue
        for fact in source.facts:
            known.facts.append(fact)
            if fact.kind == "name" and {"entity", "label"} <= fact.values.keys():
                names = known.other_names.setdefault(fact.values["entity"].text, [])
                if fact.values["label"].text not in names:
                    names.append(fact.values["label"].text)
    return known
