"""model: the fact kinds, their fields and the values they allow, generated from the model and the shapes."""

from __future__ import annotations

import click

from coalition_kg.cli.options import fail


@click.command()
@click.argument("kind", required=False)
def model(kind: str | None) -> None:
    """Print the fact kinds; with KIND (a fact kind, or 'register'), its fields: whether each is
    required, the value it takes, what it means, and the concepts it allows."""
    from coalition_kg.validation import guide

    if kind is None:
        click.echo(guide.overview(), nl=False)
        return
    try:
        text = guide.describe(kind).to_text()
    except guide.UnknownKind as error:
        fail(str(error))
    click.echo(text, nl=False)
