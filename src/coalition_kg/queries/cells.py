"""What a person reads in a cell of an answer: names instead of IRIs, identifiers where they help.

An IRI is shown by its name (see :mod:`coalition_kg.queries.labels`): "Guatemala",
"signature of the agreement". Where its row already shows that name as text (the
``label`` column beside ``state``), or where it has no name, it is shown by its identifier:
its short form (``instrument/slv-signature``, ``ckg:Deployment``), without the kind when the
column is named after it (``GTM`` in a ``state`` column, ``slv-signature`` in an
``instrument`` column). Literals are shown as written, on one line; an unbound value is "—".
The tables of the terminal, Markdown and HTML all show these cells; the W3C formats keep
the full IRIs.

On the query path: standard library, pyoxigraph and the namespaces only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from coalition_kg.core.namespaces import PREFIXES, short_form

UNKNOWN = "—"
XSD = PREFIXES["xsd"]
INTEGER_TYPES = frozenset(
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
        "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    )
)
NUMERIC_TYPES = INTEGER_TYPES | {XSD + "decimal", XSD + "double", XSD + "float"}
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

Term = NamedNode | BlankNode | Literal | Triple


def cell_rows(
    variables: Sequence[str], solutions: Sequence[Sequence[Term | None]], labels: Mapping[str, str]
) -> list[list[str]]:
    """The text of every cell, row by row."""
    rows = []
    for terms in solutions:
        texts = {term.value for term in terms if isinstance(term, Literal)}
        rows.append([cell_text(term, column, labels, texts) for column, term in zip(variables, terms)])
    return rows


def cell_text(term: Term | None, column: str, labels: Mapping[str, str], row_texts: Set[str] = frozenset()) -> str:
    """How ``term``, in the column ``column``, is shown: see the module's docstring."""
    if term is None:
        return UNKNOWN
    if isinstance(term, NamedNode):
        name = labels.get(term.value)
        return one_line(name) if name and name not in row_texts else identifier(term.value, column)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return one_line(term.value if isinstance(term, Literal) else str(term))


def identifier(iri: str, column: str = "") -> str:
    """The short form of ``iri``, without its kind when ``column`` is named after it."""
    short = short_form(iri)
    kind, slash, rest = short.partition("/")
    return rest if slash and kind == column and rest else one_line(short)


def numeric_columns(variables: Sequence[str], solutions: Sequence[Sequence[Term | None]]) -> list[bool]:
    """For each column, whether it holds numbers only (and unknowns): a table aligns them right."""
    flags = []
    for index in range(len(variables)):
        known = [terms[index] for terms in solutions if terms[index] is not None]
        flags.append(bool(known) and all(isinstance(t, Literal) and t.datatype.value in NUMERIC_TYPES for t in known))
    return flags


def one_line(text: str) -> str:
    """``text`` on one line: runs of white space become one space, and the control characters
    that a terminal would take as commands (escape sequences, backspaces) are shown as �."""
    if text.isprintable():
        return text
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", _SPACES.sub(" ", text))
