"""pyld reads every resource's JSON-LD with no network: each document, fetched from
``coalition-kg serve`` by its IRI's path with ``Accept: application/ld+json`` as a linked-data
client asks, expands to the resource's own triples (its N-Triples), with no context to fetch
and no document loader but one that refuses everything (tests/offline_rdf.py)."""

from __future__ import annotations

from client_answers import path_of
from coalition_server import get
from offline_rdf import pyld_dataset, rdflib_dataset, union
from rdflib.compare import isomorphic


def test_every_resource_loads_offline_in_json_ld(served, local):
    resources = local.resources()
    loaded = []
    for iri in resources:
        status, headers, document = get(f"{served}{path_of(iri)}", "application/ld+json")
        assert status == 200 and headers["content-type"].startswith("application/ld+json"), iri
        expected = union(rdflib_dataset(get(f"{served}{path_of(iri)}.nt")[2], "nt"))
        if isomorphic(union(pyld_dataset(document)), expected):
            loaded.append(iri)
    assert len(resources) == 107
    assert loaded == resources
