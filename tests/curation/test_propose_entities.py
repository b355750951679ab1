"""Names linked to the register by label, other name, ISO code and demonym; new ones proposed."""

from __future__ import annotations

from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.propose.entities import link
from coalition_kg.curation.propose.known import read_known


def linked(text: str) -> list[tuple[str, str, str]]:
    result = link(text, read_known(DATA_DIR, "test"))
    return [(m.text, m.ref, m.label) for m in result.mentions]


def test_demonyms_codes_and_other_names_link_to_the_register():
    assert linked("Kenyan, Salvadoran and Guatemalan police met GTM and U.S. officials of the OAS.") == [
        ("Kenyan", "state/KEN", "NORP"), ("Salvadoran", "state/SLV", "NORP"), ("Guatemalan", "state/GTM", "NORP"),
        ("GTM", "state/GTM", "STATE"), ("U.S.", "state/USA", "STATE"), ("OAS", "org/oas", "ORG")]


def test_an_organization_of_a_state_is_found_said_the_other_way():
    assert linked("Haiti’s government and Haiti's National Police work with the Haitian government.") == [
        ("Haiti’s government", "org/haiti-government", "GOV"), ("Haiti's National Police", "org/pnh", "GOV"),
        ("Haitian government", "org/haiti-government", "GOV")]


def test_states_people_and_bodies_the_register_lacks_are_new_entries():
    result = link("Barbados joined the Caribbean Community (CARICOM). Prime Minister Amara Clarke said so.",
                  read_known(DATA_DIR, "test"))
    new = {ref: (e.kind, e.label) for ref, e in result.entities.items() if e.new}
    assert new == {"state/BRB": ("state", "Barbados"),
                   "org/caricom": ("international-organization", "Caribbean Community"),
                   "person/amara-clarke": ("person", "Amara Clarke")}
    assert result.acronyms == [("org/caricom", "CARICOM", 6)]
