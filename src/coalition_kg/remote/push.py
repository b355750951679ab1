"""Loading the built graph into a SPARQL 1.1 store, so that the canned questions run there.

Each source's named graph is put in place as it is, replacing the graph of the same
name, and the default graph is replaced by the union of all of them. Stores differ
on whether their default graph is the union of the named graphs (Oxigraph's is not,
unless started so); with the union written into the default graph, queries that
use no GRAPH clause, as the canned questions, give the same answers on every store
started with its defaults.

Two ways in: the Graph Store Protocol (an HTTP PUT per graph) or SPARQL Update
(DROP and INSERT DATA per graph).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import pyoxigraph
from pyoxigraph import NamedNode, RdfFormat, Triple

from coalition_kg.queries.engine import DEFAULT_TIMEOUT
from coalition_kg.remote.endpoint import http_url, put_graph, send_update

Graphs = dict[NamedNode, list[Triple]]
GraphWriter = Callable[[NamedNode | None, list[Triple]], None]


class PushError(ValueError):
    """Nowhere to push to."""


@dataclass(frozen=True)
class PushSummary:
    """What was pushed where."""

    target: str
    method: str
    graphs: dict[str, int]
    default_graph_triples: int

    def to_text(self) -> str:
        lines = [f"pushed to {self.target} ({self.method}):"]
        lines += [f"  {count:>5} triples  graph <{name}>" for name, count in self.graphs.items()]
        lines.append(f"  {self.default_graph_triples:>5} triples  default graph (union of the graphs)")
        return "\n".join(lines)


class Target(NamedTuple):
    """Where to push, how, and the function that replaces one graph there."""

    url: str
    method: str
    write: GraphWriter


def push_store(store: pyoxigraph.Store, target: Target) -> PushSummary:
    """Put the graphs of ``store``, named graphs and their union as default graph, into ``target``."""
    graphs = named_graphs(store)
    union = sorted({triple for triples in graphs.values() for triple in triples}, key=str)
    for name, triples in [*graphs.items(), (None, union)]:
        target.write(name, triples)
    counts = {name.value: len(triples) for name, triples in graphs.items()}
    return PushSummary(target.url, target.method, counts, len(union))


def target(endpoint: str | None, graph_store: str | None, timeout: float = DEFAULT_TIMEOUT) -> Target:
    """The store's Graph Store Protocol endpoint ``graph_store`` if given, else its SPARQL
    Update endpoint ``endpoint``."""
    if graph_store:
        return Target(http_url(graph_store), "Graph Store Protocol", lambda name, triples: put_graph(
            graph_store, name, ntriples(triples), timeout
        ))
    if endpoint:
        return Target(http_url(endpoint), "SPARQL Update", lambda name, triples: send_update(
            endpoint, replace_graph(name, triples), timeout
        ))
    raise PushError("say where to push: a SPARQL Update endpoint (--endpoint) or a Graph Store (--graph-store)")


def named_graphs(store: pyoxigraph.Store) -> Graphs:
    """Each named graph of ``store`` and its triples, in a stable order."""
    graphs: Graphs = {}
    for name in sorted(store.named_graphs(), key=str):
        if isinstance(name, NamedNode):
            graphs[name] = sorted((quad.triple for quad in store.quads_for_pattern(None, None, None, name)), key=str)
    return graphs


def replace_graph(name: NamedNode | None, triples: list[Triple]) -> str:
    """The SPARQL Update that replaces one graph (the default graph for None) by ``triples``."""
    data = ntriples(triples).decode("utf-8")
    if name is None:
        return f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{data}}}\n"
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{data}}} }}\n"


def ntriples(triples: list[Triple]) -> bytes:
    """``triples`` in N-Triples."""
    return pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES)
