"""The ``coalition-kg`` command: each command calls one function of the Python API.

Heavy modules (rdflib, pyshacl) are imported inside the commands that need them,
so that ``coalition-kg query`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2  # pyshacl's convention


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group()
@click.version_option(package_name="coalition-kg")
def main() -> None:
    """A knowledge graph of multinational security coalitions."""


@main.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=None, help="Curated data folder (default: data/).")
@click.option("--out", "build_dir", type=click.Path(path_type=Path), default=None, help="Output folder (default: build/).")
def build(data_dir: Path | None, build_dir: Path | None) -> None:
    """Build the graph from data/, validate it, write the store and the exports to build/."""
    from . import pipeline

    try:
        summary = pipeline.build(data_dir or pipeline.DATA_DIR, build_dir or pipeline.BUILD_DIR)
    except pipeline.InvalidData as invalid:
        click.echo(invalid.report.to_text(), err=True)
        _fail("the data does not conform to the shapes; build/ is unchanged", EXIT_INVALID)
    except (pipeline.CurationError, pipeline.InputError) as error:
        _fail(f"{error}; build/ is unchanged")
    else:
        click.echo(summary.to_text())


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(files: tuple[Path, ...], output_format: str) -> None:
    """Validate the project data, or the given curated YAML or RDF FILES, against the SHACL shapes.

    Exit code 0: conforms; 1: violations; 2: a file could not be read.
    """
    from . import pipeline

    try:
        report = pipeline.validate_files(list(files))
    except (pipeline.CurationError, pipeline.InputError) as error:
        _fail(str(error))
    else:
        click.echo(report.to_json() if output_format == "json" else report.to_text())
        sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@main.command()
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
    default="turtle",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File to write (default: standard output).")
def export(format_name: str, output: Path | None) -> None:
    """Export the validated graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
    from . import pipeline
    from .exports import write_atomic

    try:
        data = pipeline.export(format_name)
    except pipeline.InvalidData as invalid:
        click.echo(invalid.report.to_text(), err=True)
        _fail("the data does not conform to the shapes; nothing exported", EXIT_INVALID)
    except pipeline.CurationError as error:
        _fail(str(error))
    else:
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            write_atomic(output, data)
            click.echo(f"wrote {output} ({len(data)} bytes)", err=True)
