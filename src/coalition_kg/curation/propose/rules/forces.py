"""Rules for what states send and who works with the mission: deployments (kind, status, size,
ordinal, place) and partnerships (host state, host government and forces, backers, supporters,
funders)."""

from __future__ import annotations

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Context, Hit
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.numbers import cardinal, ordinal
from coalition_kg.curation.propose.reference import missions_in_states
from coalition_kg.curation.propose.rules.common import distinct, listed_after, unknown_term

_SKIPPABLE = ("and", ",", "additional", "more", "further", "new", "some", "about", "around", "over", "nearly",
              "almost", "up", "to", "of", "a", "an", "the")


def deployments(context: Context, earlier: list[Candidate] = ()) -> list[Candidate]:
    """"The first contingent of 250 Chadian police officers landed", "Kenya pledged 400 police
    officers": each noun of a deployment, its sender (a demonym or state in its phrase, states
    after "from", else the subject of its verb), its status (the verb that governs it, with its
    auxiliaries), its size, ordinal, place and date. A state never sends to a mission it hosts,
    and a negated verb ("has never sent police", "no army") sends nothing. What one sentence says
    about one deployment is one candidate."""
    article = context.article
    if not article.mission:
        return []
    found = []
    kinds = {**cues.DEPLOYMENT_CUES, **article.vocabulary.phrases("deployment-kind"),
             **{unit: "personnel" for unit in cues.DEPLOYMENT_UNITS}}
    statuses = context.hits({**cues.STATUS_CUES, **article.vocabulary.phrases("deployment-status")})
    hits = context.hits(kinds)
    for hit in _own_deployments(context, hits):
        noun = context.span.doc[hit.end - 1]
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i >= hit.end \
                and noun.head.lower_ not in cues.DEPLOYMENT_UNITS and noun.head.lower_ not in cues.DEPLOYMENT_CUES:
            continue  # "police cadets", "police stations": the noun names something else
        verb = governing_verb(noun)
        if verb is not None and negated(verb) or any(t.lower_ == "no" for t in noun.children):
            continue
        said = _status(noun, verb)
        states, rule = _deploying_states(context, hit, verb if said else None, statuses, earlier)
        if not states:
            continue
        if verb is not None and not said and verb.lemma_.lower() not in cues.MOVING_VERBS:
            continue  # "the aircraft would carry supplies": a verb of something else than deploying
        if _told_before(context, noun, states, earlier) and said not in ("arrived", "withdrawn", "serving"):
            continue  # "the officers would leave once ...": the deployment an earlier sentence gave
        kind = article.vocabulary.resolve("deployment-kind", hit.term, hit.text)
        nearest = _nearest(statuses, hit)
        status_words = said or (nearest.term if nearest else None)
        fields: dict = {"mission": article.mission, "deployment_kind": kind}
        flags = [] if kind.known else [unknown_term(kind, article)]
        if status_words is not None:
            fields["status"] = article.vocabulary.resolve("deployment-status", status_words)
            if not fields["status"].known:
                flags.append(unknown_term(fields["status"], article))
        else:
            flags.append("the sentence does not say how far the deployment got; choose a 'status:'")
        size = _size(context, hit) or _size_after(context, hit, hits) or _counted(noun)
        rank = _ordinal(context, hit) or _rank_of_unit(noun)
        place = _place(context, states)
        date = _date_of(context, verb) or next((d for clause in noun.children if clause.dep_ in ("relcl", "acl")
                                                 if (d := _date_of(context, clause))), None)
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
                                   0.85 if status_words is not None else 0.6, list(flags), rank=1))
    return _one_per_deployment(found + _gapped(context, found))


def _gapped(context: Context, found: list[Candidate]) -> list[Candidate]:
    """"Australia is sending 300 police officers, New Zealand 80 and Fiji fifty": the states
    after the deployment, each with a number, send the same with their own size."""
    more = []
    doc = context.span.doc
    for candidate in [c for c in found if c.fields.get("size")]:
        listed = [m for m in context.mentions("STATE") if m.start > context.span.start
                  and doc[m.start - 1].lower_ in (",", "and") and m.end < context.span.end and doc[m.end].like_num
                  and m.ref != candidate.fields["state"] and not context.article.linked.hosts(m.ref, context.article.mission)]
        for mention in listed:
            end = mention.end
            while end < context.span.end and (doc[end].like_num or doc[end].lower_ == "and" and doc[end + 1].like_num):
                end += 1
            size = cardinal(doc[mention.end: end])
            if size and (end == context.span.end or doc[end].is_punct or doc[end].lower_ == "and"):
                more.append(Candidate("deployment", {**candidate.fields, "state": mention.ref, "size": str(size)},
                                      context.sentence, "deployment.same-for-listed-states", 0.7, list(candidate.flags),
                                      rank=1))
    return more


def _told_before(context: Context, noun, states: list[Mention], earlier: list[Candidate]) -> bool:
    """A definite noun ("the officers", "the aircraft") of a state whose deployment an earlier
    sentence gave refers back to it."""
    definite = any(child.dep_ == "det" and child.lower_ in ("the", "this", "these", "those") for child in noun.children)
    return definite and any(c.kind == "deployment" and c.fields.get("state") in {s.ref for s in states}
                            and c.sentence.start < context.sentence.start for c in earlier)


def _counted(noun) -> int | None:
    """The number the parser attaches to the noun: "a team of 35 army engineers"."""
    numbers = [child for child in noun.children if child.dep_ == "nummod" and child.like_num]
    if not numbers:
        return None
    number = numbers[0]
    words = sorted([number, *[t for t in number.subtree if t.like_num or t.lower_ == "and"]], key=lambda t: t.i)
    return cardinal(noun.doc[words[0].i: words[-1].i + 1])


def _rank_of_unit(noun) -> int | None:
    """"the first Bahamian contingent of 24 soldiers": the rank of the unit the noun fills."""
    unit = noun.head.head if noun.head.lower_ == "of" else noun
    for child in unit.children:
        if child.dep_ == "amod" and child.lower_ in cues.ORDINAL_WORDS and unit.lower_ in cues.DEPLOYMENT_UNITS:
            return ordinal(child.text)
    return None


def governing_verb(token):
    """The verb that governs a noun: up its heads, through prepositions and nouns ("landed" for
    "officers" in "the first contingent of 250 officers landed")."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i and node.dep_ != "prep":
            return node
        if node.head.i == node.i:
            return None
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        node = node.head
    return None


def negated(verb) -> bool:
    """"has never sent", "does not send", "has ruled out sending": the verb or one above it denies."""
    node = verb
    for _ in range(3):
        if any(child.dep_ == "neg" for child in node.children) or node.lemma_ in cues.DENYING_VERBS:
            return True
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "pcomp", "conj"):
            return False
        node = node.head
    return False


def _status(noun, verb) -> str | None:
    """The status the verb gives: its lemma, then its auxiliaries ("would arrive" is committed,
    not arrived); "officers serving with the mission" are serving."""
    if any(child.lower_ in ("serving", "deployed", "stationed") and child.dep_ == "acl" for child in noun.children):
        return "serving"
    clauses = [child for child in noun.children if child.dep_ == "relcl" and child.lemma_ in cues.STATUS_VERBS]
    if clauses:  # "police who will serve", "officers who arrived on ..."
        return _status_of_verb(clauses[0])
    if verb is None:
        return None
    return _status_of_verb(verb)


def _status_of_verb(verb) -> str | None:
    if any(child.lower_ == "since" for child in verb.children) and verb.tag_ == "VBN":
        return "serving"  # "has sent soldiers to the mission since 2024"
    lemma = verb.lemma_.lower()
    status = cues.STATUS_VERBS.get(lemma)
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    future = bool(auxiliaries & {"will", "would", "shall", "'ll"}) or any(
        t.lower_ in ("to", "going") for t in verb.lefts if t.dep_ == "aux")
    tentative = bool(auxiliaries & {"could", "may", "might", "can"})
    governing = cues.STATUS_VERBS.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
    if governing in ("pledged", "committed"):
        return governing  # "has promised to send": pledged; "agreed to deploy": committed
    if status is None:
        if verb.head.i != verb.i and verb.dep_ in ("xcomp", "advcl", "conj"):
            return _status_of_verb(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
        return "committed" if future and lemma in cues.MOVING_VERBS else None
    if tentative and status != "pledged":
        return "pledged"
    if future and status in ("arrived", "serving"):
        return "committed"  # "will pull out" stays a withdrawal: one announced is under way
    if verb.tag_ == "VBG" and status == "arrived" and lemma in ("send", "deploy", "dispatch"):
        return "committed"  # "Australia is sending", "plans to deploy": under way, not arrived
    return status


def _date_of(context: Context, verb):
    """The date the verb gives ("landed ... on 3 May 2025"), not one of a speech verb ("the
    Foreign Office said on 12 August"); else the sentence's only date when no speech verb dates it."""
    dates = context.dates()
    if verb is None or not dates:
        return dates[0] if len(dates) == 1 and verb is None else None
    doc = context.span.doc
    for date in dates:
        node = doc[date.start]
        for _ in range(6):
            if node.i == verb.i:
                return date
            if node.lemma_ in cues.SPEECH_LEMMAS or node.head.i == node.i:
                break
            node = node.head
    return next((d for d in dates if _dates_a_deployment(doc[d.start])), None)


def _dates_a_deployment(token) -> bool:
    """The date hangs on a word of a deployment's progress ("since their arrival in June 2024")
    before any other verb ("signed ... on 1 March 2024")."""
    for ancestor in token.ancestors:
        if ancestor.lower_ in cues.STATUS_CUES or ancestor.lemma_ in cues.STATUS_VERBS:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _one_per_deployment(found: list[Candidate]) -> list[Candidate]:
    """What one sentence says about one state's deployment of one kind, merged into one candidate
    (the fuller fields win); "personnel" where the sentence gives the state's kind is dropped."""
    merged: list[Candidate] = []
    for candidate in found:
        kept = next((c for c in merged if c.text("state") == candidate.text("state")
                     and c.text("deployment_kind") == candidate.text("deployment_kind")
                     and not (c.text("status") and candidate.text("status")
                              and c.text("status") != candidate.text("status"))), None)
        if kept is None:
            merged.append(candidate)
            continue
        for name, value in candidate.fields.items():
            kept.fields.setdefault(name, value)
        if candidate.text("status"):
            kept.flags = [f for f in kept.flags if "how far the deployment got" not in f]
    kinds: dict[str, set[str]] = {}
    for c in merged:
        kinds.setdefault(c.text("state"), set()).add(c.text("deployment_kind"))
    return [c for c in merged if not (c.text("deployment_kind") == "personnel" and len(kinds[c.text("state")]) > 1)]


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
                  and doc[other.end].lower_ == "of" and doc[other.end + 1].like_num
                  and other.text.lower() not in cues.DEPLOYMENT_UNITS]
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


def _deploying_states(context: Context, hit: Hit, verb, statuses: list[Hit],
                      earlier: list[Candidate] = ()) -> tuple[list[Mention], str]:
    """Who sends: demonyms or states in the noun's own phrase ("Guatemalan and Salvadoran troops",
    "soldiers of the Jamaica Defence Force"), states after "from", else the subject of the verb
    that governs the noun ("Kenya pledged ...", "The West African country will deploy ...").
    A mission's host state is passed over: it receives, it does not send."""
    article = context.article

    def senders(mentions: list[Mention]) -> list[Mention]:
        return [m for m in distinct(mentions) if not article.linked.hosts(m.ref, article.mission)]

    doc = context.span.doc
    chain = []
    i = hit.start - 1
    while i >= context.span.start:
        mention = article.linked.at(i)
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
    if senders(chain):
        return senders(chain), "deployment.demonym-before-noun"
    if hit.end < context.span.end and doc[hit.end].lower_ == "from" and senders(listed_after(context, hit.end)):
        return senders(listed_after(context, hit.end)), "deployment.noun-from-states"
    if verb is not None:
        noun = doc[hit.end - 1]
        owners = [article.linked.at(t.i) for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                  for t in child.subtree if article.linked.at(t.i) is not None]
        owners = senders([_as_state(context, m) for m in owners if m.kind == "state" or _state_of(context, m)])
        if owners:
            return owners[:1], "deployment.noun-of-state"
        subject = _subject(context, verb)
        if subject is not None and senders([_as_state(context, subject)]):
            return [_as_state(context, subject)], "deployment.subject-of-verb"
    verbs = [s for s in statuses if s.start < hit.start]
    subjects = senders([_as_state(context, m) for m in context.mentions("STATE", "NORP", "GOV")
                        if verbs and m.end <= verbs[-1].start and not _after_preposition(context, m)
                        and _state_of(context, m)])
    if subjects:
        return subjects[-1:], "deployment.subject-before-verb"
    noun = doc[hit.end - 1]
    if verb is not None and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children):
        kind = context.article.vocabulary.resolve("deployment-kind", hit.term, hit.text).slug
        same = [c for c in earlier if c.kind == "deployment" and c.text("deployment_kind") == kind
                and c.sentence.start < context.sentence.start]
        if same:  # "the soldiers had served since 2023": the soldiers an earlier sentence sent
            state = same[-1].fields["state"]
            return [Mention(state, "STATE", hit.start, hit.end, hit.text)], "deployment.the-same-as-before"
    return [], ""


def _subject(context: Context, verb) -> Mention | None:
    """The state (or a state's body) that is the subject of ``verb``, or of the verb it depends on."""
    node = verb
    allowed = {id(m) for m in context.mentions("STATE", "NORP", "GOV")}
    for _ in range(3):
        if node is None:
            return None
        subjects = sorted((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: -c.i)
        for child in subjects[:1]:
            for token in sorted(child.subtree, key=lambda t: abs(t.i - child.i)):
                mention = context.article.linked.at(token.i)
                if mention is not None and id(mention) in allowed and _state_of(context, mention):
                    return mention
            return None
        if node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


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
    """The state the deployment goes to: "in Haiti", "to Haiti" (not the mission's own name's
    "Mission in Haiti")."""
    senders = {m.ref for m in states}
    named = {token for _, _, token in missions_in_states(context.span.doc, context.mentions())}
    for mention in context.mentions("STATE"):
        if mention.start in named:
            continue
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
    words = [t for t in context.words() if article.linked.at(t.i) is None or article.linked.at(t.i).label != "MISSION"]
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
    hosted_bodies = [m for m in context.mentions("GOV")
                     if article.linked.hosts(article.linked.entities[m.ref].part_of or "", article.mission)]
    if context.names_mission() or hosted_bodies:
        for mention in context.mentions("GOV"):
            entity = article.linked.entities[mention.ref]
            earlier = lower[:_index(words, mention.start)][-7:]
            hosted = article.linked.hosts(entity.part_of or "", article.mission)
            later = lower[_index(words, mention.end):][:6] if hosted else []
            if entity.part_of in members or not ((context.names_mission() and any(w in cues.HOST_FORCE_CUES
                                                                                  for w in earlier))
                                                 or any(w in cues.ALONGSIDE for w in later)):
                continue
            role = "host government" if "government" in entity.label.lower() else cues.PARTNER_TERMS["host force"]
            add(mention.ref, role, "partnership.works-alongside", 0.8)
        for mention in context.mentions("STATE"):
            if mention.ref not in members and mention.start > context.span.start and doc[mention.start - 1].lower_ == "in":
                add(mention.ref, cues.PARTNER_TERMS["host state"], "partnership.in-state", 0.6)
    for mission, state, token in missions_in_states(doc, context.mentions()):
        if mission == article.mission:
            add(state, cues.PARTNER_TERMS["host state"], "partnership.mission-in-state", 0.85)
    found += _acts_for_the_mission(context, add)
    return found


def _acts_for_the_mission(context: Context, add) -> list[Candidate]:
    """"The African Union has authorized the force", "The United States will give 45 million
    dollars to the mission", "the European Union pays for its police component", "The island
    will also train Haitian police cadets": a verb whose subject is a state or an organization
    and whose object or goal is the mission, or money, training, transport given to it."""
    article = context.article
    for token in context.span:
        role = cues.PARTNER_VERBS.get(token.lemma_.lower())
        if role is None or token.pos_ not in ("VERB", "AUX") or negated(token) or token.i in article.quoted:
            continue
        actor = _actor(context, token)
        if actor is None or (role != "backer" and article.linked.hosts(actor.ref, article.mission)):
            continue
        objects = [t for child in token.children if child.dep_ in ("dobj", "prep", "dative", "attr")
                   for t in child.subtree]
        to_mission = any((m := article.linked.at(t.i)) is not None and m.label == "MISSION" for t in objects)
        money = any(t.lower_ in cues.MONEY_WORDS or t.text in ("$", "€", "£") for t in objects)
        if role == "backer" and not to_mission:
            continue
        if role == "funder" and not (money or token.lemma_.lower() in ("fund", "finance", "bankroll")
                                     or any(t.lower_ == "for" for t in token.children)):
            continue
        if role == "funder" and any(t.lower_ in cues.LOGISTICS_WORDS for t in objects) and not money:
            role = "logistics provider"
        if role == "trainer" and not any(t.lower_ in cues.TRAINEE_WORDS for t in objects):
            continue
        add(actor.ref, role, f"partnership.{role.replace(' ', '-')}-verb", 0.8)
    return []


def _actor(context: Context, verb) -> Mention | None:
    """The state or organization that is the subject of ``verb`` (or of the verb it is joined to)."""
    allowed = {id(m) for m in context.mentions("STATE", "NORP", "ORG", "GOV")}
    node = verb
    for _ in range(2):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects[-1:]:
            for token in sorted(subject.subtree, key=lambda t: abs(t.i - subject.i)):
                mention = context.article.linked.at(token.i)
                if mention is not None and id(mention) in allowed:
                    return mention if mention.label != "NORP" else Mention(mention.ref, "STATE", mention.start,
                                                                           mention.end, mention.text)
            return None
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _index(words: list, token: int) -> int:
    """The position in ``words`` of the first word at or after token ``token``."""
    return next((n for n, word in enumerate(words) if word.i >= token), len(words))
