"""The mentions the learned partner model reads: each organization, government body or state a
sentence names (outside quotations; a mission's host state aside, which the rules find from the
mission's name), with what the sentence's structure says of it and of the mission."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.context import Context
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.rules.forces import speaks_of_money

#: The roles the model proposes: the others (a host state) come from the mission's name.
ROLES = ("backer", "funder", "host-nation-force", "logistics-provider", "supporter", "trainer")
#: A mention that is no partner of the mission in its sentence.
NONE = "none"
_WINDOW = 4


@dataclass(frozen=True)
class Partner:
    """A mention that may be the mission's partner in its sentence."""

    context: Context
    mention: Mention

    @property
    def ref(self) -> str:
        return self.mention.ref

    @property
    def head(self) -> Token:
        return self.context.span.doc[self.mention.end - 1]


def partners(context: Context) -> Iterator[Partner]:
    """Each mention of the sentence that may be a partner, in the order of the text."""
    article = context.article
    if not context.mission:
        return
    seen = set()
    doc = context.span.doc
    for mention in context.mentions("ORG", "STATE", "GOV"):
        if mention.end < len(doc) and doc[mention.end].lower_ == "resolution":
            continue  # "UN Security Council Resolution 2699": the party of an instrument, named in its title
        if mention.ref not in seen and not article.linked.hosts(mention.ref, context.mission):
            seen.add(mention.ref)
            yield Partner(context, mention)


def partner_features(partner: Partner) -> dict[str, float]:
    """The mention's kind and place in the sentence's structure, the verb above it, the words
    near it, and whether the sentence names the mission, money or a fund."""
    head, doc = partner.head, partner.context.span.doc
    found = {"bias": 1.0, f"label={partner.mention.label}": 1.0, f"dep={head.dep_}": 1.0,
             f"head={head.head.lemma_.lower()}": 1.0}
    node = head
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head  # "to Canada, the United Kingdom and Mexico for their contributions"
        found["listed"] = 1.0
    found[f"first_dep={node.dep_}"] = 1.0
    found[f"first_head={node.head.lemma_.lower()}"] = 1.0
    if node.head.dep_ == "prep" or node.dep_ == "pobj":
        found[f"above_prep={node.head.head.lemma_.lower()}"] = 1.0
    verb = next((token for token in node.ancestors if token.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        found[f"verb={verb.lemma_.lower()}"] = 1.0
    span = partner.context.span
    for token in doc[max(span.start, partner.mention.start - _WINDOW): partner.mention.start]:
        found[f"before={token.lemma_.lower()}"] = 1.0
    for token in doc[partner.mention.end: min(span.end, partner.mention.end + _WINDOW)]:
        found[f"after={token.lemma_.lower()}"] = 1.0
    words = {token.lower_ for token in partner.context.words()}
    found["names_mission"] = float(partner.context.names_mission() or bool(words & set(cues.MISSION_NOUNS)))
    found["fund"] = float(bool(words & set(cues.FUND_WORDS)))
    found["money"] = float(speaks_of_money(partner.context.words()))
    return found
