"""Reviewing one article's draft in the browser: ``coalition-kg review ARTICLE.txt``.

A local page shows the article beside the facts ``propose`` drafted from it, one card per fact
and per new register entry; the curator accepts, rejects, edits (with pickers for concepts and
register entries) or adds facts, every change is checked at once by the incremental validator
against the built graph, and Save writes ``data/facts/<source>.yaml`` and the accepted register
entries, atomically and with their comments.

- :mod:`.cards`: a draft or facts file read into cards (a fact's sentence span, rule and
  confidence, what needs a decision, the new register entries), from the YAML and its comments.
- :mod:`.session`: the curator's decisions on the cards, kept in ``build/review/<source>.json``.
- :mod:`.yaml_files`: the facts file and the register written as a curator writes them (ruamel.yaml,
  comments kept); :mod:`.workspace`: where the review starts from, and Save (and build): where it
  may write, and writing it atomically.
- :mod:`.checking`: every card validated by :mod:`coalition_kg.validation.incremental`.
- :mod:`.article`: the article's sentences and which cards mark them; :mod:`.choices`: the
  pickers' values (concepts from :mod:`coalition_kg.validation.guide`, register search).
- :mod:`.views`: what the page shows of a card (values with their labels, results, edit form).
- :mod:`.guard`: loopback, token, Host, CSRF and Origin checks; :mod:`.app`: the pages and forms
  (FastAPI on uvicorn, with the security headers and bounded connections of
  :mod:`coalition_kg.serve`).

A top stage, beside :mod:`coalition_kg.serve`: it drafts with :mod:`coalition_kg.curation.propose`
and reads with :mod:`coalition_kg.curation.reader`, validates with :mod:`coalition_kg.validation`,
opens the build of :mod:`coalition_kg.store`, stands on :mod:`coalition_kg.core`, and takes its
server's hardening from :mod:`coalition_kg.serve`. "Save and build" calls the build it is handed
(the command hands it ``coalition_kg.api.build``), so that it never imports the pipeline.
"""
