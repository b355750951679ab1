"""push: the built graph loaded into a SPARQL 1.1 store."""

from __future__ import annotations

from pathlib import Path

import click

from coalition_kg.cli.options import build_dir_argument, build_dir_option, fail, timeout_option


@click.command()
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
        summary = push_graph(endpoint, graph_store, timeout=timeout, **build_dir_argument(build_dir))
    except user_errors() as error:
        fail(str(error))
    click.echo(summary.to_text())
