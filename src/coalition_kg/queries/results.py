"""Query answers, and every format they are written in.

A SELECT or ASK answer is kept as the RDF terms the engine gave (the local store,
or pyoxigraph reading a remote endpoint's answer), and every other form is made from
them when it is asked for: the W3C CSV, TSV, JSON and XML formats by pyoxigraph, a
terminal table and a Markdown table here, and plain rows of Python values for
notebooks (``pandas.DataFrame(answer.rows())``). An answer read only as terms is
never written out, so a local question costs little more than the engine's own work.
A CONSTRUCT or DESCRIBE answer is a graph, written as Turtle or N-Triples, or as a
subject/predicate/object table in the other formats.

Unknown values are unbound: empty in CSV and TSV, absent in JSON and XML, None in
rows, "—" in tables.

On the query path: standard library, pyoxigraph and the project's light modules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import islice
from typing import NamedTuple

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse_query_results,
    serialize,
)

from coalition_kg.core.namespaces import PREFIXES, short_form
from coalition_kg.queries.tables import UNKNOWN, render_markdown, render_table

W3C_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES}
ALL_FORMATS = (*RESULT_FORMATS, *GRAPH_FORMATS)

XSD = PREFIXES["xsd"]
_INTEGERS = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    )
}


def _decimal(text: str) -> object:
    from decimal import Decimal  # rare in answers; not worth loading for every query

    return Decimal(text)


_CONVERSIONS = {
    XSD + "decimal": _decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda text: text in ("true", "1"),
    XSD + "date": date.fromisoformat,
    **{datatype: int for datatype in _INTEGERS},
}
_GRAPH_AS_TABLE = (
    "SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object } ORDER BY ?subject ?predicate ?object"
)

Term = NamedNode | BlankNode | Literal | Triple
Solution = tuple[Term | None, ...]
ASK_VARIABLES = ("answer",)  # the one column an ASK answer shows


class FormatError(ValueError):
    """An answer cannot be written in the format asked for."""


class Answer(NamedTuple):
    """The answer to a SELECT or ASK query: its variables and its solutions, each a tuple of
    RDF terms (None where a variable is unbound), or the boolean of an ASK query, whose one
    variable is ``answer``. ``parameters`` are the variables that parameters bound (the same on
    every row, a table shows them once, above it). ``stopped_after`` is the row limit when the
    answer had more rows than it, which were left out. The terms are kept as the engine gave
    them; the W3C formats are written only when asked for."""

    variables: tuple[str, ...]
    solutions: tuple[Solution, ...] = ()
    boolean: bool | None = None
    parameters: tuple[str, ...] = ()
    stopped_after: int | None = None

    @classmethod
    def of(cls, results: QuerySolutions | QueryBoolean) -> Answer:
        if isinstance(results, QueryBoolean):
            return cls(ASK_VARIABLES, boolean=bool(results))
        return cls(_variable_names(results), tuple(map(tuple, results)))

    @classmethod
    def first(cls, solutions: QuerySolutions, limit: int) -> Answer:
        """The first ``limit`` solutions; the rest are never computed."""
        rows = tuple(map(tuple, islice(solutions, limit + 1)))
        return cls(_variable_names(solutions), rows[:limit], stopped_after=limit if len(rows) > limit else None)

    def limited(self, limit: int) -> Answer:
        """The first ``limit`` rows of this answer."""
        if len(self.solutions) <= limit:
            return self
        return self._replace(solutions=self.solutions[:limit], stopped_after=limit)

    def note(self) -> str:
        """What the row limit left out, if anything."""
        return _stopped_note(self.stopped_after, "row")

    def terms(self) -> list[Solution]:
        """Each solution as a tuple of RDF terms, None where a variable is unbound."""
        if self.boolean is not None:
            return [(Literal(self.boolean),)]
        return list(self.solutions)

    def rows(self) -> list[dict[str, object]]:
        """Each solution as a dictionary of Python values: int, Decimal, float, bool,
        datetime.date or str (IRIs in short form, state/GTM or prov:Entity), None if unbound."""
        return [dict(zip(self.variables, map(python_value, terms))) for terms in self.terms()]

    def to(self, format_name: str, width: int | None = None) -> str:
        """The answer written in one of :data:`RESULT_FORMATS`; a table fits ``width`` columns."""
        if format_name in W3C_FORMATS:
            return self._results().serialize(format=W3C_FORMATS[format_name]).decode("utf-8")
        cells = [[display_text(term) for term in terms] for terms in self.terms()]
        if format_name == "table":
            return _table(self.variables, cells, self.parameters, width)
        if format_name == "md":
            return render_markdown(self.variables, cells)
        raise FormatError(
            f"format '{format_name}' is for CONSTRUCT and DESCRIBE answers; expected one of {', '.join(RESULT_FORMATS)}"
        )

    def _results(self) -> QuerySolutions | QueryBoolean:
        """The answer as pyoxigraph's results, which write every W3C format."""
        if self.boolean is not None:
            document = json.dumps({"head": {}, "boolean": self.boolean}, separators=(",", ":")).encode("utf-8")
        else:
            document = solutions_json(self.variables, self.solutions)
        return parse_query_results(document, format=QueryResultsFormat.JSON)


class GraphAnswer(NamedTuple):
    """The answer to a CONSTRUCT or DESCRIBE query: triples; ``stopped_after`` as for :class:`Answer`."""

    triples: tuple[Triple, ...]
    stopped_after: int | None = None

    @classmethod
    def first(cls, triples: Iterable[Triple], limit: int) -> GraphAnswer:
        """The first ``limit`` triples; the rest are never computed."""
        kept = tuple(islice(triples, limit + 1))
        return cls(kept[:limit], limit if len(kept) > limit else None)

    def limited(self, limit: int) -> GraphAnswer:
        """The first ``limit`` triples of this answer."""
        return self if len(self.triples) <= limit else GraphAnswer(self.triples[:limit], limit)

    def note(self) -> str:
        """What the row limit left out, if anything."""
        return _stopped_note(self.stopped_after, "triple")

    def as_solutions(self) -> Answer:
        """The triples as subject/predicate/object solutions, in order."""
        store = Store()
        store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in self.triples)
        return Answer.of(store.query(_GRAPH_AS_TABLE))

    def rows(self) -> list[dict[str, object]]:
        return self.as_solutions().rows()

    def to(self, format_name: str, width: int | None = None) -> str:
        """The graph as Turtle or N-Triples, or as a table in one of :data:`RESULT_FORMATS`."""
        if format_name not in GRAPH_FORMATS:
            return self.as_solutions().to(format_name, width)
        prefixes = PREFIXES if format_name == "turtle" else None
        ordered = sorted(set(self.triples), key=str)
        return serialize(ordered, format=GRAPH_FORMATS[format_name], prefixes=prefixes).decode("utf-8")


def answer_of(
    results: QuerySolutions | QueryBoolean | QueryTriples | Iterable[Triple], limit: int | None = None
) -> Answer | GraphAnswer:
    """The answer held in what a query engine returned: its first ``limit`` rows or triples if given."""
    if isinstance(results, QueryBoolean) or (limit is None and isinstance(results, QuerySolutions)):
        return Answer.of(results)
    if isinstance(results, QuerySolutions):
        return Answer.first(results, limit)
    return GraphAnswer(tuple(results)) if limit is None else GraphAnswer.first(results, limit)


def solutions_json(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    """W3C SPARQL JSON results holding ``rows`` of ``variables``, as pyoxigraph writes them."""
    bindings = [
        {name: term_json(term) for name, term in zip(variables, row) if term is not None} for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def term_json(term: Term) -> dict[str, object]:
    """One RDF term in W3C SPARQL JSON results (with SPARQL 1.2's triple terms and text direction)."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {name: term_json(part) for name, part in parts.items()}}
    entry: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        entry["xml:lang"] = term.language
        if term.direction is not None:
            entry["its:dir"] = str(term.direction.value)
    elif term.datatype.value != XSD + "string":
        entry["datatype"] = term.datatype.value
    return entry


def _variable_names(solutions: QuerySolutions) -> tuple[str, ...]:
    return tuple(variable.value for variable in solutions.variables)


def _stopped_note(stopped_after: int | None, unit: str) -> str:
    if stopped_after is None:
        return ""
    return f"stopped after {stopped_after} {unit}{'' if stopped_after == 1 else 's'}; use --limit to see more"


def python_value(term: Term | None) -> object:
    """A term as a Python value (see :meth:`Answer.rows`)."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return short_form(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        convert = _CONVERSIONS.get(term.datatype.value)
        try:
            return convert(term.value) if convert else term.value
        except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
            return term.value
    return str(term)


def display_text(term: Term | None) -> str:
    """How a term is shown in a table: IRIs in short form, literals as written."""
    if term is None:
        return UNKNOWN
    if isinstance(term, Literal):
        return term.value
    return str(python_value(term))


def _table(header: tuple[str, ...], cells: list[list[str]], parameters: tuple[str, ...], width: int | None) -> str:
    lifted = [i for i, name in enumerate(header) if name in parameters] if cells else []
    caption = "".join(f"{header[i]}: {cells[0][i]}\n" for i in lifted)
    kept = [i for i in range(len(header)) if i not in lifted]
    table = render_table([header[i] for i in kept], [[row[i] for i in kept] for row in cells], width)
    return caption + table + f"{len(cells)} row{'' if len(cells) == 1 else 's'}\n"
