"""What a build redoes: everything, or only the sources and the register that changed since the
last good build.

Beside the manifest, each build writes ``inputs.json``: the digest of every data file, the
source each facts file held and the files its text was read from (the one read, and the one looked
for first when that was not there), the size and time of the exports the next build starts from,
and the store it made. The next build compares the data with it (:func:`plan`): a facts file
added, edited or removed, or whose text changed, is read again and its source's named graph
replaced; an edited register replaces the register's graph. Anything the comparison cannot vouch
for makes a full build, and says why: no earlier build (or its record is not the manifest's),
another data folder, the ontology, the shapes, the build code or its libraries changed
(:func:`~coalition_kg.store.manifest.code_fingerprint`), the register added or removed, an export
or the store not the ones the last build wrote, a changed file that gives a source the id of one
that is kept.

Standard library and :mod:`coalition_kg.core` only, like the rest of the store stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from coalition_kg.store.disk import STORE_LINK
from coalition_kg.store.manifest import (
    code_fingerprint,
    data_changes,
    data_files,
    data_fingerprint,
    data_stamps,
    input_digests,
    read_manifest,
)

INPUTS = "inputs.json"
REGISTER_FILE = "register.yaml"
#: The exports an incremental build starts from; changed since the last build, they make a full one.
REUSED_EXPORTS = ("coalition.nq", "coalition.nt", "coalition.ttl", "coalition.trig", "coalition.jsonld")


class FullBuildNeeded(Exception):
    """What was found on the way makes an incremental build impossible; says why."""


@dataclass(frozen=True)
class Inputs:
    """What a build reads, as it is when the build starts."""

    data_dir: Path
    files: dict[str, str]
    fingerprint: str
    stamps: str
    code: str

    @classmethod
    def of(cls, data_dir: Path) -> Inputs:
        digests = input_digests(data_dir)
        return cls(data_dir, data_files(data_dir, digests), data_fingerprint(data_dir, digests), data_stamps(data_dir),
                   code_fingerprint())


@dataclass(frozen=True)
class LastBuild:
    """The last good build in a folder: its manifest, and the record of what it read (empty when
    that record is missing or belongs to another build)."""

    build_dir: Path
    manifest: dict
    record: dict

    @classmethod
    def read(cls, build_dir: Path) -> LastBuild:
        manifest = read_manifest(build_dir)
        try:
            record = json.loads((build_dir / INPUTS).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            record = {}
        if not manifest or record.get("fingerprint") != manifest.get("fingerprint"):
            record = {}
        return cls(build_dir, manifest, record)


@dataclass(frozen=True)
class Plan:
    """The facts files to read again (``read``: added, edited, or whose text changed); the source
    each file read again or removed held (``gone``, by file); whether the register changed; the
    records of the facts files that are kept."""

    read: list[str]
    gone: dict[str, str]
    register: bool
    kept: dict[str, dict] = field(default_factory=dict)

    def check_sources(self, ids: Iterable[str]) -> None:
        """The sources read again must not take the id of a kept one: a full build reports that."""
        kept = {record["id"] for record in self.kept.values()}
        taken = sorted(set(ids) & kept)
        if taken:
            raise FullBuildNeeded(f"a changed facts file gives source '{taken[0]}' the id of a source that is kept")

    def replaced(self, ids: Iterable[str]) -> list[str]:
        """The ids of the sources whose graphs go: those read again (``ids``) and those that were in
        the files read again or removed."""
        return sorted({*self.gone.values(), *ids})

    def describe(self, graphs: int) -> str:
        """What an incremental build redid, for its summary."""
        added = sum(name not in self.gone for name in self.read)
        edited = len(self.read) - added
        removed = len(self.gone) - edited
        register = "the register edited" if self.register else "the register unchanged"
        if not graphs:
            return "incremental build: no source and no register entry changed; the store and the exports kept"
        return (f"incremental build: {added} source(s) added, {edited} edited, {removed} removed, {register}; "
                f"{graphs} named graph(s) and the union replaced in the store; the exports refreshed")


def plan(inputs: Inputs, last: LastBuild) -> Plan | str:
    """What the build of ``inputs`` redoes after ``last``: a :class:`Plan`, or why it redoes everything."""
    record = last.record
    if not record:
        return "no earlier build to start from"
    if last.manifest.get("code") != inputs.code:
        return "the ontology, the shapes or the build code changed since the last build"
    if record["data_dir"] != str(inputs.data_dir.resolve()):
        return f"the last build was made from another data folder, {record['data_dir']}"
    if _link_target(last.build_dir) != record["store"]:
        return "the store is not the one the last build made"
    changed_export = next((name for name, stat in record["exports"].items() if _stat(last.build_dir / name) != stat), None)
    if changed_export:
        return f"{last.build_dir / changed_export} changed since the last build"
    changes = data_changes(record["files"], inputs.files)
    if REGISTER_FILE in changes.added or REGISTER_FILE in changes.removed:
        return "the register was added or removed"
    facts_files = {name for name in inputs.files if _is_facts_file(name)}
    sources: dict[str, dict] = record["sources"]
    read = sorted(name for name in facts_files if name in changes.added or name in changes.edited
                  or any(path in changes for path in sources.get(name, {}).get("text", [])))
    gone = {name: entry["id"] for name, entry in sources.items() if name in read or name not in facts_files}
    kept = {name: entry for name, entry in sources.items() if name not in gone}
    return Plan(read, gone, REGISTER_FILE in changes.edited, kept)


def _is_facts_file(name: str) -> bool:
    """What the reader reads as a facts file: ``facts/*.yaml``."""
    path = PurePosixPath(name)
    return path.parent == PurePosixPath("facts") and path.suffix == ".yaml"


def source_record(data_dir: Path, facts_file: str, source_id: str, text_paths: Iterable[Path]) -> tuple[str, dict]:
    """A facts file's entry of the record: its path in ``data_dir``, the id of its source and the
    files its text depends on (those outside ``data_dir`` are not watched, as the fingerprint does not)."""
    root = data_dir.resolve()
    name = Path(facts_file).resolve().relative_to(root).as_posix()
    text = [path.relative_to(root).as_posix() for path in text_paths if path.is_relative_to(root)]
    return name, {"id": source_id, "text": text}


def inputs_record(inputs: Inputs, sources: dict[str, dict], build_dir: Path) -> bytes:
    """The record of what a build read, for the next build to compare the data with."""
    record = {
        "fingerprint": inputs.fingerprint,
        "data_dir": str(inputs.data_dir.resolve()),
        "files": inputs.files,
        "sources": sources,
        "exports": {name: _stat(build_dir / name) for name in REUSED_EXPORTS},
        "store": _link_target(build_dir),
    }
    return (json.dumps(record, indent=1, sort_keys=True) + "\n").encode()


def _stat(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _link_target(build_dir: Path) -> str | None:
    link = build_dir / STORE_LINK
    return link.resolve().name if link.exists() else None

