"""push, and the options of every command that talks to a remote store."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from coalition_kg.cli.options import build_dir_argument, build_dir_option, fail, size_value, timeout_option

if TYPE_CHECKING:
    from coalition_kg.remote.endpoint import Access

STORES = ("oxigraph", "virtuoso", "fuseki", "generic")  # dialects.STORE_NAMES, kept light here
MAX_ANSWER = "64M"  # http.MAX_ANSWER_BYTES


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Which store it is, and the credentials for it: options, else environment variables, else netrc."""
    for option in reversed(
        (
            click.option(
                "--store",
                type=click.Choice(STORES),
                default=None,
                help="The kind of store (where its services live, what its default graph is); "
                "default: told by its service description.",
            ),
            click.option("--user", envvar="COALITION_KG_USER", default=None, help="User name for HTTP basic or digest authentication [env COALITION_KG_USER; else netrc]."),
            click.option(
                "--password",
                envvar="COALITION_KG_PASSWORD",
                default=None,
                show_default=False,
                help="Password for --user [env COALITION_KG_PASSWORD; prefer it, or netrc, to the command line].",
            ),
            click.option("--token", envvar="COALITION_KG_TOKEN", default=None, show_default=False, help="Bearer token [env COALITION_KG_TOKEN]."),
        )
    ):
        command = option(command)
    return command


def size_limit_option(refused: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--max-size``, whose text access() reads: a local question does not load the size parser."""
    return click.option(
        "--max-size",
        "max_bytes",
        type=str,
        default=MAX_ANSWER,
        show_default=True,
        metavar="SIZE",
        help=f"Refuse {refused} larger than this (e.g. 512K, 64M, 1G).",
    )


answer_size_option = size_limit_option("a remote answer")


def access(
    store: str | None, user: str | None, password: str | None, token: str | None, timeout: float, max_size: str | None = None
) -> Access:
    """How to reach the store, from the options."""
    from coalition_kg.core.inputfiles import parse_size
    from coalition_kg.remote.endpoint import Access

    try:
        extra = {"max_bytes": parse_size(max_size)} if max_size else {}
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--max-size'") from None
    return Access(store=store, user=user, password=password, token=token, timeout=timeout, **extra)


@click.command()
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="The store's SPARQL endpoint (its update service is found from it), e.g. http://localhost:7878/update.",
)
@click.option("--graph-store", metavar="URL", default=None, help="Graph Store Protocol endpoint (used instead), e.g. http://localhost:7878/store.")
@click.option(
    "--protocol",
    type=click.Choice(("update", "graph-store")),
    default=None,
    help="SPARQL Update or the Graph Store Protocol; default: the Graph Store if given, else what the store prefers.",
)
@store_options
@click.option(
    "--batch-size",
    "batch_bytes",
    type=str,
    default=None,
    callback=lambda context, parameter, value: size_value(context, parameter, value) if value else None,
    metavar="SIZE",
    help="Largest request body (e.g. 4M); default: what the store takes.",
)
@timeout_option
@build_dir_option
def push(
    endpoint: str | None,
    graph_store: str | None,
    protocol: str | None,
    store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    batch_bytes: int | None,
    timeout: float,
    build_dir: Path | None,
) -> None:
    """Load the built graph into a SPARQL 1.1 store: each source's named graph, and their union
    (as the default graph, or where the store's queries find it), in batches; then check each
    graph's count there against the build. A failed push says what was loaded and exits 2;
    pushing again replaces every graph."""
    from coalition_kg.api import push as push_graph
    from coalition_kg.api import user_errors

    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        summary = push_graph(
            endpoint,
            graph_store,
            timeout=timeout,
            access=access(store, user, password, token, timeout),
            batch_bytes=batch_bytes,
            progress=line,
            protocol=protocol,
            **build_dir_argument(build_dir),
        )
    except user_errors() as error:
        fail(str(error))
    finally:
        if line:
            line.end()
    click.echo(summary.to_text())


class ProgressLine:
    """How far a push has got, on one line of the terminal, rewritten after each request."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, sent: int, total: int, graphs_done: int, graphs: int) -> None:
        share = sent / total if total else 1.0
        self.stream.write(f"\rpushing: {sent:,} of {total:,} triples ({share:.0%}), {graphs_done} of {graphs} graphs done")
        self.stream.flush()
        self.shown = True

    def end(self) -> None:
        """Clear the line, so that what follows starts on a clean one."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
