"""What a build was made from: the manifest in the build folder, and whether the build is current;
what changed since (:func:`data_changes`, :func:`code_fingerprint`), so that a build redoes only
that; and the data a build refused, so that queries answer from the last good build without
validating the same refused data again and again.

Standard library only: the query path checks freshness before every local answer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from coalition_kg.core.atomic import write_atomic
from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, ONTOLOGY_FILES

MANIFEST = "manifest.json"
REFUSED = "refused.json"


def _inputs(data_dir: Path) -> list[Path]:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    return files + [ONTOLOGY_DIR / name for name in ONTOLOGY_FILES]


def input_digests(data_dir: Path = DATA_DIR) -> dict[Path, str]:
    """The content digest of everything a build reads: each data file, and the ontology."""
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in _inputs(data_dir)}


def data_fingerprint(data_dir: Path = DATA_DIR, digests: dict[Path, str] | None = None) -> str:
    """A digest of the content of everything a build reads (of ``digests``, if given: those of
    :func:`input_digests`); the built store is current while it matches."""
    digest = hashlib.sha256()
    for path, content in (digests or input_digests(data_dir)).items():
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(bytes.fromhex(content))
    return digest.hexdigest()


def data_files(data_dir: Path, digests: dict[Path, str]) -> dict[str, str]:
    """The digests of the files in ``data_dir``, by their path relative to it: what the manifest
    keeps to tell, at the next build, which of them changed."""
    return {str(path.relative_to(data_dir)): content for path, content in digests.items() if path.is_relative_to(data_dir)}


@dataclass(frozen=True)
class DataChanges:
    """The data files added, edited and removed since a build, by path relative to the data folder."""

    added: frozenset[str]
    edited: frozenset[str]
    removed: frozenset[str]

    def __contains__(self, name: str) -> bool:
        return name in self.added or name in self.edited or name in self.removed


def data_changes(built: dict[str, str], now: dict[str, str]) -> DataChanges:
    """What changed from the data files of a build (``built``, as :func:`data_files` gives them) to ``now``."""
    return DataChanges(
        added=frozenset(now.keys() - built.keys()),
        edited=frozenset(name for name in now.keys() & built.keys() if now[name] != built[name]),
        removed=frozenset(built.keys() - now.keys()),
    )


#: The package's code that turns the same data into different outputs when it changes: reading
#: and mapping the curated files, validating, the canonical form, the store's layout and the
#: exports, the ontology's pages (which a build that redoes only some sources keeps), and the
#: build itself. The code that draws the pictures and writes the question catalog and the JSON-LD
#: context does not count: those are made anew by every build.
BUILD_CODE = ("pipeline.py", "core", "curation/model.py", "curation/reader.py", "dataset", "validation", "store",
              "exports", "serve/documentation.py")
#: The libraries whose output a build keeps: a new version may write or validate differently.
BUILD_LIBRARIES = ("rdflib", "pyshacl", "pyoxigraph", "pylode")


def code_fingerprint() -> str:
    """A digest of what, besides the data, a build's output depends on: every file of the ontology
    folder (the ontology and the shapes), the :data:`BUILD_CODE` and the versions of the
    :data:`BUILD_LIBRARIES`. A build whose fingerprint differs from the last build's redoes everything."""
    from importlib import metadata  # not on the query path, which imports this module

    package = Path(__file__).resolve().parents[1]
    code = [package / name for name in BUILD_CODE if name.endswith(".py")]
    code += [path for name in BUILD_CODE if not name.endswith(".py") for path in sorted((package / name).rglob("*.py"))]
    ontology = sorted(path for path in ONTOLOGY_DIR.rglob("*") if path.is_file())
    digest = hashlib.sha256()
    for path in [*ontology, *code]:
        digest.update(f"{path.relative_to(path.parents[1])}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in BUILD_LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\n".encode())
    return digest.hexdigest()


def data_stamps(data_dir: Path = DATA_DIR) -> str:
    """A digest of the names, sizes and modification times of everything a build reads:
    cheap to compute on every query, unlike the content fingerprint."""
    digest = hashlib.sha256()
    for path in _inputs(data_dir):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def read_manifest(build_dir: Path) -> dict:
    try:
        return json.loads((build_dir / MANIFEST).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def built_fingerprint(build_dir: Path = BUILD_DIR) -> str | None:
    """The fingerprint of the data the build in ``build_dir`` was made from, if any."""
    return read_manifest(build_dir).get("fingerprint")


def is_current(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> bool:
    """Whether ``build_dir`` holds a build of the data as it is now. Unchanged file stamps
    answer at once; changed ones (an edit, a fresh checkout) are settled by content."""
    manifest = read_manifest(build_dir)
    if manifest.get("stamps") == data_stamps(data_dir):
        return True
    return manifest.get("fingerprint") == data_fingerprint(data_dir)


def record_refusal(build_dir: Path, stamps: str, fingerprint: str, problem: str) -> None:
    """Note that a build refused the data with these stamps and fingerprint, and why (one line)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    record = {"stamps": stamps, "fingerprint": fingerprint, "problem": problem}
    write_atomic(build_dir / REFUSED, (json.dumps(record, indent=2, sort_keys=True) + "\n").encode())


def clear_refusal(build_dir: Path) -> None:
    (build_dir / REFUSED).unlink(missing_ok=True)


def refusal(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> str | None:
    """Why a build refused the data as it is now, if one did; ``None`` if none has tried it."""
    try:
        record = json.loads((build_dir / REFUSED).read_text())
    except (FileNotFoundError, ValueError):
        return None
    if record.get("stamps") == data_stamps(data_dir) or record.get("fingerprint") == data_fingerprint(data_dir):
        return record.get("problem")
    return None
