"""Remote SPARQL 1.1 stores: asking one the same questions (:mod:`.endpoint`, which implements
the protocol of :class:`coalition_kg.queries.engine.Endpoint`) and pushing the built graph into
one (:mod:`.push`). What differs from store to store is one table (:mod:`.dialects`); one HTTP
exchange (httpx), bounded, authenticated and reported in one line with the credentials
scrubbed, is :mod:`.http`; who the client is to a store, and how its secrets are kept out of
what is shown, :mod:`.credentials`. May import :mod:`coalition_kg.core`, :mod:`coalition_kg.store`
and :mod:`coalition_kg.queries`."""
