"""Builds that overlap or fail midway: the build folder always holds one whole build.

Two builds into one folder take turns (the build lock); a build that fails or is
interrupted while writing leaves the previous outputs byte for byte as they were.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset
from test_bad_inputs import snapshot

from coalition_kg import pipeline
from coalition_kg.core import atomic
from coalition_kg.core.paths import DATA_DIR, PROJECT_DIR
from coalition_kg.store.disk import open_store
from coalition_kg.store.manifest import MANIFEST, data_fingerprint

CLI = Path(sys.executable).parent / "coalition-kg"


def start_build(build_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([str(CLI), "build", "--out", str(build_dir)], cwd=PROJECT_DIR, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def leftovers(build_dir: Path) -> list[str]:
    """Temporaries and half-loaded stores a build should never leave behind."""
    patterns = (".*.tmp", ".loading-*", ".old-store-*", "ontology/.*.tmp")
    return sorted(str(path.relative_to(build_dir)) for pattern in patterns for path in build_dir.glob(pattern))


def test_two_builds_at_once_into_one_folder_leave_one_whole_build(tmp_path: Path):
    build_dir = tmp_path / "build"
    first, second = start_build(build_dir), start_build(build_dir)
    for process in (first, second):
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        assert stdout.startswith("built 546 triples: ")
    manifest = json.loads((build_dir / MANIFEST).read_text())
    assert manifest["fingerprint"] == data_fingerprint(DATA_DIR)
    trig = Dataset(default_union=True).parse(build_dir / "coalition.trig", format="trig")
    nquads = Dataset().parse(build_dir / "coalition.nq", format="nquads")
    assert len(set(trig.quads())) == len(set(nquads.quads())) == 572
    assert pipeline.graph_counts(trig) == manifest["counts"]
    (count,) = open_store(build_dir).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count["n"].value) == manifest["triples"] == 546
    assert len(list(build_dir.glob("store-*"))) == 1
    assert leftovers(build_dir) == []


def test_a_build_waits_for_the_build_that_holds_the_lock(tmp_path: Path):
    build_dir = tmp_path / "build"
    with pipeline.build_lock(build_dir):
        waiting = start_build(build_dir)
        time.sleep(3)  # long enough to read and validate the data, then block on the lock
        assert waiting.poll() is None
        assert sorted(p.name for p in build_dir.iterdir()) == [".lock"]
    stdout, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert (build_dir / MANIFEST).exists()


@pytest.fixture
def old_build(tmp_path: Path) -> Path:
    """A build of data that differs from the project's (one label), so any new output shows."""
    data = tmp_path / "old-data"
    shutil.copytree(DATA_DIR, data)
    register = data / "register.yaml"
    register.write_text(register.read_text().replace("label: Guatemala\n", "label: Guatemala (old build)\n"))
    build_dir = tmp_path / "build"
    pipeline.build(data, build_dir)
    return build_dir


class DiskFull(OSError):
    """Stands for whatever breaks a build midway."""


def test_a_store_that_fails_to_load_leaves_the_previous_build_whole(old_build: Path, monkeypatch: pytest.MonkeyPatch):
    before = snapshot(old_build)

    def fail_midway(build_dir: Path, nquads: bytes, union: bytes, fingerprint: str) -> Path:
        (build_dir / ".loading-half").mkdir()
        raise DiskFull("no space left while loading the store")

    monkeypatch.setattr(pipeline, "load_store", fail_midway)
    with pytest.raises(DiskFull):
        pipeline.build(DATA_DIR, old_build)
    shutil.rmtree(old_build / ".loading-half")  # what the failed loader itself left
    assert snapshot(old_build) == before


def test_a_serializer_that_fails_leaves_the_previous_build_whole(old_build: Path, monkeypatch: pytest.MonkeyPatch):
    before = snapshot(old_build)
    serialize = pipeline.serialize

    def fail_on_json_ld(nquads: bytes, format_name: str) -> bytes:
        if format_name == "jsonld":
            raise DiskFull("JSON-LD serializer failed")
        return serialize(nquads, format_name)

    monkeypatch.setattr(pipeline, "serialize", fail_on_json_ld)
    with pytest.raises(DiskFull):
        pipeline.build(DATA_DIR, old_build)
    assert snapshot(old_build) == before


def interrupt_on_the_third_file(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make the third file a build writes raise KeyboardInterrupt; the temporaries written before it."""
    write_temporary = atomic._write_temporary
    written: list[Path] = []

    def interrupted(path: Path, data: bytes) -> Path:
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(write_temporary(path, data))
        return written[-1]

    monkeypatch.setattr(atomic, "_write_temporary", interrupted)
    return written


def test_an_interrupt_while_writing_leaves_the_previous_build_whole_and_no_temporaries(
    old_build: Path, monkeypatch: pytest.MonkeyPatch
):
    before = snapshot(old_build)
    written = interrupt_on_the_third_file(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(DATA_DIR, old_build)
    assert all(not path.exists() for path in written)
    assert snapshot(old_build) == before


def test_the_next_build_clears_what_a_killed_build_left(old_build: Path):
    (old_build / ".coalition.ttl.killed.tmp").write_bytes(b"half a file")
    (old_build / "ontology" / ".shapes.ttl.killed.tmp").write_bytes(b"half a file")
    (old_build / ".loading-0123456789abcdef-99999").mkdir()
    pipeline.build(DATA_DIR, old_build)
    assert leftovers(old_build) == []
    assert "Guatemala (old build)" not in (old_build / "coalition.ttl").read_text()
