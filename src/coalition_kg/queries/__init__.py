"""Stage 6, the questions: the catalog of canned SPARQL questions (:mod:`.catalog`, and as RDF
:mod:`.catalog_rdf`), typed parameters bound as RDF terms (:mod:`.params`), running them on an
endpoint (:mod:`.engine`, ad-hoc ones in a child process that can be stopped: :mod:`.child`),
the checks ad-hoc SPARQL passes first (:mod:`.sparql_text`, :mod:`.sparql_guard`), and answers in
every format (:mod:`.results`): for people, names instead of IRIs (:mod:`.labels`, :mod:`.cells`)
in terminal, Markdown and HTML tables (:mod:`.tables`), and pandas DataFrames (:mod:`.frames`).
On the query path, so light: it may import :mod:`coalition_kg.core` and :mod:`coalition_kg.store`,
loads rdflib only to check ad-hoc SPARQL, rich only to draw a terminal table, and pandas only to
make a DataFrame."""
