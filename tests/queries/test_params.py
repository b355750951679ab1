"""Parameter values checked against their type and turned into RDF terms."""

from __future__ import annotations

from datetime import date

import pytest
from pyoxigraph import Literal, NamedNode

from coalition_kg.queries.params import Candidate, Parameter, ParameterError, bind_parameters, iri_term, to_term

ID = "https://w3id.org/coalition-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
GTM = Candidate(NamedNode(ID + "state/GTM"), "Guatemala", True)
JAM = Candidate(NamedNode(ID + "state/JAM"), "Jamaica", False)


def no_lookup(class_iri: str, text: str) -> list[Candidate]:
    raise AssertionError("no lookup expected")


@pytest.mark.parametrize(
    ("value", "iri"),
    [
        ("state/GTM", ID + "state/GTM"),
        ("prov:Entity", "http://www.w3.org/ns/prov#Entity"),
        ("state:GTM", ID + "state/GTM"),
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("urn:isbn:123", "urn:isbn:123"),
        (NamedNode("urn:x"), "urn:x"),
    ],
)
def test_iris_in_full_prefixed_or_short(value, iri: str) -> None:
    assert iri_term(value) == NamedNode(iri)


@pytest.mark.parametrize("value", ["Guatemala", "not an iri", "http://bad iri", "<urn:x>", 5])
def test_what_is_not_an_iri(value) -> None:
    assert iri_term(value) is None


@pytest.mark.parametrize(
    ("kind", "value", "term"),
    [
        ("date", "2024-09-26", Literal("2024-09-26", datatype=NamedNode(XSD + "date"))),
        ("date", date(2024, 9, 26), Literal("2024-09-26", datatype=NamedNode(XSD + "date"))),
        ("integer", "-12", Literal(-12)),
        ("integer", 7, Literal(7)),
        ("string", 'a "quoted" } value', Literal('a "quoted" } value')),
    ],
)
def test_values_become_typed_terms(kind: str, value, term) -> None:
    assert to_term(Parameter("p", kind), value, no_lookup) == term


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("date", "2024-9-26", "parameter 'p': expected a date, YYYY-MM-DD, got '2024-9-26'"),
        ("date", "2024-02-30", "parameter 'p': expected a date, YYYY-MM-DD, got '2024-02-30'"),
        ("integer", "five", "parameter 'p': expected an integer, got 'five'"),
        ("integer", True, "parameter 'p': expected an integer, got True"),
        ("string", 3, "parameter 'p': expected a string, got 3"),
    ],
)
def test_values_of_the_wrong_type_name_the_parameter_and_type(kind: str, value, message: str) -> None:
    with pytest.raises(ParameterError) as error:
        to_term(Parameter("p", kind), value, no_lookup)
    assert str(error.value) == message


def test_states_are_found_by_lookup() -> None:
    asked = []

    def lookup(class_iri: str, text: str) -> list[Candidate]:
        asked.append((class_iri, text))
        return [GTM, JAM]

    assert to_term(Parameter("state", "state"), " gtm ", lookup) == GTM.iri
    assert asked == [("https://w3id.org/coalition-kg/ontology#State", "gtm")]


def test_a_name_matching_several_states_is_ambiguous() -> None:
    both = [GTM, JAM._replace(matches=True)]
    with pytest.raises(ParameterError) as error:
        to_term(Parameter("state", "state"), "G", lambda class_iri, text: both)
    assert str(error.value) == (
        "parameter 'state': 'G' names several states (Guatemala, Jamaica); expected a state's name (Guatemala), "
        "ISO 3166-1 alpha-3 code (GTM) or IRI (state/GTM) that names one"
    )


def test_defaults_required_and_unknown_parameters() -> None:
    params = (
        Parameter("day", "date", required=True),
        Parameter("limit", "integer", default=10),
        Parameter("note", "string"),
    )
    assert bind_parameters("q", params, {"day": "2024-01-02"}, no_lookup) == {
        "day": Literal("2024-01-02", datatype=NamedNode(XSD + "date")),
        "limit": Literal(10),
    }
    with pytest.raises(ParameterError, match="^query 'q' needs parameter 'day': a date, YYYY-MM-DD$"):
        bind_parameters("q", params, {}, no_lookup)
    with pytest.raises(ParameterError) as error:
        bind_parameters("q", params, {"day": "2024-01-02", "colour": "red"}, no_lookup)
    assert str(error.value) == (
        "query 'q' has no parameter 'colour'; its parameters: "
        "day (date, required); limit (integer, default 10); note (string, optional)"
    )
