"""queries, query, sparql: asking the graph, locally or on an endpoint."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coalition_kg.cli.options import (
    ALL_FORMATS,
    RESULT_FORMATS,
    build_dir_argument,
    build_dir_option,
    endpoint_option,
    fail,
    parameters,
    print_answer,
    shows_names,
    terminal_width,
    timeout_option,
    wide_option,
)
from coalition_kg.cli.remote import access, answer_size_option, size_limit_option, store_options


@click.command()
def queries() -> None:
    """List the canned questions: name, summary and parameters."""
    from coalition_kg.queries.engine import catalog_listing

    click.echo(catalog_listing(terminal_width()), nl=False)


@click.command()
@click.argument("name")
@click.option(
    "-p", "--param", "params", multiple=True, callback=parameters, metavar="NAME=VALUE", help="A parameter value; repeat for more."
)
@click.option("--format", "format_name", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@wide_option
@click.option(
    "--evidence/--no-evidence", default=True, show_default=True,
    help="In a table (table, md), the sentence each source quotes for the facts behind each row.",
)
@click.option("--show", is_flag=True, help="Print the question's description, parameters and SPARQL instead of answering it.")
@endpoint_option
@store_options
@answer_size_option
@timeout_option
@build_dir_option
def query(
    name: str,
    params: dict[str, str],
    format_name: str,
    wide: bool,
    evidence: bool,
    show: bool,
    endpoint: str | None,
    store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    max_bytes: str,
    timeout: float,
    build_dir: Path | None,
) -> None:
    """Answer the canned question NAME (see 'coalition-kg queries').

    table and md are for reading, with names instead of IRIs and the sentence each source
    quotes for the facts behind every row; csv, tsv, json and xml are the W3C SPARQL 1.1 result
    formats, with full IRIs. A table fits the terminal: long text wraps, rows become records
    when the columns cannot fit, and --wide shows each row on one line.
    """
    if show:
        from coalition_kg.api import user_errors
        from coalition_kg.queries.catalog import explain, load_query

        try:
            click.echo(explain(load_query(name), terminal_width()), nl=False)
        except user_errors() as error:
            fail(str(error))
        return
    from coalition_kg.api import query as ask

    reach = access(store, user, password, token, timeout, max_bytes) if endpoint else None  # a local question loads no remote module
    print_answer(
        lambda: ask(name, params, endpoint=endpoint, timeout=timeout, access=reach, labels=shows_names(format_name),
                    evidence=evidence and shows_names(format_name), **build_dir_argument(build_dir)),
        format_name,
        wide,
    )


@click.command()
@click.argument("source", metavar="SOURCE")
@click.option("--format", "format_name", type=click.Choice(ALL_FORMATS), default="table", show_default=True)
@wide_option
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@endpoint_option
@store_options
@size_limit_option("the query (a file, a pipe, standard input), or a remote answer,")
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
    source: str,
    format_name: str,
    wide: bool,
    allow_service: bool,
    endpoint: str | None,
    store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    max_bytes: str,
    timeout: float,
    limit: int,
    build_dir: Path | None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) from SOURCE, a file or -.

    The project's prefixes (ckg:, prov:, state:, …) need no declaration, here and on an
    --endpoint. CONSTRUCT and DESCRIBE answers print as Turtle or N-Triples, or as
    subject/predicate/object rows in the other formats. Updates are refused, and SERVICE calls
    unless --allow-service is given. The query is read up to --max-size, standard input and pipes
    included.
    """
    from coalition_kg.api import sparql as run_sparql

    text = _query_text(source, max_bytes)
    reach = access(store, user, password, token, timeout, max_bytes) if endpoint else None  # a local question loads no remote module
    print_answer(
        lambda: run_sparql(
            text, endpoint=endpoint, allow_service=allow_service, timeout=timeout, limit=limit, access=reach,
            labels=shows_names(format_name), **build_dir_argument(build_dir)
        ),
        format_name,
        wide,
    )


def _query_text(source: str, max_size: str) -> str:
    """The query in ``source`` (a path, or - for standard input), read within the size limit."""
    from coalition_kg.core.inputfiles import InputError, parse_size, read_bytes, read_stream

    try:
        max_bytes = parse_size(max_size)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--max-size'") from None
    name = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            data = read_stream(name, sys.stdin.buffer, max_bytes)
        else:
            data = read_bytes(Path(source), max_bytes, streams=True)
    except InputError as error:
        fail(str(error))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"{name}: not UTF-8 text (byte {error.start}); expected a SPARQL query")
