"""How well ``coalition-kg propose`` finds the facts a curator records: precision and recall per
fact kind, and the curator's edits per article, on five groups of annotated articles:

- ``fixtures``: the articles the rules were first written against (``tests/propose_articles/*.txt``);
- ``held-out``: those of them named ``heldout_*``, written after the rules last changed then;
- ``dev`` and ``test``: the development and test halves (``tests/propose_articles/dev``, ``test``),
  proposed against ``tests/propose_articles/corpus``; rules are tuned on ``dev`` only, and the
  headline figures are ``test``'s;
- ``project``: the project's own articles, whose curated facts (``data/facts``) are the reference.

A proposed fact is found when a reference fact has the same kind and key fields
(:data:`coalition_kg.curation.propose.matching.KEY_FIELDS`), each reference fact matching at
most one proposed fact. For each match, the other fields the reference gives are compared too
("details": how many agree). New register entries are scored by id, as the kind
``register-entry``. A project fact that is not found must be explained in
``benchmarks/propose_explained.yaml``; the report lists those that are not.

Curator edits are what turns the draft into the annotated facts: each proposed fact is paired
with at most one annotated fact of its kind, so that the edits are fewest; a pair costs the fields
changed, added or removed (every field but ``evidence`` and ``note``; ``id`` only where the
annotation keeps the id of a fact the graph already holds, which the draft must reuse), an
unpaired proposed fact one deletion, an unpaired annotated fact one addition. An event's
``label`` is the curator's own wording: the draft's is kept, not counted as an edit. A field that
refers to another fact of the article (a membership's ``instrument``, a statement's ``occasion``)
is compared by the key of the fact it refers to, not by its id.

Two kinds of error are counted apart, as the issue names them: a mission's host state proposed
as its member, as the party of an instrument that joins it or as a sender of personnel to it;
and a new person whose name is an office or a body ("Foreign Office", "Ministry of ...").

``make eval`` prints the tables and writes ``build/eval.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import yaml

from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, PROJECT_DIR
from coalition_kg.curation.propose import propose
from coalition_kg.curation.propose.known import read_known
from coalition_kg.curation.propose.matching import KEY_FIELDS, fact_key
from coalition_kg.curation.propose.vocabulary import CONCEPT_FIELDS, Vocabulary, read_vocabulary

FIXTURES = PROJECT_DIR / "tests" / "propose_articles"
CORPUS = FIXTURES / "corpus"
HALVES = ("dev", "test")
GROUPS = ("fixtures", "held-out", "dev", "test", "project")
EXPLAINED = Path(__file__).with_name("propose_explained.yaml")
REGISTER_ENTRY = "register-entry"
#: Fields a curator's edit is not counted in: the sentence quoted, and a curator's own note.
NOT_EDITED = ("kind", "evidence", "note")
#: Fields whose wording is the curator's own: any the draft gives is kept (an event's label).
FREE_WORDING = {"event": ("label",)}
#: Instrument kinds by which a state joins a mission: its host state is never their party.
JOINING_KINDS = ("adhesion", "signature", "ratification")
#: Words of a name that make it an office or a body, not a person (checked on new people).
BODY_WORDS = frozenset({"ministry", "office", "department", "council", "assembly", "police", "government",
                        "commission", "secretariat", "senate", "house", "parliament", "presidency", "agency",
                        "force", "forces", "army", "navy", "embassy", "foreign", "affairs", "defence", "defense"})


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
    edits: list[str] = field(default_factory=list)
    host_as_member: list[str] = field(default_factory=list)
    offices_as_people: list[str] = field(default_factory=list)


def evaluate(vocabulary: Vocabulary) -> list[ArticleResult]:
    results = []
    for expectation in sorted(FIXTURES.glob("*.expected.yaml")):
        article = expectation.with_name(expectation.name.replace(".expected.yaml", ".txt"))
        reference = yaml.safe_load(expectation.read_text(encoding="utf-8"))
        group = "held-out" if article.name.startswith("heldout_") else "fixtures"
        results.append(_result(article, group, FIXTURES / "data", _facts(reference["facts"]),
                               reference.get("new_entities", []), vocabulary))
    for half in HALVES:
        for article in sorted((FIXTURES / half).glob("*.txt")):
            reference = yaml.safe_load(article.with_suffix(".yaml").read_text(encoding="utf-8"))
            added = yaml.safe_load(article.with_suffix(".register.yaml").read_text(encoding="utf-8"))
            results.append(_result(article, half, CORPUS, _facts(reference["facts"]),
                                   [entry["id"] for entry in added["entities"] or []], vocabulary))
    for facts_file in sorted((DATA_DIR / "facts").glob("*.yaml")):
        reference = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        article = (facts_file.parent / reference["source"]["text"])
        if not article.exists():
            article = DATA_DIR / reference["source"]["text"]
        results.append(_result(article, "project", DATA_DIR, _facts(reference["facts"]), None, vocabulary))
    return results


def _result(article: Path, group: str, data_dir: Path, expected: list[dict[str, str]],
            new_entities: list[str] | None, vocabulary: Vocabulary) -> ArticleResult:
    draft = propose(article, data_dir)
    proposed = _draft_facts(draft)
    result = ArticleResult(article.name, group, score(expected, proposed, vocabulary))
    if new_entities is not None:
        result.score.per_kind[REGISTER_ENTRY] = score_entities(new_entities, [e.ref for e in draft.new_entities])
    held = _known_ids(data_dir, article.stem)
    result.edits = edit_list(proposed, expected, vocabulary, held)
    hosts = _host_states(expected, data_dir, article.stem)
    result.host_as_member = host_state_errors(proposed, hosts)
    result.offices_as_people = [e.ref for e in draft.new_entities if e.kind == "person"
                                and BODY_WORDS & set(e.label.lower().split()) and e.ref not in (new_entities or [])]
    return result


def _known_ids(data_dir: Path, article_id: str) -> set[tuple[str, str]]:
    """``(kind, id)`` of the facts the other sources of ``data_dir`` hold."""
    return {(fact.kind, fact.id) for fact in read_known(data_dir, article_id).facts}


def _host_states(expected: list[dict[str, str]], data_dir: Path, article_id: str) -> set[tuple[str, str]]:
    """``(mission, state)`` for each host state the annotation or the graph gives."""
    hosts = {(f["mission"], f["partner"]) for f in expected
             if f["kind"] == "partnership" and f.get("partner_role") == "host-state"}
    for fact in read_known(data_dir, article_id).facts:
        values = {name: value.text for name, value in fact.values.items()}
        if fact.kind == "partnership" and values.get("partner_role") == "host-state":
            hosts.add((values["mission"], values["partner"]))
    return hosts


def host_state_errors(proposed: list[Mapping[str, str]], hosts: set[tuple[str, str]]) -> list[str]:
    """Proposed facts that make a mission's host state its member, the party of an instrument
    that joins it, or a sender of personnel to it."""
    wrong = []
    for fact in proposed:
        who = {"membership": fact.get("member"), "deployment": fact.get("state"),
               "instrument": fact.get("party") if fact.get("instrument_kind", "") in (*JOINING_KINDS, "") else None
               }.get(fact["kind"])
        if who and (fact.get("mission", ""), who) in hosts:
            wrong.append(f"{fact['kind']}/{fact.get('id', '')}")
    return wrong


def curator_edits(proposed: list[Mapping[str, str]], expected: list[Mapping[str, str]], vocabulary: Vocabulary,
                  held: set[tuple[str, str]] = frozenset()) -> int:
    """The fewest edits that turn the proposed facts into the expected ones (see the module's
    docstring): fields changed, added or removed in paired facts, plus facts deleted and added."""
    return len(edit_list(proposed, expected, vocabulary, held))


def edit_list(proposed: list[Mapping[str, str]], expected: list[Mapping[str, str]], vocabulary: Vocabulary,
              held: set[tuple[str, str]] = frozenset()) -> list[str]:
    """The edits themselves, one line each: ``kind/id: field`` changed, or ``deleted kind/id``,
    ``added kind/id``."""
    left = [_comparable(f, proposed, vocabulary) for f in proposed]
    right = [_comparable(f, expected, vocabulary) for f in expected]
    graph = nx.Graph()
    for i, draft in enumerate(left):
        for j, wanted in enumerate(right):
            if draft["kind"] != wanted["kind"]:
                continue
            reused = (wanted["kind"], wanted.get("id", "")) in held
            changed = _changed_fields(draft, wanted, reused)
            if len(changed) < 2:  # two edits or more cost as much as deleting the fact and adding the right one
                graph.add_edge(("draft", i), ("wanted", j), weight=2 - len(changed), changed=changed)
    edits = []
    paired = set()
    for pair in sorted(nx.max_weight_matching(graph), key=sorted):
        draft_end, wanted_end = sorted(pair)
        paired |= {draft_end, wanted_end}
        fact = right[wanted_end[1]]
        edits += [f"{fact['kind']}/{fact.get('id', '')}: {name}" for name in graph.edges[pair]["changed"]]
    edits += [f"deleted {f['kind']}/{f.get('id', '')}" for i, f in enumerate(left) if ("draft", i) not in paired]
    edits += [f"added {f['kind']}/{f.get('id', '')}" for j, f in enumerate(right) if ("wanted", j) not in paired]
    return edits


def _changed_fields(draft: Mapping[str, str], wanted: Mapping[str, str], compare_id: bool) -> list[str]:
    names = sorted((set(draft) | set(wanted)) - set(NOT_EDITED) - {"id"} - set(FREE_WORDING.get(wanted["kind"], ())))
    changed = [name for name in names if draft.get(name, "") != wanted.get(name, "")]
    return changed + (["id"] if compare_id and draft.get("id") != wanted.get("id") else [])


def _comparable(fact: Mapping[str, str], facts: list[Mapping[str, str]], vocabulary: Vocabulary) -> dict[str, str]:
    """A fact's fields as a curator compares them: words with their spaces collapsed, concepts by
    slug, a reference to another fact of the same article by that fact's key; empty fields left out."""
    by_ref = {f"{f['kind']}/{f.get('id', '')}": f for f in facts}
    shown: dict[str, str] = {}
    for name, value in fact.items():
        text = " ".join(str(value or "").split())
        if not text:
            continue
        if name in CONCEPT_FIELDS and name != "kind":
            text = vocabulary.resolve(CONCEPT_FIELDS[name], text).slug
        elif text in by_ref and by_ref[text] is not fact:
            other = by_ref[text]
            text = "|".join(fact_key(other["kind"], other, vocabulary))
        shown[name] = text
    return shown


def _facts(entries: list[Mapping[str, object]]) -> list[dict[str, str]]:
    return [{name: "" if value is None else str(value) for name, value in entry.items()} for entry in entries]


def _draft_facts(draft) -> list[dict[str, str]]:
    return _facts(yaml.safe_load(draft.to_yaml())["facts"] or [])


def report(results: list[ArticleResult]) -> dict:
    explained = yaml.safe_load(EXPLAINED.read_text(encoding="utf-8")) if EXPLAINED.exists() else {}
    summary: dict = {"matching": "kind and key fields, one to one", "key_fields": KEY_FIELDS, "groups": {},
                     "articles": {}}
    for group in GROUPS:
        chosen = [r for r in results if r.group == group]
        kinds: dict[str, Tally] = {}
        for result in chosen:
            for kind, tally in result.score.per_kind.items():
                kinds.setdefault(kind, Tally()).add(tally)
        overall = Tally()
        for kind, tally in kinds.items():
            if kind != REGISTER_ENTRY:
                overall.add(tally)
        edits = [len(r.edits) for r in chosen]
        summary["groups"][group] = {"per_kind": {k: t.as_dict() for k, t in sorted(kinds.items())},
                                    "overall_facts": overall.as_dict(), "articles": len(chosen),
                                    "edits_per_article": round(sum(edits) / len(edits), 2) if edits else 0.0,
                                    "host_state_as_member_party_or_sender": sum(len(r.host_as_member) for r in chosen),
                                    "offices_as_people": sum(len(r.offices_as_people) for r in chosen)}
    for result in results:
        missed = []
        for fact in result.score.missed:
            ident = f"{result.name}/{fact['kind']}/{fact.get('id', '')}"
            missed.append({"fact": ident, "key": list(fact_key(fact["kind"], fact, read_vocabulary())[1:]),
                           "why": explained.get(ident, "") if result.group == "project" else ""})
        summary["articles"][result.name] = {
            "group": result.group, "overall_facts": result.score.overall(set(KEY_FIELDS)).as_dict(),
            "missed": missed, "extra": [f"{f['kind']}/{f.get('id', '')}" for f in result.score.extra],
            "edits": len(result.edits), "edit_list": result.edits, "host_state_as_member_party_or_sender": result.host_as_member,
            "offices_as_people": result.offices_as_people}
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
        lines.append(f"  curator edits per article: {data['edits_per_article']:.2f} ({data['articles']} articles); "
                     f"host state as member, party or sender: {data['host_state_as_member_party_or_sender']}; "
                     f"offices as people: {data['offices_as_people']}")
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
