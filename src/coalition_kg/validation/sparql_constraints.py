"""SHACL-SPARQL constraints evaluated on Oxigraph: one query per constraint, for all focus nodes.

pyshacl runs a SPARQL-based constraint once per focus node on rdflib's engine, which is
where validation spends almost all its time at scale. Here the target is written into the
constraint's own WHERE group (``?this a ?target``), which is what pre-binding ``$this``
(SHACL 1.0, 5.3.1) amounts to for constraints without sub-queries, and the query runs once
on Oxigraph. Constraints this cannot rewrite safely (no class target, a sub-query, MINUS or
VALUES) stay with pyshacl. The core shapes always go to pyshacl, the validator of record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from coalition_kg.dataset.rdfize import rdf11_term

SH = Namespace("http://www.w3.org/ns/shacl#")
_WHERE_GROUP = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_NOT_REWRITABLE = re.compile(r"\b(MINUS|VALUES|SERVICE)\b|\bSELECT\b.*\bSELECT\b", re.IGNORECASE | re.DOTALL)
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class SparqlConstraint:
    """A SPARQL-based constraint of a shape that targets classes."""

    shape: URIRef
    constraint: Node
    select: str
    targets: tuple[str, ...]
    severity: URIRef
    messages: tuple[str, ...]
    path: URIRef | None


@dataclass(frozen=True)
class RawResult:
    """A result before it is located in the curated files: terms as pyoxigraph gives them."""

    severity: URIRef
    focus: str
    path: URIRef | None
    value: pyoxigraph.NamedNode | pyoxigraph.Literal | pyoxigraph.BlankNode
    shape: URIRef
    message: str
    #: The text the value must occur in, when the constraint binds it as ``?within``.
    within: str | None = None


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes without the SPARQL constraints this module evaluates, and those constraints."""
    constraints = [c for c in _constraints(shapes) if c is not None]
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    moved = {(c.shape, c.constraint) for c in constraints}
    for triple in shapes:
        if not (triple[1] == SH.sparql and (triple[0], triple[2]) in moved):
            core.add(triple)
    return core, constraints


def evaluate(store: pyoxigraph.Store, constraints: Iterable[SparqlConstraint],
             focus: Iterable[str] | None = None) -> list[RawResult]:
    """Every result of ``constraints`` on the default graph of ``store``, for ``focus`` nodes only if given."""
    focus_values = None if focus is None else " ".join(f"<{iri}>" for iri in sorted(set(focus)))
    results: list[RawResult] = []
    for constraint in constraints:
        if focus_values == "":
            break
        query = _targeted(constraint, focus_values)
        for solution in store.query(query):
            results.append(_raw_result(constraint, solution))
    return results


def _constraints(shapes: Graph) -> Iterable[SparqlConstraint | None]:
    prologue = _prologue(shapes)
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        targets = tuple(str(t) for t in shapes.objects(shape, SH.targetClass))
        if select is None or not targets or _NOT_REWRITABLE.search(str(select)) or not _WHERE_GROUP.search(str(select)):
            yield None
            continue
        severity = shapes.value(constraint, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
        messages = tuple(sorted(str(m) for m in shapes.objects(constraint, SH.message)))
        yield SparqlConstraint(shape, constraint, prologue + str(select), targets, severity, messages,
                               shapes.value(shape, SH.path))


def _prologue(shapes: Graph) -> str:
    declarations = {
        str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
        for d in shapes.objects(None, SH.declare)
    }
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(declarations.items()))


def _targeted(constraint: SparqlConstraint, focus_values: str | None) -> str:
    classes = " ".join(f"<{target}>" for target in constraint.targets)
    binding = f"?this <{RDF.type}> ?shaclTarget . VALUES ?shaclTarget {{ {classes} }} "
    if focus_values is not None:
        binding = f"VALUES ?this {{ {focus_values} }} " + binding
    match = _WHERE_GROUP.search(constraint.select)
    assert match is not None  # _constraints keeps only queries with a WHERE group
    return constraint.select[: match.end()] + " " + binding + constraint.select[match.end():]


def _raw_result(constraint: SparqlConstraint, solution: pyoxigraph.QuerySolution) -> RawResult:
    focus = solution["this"]
    value = solution["value"] if _bound(solution, "value") else focus
    path = URIRef(solution["path"].value) if _bound(solution, "path") else constraint.path
    message = _fill(constraint.messages[0], solution) if constraint.messages else ""
    within = solution["within"].value if _bound(solution, "within") else None
    return RawResult(constraint.severity, focus.value, path, value, constraint.shape, message, within)


def _bound(solution: pyoxigraph.QuerySolution, name: str) -> bool:
    try:
        return solution[name] is not None
    except KeyError:
        return False


def _fill(template: str, solution: pyoxigraph.QuerySolution) -> str:
    """SHACL message templates: ``{?var}`` and ``{$var}`` take the variable's value."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return solution[name].value if _bound(solution, name) else match.group(0)

    return _TEMPLATE.sub(value, template)


def to_rdflib_value(term) -> Node:
    """An rdflib term for a pyoxigraph one, written as the curated data's mapping writes it
    (a simple literal plain, not ``^^xsd:string``: see :func:`~coalition_kg.dataset.rdfize.rdf11_term`)."""
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return rdf11_term(Literal(term.value, datatype=URIRef(term.datatype.value)))
    return URIRef(term.value)


def memory_store(ntriples: bytes) -> pyoxigraph.Store:
    """An in-memory store holding ``ntriples`` in its default graph, for the constraints to run on."""
    store = pyoxigraph.Store()
    store.bulk_load(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store
