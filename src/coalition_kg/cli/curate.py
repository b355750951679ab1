"""propose: a draft of a new article's facts, for a curator to review."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coalition_kg.cli.options import fail, max_size_option, require_extra


@click.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Draft facts file to write (default: standard output).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Curated data folder whose register and other sources the draft links to (default: data/).")
@max_size_option
def propose(article: Path, output: Path | None, data_dir: Path | None, max_bytes: int) -> None:
    """Propose the facts of ARTICLE (plain UTF-8 text) as a draft facts file.

    Each fact quotes its sentence exactly, with its characters in the article, the rule that
    proposed it and a confidence; what needs a decision, and the new register entries, are
    listed at the top. Nothing is downloaded; the same article and data give the same draft.
    Needs the propose extra.
    """
    require_extra("propose", "propose")
    from coalition_kg.core.atomic import write_atomic
    from coalition_kg.core.inputfiles import InputError
    from coalition_kg.core.paths import DATA_DIR
    from coalition_kg.curation.propose import propose as propose_draft

    try:
        draft = propose_draft(article, data_dir or DATA_DIR, max_bytes=max_bytes)
    except InputError as error:
        fail(str(error))
    text = draft.to_yaml()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(output, text.encode("utf-8"))
        except OSError as error:
            fail(f"{output}: cannot be written ({error.strerror}); expected a file path in a writable folder")
    where = f"wrote {output}" if output else "written to standard output"
    click.echo(f"proposed {len(draft.facts)} facts from {article} ({len(draft.decisions)} to decide, "
               f"{len(draft.new_entities)} new register entries); {where}", err=True)
