"""RDF read back as a consumer reads it: with parsers this project did not write (rdflib, pyld),
and with no network. While a document is parsed, any attempt to connect or to resolve a host
name raises :class:`NetworkAttempt` and fails the test, even if the parser swallows the error:
a JSON-LD document must load with its context inline, or with a context the consumer already
holds (``preloaded``: the published context, as the build writes it in ``context.jsonld``)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from unittest import mock

from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

Preloaded = Mapping[str, object]


class NetworkAttempt(AssertionError):
    """A parser tried to reach the network."""


@contextmanager
def no_network() -> Iterator[list[str]]:
    """While the context lasts, reaching for the network fails; the attempts are listed (a document
    loader adds its own) and raised as :class:`NetworkAttempt` at the end, whatever the parser made
    of the error."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args))
        raise OSError(f"no network in this test: {attempts[-1]}")

    try:
        with (mock.patch.object(socket.socket, "connect", refuse), mock.patch.object(socket.socket, "connect_ex", refuse),
              mock.patch.object(socket, "getaddrinfo", refuse)):
            yield attempts
    finally:
        if attempts:
            raise NetworkAttempt(f"a parser reached for the network: {attempts}")


def rdflib_dataset(data: bytes, rdf_format: str, preloaded: Preloaded | None = None) -> Dataset:
    """``data`` parsed by rdflib; a JSON-LD ``@context`` that names a preloaded context is replaced
    by it (rdflib has no document loader to hand it to)."""
    if rdf_format == "json-ld":
        document = json.loads(data)
        if isinstance(document.get("@context"), str) and document["@context"] in (preloaded or {}):
            document["@context"] = preloaded[document["@context"]]["@context"]
        data = json.dumps(document).encode()
    dataset = Dataset()
    with no_network():
        dataset.parse(data=data, format=rdf_format)
    return dataset


def pyld_dataset(data: bytes, preloaded: Preloaded | None = None) -> Dataset:
    """JSON-LD ``data`` turned into N-Quads by pyld (whose only document loader knows the preloaded
    documents and nothing else), then read as a dataset."""
    with no_network() as attempts:
        def load(url: str, options: object = None) -> dict[str, object]:
            if url not in (preloaded or {}):
                attempts.append(url)
                raise OSError(f"no network in this test: {url}")
            return {"contextUrl": None, "documentUrl": url, "document": preloaded[url]}

        nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads", "documentLoader": load})
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return dataset


def graphs(dataset: Dataset) -> dict[str, Graph]:
    """The non-empty graphs of ``dataset`` by name (the default graph's name is rdflib's)."""
    return {str(graph.identifier): graph for graph in dataset.graphs() if len(graph)}


def union(dataset: Dataset) -> Graph:
    merged = Graph()
    for graph in dataset.graphs():
        merged += graph
    return merged


def assert_same_graphs(actual: Dataset, expected: Dataset) -> None:
    """The same named graphs, each isomorphic to its counterpart (blank nodes may be renamed)."""
    actual_graphs, expected_graphs = graphs(actual), graphs(expected)
    assert sorted(actual_graphs) == sorted(expected_graphs)
    for name, graph in expected_graphs.items():
        assert len(actual_graphs[name]) == len(graph), name
        assert isomorphic(actual_graphs[name], graph), name
