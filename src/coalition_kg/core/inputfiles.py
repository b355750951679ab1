"""Reading an input file safely, with one clear error naming the file and line.

Every file the pipeline reads (curated YAML, source texts, RDF given to ``validate``,
SHACL shapes) goes through :func:`read_text`, so all refuse the same things alike:
a file over the size limit (checked before reading a byte), a folder, and text that
is not UTF-8. A UTF-8 byte-order mark is accepted and dropped: editors on Windows
write one and it changes nothing. UTF-16 and UTF-32 are refused, with or without a
byte-order mark (without one they show as NUL bytes), because YAML and Turtle
readers would otherwise see garbage or a different text than the curator's editor.
Where a command reads a pipe or a device too (a query from standard input, a FIFO), its
size cannot be known first: it is read up to the limit and refused beyond, so that one that
never ends (``/dev/zero``) stops there.

Standard library only.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_INPUT_BYTES = 64 * 1024 * 1024
_SIZE = re.compile(r"^\s*(\d+)\s*([KMG]?)i?B?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
# UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
_FOREIGN_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_UTF8 = "a file saved as UTF-8"
_SMALLER = "a smaller file, or a larger --max-size"


@dataclass(frozen=True)
class Location:
    """A place in a data file, as a curator's editor shows it (lines count from 1; 0: the whole file)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class InputError(ValueError):
    """An input file cannot be used: names the place, the value found and what was expected."""

    def __init__(self, location: Location, problem: str, expected: str = "") -> None:
        self.location = location
        self.problem = problem
        self.expected = expected
        super().__init__(f"{location}: {problem}" + (f"; expected {expected}" if expected else ""))


def read_text(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """The text of ``path``, refused with an :class:`InputError` if too large, not a file or not UTF-8."""
    return decode_utf8(str(path), read_bytes(path, max_bytes))


def read_bytes(path: Path, max_bytes: int = MAX_INPUT_BYTES, *, streams: bool = False) -> bytes:
    """The bytes of ``path``; a regular file's size is checked before it is read. With ``streams``,
    a pipe or a device (``/dev/stdin``, a FIFO, ``/dev/zero``) is read too, and stopped at the limit."""
    where = Location(str(path), 0)
    try:
        if not path.exists():
            raise InputError(where, "no such file", "a data file")
        if path.is_dir():
            raise InputError(where, "a folder, not a file", "a data file")
        if path.is_file():
            _check_size(where, path.stat().st_size, max_bytes)
        elif not streams:
            raise InputError(where, "not a regular file", "a data file")
        with path.open("rb") as stream:
            return read_stream(str(path), stream, max_bytes)  # a file growing while read is still capped
    except OSError as error:
        raise InputError(where, f"cannot be read ({error.strerror})", "a readable file") from None


def read_stream(file: str, stream: BinaryIO, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """What ``stream`` holds, read up to ``max_bytes`` and refused beyond: one that never ends stops there."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(Location(file, 0), f"more than the limit of {describe_size(max_bytes)}", _SMALLER)
    return data


def decode_utf8(file: str, data: bytes) -> str:
    """``data`` as text: UTF-8, a leading UTF-8 byte-order mark dropped."""
    data = data.removeprefix(codecs.BOM_UTF8)
    for mark, encoding in _FOREIGN_MARKS:
        if data.startswith(mark):
            found = f"the file is {encoding} (byte-order mark {mark.hex(' ').upper()})"
            raise InputError(Location(file, 1), found, _UTF8)
    nul = data.find(b"\0")
    if nul >= 0:
        found = "byte 0x00 (NUL): binary data, or UTF-16 without a byte-order mark"
        raise InputError(Location(file, line_of_offset(data, nul)), found, _UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        found = f"byte 0x{data[error.start]:02x} is not UTF-8"
        raise InputError(Location(file, line_of_offset(data, error.start)), found, _UTF8) from None


def line_of_offset(data: bytes | str, offset: int) -> int:
    """The line (from 1) holding the byte or character at ``offset``."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]


def clip(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters, so a message stays one readable line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_size(text: str) -> int:
    """A size written as bytes or with a binary unit: ``1000``, ``512K``, ``64M``, ``1G`` (also ``64MiB``)."""
    match = _SIZE.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"'{text}' is not a size; expected a whole number of bytes, or one such as 512K, 64M or 1G")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def describe_size(size: int) -> str:
    """A size for people: ``300.0 MiB (314572800 bytes)``."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit} ({size} bytes)"
    return f"{size} bytes"


def _check_size(where: Location, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            where,
            f"the file is {describe_size(size)}, over the limit of {describe_size(max_bytes)}",
            _SMALLER,
        )
