"""Answers in every format: the W3C result formats, tables, and rows of Python values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, Triple

from coalition_kg import query
from coalition_kg.queries.results import Answer, FormatError, GraphAnswer

QUERY = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?iri ?n ?d ?label ?when ?year ?none WHERE {
  VALUES (?iri ?n ?d ?label ?when ?year) {
    (<https://w3id.org/coalition-kg/id/state/GTM> 2 2.50 "Guatemala"@en "2024-12-06"^^xsd:date "2023"^^xsd:gYear)
    (<http://example.org/x> "-1"^^xsd:integer 1e3 "a, \\"b\\"" UNDEF UNDEF)
  }
}"""
W3C = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
       "json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML}


@pytest.fixture(scope="module")
def answer() -> Answer:
    return Answer.of(pyoxigraph.Store().query(QUERY))


def test_rows_hold_python_values_and_none_for_unknown(answer: Answer) -> None:
    assert answer.rows() == [
        {"iri": "state/GTM", "n": 2, "d": Decimal("2.5"), "label": "Guatemala", "when": date(2024, 12, 6),
         "year": "2023", "none": None},
        {"iri": "http://example.org/x", "n": -1, "d": 1000.0, "label": 'a, "b"', "when": None, "year": None,
         "none": None},
    ]


def test_an_answer_keeps_the_terms_the_engine_gave(answer: Answer) -> None:
    solutions = [tuple(solution) for solution in pyoxigraph.Store().query(QUERY)]
    assert (answer.variables, answer.solutions, answer.boolean) == (
        ("iri", "n", "d", "label", "when", "year", "none"), tuple(solutions), None
    )
    assert answer.terms() == solutions and solutions[1][4:] == (None, None, None)


@pytest.mark.parametrize("format_name", ["csv", "tsv", "json", "xml"])
def test_the_w3c_formats_are_written_as_pyoxigraph_writes_them(answer: Answer, format_name: str) -> None:
    for text, kept in ((QUERY, answer), ("ASK {}", Answer.of(pyoxigraph.Store().query("ASK {}")))):
        written = pyoxigraph.Store().query(text).serialize(format=W3C[format_name]).decode()
        assert kept.to(format_name) == written


def test_csv_is_the_w3c_format_with_unknowns_empty(answer: Answer) -> None:
    assert answer.to("csv") == (
        "iri,n,d,label,when,year,none\r\n"
        "https://w3id.org/coalition-kg/id/state/GTM,2,2.5,Guatemala,2024-12-06,2023,\r\n"
        'http://example.org/x,-1,1000,"a, ""b""",,,\r\n'
    )


@pytest.mark.parametrize("format_name", ["tsv", "json", "xml"])
def test_tsv_json_and_xml_read_back_as_the_same_terms(answer: Answer, format_name: str) -> None:
    results = pyoxigraph.parse_query_results(answer.to(format_name).encode(), format=W3C[format_name])
    assert [v.value for v in results.variables] == list(answer.variables)
    assert [tuple(solution[i] for i in range(7)) for solution in results] == answer.terms()


def test_the_table_shows_short_iris_literals_as_written_and_a_dash_for_unknown(answer: Answer) -> None:
    assert answer.to("table") == (
        "iri                    n     d  label      when        year  none\n"
        "────────────────────  ──  ────  ─────────  ──────────  ────  ────\n"
        "state/GTM              2   2.5  Guatemala  2024-12-06  2023  —\n"
        'http://example.org/x  -1  1000  a, "b"     —           —     —\n'
        "2 rows\n"
    )
    assert answer.to("md").splitlines()[2] == "| state/GTM | 2 | 2.5 | Guatemala | 2024-12-06 | 2023 | — |"


def test_an_ask_answer_in_every_format() -> None:
    answer = Answer.of(pyoxigraph.Store().query("ASK {}"))
    assert answer.boolean is True
    assert answer.rows() == [{"answer": True}]
    assert answer.to("json") == '{"head":{},"boolean":true}'
    assert answer.to("xml").endswith("<boolean>true</boolean></sparql>")
    assert answer.to("table") == "answer\n──────\ntrue\n1 row\n"


def test_graph_formats_are_for_graphs(answer: Answer) -> None:
    with pytest.raises(FormatError) as error:
        answer.to("turtle")
    assert str(error.value) == (
        "format 'turtle' is for CONSTRUCT and DESCRIBE answers; expected one of table, csv, tsv, json, xml, md"
    )


def test_a_graph_as_turtle_n_triples_or_a_table() -> None:
    gtm = NamedNode("https://w3id.org/coalition-kg/id/state/GTM")
    label = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    graph = GraphAnswer((Triple(gtm, label, pyoxigraph.Literal("Guatemala", language="en")),))
    assert graph.to("ntriples") == f'{gtm} {label} "Guatemala"@en .\n'
    assert graph.to("turtle").endswith('state:GTM skos:prefLabel "Guatemala"@en .\n')
    assert graph.rows() == [{"subject": "state/GTM", "predicate": "skos:prefLabel", "object": "Guatemala"}]
    assert graph.to("csv") == (
        "subject,predicate,object\r\n"
        "https://w3id.org/coalition-kg/id/state/GTM,http://www.w3.org/2004/02/skos/core#prefLabel,Guatemala\r\n"
    )


def test_a_canned_answer_as_w3c_csv(built: Path) -> None:
    lines = query("members", build_dir=built).to("csv").splitlines()
    assert lines[0] == "rank,state,label,kind,joined,instrument,sources,evidence,mission"
    assert lines[-1] == (
        ",https://w3id.org/coalition-kg/id/state/KEN,Kenya,,,,000_f53fdc1be9ced35d,"
        '"The MSSM’s international makeup now includes personnel from Kenya, Jamaica, Belize, Guatemala, '
        'El Salvador, and other contributing nations.",https://w3id.org/coalition-kg/id/mission/mss-haiti'
    )


def test_a_table_shows_the_parameters_once_above_the_rows(built: Path) -> None:
    table = query("members-as-of", {"date": "2024-08-31"}, build_dir=built).to("table")
    assert table == (
        "date: 2024-08-31\n"
        "mission: Multinational Security Support Mission\n"
        "state  label        status                           kind                        joined      instrument\n"
        "─────  ───────────  ───────────────────────────────  ──────────────────────────  ──────────  ─────────────\n"
        "SLV    El Salvador  member                           signature of the agreement  2024-08-03  slv-signature\n"
        "KEN    Kenya        member; date of joining unknown  —                           —           —\n"
        "2 rows\n"
    )


def test_the_first_rows_are_written_as_pyoxigraph_writes_whole_answers() -> None:
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode("b1"), NamedNode("urn:p"), pyoxigraph.Literal("o")))
    every_kind = """SELECT ?plain ?lang ?dir ?triple ?blank WHERE {
      ?blank <urn:p> ?o
      VALUES (?plain ?lang ?dir) { ("p\\u0000\\n\\"é😀" "x"@en-GB "y"@ar--rtl) }
      BIND(<<( <urn:a> <urn:b> "c"@en )>> AS ?triple)
    }"""
    for text in (QUERY, every_kind):
        whole = Answer.of(store.query(text))
        assert Answer.first(store.query(text), 10) == whole
        first = Answer.first(store.query(text), 1)
        assert (first.terms(), first.stopped_after) == (whole.terms()[:1], 1 if len(whole.terms()) > 1 else None)


def test_an_answer_cut_to_a_limit() -> None:
    answer = Answer.of(pyoxigraph.Store().query(QUERY))
    assert answer.limited(2) is answer
    first = answer.limited(1)
    assert (first.terms(), first.stopped_after, first.note()) == (
        answer.terms()[:1], 1, "stopped after 1 row; use --limit to see more"
    )


def test_a_notebook_shows_an_html_table_of_names_each_full_iri_on_hover(built: Path) -> None:
    page = query("members-as-of", {"date": "2024-08-31"}, build_dir=built)._repr_html_()
    assert page == (
        '<table class="coalition-kg">\n'
        "<caption>date: 2024-08-31; mission: Multinational Security Support Mission</caption>\n"
        "<thead><tr><th>state</th><th>label</th><th>status</th><th>kind</th><th>joined</th><th>instrument</th></tr>"
        "</thead>\n"
        "<tbody>\n"
        '<tr><td><span title="https://w3id.org/coalition-kg/id/state/SLV">SLV</span></td><td>El Salvador</td>'
        "<td>member</td>"
        '<td><span title="https://w3id.org/coalition-kg/id/instrument-kind/signature">signature of the agreement</span>'
        "</td><td>2024-08-03</td>"
        '<td><span title="https://w3id.org/coalition-kg/id/instrument/slv-signature">slv-signature</span></td></tr>\n'
        '<tr><td><span title="https://w3id.org/coalition-kg/id/state/KEN">KEN</span></td><td>Kenya</td>'
        "<td>member; date of joining unknown</td><td>—</td><td>—</td><td>—</td></tr>\n"
        "</tbody></table>\n"
        "<p>2 rows</p>\n"
    )


def test_every_literal_is_escaped_in_html() -> None:
    hostile = '<img src=x onerror="alert(1)"> & </td>'
    answer = Answer.of(pyoxigraph.Store().query(f"SELECT ?x ?iri WHERE {{ BIND({json_string(hostile)} AS ?x) "
                                                "BIND(<urn:a?b=c&d=e> AS ?iri) }"))
    page = answer._repr_html_()
    assert "<img" not in page and "</td>\n" not in page.split("<tbody>")[1].split("</tr>")[0]
    assert "<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;/td&gt;</td>" in page
    assert '<span title="urn:a?b=c&amp;d=e">urn:a?b=c&amp;d=e</span>' in page


def json_string(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    import json

    return json.dumps(text)
