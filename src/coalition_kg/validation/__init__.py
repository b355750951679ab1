"""Stage 3, SHACL validation: shapes files read and checked (:mod:`.shapes`), pyshacl on the core
shapes and Oxigraph on the SPARQL-based constraints (:mod:`.shacl`, :mod:`.shape_batches`,
:mod:`.sparql_constraints`), a new source checked against its neighbourhood in the built graph
(:mod:`.incremental`), the report a curator reads (:mod:`.report`) with the hints that say how
to fix a result (:mod:`.hints`), and the guide to the curated model that ``coalition-kg model``
prints (:mod:`.guide`). May import
:mod:`coalition_kg.core`, :mod:`coalition_kg.curation` and :mod:`coalition_kg.dataset`."""
