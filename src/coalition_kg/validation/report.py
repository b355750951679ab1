"""A validation report a curator can act on.

Each :class:`ValidationResult` names the data file and line of the offending fact, the
shape's message and the offending value, so that a curator who does not know SHACL can
fix the data. Text for a terminal, JSON for tools.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from rdflib import Literal
from rdflib.term import Node

from coalition_kg.core.namespaces import short_form


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
    #: How to fix it, when the data tells more than the shape's message: "did you mean state/BRB?"
    hint: str | None = None

    def describe(self) -> str:
        """One line a curator can act on."""
        where = f"{self.file}:{self.line}" if self.file else "(no file)"
        field_part = f" [{self.path}]" if self.path else ""
        value_part = f" (value: {self.value})" if self.value is not None else ""
        hint_part = f" — {self.hint}" if self.hint else ""
        return f"{where}: {self.severity}: {self.focus}{field_part}: {self.message}{value_part}{hint_part}"


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



def shown_value(value: Node | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        text = str(value)
        if len(text) > 120:
            return json.dumps(text[:117] + "...", ensure_ascii=False) + f" ({len(text)} characters)"
        return json.dumps(text, ensure_ascii=False)
    return short_form(str(value))

