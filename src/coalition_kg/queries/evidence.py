"""The evidence of every row of an answer: the sentence each source quotes for the facts the row
rests on, and the source, whatever columns the question's SELECT returns.

A row rests on the facts it names: its IRIs that have a ``prov:qualifiedDerivation``. A row that
names none (``contributors`` gives a state and a mission, ``members`` a state without an
instrument) rests on the facts that link its entities: those that refer to its first entity and
to each of the others. A row with neither (a count, what the entity register says) has no
source sentence. Two queries per answer at most, over the answer's own IRIs written by
pyoxigraph as terms (as :func:`coalition_kg.queries.labels.label_map` does), on any endpoint:
the local store, a remote one, the server's workers.

The terminal's tables (:meth:`coalition_kg.queries.results.Answer.table`) and the server's
question pages show them.

On the query path: standard library, pyoxigraph and the project's light modules.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from coalition_kg.core.namespaces import ID
from coalition_kg.queries.engine import Endpoint, select
from coalition_kg.queries.results import Answer, Quote

#: How the IRIs of the register's entities begin, after ``id/``: states, missions, organizations, people.
ENTITY_KINDS = ("state/", "mission/", "org/", "person/")
_DERIVATION = """
  ?fact prov:qualifiedDerivation ?derivation .
  ?derivation prov:entity ?document ; ckg:quotedSentence ?sentence .
"""
_PROLOGUE = "PREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX ckg: <https://w3id.org/coalition-kg/ontology#>\n"
FACTS_QUERY = _PROLOGUE + "SELECT ?fact ?document ?sentence WHERE {\n  VALUES ?fact { %s }" + _DERIVATION + "}"
LINKING_QUERY = _PROLOGUE + """SELECT DISTINCT ?first ?other ?fact ?document ?sentence WHERE {
  VALUES (?first ?other) { %s }
  ?fact ?link ?first ; ?otherLink ?other .""" + _DERIVATION + "}"


def is_entity(term: NamedNode) -> bool:
    """Whether ``term`` is an entity of the register: a state, a mission, an organization, a person."""
    return term.value.startswith(ID) and term.value[len(ID):].startswith(ENTITY_KINDS)


def row_quotes(endpoint: Endpoint, answer: Answer) -> list[list[Quote]]:
    """The quotes behind each row of ``answer``, in the order of its rows."""
    rows = [[term for term in row if isinstance(term, NamedNode)] for row in answer.terms()]
    named = {term for row in rows for term in row}
    of_fact = _grouped(select(endpoint, FACTS_QUERY % _terms(named), {}), 1) if named else {}
    found = [_union(of_fact.get((term.value,), set()) for term in row) for row in rows]
    linking: dict[int, list[NamedNode]] = {}  # the rows that name no fact, by index: their entities
    for index, row in enumerate(rows):
        entities = [term for term in dict.fromkeys(row) if is_entity(term)]
        if not found[index] and len(entities) > 1:
            linking[index] = entities
    pairs = sorted({(str(entities[0]), str(other)) for entities in linking.values() for other in entities[1:]})
    if pairs:
        linked = _grouped(select(endpoint, LINKING_QUERY % " ".join(f"({first} {other})" for first, other in pairs), {}), 2)
        for index, (first, *others) in linking.items():
            found[index] = sorted(set.intersection(*(linked.get((first.value, other.value), set()) for other in others)),
                                  key=_order)
    return found


def _grouped(answer: Answer, keys: int) -> dict[tuple[str, ...], set[Quote]]:
    """The quotes of an answer whose rows end with (fact, document, sentence), by its first ``keys`` values."""
    grouped: dict[tuple[str, ...], set[Quote]] = {}
    for row in answer.terms():
        fact, document, sentence = (term.value for term in row[-3:])
        grouped.setdefault(tuple(term.value for term in row[:keys]), set()).add(Quote(fact, document, sentence))
    return grouped


def _union(groups) -> list[Quote]:
    return sorted(set().union(*groups), key=_order)


def _terms(terms: set[NamedNode]) -> str:
    return " ".join(sorted(map(str, terms)))


def _order(quote: Quote) -> tuple[str, str, str]:
    return quote.fact, quote.document, quote.sentence
