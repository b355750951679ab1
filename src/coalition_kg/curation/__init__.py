"""Stage 1, the curated data: the model of what a curator may write (:mod:`.model`: fact kinds,
their fields and what each becomes in RDF) and the reader of ``data/register.yaml`` and
``data/facts/*.yaml`` that keeps the file and line of every value (:mod:`.reader`).
May import :mod:`coalition_kg.core`."""
