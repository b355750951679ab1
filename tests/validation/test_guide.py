"""The guide to the curated model says what validation checks: every field, its requirement, value and
meaning, and exactly the concepts the shapes allow, with the ontology's definitions."""

from __future__ import annotations

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from coalition_kg.core.namespaces import short_form
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.curation.model import COMMON_FACT_FIELDS, ENTITY_FIELDS, FACT_KINDS
from coalition_kg.validation.guide import UnknownKind, describe, kinds, overview

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
ONTOLOGY = Graph().parse(ONTOLOGY_DIR / "coalition.ttl")


@pytest.mark.parametrize("kind", kinds())
def test_every_field_is_checked_by_a_shape_and_says_what_it_means(kind: str):
    guide = describe(kind)
    expected = [*COMMON_FACT_FIELDS, *FACT_KINDS[kind].fields] if kind in FACT_KINDS else ["id", "kind", *ENTITY_FIELDS]
    assert [field.name for field in guide.fields] == expected
    for field in guide.fields:
        assert field.meaning not in ("(no shape checks it)", "(no description)"), (kind, field.name)
        assert field.meaning.endswith((".", ")")) and field.value, (kind, field.name)


@pytest.mark.parametrize("kind", [name for name, kind in FACT_KINDS.items() if any(f.scheme for f in kind.fields.values())])
def test_the_concepts_listed_are_exactly_those_the_shapes_allow_with_the_ontology_definitions(kind: str):
    guide = describe(kind)
    for field in (f for f in guide.fields if f.scheme):
        predicate = URIRef(FACT_KINDS[kind].fields[field.name].predicate)
        (shape,) = {s for s in SHAPES.subjects(SH.path, predicate) if (s, SH["in"], None) in SHAPES}
        allowed = [short_form(str(c)).split("/", 1)[1] for c in Collection(SHAPES, SHAPES.value(shape, SH["in"]))]
        assert [concept.slug for concept in guide.vocabularies[field.scheme]] == allowed
        for concept in guide.vocabularies[field.scheme]:
            iri = URIRef(f"https://w3id.org/coalition-kg/id/{field.scheme}/{concept.slug}")
            assert concept.definition.startswith(str(ONTOLOGY.value(iri, SKOS.definition)))


def test_a_kind_reads_as_a_curator_writes_it():
    text = describe("post").to_text()
    lines = text.splitlines()
    assert lines[:3] == ["post: an official holds a post in a state or organization",
                         "in data/facts/<source>.yaml, one entry under 'facts:' per fact (ckg:Post)", ""]
    assert "  holder         required  a person (person/<slug>) of the register" in lines
    assert "  accredited_to  optional  a state (state/<ISO 3166-1 alpha-3 code>) or an international organization " \
           "(org/<slug>) of the register" in lines
    assert "role: one of the role scheme" in lines
    assert "    prime-minister            The head of a state's government who holds the title of prime" in lines
    assert "  police-commissioner         The senior police officer in command of a mission's police component." in lines


def test_the_register_says_which_fields_which_entries_take():
    lines = describe("register").to_text().splitlines()
    assert "  kind      required (org/ only)  international-organization or government-body" in lines
    assert "  wikidata  optional              a Wikidata item id: Q and digits" in lines
    assert ("  part_of   optional (org/ only)  a state (state/<ISO 3166-1 alpha-3 code>), an international organization "
            "(org/<slug>) or a government body (org/<slug>) of the register") in lines


def test_the_overview_lists_every_kind_with_what_it_records():
    text = overview()
    for name, kind in FACT_KINDS.items():
        assert f"  {name:<13}  {kind.summary}\n" in text


def test_an_unknown_kind_is_refused_with_the_kind_it_probably_meant():
    with pytest.raises(UnknownKind) as error:
        describe("deploy")
    assert str(error.value) == ("unknown kind 'deploy' (did you mean deployment?); expected one of membership, "
                                "instrument, deployment, statement, post, event, partnership, ordinal-claim, "
                                "count-claim, name, register")
