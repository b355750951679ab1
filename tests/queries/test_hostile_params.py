"""Hostile parameter values, for every parameter of every canned question, locally and on a real
SPARQL server: the query's structure never changes, and the answer is either a clean error that
names the parameter and the type expected, or the rows for exactly that value.

Values mix SPARQL syntax (quotes, braces, ``} UNION {``, ``} ; DROP ALL ; {``, comments, IRIs
with spaces, escapes), control and format characters, right-to-left and astral text, lone
surrogates (what a command-line argument in another encoding becomes), very long strings, the
empty string, and real names, IRIs and dates of the graph, cased and padded.

Locally, every query that runs must be the catalog's text, unchanged, with the value bound as
one RDF term. Remotely, the text actually sent must be that same text with a VALUES block,
identical outside the one term that stands for the value; the term, parsed back by pyoxigraph
and by rdflib's SPARQL parser, is exactly the bound term; and the server must answer each
query as the local store does (its entity lookup echoes the text it was given).

The examples go through :func:`coalition_kg.queries.engine.ask`, the function
:func:`coalition_kg.query` answers with once it has loaded the query and opened
the store, so that thousands of them run in seconds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from oxigraph_server import OxigraphServer
from pyoxigraph import Literal, NamedNode
from pyparsing import ParseException
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from coalition_kg.core.namespaces import short_form
from coalition_kg.queries.catalog import CannedQuery, load_catalog
from coalition_kg.queries.engine import LocalEndpoint, ask
from coalition_kg.queries.params import (
    ENTITY_CHECK,
    ENTITY_LOOKUP,
    LOOKUP_CLASSES,
    NAMED_ENTITY_LOOKUP,
    PARAMETER_TYPES,
    XSD_DATE,
    Parameter,
    ParameterError,
    Term,
    iri_term,
)
from coalition_kg.queries.results import Answer, GraphAnswer
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.remote.endpoint import RemoteEndpoint, Reply
from coalition_kg.store.disk import open_store

CATALOG = load_catalog()
PARAMETERS = [(query, parameter) for query in CATALOG for parameter in query.params]
LOCAL_EXAMPLES, REMOTE_EXAMPLES = 500, 100  # per parameter

FRAGMENTS = [
    '"', "'", '"""', "'''", "\\", '\\"', "{", "}", "} UNION {", "} ; DROP ALL ; {", ") }", "}}}}",
    "\n", "\r\n", "\r", "#", "# }\n", "<", ">", "<http://evil.example/a b>", "<urn:x>", "?s ?p ?o", "$text",
    ".", ";", ",", "(", ")", "VALUES ?x { 1 }", "SERVICE <http://127.0.0.1:9/> { }", "INSERT DATA { <urn:a> <urn:b> 1 }",
    '"^^xsd:date', '"@en', "\\u0022", "\\U0001F600", "\\u000A", "\\n", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85",
    "\u202e", "\u200f", "\u2028", "\ufeff", "مرحبا", "שלום", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀", "\U0010fffd", "\udcff",
    "mission/mss-haiti", "state/GTM", "GTM", "ckg:State", "prov:Entity", "urn:", "http://", "https://w3id.org/",
    " ", "\t", "\u3000",
]
CODEPOINT_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")


@dataclass(frozen=True)
class Graph:
    """What the tests need to know of the graph, read from it with plain SPARQL."""

    names: dict[str, dict[str, set[str]]]  # class IRI -> lower-cased name -> the IRIs of the entities it names
    named: dict[str, set[str]]  # lower-cased label, acronym or code -> the named entities (with a prefLabel) it names
    iris: list[str]
    dates: list[str]


_GRAPH: list[Graph] = []  # filled by the module's fixture before the first example is drawn

NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ckg: <https://w3id.org/coalition-kg/ontology#>
SELECT ?entity ?name ?class WHERE {
  ?entity a ?class .
  OPTIONAL { ?entity skos:prefLabel|skos:altLabel|ckg:iso3166Alpha3 ?name }
}"""
NAMED = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ckg: <https://w3id.org/coalition-kg/ontology#>
SELECT ?entity ?name WHERE { ?entity skos:prefLabel ?label ; skos:prefLabel|skos:altLabel|ckg:iso3166Alpha3 ?name }"""


def read_graph(store: pyoxigraph.Store) -> Graph:
    names: dict[str, dict[str, set[str]]] = {}
    for class_iri in LOOKUP_CLASSES.values():
        found = names.setdefault(class_iri, {})
        for solution in store.query(NAMES, substitutions={pyoxigraph.Variable("class"): NamedNode(class_iri)}):
            entity, label = solution["entity"].value, solution["name"]
            for name in [entity, short_form(entity), *([label.value] if label else [])]:
                found.setdefault(name.lower(), set()).add(entity)
    named: dict[str, set[str]] = {}
    for solution in store.query(NAMED):
        named.setdefault(solution["name"].value.lower(), set()).add(solution["entity"].value)
    quads = list(store.quads_for_pattern(None, None, None))
    iris = sorted({quad.subject.value for quad in quads if isinstance(quad.subject, NamedNode)})
    dates = sorted({quad.object.value for quad in quads if isinstance(quad.object, Literal) and quad.object.datatype == XSD_DATE})
    return Graph(names, named, iris, dates)


def graph() -> Graph:
    return _GRAPH[0]


# --- values ------------------------------------------------------------------------------------


def _padded(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    space = st.text(st.sampled_from(" \t\n\r\u3000\u2028\x0b"), max_size=3)
    return st.tuples(space, values, space).map("".join)


def _any_case(text: str, flips: list[bool]) -> str:
    return "".join(c.swapcase() if flip else c for c, flip in zip(text, flips + [False] * len(text)))


_graph_names = st.deferred(  # a class, then one of its names: the few names of a mission come up as often
    lambda: st.sampled_from(sorted(graph().names)).flatmap(lambda class_iri: st.sampled_from(sorted(graph().names[class_iri])))
)
_graph_iris = st.deferred(lambda: st.sampled_from(graph().iris).flatmap(lambda iri: st.sampled_from([iri, short_form(iri)])))
_graph_dates = st.deferred(lambda: st.sampled_from(graph().dates))
_fragments = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=12).map("".join)

HOSTILE = st.one_of(
    st.text(),
    st.text(st.characters(categories=["Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Co"])),
    _fragments,
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(500, 20_000)).map(lambda repeat: repeat[0] * repeat[1]),
)
_named_names = st.deferred(lambda: st.sampled_from(sorted(graph().named)))  # people, organizations...
_names_any_case = _padded(st.builds(_any_case, st.one_of(_graph_names, _named_names), st.lists(st.booleans())))
REAL = st.one_of(
    _names_any_case,
    _names_any_case,
    _padded(_graph_iris),
    _padded(st.one_of(_graph_dates, st.dates().map(date.isoformat))),
    st.tuples(st.one_of(_graph_names, _graph_iris), _fragments).map("".join),
)
VALUES = st.one_of(HOSTILE, REAL)


# --- running a question, recording what ran -----------------------------------------------------


@dataclass
class Recording:
    """An endpoint that runs queries on another and records each: its text, bindings and answer."""

    target: LocalEndpoint | RemoteEndpoint
    calls: list[tuple[str, dict[str, Term], list]] = field(default_factory=list)

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        answer = self.target.execute(text, bindings, prefixes)
        self.calls.append((text, dict(bindings or {}), answer.terms()))
        return answer


class SentRecording(RemoteEndpoint):
    """A remote endpoint that records the text of every query it sends."""

    def __init__(self, url: str) -> None:
        super().__init__(url, timeout=10)
        self.sent: list[str] = []

    def send(self, text: str, accept: str) -> Reply:
        self.sent.append(text)
        return super().send(text, accept)


def outcome(target: Recording, query: CannedQuery, params: Mapping[str, str]) -> tuple[str, object]:
    """("rows", terms) or ("error", message); any other exception fails the test."""
    try:
        rows = ask(target, query, params).terms()
    except ParameterError as error:
        event("a clean error")
        return "error", str(error)
    event("rows" if rows else "no rows")
    return "rows", rows


def other_required(query: CannedQuery, parameter: Parameter) -> dict[str, str]:
    """A value of the graph for each other required parameter."""
    known = {"date": graph().dates[-1], "iri": graph().iris[0], "string": "x", "integer": "1"}
    known |= {kind: min(set().union(*graph().names[class_iri].values())) for kind, class_iri in LOOKUP_CLASSES.items()}
    return {p.name: known[p.type] for p in query.params if p.required and p.name != parameter.name}


def expected_term(parameter: Parameter, value: str) -> Term | None:
    """The term ``value`` must be bound as, or None if it must be refused."""
    if not _is_unicode(value):
        return None
    text = value.strip()
    if parameter.type in LOOKUP_CLASSES:
        entities = graph().names[LOOKUP_CLASSES[parameter.type]].get(text.lower(), set())
        return NamedNode(next(iter(entities))) if len(entities) == 1 else None  # one, or it is ambiguous
    if parameter.type == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return None
        try:
            return Literal(date.fromisoformat(text).isoformat(), datatype=XSD_DATE)
        except ValueError:
            return None
    iri = iri_term(value)  # what an IRI is: RFC 3987, as pyoxigraph checks it
    if iri is not None:
        return iri
    entities = graph().named.get(text.lower(), set())  # else a name, acronym or code of one named entity
    return NamedNode(next(iter(entities))) if len(entities) == 1 else None


def check_local(query: CannedQuery, parameter: Parameter, value: str, result: tuple[str, object], calls: list) -> None:
    term = expected_term(parameter, value)
    kind, content = result
    if term is None:
        assert kind == "error", f"{value!r} was accepted"
        assert "\n" not in content and content.startswith(f"parameter '{parameter.name}': ")
        assert PARAMETER_TYPES[parameter.type] in content
    else:
        assert kind == "rows", content
        _, bindings, rows = calls[-1]  # the question itself, after any lookups
        assert bindings[parameter.name] == term
        position = _variables(query).index(parameter.name)
        assert all(row[position] == term for row in rows)  # the parameter is projected: each row echoes it
    for text, bindings, _ in calls:
        assert text in (query.text, ENTITY_CHECK, ENTITY_LOOKUP, NAMED_ENTITY_LOOKUP)  # never an edited text
        assert all(isinstance(bound, (NamedNode, Literal)) for bound in bindings.values())
    if parameter.type in LOOKUP_CLASSES and _is_unicode(value):
        check_lookup(LOOKUP_CLASSES[parameter.type], value.strip(), calls)
    if parameter.type == "iri" and _is_unicode(value):
        looked_up = [bindings for text, bindings, _ in calls if text == NAMED_ENTITY_LOOKUP]
        assert looked_up == ([] if iri_term(value) else [{"text": Literal(value.strip())}])


def check_lookup(class_iri: str, text: str, calls: list) -> None:
    """An IRI of an entity of the class is checked only (one ASK); other text is looked up."""
    iri = iri_term(text)
    checks = [answer for query, bindings, answer in calls
              if query == ENTITY_CHECK and bindings == {"entity": iri, "class": NamedNode(class_iri)}]
    lookups = [query for query, bindings, _ in calls
               if query == ENTITY_LOOKUP and bindings == {"class": NamedNode(class_iri), "text": Literal(text)}]
    if checks == [[(Literal(True),)]]:
        assert lookups == []
    else:
        assert lookups == [ENTITY_LOOKUP]


@cache
def _variables(query: CannedQuery) -> list[str]:
    return [v.value for v in pyoxigraph.Store().query(query.text).variables]


def _is_unicode(text: str) -> bool:
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def check_sent(sent: list[str], calls: list) -> None:
    """Each query sent is its template with its VALUES blocks (one in each group that takes the
    parameter), the same outside the terms, and each term in them reads back as exactly the term
    bound, by pyoxigraph and by rdflib."""
    assert len(sent) == len(calls)
    for text, (template, bindings, _) in zip(sent, calls):
        for name, term in bindings.items():
            placeholder = "<urn:x-placeholder>"
            reference = with_values(template, {n: placeholder if n == name else str(t) for n, t in bindings.items()})
            pieces = reference.split(placeholder)
            size, rest = divmod(len(text) - sum(map(len, pieces)), len(pieces) - 1)
            fragment = text[len(pieces[0]) : len(pieces[0]) + size]
            assert rest == 0 and text == fragment.join(pieces)
            assert_one_term(fragment, term)


def assert_one_term(fragment: str, term: Term) -> None:
    tiny = f"SELECT ?v WHERE {{ VALUES (?v) {{ ({fragment}) }} }}"
    assert [solution["v"] for solution in pyoxigraph.Store().query(tiny)] == [term]
    if not CODEPOINT_ESCAPE.search(fragment):
        assert [str(value) for value in rdflib_values(tiny)] == [term.value]
        return
    # rdflib reads \uXXXX escapes before the grammar (SPARQL 1.1, 19.2), even after an escaped
    # backslash: there, a parser of that kind reads one literal of other text, or refuses the query
    try:
        assert len(rdflib_values(tiny)) == 1
    except ParseException:
        pass


def rdflib_values(tiny: str) -> list:
    """The values of the one-variable VALUES block of ``tiny``, as rdflib's parser reads them."""
    rows = translateQuery(parseQuery(tiny)).algebra["p"]["p"]["p"]["res"]
    return [value for row in rows for value in row.values()]


# --- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local(built: Path) -> LocalEndpoint:
    endpoint = LocalEndpoint(open_store(built))
    _GRAPH[:] = [read_graph(endpoint.store)]
    return endpoint


def _id(case: tuple[CannedQuery, Parameter]) -> str:
    return f"{case[0].name}.{case[1].name}"


def test_every_parameter_is_covered() -> None:
    assert {parameter.type for _, parameter in PARAMETERS} <= set(PARAMETER_TYPES)
    assert len(PARAMETERS) == sum(len(query.params) for query in CATALOG) > 0


@pytest.mark.parametrize("case", PARAMETERS, ids=_id)
@settings(max_examples=LOCAL_EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES)
@example(value="\ud800")  # found by hypothesis: a ValueError from pyoxigraph's Literal, a traceback
@example(value="Guatemala\udcff")  # what a Latin-1 command-line argument becomes
def test_a_hostile_value_locally(local: LocalEndpoint, case, value: str) -> None:
    query, parameter = case
    target = Recording(local)
    result = outcome(target, query, {**other_required(query, parameter), parameter.name: value})
    check_local(query, parameter, value, result, target.calls)


@pytest.mark.parametrize("case", PARAMETERS, ids=_id)
@settings(max_examples=REMOTE_EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES)
@example(value='GTM" } } ; DROP ALL ; SELECT * { ?s ?p ?o')
@example(value="\\u0022 } UNION { ?s ?p ?o }")
def test_a_hostile_value_remotely(local: LocalEndpoint, loaded_oxigraph: OxigraphServer, case, value: str) -> None:
    query, parameter = case
    params = {**other_required(query, parameter), parameter.name: value}
    here, there = Recording(local), Recording(SentRecording(loaded_oxigraph.query))
    result = outcome(there, query, params)
    assert result == outcome(here, query, params)
    assert there.calls == here.calls  # the same queries, bindings and answers
    check_sent(there.target.sent, there.calls)
