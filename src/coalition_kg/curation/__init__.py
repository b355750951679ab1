"""Stage 1, the curated data: the model of what a curator may write (:mod:`.model`: fact kinds,
their fields and what each becomes in RDF) and the reader of ``data/register.yaml`` and
``data/facts/*.yaml`` that keeps the file and line of every value (:mod:`.reader`); and the
assistant that proposes a new article's facts as a draft facts file (:mod:`.propose`, behind
``coalition-kg propose``), which reads the register, the other sources and the ontology's SKOS
schemes. May import :mod:`coalition_kg.core`."""
