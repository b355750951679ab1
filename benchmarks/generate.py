"""Seeded synthetic coalition data in the project's curated format, at a chosen size.

    python -m benchmarks.generate OUT_DIR --triples 100k --seed 1 --errors 8 --new-source NEW_DIR

writes ``OUT_DIR/register.yaml``, ``OUT_DIR/facts/<source>.yaml`` and ``OUT_DIR/sources/<source>.txt``
as a curator would, so that ``pipeline.build(OUT_DIR, ...)`` ingests it, and
``OUT_DIR/expected-errors.json``: the seeded errors validation must report, each as
(file relative to OUT_DIR, line, message fragment). ``NEW_DIR`` receives one more
report, not part of the data, for measuring the validation of one new source.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .documents import Document, Record, fixed_documents, monthly_reports, register_entities, register_triples
from .seeded_errors import ERROR_KINDS, Seeded, seed_errors
from .world import World, make_world

EXPECTED_ERRORS = "expected-errors.json"
_SUFFIXES = {"k": 1_000, "m": 1_000_000}


@dataclass(frozen=True)
class ExpectedError:
    """A seeded error as validation must report it."""

    kind: str
    file: str
    line: int
    message: str


@dataclass
class Generated:
    """What :func:`generate` wrote."""

    data_dir: str
    seed: int
    requested_triples: int
    triples: int
    sources: int
    facts: int
    errors: list[ExpectedError] = field(default_factory=list)
    new_source: str | None = None
    new_source_triples: int = 0
    #: Values for the canned queries' required parameters, naming things the data holds.
    query_parameters: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        text = (f"{self.data_dir}: {self.sources} sources, {self.facts} facts, {self.triples} triples "
                f"(asked for {self.requested_triples}); {len(self.errors)} seeded error(s) in {EXPECTED_ERRORS}")
        if self.new_source:
            text += f"; new source {self.new_source} ({self.new_source_triples} triples)"
        return text


def parse_size(text: str) -> int:
    """``10k`` -> 10000, ``1m`` -> 1000000, ``3000`` -> 3000."""
    number, suffix = (text[:-1], text[-1].lower()) if text[-1:].lower() in _SUFFIXES else (text, "")
    try:
        value = int(float(number) * _SUFFIXES.get(suffix, 1))
    except ValueError:
        raise ValueError(f"size '{text}': expected a number of triples such as 3000, 10k, 100k or 1m") from None
    if value < 1000:
        raise ValueError(f"size '{text}': expected at least 1000 triples")
    return value


def world_size(triples: int) -> tuple[int, int, int]:
    """States, missions and contributors per mission for a graph of about ``triples``."""
    states = min(190, max(12, triples // 50))
    missions = min(18, max(2, triples // 2500))
    contributors = min(45, max(5, triples // 1000), states - 1)
    return states, missions, contributors


def generate(out_dir: Path, triples: int, seed: int = 1, errors: int = 0, new_source_dir: Path | None = None) -> Generated:
    """Write about ``triples`` triples of curated data to ``out_dir`` (which must be new or empty)."""
    _check_empty(out_dir)
    if new_source_dir:
        _check_empty(new_source_dir)
    rng = random.Random(seed)
    world = make_world(rng, *world_size(triples))
    register = register_entities(world)
    documents = fixed_documents(world)
    total = register_triples(register) + sum(doc.triples for doc in documents)
    reports = monthly_reports(world, rng)
    while total < triples:
        documents.append(next(reports))
        total += documents[-1].triples
    new_source = next(reports)
    # Errors come from their own generator: the data with and without them differ only there.
    seeded = seed_errors(random.Random(seed + 1), errors, documents, register)
    lines = _write_data(out_dir, register, documents)
    generated = Generated(str(out_dir), seed, triples, total, len(documents), sum(len(d.facts) for d in documents),
                          [_expected(item, lines) for item in seeded], query_parameters=_query_parameters(world))
    if new_source_dir:
        _write_document(new_source_dir, new_source)
        generated.new_source = str(new_source_dir / "facts" / f"{new_source.id}.yaml")
        generated.new_source_triples = new_source.triples
    (out_dir / EXPECTED_ERRORS).write_text(json.dumps(asdict(generated), indent=2) + "\n", encoding="utf-8")
    return generated


def _query_parameters(world: World) -> dict[str, str]:
    """The first mission's busiest contributor, and the day half its contributors had joined by."""
    mission = world.missions[0]
    joined = sorted(contributor.joined for contributor in mission.contributors)
    busiest = max(mission.contributors, key=lambda c: sum(c.base_sizes.values())).state
    return {"state": f"state/{busiest.code}", "entity": f"state/{busiest.code}",
            "date": "{:04d}-{:02d}-{:02d}".format(*joined[len(joined) // 2]), "mission": f"mission/{mission.slug}"}


def read_generated(data_dir: Path) -> Generated:
    """What was generated into ``data_dir``, from its ``expected-errors.json``."""
    record = json.loads((data_dir / EXPECTED_ERRORS).read_text(encoding="utf-8"))
    record["errors"] = [ExpectedError(**error) for error in record["errors"]]
    return Generated(**record)


# --- writing the curated files ----------------------------------------------------------

_Lines = dict[int, dict[str | None, int]]
"""For each record (by ``id()``), the line of the record (key None) and of each field."""


def _write_data(out_dir: Path, register: list[Record], documents: list[Document]) -> dict[str, _Lines]:
    out_dir.mkdir(parents=True, exist_ok=True)
    text, register_lines = _render_register(register)
    (out_dir / "register.yaml").write_text(text, encoding="utf-8")
    lines = {"register.yaml": register_lines}
    for doc in documents:
        lines[f"facts/{doc.id}.yaml"] = _write_document(out_dir, doc)
    return lines


def _write_document(data_dir: Path, doc: Document) -> _Lines:
    (data_dir / "facts").mkdir(parents=True, exist_ok=True)
    (data_dir / "sources").mkdir(parents=True, exist_ok=True)
    (data_dir / "sources" / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    text, lines = _render_facts(doc)
    (data_dir / "facts" / f"{doc.id}.yaml").write_text(text, encoding="utf-8")
    return lines


def _render_register(entities: list[Record]) -> tuple[str, _Lines]:
    head = [
        "# Synthetic entity register written by benchmarks/generate.py.",
        "register:",
        '  label: "coalition-kg synthetic benchmark register"',
        '  description: "Invented states, officials and missions for measuring the pipeline at scale."',
        "",
        "entities:",
    ]
    return _render_records(head, entities)


def _render_facts(doc: Document) -> tuple[str, _Lines]:
    head = [
        "# Synthetic facts written by benchmarks/generate.py; every evidence sentence is in the source text.",
        "source:",
        f"  id: {doc.id}",
        f"  text: sources/{doc.id}.txt",
        f"  label: {_quoted(doc.label)}",
        "  language: en",
        "",
        "facts:",
    ]
    return _render_records(head, doc.facts)


def _render_records(head: list[str], records: list[Record]) -> tuple[str, _Lines]:
    lines = list(head)
    where: _Lines = {}
    for record in records:
        lines.append(f"  - id: {_quoted(record.id)}")
        places: dict[str | None, int] = {None: len(lines)}
        if record.kind:
            lines.append(f"    kind: {record.kind}")
        for name, value in record.fields.items():
            lines.append(f"    {name}: {_quoted(value)}")
            places[name] = len(lines)
        where[id(record)] = places
    return "\n".join(lines) + "\n", where


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def _expected(item: Seeded, lines: dict[str, _Lines]) -> ExpectedError:
    file = f"facts/{item.document.id}.yaml" if item.document else "register.yaml"
    return ExpectedError(item.kind, file, lines[file][id(item.record)][item.field], item.message)


def _check_empty(path: Path) -> None:
    if path.exists() and any(path.iterdir()):
        raise ValueError(f"{path}: folder is not empty; expected a new or empty folder to write generated data to")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the curated data to (new or empty)")
    parser.add_argument("--triples", default="10k", help="about how many triples: 3000, 10k, 100k, 1m (default 10k)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--errors", type=int, default=0, help=f"seeded errors of distinct kinds, 0 to {len(ERROR_KINDS)}")
    parser.add_argument("--new-source", type=Path, default=None, help="folder for one more source, outside the data")
    args = parser.parse_args(argv)
    try:
        generated = generate(args.out_dir, parse_size(args.triples), args.seed, args.errors, args.new_source)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {generated.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
