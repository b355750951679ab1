"""Property shapes that take over their node shape's targets give pyshacl's results unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Namespace

from coalition_kg import pipeline
from coalition_kg.validation import shacl
from coalition_kg.validation.shape_batches import share_out, with_batched_property_shapes
from coalition_kg.validation.shapes import load_shapes
from coalition_kg.validation.sparql_constraints import split_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")
CKG = Namespace("https://w3id.org/coalition-kg/ontology#")
CKGSH = Namespace("https://w3id.org/coalition-kg/shapes#")
BAD_DATA = Path(__file__).parents[1] / "bad_data"
SPARQL_CASES = Path(__file__).parents[1] / "sparql_cases"
EXPECTED = yaml.safe_load((BAD_DATA / "expected.yaml").read_text(encoding="utf-8"))
#: Facts files that reach validation and break some shape.
FACTS_CASES = sorted([
    *(BAD_DATA / name for name, case in EXPECTED.items()
      if name.startswith("facts_") and case["command"] == "validate" and case["exit"] == 1),
    *SPARQL_CASES.glob("facts_*.yaml"),
])


@pytest.fixture(scope="module")
def core() -> Graph:
    return split_shapes(load_shapes())[0]


def results(data: Graph, shapes: Graph) -> set[tuple]:
    _, report, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return {
        tuple(report.value(r, term) for term in (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape,
                                                  SH.resultSeverity, SH.resultMessage))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def test_property_shapes_take_their_node_shapes_targets(core):
    batched = with_batched_property_shapes(core)
    assert (CKGSH["deployment-date"], SH.targetClass, CKG.Deployment) in batched
    assert (None, SH.property, CKGSH["deployment-date"]) not in batched
    assert (None, SH.property, None) not in batched
    assert len(batched) == len(core) - len(set(core.triples((None, SH.property, None)))) + len(
        {(p, t) for n, p in core.subject_objects(SH.property) for t in core.objects(n, SH.targetClass)})


def test_the_project_data_gives_the_same_results(core, project):
    data = project.union_graph()
    assert results(data, with_batched_property_shapes(core)) == results(data, core) == set()


@pytest.mark.parametrize("path", FACTS_CASES, ids=lambda path: path.name)
def test_each_bad_facts_file_gives_the_same_results(core, path: Path):
    data = pipeline.load_files([path]).union_graph()
    assert results(data, with_batched_property_shapes(core)) == results(data, core)


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:Targeted a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:name .
ex:Closed a sh:NodeShape ; sh:targetClass ex:Closed ; sh:closed true ;
    sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ; sh:property ex:name .
ex:Nested a sh:NodeShape ; sh:targetClass ex:Nest ; sh:property ex:name .
ex:Outer a sh:NodeShape ; sh:targetClass ex:Outer ;
    sh:property [ sh:path ex:part ; sh:node ex:Nested ] .
ex:Off a sh:NodeShape ; sh:targetClass ex:Off ; sh:deactivated true ; sh:property ex:name .
ex:name a sh:PropertyShape ; sh:path ex:name ; sh:minCount 1 ; sh:datatype xsd:string .
"""

DATA = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing .
ex:b a ex:Closed ; ex:extra 1 ; ex:name "b" .
ex:c a ex:Outer ; ex:part ex:d .
ex:d ex:name 4 .
ex:e a ex:Nest .
ex:f a ex:Off .
"""


def test_nested_closed_and_deactivated_node_shapes_keep_their_property_shapes():
    shapes = Graph().parse(data=SHAPES, format="turtle")
    batched = with_batched_property_shapes(shapes)
    ex = Namespace("http://example.org/")
    assert (ex.Targeted, SH.property, ex.name) not in batched
    assert (ex.name, SH.targetClass, ex.Thing) in batched
    for kept in (ex.Closed, ex.Nested, ex.Off):
        assert (kept, SH.property, ex.name) in batched
    data = Graph().parse(data=DATA, format="turtle")
    found = results(data, batched)
    assert found == results(data, shapes)
    assert {(str(focus), str(shape)) for focus, _, _, shape, _, _ in found} >= {
        (str(ex.a), str(ex.name)), (str(ex.b), str(ex.Closed)), (str(ex.c), str(next(
            shapes.objects(ex.Outer, SH.property)))), (str(ex.e), str(ex.name))}


def test_the_comparison_is_on_real_violations(core):
    broken = [path.name for path in FACTS_CASES
              if results(pipeline.load_files([path]).union_graph(), with_batched_property_shapes(core))]
    assert len(broken) >= 10, broken


def focus_by_shape(data: Graph, shapes: Graph) -> dict[str, set[str]]:
    """Which focus nodes each shape's targets select in ``data``."""
    found: dict[str, set[str]] = {}
    for shape, rdf_class in shapes.subject_objects(SH.targetClass):
        found.setdefault(str(shape), set()).update(str(n) for n in data.subjects(RDF.type, rdf_class))
    for shape, node in shapes.subject_objects(SH.targetNode):
        found.setdefault(str(shape), set()).add(str(node))
    return found


@pytest.mark.parametrize("workers", [2, 3])
def test_shares_give_each_focus_node_each_shape_exactly_once(core, project, workers):
    data, batched = project.union_graph(), with_batched_property_shapes(core)
    shares = share_out(data, batched, workers)
    assert len(shares) == workers
    everything = focus_by_shape(data, batched)
    per_share = [focus_by_shape(data, share) for share in shares]
    for shape, focus in everything.items():
        parts = [share.get(shape, set()) for share in per_share]
        assert set().union(*parts) == focus, shape
        assert sum(len(part) for part in parts) == len(focus), shape


def test_a_heavy_class_target_is_split_among_the_workers():
    ex = Namespace("http://example.org/")
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:date sh:targetClass ex:Deployment ; sh:path ex:date ;
            sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:gYear ] ) .
        ex:label sh:targetClass ex:State ; sh:path ex:label ; sh:minCount 1 .
        """, format="turtle")
    data = Graph()
    for number in range(10):
        data.add((ex[f"d{number}"], RDF.type, ex.Deployment))
    data.add((ex.s, RDF.type, ex.State))
    first, second = (focus_by_shape(data, share) for share in share_out(data, shapes, 2))
    assert len(first[str(ex.date)]) == len(second[str(ex.date)]) == 5
    assert [str(ex.s)] == [*first.get(str(ex.label), []), *second.get(str(ex.label), [])]


def test_parallel_validation_gives_the_serial_results(monkeypatch):
    mapped = pipeline.load_files([BAD_DATA / "facts_date_impossible.yaml"])
    data = mapped.union_graph()
    serial = shacl.validate_graph(data, mapped.origins)
    monkeypatch.setattr(shacl, "PARALLEL_FROM_TRIPLES", 0)
    parallel = shacl.validate_graph(data, mapped.origins)
    assert parallel.results == serial.results
    assert [r.describe() for r in parallel.violations] == [
        f"{BAD_DATA / 'facts_date_impossible.yaml'}:16: Violation: deployment/bad-gtm-150 [dcterms:date]: "
        "'date:' must be one real calendar date YYYY-MM-DD, or YYYY-MM, or YYYY. (value: \"2024-02-30\")"]
