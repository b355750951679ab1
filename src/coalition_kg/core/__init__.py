"""The ground every stage stands on: where the project keeps things (:mod:`.paths`), the IRIs it
mints and the vocabularies it reuses (:mod:`.namespaces`), reading input files within limits with
errors that name the file and line (:mod:`.inputfiles`), and files written whole or not at all
(:mod:`.atomic`). Standard library only; imports nothing else of the package."""
