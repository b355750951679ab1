"""The rules that propose candidate facts, one module per family: :mod:`.joining` (names,
instruments, memberships, claims), :mod:`.forces` (deployments, partnerships), :mod:`.people`
(posts, statements, events). Each rule reads one sentence at a time, outside its quotations
(quoted words are a speaker's, recorded as a statement, not as the article's own facts). Once the
rules have read every sentence, :mod:`coalition_kg.curation.propose.learned` adds the deployments
and partnerships they missed."""

from __future__ import annotations

from coalition_kg.curation.propose import learned
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Article, Context
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.reference import HOST_STATE
from coalition_kg.curation.propose.rules import forces, joining, people


def propose_candidates(article: Article, contexts: list[Context], known: Known) -> list[Candidate]:
    """Every candidate fact of the article, before duplicates are merged."""
    found = joining.names(article, contexts)
    instruments: list[Candidate] = []
    for context in contexts:
        instruments += joining.instruments(context, instruments)
    found += instruments
    found += [backer for c in instruments if (backer := joining.renewal_backer(c, article)) is not None]
    for context in contexts:
        found += joining.memberships(context, instruments)
        found += joining.ordinal_claims(context)
        found += joining.count_claims(context)
        found += forces.deployments(context, found)
    for context in contexts:
        learned.statuses(context, found)
        found += learned.deployments(context, found)
    found += [joining.serving_member(c) for c in found if c.kind == "deployment"
              and c.text("status") in ("serving", "arrived", "withdrawn")]
    found = [c for c in found if not _hosted(c, article)]
    members = {c.fields["member"] for c in found if c.kind == "membership"}
    main_state = article.linked.main_state
    events: list[Candidate] = []
    posts: list[Candidate] = []
    for context in contexts:
        found += forces.partnerships(context, members)
    found = [c for c in found if not _proposed_host(c, found)]
    for context in contexts:
        found += learned.partnerships(context, found, members)
        posts += people.posts(context, known, main_state, found)
        context_events = people.events(context, main_state, events, found)
        events += context_events
        found += people.statements(context, posts, events)
    return [c for c in found + posts + events if not (c.kind in _NOT_ASKED and c.sentence.is_question)]


#: Facts a question does not state: "Is it true that Chad is sending troops?"
_NOT_ASKED = ("deployment", "membership", "instrument", "partnership", "post", "event")


def _proposed_host(candidate: Candidate, found: list[Candidate]) -> bool:
    """A state the rules propose as the mission's host state is not also its member, the party of
    an instrument that joins it, or a sender of personnel to it."""
    state = {"membership": candidate.fields.get("member"), "deployment": candidate.fields.get("state"),
             "instrument": candidate.fields.get("party") if joining.joins(candidate) else None}.get(candidate.kind)
    return isinstance(state, str) and any(
        c.kind == "partnership" and c.text("partner_role") == HOST_STATE and c.fields.get("partner") == state
        and c.text("mission") == candidate.text("mission") for c in found)


def _hosted(candidate: Candidate, article: Article) -> bool:
    """A mission's host state proposed as its member, or as the party of an instrument that
    joins it: never proposed."""
    state = {"membership": candidate.fields.get("member"),
             "instrument": candidate.fields.get("party") if joining.joins(candidate) else None}.get(candidate.kind)
    return isinstance(state, str) and article.linked.hosts(state, candidate.text("mission"))
