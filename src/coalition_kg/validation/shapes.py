"""SHACL shapes files: read, checked against SHACL itself, and located when broken.

A shapes file that does not parse, declares no shapes, breaks SHACL's own rules, or
holds a SPARQL constraint or pattern that does not compile gives a :class:`ShapesError`
naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pyparsing import ParseException
from pyshacl.entrypoints import meta_validate
from rdflib import RDF, Graph, Literal, Namespace

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError, Location, clip
from coalition_kg.core.namespaces import short_form
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.dataset.rdfinput import parse_rdf_file
from coalition_kg.dataset.rdfize import new_dataset, union_graph
from coalition_kg.validation.report import shown_value

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
_SHACL_TERM = re.compile(r"\bsh:[A-Za-z]+")
_SHAPE_CLASSES = (SH.NodeShape, SH.PropertyShape)


class ShapesError(InputError):
    """A shapes file is not usable SHACL: names the file, the line and what is wrong there."""


@dataclass(frozen=True)
class Shapes:
    """A SHACL shapes graph and the file it was read from, to point at the line of a broken shape."""

    graph: Graph
    file: str
    text: str


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



def _check_against_shacl_shapes(shapes: Shapes) -> None:
    conforms, report, _ = meta_validate(shapes.graph, inference="none")
    if conforms:
        return
    results = sorted(report.subjects(RDF.type, SH.ValidationResult))
    path, value = report.value(results[0], SH.resultPath), report.value(results[0], SH.value)
    term = short_form(str(path)) if path is not None else "a shape"
    line = _first_line_naming(shapes.text, [term], str(value) if isinstance(value, Literal) else None)
    found = f"{term} {shown_value(value) or ''}: {report.value(results[0], SH.resultMessage)}"
    more = f" (and {len(results) - 1} more)" if len(results) > 1 else ""
    problem = f"not valid SHACL: {' '.join(found.split())}{more}"
    raise ShapesError(Location(shapes.file, line), problem, "shapes that conform to SHACL")


def unusable_shapes(shapes: Shapes, error: Exception) -> ShapesError:
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


