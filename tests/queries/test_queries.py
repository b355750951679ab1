"""Every canned question answers exactly these rows on the project data (local store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode
from query_samples import case_id, samples

from coalition_kg import query
from coalition_kg.queries.catalog import load_query, query_names
from coalition_kg.queries.engine import LocalEndpoint, ask, parameter_terms
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.store.disk import open_store

S000 = "000_f53fdc1be9ced35d"
S004 = "004_488f5bce62634bfc"
MISSION = "mission/mss-haiti"
MAKEUP = (
    "The MSSM’s international makeup now includes personnel from Kenya, Jamaica, Belize, Guatemala, "
    "El Salvador, and other contributing nations."
)
JAMAICA_FIRST = (
    "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, "
    "followed shortly by the Bahamas on September 26, 2024."
)
SOLIDARITY = (
    "Guatemala and El Salvador, already contributors to the MSSM, have emphasized the importance of solidarity in "
    "tackling shared security concerns."
)
BOTH = f"{S000}, {S004}"


@pytest.fixture
def answer_of(built: Path):
    """The answer to a canned question: its column names and its rows as tuples."""

    def columns_and_rows(name: str, **params: object) -> tuple[tuple[str, ...], list[tuple]]:
        result = query(name, params, build_dir=built)
        return result.variables, [tuple(row.values()) for row in result.rows()]

    return columns_and_rows


def test_every_query_has_a_test_here() -> None:
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(query_names()) <= tested


def test_members(answer_of) -> None:
    """The sources of a membership are every source that states it or its instrument, and the
    evidence their sentences, in the order of the sources."""
    columns, rows = answer_of("members")
    assert columns == ("rank", "state", "label", "kind", "joined", "instrument", "sources", "evidence", "mission")
    assert rows == [
        (1, "state/SLV", "El Salvador", "instrument-kind/signature", date(2024, 8, 3), "instrument/slv-signature",
         BOTH, f"{SOLIDARITY} | El Salvador signed the agreement on August 3, 2024, signaling its commitment to the "
         "mission.", MISSION),
        (2, "state/JAM", "Jamaica", "instrument-kind/adhesion", date(2024, 9, 20), "instrument/jam-adhesion",
         BOTH, f"{MAKEUP} | {JAMAICA_FIRST}", MISSION),
        (3, "state/BHS", "Bahamas", None, date(2024, 9, 26), "instrument/bhs-join", S004, JAMAICA_FIRST, MISSION),
        (4, "state/BLZ", "Belize", "instrument-kind/ratification", date(2024, 11, 27), "instrument/blz-ratification",
         BOTH, f"{MAKEUP} | Belize ratified its participation on November 27, 2024, further strengthening the "
         "coalition.", MISSION),
        (5, "state/GTM", "Guatemala", "instrument-kind/adhesion", date(2024, 12, 6), "instrument/gtm-adhesion", BOTH,
         f"{SOLIDARITY} | Most recently, Guatemala formalized its involvement with an Instrument of Adhesion on "
         "December 6, 2024.", MISSION),
        (None, "state/KEN", "Kenya", None, None, None, S000, MAKEUP, MISSION),
    ]


def test_timeline(answer_of) -> None:
    """A date without a year is listed apart, after the dated events, and says so; a year alone
    is placed at the start of its year."""
    columns, rows = answer_of("timeline")
    assert columns == ("date", "placed", "type", "kind", "agent", "agentLabel", "label", "fact", "source", "mission")
    instrument, event = "ckg:LegalInstrument", "ckg:Event"
    assert rows == [
        ("2023", "by year only", instrument, "instrument-kind/unsc-resolution", "org/unsc", "UN Security Council",
         "UN Security Council Resolution 2699 (2023)", "instrument/unsc-resolution-2699", S004, MISSION),
        (date(2024, 8, 3), "by date", instrument, "instrument-kind/signature", "state/SLV", "El Salvador", None,
         "instrument/slv-signature", S004, MISSION),
        (date(2024, 9, 20), "by date", instrument, "instrument-kind/adhesion", "state/JAM", "Jamaica", None,
         "instrument/jam-adhesion", S004, MISSION),
        (date(2024, 9, 26), "by date", instrument, None, "state/BHS", "Bahamas", None, "instrument/bhs-join", S004,
         MISSION),
        (date(2024, 11, 27), "by date", instrument, "instrument-kind/ratification", "state/BLZ", "Belize", None,
         "instrument/blz-ratification", S004, MISSION),
        (date(2024, 12, 6), "by date", instrument, "instrument-kind/adhesion", "state/GTM", "Guatemala", None,
         "instrument/gtm-adhesion", S004, MISSION),
        (date(2024, 12, 12), "by date", event, "event-kind/announcement", "state/GTM", "Guatemala",
         "Guatemala's formal announcement of joining the MMAS", "event/gtm-joining-announcement", S004, MISSION),
        (date(2024, 12, 12), "by date", "ckg:Statement", None, "person/claudia-escobar", "Claudia Escobar", None,
         "statement/escobar-elections", S004, MISSION),
        ("September", "apart: no year in the sources", event, "event-kind/pledge", "person/bernardo-arevalo",
         "Bernardo Arévalo", "President Arévalo's pledge at the 79th UN General Assembly",
         "event/arevalo-unga79-pledge", S004, MISSION),
    ]


def test_officials(answer_of) -> None:
    columns, rows = answer_of("officials")
    assert columns == (
        "official", "name", "role", "organization", "organizationLabel", "accreditedTo", "accreditedToLabel",
        "post", "sources",
    )
    assert rows == [
        ("person/bernardo-arevalo", "Bernardo Arévalo", "role/president", "state/GTM", "Guatemala", None, None,
         "post/gtm-president", f"{S000}, {S004}"),
        ("person/claudia-escobar", "Claudia Escobar", "role/ambassador", "state/GTM", "Guatemala", "org/oas",
         "Organization of American States", "post/gtm-ambassador-oas", S004),
    ]


def test_statements(answer_of) -> None:
    columns, rows = answer_of("statements")
    assert columns == ("date", "speaker", "speakerLabel", "onBehalfOf", "quote", "source", "statement", "mission")
    assert rows == [
        (date(2024, 12, 12), "person/claudia-escobar", "Claudia Escobar", "state/GTM",
         "Guatemala is committed to supporting Haiti’s journey toward stability and ensuring free, fair, and "
         "transparent elections", S004, "statement/escobar-elections", MISSION),
        (None, "person/bernardo-arevalo", "Bernardo Arévalo", "state/GTM",
         "Haiti’s security is intertwined with the stability of the broader Caribbean and Central America. "
         "We cannot ignore their call for assistance.", S000, "statement/arevalo-intertwined", MISSION),
        (None, "state/USA", "U.S. officials", None,
         "We welcome the additional troops from Guatemala and El Salvador joining the MSSM. The mission will "
         "continue operations with the Haitian National Police to combat criminal gangs. The U.S. stands with the "
         "Haitian people and is committed to addressing the country’s urgent needs and investing in Haiti’s "
         "long-term success.", S000, "statement/usa-welcomes-troops", MISSION),
    ]


def test_deployments(answer_of) -> None:
    columns, rows = answer_of("deployments")
    assert columns == (
        "state", "label", "kind", "status", "ordinal", "size", "place", "source", "deployment", "mission"
    )
    serving = ("deployment-kind/personnel", "deployment-status/serving", None, None, None, S000)
    assert rows == [
        ("state/BLZ", "Belize", *serving, "deployment/blz-personnel", MISSION),
        ("state/SLV", "El Salvador", "deployment-kind/medevac-helicopters", "deployment-status/pledged",
         None, None, None, S000, "deployment/slv-medevac-helicopters", MISSION),
        ("state/SLV", "El Salvador", "deployment-kind/troops", "deployment-status/arrived",
         None, None, None, S000, "deployment/slv-reinforcements", MISSION),
        ("state/GTM", "Guatemala", "deployment-kind/military-police", "deployment-status/committed",
         None, None, None, S004, "deployment/gtm-military-police", MISSION),
        ("state/GTM", "Guatemala", "deployment-kind/troops", "deployment-status/arrived",
         2, None, "state/HTI", S000, "deployment/gtm-second-contingent", MISSION),
        ("state/JAM", "Jamaica", *serving, "deployment/jam-personnel", MISSION),
        ("state/KEN", "Kenya", *serving, "deployment/ken-personnel", MISSION),
    ]


def test_contributors(answer_of) -> None:
    columns, rows = answer_of("contributors")
    assert columns == (
        "state", "label", "involvement", "contributor", "deployments", "member", "partnerRole", "mission"
    )
    assert rows == [
        ("state/BLZ", "Belize", "contributes", True, 1, True, None, MISSION),
        ("state/SLV", "El Salvador", "contributes", True, 2, True, None, MISSION),
        ("state/GTM", "Guatemala", "contributes", True, 2, True, None, MISSION),
        ("state/JAM", "Jamaica", "contributes", True, 1, True, None, MISSION),
        ("state/KEN", "Kenya", "contributes", True, 1, True, None, MISSION),
        ("state/BHS", "Bahamas", "member, no deployment reported", False, 0, True, None, MISSION),
        ("state/HTI", "Haiti", "partner only", False, 0, False, "partner-role/host-state", MISSION),
        ("state/USA", "United States", "partner only", False, 0, False, "partner-role/supporter", MISSION),
    ]


def test_authorization(answer_of) -> None:
    columns, rows = answer_of("authorization")
    assert columns == (
        "instrument", "label", "kind", "number", "party", "partyLabel", "date", "source", "evidence", "mission"
    )
    assert rows == [
        ("instrument/unsc-resolution-2699", "UN Security Council Resolution 2699 (2023)",
         "instrument-kind/unsc-resolution", "2699", "org/unsc", "UN Security Council", "2023", S004,
         "Guatemala’s support aligns with the broader framework of UN Security Council Resolution 2699 (2023), "
         "which calls for collective international action to stabilize Haiti.", MISSION),
    ]


def test_partners(answer_of) -> None:
    columns, rows = answer_of("partners")
    assert columns == ("partner", "label", "role", "partOf", "partnership", "sources", "mission")
    assert rows == [
        ("org/haiti-government", "Government of Haiti", "partner-role/host-government", "state/HTI",
         "partnership/mss-haiti-haiti-government", S004, MISSION),
        ("state/HTI", "Haiti", "partner-role/host-state", None, "partnership/mss-haiti-host", S000, MISSION),
        ("org/pnh", "Haitian National Police", "partner-role/host-nation-force", "state/HTI",
         "partnership/mss-haiti-pnh", f"{S000}, {S004}", MISSION),
        ("org/un", "United Nations", "partner-role/backer", None, "partnership/mss-haiti-un", S000, MISSION),
        ("state/USA", "United States", "partner-role/supporter", None, "partnership/mss-haiti-usa", S000, MISSION),
    ]


def test_provenance(answer_of) -> None:
    columns, rows = answer_of("provenance", entity="person/claudia-escobar")
    assert columns == ("fact", "type", "property", "source", "sentence", "entity")
    assert rows == [
        ("post/gtm-ambassador-oas", "ckg:Post", "org:heldBy", S004,
         "Claudia Escobar, Guatemala’s ambassador to the OAS, emphasized the importance of fostering security in "
         "Haiti to restore its democratic institutions.", "person/claudia-escobar"),
        ("statement/escobar-elections", "ckg:Statement", "ckg:speaker", S004,
         "“Guatemala is committed to supporting Haiti’s journey toward stability and ensuring free, fair, and "
         "transparent elections,” Escobar said during the event.", "person/claudia-escobar"),
    ]


def test_provenance_of_a_fact_includes_its_own_derivation(answer_of) -> None:
    _, rows = answer_of("provenance", entity="instrument/jam-adhesion")
    assert [(fact, prop, source) for fact, _, prop, source, _, _ in rows] == [
        ("instrument/jam-adhesion", None, S004),
        ("membership/jam-mss-haiti", "ckg:joinedBy", S000),
        ("membership/jam-mss-haiti", "ckg:joinedBy", S004),
    ]


def test_conflicts(answer_of) -> None:
    """The count claim is compared with what its own source counts and with all sources, in two rows."""
    columns, rows = answer_of("conflicts")
    assert columns == (
        "verdict", "claim", "about", "claimed", "computed", "basis", "source", "evidence", "mission"
    )
    five = ("The Multinational Security Support Mission (MMAS) has steadily gained international backing, with five "
            "countries officially supporting the initiative.")
    assert rows == [
        ("contradicted", "count-claim/five-supporters", MISSION, 5, 6, "member states across all sources", S004,
         five, MISSION),
        ("contradicted", "ordinal-claim/jam-first", "state/JAM", 1, 2, "rank among the dated joins", S004,
         JAMAICA_FIRST, MISSION),
        ("consistent", "count-claim/five-supporters", MISSION, 5, 5, "member states the same source names", S004,
         five, MISSION),
        ("consistent", "ordinal-claim/gtm-fifth", "state/GTM", 5, 5, "rank among the dated joins", S004,
         "Guatemala is the fifth nation to officially back the MMAS initiative, alongside Jamaica, Bahamas, "
         "El Salvador, and Belize.", MISSION),
    ]


def test_members_as_of(answer_of) -> None:
    """Kenya, whose joining no source dates, is a member whose date is unknown, not left out."""
    columns, rows = answer_of("members-as-of", date="2024-09-26")
    assert columns == ("state", "label", "status", "kind", "joined", "instrument", "date", "mission")
    as_of = date(2024, 9, 26)
    assert rows == [
        ("state/SLV", "El Salvador", "member", "instrument-kind/signature", date(2024, 8, 3),
         "instrument/slv-signature", as_of, MISSION),
        ("state/JAM", "Jamaica", "member", "instrument-kind/adhesion", date(2024, 9, 20), "instrument/jam-adhesion",
         as_of, MISSION),
        ("state/BHS", "Bahamas", "member", None, date(2024, 9, 26), "instrument/bhs-join", as_of, MISSION),
        ("state/KEN", "Kenya", "member; date of joining unknown", None, None, None, as_of, MISSION),
    ]


@pytest.mark.parametrize(
    ("as_of", "states"),
    [
        (date(2024, 8, 2), ["Kenya"]),
        (date(2024, 8, 3), ["El Salvador", "Kenya"]),
        (date(2024, 12, 31), ["El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]),
    ],
)
def test_members_as_of_grows_with_the_date_and_keeps_undated_joins_apart(built: Path, as_of: date, states) -> None:
    rows = query("members-as-of", {"date": as_of}, build_dir=built).rows()
    assert [row["label"] for row in rows] == states
    assert {row["label"] for row in rows if row["joined"] is None} == {"Kenya"}


def test_state_profile(answer_of) -> None:
    columns, rows = answer_of("state-profile", state="Kenya")
    assert columns == ("property", "value", "type", "kind", "date", "sources", "state")
    assert rows == [
        ("ckg:iso3166Alpha3", "KEN", None, None, None, "register", "state/KEN"),
        ("skos:prefLabel", "Kenya", None, None, None, "register", "state/KEN"),
        ("skos:exactMatch", "wd:Q114", None, None, None, "register", "state/KEN"),
        ("ckg:deployingState", "deployment/ken-personnel", "ckg:Deployment", "deployment-kind/personnel", None,
         S000, "state/KEN"),
        ("org:member", "membership/ken-mss-haiti", "ckg:Membership", None, None, S000, "state/KEN"),
    ]


def test_state_profile_of_guatemala_lists_every_fact_about_it(answer_of) -> None:
    _, rows = answer_of("state-profile", state="GTM")
    facts = [(prop, value, kind, day) for prop, value, _, kind, day, _, _ in rows[3:]]
    assert facts == [
        ("ckg:deployingState", "deployment/gtm-military-police", "deployment-kind/military-police", None),
        ("ckg:deployingState", "deployment/gtm-second-contingent", "deployment-kind/troops", None),
        ("ckg:agent", "event/gtm-joining-announcement", "event-kind/announcement", date(2024, 12, 12)),
        ("ckg:party", "instrument/gtm-adhesion", "instrument-kind/adhesion", date(2024, 12, 6)),
        ("org:member", "membership/gtm-mss-haiti", "instrument-kind/adhesion", date(2024, 12, 6)),
        ("ckg:claimAbout", "ordinal-claim/gtm-fifth", None, None),
        ("org:postIn", "post/gtm-ambassador-oas", "role/ambassador", None),
        ("org:postIn", "post/gtm-president", "role/president", None),
        ("ckg:onBehalfOf", "statement/arevalo-intertwined", None, None),
        ("ckg:onBehalfOf", "statement/escobar-elections", None, date(2024, 12, 12)),
    ]


def test_stats(answer_of) -> None:
    columns, rows = answer_of("stats")
    assert columns == ("measure", "item", "count")
    facts, instances = "facts from source", "instances of class"
    assert rows == [
        (facts, f"source/{S000}", 20),
        (facts, f"source/{S004}", 26),
        (instances, "prov:Derivation", 46),
        (instances, "schema:Person", 2),
        (instances, "ckg:Deployment", 7),
        (instances, "ckg:EntityRegister", 1),
        (instances, "ckg:Event", 2),
        (instances, "ckg:Evidence", 46),
        (instances, "ckg:GovernmentBody", 3),
        (instances, "ckg:InternationalOrganization", 4),
        (instances, "ckg:LegalInstrument", 6),
        (instances, "ckg:MemberCountClaim", 1),
        (instances, "ckg:Membership", 6),
        (instances, "ckg:Mission", 1),
        (instances, "ckg:NameUsage", 6),
        (instances, "ckg:OrdinalClaim", 2),
        (instances, "ckg:Partnership", 5),
        (instances, "ckg:Post", 2),
        (instances, "ckg:SourceDocument", 2),
        (instances, "ckg:State", 8),
        (instances, "ckg:Statement", 3),
    ]


@pytest.fixture(scope="module")
def rdflib_graph(built: Path) -> rdflib.Graph:
    """The Turtle export (the union of the sources), read by rdflib: a second SPARQL engine."""
    return rdflib.Graph().parse(built / "coalition.ttl")


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_rdflib_gives_the_same_rows(built: Path, rdflib_graph: rdflib.Graph, case) -> None:
    """The canned questions are plain SPARQL: another engine, given the same bindings, agrees."""
    name, params = case
    query = load_query(name)
    local = LocalEndpoint(open_store(built))
    bindings = {key: to_rdflib(term) for key, term in parameter_terms(local, query, params).items()}
    expected = ask(local, query, params).terms()
    answer = rdflib_graph.query(query.text, initBindings=bindings)
    assert [tuple(map(_text, row)) for row in answer] == [tuple(map(_text, row)) for row in expected]


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_the_values_path_gives_the_same_rows(built: Path, case) -> None:
    """The text an endpoint gets (the parameters in VALUES blocks) answers as the local path does
    (pyoxigraph substitutions), on the same store."""
    name, params = case
    query = load_query(name)
    local = LocalEndpoint(open_store(built))
    terms = parameter_terms(local, query, params)
    text = with_values(query.text, {key: str(term) for key, term in terms.items()})
    assert local.execute(text).terms() == ask(local, query, params).terms()


def _text(term: object) -> str | None:
    """The lexical form of an rdflib or pyoxigraph term."""
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    return None if term is None else str(term)


def to_rdflib(term: NamedNode | Literal) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    return rdflib.Literal(term.value, lang=term.language, datatype=None if term.language else term.datatype.value)
