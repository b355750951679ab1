"""Every file a build or ``coalition-kg export`` writes is the graph of the N-Quads it is written
from, read by parsers this project did not write (rdflib; pyld for JSON-LD) with no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from offline_rdf import NetworkAttempt, assert_same_graphs, pyld_dataset, rdflib_dataset, union
from rdflib import Dataset
from rdflib.compare import isomorphic

from coalition_kg import api, pipeline
from coalition_kg.dataset.context import context

DATASET_FILES = {"coalition.trig": "trig", "coalition.jsonld": "json-ld"}


@pytest.fixture(scope="module")
def nquads(built: Path) -> Dataset:
    return rdflib_dataset((built / "coalition.nq").read_bytes(), "nquads")


def test_the_nquads_are_the_graph_the_curated_data_maps_to(project, nquads):
    assert_same_graphs(nquads, project.dataset)
    assert sum(len(graph) for graph in nquads.graphs()) == 572


@pytest.mark.parametrize("name", sorted(DATASET_FILES))
def test_each_dataset_export_read_by_rdflib_is_the_nquads_graph_by_graph(built, nquads, name):
    assert_same_graphs(rdflib_dataset((built / name).read_bytes(), DATASET_FILES[name]), nquads)


def test_the_jsonld_export_read_by_pyld_is_the_nquads_graph_by_graph(built, nquads):
    assert_same_graphs(pyld_dataset((built / "coalition.jsonld").read_bytes()), nquads)


@pytest.mark.parametrize(("written", "rdf_format"), [("coalition.ttl", "turtle"), ("export ntriples", "nt")])
def test_each_single_graph_export_is_the_union_of_the_nquads(built, nquads, written, rdf_format):
    if written.startswith("export"):
        data = api.export(written.split()[1], data_dir=pipeline.DATA_DIR, build_dir=built)
    else:
        data = (built / written).read_bytes()
    parsed = union(rdflib_dataset(data, rdf_format))
    assert len(parsed) == len(union(nquads)) == 546
    assert isomorphic(parsed, union(nquads))


def test_a_parser_that_reaches_for_the_network_fails():
    """The guard the tests above rely on: a context that would be fetched fails both parsers."""
    remote = b'{"@context": "https://w3id.org/coalition-kg/context.jsonld", "@id": "https://example.org/a", "member": "x"}'
    with pytest.raises(NetworkAttempt):
        pyld_dataset(remote)
    with pytest.raises(NetworkAttempt):
        rdflib_dataset(remote, "json-ld")


def test_an_rdf_list_can_only_be_written_as_a_list_object():
    """Compaction keeps every ``@list`` array in order; a term with a list container would write a
    list as a bare array, which the compacted JSON-LD sorts (see ``dataset.context``)."""
    assert [term for term, value in context().items() if isinstance(value, dict) and "@container" in value] == []
