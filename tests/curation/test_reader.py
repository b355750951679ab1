"""Reading curated files: records keep their file and line; structural mistakes stop with the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.reader import CurationError, Location, read_data_dir, read_files

SOURCE_TEXT = (DATA_DIR / "sources" / "000_f53fdc1be9ced35d.txt").resolve()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def header(extra: str = "") -> str:
    return f"source:\n  id: s\n  text: {SOURCE_TEXT}\n  label: test\n{extra}"


def test_the_project_data_reads_into_a_register_and_two_sources():
    curation = read_data_dir(DATA_DIR)
    assert len(curation.register.entities) == 18
    assert [source.id for source in curation.sources] == ["000_f53fdc1be9ced35d", "004_488f5bce62634bfc"]
    assert [len(source.facts) for source in curation.sources] == [20, 26]
    first = curation.sources[0].facts[0]
    assert (first.kind, first.ref, first.location) == (
        "name", "name/mss-haiti-mssm", Location(str(DATA_DIR / "facts" / "000_f53fdc1be9ced35d.yaml"), 35))
    assert first.values["label"].text == "MSSM"
    assert first.values["label"].line == 38


def test_organizations_take_their_kind_from_the_register_entry():
    kinds = {entity.id: entity.kind for entity in read_data_dir(DATA_DIR).register.entities}
    assert kinds["org/oas"] == "international-organization"
    assert kinds["org/pnh"] == "government-body"
    assert kinds["state/GTM"] == "state"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (header("facts:\n  - id: a\n    kind: treaty\n"), 7,
         "unknown fact kind 'treaty'; expected one of membership, instrument, deployment, statement, post, event, "
         "partnership, ordinal-claim, count-claim, name"),
        (header("facts:\n  - id: a\n    kind: name\n    entity: state/HTI\n    label: x\n    evidence: e\n"
                "  - id: a\n    kind: name\n    entity: state/HTI\n    label: y\n    evidence: e\n"), 11,
         "duplicate identifier 'name/a' (first at line 6); expected a unique id"),
        (header("facts:\n  - id: a\n    kind: name\n    label: [x, y]\n"), 8,
         "'label' holds a list; expected a single value"),
        (header("facts:\n  - id: a\n    kind: name\n    kind: post\n"), 8,
         "field 'kind' appears twice in a fact; expected each field once"),
        (header("facts: {id: a\n"), 6, "YAML syntax error"),
        ("facts: []\n", 1, "the facts file names no source document; expected a 'source:' mapping first"),
        ("", 1, "the file is empty; expected a curated YAML mapping"),
        ("- just\n- a list\n", 1, "the file is a list; expected a mapping of 'field: value'"),
        ("source:\n  id: s\n  text: missing.txt\n  label: x\n", 3,
         "source text 'missing.txt' not found; expected a path relative to the data directory"),
    ],
)
def test_structural_mistakes_name_the_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as raised:
        read_files([path])
    assert raised.value.location == Location(str(path), line)
    assert message in str(raised.value)


def test_a_file_that_is_not_utf8_names_the_byte_and_line(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_bytes(header().encode() + b"facts:\n  - id: caf\xe9\n")
    with pytest.raises(CurationError) as raised:
        read_files([path])
    assert str(raised.value) == f"{path}:6: byte 0xe9 is not UTF-8; expected a file saved as UTF-8"
