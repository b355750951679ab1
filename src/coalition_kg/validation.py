"""SHACL validation with pyshacl, reported for curators.

A :class:`ValidationReport` lists each result with the data file and line of
the offending fact, the shape's message and the offending value, so that a
curator who does not know SHACL can fix the data.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph
from pyparsing import ParseException
from pyshacl import validate as pyshacl_validate
from pyshacl.entrypoints import meta_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .exports import union_ntriples
from .inputfiles import MAX_INPUT_BYTES, InputError, Location, clip
from .namespaces import ID, short_form
from .rdfinput import parse_rdf_file
from .rdfize import Origins, new_dataset, union_graph
from .shape_batches import share_out, with_batched_property_shapes
from .sparql_constraints import SparqlConstraint, split_shapes, to_rdflib_value
from .sparql_constraints import evaluate as evaluate_constraints
from .store import memory_store

_MINTED_IRI = re.compile(re.escape(ID) + r"[^\s<>\"]+")
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
_SHACL_TERM = re.compile(r"\bsh:[A-Za-z]+")
_SHAPE_CLASSES = (SH.NodeShape, SH.PropertyShape)

# pyshacl logs each broken shape to stderr before raising; :class:`ShapesError` reports it instead.
logging.getLogger("pyshacl-validate").disabled = True


class ShapesError(InputError):
    """A shapes file is not usable SHACL: names the file, the line and what is wrong there."""


@dataclass(frozen=True)
class Shapes:
    """A SHACL shapes graph and the file it was read from, to point at the line of a broken shape."""

    graph: Graph
    file: str
    text: str


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, located in the curated files."""

    severity: str
    message: str
    focus: str
    path: str | None
    value: str | None
    shape: str
    file: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """One line a curator can act on."""
        where = f"{self.file}:{self.line}" if self.file else "(no file)"
        field_part = f" [{self.path}]" if self.path else ""
        value_part = f" (value: {self.value})" if self.value is not None else ""
        return f"{where}: {self.severity}: {self.focus}{field_part}: {self.message}{value_part}"


@dataclass
class ValidationReport:
    """The outcome of validating a dataset against the shapes."""

    results: list[ValidationResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        """Warnings are shown but do not fail validation."""
        return not self.violations

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{verdict}: {len(self.violations)} violation(s), {len(self.warnings)} warning(s)"

    def to_text(self) -> str:
        lines = [result.describe() for result in self.results]
        return "\n".join([*lines, self.summary()])

    def to_json(self) -> str:
        return json.dumps(
            {
                "conforms": self.conforms,
                "violations": len(self.violations),
                "warnings": len(self.warnings),
                "results": [asdict(result) for result in self.results],
            },
            indent=2,
            ensure_ascii=False,
        )


def load_shapes(path: Path = SHAPES_FILE) -> Graph:
    """The project's SHACL shapes."""
    return read_shapes(path).graph


def read_shapes(path: Path = SHAPES_FILE, max_bytes: int = MAX_INPUT_BYTES) -> Shapes:
    """A shapes file, checked: it parses, declares shapes, and (unless it is the project's own,
    which the tests check) conforms to SHACL's own shapes; otherwise :class:`ShapesError`."""
    dataset = new_dataset()
    try:
        text = parse_rdf_file(path, dataset, max_bytes)
    except InputError as error:
        raise ShapesError(error.location, error.problem, error.expected) from None
    shapes = Shapes(union_graph(dataset.quads()), str(path), text)
    if not any((None, RDF.type, shape_class) in shapes.graph for shape_class in _SHAPE_CLASSES):
        raise ShapesError(Location(str(path), 0), "the file declares no shapes", "sh:NodeShape or sh:PropertyShape")
    if path.resolve() != SHAPES_FILE:
        _check_against_shacl_shapes(shapes)
    return shapes


def validate_graph(data: Graph, origins: Origins | None = None, shapes: Shapes | None = None,
                   store: Callable[[], pyoxigraph.Store] | None = None) -> ValidationReport:
    """Validate ``data`` (one graph: pass the union of a dataset) and locate each result.

    pyshacl checks the core shapes; the SPARQL-based constraints run on Oxigraph, on the
    store that ``store`` makes if the caller has the same triples at hand (in its default
    graph); it is made while pyshacl runs. Nothing is fetched: ``owl:imports`` in the data
    or the shapes are not followed."""
    shapes = shapes or read_shapes()
    core, constraints = _split(shapes)
    origins = origins or Origins()
    try:
        for constraint in constraints:
            _prepared(constraint.select, ())  # a broken query is reported as pyshacl would
        with _core_validation(data, core, origins) as core_results:
            oxigraph = store() if store is not None else memory_store(union_ntriples((s, p, o, None) for s, p, o in data))
            results = {_located(r.severity, r.message, r.focus, r.path, to_rdflib_value(r.value), r.shape, origins)
                       for r in evaluate_constraints(oxigraph, constraints)}
            results |= core_results()
    except (ReportableRuntimeError, ParseException, re.error) as error:
        raise _unusable_shapes(shapes, error) from None
    # A set: two constraints of one shape can fail on one value (a datatype and a range): say it once.
    ordered = sorted(results, key=lambda r: (r.file or "", r.line or 0, r.focus, r.path or "", r.message))
    return ValidationReport(ordered)


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
             origins: Origins) -> ValidationResult:
    path_iri = path if isinstance(path, URIRef) else None
    location: Location | None = origins.locate(focus, str(path_iri) if path_iri else None)
    return ValidationResult(
        severity=short_form(str(severity)).removeprefix("sh:"),
        message=_MINTED_IRI.sub(lambda m: short_form(m.group(0)), message),
        focus=short_form(focus),
        path=short_form(str(path_iri)) if path_iri else None,
        value=_show(value),
        shape=short_form(str(shape)),
        file=location.file if location else None,
        line=location.line if location else None,
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


def _check_against_shacl_shapes(shapes: Shapes) -> None:
    conforms, report, _ = meta_validate(shapes.graph, inference="none")
    if conforms:
        return
    results = sorted(report.subjects(RDF.type, SH.ValidationResult))
    path, value = report.value(results[0], SH.resultPath), report.value(results[0], SH.value)
    term = short_form(str(path)) if path is not None else "a shape"
    line = _first_line_naming(shapes.text, [term], str(value) if isinstance(value, Literal) else None)
    found = f"{term} {_show(value) or ''}: {report.value(results[0], SH.resultMessage)}"
    more = f" (and {len(results) - 1} more)" if len(results) > 1 else ""
    problem = f"not valid SHACL: {' '.join(found.split())}{more}"
    raise ShapesError(Location(shapes.file, line), problem, "shapes that conform to SHACL")


def _unusable_shapes(shapes: Shapes, error: Exception) -> ShapesError:
    """pyshacl compiles constraints as it validates; point at the line of the one that failed."""
    if isinstance(error, ParseException):
        return ShapesError(
            Location(shapes.file, _sparql_error_line(shapes, error)),
            f"a SPARQL constraint does not parse: {error.msg}, at {clip(error.line.strip())!r}",
            "a SPARQL SELECT or ASK query",
        )
    if isinstance(error, re.error):
        return ShapesError(
            Location(shapes.file, _first_line_naming(shapes.text, ["sh:pattern"], str(error.pattern))),
            f"sh:pattern {error.pattern!r} is not a regular expression: {error.msg}",
            "a valid regular expression",
        )
    message = str(error.args[0]) if error.args else str(error)
    line = _first_line_naming(shapes.text, _SHACL_TERM.findall(message), None)
    problem = f"not usable SHACL: {clip(message, 200)}"
    return ShapesError(Location(shapes.file, line), problem, "shapes pyshacl can load")


def _sparql_error_line(shapes: Shapes, error: ParseException) -> int:
    """pyshacl puts PREFIX lines before the shape's query: find the query in the file, then the line."""
    full = str(error.pstr)
    queries = [*shapes.graph.objects(None, SH.select), *shapes.graph.objects(None, SH.ask)]
    query = next((str(q) for q in queries if full.endswith(str(q))), "")
    lines = query.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return 0
    start = _first_line_naming(shapes.text, [], lines[first].strip())
    line_in_query = error.lineno - 1 - full[: len(full) - len(query)].count("\n")
    return start + line_in_query - first if start else 0


def _first_line_naming(text: str, terms: list[str], value: str | None) -> int:
    """The first line naming one of ``terms`` and holding ``value`` (either may be left out); 0 if none."""
    for number, line in enumerate(text.split("\n"), start=1):
        if (not terms or any(term in line for term in terms)) and (value is None or value in line):
            return number
    return 0


def _show(value: Node | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        text = str(value)
        if len(text) > 120:
            return json.dumps(text[:117] + "...", ensure_ascii=False) + f" ({len(text)} characters)"
        return json.dumps(text, ensure_ascii=False)
    return short_form(str(value))
