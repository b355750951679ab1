"""What the commands share: exit codes, options, and printing errors and answers.

Light: click and the standard library; what a command needs beyond them it imports itself.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from packaging.requirements import Requirement

    from coalition_kg.queries.results import Answer, GraphAnswer

MAX_SIZE = "64M"  # inputfiles.MAX_INPUT_BYTES, kept light here
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")  # results.RESULT_FORMATS, kept light here
ALL_FORMATS = (*RESULT_FORMATS, "turtle", "ntriples")  # results.ALL_FORMATS

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2  # pyshacl's convention


def size_value(_context: click.Context, _parameter: click.Parameter, value: str) -> int:
    from coalition_kg.core.inputfiles import parse_size

    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


max_size_option = click.option(
    "--max-size",
    "max_bytes",
    type=str,
    default=MAX_SIZE,
    show_default=True,
    callback=size_value,
    metavar="SIZE",
    help="Refuse, unread, any input file larger than this (e.g. 512K, 64M, 1G).",
)


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def require_extra(extra: str, command: str) -> None:
    """Stop with one line naming the extra to install when a package of ``extra`` that
    ``command`` needs is not installed (or not in a version the project asks for)."""
    if _missing(extra):
        fail(f"'coalition-kg {command}' needs the {extra} extra: pip install 'coalition-kg[{extra}]'")


def _missing(extra: str) -> list[str]:
    """The requirements of ``extra`` alone (not the core's) that the environment does not meet,
    as the installed package's metadata states them."""
    from importlib import metadata

    from packaging.requirements import Requirement

    try:
        requirements = [Requirement(text) for text in metadata.requires("coalition-kg") or ()]
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed: nothing to go by
        return []
    own = [r for r in requirements if r.marker and r.marker.evaluate({"extra": extra})
           and not r.marker.evaluate({"extra": ""})]
    return [str(requirement) for requirement in own if not _installed(requirement)]


def _installed(requirement: Requirement) -> bool:
    from importlib import metadata

    try:
        version = metadata.version(requirement.name)
    except metadata.PackageNotFoundError:
        return False
    return requirement.specifier.contains(version, prereleases=True)


def terminal_width() -> int | None:
    """The terminal's width when printing to one, else the width ``COLUMNS`` asks for; tables
    piped elsewhere without it keep each row on one line."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


wide_option = click.option(
    "--wide", is_flag=True, help="Show each row of a table on one line, every cell whole, whatever the terminal's width."
)


def parameters(_context: click.Context, _parameter: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, equals, text = value.partition("=")
        if not equals or not name.strip():
            raise click.BadParameter(f"expected name=value, got {value!r}")
        pairs[name.strip()] = text
    return pairs


endpoint_option = click.option(
    "--endpoint", metavar="URL", default=None, help="Ask this SPARQL endpoint instead of the local store."
)
build_dir_option = click.option(
    "--build-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Built graph folder (default: build/); rebuilt first if older than data/.",
)
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for a remote endpoint.",
)


def build_dir_argument(build_dir: Path | None) -> dict[str, Path]:
    """The build folder argument of the query API, when one is given."""
    return {"build_dir": build_dir} if build_dir else {}


def print_answer(run: Callable[[], Answer | GraphAnswer], format_name: str, wide: bool = False) -> None:
    """Print the answer of ``run``, a call of the query API, in ``format_name``; a table fits
    the terminal unless ``wide``, and a note says how it was fitted."""
    from coalition_kg.api import user_errors

    width = None if wide else terminal_width()
    try:
        answer = run()
        layout = answer.table(width) if format_name == "table" else None
        text = layout.text if layout else answer.to(format_name, width)
    except user_errors() as error:
        fail(str(error))
    click.echo(text, nl=not text.endswith("\n"))
    for note in (answer.note(), layout.hint(width) if layout else ""):
        if note:
            click.echo(f"note: {note}", err=True)


def shows_names(format_name: str) -> bool:
    """Whether answers in ``format_name`` show the names of IRIs (the tables for people)."""
    return format_name in ("table", "md")


def show_warnings_as_lines() -> None:
    """The warnings the program gives its users (such as an answer from the last good build while
    data/ does not validate) as one ``warning: ...`` line each on standard error; the warnings
    libraries give their developers as Python shows them."""
    import warnings

    library_warnings = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        if issubclass(category, UserWarning):
            click.echo(f"warning: {message}", err=True)
        else:
            library_warnings(message, category, filename, lineno, file, line)

    warnings.showwarning = show
