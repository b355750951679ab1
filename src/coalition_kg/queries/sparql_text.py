"""Just enough of SPARQL's lexical structure to inspect query text and extend it safely.

Comments, strings and IRIs are read as whole tokens, so that a keyword or a brace
inside them is never taken for structure. This places a VALUES block of parameter
values at the start of a canned question's WHERE group, for endpoints that have no
other way to bind them, and tells which form a query has, to choose the format of
its answer. It is not a parser: whether ad-hoc SPARQL may run is proven on a parse
(:mod:`coalition_kg.queries.sparql_guard`), never by this scan.

Standard library only: on the query path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_TOKEN = (  # compiled on first use (re caches it): loading this module stays cheap
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"
               |'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<variable>[?$]\w+)
    | (?P<word>[^\W\d][\w.-]*(?::(?:[\w.:%-]|\\[_~.\-!$&'()*+,;=/?\#@%])*)?|:(?:[\w.:%-]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<space>\s+)
    | (?P<other>.)
    """
)


class UnsafeQuery(ValueError):
    """A query that must not be run here, and why: an ``update``, a call to another endpoint
    (``service``), or one that could not be proven safe (``unsafe``)."""

    def __init__(self, message: str, reason: str = "unsafe") -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # kept whole across the child process's pipe
        return type(self), (str(self), self.reason)


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    depth: int  # how many brackets of any kind enclose the token

    def is_keyword(self, *keywords: str) -> bool:
        return self.kind == "word" and self.text.upper() in keywords


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` that carry meaning: no spaces or comments."""
    found = []
    depth = 0
    for match in re.finditer(_TOKEN, text, re.VERBOSE | re.DOTALL):
        kind = match.lastgroup or "other"
        if kind == "close":
            depth = max(depth - 1, 0)
        if kind not in ("space", "comment"):
            found.append(Token(kind, match.group(), match.start(), depth))
        if kind == "open":
            depth += 1
    return found


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE for a query; the first keyword of an update."""
    for token in tokens(text):
        if token.depth == 0 and token.is_keyword(*QUERY_FORMS, *UPDATE_FORMS):
            return token.text.upper()
    raise UnsafeQuery("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")


def prefixes_used(text: str) -> set[str]:
    """The prefixes of the prefixed names in ``text`` (those in strings, IRIs and comments aside)."""
    return {token.text.partition(":")[0] for token in tokens(text) if token.kind == "word" and ":" in token.text}


def with_values(text: str, terms: Mapping[str, str]) -> str:
    """``text`` with ``VALUES (?name …) { (term …) }`` opening its WHERE group, and the WHERE
    group of every subquery that projects one of the variables.

    ``terms`` maps variable names to terms already written in N-Triples syntax
    (as pyoxigraph writes them, escaped). Placed first in the WHERE group, the
    values are joined with the whole group, as if the variables were bound
    before it is evaluated; filters of that group see them. A subquery that
    projects a variable (by name, not as an expression's alias) gives it to the
    group around it, so the same values in the subquery change none of the
    answer's rows, but spare the store evaluating the subquery for every value
    the variable could take: pyoxigraph's own substitutions do the same.
    """
    if not terms:
        return text
    for name in terms:
        if not re.fullmatch(r"\w+", name):
            raise ValueError(f"'{name}' is not a SPARQL variable name")
    for opening, names in _groups_taking(text, frozenset(terms)):
        variables = " ".join(f"?{name}" for name in terms if name in names)
        values = " ".join(term for name, term in terms.items() if name in names)
        block = f"\n  VALUES ({variables}) {{ ({values}) }}\n"
        text = text[: opening + 1] + block + text[opening + 1 :]
    return text


@lru_cache(maxsize=256)
def _groups_taking(text: str, names: frozenset[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The groups of ``text`` that take values of ``names``, last first; remembered, because a
    canned question's text is bound again at every call and reading it costs as much as
    answering a small question."""
    groups = _groups_binding(tokens(text), set(names))
    if not groups:
        raise UnsafeQuery("the query has no WHERE group to take parameter values")
    return tuple((opening, frozenset(taken)) for opening, taken in sorted(groups, key=lambda group: group[0], reverse=True))


def _groups_binding(found: list[Token], names: set[str]) -> list[tuple[int, set[str]]]:
    """The offset of each WHERE group that takes values, with the variables it takes: the
    query's own, with every name, and each subquery's, with the names it projects and
    every query around it passes on."""
    form_index = next((i for i, t in enumerate(found) if t.depth == 0 and t.is_keyword(*QUERY_FORMS)), None)
    if form_index is None:
        raise UnsafeQuery("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    opening = _where_group_start(found, form_index)
    groups = [(found[opening].start, set(names))]
    # Each subquery inside a group that takes values: (index of its SELECT, the names it may take).
    pending = [(i, names) for i in _subqueries(found, opening)]
    while pending:
        select, passed = pending.pop()
        projected = _projected(found, select)
        taken = passed & projected if projected is not None else set(passed)
        if not taken:
            continue
        inner = _where_group_start(found, select)
        groups.append((found[inner].start, taken))
        pending += [(i, taken) for i in _subqueries(found, inner)]
    return groups


def _where_group_start(found: list[Token], form_index: int) -> int:
    """The index of the brace that opens the WHERE group of the query form at ``form_index``."""
    depth = found[form_index].depth
    rest = range(form_index + 1, len(found))
    where = next((i for i in rest if found[i].depth == depth and found[i].is_keyword("WHERE")), None)
    if where is None and found[form_index].is_keyword(*GRAPH_FORMS):
        raise UnsafeQuery("a CONSTRUCT or DESCRIBE query needs a WHERE clause to take parameter values")
    start = form_index + 1 if where is None else where + 1
    for i in range(start, len(found)):
        if found[i].depth == depth and found[i].text == "{":
            return i
    raise UnsafeQuery("the query has no WHERE group to take parameter values")


def _subqueries(found: list[Token], opening: int) -> list[int]:
    """The SELECT tokens of the subqueries directly inside the group that opens at ``opening``."""
    depth = found[opening].depth
    selects, nested_in = [], None
    for i in range(opening + 1, len(found)):
        token = found[i]
        if token.depth <= depth:
            break
        if nested_in is not None and token.depth > nested_in:
            continue
        nested_in = None
        if token.is_keyword("SELECT"):
            selects.append(i)
            nested_in = token.depth  # its own subqueries are found from its WHERE group
    return selects


def _projected(found: list[Token], select: int) -> set[str] | None:
    """The variables a SELECT projects by name; None for ``SELECT *``."""
    depth = found[select].depth
    names = set()
    for token in found[select + 1 :]:
        if token.depth == depth and (token.text == "{" or token.is_keyword("WHERE")):
            break
        if token.depth == depth and token.text == "*":
            return None
        if token.depth == depth and token.kind == "variable":
            names.add(token.text[1:])
    return names
