"""What the pickers offer: for a vocabulary field, the scheme's concepts with their labels and
definitions; for an entity field, the register's entries of the kinds the field takes, searched
by label, other name, code and demonym; and the label of every value a card shows.

The fields, their kinds and their concepts come from :mod:`coalition_kg.validation.guide`, the
source of ``coalition-kg model``: what a picker offers is what validation accepts. The register
is the project's as edited in the review (its accepted and proposed entries added); the other
names are those the built graph's name facts give (``skos:altLabel``); demonyms, two-letter codes
and a state's other names are those ``propose`` reads (:mod:`coalition_kg.curation.propose.countries`,
the propose extra's), by the state's ISO 3166-1 alpha-3 code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES
from coalition_kg.core.namespaces import PREFIXES, short_form
from coalition_kg.curation.reader import read_files
from coalition_kg.review.session import Session
from coalition_kg.validation.guide import Concept, FieldGuide, describe

_KINDS_IN_VALUE = re.compile(r"\(([a-z][a-z-]*)/<")
_LIMIT = 12


@dataclass(frozen=True)
class FieldChoice:
    """One field of a kind as its picker offers it."""

    name: str
    required: bool
    value: str
    meaning: str
    concepts: tuple[Concept, ...] = ()
    kinds: tuple[str, ...] = ()

    @property
    def picker(self) -> str:
        if self.concepts:
            return "concept"
        if self.kinds and set(self.kinds) <= {"state", "org", "person", "mission"}:
            return "entity"
        if self.kinds:
            return "fact"
        return "text"


@cache
def fields_of(kind: str) -> tuple[FieldChoice, ...]:
    """The fields a card of ``kind`` edits (its own and the note), as the model describes them."""
    described = describe(kind)
    return tuple(_choice(entry, described.vocabularies) for entry in described.fields
                 if entry.name not in ("id", "kind", "evidence"))


def _choice(entry: FieldGuide, vocabularies: dict[str, list[Concept]]) -> FieldChoice:
    concepts = tuple(vocabularies.get(entry.scheme, ())) if entry.scheme else ()
    kinds = tuple(dict.fromkeys(_KINDS_IN_VALUE.findall(entry.value)))
    return FieldChoice(entry.name, entry.required == "required", entry.value, entry.meaning, concepts, kinds)


@dataclass(frozen=True)
class Match:
    """A register entry a search found, and what of it matched."""

    ref: str
    label: str
    matched: str
    proposed: bool = False


@dataclass
class Entry:
    ref: str
    label: str
    names: list[tuple[str, str]] = field(default_factory=list)
    proposed: bool = False


class Register:
    """The register as the review has it, for labels and searches."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries

    @classmethod
    def read(cls, data_dir: Path, store: pyoxigraph.Store | None, session: Session,
             max_bytes: int = MAX_INPUT_BYTES) -> Register:
        register = read_files([data_dir / "register.yaml"], max_bytes).register
        entries = {}
        for record in register.entities if register else []:
            label = record.values["label"].text if "label" in record.values else record.id
            entries[record.id] = Entry(record.id, label)
        for card in session.entities:
            if card.status in ("open", "accepted") and card.ref not in entries:
                entries[card.ref] = Entry(card.ref, card.label, proposed=card.status == "open")
        for ref, other in _other_names(store):
            if ref in entries:
                entries[ref].names.append(("other name", other))
        for entry in entries.values():
            entry.names[:0] = [("label", entry.label), ("id", entry.ref)]
            if entry.ref.startswith("state/"):
                entry.names += _state_names(entry.ref.split("/", 1)[1])
        return cls(entries)

    def label(self, ref: str) -> str:
        entry = self.entries.get(ref)
        return entry.label if entry else ""

    def refs(self) -> set[str]:
        return {ref for ref, entry in self.entries.items() if not entry.proposed}

    def search(self, text: str, kinds: tuple[str, ...] = ()) -> list[Match]:
        """The entries of ``kinds`` (all if none) whose label, other name, code or demonym matches ``text``."""
        wanted = _folded(text)
        if not wanted:
            return []
        found = []
        for entry in self.entries.values():
            if kinds and entry.ref.split("/", 1)[0] not in kinds:
                continue
            scored = [(_score(wanted, _folded(name)), what, name) for what, name in entry.names]
            score, what, name = max(scored)
            if score > 0:
                found.append((-score, entry.label.casefold(), Match(entry.ref, entry.label, f"{what} {name!r}",
                                                                     entry.proposed)))
        return [match for *_, match in sorted(found, key=lambda item: item[:2])][:_LIMIT]


def _score(wanted: str, name: str) -> int:
    if name == wanted:
        return 4
    if name.startswith(wanted):
        return 3
    if any(word.startswith(wanted) for word in name.split()):
        return 2
    return 1 if wanted in name else 0


def _folded(text: str) -> str:
    """Case, accents and spacing aside: "Arévalo" finds "Arevalo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _other_names(store: pyoxigraph.Store | None) -> list[tuple[str, str]]:
    if store is None:
        return []
    query = f"SELECT DISTINCT ?s ?name WHERE {{ ?s <{PREFIXES['skos']}altLabel> ?name }}"
    return [(short_form(row["s"].value), row["name"].value) for row in store.query(query)
            if isinstance(row["s"], pyoxigraph.NamedNode)]


def _state_names(code: str) -> list[tuple[str, str]]:
    """A state's ISO codes, demonyms and other names, as ``propose`` reads them (countryinfo's,
    with the adjectives English also uses: "Trinidadian", "Philippine")."""
    from coalition_kg.curation.propose.countries import countries

    _name, others, demonyms, alpha2 = countries().get(code, ("", (), (), ""))
    return [("code", code), *(("demonym", demonym) for demonym in demonyms),
            *([("code", alpha2)] if alpha2 else []), *(("other name", other) for other in others)]
