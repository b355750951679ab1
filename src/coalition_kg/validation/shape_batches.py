"""Feeding pyshacl: property shapes in batches rather than one focus node at a time, and
shares of the work for parallel workers.

pyshacl checks a node shape's ``sh:property`` shapes once per focus node, and each time it
looks up the shape's parameters and builds every constraint component again; at a million
triples that overhead is most of its time. A property shape with targets of its own is
checked once for all its focus nodes. SHACL gives both the same results (a property shape
may declare targets, SHACL 1.0 section 2.1): each result names the same focus node, path,
value and source shape. So a node shape that only gathers property shapes for its targets
hands those targets to its property shapes, which pyshacl then checks in one batch each.

Node shapes are left as they are when another shape refers to them (``sh:node``, ``sh:or``
and the like check them per value node, and need their ``sh:property``), when they are
closed (``sh:closed`` reads the paths of their property shapes) or deactivated.

For workers, :func:`share_out` gives each a copy of the shapes with a share of the targets.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
#: Constraints that make pyshacl validate a nested shape for every value node.
_NESTING = (SH["or"], SH["and"], SH.xone)
_NESTED = (SH.node, SH["not"], SH["class"], SH.property, SH.qualifiedValueShape)
#: How much dearer a nested shape check is than a plain constraint, as measured at 100k triples.
_NESTED_COST = 5

Target = tuple[Node, Node, Node]


def with_batched_property_shapes(shapes: Graph) -> Graph:
    """A copy of ``shapes`` in which each node shape that can hand its targets to its property
    shapes does so; validation results are unchanged."""
    batched = Graph(namespace_manager=shapes.namespace_manager)
    batched += shapes
    for node_shape in sorted(set(shapes.subjects(SH.property, None)), key=str):
        if _hands_over_targets(shapes, node_shape):
            targets = [(kind, target) for kind in TARGETS for target in shapes.objects(node_shape, kind)]
            for property_shape in shapes.objects(node_shape, SH.property):
                batched.remove((node_shape, SH.property, property_shape))
                for kind, target in targets:
                    batched.add((property_shape, kind, target))
    return batched


def _hands_over_targets(shapes: Graph, node_shape: Node) -> bool:
    has_targets = any((node_shape, kind, None) in shapes for kind in TARGETS)
    referred_to = (None, None, node_shape) in shapes
    closed = (node_shape, SH.closed, Literal(True)) in shapes
    deactivated = (node_shape, SH.deactivated, Literal(True)) in shapes
    return has_targets and not (referred_to or closed or deactivated)


def share_out(data: Graph, shapes: Graph, workers: int) -> list[Graph]:
    """``workers`` copies of ``shapes`` among which every target declaration is shared out, so
    that each focus node meets each shape in exactly one worker, balanced by estimated cost.

    A class target that would weigh more than a worker's fair share alone is split: each
    worker gets ``sh:targetNode`` for its part of the class's instances."""
    targets = sorted((t for kind in TARGETS for t in shapes.triples((None, kind, None))), key=str)
    costs = {target: _focus_count(data, target) * _weight(shapes, target[0]) for target in targets}
    fair = sum(costs.values()) / workers
    pieces: list[tuple[int, list[Target]]] = []
    for target in targets:
        if target[1] == SH.targetClass and costs[target] > fair / 2:
            parts = _split_class_target(data, target, workers)
            pieces += [(costs[target] // workers, part) for part in parts]
        else:
            pieces.append((costs[target], [target]))
    loads = [0] * workers
    shares = [Graph(namespace_manager=shapes.namespace_manager) for _ in range(workers)]
    for cost, triples in sorted(pieces, key=lambda piece: (-piece[0], str(piece[1][0]))):
        worker = loads.index(min(loads))
        loads[worker] += cost
        for triple in triples:
            shares[worker].add(triple)
    for triple in shapes:
        if triple[1] not in TARGETS:
            for share in shares:
                share.add(triple)
    return shares


def _split_class_target(data: Graph, target: Target, parts: int) -> list[list[Target]]:
    shape, _, rdf_class = target
    focus = sorted(_instances(data, rdf_class), key=str)
    return [[(shape, SH.targetNode, node) for node in focus[part::parts]] for part in range(parts)]


def _instances(data: Graph, rdf_class: Node) -> set[Node]:
    """SHACL instances: of the class or, by ``rdfs:subClassOf`` in the data, of its subclasses."""
    return {node for cls in data.transitive_subjects(RDFS.subClassOf, rdf_class)
            for node in data.subjects(RDF.type, cls)}


def _focus_count(data: Graph, target: Target) -> int:
    _, kind, value = target
    if kind == SH.targetClass:
        return len(_instances(data, value))
    if kind == SH.targetSubjectsOf:
        return len(set(data.subjects(value, None)))
    if kind == SH.targetObjectsOf:
        return len(set(data.objects(None, value)))
    return 1


def _weight(shapes: Graph, shape: Node) -> int:
    """A shape's estimated cost per focus node: 1, plus more for each nested shape it checks."""
    nested = sum(len(list(Collection(shapes, members))) for kind in _NESTING
                 for members in shapes.objects(shape, kind))
    nested += sum(1 for kind in _NESTED for _ in shapes.objects(shape, kind))
    return 1 + _NESTED_COST * nested
