"""Every card checked as the curator decides: the facts that are not rejected, and the register
as edited (the project's with the accepted entries), validated by the incremental validator
against the built graph, which gives the verdict a full validation of the same data gives.

The files it validates are written to ``build/review/<source>/`` (the facts file reading the
article where it is); each result goes to the card it is about: a fact by its id or its
evidence's, a register entry by its id, the source header by the source's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError
from coalition_kg.core.atomic import write_atomic
from coalition_kg.review.session import Session
from coalition_kg.review.yaml_files import fact_lines, facts_file, with_entries
from coalition_kg.store.disk import open_store
from coalition_kg.validation.incremental import validate_increment
from coalition_kg.validation.report import ValidationResult

SOURCE_CARD = "source"


@dataclass
class Verdict:
    """The results of one check, by card key (``f3``, ``e1``, ``source``); ``unplaced`` those of no card."""

    by_card: dict[str, list[ValidationResult]] = field(default_factory=dict)
    unplaced: list[ValidationResult] = field(default_factory=list)
    error: str = ""

    def invalid(self, key: str) -> bool:
        return any(result.severity == "Violation" for result in self.by_card.get(key, []))


def check(session: Session, article: Path, data_dir: Path, build_dir: Path, work_dir: Path,
          max_bytes: int = MAX_INPUT_BYTES) -> Verdict:
    """Validate ``session``'s kept facts and accepted register entries against the build in ``build_dir``."""
    kept = session.kept()
    facts_text = facts_file(session, kept, text_path=str(article.resolve()))
    facts_path = work_dir / "facts" / f"{session.source_id}.yaml"
    register_path = work_dir / "register.yaml"
    try:
        register_text = (data_dir / "register.yaml").read_text(encoding="utf-8")
        write_atomic(facts_path, facts_text.encode("utf-8"))
        write_atomic(register_path, with_entries(register_text, session.accepted_entities(), session.source_id).encode())
        report = validate_increment([facts_path, register_path], open_store(build_dir), max_bytes=max_bytes)
    except InputError as error:
        return Verdict(error=_placed_error(error, facts_path, facts_text, kept))
    except (OSError, ValueError) as error:
        return Verdict(error=str(error))
    return _placed(report.results, session)


def _placed(results: list[ValidationResult], session: Session) -> Verdict:
    cards = {}
    for card in session.kept():
        cards[card.ref] = card.key
        cards[f"evidence/{quote(session.source_id, safe='')}.{card.kind}.{card.id}"] = card.key
    for entity in session.entities:
        cards.setdefault(entity.ref, entity.key)
    cards[f"source/{session.source_id}"] = SOURCE_CARD
    verdict = Verdict()
    for result in results:
        key = cards.get(result.focus)
        if key is None:
            verdict.unplaced.append(result)
        else:
            verdict.by_card.setdefault(key, []).append(result)
    return verdict


def _placed_error(error: InputError, facts_path: Path, facts_text: str, kept: list) -> str:
    """A file that cannot be read names its line; here, the card on that line."""
    if error.location.file == str(facts_path):
        starts = fact_lines(facts_text)
        before = [index for index, line in enumerate(starts) if line <= error.location.line]
        if before:
            return f"fact {kept[before[-1]].ref}: {error.problem}; expected {error.expected}"
    return f"{error.problem}; expected {error.expected}"
