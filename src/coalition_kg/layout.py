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


def data_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A digest of everything a build reads; the built store is current while it matches."""
    digest = hashlib.sha256()
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    files += [ONTOLOGY_DIR / name for name in ONTOLOGY_FILES]
    for path in files:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def built_fingerprint(build_dir: Path = BUILD_DIR) -> str | None:
    """The fingerprint of the data the build in ``build_dir`` was made from, if any."""
    try:
        return json.loads((build_dir / MANIFEST).read_text())["fingerprint"]
    except (FileNotFoundError, KeyError, ValueError):
        return None


def is_current(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> bool:
    """Whether ``build_dir`` holds a build of the data as it is now."""
    return built_fingerprint(build_dir) == data_fingerprint(data_dir)
