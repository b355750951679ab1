"""SPARQL-based constraints on Oxigraph give exactly the results pyshacl gives for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Namespace

from coalition_kg import pipeline
from coalition_kg.core.namespaces import short_form
from coalition_kg.validation.shacl import validate_graph
from coalition_kg.validation.shapes import load_shapes
from coalition_kg.validation.sparql_constraints import split_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")
CASES_DIR = Path(__file__).parents[1] / "sparql_cases"
CASES = ["facts_quote_not_in_source.yaml", "facts_statement_not_in_evidence.yaml",
         "facts_membership_wrong_instrument.yaml", "register_unmentioned_entity.yaml", "facts_host_state.yaml",
         "facts_conflicting_deployments.yaml", "register_office_as_person.yaml"]


def sparql_results_by_pyshacl(data: Graph) -> set[tuple]:
    """What pyshacl itself reports for the shapes' SPARQL constraints."""
    shapes = load_shapes()
    sparql_shapes = {shape for shape, _ in shapes.subject_objects(SH.sparql)}
    _, report, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return {
        (short_form(str(report.value(r, SH.focusNode))), short_form(str(report.value(r, SH.sourceShape))),
         short_form(str(report.value(r, SH.resultSeverity))).removeprefix("sh:"))
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.sourceShape) in sparql_shapes
    }


def sparql_results_by_project(data: Graph) -> set[tuple]:
    shapes = {short_form(str(s)) for s, _ in load_shapes().subject_objects(SH.sparql)}
    return {(r.focus, r.shape, r.severity) for r in validate_graph(data).results if r.shape in shapes}


def curated_graph(*paths: Path) -> Graph:
    return pipeline.load_files(paths).union_graph()


def test_all_sparql_constraints_move_to_oxigraph_and_core_keeps_the_rest():
    core, constraints = split_shapes(load_shapes())
    assert sorted(str(c.constraint).rsplit("#", 1)[-1] for c in constraints) == [
        "deployments-agree", "entity-is-mentioned", "evidence-occurs-in-source", "host-state-not-joining",
        "host-state-not-member", "host-state-not-sender", "membership-instrument-matches", "person-not-a-body",
        "statement-quoted-in-evidence",
    ]
    assert not list(core.objects(None, SH.sparql))
    assert len(core) > 400


@pytest.mark.parametrize("case", CASES)
def test_oxigraph_finds_what_pyshacl_finds(case):
    data = curated_graph(CASES_DIR / case)
    expected = sparql_results_by_pyshacl(data)
    assert expected, "the fixture must break a SPARQL-based constraint"
    assert sparql_results_by_project(data) == expected


def test_the_project_data_breaks_no_sparql_constraint():
    data = pipeline.load_project().union_graph()
    assert sparql_results_by_pyshacl(data) == sparql_results_by_project(data) == set()
