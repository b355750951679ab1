"""Reading SPARQL text: query forms, escapes, and parameter values placed as a VALUES block."""

from __future__ import annotations

import pyoxigraph
import pytest

from coalition_kg.queries.sparql_text import UnsafeQuery, query_form, tokens, with_values


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
    ("text", "token"),
    [
        ("PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) ?s ?p ?o }", "ex:a\\#b"),
        ("SELECT * WHERE { BIND(<http://x/\\u0041#> AS ?a) ?s ?p ?o }", "<http://x/\\u0041#>"),
        ("SELECT * WHERE { BIND(<http://x/\\U00000041#> AS ?a) ?s ?p ?o }", "<http://x/\\U00000041#>"),
    ],
)
def test_escapes_in_names_and_iris_keep_the_rest_of_the_line(text: str, token: str) -> None:
    """A local name's ``\\#`` and an IRI's ``\\u`` escape are read whole: the ``#`` after them
    opens no comment, and the VALUES block still finds the WHERE group's end."""
    found = [t.text for t in tokens(text)]
    assert token in found and found[-4:] == ["?s", "?p", "?o", "}"]


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
