"""Validating a new or changed facts file against the built graph, without re-validating it all.

The project's shapes look at most one hop from a focus node (a fact's own values, the
types of the nodes it names, an instrument's party, an evidence's source text), and at the
types two hops away (a membership compares its instrument's party only when the party is
known). So a source is validated with its own triples plus, from the built store (less the
graphs of the sources it replaces): what other sources say about its nodes, the nodes it
names, the types of the nodes those name, and the facts that name its nodes (a membership
elsewhere joined by an instrument it states).

A source removed without another taking its place is validated the same way: the facts
elsewhere that name one of its facts are checked without it.

The register is part of every increment: the one given, else the project's
``data/register.yaml``, takes the place of the built one. New entries are known to the new
facts, and every entry that differs from the built one is checked together with the facts
that name it (or name a part of it), so that the verdict is the one a full validation of the
same data gives. Results are kept for those facts and entries only; the warning that no fact
mentions an unchanged entry is a property of the whole graph and comes from a full validation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Graph, URIRef

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES
from coalition_kg.core.namespaces import entity_iri, short_form
from coalition_kg.curation.model import ORG
from coalition_kg.curation.reader import Curation, Register, read_files
from coalition_kg.dataset.rdfize import REGISTER_REF, Mapped, to_quads
from coalition_kg.validation.hints import Known, typed_ids
from coalition_kg.validation.report import ValidationReport
from coalition_kg.validation.shacl import validate_graph
from coalition_kg.validation.shapes import Shapes
from coalition_kg.validation.sparql_constraints import to_rdflib_value

_REGISTER = URIRef(entity_iri(REGISTER_REF))
_PART_OF = URIRef(ORG + "subOrganizationOf")


def validate_increment(paths: Sequence[Path], store: pyoxigraph.Store, register_file: Path | None = None,
                       max_bytes: int = MAX_INPUT_BYTES) -> ValidationReport:
    """Validate curated facts files (and the register, given or ``register_file``) against the
    built graph in ``store``."""
    given = read_files(paths, max_bytes)
    register = given.register or _register(register_file, max_bytes)
    mapped = to_quads(Curation(register, given.sources))
    return validate_mapped(mapped, store, [source.id for source in given.sources], with_register=register is not None)


def validate_mapped(mapped: Mapped, store: pyoxigraph.Store, sources: Iterable[str], with_register: bool,
                    shapes: Shapes | None = None) -> ValidationReport:
    """Validate the quads mapped from some sources (and the register, if ``with_register``)
    against the built graph in ``store``, in which they replace the graphs of the ``sources`` (by
    id): those the quads hold, and those that are removed without another taking their place;
    with the project's shapes unless ``shapes`` are given."""
    new, current_register = Graph(), Graph()
    for subject, predicate, obj, graph in mapped.quads:
        (current_register if graph == _REGISTER else new).add((subject, predicate, obj))
    replaced = sorted({entity_iri(f"source/{source}") for source in sources})
    changed: set[URIRef] = set()
    if with_register:
        changed = _changed_entries(store, current_register)
        replaced.append(str(_REGISTER))
    facts = {s for s in new.subjects(RDF.type, None) if isinstance(s, URIRef)} | _replaced_facts(store, replaced)
    parts = {s for s, _, o in current_register.triples((None, _PART_OF, None)) if o in changed}
    focus = ({s for s in new.subjects() if isinstance(s, URIRef)} | changed
             | _referrers(store, facts | changed | parts, replaced))
    data = Graph()
    for triple in (*new, *_about(store, current_register, focus, replaced)):
        data.add(triple)
    for triple in _about(store, current_register, _named(data), replaced):
        data.add(triple)
    for triple in _about(store, current_register, _named(data), replaced, only=RDF.type):
        data.add(triple)
    report = validate_graph(data, mapped.origins, shapes, known=_known_ids(store, data, current_register, replaced))
    keep = {short_form(str(node)) for node in focus}
    return ValidationReport([result for result in report.results if result.focus in keep])


def _register(register_file: Path | None, max_bytes: int) -> Register | None:
    if register_file is None or not register_file.exists():
        return None
    return read_files([register_file], max_bytes).register


def _changed_entries(store: pyoxigraph.Store, current: Graph) -> set[URIRef]:
    """The register entries whose triples differ from the built register's: new, edited or removed."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{_REGISTER}> {{ ?s ?p ?o }} }}"
    built = {tuple(to_rdflib_value(term) for term in (t.subject, t.predicate, t.object)) for t in store.query(query)}
    return {s for s, _, _ in built.symmetric_difference(set(current))
            if isinstance(s, URIRef) and s != _REGISTER}


def _replaced_facts(store: pyoxigraph.Store, replaced: list[str]) -> set[URIRef]:
    """The facts the replaced sources stated in the build: facts elsewhere may name one that is now gone."""
    sources = [graph for graph in replaced if graph != str(_REGISTER)]
    if not sources:
        return set()
    query = f"""SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {_values(sources)} }} GRAPH ?g {{ ?s a ?class }} }}"""
    return {URIRef(solution["s"].value) for solution in store.query(query)
            if isinstance(solution["s"], pyoxigraph.NamedNode)}


def _known_ids(store: pyoxigraph.Store, data: Graph, register: Graph, replaced: list[str]) -> Known:
    """The ids of a kind that the data holds, for suggestions: those of the increment and of the
    current register, and those the built graphs that are not replaced hold."""
    query = f"""SELECT DISTINCT ?s ?namespace WHERE {{ GRAPH ?g {{ ?s a ?class }} {_exclude(replaced)}
        FILTER(STRSTARTS(STR(?s), ?namespace)) }}"""

    def known(kind: str) -> set[str]:
        namespace = pyoxigraph.Literal(entity_iri(f"{kind}/"))
        built = {short_form(solution["s"].value)
                 for solution in store.query(query, substitutions={pyoxigraph.Variable("namespace"): namespace})}
        return built | typed_ids(data)(kind) | typed_ids(register)(kind)

    return known


def _named(graph: Graph) -> set[URIRef]:
    """The nodes a graph's triples point to: one hop out."""
    return {o for o in graph.objects() if isinstance(o, URIRef)}


def _referrers(store: pyoxigraph.Store, nodes: set[URIRef], replaced: list[str]) -> set[URIRef]:
    if not nodes:
        return set()
    query = f"""SELECT DISTINCT ?s WHERE {{ VALUES ?node {{ {_values(nodes)} }}
        GRAPH ?g {{ ?s ?p ?node }} {_exclude(replaced)} }}"""
    return {URIRef(solution["s"].value) for solution in store.query(query)
            if isinstance(solution["s"], pyoxigraph.NamedNode)}


def _about(store: pyoxigraph.Store, register: Graph, nodes: set[URIRef], replaced: list[str],
           only: URIRef | None = None) -> list[tuple]:
    """The triples about ``nodes`` (with the predicate ``only``, if given): from the built graphs
    that are not replaced, and from the current register."""
    if not nodes:
        return []
    predicate = f"<{only}>" if only is not None else "?p"
    query = f"""CONSTRUCT {{ ?node {predicate} ?o }} WHERE {{ VALUES ?node {{ {_values(nodes)} }}
        GRAPH ?g {{ ?node {predicate} ?o }} {_exclude(replaced)} }}"""
    built = [(to_rdflib_value(t.subject), to_rdflib_value(t.predicate), to_rdflib_value(t.object))
             for t in store.query(query)]
    return built + [triple for node in nodes for triple in register.triples((node, only, None))]


def _values(nodes: Iterable[object]) -> str:
    return " ".join(f"<{node}>" for node in sorted(str(node) for node in nodes))


def _exclude(graphs: list[str]) -> str:
    if not graphs:
        return ""
    return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in graphs) + "))"
