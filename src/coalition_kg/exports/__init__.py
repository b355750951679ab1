"""Stage 5, exports for linked-data consumers: the graph in Turtle, TriG, N-Quads, N-Triples and
JSON-LD, byte for byte the same for the same data (:mod:`.formats`). May import
:mod:`coalition_kg.core` and :mod:`coalition_kg.dataset`."""
