"""Proposing the facts of a new article: ``coalition-kg propose ARTICLE.txt``.

Reads an article and writes a draft facts file in the curated format for a curator to review.
Offline: spaCy's small English model (parts of speech, dependencies; installed as a package,
nothing downloaded) with its rule-based matchers, ``nameparser`` for people's names,
the standard library's calendar for dates, ``text2num`` for numbers in words and ``countryinfo`` for
states' names, codes and demonyms. The same article, register, other sources and ontology give
the same draft, byte for byte.

- :mod:`.text`: tokens, sentences and their structure, and the limits of what is read;
  :mod:`.entities`: names linked to the register, new entries proposed; :mod:`.names`: people's
  names; :mod:`.reference`: host states, the main state and the descriptions that refer to it;
  :mod:`.countries`: the world's states from ``countryinfo``; :mod:`.dates`, :mod:`.numbers`:
  dates with their precision, sizes.
- :mod:`.vocabulary`: the concepts of the ontology's SKOS schemes, read at run time;
  :mod:`.cues`: the English words that signal each kind of fact.
- :mod:`.rules`: one module per family of facts; :mod:`.learned`: the senders and partners the
  rules miss, from logistic regressions trained on the annotated development articles (weights
  shipped in ``learned/model.json``, read at run time); :mod:`.matching`: when two facts are one;
  :mod:`.draft`: ids, reuse of other sources' ids, and the YAML.

Part of the curation stage: imports :mod:`coalition_kg.core` and the curation model and reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, read_text
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.curation.propose.context import Article, Context
from coalition_kg.curation.propose.dates import find_dates
from coalition_kg.curation.propose.draft import Draft, assemble
from coalition_kg.curation.propose.entities import Entity, link
from coalition_kg.curation.propose.known import Known, read_known
from coalition_kg.curation.propose.rules import propose_candidates
from coalition_kg.curation.propose.text import check_article, quoted_tokens, sentences
from coalition_kg.curation.propose.vocabulary import ONTOLOGY_FILE, read_vocabulary

__all__ = ["Draft", "propose", "read_article"]

_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")


def propose(article: Path, data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE,
            max_bytes: int = MAX_INPUT_BYTES) -> Draft:
    """The draft facts file for ``article``, against the register and the other sources in
    ``data_dir`` and the schemes of ``ontology_file``."""
    source_id, known, reading, contexts = read_article(article, data_dir, ontology_file, max_bytes)
    vocabulary = reading.vocabulary
    linked = reading.linked
    facts = assemble(propose_candidates(reading, contexts, known), known, vocabulary)
    new_entities = _referenced([entity for ref, entity in sorted(linked.entities.items()) if entity.new], facts)
    decisions = [f"{fact.kind}/{fact.id}: {flag}" for fact in facts for flag in fact.flags
                 if not flag.startswith("another source")]
    if linked.mission and not linked.mission_named:
        decisions.insert(0, f"the article names no mission; 'mission:' is the register's only mission, "
                            f"{linked.mission}: check it")
    if linked.mission is None:
        decisions.insert(0, "the article names no mission of the register: add it to data/register.yaml "
                            "and fill in every 'mission:'")
    decisions += [f"{entity.ref}: new register entry ({entity.why})" for entity in new_entities]
    return Draft(str(article), source_id, f"sources/{article.name}", f"Article {source_id}", facts, new_entities,
                 decisions)


def read_article(article: Path, data_dir: Path = DATA_DIR, ontology_file: Path = ONTOLOGY_FILE,
                 max_bytes: int = MAX_INPUT_BYTES) -> tuple[str, Known, Article, list[Context]]:
    """The article as the rules read it: its source id, what ``data_dir`` already holds, the
    linked text, and its sentences."""
    source_id = _NOT_ID.sub("-", article.stem).strip("-") or "article"
    text = read_text(article, max_bytes)
    check_article(str(article), text)
    known = read_known(data_dir, source_id, max_bytes)
    linked = link(text, known)
    reading = Article(linked, find_dates(linked.doc), quoted_tokens(linked.doc), read_vocabulary(ontology_file),
                      known.facts)
    return source_id, known, reading, [Context(reading, sentence) for sentence in sentences(linked.doc)]


def _referenced(entities: list[Entity], facts: list) -> list[Entity]:
    """The new entries a fact of the draft refers to, and the states they are part of: an entry
    no fact mentions would only draw a warning once added."""
    used = {fact.text(name) for fact in facts for name in fact.fields}
    by_ref = {entity.ref: entity for entity in entities}
    for entity in list(by_ref.values()):
        if entity.ref in used and entity.part_of:
            used.add(entity.part_of)
    return [entity for entity in entities if entity.ref in used]
