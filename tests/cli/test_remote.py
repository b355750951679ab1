"""The push command: its options, what it prints, and no progress line when not on a terminal."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from oxigraph_server import OxigraphServer

from coalition_kg.cli import main

SOURCE = "https://w3id.org/coalition-kg/id/source/"


def test_push_by_the_graph_store_found_from_the_query_endpoint(oxigraph: OxigraphServer, built: Path) -> None:
    result = CliRunner().invoke(
        main, ["push", "--endpoint", oxigraph.query, "--protocol", "graph-store", "--build-dir", str(built)]
    )
    assert (result.exit_code, result.stderr) == (0, "")  # no progress line: standard error is no terminal
    assert result.stdout == (
        f"pushed to {oxigraph.store} (Graph Store Protocol, 4 requests):\n"
        f"    217 triples  graph <{SOURCE}000_f53fdc1be9ced35d>\n"
        f"    292 triples  graph <{SOURCE}004_488f5bce62634bfc>\n"
        f"     63 triples  graph <{SOURCE}register>\n"
        "    546 triples  default graph (union of the graphs)\n"
        "each graph on the store holds as many triples as the build\n"
    )


def test_a_graph_store_takes_no_update(oxigraph: OxigraphServer, built: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["push", "--graph-store", oxigraph.store, "--protocol", "update", "--store", "oxigraph", "--build-dir", str(built)],
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "error: a Graph Store (--graph-store) takes no SPARQL Update; give --protocol graph-store or no --graph-store\n",
    )


def test_a_batch_size_that_is_no_size(built: Path) -> None:
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:1/update", "--batch-size", "big"])
    assert result.exit_code == 2
    assert "Invalid value for '--batch-size': 'big' is not a size" in result.stderr
