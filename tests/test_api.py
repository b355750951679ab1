"""The local query API: parameters bound as terms, ad-hoc SPARQL, a stale build rebuilt."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from coalition_kg import pipeline
from coalition_kg import build, export, query, sparql, validate
from coalition_kg.api import DataNotValidated, validated_dataset
from coalition_kg.core.namespaces import ID, ONTOLOGY
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.queries.catalog import CatalogError, load_query
from coalition_kg.queries.engine import LocalEndpoint, QueryFailed, ask, catalog_listing
from coalition_kg.queries.params import ENTITY_CHECK, ENTITY_LOOKUP, ParameterError, Term
from coalition_kg.queries.results import Answer, GraphAnswer
from coalition_kg.queries.sparql_text import UnsafeQuery
from coalition_kg.store.disk import open_store
from coalition_kg.store.manifest import is_current

STATE_TYPE = "a state's name (Guatemala), ISO 3166-1 alpha-3 code (GTM) or IRI (state/GTM)"


@pytest.mark.parametrize(
    "state", ["Guatemala", "guatemala", "GTM", "gtm", "state/GTM", "https://w3id.org/coalition-kg/id/state/GTM"]
)
def test_a_state_is_given_by_label_iso_code_or_iri(built: Path, state: str) -> None:
    rows = query("state-profile", {"state": state}, build_dir=built).rows()
    assert {row["state"] for row in rows} == {"state/GTM"}
    assert rows[1]["value"] == "Guatemala"


@pytest.mark.parametrize("mission", ["MSSM", "MMAS", "Multinational Security Support Mission", "mission/mss-haiti"])
def test_a_mission_is_given_by_name_acronym_or_iri(built: Path, mission: str) -> None:
    rows = query("members", {"mission": mission}, build_dir=built).rows()
    assert [row["label"] for row in rows] == ["El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]


USA_FORMS = ["United States", "united states", "USA", "usa", " USA ", "state/USA", "state:USA", ID + "state/USA"]


@pytest.mark.parametrize(("name", "parameter"), [("provenance", "entity"), ("state-profile", "state")])
def test_every_question_takes_a_state_by_name_iso_code_short_id_or_iri(built: Path, name: str, parameter: str) -> None:
    answers = {form: query(name, {parameter: form}, build_dir=built).terms() for form in USA_FORMS}
    assert len({str(rows) for rows in answers.values()}) == 1
    rows = query(name, {parameter: "USA"}, build_dir=built).rows()
    assert {row[parameter] for row in rows} == {"state/USA"} and len(rows) >= 2


@pytest.mark.parametrize(
    ("entity", "iri"),
    [("Claudia Escobar", "person/claudia-escobar"), ("PNH", "org/pnh"), ("oas", "org/oas"), ("MMAS", "mission/mss-haiti"),
     ("Multinational Security Support Mission", "mission/mss-haiti"), ("membership/ken-mss-haiti", "membership/ken-mss-haiti")],
)
def test_an_entity_is_given_by_name_acronym_or_iri(built: Path, entity: str, iri: str) -> None:
    rows = query("provenance", entity=entity, build_dir=built).rows()
    assert rows and {row["entity"] for row in rows} == {iri}


class Recording(LocalEndpoint):
    """The local store, recording the text and bindings of every query it runs."""

    def __init__(self, build_dir: Path) -> None:
        super().__init__(open_store(build_dir))
        self.ran: list[tuple[str, dict]] = []

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        self.ran.append((text, dict(bindings or {})))
        return super().execute(text, bindings, prefixes)


GTM = NamedNode(ID + "state/GTM")
STATE_CLASS = NamedNode(ONTOLOGY + "State")


@pytest.mark.parametrize("state", ["state/GTM", "state:GTM", ID + "state/GTM"])
def test_a_state_given_by_its_iri_is_checked_not_looked_up(built: Path, state: str) -> None:
    endpoint, query = Recording(built), load_query("state-profile")
    rows = ask(endpoint, query, {"state": state}).rows()
    assert endpoint.ran == [(ENTITY_CHECK, {"entity": GTM, "class": STATE_CLASS}), (query.text, {"state": GTM})]
    assert rows[1]["value"] == "Guatemala"


@pytest.mark.parametrize(
    ("state", "checked", "found"),
    [("Guatemala", None, True), ("state/gtm", ID + "state/gtm", True), ("mission/mss-haiti", ID + "mission/mss-haiti", False)],
)
def test_other_text_and_iris_of_no_state_are_looked_up(built: Path, state: str, checked: str | None, found: bool) -> None:
    endpoint, query = Recording(built), load_query("state-profile")
    if found:
        ask(endpoint, query, {"state": state})
    else:
        with pytest.raises(ParameterError, match=f"^parameter 'state': no state matches '{state}'; expected a state's"):
            ask(endpoint, query, {"state": state})
    check = [(ENTITY_CHECK, {"entity": NamedNode(checked), "class": STATE_CLASS})] if checked else []
    lookup = [(ENTITY_LOOKUP, {"class": STATE_CLASS, "text": Literal(state)})]
    asked = [(query.text, {"state": GTM})] if found else []
    assert endpoint.ran == check + lookup + asked


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("members", {"colour": "red"}, "query 'members' has no parameter 'colour'; its parameters: "
         "mission (mission, default mission/mss-haiti)"),
        ("members-as-of", {}, "query 'members-as-of' needs parameter 'date': a date, YYYY-MM-DD"),
        ("members-as-of", {"date": "2024-02-30"}, "parameter 'date': expected a date, YYYY-MM-DD, got '2024-02-30'"),
        ("members-as-of", {"date": "26/09/2024"}, "parameter 'date': expected a date, YYYY-MM-DD, got '26/09/2024'"),
        ("provenance", {"entity": "not an iri"}, "parameter 'entity': no entity matches 'not an iri'; expected an IRI, "
         "a prefixed name (prov:Entity), a short form (state/GTM), or an entity's name or code (Kenya, USA)"),
        ("state-profile", {"state": "Narnia"}, f"parameter 'state': no state matches 'Narnia'; expected {STATE_TYPE}, "
         "one of: Bahamas, Belize, El Salvador, Guatemala, Haiti, Jamaica, Kenya, United States"),
        ("state-profile", {"state": "org/oas"}, "parameter 'state': no state matches 'org/oas'"),
        ("members", {"mission": "PNH"}, "parameter 'mission': no mission matches 'PNH'; expected a mission's name, "
         "acronym or IRI (mission/mss-haiti), one of: Multinational Security Support Mission"),
    ],
)
def test_bad_parameters_are_named_with_the_type_expected(built: Path, name: str, params: dict, message: str) -> None:
    with pytest.raises(ParameterError) as error:
        query(name, params, build_dir=built)
    assert str(error.value).startswith(message)


def test_a_value_is_data_never_query_text(built: Path) -> None:
    hostile = 'GTM" } } ; DROP ALL ; SELECT * { ?s ?p ?o'
    with pytest.raises(ParameterError, match="no state matches"):
        query("state-profile", {"state": hostile}, build_dir=built)


def test_an_unknown_query_lists_the_known_ones(built: Path) -> None:
    with pytest.raises(CatalogError) as error:
        query("../members", build_dir=built)
    assert str(error.value).startswith("no query named '../members'; known queries: authorization, conflicts,")


def test_ad_hoc_select_ask_and_construct_with_the_project_prefixes(built: Path) -> None:
    select = sparql("SELECT ?code WHERE { state:GTM ckg:iso3166Alpha3 ?code }", build_dir=built)
    assert isinstance(select, Answer) and select.rows() == [{"code": "GTM"}]
    ask = sparql("ASK { state:KEN org:memberOf mission:mss-haiti }", build_dir=built)
    assert isinstance(ask, Answer) and ask.boolean is True
    construct = sparql("CONSTRUCT { ?s skos:altLabel ?n } WHERE { ?s a ckg:Mission ; skos:altLabel ?n }",
                           build_dir=built)
    assert isinstance(construct, GraphAnswer)
    assert construct.rows() == [
        {"subject": "mission/mss-haiti", "predicate": "skos:altLabel", "object": "MMAS"},
        {"subject": "mission/mss-haiti", "predicate": "skos:altLabel", "object": "MSSM"},
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "this is a SPARQL update (INSERT); only read-only queries"),
        ("PREFIX x: <urn:x#> DROP ALL", "this is a SPARQL update (DROP)"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "the query calls another endpoint"),
    ],
)
def test_ad_hoc_updates_and_service_calls_are_refused(built: Path, text: str, message: str) -> None:
    with pytest.raises(UnsafeQuery) as error:
        sparql(text, build_dir=built)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT * WHERE { ?s ?p }", "error at 1:25: expected one of LATERAL, SERVICE, [_]"),
    ("# nothing here", "error at 1:15: expected [_]"),
])
def test_invalid_sparql_gives_the_engines_message(built: Path, text: str, message: str) -> None:
    """Refused by the check, which cannot read it, and explained by the engine, which cannot either."""
    with pytest.raises(QueryFailed) as error:
        sparql(text, build_dir=built)
    assert str(error.value) == f"invalid SPARQL: {message}"


def test_the_catalog_listing_names_summaries_and_parameters() -> None:
    lines = catalog_listing().splitlines()
    assert lines[0].split() == ["name", "summary", "parameters"]
    assert [line.split()[0] for line in lines[2:]] == [
        "authorization", "conflicts", "contributors", "deployments", "members", "members-as-of", "officials",
        "partners", "provenance", "state-profile", "statements", "stats", "timeline",
    ]
    assert "date (date, required); mission (mission, default mission/mss-haiti)" in lines[7]


def test_a_stale_build_is_rebuilt_before_answering(tmp_path: Path) -> None:
    data, build = tmp_path / "data", tmp_path / "build"
    shutil.copytree(DATA_DIR, data)
    pipeline.build(data, build)
    register = data / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("label: Kenya", "label: Republic of Kenya"))
    assert not is_current(data, build)
    rows = query("members", data_dir=data, build_dir=build).rows()
    assert rows[-1]["label"] == "Republic of Kenya"
    assert is_current(data, build)


def test_a_build_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    with pytest.raises(QueryFailed) as error:
        query("members", data_dir=tmp_path / "no-data", build_dir=tmp_path / "build")
    assert str(error.value) == (
        f"the build in {tmp_path / 'build'} is missing or older than the data, and rebuilding failed: "
        f"the data cannot be read ({tmp_path / 'no-data' / 'register.yaml'}: no such file; expected a data file)"
    )


PUBLIC = ["Answer", "GraphAnswer", "build", "export", "push", "query", "sparql", "validate"]
IMPORTED_BY = """
import sys
{statement}
print(" ".join(sorted(name for name in ("coalition_kg.api", "pyoxigraph", "rdflib", "pyshacl", "pandas", "rich")
                      if name in sys.modules)))
"""


@pytest.mark.parametrize(
    ("statement", "loaded"),
    [("import coalition_kg", ""), ("from coalition_kg import query, sparql", "coalition_kg.api pyoxigraph")],
)
def test_importing_the_package_is_light_and_the_query_api_loads_no_rdflib(statement: str, loaded: str) -> None:
    completed = subprocess.run([sys.executable, "-c", IMPORTED_BY.format(statement=statement)],
                               capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == loaded


def test_the_public_names_are_the_api_and_typed() -> None:
    import coalition_kg
    from coalition_kg import api

    assert coalition_kg.__all__ == PUBLIC and set(PUBLIC) <= set(dir(coalition_kg))
    for name in PUBLIC[2:]:
        function = getattr(coalition_kg, name)
        assert function is getattr(api, name) and function.__doc__
        hints = inspect.signature(function)
        assert hints.return_annotation is not inspect.Signature.empty, name
        assert all(p.annotation is not inspect.Parameter.empty for p in hints.parameters.values()), name
    with pytest.raises(AttributeError, match="module 'coalition_kg' has no attribute 'run_query'"):
        coalition_kg.run_query  # noqa: B018


def test_parameters_are_keyword_arguments(built: Path) -> None:
    by_keyword = query("members-as-of", date=date(2024, 9, 26), mission="MSSM", build_dir=built)
    by_mapping = query("members-as-of", {"date": "2024-09-26", "mission": "mission/mss-haiti"}, build_dir=built)
    assert by_keyword.terms() == by_mapping.terms()
    assert [row["label"] for row in by_keyword.rows()] == ["El Salvador", "Jamaica", "Bahamas", "Kenya"]


def test_build_validate_and_export_from_python(tmp_path: Path) -> None:
    steps: list[str] = []
    summary = build(DATA_DIR, tmp_path / "build", progress=steps.append)
    assert (summary.triples, summary.report.conforms) == (546, True)
    assert steps == ["comparing the data with the last build", "reading the curated data",
                     "validating 546 triples against the shapes", "drawing the pictures",
                     "writing the exports", "loading the store"]
    report = validate(["tests/bad_data/facts_date_impossible.yaml"])
    assert not report.conforms and [r.line for r in report.results] == [16]
    assert validate(["tests/sparql_cases/facts_membership_wrong_instrument.yaml"], incremental=True,
                    build_dir=tmp_path / "build").results[0].focus.endswith("membership/blz-by-jamaica")
    assert export("turtle") == (tmp_path / "build" / "coalition.ttl").read_bytes()


def test_while_the_data_does_not_validate_the_last_good_build_answers_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    data, built = tmp_path / "data", tmp_path / "build"
    shutil.copytree(DATA_DIR, data)
    pipeline.build(data, built, pictures=False)
    good = {"rows": query("members", data_dir=data, build_dir=built).rows(),
            "turtle": export("turtle", data_dir=data, build_dir=built),
            "quads": len(validated_dataset(data_dir=data, build_dir=built))}
    register = data / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("wikidata: Q114", "wikidata: 114"), encoding="utf-8")
    message = (f"{data} changed since the last good build and does not validate (1 violation(s)); answering from the "
               f"last good build in {built} ('coalition-kg validate' says what is wrong)")
    with pytest.warns(DataNotValidated) as warned:
        now = {"rows": query("members", data_dir=data, build_dir=built).rows(),
               "turtle": export("turtle", data_dir=data, build_dir=built),
               "quads": len(validated_dataset(data_dir=data, build_dir=built))}
    assert now == good
    assert [str(w.message) for w in warned if w.category is DataNotValidated] == [message] * 3
    assert good["turtle"] == (built / "coalition.ttl").read_bytes()
    # The refused data is remembered: answering again does not validate it again.
    monkeypatch.setattr(pipeline, "build", lambda *_args, **_kwargs: pytest.fail("the refused data was rebuilt"))
    with pytest.warns(DataNotValidated, match="does not validate"):
        assert query("members", data_dir=data, build_dir=built).rows() == good["rows"]
