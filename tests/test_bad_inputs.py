"""Bad input files: each gets one clear message naming the file, the line, the value and what
was expected, exit code 1 or 2 and never a traceback; a refused build leaves the previous build
byte for byte as it was. Nothing is fetched from the network while reading.

The corpus is tests/bad_data/, one case per file; expected.yaml says what each must give.
Every case runs the real command in a subprocess, several at a time to keep the suite fast.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coalition_kg.core.paths import DATA_DIR, PROJECT_DIR

CORPUS = Path(__file__).parent / "bad_data"
CASES: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
CLI = Path(sys.executable).parent / "coalition-kg"
HUGE = 300 * 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    """What one run of the command gave, and where its message must point."""

    exit_code: int
    stdout: str
    stderr: str
    file: str
    build_before: dict[str, str] | None = None
    build_after: dict[str, str] | None = None


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's SHA-256, every link's target and every folder under ``folder``."""
    state = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                state[key] = "link to " + os.readlink(path)
            elif path.is_dir():
                state[key] = "folder"
            else:
                state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def copy_build(built: Path, target: Path) -> Path:
    shutil.copytree(built, target, symlinks=True)
    return target


def run_case(name: str, work: Path, built: Path) -> Outcome:
    case = CASES[name]
    corpus_file = str((CORPUS / name).relative_to(PROJECT_DIR))
    if case["command"] == "validate":
        result = run("validate", corpus_file)
        return Outcome(result.returncode, result.stdout, result.stderr, corpus_file)
    if case["command"] == "shapes":
        result = run("validate", "--shapes", corpus_file)
        return Outcome(result.returncode, result.stdout, result.stderr, corpus_file)
    data = work / "data"
    shutil.copytree(DATA_DIR, data)
    (data / case["into"]).write_bytes((CORPUS / name).read_bytes())
    old_build = copy_build(built, work / "build")
    before = snapshot(old_build)
    result = run("build", "--data", str(data), "--out", str(old_build))
    return Outcome(result.returncode, result.stdout, result.stderr, str(data / case["into"]), before, snapshot(old_build))


@pytest.fixture(scope="module")
def outcomes(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case of the corpus, run four at a time."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(run_case, name, tmp_path_factory.mktemp(name[:40]), built) for name in CASES}
    return {name: future.result() for name, future in futures.items()}


def test_the_corpus_has_a_case_per_file_and_the_kinds_the_issue_lists():
    files = sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.name not in ("expected.yaml", ".gitattributes"))
    assert files == sorted(CASES)
    kinds = {case["kind"] for case in CASES.values()}
    assert kinds == {"syntax", "truncated", "encoding", "empty", "duplicate", "missing-reference", "date", "size",
                     "no-source-or-quote", "quote-not-in-source", "unknown-kind", "long-value", "remote-fetch",
                     "unsafe-format", "shapes"}
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_file_gets_one_clear_message(name: str, outcomes: dict[str, Outcome]):
    case, outcome = CASES[name], outcomes[name]
    output = outcome.stdout + outcome.stderr
    assert "Traceback" not in output
    assert outcome.exit_code == case["exit"], output
    where = f"{outcome.file}:{case['line']}: " if case["line"] else f"{outcome.file}: "
    if case["exit"] == 2:
        assert outcome.stdout == ""
        (message,) = outcome.stderr.splitlines()
        assert message.startswith("error: " + where)
    else:
        report = (outcome.stderr if case["command"] == "build" else outcome.stdout).splitlines()
        (message,) = [line for line in report if ": Violation: " in line]
        assert message.startswith(where), output
        assert report[-1 if case["command"] != "build" else -2].startswith("does not conform: ")
    for fragment in case["says"]:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    if outcome.build_before is not None:
        assert outcome.build_after == outcome.build_before


# --- files too large to read: generated, a few hundred megabytes, sparse ----------------------------


@contextmanager
def huge_file(path: Path, head: bytes) -> Iterator[Path]:
    """A file of :data:`HUGE` bytes that takes no disk space: ``head``, then a hole."""
    with path.open("wb") as stream:
        stream.write(head)
        stream.truncate(HUGE)
    try:
        yield path
    finally:
        path.unlink()


@pytest.mark.parametrize("suffix, head", [(".yaml", b"source:\n  id: huge\n"), (".ttl", b"@prefix ex: <https://example.org/> .\n")])
def test_a_file_of_several_hundred_megabytes_is_refused_unread(tmp_path: Path, suffix: str, head: bytes):
    with huge_file(tmp_path / f"huge{suffix}", head) as path:
        result = run("validate", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {path}: the file is 300.0 MiB ({HUGE} bytes), over the limit of 64.0 MiB (67108864 bytes); "
        "expected a smaller file, or a larger --max-size\n"
    )


def test_a_huge_source_text_stops_the_build_and_the_build_stays_whole(tmp_path: Path, built: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    old_build = copy_build(built, tmp_path / "build")
    before = snapshot(old_build)
    with huge_file(data / "sources" / "000_f53fdc1be9ced35d.txt", b"Port-au-Prince, Haiti\n") as text:
        result = run("build", "--data", str(data), "--out", str(old_build))
    facts = data / "facts" / "000_f53fdc1be9ced35d.yaml"
    line = next(n for n, line in enumerate(facts.read_text().splitlines(), 1) if line.strip().startswith("text:"))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {facts}:{line}: source text {text}: the file is 300.0 MiB ({HUGE} bytes), over the limit of "
        "64.0 MiB (67108864 bytes); expected a smaller file, or a larger --max-size; build/ is unchanged\n"
    )
    assert snapshot(old_build) == before


def test_max_size_sets_the_limit(tmp_path: Path):
    register = DATA_DIR / "register.yaml"
    result = run("validate", "--max-size", "1K", str(register))
    size = register.stat().st_size
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {register}: the file is {size / 1024:.1f} KiB ({size} bytes), over the limit of 1.0 KiB (1024 bytes); "
        "expected a smaller file, or a larger --max-size\n"
    )
    assert run("validate", "--max-size", "1M").returncode == 0


def test_a_max_size_that_is_not_a_size_is_refused():
    result = run("validate", "--max-size", "lots")
    assert result.returncode == 2
    assert "Invalid value for '--max-size': 'lots' is not a size; expected a whole number of bytes, or one such as 512K" in result.stderr


# --- nothing is fetched ----------------------------------------------------------------------------


@contextmanager
def listening() -> Iterator[tuple[str, list[socket.socket]]]:
    """A local server that records every connection made to it; yields its base URL and the list."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    connections: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connections.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    finally:
        stop.set()
        thread.join()
        for connection in connections:
            connection.close()
        server.close()


def test_a_remote_json_ld_context_is_refused_and_never_fetched(tmp_path: Path):
    with listening() as (base, connections):
        path = tmp_path / "remote.jsonld"
        path.write_text('{\n  "@context": "%s/context.jsonld",\n  "@id": "https://example.org/a",\n  "name": "A"\n}\n' % base)
        result = run("validate", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {path}:2: the JSON-LD context '{base}/context.jsonld' would be fetched, and remote contexts are not; "
        "expected an inline @context object\n"
    )
    assert connections == []


def test_owl_imports_in_data_and_shapes_are_never_followed(tmp_path: Path):
    with listening() as (base, connections):
        data = tmp_path / "data.ttl"
        data.write_text(
            "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
            f"<https://example.org/data> a owl:Ontology ; owl:imports <{base}/more-data.ttl> .\n"
        )
        shapes = tmp_path / "shapes.ttl"
        shapes.write_text(
            "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
            f"<https://example.org/shapes> a owl:Ontology ; owl:imports <{base}/more-shapes.ttl> .\n"
            "<https://example.org/shapes#Ontology> a sh:NodeShape ; sh:targetClass owl:Ontology ;\n"
            "    sh:property [ sh:path owl:imports ; sh:maxCount 0 ] .\n"
        )
        result = run("validate", "--shapes", str(shapes), str(data))
    assert connections == []
    assert result.returncode == 1  # the import is reported as data, not followed
    assert result.stdout.splitlines()[0].startswith(f"{data}:2: Violation: https://example.org/data [owl:imports]: ")


def test_curated_yaml_and_rdf_are_not_mixed_in_one_validation():
    result = run("validate", str(DATA_DIR / "register.yaml"), "tests/bad_data/data_turtle_no_source.ttl")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {DATA_DIR / 'register.yaml'}: curated YAML given with RDF files; expected only YAML, or only Turtle")
