"""What a build was made from: the manifest in the build folder, and whether the build is current;
and the data a build refused, so that queries answer from the last good build without
validating the same refused data again and again.

Standard library only: the query path checks freshness before every local answer.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from coalition_kg.core.atomic import write_atomic
from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, ONTOLOGY_FILES

MANIFEST = "manifest.json"
REFUSED = "refused.json"


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
