"""SHACL validation with pyshacl, reported for curators.

A :class:`ValidationReport` lists each result with the data file and line of
the offending fact, the shape's message and the offending value, so that a
curator who does not know SHACL can fix the data.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from .curation import Location
from .namespaces import ID, short_form
from .rdfize import Origins

_MINTED_IRI = re.compile(re.escape(ID) + r"[^\s<>\"]+")
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"


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
    return Graph().parse(path, format="turtle")


def validate_graph(data: Graph, origins: Origins | None = None, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (one graph: pass the union of a dataset) and locate each result."""
    _, results_graph, _ = pyshacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
    )
    origins = origins or Origins()
    # Two constraints of one shape can fail on one value (a datatype and a range): say it once.
    results = list({_result(results_graph, node, origins) for node in results_graph.subjects(RDF.type, SH.ValidationResult)})
    results.sort(key=lambda r: (r.file or "", r.line or 0, r.focus, r.path or "", r.message))
    return ValidationReport(results)


def _result(report: Graph, node: Node, origins: Origins) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    severity = report.value(node, SH.resultSeverity)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    location: Location | None = origins.locate(str(focus), str(path) if isinstance(path, URIRef) else None)
    return ValidationResult(
        severity=short_form(str(severity)).removeprefix("sh:"),
        message=_MINTED_IRI.sub(lambda m: short_form(m.group(0)), messages[0]) if messages else "",
        focus=short_form(str(focus)),
        path=short_form(str(path)) if isinstance(path, URIRef) else None,
        value=_show(value),
        shape=short_form(str(report.value(node, SH.sourceShape))),
        file=location.file if location else None,
        line=location.line if location else None,
    )


def _show(value: Node | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        text = str(value)
        if len(text) > 120:
            text = text[:117] + "..."
        return json.dumps(text, ensure_ascii=False)
    return short_form(str(value))
