"""Files written whole or not at all: a temporary name in the same folder, then a rename.

A reader never sees half a file, and a failed run leaves the old one in place.
Standard library only.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    with staged_files({path: data}):
        pass


@contextmanager
def staged_files(files: Mapping[Path, bytes]) -> Iterator[None]:
    """Write every file to a temporary name first; when the block ends without error, rename
    them all into place. If writing or the block fails, no file is replaced: the temporaries
    are removed, so the old files stay whole and none of the new ones appears."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            temporaries.append((_write_temporary(path, data), path))
        yield
        for temporary, path in temporaries:
            os.replace(temporary, path)
    finally:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)


def temporary_names(path: Path) -> Iterator[Path]:
    """Temporaries of ``path`` that a killed run may have left behind."""
    return path.parent.glob(f".{path.name}.*.tmp")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _write_temporary(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0600); exports are for everyone the umask allows.
        os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


