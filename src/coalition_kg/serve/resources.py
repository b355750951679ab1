"""What the page of a resource shows, gathered by a few queries with the resource bound as a term.

A resource is any IRI the project mints (``https://w3id.org/coalition-kg/...``), served at the
same path on the server. Its page shows its label and class, its identifiers, its own statements,
every fact that refers to it with the sentence each source quotes and the source beside it, the
entities those facts link it to, and what else points at it. Values are kept as
:class:`Value` s: the text to show and where it links, escaped by the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode

from coalition_kg.core.namespaces import ID, PREFIXES, WIKIDATA, short_form
from coalition_kg.queries.catalog import load_query
from coalition_kg.queries.results import Answer, Term

BASE = "https://w3id.org/coalition-kg/"
RDF_TYPE = PREFIXES["rdf"] + "type"
LABEL_PREDICATES = (PREFIXES["skos"] + "prefLabel", PREFIXES["rdfs"] + "label")
ISO_CODE = PREFIXES["ckg"] + "iso3166Alpha3"
EXACT_MATCH = PREFIXES["skos"] + "exactMatch"
WEB_SCHEMES = ("http://", "https://")
#: Incoming links shown at most, for an entity that thousands of things point at.
MAX_INCOMING = 200

Select = Callable[[str, Mapping[str, Term]], Answer]
Labels = Callable[[Iterable[str]], dict[str, str]]

RELATED_QUERY = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?fact ?property ?other ?entity WHERE {
  ?fact ?link ?entity ; prov:wasDerivedFrom ?source ; ?property ?other .
  FILTER(isIRI(?other) && ?other != ?entity
         && ?property NOT IN (rdf:type, prov:wasDerivedFrom, prov:qualifiedDerivation))
}
ORDER BY ?fact ?property ?other
"""
OWN_QUERY = "SELECT ?property ?value ?entity WHERE { ?entity ?property ?value } ORDER BY ?property ?value"
INCOMING_QUERY = f"""
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?subject ?property ?entity WHERE {{
  ?subject ?property ?entity .
  FILTER NOT EXISTS {{ ?subject prov:wasDerivedFrom ?source }}
}}
ORDER BY ?property ?subject
LIMIT {MAX_INCOMING}
"""


@dataclass(frozen=True)
class Value:
    """A term as a page shows it: ``text``, the page or site it links to (``href``), and a note
    (a literal's language or datatype, an IRI's short form)."""

    text: str
    href: str | None = None
    note: str = ""


@dataclass
class Fact:
    """A fact that refers to the resource: how, what else it links, and each source's sentence."""

    fact: Value
    kind: Value
    properties: list[Value] = field(default_factory=list)
    related: list[tuple[Value, Value]] = field(default_factory=list)
    evidence: list[tuple[Value, str]] = field(default_factory=list)


@dataclass
class ResourcePage:
    """Everything the page of one resource shows."""

    iri: str
    label: str
    classes: list[Value]
    identifiers: list[tuple[str, Value]]
    statements: list[tuple[Value, Value]]
    facts: list[Fact]
    incoming: list[tuple[Value, Value]]
    related: list[Value]


def is_minted(iri: str) -> bool:
    return iri.startswith(BASE)


def local_path(iri: str) -> str:
    """The path on this server of a minted IRI (its fragment kept), else the IRI itself."""
    return "/" + iri[len(BASE):] if is_minted(iri) else iri


def iri_of(path: str) -> str:
    """The minted IRI served at ``path``."""
    return BASE + path.lstrip("/")


def value_of(term: Term | None, labels: Mapping[str, str]) -> Value:
    """How a page shows ``term``: a labelled link for an IRI, the text of a literal."""
    if term is None:
        return Value("—")
    if isinstance(term, NamedNode):
        iri = term.value
        return Value(labels.get(iri, short_form(iri)), link_of(iri), short_form(iri))
    if isinstance(term, BlankNode):
        return Value(f"_:{term.value}")
    if isinstance(term, Literal):
        note = term.language or ("" if term.datatype.value == PREFIXES["xsd"] + "string" else short_form(term.datatype.value))
        return Value(term.value, None, note)
    return Value(str(term))


def link_of(iri: str) -> str | None:
    """Where a page links an IRI: this site's page of a minted IRI, Wikidata's page of an item,
    the IRI itself when it is a web address; nothing for any other scheme (``javascript:``,
    ``data:``, ``file:``...), which a query may well return, and which a page shows as text."""
    if is_minted(iri):
        return local_path(iri)
    if iri.startswith(WIKIDATA):
        return wikidata_page(iri)
    return iri if iri.lower().startswith(WEB_SCHEMES) else None


def wikidata_page(iri: str) -> str:
    """The Wikidata page of an item (``wd:Q774`` -> its page on www.wikidata.org)."""
    return "https://www.wikidata.org/wiki/" + iri[len(WIKIDATA):]


def resource_page(iri: str, select: Select, labels: Labels) -> ResourcePage | None:
    """The page of ``iri`` from the store; None if the store says nothing of it."""
    entity = {"entity": NamedNode(iri)}
    own = select(OWN_QUERY, entity).solutions
    facts = select(load_query("provenance").text, entity).solutions
    if not own and not facts:
        return None
    related = select(RELATED_QUERY, entity).solutions
    incoming = select(INCOMING_QUERY, entity).solutions
    sources = [ID + "source/" + row[3].value for row in facts]
    names = labels([
        *sources,
        *(term.value for rows in (own, facts, related, incoming) for row in rows for term in row if isinstance(term, NamedNode)),
    ])
    return _page(iri, own, facts, related, incoming, {**names})


def _page(iri, own, facts, related, incoming, names: dict[str, str]) -> ResourcePage:
    show = lambda term: value_of(term, names)
    classes = [show(value) for prop, value, _ in own if prop.value == RDF_TYPE]
    identifiers = [("ISO 3166-1 alpha-3", show(value)) for prop, value, _ in own if prop.value == ISO_CODE]
    identifiers += [("Wikidata", show(value)) for prop, value, _ in own if prop.value == EXACT_MATCH]
    labels = sorted(
        (value.value for prop, value, _ in own if prop.value in LABEL_PREDICATES and isinstance(value, Literal)
         and value.language in (None, "en")),
        key=lambda text: (len(text), text),
    )
    statements = [(show(prop), show(value)) for prop, value, _ in own if prop.value != RDF_TYPE]
    by_fact: dict[str, Fact] = {}
    for fact, kind, prop, source, sentence, _ in facts:
        entry = by_fact.setdefault(fact.value, Fact(show(fact), show(kind)))
        if show(prop) not in entry.properties:
            entry.properties.append(show(prop))
        source_value = show(NamedNode(ID + "source/" + source.value))
        if (source_value, sentence.value) not in entry.evidence:
            entry.evidence.append((source_value, sentence.value))
    others: dict[str, Value] = {}
    for fact, prop, other, _ in related:
        if fact.value in by_fact:
            by_fact[fact.value].related.append((show(prop), show(other)))
            others.setdefault(other.value, show(other))
    return ResourcePage(
        iri=iri,
        label=labels[0] if labels else names.get(iri, short_form(iri)),
        classes=classes,
        identifiers=identifiers,
        statements=statements,
        facts=list(by_fact.values()),
        incoming=[(show(subject), show(prop)) for subject, prop, _ in incoming],
        related=sorted(others.values(), key=lambda value: value.text),
    )
