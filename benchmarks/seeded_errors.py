"""Known errors seeded into generated data, one of each kind, that validation must find exactly.

Each seeding changes one curated value so that exactly one SHACL result follows,
and says where (record and field) and with which message the result must come.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .documents import Document, Record
from .world import UNKNOWN_STATE


@dataclass(frozen=True)
class Seeded:
    """An error put into ``record`` (of ``document``, or of the register when None).

    ``field`` is the curated field whose line the result points at; None for the record's own line.
    """

    kind: str
    document: Document | None
    record: Record
    field: str | None
    message: str


Seeder = Callable[[random.Random, list[Document], list[Record]], Seeded]


def _pick(rng: random.Random, documents: list[Document], kind: str, taken: set[int]) -> tuple[Document, Record]:
    candidates = [(doc, fact) for doc in documents for fact in doc.facts if fact.kind == kind and id(fact) not in taken]
    doc, fact = rng.choice(candidates)
    taken.add(id(fact))
    return doc, fact


def _seeders(taken: set[int]) -> dict[str, Seeder]:
    """The kinds of error, each a function that seeds one; ``taken`` keeps them on distinct records."""

    def bad_date(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, [d for d in documents if d.id.startswith("contributors-")], "instrument", taken)
        fact.fields["date"] = fact.fields["date"][:4] + "-02-30"
        return Seeded("bad-date", doc, fact, "date", "'date:' must be one real calendar date")

    def negative_size(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, documents, "deployment", taken)
        fact.fields["size"] = "-" + fact.fields["size"]
        return Seeded("negative-size", doc, fact, "size", "'size:' must be a whole number of at least 1")

    def unknown_state(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, documents, "deployment", taken)
        fact.fields["state"] = f"state/{UNKNOWN_STATE}"
        return Seeded("unknown-state", doc, fact, "state", "'state:' must name one state of the register")

    def evidence_not_in_text(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, documents, "deployment", taken)
        fact.fields["evidence"] = fact.fields["evidence"].replace(" serving with ", " deployed with ")
        return Seeded("evidence-not-in-text", doc, fact, "evidence", "must be quoted exactly as it stands in the source text")

    def unknown_deployment_kind(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, documents, "deployment", taken)
        fact.fields["deployment_kind"] = "tanks"
        return Seeded("unknown-deployment-kind", doc, fact, "deployment_kind",
                      "'deployment_kind:' must be one concept of the deployment-kind scheme")

    def instrument_mismatch(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, [d for d in documents if d.id.startswith("contributors-")], "membership", taken)
        other = next(f for f in doc.facts if f.kind == "membership" and f is not fact)
        fact.fields["instrument"] = other.fields["instrument"]
        return Seeded("instrument-mismatch", doc, fact, None, "The instrument of a membership must be the member's own")

    def statement_not_in_evidence(rng, documents, _register) -> Seeded:
        doc, fact = _pick(rng, documents, "statement", taken)
        fact.fields["text"] = fact.fields["text"].removesuffix(".") + " and beyond."
        return Seeded("statement-not-in-evidence", doc, fact, None, "A statement's 'text:' must occur word for word")

    def bad_wikidata(rng, _documents, register) -> Seeded:
        entity = rng.choice([e for e in register if e.id.startswith("state/")])
        entity.fields["wikidata"] = "Q0" + entity.fields["wikidata"][1:]
        return Seeded("bad-wikidata", None, entity, "wikidata", "'wikidata:' must be one Wikidata item identifier")

    return {
        "bad-date": bad_date,
        "negative-size": negative_size,
        "unknown-state": unknown_state,
        "evidence-not-in-text": evidence_not_in_text,
        "unknown-deployment-kind": unknown_deployment_kind,
        "instrument-mismatch": instrument_mismatch,
        "statement-not-in-evidence": statement_not_in_evidence,
        "bad-wikidata": bad_wikidata,
    }


ERROR_KINDS = tuple(_seeders(set()))


def seed_errors(rng: random.Random, count: int, documents: list[Document], register: list[Record]) -> list[Seeded]:
    """Seed ``count`` errors of distinct kinds (the first ``count`` of :data:`ERROR_KINDS`)."""
    if not 0 <= count <= len(ERROR_KINDS):
        raise ValueError(f"--errors {count}: expected 0 to {len(ERROR_KINDS)}, one error of each kind")
    seeders = _seeders(set())
    return [seeders[kind](rng, documents, register) for kind in ERROR_KINDS[:count]]
