"""The pairs the learned model reads: in one sentence, a word that names personnel (a deployment
cue, outside quotations and names) and a state that may send it (each state or demonym the
sentence names, a mission's host and a carrier aside, or the article's main state when it names
none), with what the sentence's structure says about the two."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.context import Context, Hit
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.rules.clauses import governing_verb, hypothetical, negated
from coalition_kg.curation.propose.rules.forces import (
    as_state,
    carrier_tokens,
    deployment_hits,
    may_send,
    own_deployments,
    speaks_of_money,
)
from coalition_kg.curation.propose.vocabulary import Term

#: The distance of a state the sentence does not name, or names in another tree.
_FAR = 99


@dataclass(frozen=True)
class Pair:
    """A personnel word (``hit``) and a state that may send it (``state``; ``mention`` is where the
    sentence names it, ``None`` when it is the article's main state, named elsewhere)."""

    context: Context
    hit: Hit
    state: str
    mention: Mention | None
    rivals: int = 0  # states of the sentence nearer the personnel word in its structure

    @property
    def noun(self) -> Token:
        return self.context.span.doc[self.hit.end - 1]

    @property
    def verb(self) -> Token | None:
        return governing_verb(self.noun)

    @property
    def kind(self) -> Term:
        """The deployment kind the personnel word names."""
        return self.context.article.vocabulary.resolve("deployment-kind", self.hit.term, self.hit.text)


def pairs(context: Context) -> Iterator[Pair]:
    """Every (personnel word, possible sender) pair of the sentence, in the order of the text."""
    article = context.article
    if not context.mission:
        return
    hits = [hit for hit in own_deployments(context, deployment_hits(context)) if may_send(context, hit)]
    carrying = carrier_tokens(context)
    states = [(state.ref, mention) for mention in context.states()
              for state in [as_state(context, mention)] if state.ref and mention.start not in carrying
              and not article.linked.hosts(state.ref, context.mission)]
    if not states and article.linked.main_state:
        states = [(article.linked.main_state, None)]
    doc = context.span.doc
    for hit in hits:
        noun = doc[hit.end - 1]
        nearest: dict[str, tuple[int, Mention | None]] = {}
        for ref, mention in states:
            steps = _steps(_first_listed(doc[mention.end - 1]), noun) if mention is not None else _FAR
            if ref not in nearest or steps < nearest[ref][0]:
                nearest[ref] = (steps, mention)
        for ref, (steps, mention) in nearest.items():
            rivals = sum(other < steps for other, _ in nearest.values())
            yield Pair(context, hit, ref, mention, rivals)


def features(pair: Pair) -> dict[str, float]:
    """What the model weighs: the dependency path between the state and the personnel word, the
    verb that governs the word and its auxiliaries, the words between, their order and distance."""
    noun, verb, doc = pair.noun, pair.verb, pair.context.span.doc
    found = {"bias": 1.0, f"noun={noun.lemma_.lower()}": 1.0, f"noun_dep={noun.dep_}": 1.0}
    if verb is not None:
        found[f"verb={verb.lemma_.lower()}"] = 1.0
        found[f"verb_tag={verb.tag_}"] = 1.0
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass", "neg"):
                found[f"verb_{child.dep_}={child.lower_}"] = 1.0
        lemma = verb.lemma_.lower()
        found["deploying_verb"] = float(lemma in cues.STATUS_VERBS or lemma in cues.MOVING_VERBS)
        found["negated"] = float(negated(verb))
        found["hypothetical"] = float(hypothetical(verb))
    else:
        found["no_verb"] = 1.0
    found["numbered"] = float(any(child.like_num for child in noun.subtree if child.i < noun.i))
    found["money"] = float(speaks_of_money(pair.context.words()))
    if pair.mention is None:
        found["main_state_unnamed"] = 1.0
        return found
    state = _first_listed(doc[pair.mention.end - 1])
    if state.i != pair.mention.end - 1:
        found["listed"] = 1.0
    found[f"label={pair.mention.label}"] = 1.0
    found[f"rivals={min(pair.rivals, 2)}"] = 1.0
    found[f"state_dep={state.dep_}"] = 1.0
    found[f"state_head={state.head.lemma_.lower()}"] = 1.0
    found["state_first"] = float(state.i < noun.i)
    distance = abs(state.i - noun.i)
    found[f"distance={min(distance, 12) // 3}"] = 1.0
    for part in _path(state, noun):
        found[part] = 1.0
    if distance <= 8:
        low, high = sorted((state.i, noun.i))
        for token in doc[low + 1: high]:
            if not token.is_punct:
                found[f"between={token.lemma_.lower()}"] = 1.0
            elif token.text in ",;":
                found["between_punct"] = 1.0
    return found


def _path(state: Token, noun: Token) -> list[str]:
    """The dependency path from the state up to the lowest word above both and down to the noun,
    as labels, and the same with the word at the top."""
    steps = _path_steps(state, noun)
    if steps is None:
        return ["path=none"]
    up, top, down = steps
    labels = "^".join(up) + "|" + "^".join(down)
    return [f"path={labels}", f"path_top={labels}@{top.lemma_.lower()}", f"path_len={min(len(up) + len(down), 6)}"]


def _first_listed(state: Token) -> Token:
    """The first of the words listed with the state: "Benin and Chad, which have promised
    personnel": Chad stands where Benin does."""
    while state.dep_ == "conj" and state.head.i < state.i:
        state = state.head
    return state


def _steps(state: Token, noun: Token) -> int:
    """How many dependencies apart the state and the noun are."""
    path = _path_steps(state, noun)
    return _FAR if path is None else len(path[0]) + len(path[2])


def _path_steps(state: Token, noun: Token) -> tuple[list[str], Token, list[str]] | None:
    """The dependency labels up from the state to the lowest word above both (``top``), and down
    from it to the noun; ``None`` when they are in different trees."""
    above_state = [state, *state.ancestors]
    above_noun = [noun, *noun.ancestors]
    noun_ids = [token.i for token in above_noun]
    top = next((token for token in above_state if token.i in noun_ids), None)
    if top is None:
        return None
    up = [token.dep_ for token in above_state[: [t.i for t in above_state].index(top.i)]]
    down = [token.dep_ for token in reversed(above_noun[: noun_ids.index(top.i)])]
    return up, top, down


def status_features(pair: Pair) -> dict[str, float]:
    """What tells how far a deployment got: the pair's features, the clauses on the personnel word
    ("officers serving", "troops bound for") and the status words of the sentence."""
    found = features(pair)
    for child in pair.noun.children:
        if child.dep_ in ("acl", "relcl", "amod"):
            found[f"clause={child.lemma_.lower()}"] = 1.0
    vocabulary = pair.context.article.vocabulary
    for hit in pair.context.hits({**cues.STATUS_CUES, **vocabulary.phrases("deployment-status")}):
        found[f"cue={hit.term}"] = 1.0
    return found
