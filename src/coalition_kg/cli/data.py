"""build, validate, export: the graph from the curated data, checked and written out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coalition_kg.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    build_dir_argument,
    build_dir_option,
    fail,
    max_size_option,
)
from coalition_kg.cli.progress import progress_steps


@click.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=None, help="Curated data folder (default: data/).")
@click.option("--out", "build_dir", type=click.Path(path_type=Path), default=None, help="Output folder (default: build/).")
@click.option("--pictures/--no-pictures", default=True, show_default=True,
              help="Draw build/coalition.png and build/timeline.png; --no-pictures, for graphs too large to draw, "
                   "removes the previous ones instead of leaving them stale.")
@click.option("--full", is_flag=True,
              help="Read and validate every source, rather than only what changed since the last build.")
@max_size_option
def build(data_dir: Path | None, build_dir: Path | None, pictures: bool, full: bool, max_bytes: int) -> None:
    """Build the graph from data/, validate it, write the store, the exports and the pictures to build/.

    Only the sources and register entries that changed since the last build are read and
    validated, unless the ontology, the shapes or the build code changed (or --full is given);
    the last line says which kind of build it was and what it redid. On a terminal, each step
    is shown as it runs.
    """
    from coalition_kg import api, pipeline

    try:
        with progress_steps() as progress:
            summary = api.build(data_dir or pipeline.DATA_DIR, build_dir or pipeline.BUILD_DIR, max_bytes=max_bytes,
                                progress=progress, pictures=pictures, full=full)
    except pipeline.InvalidData as invalid:
        click.echo(invalid.report.to_text(), err=True)
        fail("the data does not conform to the shapes; build/ is unchanged", EXIT_INVALID)
    except pipeline.InputError as error:
        fail(f"{error}; build/ is unchanged")
    else:
        click.echo(summary.to_text())


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--shapes", "shapes_file", type=click.Path(path_type=Path), default=None, help="SHACL shapes (default: ontology/shapes.ttl)."
)
@click.option(
    "--incremental",
    is_flag=True,
    help="Check curated facts FILES against the graph already built in build/, without re-validating all of it.",
)
@max_size_option
def validate(files: tuple[Path, ...], output_format: str, shapes_file: Path | None, incremental: bool,
             max_bytes: int) -> None:
    """Validate the project data, or the given curated YAML or RDF FILES, against the SHACL shapes.

    RDF files: Turtle, TriG, N-Quads, N-Triples or JSON-LD; remote JSON-LD contexts and
    owl:imports are never fetched, and RDF/XML is not read.
    Exit code 0: conforms; 1: violations; 2: a file could not be read or parsed (unreadable,
    too large, not UTF-8, malformed YAML or RDF), or no graph is built for --incremental.
    """
    from coalition_kg import api, pipeline
    from coalition_kg.store.disk import StoreMissing

    try:
        with progress_steps() as progress:
            report = api.validate(files, incremental=incremental, shapes_file=shapes_file, max_bytes=max_bytes,
                                  progress=progress)
    except (pipeline.InputError, StoreMissing) as error:
        fail(str(error))
    else:
        click.echo(report.to_json() if output_format == "json" else report.to_text())
        sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@click.command()
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
    default="turtle",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File to write (default: standard output).")
@build_dir_option
def export(format_name: str, output: Path | None, build_dir: Path | None) -> None:
    """Export the validated graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD.

    The graph is the one queries answer from: rebuilt first if data/ changed; while data/ does
    not validate, the last good build, with a warning.
    """
    from coalition_kg import api
    from coalition_kg.core.atomic import write_atomic

    try:
        data = api.export(format_name, **build_dir_argument(build_dir))
    except api.user_errors() as error:
        fail(str(error))
    if output is None:
        sys.stdout.buffer.write(data)
        return
    try:
        write_atomic(output, data)
    except OSError as error:
        fail(f"{output}: cannot be written ({error.strerror}); expected a file path in a writable folder")
    click.echo(f"wrote {output} ({len(data)} bytes)", err=True)
