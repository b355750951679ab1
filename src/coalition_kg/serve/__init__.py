"""Serving the built graph over HTTP, read-only: the SPARQL 1.1 Protocol endpoint, a page for
every IRI the project mints, the question catalog in the browser, and the same pages as a static
site.

:mod:`.app` assembles the ASGI application (FastAPI on uvicorn) from its routers:
:mod:`.sparql_router` (``/sparql``, the service description, VoID, ``/healthz``),
:mod:`.pages_router` (``/id/...`` and ``/ontology`` with content negotiation),
:mod:`.catalog_router` (the question pages and ``/api/queries``). Every query runs in a pool of
worker processes that open the store read-only (:mod:`.workers`, :mod:`.worker`): a worker whose
query outlives its time is killed and replaced, which truly stops the query. Content negotiation
is in :mod:`.negotiation`, the protocol's request rules in :mod:`.protocol`, what a page shows in
:mod:`.resources` (a resource's facts, summed up and titled by the sentences of :mod:`.sentences`),
:mod:`.neighbourhood` (its picture), :mod:`.answer_views` (a question's answer) and
:mod:`.descriptions`, the static site in :mod:`.site`.

A top stage: it may import :mod:`coalition_kg.core`, :mod:`coalition_kg.store`,
:mod:`coalition_kg.queries`, :mod:`coalition_kg.exports` and :mod:`coalition_kg.pictures`
(with :mod:`coalition_kg.curation` and :mod:`coalition_kg.dataset`, which the pictures stand on).
"""
