"""The ``coalition-kg`` command: each command calls one function of the Python API.

Every command imports what it needs inside its own function (rdflib, pyshacl and the
pipeline for most, the light query modules for ``query``), so that ``coalition-kg query``
starts fast: it loads click, pyoxigraph and the query layer only.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from coalition_kg.queries.results import Answer, GraphAnswer

MAX_SIZE = "64M"  # inputfiles.MAX_INPUT_BYTES, kept light here
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")  # results.RESULT_FORMATS, kept light here
ALL_FORMATS = (*RESULT_FORMATS, "turtle", "ntriples")  # results.ALL_FORMATS

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2  # pyshacl's convention


def _size(_context: click.Context, _parameter: click.Parameter, value: str) -> int:
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
    callback=_size,
    metavar="SIZE",
    help="Refuse, unread, any input file larger than this (e.g. 512K, 64M, 1G).",
)


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
@max_size_option
def build(data_dir: Path | None, build_dir: Path | None, max_bytes: int) -> None:
    """Build the graph from data/, validate it, write the store and the exports to build/."""
    from coalition_kg import pipeline

    try:
        summary = pipeline.build(data_dir or pipeline.DATA_DIR, build_dir or pipeline.BUILD_DIR, max_bytes)
    except pipeline.InvalidData as invalid:
        click.echo(invalid.report.to_text(), err=True)
        _fail("the data does not conform to the shapes; build/ is unchanged", EXIT_INVALID)
    except pipeline.InputError as error:
        _fail(f"{error}; build/ is unchanged")
    else:
        click.echo(summary.to_text())


@main.command()
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
    Exit code 0: conforms; 1: violations; 2: a file could not be read.
    """
    from coalition_kg import pipeline
    from coalition_kg.store.disk import StoreMissing

    try:
        if incremental:
            report = pipeline.validate_increment(list(files), max_bytes=max_bytes)
        else:
            report = pipeline.validate_files(list(files), shapes_file=shapes_file, max_bytes=max_bytes)
    except (pipeline.InputError, StoreMissing) as error:
        _fail(str(error))
    else:
        click.echo(report.to_json() if output_format == "json" else report.to_text())
        sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@main.command()
@click.option("--view", type=click.Choice(["coalition", "entities", "provenance", "timeline"]), default="coalition", show_default=True)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["png", "svg", "graphml", "gexf", "json", "dot", "html"]),
    default=None,
    help="Output format (default: from the suffix of -o).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File to write (default: standard output).")
@click.option("--metrics", is_flag=True, help="Print degree and betweenness centrality and the connected components of the view.")
@click.option("--input", "source", type=click.Path(path_type=Path), default=None, help="Draw a TriG or N-Quads export instead of data/.")
@max_size_option
def graph(view: str, format_name: str | None, output: Path | None, metrics: bool, source: Path | None, max_bytes: int) -> None:
    """Draw a view of the graph, or measure it (--metrics).

    Pictures (PNG, SVG), network files for Gephi or Cytoscape (GraphML, GEXF), node-link
    JSON, Graphviz DOT, or one self-contained interactive HTML page. The timeline view is
    a chart: PNG or SVG.
    """
    from coalition_kg import pipeline
    from coalition_kg.core.atomic import write_atomic
    from coalition_kg.core.inputfiles import InputError
    from coalition_kg.pictures.metrics import view_metrics
    from coalition_kg.pictures.render import format_for, render
    from coalition_kg.pictures.views import GraphInputError, load_dataset

    drawing = bool(format_name or output)
    if not (drawing or metrics):
        _fail("nothing to draw: give --format or -o FILE for a drawing, --metrics for a table, or both")
    if drawing and metrics and output is None:
        _fail("--metrics prints its table on standard output; write the drawing to a file with -o FILE")
    try:
        dataset = load_dataset(source, max_bytes) if source else pipeline.load_project(max_bytes=max_bytes).dataset
        table = view_metrics(view, dataset).to_text() if metrics else ""
        data = render(view, format_for(format_name, output), dataset) if drawing else b""
    except (GraphInputError, InputError) as error:
        _fail(str(error))
    if table:
        click.echo(table)
    if drawing and output is None:
        sys.stdout.buffer.write(data)
    elif drawing:
        try:
            write_atomic(output, data)
        except OSError as error:
            _fail(f"{output}: cannot be written ({error.strerror}); expected a file path in a writable folder")
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


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
    from coalition_kg import pipeline
    from coalition_kg.core.atomic import write_atomic

    try:
        data = pipeline.export(format_name)
    except pipeline.InvalidData as invalid:
        click.echo(invalid.report.to_text(), err=True)
        _fail("the data does not conform to the shapes; nothing exported", EXIT_INVALID)
    except pipeline.InputError as error:
        _fail(str(error))
    else:
        if output is None:
            sys.stdout.buffer.write(data)
            return
        try:
            write_atomic(output, data)
        except OSError as error:
            _fail(f"{output}: cannot be written ({error.strerror}); expected a file path in a writable folder")
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


def _terminal_width() -> int | None:
    """The terminal's width when printing to one; tables piped elsewhere are not cut."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _parameters(_context: click.Context, _parameter: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
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


def _build(build_dir: Path | None) -> dict[str, Path]:
    """The build folder argument of the query API, when one is given."""
    return {"build_dir": build_dir} if build_dir else {}


def _print_answer(run: Callable[[], Answer | GraphAnswer], format_name: str) -> None:
    """Print the answer of ``run``, a call of the query API, in ``format_name``."""
    from coalition_kg.api import user_errors

    try:
        answer = run()
        text = answer.to(format_name, _terminal_width())
    except user_errors() as error:
        _fail(str(error))
    click.echo(text, nl=not text.endswith("\n"))
    if answer.note():
        click.echo(f"note: {answer.note()}", err=True)


@main.command()
def queries() -> None:
    """List the canned questions: name, summary and parameters."""
    from coalition_kg.queries.engine import catalog_listing

    click.echo(catalog_listing(_terminal_width()), nl=False)


@main.command()
@click.argument("name")
@click.option(
    "-p", "--param", "params", multiple=True, callback=_parameters, metavar="NAME=VALUE", help="A parameter value; repeat for more."
)
@click.option("--format", "format_name", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@endpoint_option
@timeout_option
@build_dir_option
def query(
    name: str, params: dict[str, str], format_name: str, endpoint: str | None, timeout: float, build_dir: Path | None
) -> None:
    """Answer the canned question NAME (see 'coalition-kg queries').

    table and md are for reading; csv, tsv, json and xml are the W3C SPARQL 1.1 result formats.
    """
    from coalition_kg.api import run_query

    _print_answer(lambda: run_query(name, params, endpoint=endpoint, timeout=timeout, **_build(build_dir)), format_name)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--format", "format_name", type=click.Choice(ALL_FORMATS), default="table", show_default=True)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@endpoint_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds the query may run, locally or on the endpoint; it is stopped then.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows (or triples) to show at most."
)
@build_dir_option
def sparql(
    source,
    format_name: str,
    allow_service: bool,
    endpoint: str | None,
    timeout: float,
    limit: int,
    build_dir: Path | None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) from SOURCE, a file or -.

    The project's prefixes (ckg:, prov:, state:, …) are declared. CONSTRUCT and DESCRIBE
    answers print as Turtle or N-Triples, or as subject/predicate/object rows in the other formats.
    Updates are refused, and SERVICE calls unless --allow-service is given.
    """
    from coalition_kg.api import run_sparql

    try:
        text = source.read()
    except UnicodeDecodeError as error:
        _fail(f"{source.name}: not UTF-8 text (byte {error.start}); expected a SPARQL query")
    _print_answer(
        lambda: run_sparql(
            text, endpoint=endpoint, allow_service=allow_service, timeout=timeout, limit=limit, **_build(build_dir)
        ),
        format_name,
    )


@main.command()
@click.option("--endpoint", metavar="URL", default=None, help="SPARQL Update endpoint, e.g. http://localhost:7878/update.")
@click.option("--graph-store", metavar="URL", default=None, help="Graph Store Protocol endpoint (used instead), e.g. http://localhost:7878/store.")
@timeout_option
@build_dir_option
def push(endpoint: str | None, graph_store: str | None, timeout: float, build_dir: Path | None) -> None:
    """Load the built graph into a SPARQL 1.1 store: each source's named graph, and their union
    as the default graph, so that the canned questions give the same answers there."""
    from coalition_kg.api import push as push_graph
    from coalition_kg.api import user_errors

    try:
        summary = push_graph(endpoint, graph_store, timeout=timeout, **_build(build_dir))
    except user_errors() as error:
        _fail(str(error))
    click.echo(summary.to_text())
