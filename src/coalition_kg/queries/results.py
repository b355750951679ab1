"""Query answers, and every format they are written in.

A SELECT or ASK answer is kept as the RDF terms the engine gave (the local store,
or pyoxigraph reading a remote endpoint's answer), with the readable names of its IRIs
(see :mod:`coalition_kg.queries.labels`), and every other form is made from them when it
is asked for: the W3C CSV, TSV, JSON and XML formats by pyoxigraph, with full IRIs; tables
for people (terminal, Markdown, HTML in a notebook) that show names, see
:mod:`coalition_kg.queries.cells`; plain rows of Python values; and a pandas DataFrame with
a dtype for each column (:mod:`coalition_kg.queries.frames`). An answer read only as terms
is never written out, so a local question costs little more than the engine's own work.
A CONSTRUCT or DESCRIBE answer is a graph, written as Turtle or N-Triples, or as a
subject/predicate/object table in the other formats.

Unknown values are unbound: empty in CSV and TSV, absent in JSON and XML, None in
rows, missing (NA) in a DataFrame, "—" in tables.

On the query path: standard library, pyoxigraph and the project's light modules; rich
and pandas are imported only to draw a terminal table or make a DataFrame.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Literal as Choice, NamedTuple

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
from coalition_kg.queries.cells import INTEGER_TYPES, Term, cell_rows, numeric_columns
from coalition_kg.queries.tables import Layout, html_table, markdown_table, terminal_table

if TYPE_CHECKING:
    import pandas

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


def _decimal(text: str) -> object:
    from decimal import Decimal  # rare in answers; not worth loading for every query

    return Decimal(text)


_CONVERSIONS = {
    XSD + "decimal": _decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda text: text in ("true", "1"),
    XSD + "date": date.fromisoformat,
    **{datatype: int for datatype in INTEGER_TYPES},
}
_GRAPH_AS_TABLE = (
    "SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object } ORDER BY ?subject ?predicate ?object"
)

Solution = tuple[Term | None, ...]
ASK_VARIABLES = ("answer",)  # the one column an ASK answer shows
#: Columns in which a question gives the sentences behind its rows itself.
OWN_EVIDENCE = ("evidence", "sentence")
EVIDENCE = "evidence"
IriForm = Choice["short", "full", "label"]


class Quote(NamedTuple):
    """A source's sentence for a fact: the fact, the source document, the sentence (IRIs in full);
    found by :mod:`coalition_kg.queries.evidence`."""

    fact: str
    document: str
    sentence: str


class FormatError(ValueError):
    """An answer cannot be written in the format asked for."""


class Answer(NamedTuple):
    """The answer to a SELECT or ASK query: its variables and its solutions, each a tuple of
    RDF terms (None where a variable is unbound), or the boolean of an ASK query, whose one
    variable is ``answer``. ``parameters`` are the variables that parameters bound (the same on
    every row, a table shows them once, above it). ``stopped_after`` is the row limit when the
    answer had more rows than it, which were left out. ``labels`` are the readable names of
    its IRIs that have one, by IRI (None for none), for tables and on request. ``evidence``, when
    asked for, is the sources' sentences behind each row (see :mod:`coalition_kg.queries.evidence`),
    which the tables for people show in a column of their own; the W3C formats keep the question's
    columns. The terms are kept as the engine gave them; the W3C formats are written only when asked for."""

    variables: tuple[str, ...]
    solutions: tuple[Solution, ...] = ()
    boolean: bool | None = None
    parameters: tuple[str, ...] = ()
    stopped_after: int | None = None
    labels: Mapping[str, str] | None = None
    byte_limit: int | None = None  # when the rows left out were left out for the answer's size
    evidence: tuple[tuple[Quote, ...], ...] | None = None

    @classmethod
    def of(cls, results: QuerySolutions | QueryBoolean) -> Answer:
        if isinstance(results, QueryBoolean):
            return cls(ASK_VARIABLES, boolean=bool(results))
        return cls(_variable_names(results), tuple(map(tuple, results)))

    @classmethod
    def first(cls, solutions: QuerySolutions, limit: int | None, max_bytes: int | None = None) -> Answer:
        """The first ``limit`` solutions, and no more than about ``max_bytes`` of them once
        written; the rest are never computed."""
        rows, stopped_after, byte_limit = _first(map(tuple, solutions), limit, max_bytes)
        return cls(_variable_names(solutions), rows, stopped_after=stopped_after, byte_limit=byte_limit)

    def limited(self, limit: int) -> Answer:
        """The first ``limit`` rows of this answer."""
        if len(self.solutions) <= limit:
            return self
        return self._replace(solutions=self.solutions[:limit], stopped_after=limit)

    def note(self) -> str:
        """What the row limit left out, if anything."""
        return _stopped_note(self.stopped_after, "row")

    def iris(self) -> set[str]:
        """Every IRI the answer holds."""
        return {term.value for terms in self.solutions for term in terms if isinstance(term, NamedNode)}

    def with_labels(self, labels: Mapping[str, str]) -> Answer:
        """This answer, its IRIs named by ``labels`` (IRI -> name)."""
        return self._replace(labels=dict(labels) or None)

    @property
    def gives_evidence(self) -> bool:
        """Whether the question gives the sentences behind its rows in a column of its own."""
        return self.boolean is not None or any(name in OWN_EVIDENCE for name in self.variables)

    def with_evidence(self, quotes: Sequence[Sequence[Quote]]) -> Answer:
        """This answer with the sources' sentences behind each row (``quotes``, row by row)."""
        return self._replace(evidence=tuple(tuple(row) for row in quotes))

    def terms(self) -> list[Solution]:
        """Each solution as a tuple of RDF terms, None where a variable is unbound."""
        if self.boolean is not None:
            return [(Literal(self.boolean),)]
        return list(self.solutions)

    def rows(self, iris: IriForm = "short") -> list[dict[str, object]]:
        """Each solution as a dictionary of Python values: int, Decimal, float, bool,
        datetime.date or str, None if unbound. IRIs are given in ``iris`` form: ``"short"``
        (state/GTM, prov:Entity), ``"full"`` (the whole IRI) or ``"label"`` (its name, Guatemala,
        or its short form when it has none)."""
        convert = _iri_form(iris, self.labels or {})
        return [dict(zip(self.variables, (convert(term) for term in terms))) for terms in self.terms()]

    def to_dataframe(self, iris: IriForm = "short") -> pandas.DataFrame:
        """The answer as a pandas DataFrame, a column per variable with the dtype of its values:
        ``Int64`` for integers, ``Float64`` for decimals and doubles, ``boolean``, ``datetime64[s]``
        for dates, ``string`` otherwise (IRIs in ``iris`` form, as for :meth:`rows`), and a
        missing value (NA, NaT) where a variable is unbound. Needs pandas: ``pip install
        coalition-kg[pandas]``."""
        from coalition_kg.queries.frames import dataframe

        return dataframe(self.variables, self.terms(), _iri_form(iris, self.labels or {}))

    def to(self, format_name: str, width: int | None = None) -> str:
        """The answer written in one of :data:`RESULT_FORMATS`; a table fits ``width`` columns."""
        if format_name == "json" and self.boolean is None:  # as pyoxigraph would write it, without reading it back
            return solutions_json(self.variables, self.solutions).decode("utf-8")
        if format_name in W3C_FORMATS:
            return self._results().serialize(format=W3C_FORMATS[format_name]).decode("utf-8")
        if format_name == "table":
            return self.table(width).text
        if format_name == "md":
            header, rows = self._with_evidence(list(self.variables), cell_rows(self.variables, self.terms(), self.labels or {}))
            return markdown_table(header, rows)
        raise FormatError(
            f"format '{format_name}' is for CONSTRUCT and DESCRIBE answers; expected one of {', '.join(RESULT_FORMATS)}"
        )

    def table(self, width: int | None = None) -> Layout:
        """The answer as a terminal table fitted to ``width`` columns (each row on one line if
        None): the parameters' values above it, once, and the number of rows below."""
        caption, header, rows, right = self._for_people()
        layout = terminal_table(header, rows, width, right)
        return layout._replace(text="".join(f"{line}\n" for line in caption) + layout.text + _count(rows) + "\n")

    def _repr_html_(self) -> str:
        """The answer as an HTML table, as Jupyter shows it: names, each IRI in full on hover."""
        caption, header, rows, right = self._for_people()
        kept = [self.variables.index(name) if name in self.variables else None for name in header]
        titles = [[terms[i].value if i is not None and isinstance(terms[i], NamedNode) else None for i in kept]
                  for terms in self.terms()]
        return html_table(header, rows, titles, right, "; ".join(caption), _count(rows))

    def _for_people(self) -> tuple[list[str], list[str], list[list[str]], list[bool]]:
        """What the tables for people show: the parameters' values as caption lines, and the
        other columns' names, cells and alignment."""
        terms = self.terms()
        cells = cell_rows(self.variables, terms, self.labels or {})
        lifted = [i for i, name in enumerate(self.variables) if name in self.parameters] if cells else []
        kept = [i for i in range(len(self.variables)) if i not in lifted]
        right = numeric_columns(self.variables, terms)
        header, rows = self._with_evidence([self.variables[i] for i in kept], [[row[i] for i in kept] for row in cells])
        aligned = [right[i] for i in kept] + [False] * (len(header) - len(kept))
        return [f"{self.variables[i]}: {cells[0][i]}" for i in lifted], header, rows, aligned

    def _with_evidence(self, header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
        """The columns and cells of a table for people, and the evidence's column when it was asked
        for and some row has any (the rows of ``stats`` are counts: no source states them)."""
        if not any(self.evidence or ()):
            return header, rows
        return [*header, EVIDENCE], [[*row, evidence_text(quotes)] for row, quotes in zip(rows, self.evidence)]

    def _results(self) -> QuerySolutions | QueryBoolean:
        """The answer as pyoxigraph's results, which write every W3C format."""
        if self.boolean is not None:
            document = json.dumps({"head": {}, "boolean": self.boolean}, separators=(",", ":")).encode("utf-8")
        else:
            document = solutions_json(self.variables, self.solutions)
        return parse_query_results(document, format=QueryResultsFormat.JSON)


class GraphAnswer(NamedTuple):
    """The answer to a CONSTRUCT or DESCRIBE query: triples; ``stopped_after`` and ``labels``
    as for :class:`Answer`."""

    triples: tuple[Triple, ...]
    stopped_after: int | None = None
    labels: Mapping[str, str] | None = None
    byte_limit: int | None = None

    @classmethod
    def first(cls, triples: Iterable[Triple], limit: int | None, max_bytes: int | None = None) -> GraphAnswer:
        """The first ``limit`` triples, and no more than about ``max_bytes`` of them once
        written; the rest are never computed."""
        kept, stopped_after, byte_limit = _first(triples, limit, max_bytes)
        return cls(kept, stopped_after, byte_limit=byte_limit)

    def limited(self, limit: int) -> GraphAnswer:
        """The first ``limit`` triples of this answer."""
        return self if len(self.triples) <= limit else self._replace(triples=self.triples[:limit], stopped_after=limit)

    def note(self) -> str:
        """What the row limit left out, if anything."""
        return _stopped_note(self.stopped_after, "triple")

    def iris(self) -> set[str]:
        """Every IRI the triples hold."""
        return {term.value for triple in self.triples for term in triple if isinstance(term, NamedNode)}

    def with_labels(self, labels: Mapping[str, str]) -> GraphAnswer:
        """This answer, its IRIs named by ``labels`` (IRI -> name)."""
        return self._replace(labels=dict(labels) or None)

    def as_solutions(self) -> Answer:
        """The triples as subject/predicate/object solutions, in order."""
        store = Store()
        store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in self.triples)
        return Answer.of(store.query(_GRAPH_AS_TABLE))._replace(labels=self.labels)

    def rows(self, iris: IriForm = "short") -> list[dict[str, object]]:
        """The triples as subject/predicate/object rows (see :meth:`Answer.rows`)."""
        return self.as_solutions().rows(iris)

    def to_dataframe(self, iris: IriForm = "short") -> pandas.DataFrame:
        """The triples as a subject/predicate/object DataFrame (see :meth:`Answer.to_dataframe`)."""
        return self.as_solutions().to_dataframe(iris)

    def table(self, width: int | None = None) -> Layout:
        """The triples as a subject/predicate/object terminal table (see :meth:`Answer.table`)."""
        return self.as_solutions().table(width)

    def _repr_html_(self) -> str:
        return self.as_solutions()._repr_html_()

    def to(self, format_name: str, width: int | None = None) -> str:
        """The graph as Turtle or N-Triples, or as a table in one of :data:`RESULT_FORMATS`."""
        if format_name not in GRAPH_FORMATS:
            return self.as_solutions().to(format_name, width)
        prefixes = PREFIXES if format_name == "turtle" else None
        ordered = sorted(set(self.triples), key=str)
        return serialize(ordered, format=GRAPH_FORMATS[format_name], prefixes=prefixes).decode("utf-8")


def answer_of(
    results: QuerySolutions | QueryBoolean | QueryTriples | Iterable[Triple],
    limit: int | None = None,
    max_bytes: int | None = None,
) -> Answer | GraphAnswer:
    """The answer held in what a query engine returned: its first ``limit`` rows or triples if
    given, within about ``max_bytes`` once written if given."""
    if isinstance(results, QueryBoolean) or (limit is None and max_bytes is None and isinstance(results, QuerySolutions)):
        return Answer.of(results)
    if isinstance(results, QuerySolutions):
        return Answer.first(results, limit, max_bytes)
    if limit is None and max_bytes is None:
        return GraphAnswer(tuple(results))
    return GraphAnswer.first(results, limit, max_bytes)


#: What a written term costs besides its N-Triples form (the markup of a results format), about.
TERM_OVERHEAD = 16


def _first(items: Iterable[tuple], limit: int | None, max_bytes: int | None) -> tuple[tuple, int | None, int | None]:
    """The first ``limit`` items (all if None), fewer if their written size would pass ``max_bytes`` (the items
    kept, how many when some were left out, and ``max_bytes`` when the size left them out);
    one item more is read, to tell whether any were left out."""
    kept: list[tuple] = []
    size = 0
    for item in islice(items, None if limit is None else limit + 1):
        if len(kept) == limit:
            return tuple(kept), limit, None
        if max_bytes is not None:
            size += written_size(item)
            if size > max_bytes and kept:
                return tuple(kept), len(kept), max_bytes
        kept.append(item)
    return tuple(kept), None, None


def written_size(row: Sequence[Term | None]) -> int:
    """About how many bytes a row of terms takes once written: each term as N-Triples writes it
    (its value, quotes or brackets, a literal's datatype or language), and some markup."""
    return sum(map(len, map(str, row))) + TERM_OVERHEAD * len(row)


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
    """A term as a Python value (see :meth:`Answer.rows`), IRIs in short form."""
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


def _iri_form(iris: IriForm, labels: Mapping[str, str]) -> Callable[[Term | None], object]:
    """The Python value of a term, its IRIs in ``iris`` form."""
    if iris == "short":
        return python_value
    if iris not in ("full", "label"):
        raise FormatError(f"IRIs in '{iris}' form: expected one of short, full, label")

    def convert(term: Term | None) -> object:
        if not isinstance(term, NamedNode):
            return python_value(term)
        return term.value if iris == "full" else labels.get(term.value) or short_form(term.value)

    return convert


def evidence_text(quotes: Sequence[Quote]) -> str:
    """A row's evidence in a table: each source's sentence after the source's id, " | " between them."""
    from coalition_kg.queries.cells import UNKNOWN, identifier, one_line

    sentences = {(quote.document, quote.sentence): None for quote in quotes}
    return " | ".join(f"{identifier(document, 'source')}: {one_line(sentence)}" for document, sentence in sentences) or UNKNOWN


def _count(rows: Sequence[object]) -> str:
    return f"{len(rows)} row{'' if len(rows) == 1 else 's'}"
