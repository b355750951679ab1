"""Typed parameters of the canned questions, turned into RDF terms.

A value given on the command line or through the API is checked against its
parameter's type and becomes one RDF term, which the query engine binds to the
variable of the same name: values are never pasted into query text. Every parameter
that names an entity takes the same forms: its name, its ISO code (or acronym), its short
id (``state/GTM``) or its IRI. States and missions are found by a lookup query among the
entities of their class; a value that is the IRI (or short form) of an entity of the class
is only checked, by a cheaper query. An ``iri`` parameter takes any IRI as it is, and a
name or code is looked up among every named entity (:data:`NAMED_ENTITY_LOOKUP`).

On the query path: standard library, pyoxigraph and the namespaces only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from pyoxigraph import Literal, NamedNode

from coalition_kg.core.namespaces import ONTOLOGY, PREFIXES, entity_iri

XSD_DATE = NamedNode(PREFIXES["xsd"] + "date")

#: parameter type -> what a value of it looks like, for help and error messages
PARAMETER_TYPES: dict[str, str] = {
    "iri": "an IRI, a prefixed name (prov:Entity), a short form (state/GTM), or an entity's name or code (Kenya, USA)",
    "date": "a date, YYYY-MM-DD",
    "string": "a string",
    "integer": "an integer",
    "state": "a state's name (Guatemala), ISO 3166-1 alpha-3 code (GTM) or IRI (state/GTM)",
    "mission": "a mission's name, acronym or IRI (mission/mss-haiti)",
}
#: the class of the entities a type names, for the types resolved by lookup
LOOKUP_CLASSES: dict[str, str] = {"state": ONTOLOGY + "State", "mission": ONTOLOGY + "Mission"}

_SHORT_FORM = re.compile(r"^[a-z][a-z0-9-]*/\S+$")
_PREFIXED_NAME = re.compile(r"^([A-Za-z][\w-]*):(\S*)$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")

Term = NamedNode | Literal
ParameterValue = str | int | date | NamedNode


class Parameter(NamedTuple):
    """A parameter of a canned question: the variable it binds and the values it takes."""

    name: str
    type: str
    description: str = ""
    default: str | int | None = None
    required: bool = False

    def usage(self) -> str:
        """``name (type, default …)`` for listings."""
        if self.required:
            return f"{self.name} ({self.type}, required)"
        if self.default is None:
            return f"{self.name} ({self.type}, optional)"
        return f"{self.name} ({self.type}, default {self.default})"


class ParameterError(ValueError):
    """A parameter value is missing, unknown or not of its type."""


class Candidate(NamedTuple):
    """An entity a lookup found: its IRI, its name and whether it matches the text looked up."""

    iri: NamedNode
    name: str
    matches: bool


#: Looks up the entities of a class (?class) that a text (?text) may name.
#: Both are bound as RDF terms by the query engine; they are projected because
#: SPARQL variable substitution binds projected variables only.
ENTITY_LOOKUP = """
PREFIX ckg: <https://w3id.org/coalition-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX id: <https://w3id.org/coalition-kg/id/>
SELECT DISTINCT ?entity ?name ?matches ?class ?text
WHERE {
  ?entity a ?class .
  OPTIONAL { ?entity skos:prefLabel ?label }
  OPTIONAL { ?entity ckg:iso3166Alpha3 ?code }
  BIND(LCASE(STR(?text)) AS ?key)
  BIND(COALESCE(STR(?label), STRAFTER(STR(?entity), STR(id:))) AS ?name)
  OPTIONAL { ?entity skos:altLabel ?alternative FILTER(LCASE(STR(?alternative)) = ?key) }
  BIND(IF(COALESCE(
      ?key IN (LCASE(STR(?entity)), LCASE(STRAFTER(STR(?entity), STR(id:))), LCASE(STR(?label)), LCASE(STR(?code)),
               LCASE(STR(?alternative))),
      false), "true", "false") AS ?matches)
}
ORDER BY ?name ?entity
"""

#: Looks up the named entities (those with a ``skos:prefLabel``: states, organizations,
#: people, missions) that a text (?text) names by a label, an alternative label (an acronym)
#: or an ISO code, whatever their class: an ``iri`` parameter given as a name.
NAMED_ENTITY_LOOKUP = """
PREFIX ckg: <https://w3id.org/coalition-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?name ?text
WHERE {
  ?entity skos:prefLabel|skos:altLabel|ckg:iso3166Alpha3 ?value .
  FILTER(LCASE(STR(?value)) = LCASE(STR(?text)))
  ?entity skos:prefLabel ?label .
  BIND(STR(?label) AS ?name)
}
ORDER BY ?name ?entity
"""

#: Whether an IRI (?entity) names an entity of a class (?class): a value given as an IRI
#: is taken as it is when it does, without looking up every entity of the class.
ENTITY_CHECK = "ASK { ?entity a ?class }"

#: Finds the entities of a class (IRI) that a text may name: the entity the text is the IRI
#: of (:data:`ENTITY_CHECK`), else every entity of the class (:data:`ENTITY_LOOKUP`); with
#: no class (None), the named entities the text names (:data:`NAMED_ENTITY_LOOKUP`).
Lookup = Callable[[str | None, str], Sequence[Candidate]]


def bind_parameters(
    query_name: str, parameters: Sequence[Parameter], given: Mapping[str, ParameterValue], lookup: Lookup
) -> dict[str, Term]:
    """The RDF term of each parameter: the value given, else its default; an error names
    the parameter and the type expected."""
    known = {parameter.name: parameter for parameter in parameters}
    for name in given:
        if name not in known:
            expected = "; ".join(p.usage() for p in parameters) or "none"
            raise ParameterError(f"query '{query_name}' has no parameter '{name}'; its parameters: {expected}")
    terms: dict[str, Term] = {}
    for parameter in parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            if parameter.required:
                raise ParameterError(
                    f"query '{query_name}' needs parameter '{parameter.name}': {PARAMETER_TYPES[parameter.type]}"
                )
            continue
        terms[parameter.name] = to_term(parameter, value, lookup)
    return terms


def to_term(parameter: Parameter, value: ParameterValue, lookup: Lookup) -> Term:
    """One value as the RDF term of its parameter's type."""
    if isinstance(value, str) and not _is_unicode(value):
        raise ParameterError(
            f"parameter '{parameter.name}': {_shown(value)} is not Unicode text; expected {PARAMETER_TYPES[parameter.type]}"
        )
    if parameter.type in LOOKUP_CLASSES:
        return _resolve(parameter, _text(value), lookup)
    converter = _CONVERTERS[parameter.type]
    term = converter(value)
    if term is None and parameter.type == "iri" and isinstance(value, str):
        return _resolve(parameter, _text(value), lookup)
    if term is None:
        raise ParameterError(
            f"parameter '{parameter.name}': expected {PARAMETER_TYPES[parameter.type]}, got {_shown(value)}"
        )
    return term


def iri_term(value: ParameterValue) -> NamedNode | None:
    """An IRI written in full, as a prefixed name or as a short form; None if it is none of them."""
    if isinstance(value, NamedNode):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _SHORT_FORM.match(text):
        text = entity_iri(text)
    elif (prefixed := _PREFIXED_NAME.match(text)) and prefixed.group(1) in PREFIXES:
        text = PREFIXES[prefixed.group(1)] + prefixed.group(2)
    elif not _ABSOLUTE_IRI.match(text):
        return None
    try:
        return NamedNode(text)
    except ValueError:
        return None


def _date_term(value: ParameterValue) -> Literal | None:
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD_DATE)
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    try:
        return Literal(date.fromisoformat(value.strip()).isoformat(), datatype=XSD_DATE)
    except ValueError:
        return None


def _integer_term(value: ParameterValue) -> Literal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return Literal(value)
    if isinstance(value, str) and _INTEGER.match(value.strip()):
        return Literal(int(value))
    return None


def _string_term(value: ParameterValue) -> Literal | None:
    return Literal(value) if isinstance(value, str) else None


_CONVERTERS: dict[str, Callable[[ParameterValue], Term | None]] = {
    "iri": iri_term,
    "date": _date_term,
    "integer": _integer_term,
    "string": _string_term,
}


def _resolve(parameter: Parameter, text: str, lookup: Lookup) -> NamedNode:
    """The one entity ``text`` names, among those of the parameter's class (any named entity for
    an ``iri`` parameter); an error lists the candidates of a class."""
    candidates = lookup(LOOKUP_CLASSES.get(parameter.type), text)
    matches = [candidate for candidate in candidates if candidate.matches]
    if len(matches) == 1:
        return matches[0].iri
    kind = "entity" if parameter.type == "iri" else parameter.type
    names = ", ".join(candidate.name for candidate in (matches or candidates)) or "none in the graph"
    if matches:
        raise ParameterError(
            f"parameter '{parameter.name}': {_shown(text)} names several {kind}s ({names}); "
            f"expected {PARAMETER_TYPES[parameter.type]} that names one"
        )
    listed = "" if parameter.type == "iri" else f", one of: {names}"
    raise ParameterError(
        f"parameter '{parameter.name}': no {kind} matches {_shown(text)}; "
        f"expected {PARAMETER_TYPES[parameter.type]}{listed}"
    )


def _is_unicode(text: str) -> bool:
    """Whether ``text`` holds characters only: a command-line argument in another encoding
    arrives as lone surrogates, which no RDF term can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: ParameterValue) -> str:
    return value.value if isinstance(value, NamedNode) else str(value).strip()


def _shown(value: ParameterValue) -> str:
    return repr(value.value if isinstance(value, NamedNode) else value)
