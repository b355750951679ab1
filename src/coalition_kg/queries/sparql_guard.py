"""Ad-hoc SPARQL proven safe before it runs: a read-only query that calls no other endpoint
unless the user allows it, and nests no deeper than the engine can take.

The proof is made on the parse tree of a real SPARQL 1.1 parser, rdflib's, never on a scan of
the text: escaped local names (``ex:a\\#b``), comments, strings and IRIs are read as the grammar
reads them. A SERVICE pattern is looked for in the whole tree (subqueries, OPTIONAL, MINUS,
UNION, FILTER EXISTS), whatever names the endpoint. The check fails closed: a text the parser
cannot read is not run, whatever the engine would make of it (Oxigraph's extensions, such as
LATERAL or SPARQL 1.2's VERSION, are refused with the parser's message).

Two readers can read one text two ways, and the engine's reading is the one that runs. SPARQL
1.1 reads codepoint escapes before the grammar (so ``\\u0053ERVICE`` is SERVICE, and rdflib reads
it so), while Oxigraph reads them only inside IRIs and strings, where ``\\u0022`` is a character of
the string, not its end: ``CONCAT("\\u0022, ") AS ?x) SERVICE <...> { } BIND(CONCAT(", \\u0022")``
calls out in Oxigraph, while the spec's reading puts the SERVICE inside a string. And Oxigraph
ends a comment at a carriage return, rdflib only at a line feed. So a text is parsed as both read
it: as written, by rdflib (the spec's reading, as a SPARQL 1.1 endpoint reads it), and as the
engine reads it (each codepoint escape one plain letter, each carriage return a line feed), and
must be a query with no SERVICE either way. The differential tests hold this against Oxigraph
itself, with every lexical device of the grammar.

A parse takes time (a tenth of a second for a page of SPARQL, seconds for a megabyte), so it
runs where the query runs: in the child process of ``coalition-kg sparql`` or a worker of the
server, inside the query's deadline, never on the server's event loop. Those processes are the
second wall: they cannot open a network socket (:mod:`coalition_kg.queries.sandbox`).

rdflib is imported here only, when an ad-hoc query is checked: canned questions never load it.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Mapping

from coalition_kg.queries.sparql_text import UnsafeQuery

SERVICE_REFUSED = "the query calls another endpoint (SERVICE); allow it explicitly (--allow-service)"
MAX_NESTING = 256  # brackets; Oxigraph's parser overflows its stack (a crash) at a few thousand
#: rdflib's parser recurses some twenty frames a bracket: with this limit it reads 500 to 1,800
#: nested brackets (by kind), fewer than crash Oxigraph, and gives up on more in a second.
PARSER_RECURSION_LIMIT = 20_000
PARSER_STACK_BYTES = 16 << 20
QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
UPDATE_FORMS = {
    "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
    "Copy": "COPY", "InsertData": "INSERT", "DeleteData": "DELETE", "DeleteWhere": "DELETE",
}
SERVICE_PATTERN = "ServiceGraphPattern"  # rdflib's name for the pattern in its parse tree
#: The nodes of rdflib's tree that a bracket opens: a group ``{ }`` and a bracketted expression ``( )``.
NESTING_NODES = frozenset({"GroupGraphPatternSub", "ConditionalOrExpression"})
#: A codepoint escape, ``\\u`` and four hex digits or ``\\U`` and eight, not itself escaped (``\\\\u0041`` is a
#: backslash and "u0041" in a string).
CODEPOINT_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")
UNREADABLE = "invalid SPARQL, or not SPARQL 1.1, which is all that is run here"
TOO_DEEP = "the query nests brackets {depth} deep; at most {limit} are allowed, as deeper ones can crash the engine"


def check_ad_hoc(text: str, allow_service: bool = False) -> str:
    """The form of a query that may run (SELECT, ASK, CONSTRUCT or DESCRIBE). An update, a
    SERVICE call unless ``allow_service``, brackets nested too deep, or a text the parser cannot
    read as a SPARQL 1.1 query, is an :class:`UnsafeQuery`."""
    forms = {_checked_form(reading, allow_service) for reading in dict.fromkeys((text, engine_reading(text)))}
    if len(forms) > 1:
        raise UnsafeQuery(f"{UNREADABLE}: its codepoint escapes make it a {' or a '.join(sorted(forms))} query")
    return forms.pop()


def engine_reading(text: str) -> str:
    """``text`` as Oxigraph tokenizes it, for rdflib to parse: each codepoint escape a plain
    letter (Oxigraph reads escapes inside IRIs and strings only, as characters of them, and
    refuses them elsewhere), each carriage return a line feed (which ends a comment for both)."""
    return CODEPOINT_ESCAPE.sub(lambda match: match.group(1) + "x", text).replace("\r", "\n")


def _checked_form(text: str, allow_service: bool) -> str:
    """The form of the query rdflib parses in ``text``, proven free of SERVICE unless allowed."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = _deeply(parseQuery, text)
    except UnsafeQuery:
        raise
    except Exception as error:  # any failure to read it, a bad escape included, refuses it
        if not allow_service and _stops_at_service(text, error):
            raise UnsafeQuery(SERVICE_REFUSED, "service") from None
        raise _not_a_query(text, error) from None
    form = QUERY_FORMS.get(tree[1].name)
    if form is None:  # the grammar reads nothing else; fail closed all the same
        raise UnsafeQuery(f"not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE, got {tree[1].name}")
    if not allow_service and SERVICE_PATTERN in _node_names(tree):
        raise UnsafeQuery(SERVICE_REFUSED, "service")
    return form


def _deeply(parse: Callable[[str], object], text: str) -> object:
    """``parse(text)`` in a thread with a deep stack and recursion limit, so that brackets nested
    hundreds deep are read, and more give an :class:`UnsafeQuery` rather than a crash."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(parse(text))
        except BaseException as error:  # handed to the calling thread, which raises it
            outcome.append(error)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, PARSER_RECURSION_LIMIT))
    previous = threading.stack_size(PARSER_STACK_BYTES)
    try:
        thread = threading.Thread(target=run, name="sparql-check")
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    sys.setrecursionlimit(limit)
    if isinstance(outcome[0], RecursionError):
        raise UnsafeQuery(TOO_DEEP.format(depth="too", limit=MAX_NESTING))
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _node_names(tree: object) -> set[str]:
    """The names of the nodes of an rdflib parse tree; brackets nested too deep are refused."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    pending: list[tuple[object, int]] = [(tree, 0)]
    while pending:  # a loop, not recursion: a query may nest hundreds of groups deep
        node, depth = pending.pop()
        if isinstance(node, CompValue):
            names.add(node.name)
            depth += node.name in NESTING_NODES
            if depth > MAX_NESTING:
                raise UnsafeQuery(TOO_DEEP.format(depth=f"more than {MAX_NESTING}", limit=MAX_NESTING))
            pending.extend((value, depth) for value in node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            pending.extend((value, depth) for value in node)
    return names


def _stops_at_service(text: str, error: Exception) -> bool:
    """Whether the parser stopped at a SERVICE keyword. rdflib fails on some SERVICE patterns it
    should read (it looks for the pattern's text again in the whole query, and a ``#`` before it
    can hide it); refused either way, such a query is told why it would be refused if it did read."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    location = getattr(error, "loc", None)
    if not isinstance(location, int):
        return False
    try:
        read = expandUnicodeEscapes(text)  # where rdflib stopped, in the text it read
    except ValueError:
        return False
    return read[location : location + len("SERVICE")].upper() == "SERVICE"


def _not_a_query(text: str, error: Exception) -> UnsafeQuery:
    """Why ``text``, which the parser does not read as a query, is refused: an update, or the
    parser's message."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = _deeply(parseUpdate, text)
    except Exception:
        update = None
    if update is None or "request" not in update:  # an empty text parses as an update of no operation
        return UnsafeQuery(f"{UNREADABLE}: {_parser_message(error)}", "unreadable")
    return UnsafeQuery(
        f"this is a SPARQL update ({_update_keyword(update)}); only read-only queries run here: "
        "SELECT, ASK, CONSTRUCT or DESCRIBE",
        "update",
    )


def syntax_error(refused: UnsafeQuery, text: str, prefixes: Mapping[str, str] | None = None) -> str | None:
    """For a text refused as unreadable, the engine's own message when it cannot parse it either
    (a plain syntax error, which Oxigraph locates and explains better than rdflib); None otherwise.
    Only where the network is closed: a text Oxigraph parses may be run (an ASK query is), on an
    empty store."""
    if refused.reason != "unreadable":
        return None
    import pyoxigraph

    try:
        pyoxigraph.Store().query(text, prefixes=dict(prefixes) if prefixes else None)
    except SyntaxError as error:
        return str(error).strip().splitlines()[0]
    except (OSError, RuntimeError, ValueError):
        return None
    return None


def _update_keyword(update: object) -> str:
    """The keyword that opens the first operation of a parsed update (``WITH`` for ``WITH <g> DELETE ...``)."""
    operation = update.request[0]  # type: ignore[attr-defined]
    if operation.name != "Modify":
        return UPDATE_FORMS.get(operation.name, operation.name.upper())
    return "WITH" if "withClause" in operation else "DELETE" if "delete" in operation else "INSERT"


def _parser_message(error: Exception) -> str:
    """The parser's complaint, with where it stopped, on one line."""
    line, column = getattr(error, "lineno", None), getattr(error, "col", None)
    message = " ".join(str(getattr(error, "msg", error)).split())
    return f"the parser stops at line {line}, column {column}: {message}" if line else message
