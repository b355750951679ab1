"""The curator's review of one article: the cards, each decision on them, and how many actions
the curator took, kept between runs so that reopening the article resumes where it was left.

The state lives in ``build/review/<source>.json``, not in ``data/``: a build reads every file
of ``data/`` (its fingerprint covers them all), so a file there would make each click look like
a change of the curated data and every query rebuild; and what is undecided is not curated data.
``data/`` gets what Save writes. If the state is lost, the saved facts file is reopened instead,
its facts accepted. The article's SHA-256 is kept: a changed article is reviewed afresh.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from coalition_kg.core.atomic import write_atomic
from coalition_kg.curation.model import COMMON_FACT_FIELDS, FACT_KINDS, SOURCE_FIELDS
from coalition_kg.review.cards import EntityCard, FactCard, Reading

#: An id as the curated files write it, and a source document's.
FACT_ID = re.compile(r"^[A-Za-z0-9._-]+$")
SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
ENTITY_REF = re.compile(r"^(mission|state|org|person)/[A-Za-z0-9._-]+$")
STATUSES = ("open", "accepted", "rejected")
_VERSION = 1


class ReviewError(ValueError):
    """A change the review refuses, with a message for the curator."""


@dataclass
class Session:
    """One article under review."""

    article: str
    article_sha256: str
    source: dict[str, str]
    header_comments: list[str]
    facts: list[FactCard]
    entities: list[EntityCard]
    decisions: list[str] = field(default_factory=list)
    draft: bool = True
    actions: int = 0
    started_from: str = ""

    @classmethod
    def start(cls, article: Path, text: str, reading: Reading, started_from: str) -> Session:
        return cls(str(article), digest(text), reading.source, reading.header_comments, reading.facts,
                   reading.entities, reading.decisions, reading.draft, 0, started_from)

    @property
    def source_id(self) -> str:
        return self.source["id"]

    # --- finding cards ---------------------------------------------------------------

    def fact(self, key: str) -> FactCard:
        for card in self.facts:
            if card.key == key:
                return card
        raise ReviewError(f"no fact card {key!r}")

    def entity(self, key: str) -> EntityCard:
        for card in self.entities:
            if card.key == key:
                return card
        raise ReviewError(f"no register card {key!r}")

    def kept(self) -> list[FactCard]:
        """The facts that are not rejected: what is validated."""
        return [card for card in self.facts if card.status != "rejected"]

    def accepted(self) -> list[FactCard]:
        return [card for card in self.facts if card.status == "accepted"]

    def accepted_entities(self) -> list[EntityCard]:
        return [card for card in self.entities if card.status == "accepted"]

    def counts(self) -> dict[str, int]:
        return {status: sum(card.status == status for card in self.facts) for status in STATUSES}

    # --- decisions ---------------------------------------------------------------------

    def decide(self, key: str, status: str) -> None:
        """Accept, reject or reopen a fact card."""
        if status not in STATUSES:
            raise ReviewError(f"unknown decision {status!r}")
        card = self.fact(key)
        self._count(card.status != status)
        card.status = status

    def edit(self, key: str, fact_id: str, values: dict[str, str], evidence: str) -> None:
        """Give a fact card new values (empty ones are left out); the edited card is accepted."""
        card = self.fact(key)
        allowed = (*COMMON_FACT_FIELDS, *FACT_KINDS[card.kind].fields)
        unknown = sorted(set(values) - set(allowed))
        if unknown:
            raise ReviewError(f"a {card.kind} fact has no field {unknown[0]!r}")
        fact_id = fact_id.strip()
        if not FACT_ID.match(fact_id):
            raise ReviewError(f"the id {fact_id!r} must be letters, digits, '.', '_' or '-' (no spaces or '/')")
        if any(other is not card and other.ref == f"{card.kind}/{fact_id}" for other in self.kept()):
            raise ReviewError(f"another {card.kind} fact of this article has the id {fact_id!r}")
        new_values = {name: value.strip() for name, value in values.items() if value.strip()}
        changes = [name for name in sorted(set(new_values) | set(card.values))
                   if new_values.get(name) != card.values.get(name)]
        if fact_id != card.id:
            changes.insert(0, "id")
        if evidence != card.evidence:
            changes.append("evidence")
        for name in changes:
            before = card.evidence if name == "evidence" else card.id if name == "id" else card.values.get(name)
            card.edits.append(f"{name} (was {json.dumps(before, ensure_ascii=False)})" if before else f"{name} (added)")
        if fact_id != card.id:
            self._renamed(card.ref, f"{card.kind}/{fact_id}")
        card.id, card.values, card.evidence = fact_id, new_values, evidence
        self._count(bool(changes) or card.status != "accepted")
        card.status = "accepted"

    def add(self, kind: str, span: tuple[int, int], text: str) -> FactCard:
        """A fact the draft missed, stated by the sentence ``span`` of the article; accepted, to be filled in."""
        if kind not in FACT_KINDS:
            raise ReviewError(f"unknown fact kind {kind!r}; expected one of {', '.join(FACT_KINDS)}")
        start, end = span
        if not 0 <= start < end <= len(text):
            raise ReviewError(f"the sentence [{start}, {end}) is not in the article")
        taken = {card.ref for card in self.facts}
        number = sum(card.kind == kind for card in self.facts) + 1
        while f"{kind}/{self.source_id}-{kind}-{number}" in taken:
            number += 1
        card = FactCard(f"f{len(self.facts) + 1}", kind, f"{self.source_id}-{kind}-{number}", {},
                        text[start:end], span, status="accepted", origin="added")
        self.facts.append(card)
        self._count(True)
        return card

    def set_source(self, values: dict[str, str]) -> None:
        """The source header's id, label, language, date, URL and publisher."""
        changed = False
        source_id = values.get("id", self.source_id).strip()
        check_source_id(source_id)
        for name in ("id", "label", "language", *SOURCE_FIELDS):
            value = source_id if name == "id" else values.get(name, "").strip()
            if name == "label" and not value:
                raise ReviewError("a source document needs a label")
            if value != self.source.get(name, ""):
                changed = True
                if value:
                    self.source[name] = value
                else:
                    self.source.pop(name, None)
        self._count(changed)

    # --- register entries ---------------------------------------------------------------

    def decide_entity(self, key: str, status: str) -> None:
        """Accept or reject a proposed register entry, or reopen it (undoing a link)."""
        card = self.entity(key)
        if status not in STATUSES:
            raise ReviewError(f"unknown decision {status!r}")
        if card.status == "linked":
            self._unlink(card)
        self._count(card.status != status)
        card.status = status

    def edit_entity(self, key: str, ref: str, label: str, wikidata: str) -> None:
        card = self.entity(key)
        ref, label, wikidata = ref.strip(), label.strip(), wikidata.strip()
        if not ENTITY_REF.match(ref):
            raise ReviewError(f"{ref!r} is not a register id: state/<ISO code>, org/<slug>, person/<slug> or mission/<slug>")
        if not label:
            raise ReviewError("a register entry needs a label")
        if wikidata and not re.fullmatch(r"Q[1-9][0-9]*", wikidata):
            raise ReviewError(f"{wikidata!r} is not a Wikidata item id (Q and digits)")
        changed = (ref, label, wikidata) != (card.ref, card.label, card.wikidata)
        if ref != card.ref:
            self._renamed(card.ref, ref)
        card.ref, card.label, card.wikidata = ref, label, wikidata
        self._count(changed or card.status != "accepted")
        card.status = "accepted"

    def link_entity(self, key: str, existing: str, register: set[str]) -> None:
        """Use the register's entry ``existing`` instead of the proposed one, in every fact."""
        card = self.entity(key)
        existing = existing.strip()
        if existing not in register:
            raise ReviewError(f"{existing!r} is not in the register")
        if card.status == "linked":
            self._unlink(card)
        card.relinked = [[fact.key, name] for fact in self.facts for name, value in fact.values.items()
                         if value == card.ref]
        for fact_key, name in card.relinked:
            self.fact(fact_key).values[name] = existing
        card.status, card.linked_to = "linked", existing
        self._count(True)

    def _unlink(self, card: EntityCard) -> None:
        for fact_key, name in card.relinked:
            fact = self.fact(fact_key)
            if fact.values.get(name) == card.linked_to:
                fact.values[name] = card.ref
        card.relinked, card.linked_to = [], ""

    def _renamed(self, old: str, new: str) -> None:
        """References to ``old`` in the facts now name ``new``."""
        for fact in self.facts:
            for name, value in fact.values.items():
                if value == old:
                    fact.values[name] = new

    def _count(self, changed: bool) -> None:
        """One curator action, when it changed something."""
        if changed:
            self.actions += 1

    # --- keeping it ----------------------------------------------------------------------

    def to_json(self) -> bytes:
        return (json.dumps({"version": _VERSION, **asdict(self)}, ensure_ascii=False, indent=1) + "\n").encode()

    def write(self, path: Path) -> None:
        write_atomic(path, self.to_json())


def check_source_id(source_id: str) -> None:
    """A source id names files in ``data/``: it may not name a folder or climb out of one."""
    if not SOURCE_ID.match(source_id):
        raise ReviewError(f"{source_id!r} is not a source id: letters, digits, '.', '_' or '-', not starting with '.' "
                          "(it names the files data/facts/<id>.yaml and data/sources/<id>.txt)")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_session(path: Path, article_text: str) -> Session | None:
    """The review kept in ``path``, if there is one for this very article text."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.pop("version", None) != _VERSION or kept.get("article_sha256") != digest(article_text):
        return None
    try:
        facts = [FactCard(**{**card, "span": tuple(card["span"]) if card.get("span") else None}) for card in kept.pop("facts")]
        entities = [EntityCard(**card) for card in kept.pop("entities")]
        return Session(facts=facts, entities=entities, **kept)
    except (TypeError, KeyError):
        return None
