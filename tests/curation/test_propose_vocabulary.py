"""The vocabulary of concept fields is read from the ontology's SKOS schemes when a draft is
made: a concept the curators add is used at once, and a value no concept names is kept and
flagged, never dropped and never forced into another concept."""

from __future__ import annotations

from pathlib import Path

import yaml

from coalition_kg.core.paths import PROJECT_DIR
from coalition_kg.curation.propose import propose
from coalition_kg.curation.propose.vocabulary import ONTOLOGY_FILE, normal_form, read_vocabulary

FIXTURES = PROJECT_DIR / "tests" / "propose_articles"
PREFIXES = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix role: <https://w3id.org/coalition-kg/id/role/> .
"""


def ontology(tmp_path: Path, roles: str) -> Path:
    """An ontology whose role scheme holds exactly ``roles`` (Turtle)."""
    path = tmp_path / "coalition.ttl"
    path.write_text(PREFIXES + roles, encoding="utf-8")
    return path


def post(draft, holder: str) -> tuple[dict, str]:
    facts = yaml.safe_load(draft.to_yaml())["facts"]
    found = next(f for f in facts if f["kind"] == "post" and f["holder"] == holder)
    return found, draft.to_yaml()


def test_the_project_schemes_are_read_with_their_labels():
    vocabulary = read_vocabulary(ONTOLOGY_FILE)
    assert {"president", "ambassador"} <= set(vocabulary.slugs("role"))
    assert vocabulary.resolve("deployment-kind", "medevac helicopters").slug == "medevac-helicopters"
    assert vocabulary.resolve("partner-role", "Host-nation forces").slug == "host-nation-force"
    assert normal_form("Host-nation forces") == normal_form("host nation force")


def test_a_role_no_concept_names_is_kept_and_flagged(tmp_path):
    scheme = ontology(tmp_path, """role:president skos:inScheme <https://w3id.org/coalition-kg/id/role> ;
        skos:prefLabel "president"@en .""")
    found, text = post(propose(PROJECT_DIR / "data" / "sources" / "004_488f5bce62634bfc.txt", ontology_file=scheme),
                       "person/claudia-escobar")
    assert found["role"] == "ambassador"
    assert ("#   - post/gtm-ambassador-oas: 'ambassador' names no concept of the role scheme (today: president); "
            "kept as 'ambassador': add the concept to ontology/coalition.ttl or choose one") in text


def test_a_concept_added_to_the_scheme_is_used_at_once(tmp_path):
    article = FIXTURES / "wire_barbados_signs.txt"
    found, text = post(propose(article, FIXTURES / "data", ontology(tmp_path, "")), "person/amara-clarke")
    assert found["role"] == "prime-minister" and "'Prime Minister' names no concept" not in text
    assert "post/brb-prime-minister: 'prime minister' names no concept of the role scheme (today: none)" in text
    grown = ontology(tmp_path, """role:head-of-government skos:inScheme <https://w3id.org/coalition-kg/id/role> ;
        skos:prefLabel "head of government"@en ; skos:altLabel "prime minister"@en .""")
    found, text = post(propose(article, FIXTURES / "data", grown), "person/amara-clarke")
    assert found["role"] == "head-of-government"
    assert "names no concept of the role scheme" not in text
