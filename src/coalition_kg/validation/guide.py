"""The curated model as a curator reads it: the fact kinds; for each, its fields, whether each
is required, the value it takes and what it means; and the concepts a field allows.

Generated, so that it cannot drift from what validation checks: the kinds and fields from
:mod:`coalition_kg.curation.model`; whether a field is required, the form of its value and
the concepts it allows from the SHACL shapes; its meaning from its property shape's
``sh:description``, else from the ontology's ``rdfs:comment`` of its predicate; the concepts'
definitions from the ontology's SKOS schemes. ``coalition-kg model [KIND]`` prints it.
"""

from __future__ import annotations

import difflib
import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from coalition_kg.core.namespaces import short_form
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.curation.model import (
    COMMON_FACT_FIELDS,
    ENTITY_CLASSES,
    ENTITY_FIELDS,
    FACT_KINDS,
    ORGANIZATION_KINDS,
    PROVENANCE,
    FieldSpec,
)

SH = Namespace("http://www.w3.org/ns/shacl#")
REGISTER = "register"
_DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear}
_WIDTH = 100


class UnknownKind(ValueError):
    """A kind the model does not have."""


@dataclass(frozen=True)
class Concept:
    """One allowed value of a field: a concept of a SKOS scheme."""

    slug: str
    definition: str
    narrower: bool = False
    label: str = ""


@dataclass(frozen=True)
class FieldGuide:
    """One field of a kind, as a curator writes it."""

    name: str
    required: str
    value: str
    meaning: str
    scheme: str | None = None


@dataclass
class KindGuide:
    """A fact kind (or the register): where it is written, its fields and their allowed concepts."""

    name: str
    summary: str
    where: str
    fields: list[FieldGuide]
    vocabularies: dict[str, list[Concept]] = field(default_factory=dict)

    def to_text(self) -> str:
        name_width = max(len(f.name) for f in self.fields)
        required_width = max(len(f.required) for f in self.fields)
        indent = " " * (2 + name_width + 2 + required_width + 2)
        lines = [f"{self.name}: {self.summary}", self.where, ""]
        for entry in self.fields:
            lines.append(f"  {entry.name:<{name_width}}  {entry.required:<{required_width}}  {entry.value}")
            lines += textwrap.wrap(entry.meaning, _WIDTH, initial_indent=indent, subsequent_indent=indent)
        for entry in self.fields:
            if entry.scheme:
                lines += ["", f"{entry.name}: one of the {entry.scheme} scheme"]
                lines += _concept_lines(self.vocabularies[entry.scheme])
        return "\n".join(lines) + "\n"


def kinds() -> list[str]:
    """What ``coalition-kg model KIND`` accepts: every fact kind, and the register."""
    return [*FACT_KINDS, REGISTER]


def overview() -> str:
    """The fact kinds, each with what it records."""
    width = max(len(name) for name in FACT_KINDS)
    lines = ["Fact kinds, written in data/facts/<source>.yaml; every fact has an id, its kind and its",
             "evidence (the sentence that states it), and may have a note.", ""]
    lines += [f"  {name:<{width}}  {kind.summary}" for name, kind in FACT_KINDS.items()]
    lines += ["", "The entities the facts name are written in data/register.yaml.",
              "'coalition-kg model KIND' prints the fields of a kind (or of the register) and the values they allow."]
    return "\n".join(lines) + "\n"


def describe(kind: str) -> KindGuide:
    """The guide to one fact kind, or to the register's entries."""
    model = _Model.load()
    if kind == REGISTER:
        return model.register()
    if kind not in FACT_KINDS:
        close = difflib.get_close_matches(kind, kinds(), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise UnknownKind(f"unknown kind '{kind}'{hint}; expected one of {', '.join(kinds())}")
    return model.fact_kind(kind)


def _concept_lines(concepts: list[Concept]) -> list[str]:
    width = max(len(c.slug) + (2 if c.narrower else 0) for c in concepts)
    lines = []
    for concept in concepts:
        slug = ("  " if concept.narrower else "") + concept.slug
        indent = " " * (2 + width + 2)
        wrapped = textwrap.wrap(concept.definition, _WIDTH, initial_indent=indent, subsequent_indent=indent)
        lines.append(f"  {slug:<{width}}  {wrapped[0].strip()}")
        lines += wrapped[1:]
    return lines


@dataclass(frozen=True)
class _Model:
    shapes: Graph
    ontology: Graph

    @staticmethod
    @cache
    def load(ontology_dir: Path = ONTOLOGY_DIR) -> _Model:
        return _Model(Graph().parse(ontology_dir / "shapes.ttl"), Graph().parse(ontology_dir / "coalition.ttl"))

    # --- kinds ---------------------------------------------------------------------

    def fact_kind(self, name: str) -> KindGuide:
        kind = FACT_KINDS[name]
        shapes = self._node_shapes(URIRef(kind.rdf_class))
        evidence = self._property_shape(shapes, URIRef(PROVENANCE.qualified))
        note = self._property_shape(shapes, URIRef(PROVENANCE.note))
        common = {
            "id": FieldGuide("id", "required", "a short name, no '/' or spaces, unique among the file's "
                             f"{name} facts", f"The fact is {name}/<id>; a source that states the same fact "
                             "gives the same id, so that it is one fact with two sources."),
            "kind": FieldGuide("kind", "required", name, kind.summary[0].upper() + kind.summary[1:] + "."),
            "evidence": FieldGuide("evidence", self._required(evidence), "one sentence of the source text",
                                   self._meaning(evidence, URIRef(PROVENANCE.sentence))),
            "note": FieldGuide("note", self._required(note), "text", self._meaning(note, URIRef(PROVENANCE.note))),
        }
        fields = [common[key] for key in COMMON_FACT_FIELDS]
        fields += [self._field(shapes, field_name, spec) for field_name, spec in kind.fields.items()]
        where = f"in data/facts/<source>.yaml, one entry under 'facts:' per fact ({short_form(kind.rdf_class)})"
        return KindGuide(name, kind.summary, where, fields, self._vocabularies(fields, shapes, kind.fields))

    def register(self) -> KindGuide:
        classes = {kind: URIRef(rdf_class) for kind, rdf_class in ENTITY_CLASSES.items()}
        forms = ", ".join(_ref_form(kind) for kind in ENTITY_CLASSES if kind != ORGANIZATION_KINDS[1])
        fields = [
            FieldGuide("id", "required", forms, "Who or what the entry is; facts name it by this id. A state's "
                       "id is its ISO 3166-1 alpha-3 code."),
            FieldGuide("kind", "required (org/ only)", " or ".join(ORGANIZATION_KINDS),
                       "Which kind of organization an org/ entry is."),
        ]
        for field_name, spec in ENTITY_FIELDS.items():
            holders = {kind: self._property_shape(self._node_shapes(rdf_class), URIRef(spec.predicate))
                       for kind, rdf_class in classes.items()}
            present = {kind: shape for kind, shape in holders.items() if shape is not None}
            if not present:
                fields.append(FieldGuide(field_name, "optional", _term_value(spec), "(no shape checks it)"))
                continue
            shape = next(iter(present.values()))
            required = "required" if {self._required(s) for s in present.values()} == {"required"} else "optional"
            if len(present) < len(classes):
                required += " (" + ", ".join(f"{prefix}/" for prefix in dict.fromkeys(map(_prefix, present))) + " only)"
            fields.append(FieldGuide(field_name, required, self._value(shape, spec),
                                     self._meaning(shape, URIRef(spec.predicate))))
        return KindGuide(REGISTER, "the entities the facts talk about",
                         "in data/register.yaml, one entry under 'entities:' per entity", fields)

    # --- fields --------------------------------------------------------------------

    def _field(self, shapes: list[URIRef], name: str, spec: FieldSpec) -> FieldGuide:
        shape = self._property_shape(shapes, URIRef(spec.predicate))
        if shape is None:
            return FieldGuide(name, "optional", _term_value(spec), "(no shape checks it)")
        scheme = spec.scheme if spec.term == "concept" else None
        return FieldGuide(name, self._required(shape), self._value(shape, spec),
                          self._meaning(shape, URIRef(spec.predicate)), scheme)

    def _vocabularies(self, fields: list[FieldGuide], shapes: list[URIRef],
                      specs: dict[str, FieldSpec]) -> dict[str, list[Concept]]:
        vocabularies = {}
        for entry in fields:
            if entry.scheme:
                shape = self._property_shape(shapes, URIRef(specs[entry.name].predicate))
                allowed = Collection(self.shapes, self.shapes.value(shape, SH["in"]))
                vocabularies[entry.scheme] = [self._concept(concept) for concept in allowed]
        return vocabularies

    def _concept(self, iri: URIRef) -> Concept:
        text = _english(self.ontology, iri, SKOS.definition) or "(no definition)"
        scope = _english(self.ontology, iri, SKOS.scopeNote)
        alternatives = sorted(str(o) for o in self.ontology.objects(iri, SKOS.altLabel))
        if alternatives:
            text += " Also called: " + ", ".join(alternatives) + "."
        if scope:
            text += " " + scope
        narrower = (iri, SKOS.broader, None) in self.ontology
        label = _english(self.ontology, iri, SKOS.prefLabel) or ""
        return Concept(short_form(str(iri)).split("/", 1)[1], text, narrower, label)

    def _node_shapes(self, rdf_class: URIRef) -> list[URIRef]:
        return sorted(s for s in self.shapes.subjects(SH.targetClass, rdf_class) if isinstance(s, URIRef))

    def _property_shape(self, node_shapes: list[URIRef], predicate: URIRef) -> URIRef | None:
        for node_shape in node_shapes:
            for shape in self.shapes.objects(node_shape, SH.property):
                if self.shapes.value(shape, SH.path) == predicate:
                    return shape
        return None

    def _required(self, shape: URIRef | None) -> str:
        minimum = self.shapes.value(shape, SH.minCount) if shape is not None else None
        return "required" if minimum is not None and int(minimum) >= 1 else "optional"

    def _meaning(self, shape: URIRef | None, predicate: URIRef) -> str:
        return ((_english(self.shapes, shape, SH.description) if shape is not None else None)
                or _english(self.ontology, predicate, RDFS.comment) or "(no description)")

    def _value(self, shape: URIRef, spec: FieldSpec) -> str:
        if spec.term == "concept":
            return f"one concept of the {spec.scheme} scheme (below)"
        alternatives = [shape, *self._or_members(shape)]
        classes = [c for s in alternatives for c in self.shapes.objects(s, SH["class"])]
        if classes:
            return _classes_value(classes)
        datatypes = {d for s in alternatives for d in self.shapes.objects(s, SH.datatype)}
        if datatypes and datatypes <= _DATE_TYPES:
            return "a date: YYYY-MM-DD, or YYYY-MM, or YYYY"
        if XSD.integer in datatypes:
            minimum = self.shapes.value(shape, SH.minInclusive)
            return f"a whole number from {minimum}" if minimum is not None else "a whole number"
        return _term_value(spec)

    def _or_members(self, shape: URIRef) -> list:
        members = self.shapes.value(shape, SH["or"])
        return list(Collection(self.shapes, members)) if members is not None else []


def _classes_value(classes: list) -> str:
    kinds = {URIRef(rdf_class): kind for kind, rdf_class in ENTITY_CLASSES.items()}
    facts = {URIRef(kind.rdf_class): name for name, kind in FACT_KINDS.items()}
    named = []
    for rdf_class in classes:
        if rdf_class in kinds:
            named.append(f"{_article(kinds[rdf_class].replace('-', ' '))} ({_ref_form(kinds[rdf_class])})")
        elif rdf_class in facts:
            named.append(f"{_article(facts[rdf_class] + ' fact')} ({facts[rdf_class]}/<id>)")
        else:
            named.append(short_form(str(rdf_class)))
    text = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return text + (" of the register" if all(c in kinds for c in classes) else "")


def _prefix(kind: str) -> str:
    return "org" if kind in ORGANIZATION_KINDS else kind


def _ref_form(kind: str) -> str:
    return f"{_prefix(kind)}/<{'ISO 3166-1 alpha-3 code' if kind == 'state' else 'slug'}>"


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _term_value(spec: FieldSpec) -> str:
    return {
        "ref": "an id, kind/slug",
        "text": "text",
        "string": "words, a name or a code, as the source writes them",
        "wikidata": "a Wikidata item id: Q and digits",
        "date": "a date: YYYY-MM-DD, or YYYY-MM, or YYYY",
        "integer": "a whole number",
    }.get(spec.term, spec.term)


def _english(graph: Graph, subject, predicate) -> str | None:
    texts = sorted(str(o) for o in graph.objects(subject, predicate)
                   if isinstance(o, Literal) and o.language in ("en", None))
    return texts[0] if texts else None
