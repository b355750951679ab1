"""graph: views of the graph drawn, or measured."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coalition_kg.cli.options import build_dir_argument, build_dir_option, fail, max_size_option


@click.command()
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
@click.option("--input", "source", type=click.Path(path_type=Path), default=None,
              help="Draw a TriG or N-Quads export instead of the built graph.")
@build_dir_option
@max_size_option
def graph(view: str, format_name: str | None, output: Path | None, metrics: bool, source: Path | None,
          build_dir: Path | None, max_bytes: int) -> None:
    """Draw a view of the graph, or measure it (--metrics).

    Pictures (PNG, SVG), network files for Gephi or Cytoscape (GraphML, GEXF), node-link
    JSON, Graphviz DOT, or one self-contained interactive HTML page. The timeline view is
    a chart: PNG or SVG. The graph is the validated one that queries answer from.
    """
    from coalition_kg.api import user_errors, validated_dataset
    from coalition_kg.core.atomic import write_atomic
    from coalition_kg.core.inputfiles import InputError
    from coalition_kg.pictures.metrics import view_metrics
    from coalition_kg.pictures.render import format_for, render
    from coalition_kg.pictures.views import GraphInputError, load_dataset

    drawing = bool(format_name or output)
    if not (drawing or metrics):
        fail("nothing to draw: give --format or -o FILE for a drawing, --metrics for a table, or both")
    if drawing and metrics and output is None:
        fail("--metrics prints its table on standard output; write the drawing to a file with -o FILE")
    try:
        dataset = load_dataset(source, max_bytes) if source else validated_dataset(**build_dir_argument(build_dir))
        table = view_metrics(view, dataset).to_text() if metrics else ""
        data = render(view, format_for(format_name, output), dataset) if drawing else b""
    except (GraphInputError, InputError, *user_errors()) as error:
        fail(str(error))
    if table:
        click.echo(table)
    if drawing and output is None:
        sys.stdout.buffer.write(data)
    elif drawing:
        try:
            write_atomic(output, data)
        except OSError as error:
            fail(f"{output}: cannot be written ({error.strerror}); expected a file path in a writable folder")
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)
