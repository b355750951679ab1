"""Stage 2, the RDF dataset: curated records mapped to quads, one named graph per source
(:mod:`.rdfize`); RDF files read with their lines located (:mod:`.rdfinput`); and the canonical
form, sorted N-Quads and N-Triples, that the store and every export are made from
(:mod:`.canonical`). May import :mod:`coalition_kg.core` and :mod:`coalition_kg.curation`."""
