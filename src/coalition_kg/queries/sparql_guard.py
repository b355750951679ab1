"""Ad-hoc SPARQL checked before it runs: a read-only query that calls no other endpoint
unless the user allows it.

A SERVICE call makes the engine fetch a URL the query names (Oxigraph does, locally), so
it is looked for in the parse tree of rdflib's SPARQL parser, at any depth (subqueries,
OPTIONAL, MINUS, UNION, FILTER EXISTS) and whatever names the endpoint (an IRI, a prefixed
name, a variable). rdflib reads codepoint escapes before the grammar, as SPARQL 1.1 says,
so ``\\u0053ERVICE`` is a SERVICE call too. Only a query holding such an escape needs that
parse, which takes a tenth of a second or more: in any other the grammar reads the text as
written, so the token scan has seen every SERVICE keyword. The token scan of
:func:`coalition_kg.queries.sparql_text.check_read_only` runs first: it refuses updates, and a
SERVICE keyword in a query that rdflib cannot parse (Oxigraph's extensions, such as LATERAL).
Brackets nested thousands deep, which crash Oxigraph's parser, are refused too.

rdflib is imported here only, when an ad-hoc query is checked: canned questions never load it.
"""

from __future__ import annotations

from coalition_kg.queries.sparql_text import SERVICE_REFUSED, UnsafeQuery, check_read_only, tokens

SERVICE_PATTERN = "ServiceGraphPattern"  # rdflib's name for the pattern in its parse tree
MAX_NESTING = 256  # brackets; Oxigraph's parser overflows its stack (a crash) at a few thousand


def check_ad_hoc(text: str, allow_service: bool = False) -> str:
    """The form of a query that may run (SELECT, ASK, CONSTRUCT or DESCRIBE); an update, a
    SERVICE call unless ``allow_service``, or brackets nested too deep, is an :class:`UnsafeQuery`."""
    depth = max((token.depth + (token.kind == "open") for token in tokens(text)), default=0)
    if depth > MAX_NESTING:
        raise UnsafeQuery(
            f"the query nests brackets {depth} deep; at most {MAX_NESTING} are allowed, as deeper ones can crash the engine"
        )
    form = check_read_only(text, allow_service)
    if not allow_service and has_codepoint_escapes(text) and parsed_service_call(text):
        raise UnsafeQuery(SERVICE_REFUSED)
    return form


def has_codepoint_escapes(text: str) -> bool:
    """Whether ``text`` may hold SPARQL codepoint escapes (``\\uXXXX``, ``\\UXXXXXXXX``), which
    a parser replaces before it reads the grammar."""
    return "\\u" in text or "\\U" in text


def parsed_service_call(text: str) -> bool:
    """Whether rdflib's parse of ``text`` holds a SERVICE pattern; False if rdflib cannot parse it."""
    from pyparsing import ParseBaseException, ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except (ParseBaseException, ValueError, RecursionError):
        return False
    pending: list[object] = [tree]
    while pending:  # a loop, not recursion: a query may nest thousands of groups deep
        node = pending.pop()
        if isinstance(node, CompValue):
            if node.name == SERVICE_PATTERN:
                return True
            pending.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            pending.extend(node)
    return False
