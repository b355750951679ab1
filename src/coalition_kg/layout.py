"""Where the project keeps things, and whether the built graph is current.

Light on purpose (standard library only): the query path imports it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_DIR / "data"
BUILD_DIR = PROJECT_DIR / "build"
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
ONTOLOGY_FILES = ("coalition.ttl", "shapes.ttl")
MANIFEST = "manifest.json"


def _inputs(data_dir: Path) -> list[Path]:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    return files + [ONTOLOGY_DIR / name for name in ONTOLOGY_FILES]


def data_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A digest of the content of everything a build reads; the built store is current while it matches."""
    digest = hashlib.sha256()
    for path in _inputs(data_dir):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_stamps(data_dir: Path = DATA_DIR) -> str:
    """A digest of the names, sizes and modification times of everything a build reads:
    cheap to compute on every query, unlike the content fingerprint."""
    digest = hashlib.sha256()
    for path in _inputs(data_dir):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read_manifest(build_dir: Path) -> dict:
    try:
        return json.loads((build_dir / MANIFEST).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def built_fingerprint(build_dir: Path = BUILD_DIR) -> str | None:
    """The fingerprint of the data the build in ``build_dir`` was made from, if any."""
    return _read_manifest(build_dir).get("fingerprint")


def is_current(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> bool:
    """Whether ``build_dir`` holds a build of the data as it is now. Unchanged file stamps
    answer at once; changed ones (an edit, a fresh checkout) are settled by content."""
    manifest = _read_manifest(build_dir)
    if manifest.get("stamps") == data_stamps(data_dir):
        return True
    return manifest.get("fingerprint") == data_fingerprint(data_dir)
