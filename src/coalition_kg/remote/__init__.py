"""Remote SPARQL 1.1 stores: asking a remote endpoint the same questions (:mod:`.endpoint`, which
implements the protocol of :class:`coalition_kg.queries.engine.Endpoint`) and pushing the built
graph to a store (:mod:`.push`). May import :mod:`coalition_kg.core`, :mod:`coalition_kg.store`
and :mod:`coalition_kg.queries`."""
