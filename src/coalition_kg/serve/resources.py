"""What the page of a resource shows, gathered by a few queries with the resource bound as a term.

A resource is any IRI the project mints (``https://w3id.org/coalition-kg/...``), served at the
same path on the server. Everything is named as a person reads it: an entity by its name, a
class or property by its label in the ontology, a concept by its label in its scheme, a fact
by the sentence its kind's template makes of its values (:mod:`.sentences`); IRIs are shown
small, never as titles.

Its page says what it is first, then sums up the facts that refer to it: a table per kind of
fact (memberships, deployments, posts...), one row per fact, in order of date where there is
one, with the fact's values (a fact it names, such as a membership's instrument, by that
fact's own values: how and when the state joined). A mission's page adds the timeline of its
members' joining, the officials of the people its facts name, and the claims about it that the
other facts contradict. Then come the facts themselves, grouped by kind, each titled by its
sentence with the sentence every source quotes, and the resource's identifiers. A fact's own
page gives its values and each source's sentence. Values are kept as :class:`Value` s: the
text to show and where it links, escaped by the templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode

from coalition_kg.core.namespaces import ID, PREFIXES, WIKIDATA, short_form
from coalition_kg.curation.model import FACT_KINDS, ORG, PROVENANCE
from coalition_kg.queries.catalog import CannedQuery, load_query
from coalition_kg.queries.engine import Endpoint, ask, select
from coalition_kg.queries.labels import label_map
from coalition_kg.queries.results import Term
from coalition_kg.serve.sentences import in_sentence, nth, shortened, title, written_date

BASE = "https://w3id.org/coalition-kg/"
RDF_TYPE = PREFIXES["rdf"] + "type"
LABEL_PREDICATES = (PREFIXES["skos"] + "prefLabel", PREFIXES["rdfs"] + "label")
OTHER_NAME = PREFIXES["skos"] + "altLabel"
ISO_CODE = PREFIXES["ckg"] + "iso3166Alpha3"
EXACT_MATCH = PREFIXES["skos"] + "exactMatch"
MISSION_CLASS = PREFIXES["ckg"] + "Mission"
WEB_SCHEMES = ("http://", "https://")
XSD_STRING = PREFIXES["xsd"] + "string"
DATE_TYPES = frozenset(PREFIXES["xsd"] + name for name in ("date", "gYearMonth", "gYear"))
#: What a summary's row shows of a fact that its fact names (a membership's instrument): how and when.
FLATTENED = ("concept", "date")
#: How deep a fact's sentence names the facts it names by their own sentences.
MAX_DEPTH = 2
#: Incoming links shown at most, for an entity that thousands of things point at.
MAX_INCOMING = 200
#: Facts of one kind shown at most on a page; the rest are counted (the provenance question lists them all).
MAX_FACTS = 200
#: What a fact's page does not list among its values: its class and its sources are said otherwise.
NOT_VALUES = (RDF_TYPE, PROVENANCE.derived_from, PROVENANCE.qualified, PROVENANCE.note)
#: The direct triples that sum up a fact (a state's ``org:memberOf`` its mission): its page lists the fact itself.
SHORTCUTS = frozenset(kind.shortcut[1] for kind in FACT_KINDS.values() if kind.shortcut)
#: The kind of fact whose dates a mission's timeline shows: its members' joining.
TIMELINE_KIND = "membership"

OWN_QUERY = "SELECT ?property ?value ?entity WHERE { ?entity ?property ?value } ORDER BY ?property ?value"
#: What else points at a resource: not its facts (listed with their sentences), nor their evidence.
INCOMING_QUERY = f"""
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?subject ?property ?entity WHERE {{
  ?subject ?property ?entity .
  FILTER(?property != prov:entity)
  FILTER NOT EXISTS {{ ?subject prov:wasDerivedFrom ?source }}
}}
ORDER BY ?property ?subject
LIMIT {MAX_INCOMING}
"""
#: The values of facts already found: their IRIs are written by pyoxigraph, as terms.
VALUES_QUERY = "SELECT ?fact ?property ?value WHERE { VALUES ?fact { %s } ?fact ?property ?value }"
POSTS_QUERY = "PREFIX org: <http://www.w3.org/ns/org#>\nSELECT DISTINCT ?post WHERE { VALUES ?person { %s } ?post org:heldBy ?person }"


@dataclass(frozen=True)
class Value:
    """A term as a page shows it: ``text``, the page or site it links to (``href``), and a note
    (a literal's language or datatype, an IRI's short form)."""

    text: str
    href: str | None = None
    note: str = ""


@dataclass
class Fact:
    """A fact as a page shows it: its kind, the sentence that titles it, its values by field
    (each field named by its property's label), each source's sentence, and a curator's note."""

    iri: str
    kind: str  # the data model's name of its kind: membership, deployment...
    title: str
    values: dict[str, list[Term]]
    evidence: list[tuple[Value, str]] = field(default_factory=list)  # (source, sentence)
    note: str = ""

    @property
    def anchor(self) -> str:
        """The id of its entry on a page that lists it."""
        return "fact-" + short_form(self.iri).replace("/", "-")

    @property
    def href(self) -> str:
        """Its page on this site."""
        return local_path(self.iri)


@dataclass
class Summary:
    """The facts of one kind that refer to a resource, as a table: a column per value that tells
    them apart, a row per fact (its cells, and the fact)."""

    kind: str
    heading: str
    columns: list[str]
    rows: list[tuple[list[list[Value]], Fact]]
    more: int = 0


@dataclass
class Joining:
    """A member on a mission's timeline: when it joined, and how far along the axis (0 to 1)."""

    member: Value
    day: str
    at: float

    @property
    def written(self) -> str:
        return written_date(self.day)

    @property
    def short(self) -> str:
        """The date as a timeline's axis has room for: "3 Aug 2024"."""
        from datetime import date

        day = date.fromisoformat(self.day)
        return f"{day.day} {day:%b %Y}"


@dataclass
class ResourcePage:
    """Everything the page of one resource shows."""

    iri: str
    label: str
    classes: list[Value]
    other_names: list[str]
    identifiers: list[tuple[str, Value]]
    statements: list[tuple[Value, Value]]
    summaries: list[Summary]  # the facts by kind: the tables at a glance, then the list of facts and their sources
    incoming: list[tuple[Value, Value]]
    fact: Fact | None = None  # the resource itself, when it is a fact
    fact_values: list[tuple[str, list[Value]]] = field(default_factory=list)
    joining: list[Joining] = field(default_factory=list)
    officials: list[Fact] = field(default_factory=list)
    conflicts: list[dict[str, Value]] = field(default_factory=list)


def is_minted(iri: str) -> bool:
    return iri.startswith(BASE)


def local_path(iri: str) -> str:
    """The path on this server of a minted IRI (its fragment kept), else the IRI itself."""
    return "/" + iri[len(BASE):] if is_minted(iri) else iri


def iri_of(path: str) -> str:
    """The minted IRI served at ``path``."""
    return BASE + path.lstrip("/")


def value_of(term: Term | None, labels: Mapping[str, str]) -> Value:
    """How a page shows ``term``: a labelled link for an IRI, the text of a literal (a date written out)."""
    if term is None:
        return Value("—")
    if isinstance(term, NamedNode):
        iri = term.value
        plain = iri[len(WIKIDATA):] if iri.startswith(WIKIDATA) else short_form(iri)  # a Wikidata item by its Q number
        return Value(labels.get(iri, plain), link_of(iri), short_form(iri))
    if isinstance(term, BlankNode):
        return Value(f"_:{term.value}")
    if isinstance(term, Literal):
        datatype = term.datatype.value if term.datatype else XSD_STRING
        if datatype in DATE_TYPES:
            return Value(written_date(term.value), None, term.value)
        return Value(term.value, None, term.language or ("" if datatype == XSD_STRING else short_form(datatype)))
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


def fact_kind(iri: str) -> str | None:
    """The data model's kind of the fact ``iri`` names (``membership``), from its minted path; None if no fact."""
    if not iri.startswith(ID):
        return None
    kind = iri[len(ID):].split("/", 1)[0]
    return kind if kind in FACT_KINDS and "/" in iri[len(ID):] else None


class Gathered:
    """What the store says of a resource and of the facts around it, named: the raw material of its page."""

    def __init__(self, endpoint: Endpoint, iri: str, term_labels: Mapping[str, str]) -> None:
        self.endpoint, self.iri = endpoint, iri
        bound = {"entity": NamedNode(iri)}
        self.own = select(endpoint, OWN_QUERY, bound).solutions
        self.quoted = select(endpoint, load_query("provenance").text, bound).solutions
        self.values: dict[str, dict[str, list[Term]]] = {}
        self._fetch(row[0].value for row in self.quoted)
        self._fetch(term.value for facts in list(self.values.values()) for terms in facts.values()
                    for term in terms if isinstance(term, NamedNode) and fact_kind(term.value))
        self.incoming = select(endpoint, INCOMING_QUERY, bound).solutions
        self.names = {**label_map(endpoint, self._iris()), **term_labels}

    @property
    def found(self) -> bool:
        return bool(self.own or self.quoted)

    def fetch_posts(self, people: Iterable[str]) -> list[str]:
        """The posts the people ``people`` hold, their values fetched and named."""
        people = sorted(set(people))
        if not people:
            return []
        terms = " ".join(str(NamedNode(person)) for person in people)
        posts = [row[0].value for row in select(self.endpoint, POSTS_QUERY % terms, {}).solutions]
        self._fetch(posts)
        self.names.update(label_map(self.endpoint, self._iris()))
        return posts

    def _fetch(self, facts: Iterable[str]) -> None:
        wanted = sorted({fact for fact in facts if fact not in self.values})
        if not wanted:
            return
        answer = select(self.endpoint, VALUES_QUERY % " ".join(str(NamedNode(fact)) for fact in wanted), {})
        for fact in wanted:
            self.values[fact] = {}
        for fact, prop, value in answer.solutions:
            self.values[fact.value].setdefault(prop.value, []).append(value)

    def _iris(self) -> set[str]:
        rows = (*self.own, *self.quoted, *self.incoming)
        found = {term.value for row in rows for term in row if isinstance(term, NamedNode)}
        found |= {ID + "source/" + row[3].value for row in self.quoted}
        found |= {term.value for facts in self.values.values() for terms in facts.values() for term in terms
                  if isinstance(term, NamedNode)}
        return found | {prop for facts in self.values.values() for prop in facts}


class Facts:
    """The facts of a gathered resource as a page names them: each by its sentence."""

    def __init__(self, gathered: Gathered) -> None:
        self.gathered = gathered
        self._titles: dict[str, str] = {}

    @property
    def names(self) -> dict[str, str]:
        """Every IRI's name: an entity's, a term's, a concept's; a fact's sentence."""
        return {**self.gathered.names, **{iri: self.title(iri) for iri in self.gathered.values}}

    def fields(self, iri: str, terms: Iterable[str] | None = None) -> dict[str, tuple[str, list[Term]]]:
        """The values of the fact ``iri`` by the data model's field name, each with its predicate
        (only the fields whose term is one of ``terms``, if given)."""
        kind = FACT_KINDS.get(fact_kind(iri) or "")
        values = self.gathered.values.get(iri, {})
        if kind is None:
            return {}
        return {name: (spec.predicate, values[spec.predicate]) for name, spec in kind.fields.items()
                if spec.predicate in values and (terms is None or spec.term in terms)}

    def title(self, iri: str, depth: int = 0) -> str:
        """The sentence that titles the fact ``iri``; its short form when no template fits (or
        when the facts it names name it back, further than a template looks)."""
        if iri in self._titles:
            return self._titles[iri]
        kind = FACT_KINDS.get(fact_kind(iri) or "")
        fields = self.fields(iri)

        def lookup(name: str, inner: str | None, form: str | None) -> str | None:
            terms = fields.get(name, ("", []))[1]
            if not terms:
                return None
            if inner is None:
                return " and ".join(self.text(term, form, depth + 1) for term in terms)
            nested = self.fields(terms[0].value).get(inner) if isinstance(terms[0], NamedNode) else None
            return self.text(nested[1][0], form, depth + 1) if nested else None

        found = (title(kind.title, lookup) if kind and depth < MAX_DEPTH else None) or short_form(iri)
        if depth == 0:
            self._titles[iri] = found
        return found

    def text(self, term: Term, form: str | None = None, depth: int = 0) -> str:
        """A value as a sentence has it: an entity's name with its article, a concept's label, a
        fact's own sentence, a date written out, a number as an ordinal if asked."""
        if isinstance(term, NamedNode):
            if term.value in self.gathered.values:
                return self.title(term.value, depth)
            return in_sentence(term.value, self.gathered.names.get(term.value, short_form(term.value)))
        if form == "nth":
            return nth(term.value)
        return shortened(value_of(term, {}).text)

    def fact(self, iri: str) -> Fact:
        """The fact ``iri`` with its title, values, sources' sentences and note."""
        values = self.gathered.values.get(iri, {})
        notes = [term.value for term in values.get(PROVENANCE.note, []) if isinstance(term, Literal)]
        fields = {name: terms for name, (_, terms) in self.fields(iri).items()}
        return Fact(iri, fact_kind(iri) or "", self.title(iri), fields, self.evidence(iri), " ".join(notes))

    def evidence(self, iri: str) -> list[tuple[Value, str]]:
        quotes = {(ID + "source/" + row[3].value, row[4].value) for row in self.gathered.quoted if row[0].value == iri}
        return [(self.show(NamedNode(source)), sentence) for source, sentence in sorted(quotes)]

    def show(self, term: Term | None) -> Value:
        if isinstance(term, NamedNode) and term.value in self.gathered.values:
            return Value(self.title(term.value), link_of(term.value), short_form(term.value))
        return value_of(term, self.gathered.names)

    def date(self, iri: str) -> str:
        """When the fact ``iri`` happened, for ordering: its date, or the date of the fact it names
        (a membership's instrument); '' if none."""
        named = [term.value for terms in self.gathered.values.get(iri, {}).values() for term in terms
                 if isinstance(term, NamedNode) and term.value in self.gathered.values and term.value != iri]
        return self._own_date(iri) or next((found for fact in named if (found := self._own_date(fact))), "")

    def _own_date(self, iri: str) -> str:
        values = self.gathered.values.get(iri, {})
        return min((term.value for terms in values.values() for term in terms if _is_date(term)), default="")


def _is_date(term: Term) -> bool:
    return isinstance(term, Literal) and term.datatype is not None and term.datatype.value in DATE_TYPES


def resource_page(iri: str, endpoint: Endpoint, term_labels: Mapping[str, str], conflicts: CannedQuery) -> ResourcePage | None:
    """The page of ``iri`` from the store behind ``endpoint``; None if the store says nothing of it.
    ``term_labels`` name the ontology's classes and properties; ``conflicts`` is the question that
    checks a mission's claims."""
    gathered = Gathered(endpoint, iri, term_labels)
    if not gathered.found:
        return None
    facts = Facts(gathered)
    show = facts.show
    own = [(prop.value, value) for prop, value, _ in gathered.own]
    classes = [value for prop, value in own if prop == RDF_TYPE]
    names = sorted((value.value for prop, value in own if prop in LABEL_PREDICATES and isinstance(value, Literal)
                    and value.language in (None, "en")), key=lambda text: (len(text), text))
    identifiers = [("ISO 3166-1 alpha-3", show(value)) for prop, value in own if prop == ISO_CODE]
    identifiers += [("Wikidata", show(value)) for prop, value in own if prop == EXACT_MATCH]
    shown_elsewhere = {RDF_TYPE, ISO_CODE, EXACT_MATCH, OTHER_NAME, *LABEL_PREDICATES, PROVENANCE.derived_from,
                       PROVENANCE.qualified, PROVENANCE.note}
    referring = _kind_order(facts.fact(fact) for fact in dict.fromkeys(row[0].value for row in gathered.quoted) if fact != iri)
    page = ResourcePage(
        iri=iri,
        label=names[0] if names else facts.names.get(iri, short_form(iri)),
        classes=[show(value) for value in classes],
        other_names=sorted({value.value for prop, value in own if prop == OTHER_NAME and isinstance(value, Literal)}),
        identifiers=identifiers,
        statements=[(show(NamedNode(prop)), show(value)) for prop, value in own if prop not in shown_elsewhere
                    and not fact_kind(iri)],
        summaries=[_summary(kind, group, iri, facts) for kind, group in _by_kind(referring, facts)],
        incoming=[(show(subject), show(prop)) for subject, prop, _ in gathered.incoming if prop.value not in SHORTCUTS],
    )
    if fact_kind(iri):
        page.fact = facts.fact(iri)
        values = gathered.values.get(iri, {})
        in_order = [spec.predicate for spec in FACT_KINDS[fact_kind(iri)].fields.values()]
        ordered = sorted((prop for prop in values if prop not in NOT_VALUES),
                         key=lambda prop: (in_order.index(prop) if prop in in_order else len(in_order), prop))
        page.fact_values = [(facts.names.get(prop, short_form(prop)), [show(term) for term in values[prop]]) for prop in ordered]
    if any(value.value == MISSION_CLASS for value in classes):
        _mission_extras(page, iri, referring, facts, endpoint, conflicts)
    return page


def _mission_extras(page: ResourcePage, iri: str, referring: list[Fact], facts: Facts, endpoint: Endpoint,
                    conflicts: CannedQuery) -> None:
    """What a mission's page adds: its members' joining on a timeline, the posts of the people its
    facts name, and the claims about it that the other facts contradict."""
    dated = [(facts.date(fact.iri), fact) for fact in referring if fact.kind == TIMELINE_KIND and facts.date(fact.iri)]
    dated = [(day, fact) for day, fact in dated if len(day) == 10]
    if len(dated) > 1:
        first, last = min(day for day, _ in dated), max(day for day, _ in dated)
        span = max(_days(first, last), 1)
        member_field = next(name for name, spec in FACT_KINDS[TIMELINE_KIND].fields.items() if spec.predicate == ORG + "member")
        page.joining = [Joining(facts.show(fact.values[member_field][0]), day, _days(first, day) / span)
                        for day, fact in sorted(dated, key=lambda pair: (pair[0], pair[1].title))]
    people = {term.value for fact in referring for terms in fact.values.values() for term in terms
              if isinstance(term, NamedNode) and term.value[len(ID):].startswith("person/")}
    page.officials = sorted((facts.fact(post) for post in facts.gathered.fetch_posts(people)), key=lambda fact: fact.title)
    answer = ask(endpoint, conflicts, {"mission": NamedNode(iri)})
    names = label_map(endpoint, answer.iris())
    page.conflicts = [{name: value_of(term, {**facts.names, **names}) for name, term in row.items()}
                      for row in (dict(zip(answer.variables, terms)) for terms in answer.terms())
                      if isinstance(row["verdict"], Literal) and row["verdict"].value == "contradicted"]


def _days(first: str, last: str) -> int:
    from datetime import date

    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _kind_order(facts: Iterable[Fact]) -> list[Fact]:
    order = list(FACT_KINDS)
    return sorted(facts, key=lambda fact: (order.index(fact.kind) if fact.kind in order else len(order), fact.title))


def _by_kind(facts: list[Fact], named: Facts) -> list[tuple[str, list[Fact]]]:
    """The facts by kind, in the data model's order of kinds; by date within a kind (undated last), then by title."""
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        groups.setdefault(fact.kind, []).append(fact)
    return [(kind, sorted(group, key=lambda fact: (named.date(fact.iri) == "", named.date(fact.iri), fact.title)))
            for kind, group in groups.items()]


def _heading(kind: str, names: Mapping[str, str]) -> str:
    """What a kind's facts are called together: its class's label, in the plural ("Legal instruments")."""
    from coalition_kg.serve.sentences import plural

    noun = plural(names.get(FACT_KINDS[kind].rdf_class, kind)) if kind in FACT_KINDS else kind
    return noun[:1].upper() + noun[1:]


def _summary(kind: str, group: list[Fact], iri: str, facts: Facts) -> Summary:
    """The table of one kind's facts: a column per property whose values tell the rows apart (in
    place of a fact they name, its kind and date: how and when a state joined); not those that
    only name the resource itself, nor a value that its row already shows."""
    group, more = group[:MAX_FACTS], max(len(group) - MAX_FACTS, 0)
    cells: list[dict[str, list[Term]]] = []
    for fact in group:
        row: dict[str, list[Term]] = {}
        for predicate, terms in facts.fields(fact.iri).values():
            named = [term for term in terms if isinstance(term, NamedNode) and term.value in facts.gathered.values]
            if not named:
                row[predicate] = terms
                continue
            for inner_predicate, inner_terms in facts.fields(named[0].value, FLATTENED).values():
                row.setdefault(inner_predicate, inner_terms)
        shown = {term for terms in row.values() for term in terms if isinstance(term, NamedNode)}
        cells.append({predicate: terms for predicate, terms in row.items()
                      if not all(isinstance(t, NamedNode) and (t.value == iri or _repeated(t, row, predicate)) for t in terms)})
    columns = list(dict.fromkeys(predicate for row in cells for predicate in row))
    rows = [([[facts.show(term) for term in row.get(predicate, [])] for predicate in columns], fact)
            for row, fact in zip(cells, group)]
    rows.sort(key=lambda row: (facts.date(row[1].iri) == "", facts.date(row[1].iri), [v.text for v in (row[0] or [[]])[0]],
                               row[1].title))
    names = facts.gathered.names
    return Summary(kind, _heading(kind, names), [names.get(p, short_form(p)) for p in columns], rows, more)


def _repeated(term: NamedNode, row: dict[str, list[Term]], predicate: str) -> bool:
    """Whether ``term`` is a value of another of the row's columns, before this one."""
    earlier = list(row)[: list(row).index(predicate)]
    return any(term in row[other] for other in earlier)
