"""Just enough of SPARQL's lexical structure to inspect query text and extend it safely.

Comments, strings and IRIs are read as whole tokens, so that a keyword or a brace
inside them is never taken for structure. This is what tells a query from an
update, finds SERVICE calls, and places a VALUES block of parameter values at the
start of a query's WHERE group, for endpoints that have no other way to bind them.

Standard library only: on the query path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<variable>[?$]\w+)
    | (?P<word>[^\W\d][\w.-]*(?::[\w.:%\\-]*)?|:[\w.:%\\-]*)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<space>\s+)
    | (?P<other>.)
    """
)


SERVICE_REFUSED = "the query calls another endpoint (SERVICE); allow it explicitly (--allow-service)"


class UnsafeQuery(ValueError):
    """A query that must not be run here: an update, or a call to another endpoint."""


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


def check_read_only(text: str, allow_service: bool = False) -> str:
    """The form of a read-only query; an update, or a SERVICE call unless allowed, is refused."""
    form = query_form(text)
    if form in UPDATE_FORMS:
        raise UnsafeQuery(
            f"this is a SPARQL update ({form}); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    if not allow_service and any(token.is_keyword("SERVICE") for token in tokens(text)):
        raise UnsafeQuery(SERVICE_REFUSED)
    return form


def prefixes_used(text: str) -> set[str]:
    """The prefixes of the prefixed names in ``text`` (those in strings, IRIs and comments aside)."""
    return {token.text.partition(":")[0] for token in tokens(text) if token.kind == "word" and ":" in token.text}


def with_values(text: str, terms: Mapping[str, str]) -> str:
    """``text`` with ``VALUES (?name …) { (term …) }`` opening its WHERE group.

    ``terms`` maps variable names to terms already written in N-Triples syntax
    (as pyoxigraph writes them, escaped). Placed first in the WHERE group, the
    values are joined with the whole group, as if the variables were bound
    before it is evaluated; filters of that group see them.
    """
    if not terms:
        return text
    for name in terms:
        if not re.fullmatch(r"\w+", name):
            raise ValueError(f"'{name}' is not a SPARQL variable name")
    opening = _where_group_start(text)
    variables = " ".join(f"?{name}" for name in terms)
    values = " ".join(terms.values())
    block = f"\n  VALUES ({variables}) {{ ({values}) }}\n"
    return text[: opening + 1] + block + text[opening + 1 :]


def _where_group_start(text: str) -> int:
    """The offset of the brace that opens the query's WHERE group."""
    found = tokens(text)
    form_index = next((i for i, t in enumerate(found) if t.depth == 0 and t.is_keyword(*QUERY_FORMS)), None)
    if form_index is None:
        raise UnsafeQuery("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    rest = found[form_index + 1 :]
    where = next((i for i, t in enumerate(rest) if t.depth == 0 and t.is_keyword("WHERE")), None)
    if where is not None:
        rest = rest[where + 1 :]
    elif found[form_index].is_keyword(*GRAPH_FORMS):
        raise UnsafeQuery("a CONSTRUCT or DESCRIBE query needs a WHERE clause to take parameter values")
    for token in rest:
        if token.depth == 0 and token.text == "{":
            return token.start
    raise UnsafeQuery("the query has no WHERE group to take parameter values")
