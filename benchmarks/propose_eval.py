"""How well ``coalition-kg propose`` finds the facts a curator records: precision and recall per
fact kind, on the annotated test articles (``tests/propose_articles``; those named ``heldout_*`` were
written after the rules last changed and are reported apart) and on the project's two articles,
whose curated facts (``data/facts``) are the reference.

A proposed fact is found when a reference fact has the same kind and key fields
(:data:`coalition_kg.curation.propose.matching.KEY_FIELDS`), each reference fact matching at
most one proposed fact. For each match, the other fields the reference gives are compared too
("details": how many agree). New register entries are scored by id, as the kind
``register-entry``. A project fact that is not found must be explained in
``benchmarks/propose_explained.yaml``; the report lists those that are not.

``make eval`` prints the table and writes ``build/eval.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, PROJECT_DIR
from coalition_kg.curation.propose import propose
from coalition_kg.curation.propose.matching import KEY_FIELDS, fact_key
from coalition_kg.curation.propose.vocabulary import CONCEPT_FIELDS, Vocabulary, read_vocabulary

FIXTURES = PROJECT_DIR / "tests" / "propose_articles"
EXPLAINED = Path(__file__).with_name("propose_explained.yaml")
REGISTER_ENTRY = "register-entry"


@dataclass
class Tally:
    """Counts for one kind: reference facts, proposed facts, matches, and agreeing details."""

    expected: int = 0
    proposed: int = 0
    found: int = 0
    details: int = 0
    details_agreeing: int = 0

    def add(self, other: Tally) -> None:
        for name in ("expected", "proposed", "found", "details", "details_agreeing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.found / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"expected": self.expected, "proposed": self.proposed, "found": self.found,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "details_agreeing": self.details_agreeing, "details": self.details}


@dataclass
class Score:
    """One article's score: a tally per kind, and the reference facts not found."""

    per_kind: dict[str, Tally] = field(default_factory=dict)
    missed: list[dict[str, str]] = field(default_factory=list)
    extra: list[dict[str, str]] = field(default_factory=list)

    def overall(self, kinds: Iterable[str] | None = None) -> Tally:
        total = Tally()
        for kind, tally in self.per_kind.items():
            if kinds is None or kind in kinds:
                total.add(tally)
        return total


def score(expected: list[Mapping[str, str]], proposed: list[Mapping[str, str]], vocabulary: Vocabulary) -> Score:
    """Match proposed facts to reference facts by kind and key fields, one to one."""
    result = Score()
    unmatched: dict[tuple[str, ...], list[Mapping[str, str]]] = {}
    for fact in proposed:
        unmatched.setdefault(fact_key(fact["kind"], fact, vocabulary), []).append(fact)
        result.per_kind.setdefault(fact["kind"], Tally()).proposed += 1
    for fact in expected:
        tally = result.per_kind.setdefault(fact["kind"], Tally())
        tally.expected += 1
        candidates = unmatched.get(fact_key(fact["kind"], fact, vocabulary))
        if not candidates:
            result.missed.append(dict(fact))
            continue
        match = candidates.pop(0)
        tally.found += 1
        for name, value in fact.items():
            if name in ("kind", "id", "evidence", "note", *KEY_FIELDS[fact["kind"]]):
                continue
            tally.details += 1
            tally.details_agreeing += _same(name, value, match.get(name), vocabulary)
    result.extra = [dict(fact) for facts in unmatched.values() for fact in facts]
    return result


def score_entities(expected: Iterable[str], proposed: Iterable[str]) -> Tally:
    """New register entries, by id."""
    wanted, given = Counter(expected), Counter(proposed)
    return Tally(expected=sum(wanted.values()), proposed=sum(given.values()), found=sum((wanted & given).values()))


def _same(name: str, expected: object, proposed: object, vocabulary: Vocabulary) -> bool:
    left, right = " ".join(str(expected or "").split()), " ".join(str(proposed or "").split())
    if name in CONCEPT_FIELDS and left and right:
        scheme = CONCEPT_FIELDS[name]
        return vocabulary.resolve(scheme, left).slug == vocabulary.resolve(scheme, right).slug
    return left == right


# --- the articles ---------------------------------------------------------------------


@dataclass
class ArticleResult:
    name: str
    group: str
    score: Score


def evaluate(vocabulary: Vocabulary) -> list[ArticleResult]:
    results = []
    for expectation in sorted(FIXTURES.glob("*.expected.yaml")):
        article = expectation.with_name(expectation.name.replace(".expected.yaml", ".txt"))
        reference = yaml.safe_load(expectation.read_text(encoding="utf-8"))
        draft = propose(article, FIXTURES / "data")
        result = score(_facts(reference["facts"]), _draft_facts(draft), vocabulary)
        result.per_kind[REGISTER_ENTRY] = score_entities(reference.get("new_entities", []),
                                                         [e.ref for e in draft.new_entities])
        group = "held-out" if article.name.startswith("heldout_") else "fixtures"
        results.append(ArticleResult(article.name, group, result))
    for facts_file in sorted((DATA_DIR / "facts").glob("*.yaml")):
        reference = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        article = (facts_file.parent / reference["source"]["text"])
        if not article.exists():
            article = DATA_DIR / reference["source"]["text"]
        draft = propose(article, DATA_DIR)
        results.append(ArticleResult(article.name, "project", score(_facts(reference["facts"]), _draft_facts(draft),
                                                                     vocabulary)))
    return results


def _facts(entries: list[Mapping[str, object]]) -> list[dict[str, str]]:
    return [{name: "" if value is None else str(value) for name, value in entry.items()} for entry in entries]


def _draft_facts(draft) -> list[dict[str, str]]:
    return _facts(yaml.safe_load(draft.to_yaml())["facts"] or [])


def report(results: list[ArticleResult]) -> dict:
    explained = yaml.safe_load(EXPLAINED.read_text(encoding="utf-8")) if EXPLAINED.exists() else {}
    summary: dict = {"matching": "kind and key fields, one to one", "key_fields": KEY_FIELDS, "groups": {},
                     "articles": {}}
    for group in ("fixtures", "held-out", "project"):
        chosen = [r for r in results if r.group == group]
        kinds: dict[str, Tally] = {}
        for result in chosen:
            for kind, tally in result.score.per_kind.items():
                kinds.setdefault(kind, Tally()).add(tally)
        overall = Tally()
        for kind, tally in kinds.items():
            if kind != REGISTER_ENTRY:
                overall.add(tally)
        summary["groups"][group] = {"per_kind": {k: t.as_dict() for k, t in sorted(kinds.items())},
                                    "overall_facts": overall.as_dict()}
    for result in results:
        missed = []
        for fact in result.score.missed:
            ident = f"{result.name}/{fact['kind']}/{fact.get('id', '')}"
            missed.append({"fact": ident, "key": list(fact_key(fact["kind"], fact, read_vocabulary())[1:]),
                           "why": explained.get(ident, "") if result.group == "project" else ""})
        summary["articles"][result.name] = {
            "group": result.group, "overall_facts": result.score.overall(set(KEY_FIELDS)).as_dict(),
            "missed": missed, "extra": [f"{f['kind']}/{f.get('id', '')}" for f in result.score.extra]}
    summary["unexplained_project_misses"] = [m["fact"] for r in results if r.group == "project"
                                             for m in summary["articles"][r.name]["missed"] if not m["why"]]
    return summary


def table(summary: dict) -> str:
    lines = []
    for group, data in summary["groups"].items():
        lines.append(f"{group}:")
        lines.append(f"  {'kind':<15} {'expected':>8} {'proposed':>8} {'found':>6} {'precision':>9} {'recall':>7} {'details':>9}")
        rows = [*data["per_kind"].items(), ("all facts", data["overall_facts"])]
        for kind, t in rows:
            details = f"{t['details_agreeing']}/{t['details']}" if t["details"] else "-"
            lines.append(f"  {kind:<15} {t['expected']:>8} {t['proposed']:>8} {t['found']:>6} "
                         f"{t['precision']:>9.3f} {t['recall']:>7.3f} {details:>9}")
    unexplained = summary["unexplained_project_misses"]
    lines.append(f"project facts not found and not explained: {len(unexplained)}")
    lines += [f"  {fact}" for fact in unexplained]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=BUILD_DIR / "eval.json")
    args = parser.parse_args(argv)
    summary = report(evaluate(read_vocabulary()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(summary))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
