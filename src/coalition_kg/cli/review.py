"""review: one article's draft, reviewed in the browser, saved into data/ and built."""

from __future__ import annotations

from pathlib import Path

import click

from coalition_kg.cli.options import fail, max_size_option, require_extra

TOKEN_VARIABLE = "COALITION_KG_REVIEW_TOKEN"


@click.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than loopback needs --allow-remote and a --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Curated data folder the review reads and saves into (default: data/).")
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Built graph folder the cards are checked against (default: build/).")
@click.option("--allow-remote", is_flag=True, help="Listen on a non-loopback --host (with a --token).")
@click.option("--token", envvar=TOKEN_VARIABLE, default=None, metavar="TOKEN",
              help=f"A secret every request must carry (at least 16 characters; or {TOKEN_VARIABLE}).")
@click.option("--serve-url", default="http://127.0.0.1:8000", show_default=True, metavar="URL",
              help="Where 'coalition-kg serve' runs: after Save and build, the page links to the new facts there.")
@max_size_option
def review(article: Path, host: str, port: int, data_dir: Path | None, build_dir: Path | None, allow_remote: bool,
           token: str | None, serve_url: str, max_bytes: int) -> None:
    """Review the facts of ARTICLE (plain UTF-8 text) in the browser: the article beside a card for
    each fact propose drafts, each checked against the built graph as you decide; Save writes
    data/facts/<source>.yaml and the accepted register entries. Reopening resumes.
    Needs the review extra."""
    require_extra("review", "review", includes=("serve", "propose"))
    from coalition_kg import api
    from coalition_kg.core.inputfiles import InputError
    from coalition_kg.core.paths import BUILD_DIR, DATA_DIR
    from coalition_kg.pipeline import InvalidData
    from coalition_kg.review.app import Settings, listening_socket, run
    from coalition_kg.review.cards import CardsError
    from coalition_kg.review.guard import GuardError, check_listening, is_loopback, loopback_hosts
    from coalition_kg.review.session import ReviewError
    from coalition_kg.review.workspace import Workspace
    from coalition_kg.store.disk import STORE_LINK

    data_dir, build_dir = data_dir or DATA_DIR, build_dir or BUILD_DIR
    try:
        check_listening(host, allow_remote, token)
        sock = listening_socket(host, port)
    except GuardError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot listen on {host}:{port} ({error.strerror})")
    try:
        if not (build_dir / STORE_LINK).exists():  # the cards are checked against a build: make the first
            api.build(data_dir, build_dir, max_bytes=max_bytes)
        workspace = Workspace.open(article, data_dir, build_dir, max_bytes)
    except (InputError, ReviewError, CardsError, *api.user_errors()) as error:
        fail(str(error))
    except InvalidData as invalid:
        fail(f"there is no build to check the cards against, and data/ does not validate: {invalid}")
    port = sock.getsockname()[1]
    settings = Settings(host, port, token, loopback_hosts(host, port) if is_loopback(host) else None, serve_url,
                        build=lambda: api.build(data_dir, build_dir, max_bytes=max_bytes))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    counts = workspace.session.counts()
    click.echo(f"reviewing {article} as source {workspace.session.source_id}, from {workspace.session.started_from}: "
               f"{len(workspace.session.facts)} facts ({counts['open']} open), "
               f"{len(workspace.session.entities)} new register entries")
    kept = build_dir / "review"
    if kept.resolve().is_relative_to(Path.cwd().resolve()):
        kept = kept.resolve().relative_to(Path.cwd().resolve())
    click.echo(f"open {url} (Ctrl-C stops; the review is kept in {kept})")
    run(workspace, settings, sock)
