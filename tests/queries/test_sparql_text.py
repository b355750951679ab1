"""Reading SPARQL text: query forms, refusals, and parameter values placed as a VALUES block."""

from __future__ import annotations

import pyoxigraph
import pytest

from coalition_kg.queries.sparql_text import UnsafeQuery, check_read_only, query_form, tokens, with_values


def test_strings_comments_and_iris_are_whole_tokens() -> None:
    text = 'SELECT ?x # WHERE { DELETE\nWHERE { ?x <urn:WHERE#b> "} INSERT {" , """x\n"y""" }'
    assert [(token.kind, token.text, token.depth) for token in tokens(text)] == [
        ("word", "SELECT", 0),
        ("variable", "?x", 0),
        ("word", "WHERE", 0),
        ("open", "{", 0),
        ("variable", "?x", 1),
        ("iri", "<urn:WHERE#b>", 1),
        ("string", '"} INSERT {"', 1),
        ("other", ",", 1),
        ("string", '"""x\n"y"""', 1),
        ("close", "}", 0),
    ]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX s: <urn:s#> BASE <urn:b> select * { ?s ?p ?o }", "SELECT"),
        ("# CONSTRUCT in a comment\nASK { ?s ?p ?o }", "ASK"),
        ("PREFIX ex: <urn:x#> CONSTRUCT { ?s ex:SELECT ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:a>", "DESCRIBE"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("clear all", "CLEAR"),
    ],
)
def test_the_form_of_a_query_or_update(text: str, form: str) -> None:
    assert query_form(text) == form


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?service WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s <urn:SERVICE> ?o } # SERVICE <urn:x>",
        "PREFIX service: <urn:s#> SELECT * WHERE { ?s service:x ?o }",
    ],
)
def test_read_only_queries_pass(text: str) -> None:
    assert check_read_only(text) == "SELECT"


def test_service_needs_allowing() -> None:
    text = "SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(UnsafeQuery, match=r"the query calls another endpoint \(SERVICE\)"):
        check_read_only(text)
    assert check_read_only(text, allow_service=True) == "SELECT"


@pytest.mark.parametrize("keyword", ["INSERT DATA", "DELETE DATA", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"])
def test_updates_are_refused(keyword: str) -> None:
    with pytest.raises(UnsafeQuery) as error:
        check_read_only(f"{keyword} GRAPH <urn:g>")
    assert str(error.value) == (
        f"this is a SPARQL update ({keyword.split()[0]}); only read-only queries run here: "
        "SELECT, ASK, CONSTRUCT or DESCRIBE"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SELECT ?x WHERE { ?x ?p ?o }",
            'SELECT ?x WHERE {\n  VALUES (?x ?n) { (<urn:a> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n'
            " ?x ?p ?o }",
        ),
        (
            "select ?x { ?x ?p ?o }",
            'select ?x {\n  VALUES (?x ?n) { (<urn:a> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n ?x ?p ?o }',
        ),
        (
            "SELECT ?x (EXISTS { ?x ?p 1 } AS ?e) # { not here\nWHERE { ?x ?p '{' }",
            "SELECT ?x (EXISTS { ?x ?p 1 } AS ?e) # { not here\nWHERE {\n"
            '  VALUES (?x ?n) { (<urn:a> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n'
            " ?x ?p '{' }",
        ),
        (
            "CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }",
            'CONSTRUCT { ?x ?p ?o } WHERE {\n  VALUES (?x ?n) { (<urn:a> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n'
            " ?x ?p ?o }",
        ),
    ],
)
def test_values_open_the_where_group(text: str, expected: str) -> None:
    terms = {"x": str(pyoxigraph.NamedNode("urn:a")), "n": str(pyoxigraph.Literal(1))}
    assert with_values(text, terms) == expected


def test_a_hostile_value_stays_one_literal() -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p ?o } # \\u0022'
    store = pyoxigraph.Store()
    text = with_values("SELECT ?v WHERE { }", {"v": str(pyoxigraph.Literal(hostile))})
    assert [solution["v"].value for solution in store.query(text)] == [hostile]


def test_values_need_a_where_group_and_variable_names() -> None:
    with pytest.raises(UnsafeQuery, match="needs a WHERE clause"):
        with_values("DESCRIBE <urn:a>", {"x": "<urn:b>"})
    with pytest.raises(ValueError, match="'x y' is not a SPARQL variable name"):
        with_values("SELECT * WHERE { }", {"x y": "<urn:b>"})


def test_values_reach_the_subqueries_that_project_their_variables() -> None:
    """As pyoxigraph's substitutions do (SEP-0007): the query's own group, and each subquery that
    projects a variable by name, with the subqueries around it projecting it too."""
    text = (
        "SELECT ?m ?n WHERE { ?x <urn:p> ?m "
        "{ SELECT ?m (COUNT(?y) AS ?n) WHERE { ?y <urn:q> ?m { SELECT ?y WHERE { ?y ?p ?m } } } GROUP BY ?m } "
        "OPTIONAL { SELECT * WHERE { ?m <urn:r> ?z } } "
        "{ SELECT (MIN(?w) AS ?m) WHERE { ?w <urn:s> ?v } } }"
    )
    values = "\n  VALUES (?m) { (<urn:a>) }\n"
    assert with_values(text, {"m": "<urn:a>"}) == (
        "SELECT ?m ?n WHERE {" + values + " ?x <urn:p> ?m "
        "{ SELECT ?m (COUNT(?y) AS ?n) WHERE {" + values + " ?y <urn:q> ?m { SELECT ?y WHERE { ?y ?p ?m } } } "
        "GROUP BY ?m } OPTIONAL { SELECT * WHERE {" + values + " ?m <urn:r> ?z } } "
        "{ SELECT (MIN(?w) AS ?m) WHERE { ?w <urn:s> ?v } } }"
    )


def test_values_in_subqueries_give_the_rows_substitutions_give() -> None:
    store = pyoxigraph.Store()
    a, b, p = (pyoxigraph.NamedNode(f"urn:{name}") for name in ("a", "b", "p"))
    for subject, objects in ((a, 3), (b, 5)):
        for i in range(objects):
            store.add(pyoxigraph.Quad(subject, p, pyoxigraph.Literal(i)))
    text = "SELECT ?s ?n WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <urn:p> ?o } GROUP BY ?s } }"
    substituted = [(row["s"], row["n"]) for row in store.query(text, substitutions={pyoxigraph.Variable("s"): b})]
    bound = [(row["s"], row["n"]) for row in store.query(with_values(text, {"s": str(b)}))]
    assert bound == substituted == [(b, pyoxigraph.Literal(5))]
