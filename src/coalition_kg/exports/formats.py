"""The graph in the RDF formats linked-data consumers load, byte for byte the same for the same data.

Oxigraph writes every format from the canonical form (see :mod:`coalition_kg.dataset.canonical`).
Turtle and N-Triples hold the union of all sources; TriG, N-Quads and JSON-LD keep one
named graph per source. JSON-LD is compacted with the published context
(:mod:`coalition_kg.dataset.context`), which rdflib applies.
"""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import RdfFormat

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.dataset.canonical import Canonical
from coalition_kg.dataset.context import compacted_dataset

#: format name -> (Oxigraph format, file extension, keeps named graphs)
FORMATS: dict[str, tuple[RdfFormat, str, bool]] = {
    "turtle": (RdfFormat.TURTLE, "ttl", False),
    "trig": (RdfFormat.TRIG, "trig", True),
    "nquads": (RdfFormat.N_QUADS, "nq", True),
    "ntriples": (RdfFormat.N_TRIPLES, "nt", False),
    "jsonld": (RdfFormat.JSON_LD, "jsonld", True),
}


def serialize(data: Canonical, format_name: str) -> bytes:
    """The data in ``format_name``, one of :data:`FORMATS`.

    Oxigraph writes triples in the order given; sorted input groups each subject's triples
    (and for TriG and JSON-LD each graph's), so the output is readable and deterministic."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown export format '{format_name}'; expected one of {', '.join(FORMATS)}")
    oxigraph_format, _, keeps_graphs = FORMATS[format_name]
    if format_name in ("nquads", "ntriples"):
        return data.nquads if keeps_graphs else data.ntriples
    if format_name == "jsonld":
        # Compacted with the published context (readable terms, @type for classes), one @graph per source.
        return compacted_dataset(data.nquads)
    if not keeps_graphs:
        triples = pyoxigraph.parse(data.ntriples, format=RdfFormat.N_TRIPLES)
        return pyoxigraph.serialize(triples, format=oxigraph_format, prefixes=PREFIXES)
    quads = pyoxigraph.parse(data.nquads, format=RdfFormat.N_QUADS)
    by_graph = sorted(quads, key=lambda quad: str(quad.graph_name))
    return pyoxigraph.serialize(by_graph, format=oxigraph_format, prefixes=PREFIXES)
