"""Rules for what states send and who works with the mission: deployments (kind, status, size,
ordinal, place) and partnerships (host state, host government and forces, backers, supporters,
funders)."""

from __future__ import annotations

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Context, Hit
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.numbers import cardinal, ordinal
from coalition_kg.curation.propose.rules.common import distinct, listed_after, unknown_term

_SKIPPABLE = ("and", ",", "additional", "more", "further", "new", "some", "about", "around", "over", "nearly",
              "almost", "up", "to", "of", "a", "an", "the")


def deployments(context: Context) -> list[Candidate]:
    """"a second contingent of Guatemalan soldiers arrived", "Kenya pledged 400 police officers"."""
    article = context.article
    if not article.mission:
        return []
    found = []
    kinds = {**cues.DEPLOYMENT_CUES, **article.vocabulary.phrases("deployment-kind"),
             **{unit: "personnel" for unit in cues.DEPLOYMENT_UNITS}}
    statuses = context.hits({**cues.STATUS_CUES, **article.vocabulary.phrases("deployment-status")})
    hits = context.hits(kinds)
    for hit in _own_deployments(context, hits):
        states, rule = _deploying_states(context, hit, statuses)
        if not states:
            continue
        kind = article.vocabulary.resolve("deployment-kind", hit.term, hit.text)
        status = _nearest(statuses, hit)
        fields: dict = {"mission": article.mission, "deployment_kind": kind}
        flags = [] if kind.known else [unknown_term(kind, article)]
        if status is not None:
            fields["status"] = article.vocabulary.resolve("deployment-status", status.term)
            if not fields["status"].known:
                flags.append(unknown_term(fields["status"], article))
        else:
            flags.append("the sentence does not say how far the deployment got; choose a 'status:'")
        size = _size(context, hit) or _size_after(context, hit, hits)
        rank = _ordinal(context, hit)
        place = _place(context, states)
        date = next(iter(context.dates()), None)
        for state in states:
            entry = {"state": state.ref, **fields}
            if rank:
                entry["ordinal"] = str(rank)
            if size and len(states) == 1:
                entry["size"] = str(size)
            if place:
                entry["place"] = place
            if date is not None:
                entry["date" if date.iso else "date_text"] = date.iso or date.text
            found.append(Candidate("deployment", entry, context.sentence, rule,
                                   0.85 if status is not None else 0.6, list(flags), rank=1))
    return found


def _own_deployments(context: Context, hits: list[Hit]) -> list[Hit]:
    """Cue words that name a deployment of their own: not "contingent" in "a contingent of
    Guatemalan soldiers" (the soldiers are the deployment), not "officers" in "a formed police
    unit of 140 officers" (they are its size)."""
    doc = context.span.doc
    own = []
    for hit in hits:
        if _inside_a_name(context, hit):
            continue
        units = hit.text.lower() in cues.DEPLOYMENT_UNITS
        near = [other for other in hits if other is not hit and 0 <= other.start - hit.end <= 3]
        if units and (near or any(0 <= hit.start - other.end <= 1 for other in hits if other is not hit)):
            continue
        before = [other for other in hits if other is not hit and 0 < hit.start - other.end <= 3
                  and doc[other.end].lower_ == "of" and doc[other.end + 1].like_num]
        if before:
            continue
        own.append(hit)
    return own


def _inside_a_name(context: Context, hit: Hit) -> bool:
    """"Police" in "the Royal Bahamas Police Force": part of a name the register lacks."""
    doc = context.span.doc
    if not doc[hit.start].is_title or doc[hit.start].is_sent_start:
        return False
    after = doc[hit.end] if hit.end < context.span.end else None
    before = doc[hit.start - 1]
    return bool(after is not None and after.is_title) or (before.is_title and not before.is_sent_start
                                                          and context.article.linked.at(before.i) is None)


def _size_after(context: Context, hit: Hit, hits: list[Hit]) -> int | None:
    """"a formed police unit of 140 officers": the number after "of"."""
    doc = context.span.doc
    if hit.end + 1 < context.span.end and doc[hit.end].lower_ == "of":
        end = hit.end + 1
        while end < context.span.end and doc[end].like_num:
            end += 1
        if end > hit.end + 1 and any(other.start == end for other in hits):
            return cardinal(doc[hit.end + 1: end])
    return None


def _deploying_states(context: Context, hit: Hit, statuses: list[Hit]) -> tuple[list[Mention], str]:
    """Who sends: demonyms before the noun ("Guatemalan and Salvadoran troops"), states after
    "from", else the state that is the subject of the sentence's deployment verb."""
    doc = context.span.doc
    chain = []
    i = hit.start - 1
    while i >= context.span.start:
        mention = context.article.linked.at(i)
        token = doc[i]
        if mention is not None and mention.label == "NORP":
            chain.insert(0, mention)
            i = mention.start - 1
        elif token.lower_ in _SKIPPABLE or token.like_num or token.lower_ in cues.DEPLOYMENT_UNITS or (
                token.is_lower and token.is_alpha and token.lower_ not in cues.STATUS_CUES and len(chain) == 0
                and i >= hit.start - 3):
            i -= 1
        else:
            break
    if chain:
        return distinct(chain), "deployment.demonym-before-noun"
    if hit.end < context.span.end and doc[hit.end].lower_ == "from":
        listed = listed_after(context, hit.end)
        if listed:
            return listed, "deployment.noun-from-states"
    verbs = [s for s in statuses if s.start < hit.start]
    subjects = [m for m in context.mentions("STATE", "NORP", "GOV") if verbs and m.end <= verbs[-1].start
                and not _after_preposition(context, m) and _state_of(context, m)]
    if subjects:
        return [_as_state(context, subjects[-1])], "deployment.subject-of-verb"
    return [], ""


def _state_of(context: Context, mention: Mention) -> str | None:
    """The state a mention stands for: itself, or the state a government body is part of."""
    if mention.kind == "state":
        return mention.ref
    parent = context.article.linked.entities[mention.ref].part_of
    return parent if parent and parent.startswith("state/") else None


def _as_state(context: Context, mention: Mention) -> Mention:
    state = _state_of(context, mention)
    return mention if state == mention.ref else Mention(state, "STATE", mention.start, mention.end, mention.text)


def _after_preposition(context: Context, mention: Mention) -> bool:
    doc = context.span.doc
    return mention.start > context.span.start and doc[mention.start - 1].lower_ in (
        "by", "to", "in", "for", "from", "with", "alongside", "assist")


def _nearest(statuses: list[Hit], hit: Hit) -> Hit | None:
    if not statuses:
        return None
    return min(statuses, key=lambda s: (abs(s.start - hit.start), s.start))


def _size(context: Context, hit: Hit) -> int | None:
    """"400 officers", "two hundred troops", "1,200 Kenyan police officers"."""
    doc = context.span.doc
    end = hit.start
    while end > context.span.start and (context.article.linked.at(end - 1) or doc[end - 1].lower_ in (
            "additional", "more", "further", "new")):
        mention = context.article.linked.at(end - 1)
        end = mention.start if mention else end - 1
    start = end
    while start > context.span.start and (doc[start - 1].like_num or doc[start - 1].text == "-" or (
            doc[start - 1].lower_ == "and" and start - 2 >= context.span.start and doc[start - 2].like_num
            and start < end)) and ordinal(doc[start - 1].text) is None:
        start -= 1
    return cardinal(doc[start:end]) if start < end else None


def _ordinal(context: Context, hit: Hit) -> int | None:
    """"a second contingent of Guatemalan soldiers": the contingent's rank."""
    doc = context.span.doc
    for i in range(max(context.span.start, hit.start - 5), hit.end + 1):
        if i + 1 < context.span.end and doc[i + 1].lower_ in cues.DEPLOYMENT_UNITS:
            rank = ordinal(doc[i].text) if doc[i].like_num or doc[i].lower_ in ("first", "second") else None
            if rank:
                return rank
    return None


def _place(context: Context, states: list[Mention]) -> str | None:
    """The state the deployment goes to: "in Haiti", "to Haiti"."""
    senders = {m.ref for m in states}
    for mention in context.mentions("STATE"):
        if mention.ref not in senders and mention.start > context.span.start and context.span.doc[
                mention.start - 1].lower_ in ("in", "to"):
            return mention.ref
    return None


def partnerships(context: Context, members: set[str]) -> list[Candidate]:
    """Who works with the mission and who backs, supports, funds or hosts it."""
    article = context.article
    if not article.mission:
        return []
    found = []
    doc = context.span.doc
    words = context.words()
    lower = [t.lower_ for t in words]

    def add(partner: str, words_of_role: str, rule: str, confidence: float) -> None:
        role = article.vocabulary.resolve("partner-role", words_of_role)
        flags = [] if role.known else [unknown_term(role, article)]
        found.append(Candidate("partnership", {"mission": article.mission, "partner": partner, "partner_role": role},
                               context.sentence, rule, confidence, flags))

    for mention in context.mentions("ORG", "STATE", "GOV"):
        after = doc[mention.end: mention.end + 2]
        first = mention.start - (mention.start > context.span.start and doc[mention.start - 1].lower_ == "the")
        before = doc[max(context.span.start, first - 2): first]
        if context.names_mission() and (
                (len(after) == 2 and after[0].text == "-" and after[1].lower_ in cues.BACKER_CUES)
                or (before and before[-1].lower_ == "by" and len(before) == 2 and before[0].lower_ in cues.BACKER_CUES)):
            add(mention.ref, cues.PARTNER_TERMS["backer"], "partnership.backed-by", 0.85)
        elif (before and before[-1].lower_ == "by" and len(before) == 2 and before[0].lower_ in cues.FUNDER_CUES) or (
                mention.ref not in members and any(w in cues.FUNDER_CUES for w in lower[_index(words, mention.end):][:3])):
            add(mention.ref, cues.PARTNER_TERMS["funder"], "partnership.funded-by", 0.75)
    for mention in context.mentions("STATE"):
        later = lower[_index(words, mention.end):][:6]
        if mention.ref not in members and any(w in cues.SUPPORTER_CUES for w in later) and not _after_preposition(
                context, mention) and not any(w in cues.FUNDER_CUES for w in later):
            add(mention.ref, cues.PARTNER_TERMS["supporter"], "partnership.expressed-support", 0.7)
    if context.names_mission():
        for mention in context.mentions("GOV"):
            entity = article.linked.entities[mention.ref]
            earlier = lower[:_index(words, mention.start)][-7:]
            if entity.part_of in members or not any(w in cues.HOST_FORCE_CUES for w in earlier):
                continue
            role = "host government" if "government" in entity.label.lower() else cues.PARTNER_TERMS["host force"]
            add(mention.ref, role, "partnership.works-alongside", 0.8)
        for mention in context.mentions("STATE"):
            if mention.ref not in members and mention.start > context.span.start and doc[mention.start - 1].lower_ == "in":
                add(mention.ref, cues.PARTNER_TERMS["host state"], "partnership.mission-in-state", 0.6)
    return found


def _index(words: list, token: int) -> int:
    """The position in ``words`` of the first word at or after token ``token``."""
    return next((n for n, word in enumerate(words) if word.i >= token), len(words))
