"""Stage 4, the built graph on disk: the Oxigraph store that queries open read-only, swapped in
whole by each build (:mod:`.disk`), and the manifest that says which data it was built from
(:mod:`.manifest`), and what the next build redoes (:mod:`.increments`). Light, for the query path:
pyoxigraph and :mod:`coalition_kg.core` only."""
