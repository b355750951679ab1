"""The ontology documents every term and is in OWL 2 DL and consistent; the shapes name every
property shape and explain it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from required_tool import require
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import SKOS

from coalition_kg.core.namespaces import ONTOLOGY, concept_iri
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.curation.model import ENTITY_CLASSES, FACT_KINDS

SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "coalition.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


def english(graph: Graph, subject, predicate) -> list[Literal]:
    return [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "en"]


def test_the_ontology_has_a_version(ontology):
    (version,) = ontology.objects(URIRef("https://w3id.org/coalition-kg/ontology"), OWL.versionInfo)
    assert str(version) == "0.1.0"


def test_every_class_and_property_has_an_english_label_and_comment(ontology):
    terms = {
        s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind) if str(s).startswith(ONTOLOGY)
    }
    assert len(terms) > 40
    undocumented = sorted(str(t) for t in terms if len(english(ontology, t, RDFS.label)) != 1
                          or len(english(ontology, t, RDFS.comment)) != 1)
    assert undocumented == []


def test_every_term_the_data_model_uses_is_declared(ontology):
    used = {kind.rdf_class for kind in FACT_KINDS.values()} | set(ENTITY_CLASSES.values())
    used |= {spec.predicate for kind in FACT_KINDS.values() for spec in kind.fields.values()}
    declared = set(map(str, ontology.subjects(RDFS.label, None)))
    assert sorted(term for term in used if term.startswith(ONTOLOGY) and term not in declared) == []


def test_every_concept_the_model_allows_is_a_documented_skos_concept(ontology, shapes):
    schemes = {spec.scheme for kind in FACT_KINDS.values() for spec in kind.fields.values() if spec.scheme}
    assert schemes == {"instrument-kind", "deployment-kind", "deployment-status", "role", "event-kind", "partner-role"}
    allowed = {item for lst in shapes.objects(None, SH["in"]) for item in shapes.items(lst)}
    for concept in allowed:
        assert (concept, RDF.type, SKOS.Concept) in ontology, concept
        assert english(ontology, concept, SKOS.prefLabel) and english(ontology, concept, SKOS.definition)
    assert URIRef(concept_iri("instrument-kind", "adhesion")) in allowed


def test_every_property_shape_is_named_and_has_a_message(shapes):
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(property_shapes) > 50
    assert all(isinstance(shape, URIRef) for shape in property_shapes)
    assert sorted(str(s) for s in property_shapes if not english(shapes, s, SH.message)) == []


def test_there_are_sparql_based_constraints(shapes):
    constraints = sorted(str(c).rsplit("#", 1)[1] for c in shapes.objects(None, SH.sparql))
    assert constraints == [
        "deployments-agree",
        "entity-is-mentioned",
        "evidence-occurs-in-source",
        "host-state-not-joining",
        "host-state-not-member",
        "host-state-not-sender",
        "membership-instrument-matches",
        "person-not-a-body",
        "statement-quoted-in-evidence",
    ]


def test_every_concrete_class_has_a_shape(ontology, shapes):
    abstract = {URIRef(ONTOLOGY + "Fact"), URIRef(ONTOLOGY + "Claim")}
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(ONTOLOGY)} - abstract
    targeted = set(shapes.objects(None, SH.targetClass))
    assert sorted(str(c) for c in classes - targeted) == []


def test_each_vocabulary_field_allows_exactly_its_scheme_and_every_concept_is_defined(ontology, shapes):
    for kind in FACT_KINDS.values():
        for spec in (s for s in kind.fields.values() if s.scheme):
            scheme = URIRef(concept_iri(spec.scheme, "").rstrip("/"))
            concepts = set(ontology.subjects(SKOS.inScheme, scheme))
            (shape,) = {s for s in shapes.subjects(SH.path, URIRef(spec.predicate)) if (s, SH["in"], None) in shapes}
            assert set(shapes.items(shapes.value(shape, SH["in"]))) == concepts, spec.scheme
            tops = set(ontology.objects(scheme, SKOS.hasTopConcept))
            assert tops == {c for c in concepts if (c, SKOS.broader, None) not in ontology}, spec.scheme
            for concept in concepts:
                assert len(english(ontology, concept, SKOS.prefLabel)) == 1 and english(ontology, concept, SKOS.definition)


def test_the_schemes_hold_what_coalition_reporting_commonly_states(ontology):
    def slugs(scheme: str) -> set[str]:
        return {str(c).rsplit("/", 1)[1] for c in ontology.subjects(SKOS.inScheme, URIRef(concept_iri(scheme, "").rstrip("/")))}

    assert {"head-of-government", "prime-minister", "foreign-minister", "defence-minister", "permanent-representative",
            "force-commander", "police-commissioner"} <= slugs("role")
    assert {"police", "formed-police-unit", "staff-officers", "medical-team"} <= slugs("deployment-kind")
    assert {"funder"} <= slugs("partner-role")
    assert {"memorandum-of-understanding", "status-of-forces-agreement", "mandate-extension"} <= slugs("instrument-kind")


# The OWL 2 DL checks run tools the project did not write: OWL API 5's profile checker (Debian's
# libowlapi-java, run from tests/owl/OwlApiCheck.java by the JDK's source launcher) and the
# Konclude reasoner (Debian's konclude). With CI=true a missing one fails; .ci/run installs them.
JARS = Path("/usr/share/java")
OWL_API_JARS = (  # the OWL API and what it loads to read Turtle
    "owlapi-distribution", "slf4j-api", "slf4j-nop", "atinject-jsr330-api", "caffeine", "commons-io",
    "commons-rdf-api", "guava", "hppcrt", "rdf4j-model-api", "rdf4j-model-vocabulary", "rdf4j-model",
    "rdf4j-rio-api", "rdf4j-util", "xz",
)
OWL_API_CHECK = Path(__file__).parent / "owl" / "OwlApiCheck.java"
DECLARATIONS = "# 6. The terms reused from other vocabularies, declared"


def owl_api_check(ontology_file: Path, functional_file: Path | None = None) -> list[str]:
    """The OWL 2 DL violations the OWL API reports, one a line (after checking their count)."""
    jars = [JARS / f"{name}.jar" for name in OWL_API_JARS]
    require(shutil.which("java") is not None and all(jar.exists() for jar in jars),
            "java with the OWL API is missing (apt-get install default-jdk-headless libowlapi-java)")
    command = ["java", "-cp", os.pathsep.join(map(str, jars)), str(OWL_API_CHECK), str(ontology_file)]
    done = subprocess.run(command + ([str(functional_file)] if functional_file else []), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    *violations, count = done.stdout.splitlines()
    assert count == f"{len(violations)} violations"
    return violations


def konclude(functional_file: Path) -> str:
    """Konclude's verdict on the ontology: 'consistent' or 'inconsistent'."""
    require(shutil.which("Konclude") is not None, "Konclude is missing (apt-get install konclude)")
    # Two worker threads: with one, Konclude 0.7 hangs on an inconsistent ontology.
    done = subprocess.run(["Konclude", "consistency", "-w", "2", "-i", str(functional_file)], capture_output=True,
                          text=True, timeout=300, check=False)
    verdict = re.search(r"Ontology '.*' is (consistent|inconsistent)\.", done.stdout)
    assert done.returncode == 0 and verdict, done.stdout + done.stderr
    return verdict.group(1)


def test_the_ontology_is_in_owl_2_dl():
    assert owl_api_check(ONTOLOGY_DIR / "coalition.ttl") == []


def test_the_declarations_are_exactly_what_owl_2_dl_finds_undeclared_without_them(tmp_path, ontology):
    text = (ONTOLOGY_DIR / "coalition.ttl").read_text(encoding="utf-8")
    without = tmp_path / "without-declarations.ttl"
    without.write_text(text[:text.index(DECLARATIONS)], encoding="utf-8")
    violations = owl_api_check(without)
    assert len(violations) > 500 and all(line.startswith("Use of undeclared ") for line in violations)
    kinds = {"class": OWL.Class, "object property": OWL.ObjectProperty, "data property": OWL.DatatypeProperty,
             "annotation property": OWL.AnnotationProperty}
    undeclared = {(URIRef(found[2]), kinds[found[1]])
                  for found in (re.match(r"Use of undeclared ([a-z ]+): <([^>]+)>", line) for line in violations)}
    _, declarations, removed = graph_diff(to_isomorphic(ontology), to_isomorphic(Graph().parse(without)))
    assert len(undeclared) == 32
    assert undeclared == {(term, kind) for term, predicate, kind in declarations if predicate == RDF.type}
    assert len(declarations) == len(undeclared) and len(removed) == 0


def test_a_reasoner_finds_the_ontology_consistent(tmp_path):
    functional = tmp_path / "coalition.ofn"
    owl_api_check(ONTOLOGY_DIR / "coalition.ttl", functional)
    assert konclude(functional) == "consistent"


def test_the_reasoner_finds_a_contradiction_added_to_the_ontology(tmp_path):
    contradicted = tmp_path / "contradicted.ttl"
    contradicted.write_bytes((ONTOLOGY_DIR / "coalition.ttl").read_bytes() + b"""
ckg:State owl:disjointWith ckg:Mission .
<https://example.org/both> a ckg:State , ckg:Mission .
""")
    functional = tmp_path / "contradicted.ofn"
    owl_api_check(contradicted, functional)
    assert konclude(functional) == "inconsistent"
