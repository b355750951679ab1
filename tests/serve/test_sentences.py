"""The sentences that title facts: every kind's templates name its own fields, and each fact of the
project's data is titled by a sentence of its values, as a reader would write it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coalition_kg.curation.model import FACT_KINDS
from coalition_kg.queries.engine import LocalEndpoint
from coalition_kg.serve.resources import Facts, Gathered
from coalition_kg.serve.sentences import counted, in_sentence, nth, shortened, title, written_date
from coalition_kg.serve.vocabulary import Vocabulary
from coalition_kg.store.disk import open_store

PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?(?::([a-z]+))?\}")


@pytest.mark.parametrize("kind", FACT_KINDS)
def test_every_kind_is_titled_by_templates_of_its_own_fields(kind):
    """Another kind of fact is a new entry in the data model, with its templates: no code."""
    spec = FACT_KINDS[kind]
    assert spec.title
    for template in spec.title:
        for field, inner, form in PLACEHOLDER.findall(template):
            assert field in spec.fields, (kind, template, field)
            assert not inner or any(inner in other.fields for other in FACT_KINDS.values()), (kind, template, inner)
            assert form in ("", "nth")
        assert template.count("[") == template.count("]")


def test_a_template_leaves_out_what_is_unknown_and_takes_the_first_that_fits():
    values = {"state": "Guatemala", "mission": "the Mission", "status": None, "size": "150", "ordinal": "2"}

    def lookup(field, inner, form):
        found = values.get(field)
        return nth(found) if found and form == "nth" else found

    assert title(["{deployment_kind} from {state}", "[{ordinal:nth} contingent of ][{size} ]troops from {state} to {mission}[, {status}]"],
                 lookup) == "Second contingent of 150 troops from Guatemala to the Mission"
    assert title(["{nothing}"], lookup) is None


@pytest.mark.parametrize(("text", "written"), [
    ("2024-12-06", "6 December 2024"), ("2024-09", "September 2024"), ("2023", "2023"), ("September", "September"),
    ("2024-02-30", "2024-02-30"),
])
def test_dates_are_written_out(text, written):
    assert written_date(text) == written


def test_words_of_a_sentence():
    assert (nth("1"), nth("2"), nth("21")) == ("first", "second", "twenty-first")
    assert in_sentence("https://w3id.org/coalition-kg/id/org/un", "United Nations") == "the United Nations"
    assert in_sentence("https://w3id.org/coalition-kg/id/state/BHS", "Bahamas") == "Bahamas"
    assert (counted(1, "mission"), counted(2, "government body")) == ("1 mission", "2 government bodies")
    assert shortened("word " * 40, 30) == "word word word word word word…"


#: A fact of each kind in the project's data, and its title.
TITLES = {
    "membership/gtm-mss-haiti":
        "Guatemala joined the Multinational Security Support Mission by its instrument of adhesion, 6 December 2024",
    "membership/bhs-mss-haiti": "Bahamas joined the Multinational Security Support Mission, 26 September 2024",
    "membership/ken-mss-haiti": "Kenya joined the Multinational Security Support Mission",
    "instrument/unsc-resolution-2699": "UN Security Council Resolution 2699 (2023)",
    "instrument/bhs-join": "Legal instrument by Bahamas for the Multinational Security Support Mission, 26 September 2024",
    "deployment/gtm-second-contingent":
        "Second contingent of troops from Guatemala to the Multinational Security Support Mission, arrived in Haiti",
    "statement/escobar-elections": "Claudia Escobar for Guatemala said “Guatemala is committed to supporting Haiti’s "
                                   "journey toward stability and ensuring free, fair, and transparent elections”",
    "statement/usa-welcomes-troops": "United States (U.S. officials) said “We welcome the additional troops from Guatemala "
                                     "and El Salvador joining the MSSM. The mission will continue operations with the Haitian…”",
    "post/gtm-ambassador-oas": "Claudia Escobar, ambassador of Guatemala, accredited to the Organization of American States",
    "event/arevalo-unga79-pledge": "President Arévalo's pledge at the 79th UN General Assembly, September",
    "partnership/mss-haiti-un": "The United Nations, backer of the Multinational Security Support Mission",
    "ordinal-claim/jam-first": "Claim: Jamaica was the first to join the Multinational Security Support Mission",
    "count-claim/five-supporters": "Claim: 5 states back the Multinational Security Support Mission",
    "name/mss-haiti-mmas": "The Multinational Security Support Mission is also called “MMAS”",
}


@pytest.fixture(scope="module")
def endpoint(built: Path) -> LocalEndpoint:
    return LocalEndpoint(open_store(built))


@pytest.mark.parametrize("fact", TITLES)
def test_each_fact_is_titled_by_a_sentence_of_its_values(endpoint, fact):
    iri = "https://w3id.org/coalition-kg/id/" + fact
    facts = Facts(Gathered(endpoint, iri, Vocabulary().labels))
    assert facts.title(iri) == TITLES[fact]


def test_every_kind_of_fact_of_the_data_has_a_title_tested():
    assert {fact.split("/")[0] for fact in TITLES} == set(FACT_KINDS)
