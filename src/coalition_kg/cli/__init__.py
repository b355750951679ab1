"""The ``coalition-kg`` command: each command calls one function of the Python API.

Every command imports what it needs inside its own function (rdflib, pyshacl and the
pipeline for most, the light query modules for ``query``), so that ``coalition-kg query``
starts fast: it loads click, pyoxigraph and the query layer only. The commands live in
one module per concern: :mod:`.data`, :mod:`.ask`, :mod:`.remote`, :mod:`.pictures`, :mod:`.curate`,
:mod:`.serve`, :mod:`.review`, :mod:`.model`; what they share in :mod:`.options`.
"""

from __future__ import annotations

import click

from coalition_kg.cli import ask, curate, data, model, pictures, remote, review, serve
from coalition_kg.cli.options import show_warnings_as_lines


@click.group()
@click.version_option(package_name="coalition-kg")
def main() -> None:
    """A knowledge graph of multinational security coalitions."""
    show_warnings_as_lines()


for command in (data.build, data.validate, data.export, ask.queries, ask.query, ask.sparql, remote.push, pictures.graph,
                serve.serve, serve.site):
    main.add_command(command)
main.add_command(curate.propose)
main.add_command(review.review)
main.add_command(model.model)
