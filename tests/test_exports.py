"""Exports: every format parses back to the same graph, and the same data gives the same bytes."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from coalition_kg import pipeline
from coalition_kg.exports import FORMATS, serialize, union_graph

PARSERS = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize("format_name", ["turtle", "ntriples"])
def test_single_graph_formats_round_trip_to_the_union(project, format_name):
    parsed = Graph().parse(data=serialize(project.dataset, format_name), format=PARSERS[format_name])
    assert len(parsed) == len(project.dataset) == 527
    assert isomorphic(parsed, union_graph(project.dataset))


@pytest.mark.parametrize("format_name", ["trig", "nquads", "jsonld"])
def test_dataset_formats_round_trip_graph_by_graph(project, format_name):
    parsed = Dataset()
    parsed.parse(data=serialize(project.dataset, format_name), format=PARSERS[format_name])
    expected = named_graphs(project.dataset)
    actual = named_graphs(parsed)
    assert sorted(actual) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(actual[name], graph), name


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_the_same_data_gives_byte_identical_exports(format_name):
    first = serialize(pipeline.load_project().dataset, format_name)
    second = serialize(pipeline.load_project().dataset, format_name)
    assert first == second


def test_turtle_uses_readable_prefixes(project):
    turtle = serialize(project.dataset, "turtle").decode()
    assert "@prefix state: <https://w3id.org/coalition-kg/id/state/> ." in turtle
    assert """
membership:jam-mss-haiti a ckg:Membership ;
    org:member state:JAM ;
    org:organization mission:mss-haiti ;
    prov:qualifiedDerivation evidence:000_f53fdc1be9ced35d.membership.jam-mss-haiti,
        evidence:004_488f5bce62634bfc.membership.jam-mss-haiti ;
    prov:wasDerivedFrom source:000_f53fdc1be9ced35d,
        source:004_488f5bce62634bfc ;
    ckg:joinedBy instrument:jam-adhesion .
""" in turtle
    assert "<https://w3id.org/coalition-kg/id/" not in turtle.split("\n\n", 1)[1]


def test_jsonld_has_a_context(project):
    document = json.loads(serialize(project.dataset, "jsonld"))
    assert document["@context"]["state"] == "https://w3id.org/coalition-kg/id/state/"
    assert document["@context"]["prov"] == "http://www.w3.org/ns/prov#"


def test_an_unknown_format_is_refused(project):
    with pytest.raises(ValueError, match="unknown export format 'rdfxml'; expected one of turtle, trig"):
        serialize(project.dataset, "rdfxml")
