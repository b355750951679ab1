"""Curation effort: how many curator actions reach an article's annotated facts through the review
page, against hand edits of the same draft in YAML (issue 21).

For each new (fictional) article of ``tests/review/articles/`` with its annotation (``<id>.yaml``,
the facts a curator wants, and ``<id>.register.yaml``, the register entries they need), on a copy
of data/: ``coalition-kg review`` runs (its draft made by ``propose``, as a curator's would be),
and the script does through the page's forms what a curator does to reach the annotation, then
checks that the saved facts file and register are the annotation. It counts, as a curator's clicks
and keys that change something:

- page: a/r on a card (1), e to edit (1), a concept chosen (1), a register search typed (its
  characters) and a result picked (1), a fact picked from its list (1), text typed (its characters),
  a sentence clicked with a kind chosen and Add (3), a form saved (1), Save (1);
- YAML: the same draft file edited by hand into the annotation (the facts in the draft's order,
  written alike): each line deleted (1), each character typed into a new or changed line, each
  run of characters deleted from a changed line (1), an evidence sentence copied from the article
  and pasted (1); and the register entries uncommented from the draft's list into
  data/register.yaml (1 a line), a label retyped (its characters).

    python -m benchmarks.review_effort          # prints the table, writes build/review_effort.json
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from .measure import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "tests"))  # the project's own server helpers

from review_server import ARTICLES, Client, new_project, reviewing  # noqa: E402

from coalition_kg.curation.propose import propose  # noqa: E402
from coalition_kg.review.cards import FactCard, read_cards  # noqa: E402
from coalition_kg.review.choices import fields_of  # noqa: E402
from coalition_kg.review.session import Session  # noqa: E402
from coalition_kg.review.yaml_files import facts_file  # noqa: E402

NAMES = ("007_fictional_trinidad", "008_fictional_guyana_pledge", "009_fictional_benin_arrival")
HEADER = ("label", "date", "url", "publisher")


@dataclass
class Effort:
    article: str
    draft_facts: int
    annotated_facts: int
    page_actions: int = 0
    page_typed: int = 0
    yaml_actions: int = 0
    yaml_typed: int = 0
    reached: bool = False
    steps: list[str] = field(default_factory=list)


def measure(name: str, folder: Path) -> Effort:
    project = new_project(folder)
    article = project.data / "sources" / f"{name}.txt"
    article.write_bytes((ARTICLES / f"{name}.txt").read_bytes())
    reading = read_cards(propose(article, project.data).to_yaml(), "draft")
    wanted = yaml.safe_load((ARTICLES / f"{name}.yaml").read_text(encoding="utf-8"))
    entries = yaml.safe_load((ARTICLES / f"{name}.register.yaml").read_text(encoding="utf-8"))
    expected = {f"{f['kind']}/{f['id']}": {k: str(v) for k, v in f.items()} for f in wanted["facts"]}
    effort = Effort(name, len(reading.facts), len(expected))
    with reviewing(project, article) as base:
        Page(Client(base), effort, reading, article.read_text(encoding="utf-8")).reach(expected, entries, wanted["source"])
    effort.reached = _saved(project, name) == expected and _has_entries(project, entries)
    effort.yaml_actions, effort.yaml_typed = by_hand(reading, expected, entries, wanted["source"])
    return effort


class Page:
    """The curator at the page: each change posted as its form posts it, and counted."""

    def __init__(self, client: Client, effort: Effort, reading, text: str) -> None:
        self.client, self.effort, self.reading, self.text = client, effort, reading, text
        self.token = client.csrf()
        self.cards = len(reading.facts)

    def post(self, path: str, **fields: str) -> str:
        status, _, page = self.client.request(path, urllib.parse.urlencode({"csrf": self.token, **fields}).encode())
        assert status in (200, 303), (path, status, page[-500:])
        return page

    def act(self, what: str, actions: int = 1, typed: int = 0) -> None:
        self.effort.page_actions += actions + typed
        self.effort.page_typed += typed
        self.effort.steps.append(what)

    def reach(self, expected: dict[str, dict[str, str]], entries: list[dict], source: dict) -> None:
        wanted_refs = {entry["id"] for entry in entries}
        for card in self.reading.entities:
            status = "accepted" if card.ref in wanted_refs else "rejected"
            self.post(f"/entities/{card.key}/decide", status=status)
            self.act(f"{status[:-2]} {card.ref}")
        done = set()
        for card in self.reading.facts:
            target = expected.get(card.ref)
            if target is None or target["evidence"] != card.evidence:
                self.post(f"/facts/{card.key}/decide", status="rejected")
                self.act(f"reject {card.ref}")
                continue
            done.add(card.ref)
            values = _values(target)
            if values == card.values:
                self.post(f"/facts/{card.key}/decide", status="accepted")
                self.act(f"accept {card.ref}")
            else:
                actions, typed = self.costs(card.kind, card.values, values)
                self.post(f"/facts/{card.key}/edit", id=card.id, evidence=card.evidence, step="save",
                          **{f"v-{k}": v for k, v in values.items()})
                self.act(f"edit {card.ref}", 2 + actions, typed)
        for ref, target in expected.items():
            if ref in done:
                continue
            self.cards += 1
            start = self.text.index(target["evidence"])
            self.post("/facts", sentence=str(start), kind=target["kind"])
            actions, typed = self.costs(target["kind"], {}, _values(target))
            self.post(f"/facts/f{self.cards}/edit", id=target["id"], evidence=target["evidence"], step="save",
                      **{f"v-{k}": v for k, v in _values(target).items()})
            self.act(f"add {ref}", 3 + 1 + actions, len(target["id"]) + typed)
        header = {name: str(source.get(name, "")) for name in HEADER}
        self.post("/source", id=source["id"], language="en", **header)
        self.act("source header", 1 + sum(1 for name in HEADER if source.get(name)),
                 sum(len(str(source[name])) for name in HEADER if source.get(name)))
        self.post("/save")
        self.act("save")

    def costs(self, kind: str, before: dict[str, str], after: dict[str, str]) -> tuple[int, int]:
        """Clicks and characters to change a card's fields from ``before`` to ``after``."""
        actions = typed = 0
        for choice in fields_of(kind):
            old, new = before.get(choice.name, ""), after.get(choice.name, "")
            if old == new:
                continue
            if not new or choice.picker in ("concept", "fact"):
                actions += 1  # a field cleared, a concept or a fact chosen
            elif choice.picker == "entity":
                typed += len(_query(new))
                actions += 1
            else:
                typed += len(new)
                actions += 1 if old else 0  # the old text selected first
        return actions, typed


def _query(ref: str) -> str:
    """What a curator types to find a register entry first: a state's code, else the id's name."""
    slug = ref.split("/", 1)[1]
    return slug if ref.startswith("state/") else slug.split("-")[0]


def _values(fact: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fact.items() if k not in ("id", "kind", "evidence")}


def _saved(project, name: str) -> dict[str, dict[str, str]]:
    facts = yaml.safe_load((project.data / "facts" / f"{name}.yaml").read_text(encoding="utf-8"))["facts"]
    return {f"{f['kind']}/{f['id']}": {k: str(v) for k, v in f.items()} for f in facts}


def _has_entries(project, entries: list[dict]) -> bool:
    register = yaml.safe_load((project.data / "register.yaml").read_text(encoding="utf-8"))["entities"]
    return all(entry in register for entry in entries)


def by_hand(reading, expected: dict[str, dict[str, str]], entries: list[dict], source: dict) -> tuple[int, int]:
    """Line and character edits from the draft to the annotation, both written alike."""
    session = Session(".", "", dict(reading.source), [], list(reading.facts), [], draft=False)
    before = _lines(facts_file(session, session.facts))
    order = [card.ref for card in reading.facts if card.ref in expected] + [r for r in expected if r not in
                                                                               {c.ref for c in reading.facts}]
    cards = [FactCard(f"x{n}", expected[ref]["kind"], expected[ref]["id"], _values(expected[ref]),
                      expected[ref]["evidence"]) for n, ref in enumerate(order)]
    annotated = Session(".", "", {**reading.source, **{k: str(v) for k, v in source.items() if k in HEADER}},
                        [], cards, [], draft=False)
    after = _lines(facts_file(annotated, cards))
    actions = typed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        old, new = before[i1:i2], after[j1:j2]
        actions += max(0, len(old) - len(new))  # lines deleted
        for a, b in zip(old, new):
            if _pasted(b):
                actions += 1
                continue
            edits = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            typed += sum(j2_ - j1_ for t, _, _, j1_, j2_ in edits if t in ("insert", "replace"))
            actions += sum(1 for t, *_ in edits if t in ("delete", "replace"))
        for line in new[len(old):]:
            actions += 1 if _pasted(line) else 0
            typed += 0 if _pasted(line) else len(line)
    for entry in entries:
        proposed = next((card for card in reading.entities if card.ref == entry["id"]), None)
        actions += len(entry)  # each line of the entry uncommented and pasted into data/register.yaml
        if proposed is None or proposed.label != entry["label"]:
            typed += len(entry["label"]) + (len(entry["id"]) if proposed is None else 0)
    return actions + typed, typed


def _pasted(line: str) -> bool:
    """An evidence line: its sentence is copied from the article and pasted, not typed."""
    return line.lstrip().startswith("evidence: ")


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=PROJECT_DIR / "build" / "review_effort.json")
    arguments = parser.parse_args()
    efforts = []
    for name in NAMES:
        with tempfile.TemporaryDirectory() as folder:
            efforts.append(measure(name, Path(folder)))
    print("| article | draft facts | annotated facts | page: actions (typed characters) | YAML by hand: actions (typed characters) | saved = annotation |")
    print("|---|---|---|---|---|---|")
    for e in efforts:
        print(f"| {e.article} | {e.draft_facts} | {e.annotated_facts} | {e.page_actions} ({e.page_typed}) | "
              f"{e.yaml_actions} ({e.yaml_typed}) | {'yes' if e.reached else 'NO'} |")
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps([asdict(e) for e in efforts], indent=2) + "\n", encoding="utf-8")
    if not all(e.reached for e in efforts):
        sys.exit(1)


if __name__ == "__main__":
    main()
