"""SHACL validation: pyshacl for the core shapes, Oxigraph for the SPARQL-based constraints.

Results are located in the curated files (see :class:`coalition_kg.dataset.rdfize.Origins`)
and gathered in a :class:`coalition_kg.validation.report.ValidationReport`.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, lru_cache

import pyoxigraph
from pyparsing import ParseException
from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from coalition_kg.core.inputfiles import Location
from coalition_kg.core.namespaces import ID, PREFIXES, short_form
from coalition_kg.dataset.canonical import union_ntriples
from coalition_kg.dataset.rdfize import Origins
from coalition_kg.validation.hints import Known, first_difference, typed_ids, with_hints
from coalition_kg.validation.report import ValidationReport, ValidationResult, shown_value
from coalition_kg.validation.shape_batches import share_out, with_batched_property_shapes
from coalition_kg.validation.shapes import SH, Shapes, read_shapes, unusable_shapes
from coalition_kg.validation.sparql_constraints import SparqlConstraint, memory_store, split_shapes, to_rdflib_value
from coalition_kg.validation.sparql_constraints import evaluate as evaluate_constraints

_MINTED_IRI = re.compile(re.escape(ID) + r"[^\s<>\"]+")


# pyshacl logs each broken shape to stderr before raising; :class:`ShapesError` reports it instead.
logging.getLogger("pyshacl-validate").disabled = True



def validate_graph(data: Graph, origins: Origins | None = None, shapes: Shapes | None = None,
                   store: Callable[[], pyoxigraph.Store] | None = None, known: Known | None = None) -> ValidationReport:
    """Validate ``data`` (one graph: pass the union of a dataset) and locate each result.

    pyshacl checks the core shapes; the SPARQL-based constraints run on Oxigraph, on the
    store that ``store`` makes if the caller has the same triples at hand (in its default
    graph); it is made while pyshacl runs. Nothing is fetched: ``owl:imports`` in the data
    or the shapes are not followed. Results get hints (:mod:`.hints`); ``known`` gives the ids
    of a kind to suggest from, those typed in ``data`` unless given."""
    shapes = shapes or read_shapes()
    core, constraints = _split(shapes)
    origins = origins or Origins()
    try:
        for constraint in constraints:
            _prepared(constraint.select, ())  # a broken query is reported as pyshacl would
        with _core_validation(data, core, origins) as core_results:
            oxigraph = store() if store is not None else memory_store(union_ntriples((s, p, o, None) for s, p, o in data))
            results = {_located(r.severity, r.message, r.focus, r.path, to_rdflib_value(r.value), r.shape, origins,
                                first_difference(r.value.value, r.within) if r.within is not None else None)
                       for r in evaluate_constraints(oxigraph, constraints)}
            results |= core_results()
    except (ReportableRuntimeError, ParseException, re.error) as error:
        raise unusable_shapes(shapes, error) from None
    # A set: two constraints of one shape can fail on one value (a datatype and a range): say it once.
    hinted = with_hints(results, data, shapes.graph, known or typed_ids(data))
    return ValidationReport(sorted(hinted, key=_report_order))


def _report_order(result: ValidationResult) -> tuple:
    return (result.file or "", result.line or 0, result.focus, result.path or "", result.message)


def graph_warnings(store: pyoxigraph.Store, origins: Origins, shapes: Shapes | None = None) -> list[ValidationResult]:
    """The results of the shapes' SPARQL constraints of a severity below Violation, for the whole
    union in the default graph of ``store``, located by ``origins``. They tell about the whole
    graph (no fact mentions a register entry), which a validation of one neighbourhood cannot;
    their focus is a node of the class they target, about which :mod:`.hints` has nothing to add."""
    _, constraints = _split(shapes or read_shapes())
    lesser = [constraint for constraint in constraints if constraint.severity != SH.Violation]
    return sorted({_located(r.severity, r.message, r.focus, r.path, to_rdflib_value(r.value), r.shape, origins)
                   for r in evaluate_constraints(store, lesser)},
                  key=_report_order)


def relocated(report: ValidationReport, origins: Origins) -> ValidationReport:
    """``report`` with the results it could not place in the curated files placed by ``origins``
    (those of files read since), where these know the node."""
    def placed(result: ValidationResult) -> ValidationResult:
        if result.file is not None:
            return result
        location = origins.locate(_full_iri(result.focus), _full_iri(result.path) if result.path else None)
        return replace(result, file=location.file, line=location.line) if location else result

    return ValidationReport(sorted(map(placed, report.results), key=_report_order))


def _full_iri(shown: str) -> str:
    """An IRI as :func:`short_form` shows it, in full again."""
    prefix, colon, local = shown.partition(":")
    if colon and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    return ID + shown if not colon else shown


def warnings_are_sparql(shapes: Shapes | None = None) -> bool:
    """Whether every result of a severity below Violation comes from a SPARQL constraint that
    :func:`graph_warnings` evaluates: then the warnings of a whole graph are those of its
    store, and a build that validates only what changed can give them."""
    core, constraints = _split(shapes or read_shapes())
    moved = {c.shape for c in constraints} | {c.constraint for c in constraints}
    lesser = {node for node, severity in core.subject_objects(SH.severity) if severity != SH.Violation}
    return lesser <= moved and all(set(core.predicates(node)) <= _NOT_CONSTRAINTS for node in lesser)


#: What a shape says besides its constraints: a shape that says only these checks nothing itself.
_NOT_CONSTRAINTS = {RDF.type, RDFS.comment, RDFS.label, SH.severity, SH.message, SH.name, SH.description, SH.prefixes,
                    SH.select, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.deactivated}


@cache
def _split(shapes: Shapes) -> tuple[Graph, tuple[SparqlConstraint, ...]]:
    """The core shapes, fed to pyshacl in batches, and the SPARQL constraints, run on Oxigraph."""
    core, constraints = split_shapes(shapes.graph)
    return with_batched_property_shapes(core), tuple(constraints)


@contextmanager
def _core_validation(data: Graph, core: Graph, origins: Origins) -> Iterator[Callable[[], set[ValidationResult]]]:
    """pyshacl on the core shapes, started on entering; the block gets a function that waits
    for the results. For a large graph, the shapes are shared among forked worker processes,
    which read the parent's graph without copying it, while the block goes on in the parent.

    A worker's shapes graph keeps the targets of its own shapes only, so each shape runs in
    exactly one worker and the union of their results is pyshacl's result for all shapes."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(data) < PARALLEL_FROM_TRIPLES:
        results = _pyshacl_results(data, core, origins)
        yield lambda: results
        return
    global _SHARED  # noqa: PLW0603 - read by the forked workers, never written after the fork
    _SHARED = (data, origins)
    shares = share_out(data, core, workers)
    # Frozen objects are never scanned by the workers' cycle collector, so their pages stay shared.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = pool.map_async(_validate_with, shares)
            yield lambda: set().union(*pending.get())
    finally:
        gc.unfreeze()
        _SHARED = None


PARALLEL_FROM_TRIPLES = 50_000
MAX_WORKERS = 4
_SHARED: tuple[Graph, Origins] | None = None


def _validate_with(shapes: Graph) -> set[ValidationResult]:
    assert _SHARED is not None
    data, origins = _SHARED
    return _pyshacl_results(data, shapes, origins)


def _pyshacl_results(data: Graph, core: Graph, origins: Origins) -> set[ValidationResult]:
    _, report, _ = pyshacl_validate(
        _PreparingGraph(store=data.store, identifier=data.identifier, namespace_manager=data.namespace_manager),
        shacl_graph=core,
        inference="none",
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
        do_owl_imports=False,
    )
    return {
        _located(
            report.value(node, SH.resultSeverity),
            min((str(m) for m in report.objects(node, SH.resultMessage)), default=""),
            str(report.value(node, SH.focusNode)),
            report.value(node, SH.resultPath),
            report.value(node, SH.value),
            report.value(node, SH.sourceShape),
            origins,
        )
        for node in report.subjects(RDF.type, SH.ValidationResult)
    }


def _located(severity: Node, message: str, focus: str, path: Node | None, value: Node | None, shape: Node,
             origins: Origins, hint: str | None = None) -> ValidationResult:
    path_iri = path if isinstance(path, URIRef) else None
    location: Location | None = origins.locate(focus, str(path_iri) if path_iri else None)
    return ValidationResult(
        severity=short_form(str(severity)).removeprefix("sh:"),
        message=_MINTED_IRI.sub(lambda m: short_form(m.group(0)), message),
        focus=short_form(focus),
        path=short_form(str(path_iri)) if path_iri else None,
        value=shown_value(value),
        shape=short_form(str(shape)),
        file=location.file if location else None,
        line=location.line if location else None,
        hint=hint,
    )


class _PreparingGraph(Graph):
    """A view of a graph that parses each SPARQL query text once. pyshacl parses a SPARQL
    constraint's query again for every focus node; this matters for the constraints that
    :mod:`.sparql_constraints` leaves to pyshacl (those of shapes given with --shapes that
    it cannot rewrite)."""

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, *args, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and not initNs:
            query_object = _prepared(query_object, tuple(sorted(self.namespaces())))
        return super().query(query_object, processor, result, initNs, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str, namespaces: tuple[tuple[str, URIRef], ...]) -> Query:
    return prepareQuery(text, initNs=dict(namespaces))


