"""serve and site: the built graph as linked data, over HTTP or as static files."""

from __future__ import annotations

import os
from pathlib import Path

import click

from coalition_kg.cli.options import fail, require_extra, size_value


def cache_size(context: click.Context, parameter: click.Parameter, value: str) -> int:
    """A size, or 0 for no cache."""
    return 0 if value.strip() == "0" else size_value(context, parameter, value)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--build-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Built graph folder (default: build/).",
)
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow scripts of this origin to query; repeat for more.")
@click.option("--workers", type=click.IntRange(min=1), default=2 * (os.cpu_count() or 1), show_default=True,
              help="Query worker processes in each lane (two per core: queries wait on the disk as well as compute).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query may run; it is stopped then.")
@click.option("--limit", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows (or triples) of an answer at most.")
@click.option("--max-bytes", default="16M", show_default=True, callback=size_value, metavar="SIZE",
              help="Bytes of an answer at most (512K, 16M, 1G); rows beyond are left out, and a header says so.")
@click.option("--memory-limit", default="2G", show_default=True, callback=size_value, metavar="SIZE",
              help="Memory a query worker may hold; a query that needs more is stopped (503) and the worker replaced.")
@click.option("--cache", "cache_bytes", default="64M", show_default=True, callback=cache_size, metavar="SIZE",
              help="Answers kept for the build served, asked again without a query (0: none).")
@click.option("--access-log", is_flag=True, help="Write a line for every request (client, request line, status) to standard output.")
def serve(
    host: str, port: int, build_dir: Path | None, cors: tuple[str, ...], workers: int, timeout: float, limit: int,
    max_bytes: int, memory_limit: int, cache_bytes: int, access_log: bool,
) -> None:
    """Serve the last validated build, read-only: the SPARQL endpoint at /sparql, a page for every
    IRI, the questions in the browser and at /api/queries. Says where it listens once it does.
    Needs the serve extra.

    Pages and canned questions have WORKERS query processes, ad-hoc SPARQL as many again, at a
    lower priority; one client runs at most all but one of the ad-hoc ones at once."""
    require_extra("serve", "serve")
    from coalition_kg.core.paths import BUILD_DIR
    from coalition_kg.serve.app import serve as run_server
    from coalition_kg.serve.server import Settings

    settings = Settings(build_dir or BUILD_DIR, workers=workers, timeout=timeout, row_limit=limit, cors=cors,
                        max_bytes=max_bytes, memory_limit=memory_limit, cache_bytes=cache_bytes)
    try:
        run_server(settings, host, port, access_log)
    except FileNotFoundError as error:
        fail(str(error))


@click.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write the site to.")
@click.option(
    "--build-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Built graph folder (default: build/).",
)
@click.option("--endpoint", metavar="URL", default=None,
              help="The public SPARQL endpoint the site's VoID names (default: none, as the site has no server).")
def site(output: Path, build_dir: Path | None, endpoint: str | None) -> None:
    """Write the pages and each resource's Turtle, N-Triples, JSON-LD and RDF/XML as static files,
    with type maps and an .htaccess that negotiate content as the server does (Apache, with
    mod_rewrite, mod_negotiation and mod_headers), as the IRIs' w3id.org redirects expect. Needs
    the serve extra."""
    require_extra("serve", "site")
    from coalition_kg.core.paths import BUILD_DIR
    from coalition_kg.serve.site import SiteNotWritable, write_site

    try:
        summary = write_site(build_dir or BUILD_DIR, output, endpoint)
    except (FileNotFoundError, SiteNotWritable) as error:
        fail(str(error))
    click.echo(summary)
