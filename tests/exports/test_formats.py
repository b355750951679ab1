"""Exports: every format parses back to the same graph, and the same data gives the same bytes."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from coalition_kg import pipeline
from coalition_kg.dataset.canonical import Canonical, canonical, spliced
from coalition_kg.dataset.context import context
from coalition_kg.exports.formats import FORMATS, serialize, spliced_trig, spliced_turtle

PARSERS = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.fixture(scope="module")
def data(project) -> Canonical:
    return canonical(project.quads)


@pytest.mark.parametrize("format_name", ["turtle", "ntriples"])
def test_single_graph_formats_round_trip_to_the_union(project, data, format_name):
    parsed = Graph().parse(data=serialize(data, format_name), format=PARSERS[format_name])
    assert len(parsed) == len(project.dataset) == 546
    assert isomorphic(parsed, project.union_graph())


@pytest.mark.parametrize("format_name", ["trig", "nquads", "jsonld"])
def test_dataset_formats_round_trip_graph_by_graph(project, data, format_name):
    parsed = Dataset()
    parsed.parse(data=serialize(data, format_name), format=PARSERS[format_name])
    expected = named_graphs(project.dataset)
    actual = named_graphs(parsed)
    assert sorted(actual) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(actual[name], graph), name


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_the_same_data_gives_byte_identical_exports(format_name):
    first = serialize(pipeline.load_quads()[1], format_name)
    second = serialize(pipeline.load_quads()[1], format_name)
    assert first == second


def test_turtle_uses_readable_prefixes(data):
    turtle = serialize(data, "turtle").decode()
    assert "@prefix state: <https://w3id.org/coalition-kg/id/state/> ." in turtle
    assert """
membership:jam-mss-haiti a ckg:Membership ;
\torg:member state:JAM ;
\torg:organization mission:mss-haiti ;
\tprov:qualifiedDerivation evidence:000_f53fdc1be9ced35d.membership.jam-mss-haiti , \
evidence:004_488f5bce62634bfc.membership.jam-mss-haiti ;
\tprov:wasDerivedFrom source:000_f53fdc1be9ced35d , source:004_488f5bce62634bfc ;
\tckg:joinedBy instrument:jam-adhesion .
""" in turtle
    body = "\n".join(line for line in turtle.splitlines() if not line.startswith("@prefix"))
    assert "<https://w3id.org/coalition-kg/id/" not in body


def test_canonical_lines_are_sorted_and_each_once(project, data):
    quads, triples = data.nquads.decode().splitlines(), data.ntriples.decode().splitlines()
    assert quads == sorted(set(quads)) and triples == sorted(set(triples))
    assert len(quads) == len(set(project.quads)) == 572
    assert len(triples) == len({quad[:3] for quad in project.quads}) == 546


def test_jsonld_is_compacted_with_the_published_context(data):
    document = json.loads(serialize(data, "jsonld"))
    assert document["@context"] == context()  # the published context, inline: loading needs no network
    graphs = {graph["@id"]: graph["@graph"] for graph in document["@graph"]}
    assert sorted(graphs) == ["source:000_f53fdc1be9ced35d", "source:004_488f5bce62634bfc", "source:register"]
    jamaica = next(node for node in graphs["source:004_488f5bce62634bfc"] if node["@id"] == "membership:jam-mss-haiti")
    assert jamaica == {
        "@id": "membership:jam-mss-haiti", "@type": "Membership", "joinedBy": "instrument:jam-adhesion",
        "member": "state:JAM", "org_organization": "mission:mss-haiti",
        "qualifiedDerivation": "evidence:004_488f5bce62634bfc.membership.jam-mss-haiti",
        "wasDerivedFrom": "source:004_488f5bce62634bfc",
    }
    guatemala = next(node for node in graphs["source:register"] if node["@id"] == "state:GTM")
    assert guatemala["@type"] == "State" and guatemala["iso3166Alpha3"] == "GTM"


def test_jsonld_reads_back_as_the_nquads_graph_by_graph(data):
    """What a consumer's JSON-LD processor makes of the compacted export: the N-Quads, source by source."""
    from_jsonld, from_nquads = Dataset(), Dataset()
    from_jsonld.parse(data=serialize(data, "jsonld"), format="json-ld")
    from_nquads.parse(data=data.nquads, format="nquads")
    expected, actual = named_graphs(from_nquads), named_graphs(from_jsonld)
    assert sorted(actual) == sorted(expected) and len(expected) == 3
    for name, graph in expected.items():
        assert set(actual[name]) == set(graph), name
    assert sum(len(graph) for graph in actual.values()) == 572


def test_an_unknown_format_is_refused(data):
    with pytest.raises(ValueError, match="unknown export format 'rdfxml'; expected one of turtle, trig"):
        serialize(data, "rdfxml")


def graph_split(project, graph: str) -> tuple[Canonical, Canonical]:
    """The project's data without one named graph, and that graph alone."""
    kept = [quad for quad in project.quads if str(quad[3]) != graph]
    return canonical(kept), canonical(quad for quad in project.quads if str(quad[3]) == graph)


SOURCE = "https://w3id.org/coalition-kg/id/source/004_488f5bce62634bfc"


def test_a_graph_spliced_out_and_back_in_gives_the_bytes_of_a_whole_serialization(project, data):
    without, alone = graph_split(project, SOURCE)
    removed, restored = spliced(data, [SOURCE], Canonical(b"", b"")), spliced(without, [], alone)
    assert removed.data == without and restored.data == data
    for before, added, splice, after in ((data, Canonical(b"", b""), removed, without), (without, alone, restored, data)):
        assert spliced_trig(serialize(before, "trig"), [SOURCE], added) == serialize(after, "trig")
        assert spliced_turtle(serialize(before, "turtle"), splice) == serialize(after, "turtle")
    assert f"<{SOURCE}>".encode() in removed.subjects and removed.subjects == sorted(set(removed.subjects))


def test_splicing_finds_graphs_and_subjects_whose_names_turtle_escapes():
    odd = "https://w3id.org/coalition-kg/id/source/odd."  # a local name may not end with a dot
    quads = [(URIRef(f"https://w3id.org/coalition-kg/id/{name}"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
              Literal(name), URIRef(graph))
             for name, graph in (("state/A.", odd), ("state/B", SOURCE), ("state/C", odd))]
    whole, without = canonical(quads), canonical(q for q in quads if str(q[3]) != odd)
    alone = canonical(q for q in quads if str(q[3]) == odd)
    assert b"source:odd\\. {" in serialize(whole, "trig") and b"state:A\\. " in serialize(whole, "turtle")
    assert spliced_trig(serialize(whole, "trig"), [odd], Canonical(b"", b"")) == serialize(without, "trig")
    assert spliced_trig(serialize(without, "trig"), [], alone) == serialize(whole, "trig")
    splice = spliced(whole, [odd], Canonical(b"", b""))
    assert spliced_turtle(serialize(whole, "turtle"), splice) == serialize(without, "turtle")
