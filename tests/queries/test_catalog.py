"""The catalog of canned questions: their files, headers and parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coalition_kg.core.paths import QUERIES_DIR
from coalition_kg.queries.catalog import HEADER_MARK, CatalogError, load_catalog, load_query, parse_query, read_header
from coalition_kg.queries.params import Parameter

REQUIRED = {
    "members", "timeline", "officials", "statements", "deployments", "contributors", "authorization", "partners",
    "provenance", "conflicts", "members-as-of", "state-profile", "stats",
}
MISSION = Parameter("mission", "mission", "the mission, by IRI, short form or name", "mission/mss-haiti", False)


def test_the_catalog_holds_the_required_questions() -> None:
    assert {query.name for query in load_catalog()} == REQUIRED


@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.rq")), ids=lambda path: path.stem)
def test_each_header_is_the_yaml_that_grlc_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = "\n".join(line[len(HEADER_MARK) + 1 :] for line in text.splitlines() if line.startswith(HEADER_MARK))
    assert read_header(text, path) == yaml.safe_load(header)


@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.rq")), ids=lambda path: path.stem)
def test_clients_read_each_file_as_the_query_it_is(path: Path) -> None:
    """SPARQLWrapper decides the query type from the text, with a comment-stripping that leaves
    every other line of a run of comments: no header line may look like another query form."""
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper("http://localhost/sparql")
    client.setQuery(path.read_text(encoding="utf-8"))
    assert (client.queryType, client.isSparqlUpdateRequest()) == ("SELECT", False)


def test_a_query_with_its_metadata() -> None:
    query = load_query("members-as-of")
    assert query.summary.startswith("The coalition as of a date")
    assert query.tags == ("membership", "timeline")
    assert query.params == (
        Parameter("date", "date", "the date, as YYYY-MM-DD", None, True),
        MISSION,
    )
    assert query.body.startswith("PREFIX ckg: <https://w3id.org/coalition-kg/ontology#>\n")
    assert HEADER_MARK not in query.body


def test_queries_without_parameters() -> None:
    assert load_query("stats").params == ()
    assert load_query("officials").params == ()


def write_query(tmp_path: Path, header: str, body: str = "SELECT ?mission WHERE { ?mission a ?c }") -> Path:
    path = tmp_path / "broken.rq"
    path.write_text(header + "\n" + body + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("#+ description: no summary", "{path}: the header needs a 'summary:' line"),
        ("#+ summary: s\n#+ params:\n#+   - name: mission\n#+     type: place",
         "{path}: parameter 'mission' has unknown type 'place'; expected one of iri, date, string, integer, state, "
         "mission"),
        ("#+ summary: s\n#+ params:\n#+   - name: mission", "{path}: each parameter needs 'name:' and 'type:'"),
        ("#+ summary: s\n#+ params:\n#+   - name: mission\n#+     type: mission\n#+     colour: red",
         "{path}: parameter 'mission' has unknown keys: colour"),
        ("#+ summary: s\n#+ params:\n#+   - name: two words\n#+     type: string",
         "{path}: parameter name 'two words' is not a SPARQL variable name"),
        ("#+ summary: a: b", "{path}, line 1: quote the value 'a: b' (it contains YAML syntax)"),
        ("#+ summary: s\n#+   - stray", "{path}, line 2: an indented line must follow a key with no value on its line"),
        ("#+ summary: \"unterminated", "{path}, line 1: unterminated quoted value '\"unterminated'"),
        ("#+ just words", "{path}, line 1: expected 'key: value', got 'just words'"),
    ],
)
def test_a_malformed_header_is_reported_with_its_file_and_line(tmp_path: Path, header: str, message: str) -> None:
    path = write_query(tmp_path, header)
    with pytest.raises(CatalogError) as error:
        parse_query(path)
    assert str(error.value) == message.format(path=path)


def test_a_parameter_must_be_projected(tmp_path: Path) -> None:
    header = "#+ summary: s\n#+ params:\n#+   - name: state\n#+     type: state"
    write_query(tmp_path, header, "SELECT ?x WHERE { ?x ?p ?state }")
    with pytest.raises(CatalogError) as error:
        load_catalog(tmp_path)
    assert str(error.value) == f"{tmp_path / 'broken.rq'}: parameter 'state' must be projected by the top-level SELECT"


def test_an_unknown_name_lists_the_known_queries(tmp_path: Path) -> None:
    write_query(tmp_path, "#+ summary: s")
    with pytest.raises(CatalogError, match="^no query named 'nope'; known queries: broken$"):
        load_query("nope", tmp_path)
