"""The graph says what the sources say, each fact with its source and sentence."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from coalition_kg.core.namespaces import ID, PREFIXES, short_form
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.reader import read_data_dir

SOURCE_000 = "source/000_f53fdc1be9ced35d"
SOURCE_004 = "source/004_488f5bce62634bfc"
PROLOGUE = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


@pytest.fixture(scope="module")
def graph(project):
    return project.union_graph()


def rows(graph, query: str) -> list[tuple]:
    """Query results with IRIs in short form and literals as Python values, sorted."""

    def show(term):
        if term is None:
            return None
        if isinstance(term, URIRef):
            return short_form(str(term))
        return term.toPython() if isinstance(term, Literal) else str(term)

    return sorted(tuple(show(t) for t in row) for row in graph.query(PROLOGUE + query))


def test_the_mission_is_known_by_its_name_and_the_acronyms_the_sources_use(graph):
    assert rows(graph, "SELECT ?l WHERE { mission:mss-haiti skos:prefLabel ?l }") == [
        ("Multinational Security Support Mission",)
    ]
    assert rows(graph, "SELECT ?l ?src WHERE { ?n a ckg:NameUsage ; ckg:namedEntity mission:mss-haiti ; "
                       "skos:altLabel ?l ; prov:wasDerivedFrom ?src }") == [
        ("MMAS", SOURCE_004),
        ("MSSM", SOURCE_000),
    ]


def test_states_carry_iso_codes_and_wikidata_links(graph):
    assert rows(graph, "SELECT ?s ?code ?wd WHERE { ?s a ckg:State ; ckg:iso3166Alpha3 ?code ; skos:exactMatch ?wd }") == [
        ("state/BHS", "BHS", "wd:Q778"),
        ("state/BLZ", "BLZ", "wd:Q242"),
        ("state/GTM", "GTM", "wd:Q774"),
        ("state/HTI", "HTI", "wd:Q790"),
        ("state/JAM", "JAM", "wd:Q766"),
        ("state/KEN", "KEN", "wd:Q114"),
        ("state/SLV", "SLV", "wd:Q792"),
        ("state/USA", "USA", "wd:Q30"),
    ]
    assert rows(graph, "SELECT ?o ?wd WHERE { ?o a ckg:InternationalOrganization ; skos:exactMatch ?wd }") == [
        ("org/oas", "wd:Q123759"),
        ("org/un", "wd:Q1065"),
        ("org/unga", "wd:Q47423"),
        ("org/unsc", "wd:Q37470"),
    ]


def test_instruments_have_kind_party_mission_and_date_as_stated(graph):
    query = """SELECT ?i ?kind ?party ?date WHERE {
        ?i a ckg:LegalInstrument ; ckg:party ?party ; ckg:mission mission:mss-haiti .
        OPTIONAL { ?i ckg:instrumentKind ?kind } OPTIONAL { ?i dcterms:date ?date } }"""
    assert [(i, kind, party, str(date)) for i, kind, party, date in rows(graph, query)] == [
        ("instrument/bhs-join", None, "state/BHS", "2024-09-26"),  # the source names no kind
        ("instrument/blz-ratification", "instrument-kind/ratification", "state/BLZ", "2024-11-27"),
        ("instrument/gtm-adhesion", "instrument-kind/adhesion", "state/GTM", "2024-12-06"),
        ("instrument/jam-adhesion", "instrument-kind/adhesion", "state/JAM", "2024-09-20"),
        ("instrument/slv-signature", "instrument-kind/signature", "state/SLV", "2024-08-03"),
        ("instrument/unsc-resolution-2699", "instrument-kind/unsc-resolution", "org/unsc", "2023"),
    ]


def test_the_resolution_is_dated_by_its_year_only(graph):
    (date,) = graph.objects(URIRef(ID + "instrument/unsc-resolution-2699"), URIRef(PREFIXES["dcterms"] + "date"))
    assert date.datatype == URIRef(PREFIXES["xsd"] + "gYear")


def test_memberships_link_states_to_the_mission_and_their_instrument(graph):
    query = """SELECT ?state ?instrument WHERE {
        ?m a ckg:Membership ; org:member ?state ; org:organization mission:mss-haiti .
        OPTIONAL { ?m ckg:joinedBy ?instrument } }"""
    assert rows(graph, query) == [
        ("state/BHS", "instrument/bhs-join"),
        ("state/BLZ", "instrument/blz-ratification"),
        ("state/GTM", "instrument/gtm-adhesion"),
        ("state/JAM", "instrument/jam-adhesion"),
        ("state/KEN", None),
        ("state/SLV", "instrument/slv-signature"),
    ]
    assert rows(graph, "SELECT ?s WHERE { ?s org:memberOf mission:mss-haiti }") == [
        ("state/BHS",), ("state/BLZ",), ("state/GTM",), ("state/JAM",), ("state/KEN",), ("state/SLV",),
    ]


def test_a_membership_stated_by_both_sources_has_evidence_from_each(graph):
    query = """SELECT ?src ?sentence WHERE { membership:jam-mss-haiti prov:qualifiedDerivation ?e .
        ?e prov:entity ?src ; ckg:quotedSentence ?sentence }"""
    assert rows(graph, query) == [
        (SOURCE_000, "The MSSM’s international makeup now includes personnel from Kenya, Jamaica, Belize, "
                     "Guatemala, El Salvador, and other contributing nations."),
        (SOURCE_004, "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, "
                     "followed shortly by the Bahamas on September 26, 2024."),
    ]


def test_officials_hold_posts_in_their_state(graph):
    query = """SELECT ?person ?role ?in ?to WHERE { ?person org:holds ?post . ?post org:role ?role ; org:postIn ?in .
        OPTIONAL { ?post ckg:accreditedTo ?to } }"""
    assert rows(graph, query) == [
        ("person/bernardo-arevalo", "role/president", "state/GTM", None),
        ("person/claudia-escobar", "role/ambassador", "state/GTM", "org/oas"),
    ]


def test_quotes_keep_their_exact_words_speaker_and_date_when_known(graph):
    query = """SELECT ?s ?speaker ?text ?date WHERE { ?s a ckg:Statement ; ckg:speaker ?speaker ; schema:text ?text .
        OPTIONAL { ?s ckg:occasion/dcterms:date ?date } }"""
    result = rows(graph, query)
    assert [(s, speaker, date and str(date)) for s, speaker, _, date in result] == [
        ("statement/arevalo-intertwined", "person/bernardo-arevalo", None),
        ("statement/escobar-elections", "person/claudia-escobar", "2024-12-12"),
        ("statement/usa-welcomes-troops", "state/USA", None),
    ]
    texts = {s: text for s, _, text, _ in result}
    assert texts["statement/escobar-elections"] == (
        "Guatemala is committed to supporting Haiti’s journey toward stability and ensuring free, fair, "
        "and transparent elections"
    )
    assert texts["statement/arevalo-intertwined"].startswith("Haiti’s security is intertwined")


def test_deployments_have_kind_status_and_ordinal_as_stated(graph):
    query = """SELECT ?state ?kind ?status ?ordinal ?src WHERE { ?d a ckg:Deployment ; ckg:deployingState ?state ;
        ckg:deploymentKind ?kind ; ckg:deploymentStatus ?status ; prov:wasDerivedFrom ?src .
        OPTIONAL { ?d ckg:ordinal ?ordinal } }"""
    assert rows(graph, query) == [
        ("state/BLZ", "deployment-kind/personnel", "deployment-status/serving", None, SOURCE_000),
        ("state/GTM", "deployment-kind/military-police", "deployment-status/committed", None, SOURCE_004),
        ("state/GTM", "deployment-kind/troops", "deployment-status/arrived", 2, SOURCE_000),
        ("state/JAM", "deployment-kind/personnel", "deployment-status/serving", None, SOURCE_000),
        ("state/KEN", "deployment-kind/personnel", "deployment-status/serving", None, SOURCE_000),
        ("state/SLV", "deployment-kind/medevac-helicopters", "deployment-status/pledged", None, SOURCE_000),
        ("state/SLV", "deployment-kind/troops", "deployment-status/arrived", None, SOURCE_000),
    ]


def test_disagreeing_claims_are_kept_as_claims_with_a_note(graph):
    assert rows(graph, "SELECT ?state ?rank WHERE { ?c a ckg:OrdinalClaim ; ckg:claimAbout ?state ; ckg:claimedRank ?rank }") == [
        ("state/GTM", 5),
        ("state/JAM", 1),
    ]
    (note,) = graph.objects(URIRef(ID + "ordinal-claim/jam-first"), URIRef(PREFIXES["skos"] + "editorialNote"))
    assert "El Salvador's signature (August 3, 2024)" in note
    assert rows(graph, "SELECT ?n WHERE { ?c a ckg:MemberCountClaim ; ckg:claimedCount ?n }") == [(5,)]


def test_every_fact_has_a_source_and_a_sentence_found_in_that_source(graph):
    query = """SELECT ?fact ?sentence ?text WHERE { ?fact prov:qualifiedDerivation ?e .
        ?e prov:entity ?src ; ckg:quotedSentence ?sentence . ?src schema:text ?text }"""
    found = rows(graph, query)
    curated = {record.ref for source in read_data_dir(DATA_DIR).sources for record in source.facts}
    assert {fact for fact, _, _ in found} == curated
    assert len(curated) == 40
    assert all(sentence in text for _, sentence, text in found)
    unsourced = "SELECT ?f WHERE { ?f a ?c . FILTER(STRSTARTS(STR(?c), STR(ckg:))) " \
                "FILTER(?c NOT IN (ckg:State, ckg:Mission, ckg:InternationalOrganization, ckg:GovernmentBody, " \
                "ckg:SourceDocument, ckg:EntityRegister, ckg:Evidence)) FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?s } }"
    assert rows(graph, unsourced) == []


def test_unknowns_stay_unknown(graph):
    # Neither article has a publication date; nothing in article 000 is dated.
    assert rows(graph, "SELECT ?s ?d WHERE { ?s a ckg:SourceDocument ; dcterms:date ?d }") == []
    assert rows(graph, "SELECT ?f ?d WHERE { ?f prov:wasDerivedFrom source:000_f53fdc1be9ced35d ; dcterms:date ?d }") == []
    # The pledge at the 79th General Assembly is dated by month only, as the source words it.
    assert rows(graph, "SELECT ?t WHERE { event:arevalo-unga79-pledge ckg:dateText ?t }") == [("September",)]


def test_one_named_graph_per_source_plus_the_register(project):
    names = sorted(short_form(str(g.identifier)) for g in project.dataset.graphs() if len(g))
    assert names == [SOURCE_000, SOURCE_004, "source/register"]
