"""Rules for what states send and who works with the mission: deployments (kind, status, size,
ordinal, place) and partnerships (host state, host government and forces, backers, supporters,
funders)."""

from __future__ import annotations

import itertools

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import REACHING, Context, Hit
from coalition_kg.curation.propose.countries import capitals, capitals_in
from coalition_kg.curation.propose.dates import with_reports_year
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.numbers import cardinal, ordinal
from coalition_kg.curation.propose.reference import missions_in_states
from coalition_kg.curation.propose.rules.clauses import governing_verb, hypothetical, negated
from coalition_kg.curation.propose.rules.common import (
    counted_after,
    distinct,
    listed_after,
    listed_before,
    unknown_term,
)
from coalition_kg.curation.propose.vocabulary import Vocabulary

#: The rule of a deployment whose sentence names no state: the article's main state sends it.
MAIN_STATE_RULE = "deployment.main-state"
#: The flag of a deployment whose sentence tells no status.
UNSAID_STATUS = "the sentence does not say how far the deployment got; choose a 'status:'"
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
    if not context.mission:
        return []
    found = []
    proposed: set[int] = set()  # the nouns of the candidates found
    statuses = context.hits({**cues.STATUS_CUES, **article.vocabulary.phrases("deployment-status")})
    hits = deployment_hits(context)
    for hit in own_deployments(context, hits):
        if not may_send(context, hit):
            continue
        noun = context.span.doc[hit.end - 1]
        verb = _own_verb(noun) or governing_verb(noun)
        said, giver = _status(context, noun, verb)
        replaced = _replacing_party(noun, verb, hits)
        states, rule = _deploying_states(context, hit, verb if said else None, earlier, replaced)
        states = [state for state in states if not _lends_materiel(context, state)]
        if not states:
            continue
        if verb is not None and not said and verb.lemma_.lower() not in cues.MOVING_VERBS:
            continue  # "the aircraft would carry supplies": a verb of something else than deploying
        if _carries_others(noun):
            continue
        if _told_before(context, noun, states, earlier) and said not in ("arrived", "withdrawn", "serving"):
            continue  # "the officers would leave once ...": the deployment an earlier sentence gave
        named = replaced if replaced is not None and hit.text.lower() in cues.DEPLOYMENT_UNITS else hit
        kind = article.vocabulary.resolve("deployment-kind", named.term, named.text)
        if _unspecific(named) and (service := _service_of(context, noun)) is not None:
            kind = article.vocabulary.resolve("deployment-kind", service)  # "a contingent of the Nigerian Army"
        if named.text.lower() == "officers" and _on_the_staff(noun, verb):
            kind = article.vocabulary.resolve("deployment-kind", "staff officers")
        nearest = _nearest(statuses, hit)
        status_words = said or (nearest.term if nearest else None)
        fields: dict = {"mission": context.mission, "deployment_kind": kind}
        flags = [] if kind.known else [unknown_term(kind, article)]
        if status_words is not None:
            fields["status"] = article.vocabulary.resolve("deployment-status", status_words)
            if not fields["status"].known:
                flags.append(unknown_term(fields["status"], article))
        else:
            flags.append(UNSAID_STATUS)
        at_work = _at_work(verb, said)
        for state, details, dated in deployment_details(context, hit, hits, states, giver, fields.get("status")):
            if at_work:
                details, dated = {k: v for k, v in details.items() if k not in ("date", "date_text")}, []
            entry = {"state": state.ref, **fields, **details}
            if said == "committed" and _leaves_for_home(context, giver, state.ref):
                entry["status"] = article.vocabulary.resolve("deployment-status", "withdrawn")
            main = [f"the sentence names no state; 'state:' is the article's main state, {state.ref}: check it"
                    ] if rule == MAIN_STATE_RULE else []
            found.append(Candidate("deployment", entry, context.sentence, rule,
                                   0.6 if main or status_words is None else 0.85, flags + dated + main,
                                   rank=0 if at_work else 1))
            proposed.add(noun.i)
    relieved = _relieved(context, found, hits, proposed, earlier)
    return _one_per_deployment(found + _gapped(context, found, hits) + _number_alone(context, found) + relieved,
                               context.article.vocabulary)


def deployment_details(context: Context, hit: Hit, hits: list[Hit], states: list[Mention],
                       giver, status=None) -> list[tuple[Mention, dict[str, str], list[str]]]:
    """Each sending state with what the sentence says of its deployment: ordinal, size (the
    deployment's when one state sends it, else the number after the state's name), place, and the
    date of the word that gives the status (``giver``), with the flags of that date. A day or month
    without its year that a ``status`` of the past gives ("landed on 4 May") is in the report's year;
    one of a future or a lasting status ("flies in May", "since March") stays in words."""
    noun = context.span.doc[hit.end - 1]
    unit = noun.head if noun.dep_ == "compound" and noun.head.lower_ in cues.DEPLOYMENT_UNITS else noun
    size = _size(context, hit) or _size_after(context, hit, hits) or _counted(unit) or (  # "infantry battalion"
        _strength_told_apart(context) if len(states) == 1 else None)
    one_each = size is None and _one_craft(hit, noun)
    rank = _ordinal(context, hit) or _rank_of_unit(noun) or (_rank_told_apart(context) if len(states) == 1 else None)
    arrived = status is not None and status.slug == "arrived"
    place = _place(context, states) or (_arrived_at_host(context, states) if arrived else None)
    date, year_told = _date_fields(context, _date_of(context, giver), status)
    told = []
    for state in states:
        details = {}
        if rank:
            details["ordinal"] = str(rank)
        if size and len(states) == 1:
            details["size"] = str(size)
        elif one_each and (len(states) == 1 or any(t.lower_ == "each" for t in context.words())):
            details["size"] = "1"  # "a patrol vessel", "the frigate SAS Amatola", "a coast guard vessel each"
        elif len(states) > 1 and (own := counted_after(context, state)):
            details["size"] = own
        if place:
            details["place"] = place
        told.append((state, {**details, **date}, year_told))
    return told


def _at_work_now(verb) -> bool:
    """"patrol", "is escorting": a verb of the work a unit does, said in the present."""
    return verb.lemma_.lower() in cues.ACTIVITY_VERBS and verb.tag_ in ("VBP", "VBZ", "VBG")


def _at_work(verb, said: str | None) -> bool:
    """"Jamaican soldiers patrol a market street": a unit told of by its work serves, but another
    sentence that says it serves tells more, and the work's date ("on a hot afternoon in late
    August") is not the deployment's."""
    return said == "serving" and verb is not None and _at_work_now(verb)


def _one_craft(hit: Hit, noun) -> bool:
    """A ship or an aircraft named in the singular: one of them ("aircraft" is singular only
    after "a": "the only aircraft the mission can fly" may be three)."""
    singular = any(child.lower_ in ("a", "an") for child in noun.children) if noun.lower_ in cues.SAME_IN_PLURAL \
        else noun.tag_ in ("NN", "NNP")
    return hit.term in cues.CRAFT_KINDS and singular and not any(child.dep_ == "nummod" for child in noun.children)


def _date_fields(context: Context, date, status) -> tuple[dict[str, str], list[str]]:
    """A deployment's date as the draft writes it ("date" or "date_text"), with the flags of a year
    taken from the report."""
    if date is None:
        return {}, []
    dated, year_told = with_reports_year(date, context.article.report_date) if (
        date.iso or _an_act_on(context, date, status)) else (None, [])
    return ({"date": dated.iso}, year_told) if dated is not None else ({"date_text": date.text}, [])


def _an_act_on(context: Context, date, status) -> bool:
    """"landed on 4 May", "left in June": the day or month of an act done, not "since March"."""
    return status is not None and status.slug in cues.DONE_STATUSES and (
        date.start == 0 or context.span.doc[date.start - 1].lower_ != "since")


def _number_alone(context: Context, found: list[Candidate]) -> list[Candidate]:
    """"Nigeria pledged four thousand soldiers, and Chad committed 1,500", "...; Benin has promised
    150": a verb of deployment whose subject is another state and whose object is a bare number
    sends what the sentence's deployment is made of, with its own status and size."""
    if not found:
        return []
    told = {c.fields["state"] for c in found}
    more = []
    for verb in context.span:
        numbers = [child for child in verb.children if child.dep_ == "dobj" and child.pos_ == "NUM"]
        status = _status_of_verb(verb) if verb.pos_ == "VERB" and numbers else None
        subjects = [m for child in verb.children if child.dep_ == "nsubj"
                    for m in [context.article.linked.at(child.i)] if m is not None and m.kind == "state"]
        if status is None or len(subjects) != 1 or subjects[0].ref in told or negated(verb) or hypothetical(verb) \
                or context.article.linked.hosts(subjects[0].ref, context.mission):
            continue
        size = cardinal(context.span.doc[numbers[0].left_edge.i: numbers[0].i + 1])
        fields = {key: value for key, value in found[0].fields.items() if key not in ("size", "date", "date_text",
                                                                                      "ordinal", "place")}
        fields.update(state=as_state(context, subjects[0]).ref,
                      status=context.article.vocabulary.resolve("deployment-status", status))
        if size:
            fields["size"] = str(size)
        more.append(Candidate("deployment", fields, context.sentence, "deployment.number-alone", 0.7, [], rank=1))
    return more


def _relieved(context: Context, found: list[Candidate], hits: list[Hit], proposed: set[int],
              earlier: list[Candidate]) -> list[Candidate]:
    """"arrived in Port-au-Prince, relieving the fourth, which has since returned to Kingston",
    "Amatola relieves SAS Isandlwana", "took over from a first contingent": the unit a relief
    replaces, when no other reading proposed it, is a deployment of the relieving unit's state
    (unless its own words name another) and kind, with its own ordinal and size. Its own clause
    tells its status ("which has since returned": withdrawn, "which has served since May":
    serving), else the relief does: one done sent it home, one to come ("will relieve the
    first") tells nothing."""
    nouns = {hit.end - 1: hit for hit in hits}
    vocabulary = context.article.vocabulary
    more = []
    for verb in context.span:
        unit = _replaced_unit(verb)
        if unit is None or unit.i in proposed or negated(verb) or hypothetical(verb):
            continue
        hit = nouns.get(unit.i)
        if not any(child.dep_ in ("relcl", "acl", "appos") for child in unit.children) or not (
                unit.lower_ in cues.ORDINAL_WORDS or _names_a_unit(context, unit) or (
                hit is not None and hit.text.lower() in cues.DEPLOYMENT_UNITS and may_send(context, hit))):
            continue  # "relieved the third at Pemba" tells no more of the third than the relief
        relieving = _relieving(context, found, earlier)
        status, giver = _status_of_relieved(unit, verb)
        if relieving is None or status is None:
            continue
        status = vocabulary.resolve("deployment-status", status)
        own = _own_state(context, unit)
        fields = {"state": own or relieving.fields["state"], "mission": context.mission, "status": status,
                  "deployment_kind": relieving.fields["deployment_kind"]}
        rank = ordinal(unit.text) if unit.lower_ in cues.ORDINAL_WORDS else _rank_of_unit(unit)
        size = _counted(unit) or _size_of_members(unit)
        date, year_told = _date_fields(context, _date_governed_by(context, giver), status)
        fields.update({"ordinal": str(rank)} if rank else {}, **({"size": str(size)} if size else {}), **date)
        more.append(Candidate("deployment", fields, context.sentence, "deployment.relieved-unit", 0.7, year_told,
                              rank=1))
    return more


def _replaced_unit(verb):
    """What a relief replaces: "relieving the fourth", "replaced the Bangladeshi unit", "take over
    from Guatemalan army engineers", "take the place of 190 officers"."""
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_ in cues.REPLACING_VERBS:
        return next((child for child in verb.children if child.dep_ == "dobj"), None)
    if verb.lemma_ != "take":
        return None
    taken = [child for child in verb.children if child.dep_ in ("prt", "dobj") and child.lower_ in cues.TAKING_OVER]
    before = [prep for word in taken for prep in (*verb.children, *word.children)
              if prep.dep_ == "prep" and prep.lower_ == cues.TAKING_OVER[word.lower_]]
    return next((unit for prep in before for unit in prep.children if unit.dep_ == "pobj"), None)


def _names_a_unit(context: Context, unit) -> bool:
    """"SAS Isandlwana", "NIGCON 5": a name the register does not hold, a ship's or a unit's."""
    return unit.pos_ == "PROPN" and context.article.linked.at(unit.i) is None


def _relieving(context: Context, found: list[Candidate], earlier: list[Candidate]) -> Candidate | None:
    """The deployment that relieves: the sentence's own, when it gives one state's ("the fifth
    contingent ... arrived, relieving the fourth"), else, when it names no state, the one an
    earlier sentence gave last ("It relieves the first contingent")."""
    if found:
        return found[0] if len({c.text("state") for c in found}) == 1 else None
    if any(not context.article.linked.hosts(m.ref, context.mission) for m in context.states()):
        return None
    before = [c for c in earlier if c.kind == "deployment" and c.sentence.start < context.sentence.start]
    return before[-1] if before else None


def _status_of_relieved(unit, verb) -> tuple[str | None, object]:
    """The relieved unit's status and the word that gives it: a clause of its own that sends it
    home, else one that keeps it serving, else a relief done (withdrawn)."""
    clauses = [child for child in unit.children if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB"]
    said = [(_status_of_verb(clause), clause) for clause in clauses]
    for wanted in ("withdrawn", "serving"):
        if (giver := next((clause for status, clause in said if status == wanted), None)) is not None:
            return wanted, giver
    return ("withdrawn", _relief(verb)) if _relief_done(verb) else (None, None)


def _relief(verb):
    """The verb that tells the relief: "arrived" in "arrived ..., relieving the fourth"."""
    return verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else verb


def _relief_done(verb) -> bool:
    """"relieved", "relieves", "has taken over from", "arrived ..., relieving the fourth": a relief
    that happened, not "will relieve", "is due to relieve", "to relieve the first"."""
    node = _relief(verb)
    return node.tag_ in ("VBD", "VBZ", "VBP", "VBN") and node.head.lower_ not in cues.FUTURE_HEADS and not any(
        child.dep_ in ("aux", "auxpass") and child.lower_ in cues.UNDONE_MARKS for child in node.children)


def _own_state(context: Context, unit) -> str | None:
    """The state the relieved unit's own words name ("the Bangladeshi unit", "Guatemalan army
    engineers"), not one of its clauses ("which returned to Nigeria")."""
    clauses = {t.i for child in unit.children if child.dep_ in ("relcl", "acl") for t in child.subtree}
    for token in unit.subtree:
        mention = context.article.linked.at(token.i) if token.i not in clauses else None
        if mention is not None and mention.label in ("STATE", "NORP") and _state_of(context, mention):
            return as_state(context, mention).ref
    return None


def _size_of_members(unit) -> int | None:
    """"the first contingent, whose ninety-five members are returning", "engineers, 45 of whom flew
    home", "the fourth contingent, three hundred and ninety officers": the number of its members."""
    members = [child for child in unit.children if child.dep_ == "appos"] + [
        subject for clause in unit.children if clause.dep_ == "relcl" for subject in clause.children
        if subject.dep_ == "nsubj"]
    for member in members:
        if member.like_num and member.pos_ == "NUM":
            return cardinal(member.doc[member.left_edge.i: member.i + 1])
        if (size := _counted(member)) is not None:
            return size
    return None


def _own_verb(noun):
    """The verb the parser hung on the noun as a clause, when it tells the noun's own move: "100
    Salvadoran soldiers left for Haiti on 4 March, the army said" (not "said")."""
    return next((child for child in noun.children if child.dep_ == "acl" and child.pos_ == "VERB"
                 and child.tag_ == "VBD" and (child.lemma_ in cues.STATUS_VERBS or child.lemma_ in cues.MOVING_VERBS)),
                None)


def _gapped(context: Context, found: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """"Australia is sending 300 police officers, New Zealand 80 and Fiji fifty", "Jamaica has 200
    soldiers with the mission and the Bahamas 30 marines": the states after the deployment, each
    with a number (and the noun of its own kind), send the same with their own size."""
    more = []
    doc = context.span.doc
    nouns = {hit.start: hit for hit in hits}
    for candidate in [c for c in found if c.fields.get("size")]:
        listed = [m for m in context.mentions("STATE") if m.start > context.span.start
                  and _after_a_list_word(doc, m.start) and m.end < context.span.end and doc[m.end].like_num
                  and m.ref != candidate.fields["state"] and not context.article.linked.hosts(m.ref, context.mission)]
        for mention in listed:
            end = mention.end
            while end < context.span.end and (doc[end].like_num or doc[end].lower_ == "and" and doc[end + 1].like_num):
                end += 1
            size = cardinal(doc[mention.end: end])
            own = nouns.get(end)
            if own is not None:
                kind = context.article.vocabulary.resolve("deployment-kind", own.term, own.text)
                end = own.end
            if size and (end == context.span.end or doc[end].is_punct or doc[end].lower_ == "and"):
                fields = {**candidate.fields, "state": mention.ref, "size": str(size)}
                if own is not None:
                    fields["deployment_kind"] = kind
                more.append(Candidate("deployment", fields, context.sentence, "deployment.same-for-listed-states", 0.7,
                                      list(candidate.flags), rank=1))
    return more


def _gapped_noun(context: Context, hit: Hit) -> bool:
    """The noun of a state listed after a deployment with its own number: "and the Bahamas 30 marines"."""
    doc = context.span.doc
    start = hit.start
    while start > context.span.start and doc[start - 1].like_num:
        start -= 1
    before = context.article.linked.at(start - 1) if start < hit.start else None
    return before is not None and before.label == "STATE" and before.start > context.span.start \
        and _after_a_list_word(doc, before.start)


def _after_a_list_word(doc, start: int) -> bool:
    """", New Zealand", "and the Bahamas": a name listed after others."""
    before = start - 1 if doc[start - 1].lower_ != "the" else start - 2
    return doc[before].lower_ in (",", "and")


def _told_before(context: Context, noun, states: list[Mention], earlier: list[Candidate]) -> bool:
    """A definite noun ("the officers", "the aircraft") of a state whose deployment an earlier
    sentence gave refers back to it."""
    return _definite(noun) and any(c.kind == "deployment" and c.fields.get("state") in {s.ref for s in states}
                            and c.sentence.start < context.sentence.start for c in earlier)


def _counted(noun) -> int | None:
    """The number the parser attaches to the noun: "a team of 35 army engineers", "a fresh
    contingent of 240", "a formed police unit of 140 officers", "a 500-strong infantry battalion"."""
    members = [member for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
               for member in child.children if member.dep_ == "pobj"]
    numbers = [child for child in noun.children if child.dep_ == "nummod" and child.like_num] or [
        number for number in members if number.like_num] or [
        number for member in members for number in member.children if number.dep_ == "nummod" and number.like_num
    ] or [
        number for child in noun.children if child.dep_ == "amod" and child.lower_ == "strong"
        for number in child.children if number.like_num]
    if not numbers:
        return None
    number = numbers[0]
    words = sorted({number, *[t for t in number.subtree if t.like_num or t.lower_ == "and"]}, key=lambda t: t.i)
    end = next((t.i for t in words if t.i + 1 < len(noun.doc) and noun.doc[t.i + 1].text == "("), words[-1].i)
    return cardinal(noun.doc[words[0].i: end + 1])  # "one hundred and forty (140)": the words before the brackets


def _rank_of_unit(noun) -> int | None:
    """"the first Bahamian contingent of 24 soldiers": the rank of the unit the noun fills."""
    unit = noun.head.head if noun.head.lower_ == "of" else noun
    for child in unit.children:
        if child.dep_ == "amod" and child.lower_ in cues.ORDINAL_WORDS and unit.lower_ in cues.DEPLOYMENT_UNITS:
            return ordinal(child.text)
    return None


def _status(context: Context, noun, verb) -> tuple[str | None, object]:
    """The status, and the word that gives it (whose date is the deployment's): the noun's own
    participle ("the contingent already serving in Port-au-Prince"), else the verb that governs
    the noun, with its auxiliaries ("would arrive" is committed, not arrived), else a clause on the
    noun or on the first noun it is listed with ("police who will serve", "one patrol vessel,
    pledged in August", "45 staff officers, due to arrive", "the troops bound for the mission")."""
    owners = (noun, *noun.conjuncts)
    clauses = [child for owner in owners for child in owner.children if child.dep_ in ("acl", "relcl", "amod")]
    clauses += _people_clauses_of_service(noun)
    serving = next((child for child in clauses if child.dep_ == "acl"
                    and child.lower_ in ("serving", "deployed", "stationed")), None)
    serving = serving or next((child for child in clauses if child.dep_ == "relcl" and _still_there(child)), None)
    if serving is not None:
        return "serving", serving  # "will join the Kenyan police officers who already patrol there"
    act = _act_of(noun, verb)
    if act is not None:
        return act
    replaced = verb is not None and verb.lemma_ in cues.REPLACING_VERBS and noun.dep_ in ("dobj", "nsubjpass")
    said = _status_of_verb(verb) if verb is not None and not replaced else None
    if said is not None:
        return said, verb  # not the status of what is replaced: "the troops will relieve a contingent that has served"
    joined = _status_of_joined_verb(verb) if verb is not None and not replaced else None
    if joined is not None:
        return joined
    part = next((child for child in noun.children if child.dep_ == "prep" and child.lower_ in ("of", "with")
                 and any(t.dep_ == "pobj" and _is_a_mission(context, t) for t in child.children)), None)
    if part is not None:
        return "serving", noun  # "visited the Zambian contingent of the Mission", "has 200 soldiers with the mission"
    for child in clauses:
        if child.lower_ in cues.BOUND_WORDS:
            return "committed", child
        clause = next((c for c in (child, *child.children) if c.lemma_ in cues.STATUS_VERBS
                       and (c is child or c.dep_ == "xcomp")), None)
        if clause is not None and clause.pos_ in ("VERB", "AUX"):
            return _status_of_verb(clause), clause
    return None, verb


def _still_there(clause) -> bool:
    """"who already patrol under the mission's flag", "which still serve": a clause that tells the
    unit is there now, whatever the verb that governs it says of another."""
    return any(child.lower_ in cues.ONGOING_WORDS for child in clause.children) and clause.tag_ in (
        "VBP", "VBZ") and (cues.STATUS_VERBS.get(clause.lemma_.lower()) == "serving" or _at_work_now(clause))


def _status_of_joined_verb(verb) -> tuple[str, object] | None:
    """"had completed its tour and returned to Dar es Salaam": the status of a verb joined to one
    that gives none, when they share its subject as their doer ("left Pemba and were relieved by a
    new battalion" is a relief, told by the relief's own reading)."""
    for joined in (child for child in verb.children if child.dep_ == "conj" and child.pos_ == "VERB"
                   and child.lemma_ not in cues.REPLACING_VERBS):
        said = None if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in joined.children) else (
            _status_of_verb(joined))
        if said is not None:
            return said, joined
    return None


def _people_clauses_of_service(noun) -> list:
    """"officers of the Royal Barbados Police Force, who landed the day before": a "who" clause
    the parser hangs on the service is about its people."""
    services = [t for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                for t in child.children if t.dep_ == "pobj"]
    return [clause for service in services for clause in service.children if clause.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)]


def _unspecific(hit: Hit) -> bool:
    """A word that leaves the kind to the service the personnel are "of": "a contingent" and
    "officers" ("thirty officers of the Rwanda Defence Force" are troops)."""
    return hit.term == "personnel" or hit.text.lower() == "officers"


def _on_the_staff(noun, verb) -> bool:
    """"six officers have served on its headquarters staff", "are seconded to the headquarters",
    "has two officers on the Mission's staff": officers whose service is on a mission's staff are
    staff officers."""
    if verb is None or verb.lemma_.lower() not in (*cues.SERVING_VERBS, *cues.SECONDING_VERBS, "have"):
        return False
    places = [t for owner in (verb, noun) for prep in owner.children if prep.dep_ == "prep"
              for t in prep.children if t.dep_ == "pobj"]
    return any(t.lower_ in cues.STAFF_WORDS or any(c.lower_ in cues.STAFF_WORDS for c in t.children) for t in places)


def _service_of(context: Context, noun) -> str | None:
    """The kind of personnel the service a unit is "of" gives: "a contingent of the Nigerian Army"
    (troops), "forty-five agents of the National Police of Cabo Verde" (police)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if head is None:
        return None
    words = " ".join(t.lower_ for t in head.subtree if t.i <= head.i)
    return next((kind for service, kind in cues.SERVICE_KINDS.items() if service in words), None)


def _act_of(noun, verb) -> tuple[str, object] | None:
    """The status, and the noun of the act the deployment is the object of: a promise ("A pledge
    of 120 police officers", "the pledge by Tanzania of a battalion", "the offers of Madagascar
    and Mauritius to contribute a formed police unit") or a withdrawal ("the return home of the
    police contingent of Trinidad and Tobago")."""
    node = noun
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.lower_ not in ("of", "by"):
            break
        node = node.head.head
        if node.pos_ == "NOUN" and (status := _status_of_act(node)) is not None:
            return status, node
    if verb is None:
        return None
    offers = [verb.head] if verb.dep_ in ("acl", "xcomp") else []
    offers += [c for c in verb.children if c.dep_ == "nsubj" and any(a.lower_ == "to" for a in verb.children)]
    promise = next((offer for offer in offers if offer.pos_ == "NOUN" and _status_of_act(offer) == "pledged"), None)
    return ("pledged", promise) if promise is not None else None


def _status_of_act(noun) -> str | None:
    """"pledge", "offer": pledged; "return", "withdrawal", "repatriation": withdrawn."""
    status = cues.STATUS_VERBS.get(noun.lemma_.lower())
    return "pledged" if status == "pledged" else cues.WITHDRAWAL_NOUNS.get(noun.lower_)


def _is_a_mission(context: Context, word) -> bool:
    """A mission's name ("the Maritime Security Mission in Mozambique") or a word for one ("the
    mission"), not another name's ("the Royal Barbados Police Force")."""
    mention = context.article.linked.at(word.i)
    if mention is not None:
        return mention.label == "MISSION"
    return word.lower_ in cues.MISSION_NOUNS and not any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                         for c in word.children)


def _status_of_verb(verb) -> str | None:
    if any(child.lower_ == "since" and any(child.children) for child in verb.children) and verb.tag_ == "VBN":
        return "serving"  # "has sent soldiers to the mission since 2024", not "has since returned"
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and lemma in cues.COMPOSITION_VERBS:
        above = governing_verb(verb.head)  # "The reinforcements, comprising troops, were welcomed"
        return _status_of_verb(above) if above is not None else None
    status = cues.STATUS_VERBS.get(lemma) or ("serving" if _at_work_now(verb) else None)
    if any(child.lower_ == "home" and child.dep_ in ("advmod", "npadvmod", "dobj") for child in verb.children) and (
            status is not None or lemma in cues.MOVING_VERBS):
        return "withdrawn"  # "flew home to Nairobi", "come home"
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    future = bool(auxiliaries & {"will", "would", "shall", "'ll"}) or any(
        t.lower_ in ("to", "going") for t in verb.lefts if t.dep_ == "aux") and not (
        _claims_a_rank(verb) or _goes_on(verb)) or (
        verb.head.lower_ in cues.FUTURE_HEADS and verb.dep_ != "conj")  # not "was set up ..., and soldiers serve"
    tentative = bool(auxiliaries & set(cues.TENTATIVE_AUXILIARIES))
    governing = cues.STATUS_VERBS.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
    if governing in ("pledged", "committed"):
        return governing  # "has promised to send": pledged; "agreed to deploy": committed
    if status is None and lemma in cues.DEPARTING_VERBS and any(
            child.dep_ == "prep" and child.lower_ == "for" for child in verb.children):
        return "committed"  # "left for Haiti": on the way, not there yet
    if status is None:
        if verb.head.i != verb.i and verb.dep_ in ("xcomp", "advcl", "conj"):
            return _status_of_verb(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
        return "committed" if future and lemma in cues.MOVING_VERBS else None
    if status == "arrived" and _after_a_stay(verb):
        return "withdrawn"  # "landed at Moshoeshoe I International Airport after eight months at Pemba"
    if tentative and status == "withdrawn":
        return None  # "Tanzania may withdraw some of its troops": no decision
    if tentative and status != "pledged":
        return "pledged"
    if status in ("arrived", "serving") and (lemma in cues.CONTINUING_VERBS or _goes_on(verb) or any(
            child.lower_ in cues.ONGOING_WORDS for child in verb.children)):
        return "serving"  # "will stay until the mission ends", "had already been deployed", "are currently deployed"
    if future and status in ("arrived", "serving"):
        return "committed"  # "will pull out" stays a withdrawal: one announced is under way
    if verb.tag_ in ("VBZ", "VBP") and status == "arrived" and lemma in cues.PROVIDING_VERBS and not auxiliaries:
        return "serving"  # "Kenya supplies the largest contingent": what a state provides now is there
    if verb.tag_ == "VBG" and status == "arrived" and lemma in ("send", "deploy", "dispatch"):
        return "committed"  # "Australia is sending", "plans to deploy": under way, not arrived
    return status


def _claims_a_rank(verb) -> bool:
    """"the first Bangladeshi unit to serve with the Mission", "the fourth Jamaican contingent to
    serve": the infinitive ranks the unit among those that served; it is not to come."""
    return verb.dep_ in ("relcl", "acl") and any(
        child.dep_ == "amod" and ordinal(child.lower_) is not None for child in verb.head.children)


def _goes_on(verb) -> bool:
    """"which continue to provide the greater part of the troops": what goes on is there now."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.CONTINUING_VERBS


def _after_a_stay(verb) -> bool:
    """"after eight months guarding the base", "after a year in Haiti": an arrival that ends a
    stay of a counted time is a return home."""
    spans = [t for child in verb.children if child.dep_ == "prep" and child.lower_ == "after"
             for t in child.children if t.dep_ == "pobj" and t.lemma_.lower() in cues.STAY_LENGTHS]
    return any(child.dep_ in ("nummod", "det") and child.lower_ not in ("the", "this", "that")
               for span in spans for child in span.children)


def _date_of(context: Context, verb):
    """The date the verb gives ("landed ... on 3 May 2025"), not one of a speech verb ("the
    Foreign Office said on 12 August"); else the sentence's only date when no speech verb dates it.
    A dateline's date is when the report was filed, never a deployment's."""
    dates = _dates_told(context)
    if verb is None or not dates:
        return dates[0] if len(dates) == 1 and verb is None else None
    return _date_governed_by(context, verb) or next(
        (d for d in dates if _dates_a_deployment(context, context.span.doc[d.start])), None) or next(
        iter(context.label_dates()), None)


def _dates_told(context: Context) -> list:
    return [d for d in context.dates() if d.start >= context.dateline_end()]


def _date_governed_by(context: Context, verb):
    """The date that hangs on the verb itself: "returned to Lagos on 30 Jan 2034"."""
    doc = context.span.doc
    for date in _dates_told(context):
        node = doc[date.start]
        for _ in range(6):
            if node.i == verb.i:
                return date
            if node.lemma_ in cues.SPEECH_LEMMAS or node.head.i == node.i or _is_a_mission(context, node):
                break  # the mission's own date: "The mission, deployed since June 2022, comprises"
            node = node.head
    return None


def _dates_a_deployment(context: Context, token) -> bool:
    """The date hangs on a word of a deployment's progress ("since their arrival in June 2024")
    before any other verb ("signed ... on 1 March 2024"), and not in the mission's own phrase
    ("The mission, deployed since June 2022, comprises troops from ...")."""
    if any(_is_a_mission(context, a) for a in token.ancestors if a.pos_ in ("NOUN", "PROPN")):
        return False
    for ancestor in token.ancestors:
        if ancestor.lower_ in cues.STATUS_CUES or ancestor.lemma_ in cues.STATUS_VERBS:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _one_per_deployment(found: list[Candidate], vocabulary: Vocabulary) -> list[Candidate]:
    """What one sentence says about one state's deployment of one kind, merged into one candidate
    (the fuller fields win); two of different status or size are two deployments ("230 officers
    ... were replaced by a contingent of 240"). A kind the sentence also gives the state more
    narrowly is the same deployment ("a formed police unit of 140 officers": police, of the
    scheme's narrower formed police unit), and "personnel" where it gives the state's kind is
    dropped."""
    merged: list[Candidate] = []
    for candidate in found:
        same = next((c for c in merged if c.text("state") == candidate.text("state")
                     and c.text("deployment_kind") == candidate.text("deployment_kind") and not _differ(c, candidate)),
                    None)
        if same is None:
            merged.append(candidate)
            continue
        for name, value in candidate.fields.items():
            same.fields.setdefault(name, value)
        if candidate.text("status"):
            same.flags = [f for f in same.flags if "how far the deployment got" not in f]
    kept = []
    for candidate in merged:
        narrower = _said_more_narrowly(candidate, merged, vocabulary)
        if narrower is None:
            kept.append(candidate)
        elif candidate.text("deployment_kind") != "personnel":
            for name, value in candidate.fields.items():
                narrower.fields.setdefault(name, value)
    return kept


def _said_more_narrowly(candidate: Candidate, merged: list[Candidate], vocabulary: Vocabulary) -> Candidate | None:
    """The candidate by which the sentence gives the same state's deployment with a narrower kind."""
    kind = candidate.text("deployment_kind")
    for other in merged:
        if other is candidate or other.text("state") != candidate.text("state"):
            continue
        if kind == "personnel" and other.text("deployment_kind") != "personnel":
            return other
        if vocabulary.is_narrower("deployment-kind", other.text("deployment_kind"), kind) and not _differ(other, candidate):
            return other
    return None


def _differ(one: Candidate, other: Candidate) -> bool:
    """Two candidates that give a status or a size each, not the same."""
    return any(one.text(name) and other.text(name) and one.text(name) != other.text(name) for name in ("status", "size"))


def may_send(context: Context, hit: Hit) -> bool:
    """Whether the personnel word can name a deployment of its own: not "and the Bahamas 30 marines"
    (told with the deployment before it), "police stations" (the noun names something else),
    "beside officers of the Haitian National Police" (the others are not sent), nor a denied or
    supposed act ("has never sent police", "could send soldiers if asked", "no troops", "the
    withdrawal of any contingent"), nor personnel told before that another carries ("The United
    States flew the sailors to Pemba")."""
    if _gapped_noun(context, hit):
        return False
    noun = context.span.doc[hit.end - 1]
    if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i >= hit.end \
            and noun.head.lower_ not in cues.DEPLOYMENT_UNITS and noun.head.lower_ not in cues.DEPLOYMENT_CUES \
            and not _craft_named(hit, noun):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in cues.BESIDE:
        return False
    verb = _own_verb(noun) or governing_verb(noun)
    denied = verb is not None and (negated(verb) or hypothetical(verb) or _supposed_withdrawal(verb))
    return not (denied or _carried(noun, verb) or any(t.lower_ in ("no", "any") for t in noun.children))


def _supposed_withdrawal(verb) -> bool:
    """"Nigeria could withdraw its battalion": a withdrawal only thought possible is no status."""
    return cues.STATUS_VERBS.get(verb.lemma_.lower()) == "withdrawn" and any(
        child.dep_ == "aux" and child.lower_ in cues.TENTATIVE_AUXILIARIES for child in verb.children)


def _leaves_for_home(context: Context, verb, state: str) -> bool:
    """"sailed out of Pemba for Luanda", "left for Nairobi": a unit leaving for its own state's
    capital, or its state, is on its way home (withdrawn), not on its way to the mission."""
    if verb is None or verb.lemma_.lower() not in cues.DEPARTING_VERBS:
        return False
    bound = [t for child in verb.children if child.dep_ == "prep" and child.lower_ == "for"
             for t in child.children if t.dep_ == "pobj"]
    named = [context.article.linked.at(t.i) for t in bound]
    places = [context.span.doc[t.left_edge.i: t.i + 1].text.lower() for t in bound]  # "Port Louis", not "Louis"
    return any(m is not None and m.ref == state for m in named) or any(capitals().get(p) == state for p in places)


def _craft_named(hit: Hit, noun) -> bool:
    """"the patrol ship Ngola Kiluanji", "the frigate SAS Amatola": a ship or an aircraft before
    its own name, which the parser may make the head."""
    return hit.term in cues.CRAFT_KINDS and noun.head.pos_ == "PROPN"


def _carried(noun, verb) -> bool:
    """Personnel told before ("the sailors") that the verb's subject carries: their carrier, not their sender."""
    return verb is not None and verb.lemma_.lower() in cues.CARRYING_VERBS and noun.dep_ == "dobj" and _definite(noun)


def _carries_others(noun) -> bool:
    """"flew in a police unit on a chartered aircraft", "sailed aboard the ship": the means that
    carried a deployment, not one of its own."""
    return noun.dep_ == "pobj" and noun.head.lower_ in cues.CARRIED_BY and noun.head.head.pos_ == "VERB"


def deployment_hits(context: Context) -> list[Hit]:
    """The words of the sentence that name personnel or a unit, each with its deployment kind."""
    vocabulary = context.article.vocabulary
    return context.hits({**{unit: "personnel" for unit in cues.DEPLOYMENT_UNITS}, **cues.DEPLOYMENT_CUES,
                         **vocabulary.phrases("deployment-kind")})


def own_deployments(context: Context, hits: list[Hit]) -> list[Hit]:
    """Cue words that name a deployment of their own: not "contingent" in "a contingent of
    Guatemalan soldiers" (the soldiers are the deployment), not "officers" in "a formed police
    unit of 140 officers", "the engineer company, of one hundred and thirty-five military
    personnel" (they are its size)."""
    doc = context.span.doc
    own = []
    for hit in hits:
        if _inside_a_name(context, hit) or _the_missions_own(context, hit):
            continue
        units = hit.text.lower() in cues.DEPLOYMENT_UNITS
        near = [other for other in hits if other is not hit and (0 <= other.start - hit.end <= 3
                                                                 or _counted_after(doc, hit, other))]
        if units and (near or any(0 <= hit.start - other.end <= 1 for other in hits if other is not hit)):
            continue
        if any(other is not hit and other.text.lower() not in cues.DEPLOYMENT_UNITS and _counted_after(doc, other, hit)
               for other in hits):
            continue
        own.append(hit)
    return own


def _counted_after(doc, unit: Hit, hit: Hit) -> bool:
    """Whether ``hit`` is counted after ``unit`` by "of" and a number: "of 140", ", of one hundred
    and forty (140)"."""
    start = unit.end + (unit.end < hit.start and doc[unit.end].text == ",")
    between = doc[start + 1: hit.start]
    return start < hit.start and doc[start].lower_ == "of" and any(t.like_num for t in between) and all(
        t.like_num or t.lower_ in ("and", "-", "(", ")") for t in between)


def _the_missions_own(context: Context, hit: Hit) -> bool:
    """"France has trained the mission's gendarmes": personnel the mission owns, whoever sent them,
    are no deployment of the sentence's state."""
    noun = context.span.doc[hit.end - 1]
    linked = context.article.linked
    owned = any(child.dep_ == "poss" and (child.lower_ in cues.MISSION_NOUNS or (
        (m := linked.at(child.i)) is not None and m.label == "MISSION")) for child in noun.children)
    verb = governing_verb(noun)
    sent = verb is not None and verb.lemma_ in (*cues.SERVING_VERBS, *cues.PROVIDING_VERBS) and any(
        noun in child.subtree for child in verb.children if child.dep_ == "dobj")  # "provide the bulk of the
    return owned and not sent and not any(  # Mission's troops"; "the mission's Nigerian troops" are Nigeria's
        (m := linked.at(t.i)) is not None and m.label in ("STATE", "NORP") for t in noun.subtree)


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


def _deploying_states(context: Context, hit: Hit, verb, earlier: list[Candidate] = (),
                      replaced: Hit | None = None) -> tuple[list[Mention], str]:
    """Who sends: demonyms or states in the noun's own phrase ("Guatemalan and Salvadoran troops",
    "soldiers of the Jamaica Defence Force"), the states a relative clause is about ("Jamaica and
    the Bahamas, whose personnel are serving"), states after "from", else the subject of the verb
    that governs the noun ("Kenya pledged ...", "The West African country will deploy ..."), else
    the sender of the deployment it replaces or that replaces it. A mission's host state is passed
    over: it receives, it does not send."""
    article = context.article

    carrying = carrier_tokens(context)

    def senders(mentions: list[Mention]) -> list[Mention]:  # not "aboard an aircraft chartered by the United States"
        return [m for m in distinct(mentions) if not article.linked.hosts(m.ref, context.mission)
                and m.start not in carrying]

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
    whose = next((c for c in doc[hit.end - 1].children if c.lower_ == "whose"), None)
    if whose is not None and senders([as_state(context, m) for m in listed_before(context, whose.i)]):
        return senders([as_state(context, m) for m in listed_before(context, whose.i)]), "deployment.whose-personnel"
    if hit.end < context.span.end and doc[hit.end].lower_ == "from" and senders(listed_after(context, hit.end)):
        return senders(listed_after(context, hit.end)), "deployment.noun-from-states"
    if verb is not None:
        noun = doc[hit.end - 1]
        listed = {t.i for child in noun.children if child.dep_ == "prep" for pobj in child.children
                  for conj in pobj.conjuncts for t in conj.subtree}  # "a unit of gendarmes and officers of X"
        owners = [article.linked.at(t.i) for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                  for t in child.subtree if article.linked.at(t.i) is not None and t.i not in listed]
        owners = senders([as_state(context, m) for m in owners if m.kind == "state" or _state_of(context, m)])
        if owners:
            return owners[:1], "deployment.noun-of-state"
        subjects = senders([as_state(context, m) for m in acting_states(context, verb)])
        if subjects:
            return subjects, "deployment.subject-of-verb"
    listed = senders([as_state(context, m) for m in context.label_states()])
    if listed:
        return listed[:1], "deployment.listed-under-state"
    if replaced is not None:  # "230 Kenyan police officers ... were replaced by a fresh contingent of 240"
        same = senders([as_state(context, m) for m in states_of_phrase(context, doc[replaced.end - 1])]
                       ) or _told_in_earlier_sentence(context, replaced, earlier)
        if same:
            return same, "deployment.replacing-its-own"
    main = article.linked.main_state
    others = {m.ref for m in context.states() if m.ref != main and not article.linked.hosts(m.ref, context.mission)}
    if main and verb is not None and not others and _unattributed(doc[hit.end - 1], verb) and senders(
            [Mention(main, "STATE", hit.start, hit.end, hit.text)]) and context.named_in_paragraph(main):
        # "He said a sixth contingent of 200 officers would fly out", "The government said 50 soldiers
        # would leave for Haiti": the article's main state's (the host's name aside), unless "its"
        # says whose ("Gambia joined in March. Its first platoon arrives on Friday")
        owner = _possessor(context, doc[hit.end - 1])
        if owner is not None:
            return (senders([owner]), "deployment.its-state") if owner.kind == "state" else ([], "")
        return [Mention(main, "STATE", hit.start, hit.end, hit.text)], MAIN_STATE_RULE
    if verb is not None and (same := _told_in_earlier_sentence(context, hit, earlier)):
        return same, "deployment.the-same-as-before"  # "the soldiers had served since 2023"
    return [], ""


def _told_in_earlier_sentence(context: Context, hit: Hit, earlier: list[Candidate]) -> list[Mention]:
    """The sender of a definite noun ("the soldiers") that an earlier sentence gave, with its kind."""
    if not _definite(context.span.doc[hit.end - 1]):
        return []
    kind = context.article.vocabulary.resolve("deployment-kind", hit.term, hit.text).slug
    same = [c for c in earlier if c.kind == "deployment" and c.text("deployment_kind") == kind
            and c.sentence.start < context.sentence.start]
    return [Mention(same[-1].fields["state"], "STATE", hit.start, hit.end, hit.text)] if same else []


def _replacing_party(noun, verb, hits: list[Hit]) -> Hit | None:
    """The other deployment of a verb of replacing ("were replaced by a fresh contingent", "will
    relieve a contingent"): the same state's, of the same kind."""
    if verb is None or verb.lemma_ not in cues.REPLACING_VERBS:
        return None
    parties = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + [
        t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        parties += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(noun.i in {t.i for t in party.subtree} for party in parties):
        return None
    others = {t.i for party in parties if noun.i not in {t.i for t in party.subtree} for t in party.subtree}
    return next((h for h in hits if h.end - 1 in others and h.text.lower() not in cues.DEPLOYMENT_UNITS), None)


def _possessor(context: Context, noun) -> Mention | None:
    """What "its" or "their" before a noun refers to: the state, organization or mission named
    last before it, hosts aside ("Gambia joined in March. Its first platoon arrives on Friday")."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
        return None
    article = context.article
    named = [m for m in article.linked.mentions if m.end <= noun.i and m.start not in article.quoted
             and m.label in ("STATE", "NORP", "ORG", "GOV", "MISSION")
             and not (m.kind == "state" and article.linked.hosts(m.ref, context.mission))]
    if not named:
        return None
    last = named[-1]
    return as_state(context, last) if last.label in ("NORP", "GOV") and _state_of(context, last) else last


def _unattributed(noun, verb) -> bool:
    """An indefinite noun that is its verb's subject or agent, or whose verb has none: "a sixth
    contingent of 200 officers would fly out", "were replaced by a fresh contingent" (not "Ten
    countries have pledged personnel")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    return not _definite(noun) and (not subjects or any(noun.i in {t.i for t in a.subtree} for a in subjects))


def _definite(noun) -> bool:
    """"the soldiers", "these officers": a noun that refers to what was said before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those") for c in noun.children)


def acting_states(context: Context, verb) -> list[Mention]:
    """The states (or states' bodies) that are the subject of ``verb`` or of the verb it depends
    on, with those coordinated with them ("Senegal, Nigeria and Ghana have deployed"), or the
    agent of a passive ("were flown to Haiti by Kenya")."""
    node = verb
    for _ in range(3):
        agents = [t for c in node.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        subjects = sorted((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: -c.i)
        if node.dep_ == "relcl" and [s.lower_ for s in subjects] in (["which"], ["who"], ["that"]):
            subjects = [node.head]  # "Benin and Chad, which have promised personnel"
        if agents or subjects:
            return next((found for head in agents or subjects
                         if (found := [m for m in states_of_phrase(context, head) if _state_of(context, m)])), [])
        if node.dep_ not in ("xcomp", "conj", "advcl", "relcl", "ccomp") or node.head.i == node.i:
            return []
        node = node.head
    return []


def states_of_phrase(context: Context, head) -> list[Mention]:
    """The state, demonym or state's body each conjunct of the phrase headed by ``head`` names,
    nearest its head first: "Côte d'Ivoire and Togo", "the Kenyan government"; not a state that
    only names a mission ("the Kenyan-led mission")."""
    allowed = {id(m) for m in context.mentions("STATE", "NORP", "GOV")}
    conjuncts = listed_with(head)
    found = []
    for conjunct in conjuncts:
        others = {t.i for other in conjuncts if other is not conjunct and other.i > conjunct.i for t in other.subtree}
        for token in sorted((t for t in conjunct.subtree if t.i not in others), key=lambda t: abs(t.i - conjunct.i)):
            mention = context.article.linked.at(token.i)
            if mention is not None and id(mention) in allowed and not _names_a_mission(context, token, conjunct):
                found.append(mention)
                break
    return distinct(found) or _states_described(context, head)


def _states_described(context: Context, head) -> list[Mention]:
    """"Both countries", "the two states", "the three nations": the states the article named last
    before the phrase, hosts aside, as many as it counts."""
    counted = [child for child in head.children if child.lower_ == "both" or child.dep_ == "nummod"]
    if head.lower_ not in cues.PLURAL_STATE_NOUNS or len(counted) != 1:
        return []
    how_many = 2 if counted[0].lower_ == "both" else cardinal(head.doc[counted[0].i: counted[0].i + 1])
    linked = context.article.linked
    named = []
    for mention in reversed([m for m in linked.mentions if m.end <= head.i and m.kind == "state"]):
        state = as_state(context, mention)
        if state.ref not in {m.ref for m in named} and not linked.hosts(state.ref, context.mission):
            named.append(Mention(state.ref, "STATE", head.i, head.i + 1, head.text))
    return list(reversed(named[:how_many])) if how_many and len(named) >= how_many else []


def listed_with(head) -> list:
    """The head and the words listed with it, as conjuncts or appositions (the parser reads
    "Australia, New Zealand and Fiji" either way), in order."""
    found = [head]
    for token in found:
        found += [child for child in token.children if child.dep_ in ("conj", "appos") and child not in found]
    return sorted(found, key=lambda t: t.i)


def _names_a_mission(context: Context, token, head) -> bool:
    """Whether ``token`` modifies, on its way up to ``head``, a mission or a word for one."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        mention = context.article.linked.at(node.i)
        if (mention is not None and mention.label == "MISSION") or node.lower_ in cues.MISSION_NOUNS:
            return True
    return False


def _state_of(context: Context, mention: Mention) -> str | None:
    """The state a mention stands for: itself, or the state a government body is part of."""
    if mention.kind == "state":
        return mention.ref
    parent = context.article.linked.entities[mention.ref].part_of
    return parent if parent and parent.startswith("state/") else None


def as_state(context: Context, mention: Mention) -> Mention:
    """The state a mention stands for: itself, the state of a demonym, or the state a body is part of."""
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
    return _number_ending_at(context, end)


def _number_ending_at(context: Context, end: int) -> int | None:
    """The whole number whose words end before token ``end`` ("1,200", "one hundred and sixty")."""
    doc = context.span.doc
    start = end
    while start > context.span.start and (doc[start - 1].like_num or doc[start - 1].text == "-" or (
            doc[start - 1].lower_ == "and" and start - 2 >= context.span.start and doc[start - 2].like_num
            and start < end)) and ordinal(doc[start - 1].text) is None:
        start -= 1
    return cardinal(doc[start:end]) if start < end else None


def _strength_told_apart(context: Context) -> int | None:
    """The strength a sentence that tells of one sender's deployment gives it in an apposition:
    "its first formed police unit, 160 officers strong, landed", "the third contingent, seventy strong",
    "the seventh contingent of the Jamaica Defence Force, 164 men and women, landed"."""
    if _senders_named(context) > 1:
        return None
    doc = context.span.doc
    for token in context.span:
        if token.i - 1 <= context.span.start or doc[token.i + 1:token.i + 2].text == "-":
            continue
        if token.lower_ == "strong":
            end = token.i - (not doc[token.i - 1].like_num)  # "160 officers strong", "seventy strong"
        elif token.lower_ == "men" and doc[token.i + 1: token.i + 3].text.lower() == "and women":
            end = token.i
        else:
            continue
        if (size := _number_ending_at(context, end)) is not None:
            return size
    return None


def _ordinal(context: Context, hit: Hit) -> int | None:
    """"a second contingent of Guatemalan soldiers": the contingent's rank."""
    doc = context.span.doc
    for i in range(max(context.span.start, hit.start - 5), hit.end + 1):
        if i + 1 < context.span.end and doc[i + 1].lower_ in cues.DEPLOYMENT_UNITS:
            rank = ordinal(doc[i].text) if doc[i].like_num or doc[i].lower_ in ("first", "second") else None
            if rank:
                return rank
    return None


#: What a rank told apart from its deployment's noun ranks: "the third Tanzanian contingent to serve", "the first
#: ship Mauritius has lent", "Belize sent its third rotation".
_RANKED = (*cues.DEPLOYMENT_UNITS, "rotation", "platoon", "ship", "vessel", "personnel")


def _senders_named(context: Context) -> int:
    """How many states other than the mission's host the sentence names."""
    return len({m.ref for m in context.states()} - {context.article.linked.host_of(context.mission)})


def _rank_told_apart(context: Context) -> int | None:
    """The rank a sentence that tells of one sender's deployment gives it away from its noun, in an
    apposition or another clause: "Sixty sailors ... , the third Tanzanian contingent to serve with the
    Mission, arrived", "the first contingent Botswana has sent", "Its fourth, the patrol boat La Flèche"."""
    if _senders_named(context) > 1:
        return None
    doc = context.span.doc
    for token in context.span:
        if token.lower_ not in cues.ORDINAL_WORDS or token.i == context.span.start or \
                doc[token.i - 1].lower_ not in ("the", "its", "'s", "’s"):
            continue
        after = doc[token.i + 1: min(token.i + 4, context.span.end)]
        words = list(itertools.takewhile(lambda t: t.is_alpha, after))
        if (after and after[0].text == ",") or any(t.lower_ in _RANKED for t in words):
            return ordinal(token.text)
    return None


def _place(context: Context, states: list[Mention]) -> str | None:
    """The state the deployment goes to: "in Haiti", "to Haiti", "left for Haiti" (not the mission's own name's
    "Mission in Haiti"), else the state whose capital it reaches ("landed in Port-au-Prince"), else the mission's
    host when the sentence names a place that is no other state's ("based at Pemba")."""
    senders = {m.ref for m in states}
    named = {token for _, _, token in missions_in_states(context.span.doc, context.mentions())}
    for mention in context.mentions("STATE"):
        if mention.start in named:
            continue
        if mention.ref not in senders and mention.start > context.span.start and context.span.doc[
                mention.start - 1].lower_ in ("in", "to", "for"):
            return mention.ref
    capital = next((state for state in context.capitals_placed_in(arriving=True) if state not in senders), None)
    return capital or _host_of_place(context, senders)


def _arrived_at_host(context: Context, states: list[Mention]) -> str | None:
    """Personnel who arrived, where the sentence names no place at all, arrived where their mission
    works: its host state; not where the sentence names one that is not the host's ("trained in
    Nairobi") or the state only in the mission's name ("deployed to the Mission in Guinea-Bissau")."""
    host = context.article.linked.host_of(context.mission)
    if host is None or host in {m.ref for m in states} or missions_in_states(context.span.doc, context.mentions()):
        return None
    return None if _names_a_place(context) else host


def _names_a_place(context: Context) -> bool:
    doc = context.span.doc
    dated = {i for d in context.dates() for i in range(d.start, d.end)}
    return any(token.lower_ in _AT_A_PLACE and token.i + 1 < context.span.end and doc[token.i + 1].pos_ == "PROPN"
               and token.i + 1 not in dated for token in context.span)


#: Words before the place a deployment is in or goes to: "landed in Cap-Haïtien", "based at Pemba", "reached Pemba".
_AT_A_PLACE = ("in", "to", "into", "at", "between", "off", "along", "around", "near", "outside", "across", *REACHING)


def _host_of_place(context: Context, senders: set[str]) -> str | None:
    """The mission's host state, when the sentence places its acts at a proper name that is no state's,
    no date and no other state's capital: the mission's personnel are where it works ("arrived in
    Pemba", "based at Camp Tabarre"; not "flew home to Dar es Salaam", "trained in Nairobi")."""
    host = context.article.linked.host_of(context.mission)
    if host is None or host in senders:
        return None
    doc = context.span.doc
    dated = {i for d in context.dates() for i in range(d.start, d.end)}
    elsewhere = [capital for capital, state in capitals().items() if state != host]
    for token in context.span:
        if token.lower_ not in _AT_A_PLACE or token.i + 1 >= context.span.end or doc[token.i - 1].lower_ == "home":
            continue  # "flew home to Dar es Salaam": the sender's place
        place = doc[token.i + 1 + (doc[token.i + 1].lower_ == "the" and token.i + 2 < context.span.end)]
        if token.lower_ == "in" and place.lower_ == "country" and place.i + 1 < context.span.end \
                and doc[place.i + 1].lower_ != "of":
            return host
        if place.pos_ != "PROPN" or not place.is_title or place.i in dated or context.article.linked.at(place.i):
            continue
        rest = doc[place.i: context.span.end].text.lower()
        if not any(rest.startswith(capital) for capital in elsewhere):
            return host
    return None


def _organizations_own_mission(context: Context, organization: Mention) -> bool:
    """"the Southern African Development Community mission": the organization's own mission is
    the sentence's, not "a non-UN mission" nor "the UN mission in Mali" (a mission elsewhere)."""
    doc = context.span.doc
    word = organization.end
    if word >= len(doc) or doc[word].lower_ != "mission" or (organization.start > 0
                                                             and doc[organization.start - 1].text == "-"):
        return False
    if word + 2 >= len(doc) or doc[word + 1].lower_ != "in":
        return True
    place = context.article.linked.at(word + 2 + (doc[word + 2].lower_ == "the"))
    return place is not None and context.article.linked.hosts(place.ref, context.mission)


def _sends_the_mission(context: Context, organization: Mention) -> bool:
    """"ECOWAS deployed the Stabilisation Support Mission to Guinea-Bissau", "the mission, which
    ECOWAS sent to Bissau in 2022": whoever sends the mission backs it."""
    subject = context.span.doc[organization.end - 1]
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_ not in ("send", "deploy", "dispatch"):
        return False
    sent = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "relcl" else [])
    return any(_is_a_mission(context, word) for word in sent)


def partnerships(context: Context, members: set[str]) -> list[Candidate]:
    """Who works with the mission and who backs, supports, funds or hosts it."""
    article = context.article
    if not context.mission:
        return []
    found = []
    doc = context.span.doc
    words = [t for t in context.words() if article.linked.at(t.i) is None or article.linked.at(t.i).label != "MISSION"]
    lower = [t.lower_ for t in words]

    def add(partner: str, words_of_role: str, rule: str, confidence: float) -> None:
        role = article.vocabulary.resolve("partner-role", words_of_role)
        flags = [] if role.known else [unknown_term(role, article)]
        found.append(Candidate("partnership", {"mission": context.mission, "partner": partner, "partner_role": role},
                               context.sentence, rule, confidence, flags))

    for mention in context.mentions("ORG", "STATE", "GOV"):
        after = doc[mention.end: mention.end + 2]
        first = mention.start - (mention.start > context.span.start and doc[mention.start - 1].lower_ == "the")
        before = doc[max(context.span.start, first - 2): first]
        organization = mention.label == "ORG"
        if context.names_mission() and (
                (len(after) == 2 and after[0].text == "-" and (after[1].lower_ in cues.BACKER_CUES
                                                               or organization and after[1].lower_ == "led"))
                or (before and before[-1].lower_ == "by" and len(before) == 2 and (
                    before[0].lower_ in cues.BACKER_CUES or organization and before[0].lower_ in cues.FOUNDING_WORDS))):
            # "the SADC-led mission", "set up by the Southern African Development Community"
            add(mention.ref, cues.PARTNER_TERMS["backer"], "partnership.backed-by", 0.85)
        elif organization and (_organizations_own_mission(context, mention) or _sends_the_mission(context, mention)):
            # "the Southern African Development Community mission patrols", "which ECOWAS sent": its own
            add(mention.ref, cues.PARTNER_TERMS["backer"], "partnership.backed-by", 0.8)
        elif (before and before[-1].lower_ == "by" and len(before) == 2 and before[0].lower_ in cues.FUNDER_CUES) or (
                mention.ref not in members and doc[mention.end - 1].dep_ != "compound"
                and any(w in cues.FUNDER_CUES for w in lower[_index(words, mention.end):][:3])):
            # not a name that only qualifies the fund: "delivered through the UN trust fund"
            add(mention.ref, cues.PARTNER_TERMS["funder"], "partnership.funded-by", 0.75)
    for mention in context.mentions("STATE"):
        later = lower[_index(words, mention.end):][:6]
        if mention.ref not in members and any(w in cues.SUPPORTER_CUES for w in later) and not _after_preposition(
                context, mention) and not any(w in cues.FUNDER_CUES for w in later):
            add(mention.ref, cues.PARTNER_TERMS["supporter"], "partnership.expressed-support", 0.7)
    hosted_bodies = [m for m in context.mentions("GOV")
                     if article.linked.hosts(article.linked.entities[m.ref].part_of or "", context.mission)]
    if context.names_mission() or hosted_bodies:
        for mention in context.mentions("GOV"):
            entity = article.linked.entities[mention.ref]
            earlier = lower[:_index(words, mention.start)][-7:]
            hosted = article.linked.hosts(entity.part_of or "", context.mission)
            later = lower[_index(words, mention.end):][:6] if hosted else []
            joint = hosted and any(w in cues.JOINT_WORK_WORDS for w in lower)  # "joint patrols with the PNH"
            if entity.part_of in members or not (((context.names_mission() or joint) and any(
                    w in cues.HOST_FORCE_CUES for w in earlier)) or any(w in cues.ALONGSIDE for w in later)):
                continue
            role = "host government" if "government" in entity.label.lower() else cues.PARTNER_TERMS["host force"]
            add(mention.ref, role, "partnership.works-alongside", 0.8)
        for mention in context.mentions("STATE"):
            if mention.ref not in members and mention.start > context.span.start and (
                    doc[mention.start - 1].lower_ == "in" or doc[mention.start - 1].lower_ == "to"
                    and article.linked.hosts(mention.ref, context.mission)):  # "flown to Haiti to bolster the mission"
                add(mention.ref, cues.PARTNER_TERMS["host state"], "partnership.in-state", 0.6)
    for mission, state, token in missions_in_states(doc, context.mentions()):
        if mission == context.mission:
            add(state, cues.PARTNER_TERMS["host state"], "partnership.mission-in-state", 0.85)
    found += _acts_for_the_mission(context, add, members)
    for state in _requesting_states(context):
        add(state, cues.PARTNER_TERMS["host state"], "partnership.at-its-request", 0.7)
    for state in _contributors_to_the_fund(context):
        add(state.ref, cues.PARTNER_TERMS["funder"], "partnership.contributes-to-the-fund", 0.7)
    for partner in _carriers(context, members):
        add(partner, "logistics provider", "partnership.carries-for-the-mission", 0.75)
    for partner in _materiel_lenders(context, members):
        add(partner, "logistics provider", "partnership.materiel-provided-by", 0.75)
    for partner in _instructors_lent(context):
        add(partner, "trainer", "partnership.instructors-of", 0.7)
    return found


def _materiel_lenders(context: Context, members: set[str]) -> list[str]:
    """"Armoured vehicles ... are provided by the United States", "Vehicles and radios for the
    Mission were supplied by the Government of China": who provides the mission's materiel, not
    its people, is its logistics provider; not one of its members nor its host."""
    linked = context.article.linked
    found = []
    for mention in context.mentions("STATE", "GOV", "ORG"):
        partner = _state_of(context, mention) or (mention.ref if mention.label == "ORG" else None)
        if partner and _lends_materiel(context, mention) and partner not in members and not linked.hosts(
                partner, context.mission):
            found.append(partner)
    return list(dict.fromkeys(found))


def _lends_materiel(context: Context, mention: Mention) -> bool:
    """The state or body is the one "by" whom something that is not personnel is provided: it
    lends materiel or transport ("two helicopters provided by the United States"), it sends no
    one ("a formed police unit contributed by Rwanda" is Rwanda's own)."""
    node = context.span.doc[mention.end - 1]
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.dep_ == "agent":
            verb = node.head.head
            return verb.lemma_.lower() in cues.LENDING_VERBS and not _people_provided(verb)
        if node.dep_ not in ("pobj", "prep", "compound"):
            return False
        node = node.head
    return False


def _people_provided(verb) -> bool:
    """"escorts ... provided by soldiers", "instructors provided by the Government of Canada":
    what the verb provides is people."""
    provided = [child for child in verb.children if child.dep_ == "nsubjpass"] + (
        [verb.head] if verb.dep_ == "acl" else [])
    return any(word.lower_ in cues.PEOPLE_PROVIDED for word in provided)


def _instructors_lent(context: Context) -> list[str]:
    """"trained under instructors of the French Republic", "a course given by instructors of the
    Royal Canadian Mounted Police": the state whose instructors train the mission's people; not
    instructors who are sent themselves ("forty instructors of the National Police of Colombia
    left for Port-au-Prince") nor the host's, who work beside the mission."""
    linked = context.article.linked
    partners = []
    for noun in context.words():
        if noun.lower_ not in cues.INSTRUCTOR_NOUNS or noun.dep_ != "pobj":
            continue
        whose = [word for child in noun.children if child.dep_ == "prep" and child.lower_ in ("of", "from")
                 for word in child.subtree]
        states = [_state_of(context, m) for word in whose
                  if (m := linked.at(word.i)) is not None and m.label in ("STATE", "NORP", "GOV")]
        partners += [state for state in states[:1] if state and not linked.hosts(state, context.mission)]
    return partners


def _carriers(context: Context, members: set[str]) -> list[str]:
    """"flew home aboard an aircraft chartered by the United States", "landed aboard a Royal
    Australian Air Force C-130", "on an aircraft of the Canadian Armed Forces": who owns or lays on
    the means that carries the mission's people or goods is its logistics provider; not one of its
    members (their own aircraft) nor its host."""
    linked = context.article.linked
    carriers = []
    for means in _means_of_carriage(context):
        if any(word.lemma_ in (*cues.COST_VERBS, *cues.FUNDING_VERBS) for word in means.subtree):
            continue  # "on a charter flight paid for by the United States": a funder, not a carrier
        for word in means.subtree:
            mention = linked.at(word.i)
            if mention is None or mention.label not in ("STATE", "NORP", "GOV", "ORG"):
                continue
            partner = _state_of(context, mention) or (mention.ref if mention.label == "ORG" else None)
            if partner and partner not in members and not linked.hosts(partner, context.mission):
                carriers.append(partner)
    return list(dict.fromkeys(carriers))


def _means_of_carriage(context: Context) -> list:
    """The nouns of the aircraft, ships and flights that carry someone: "aboard an aircraft
    chartered by ...", "on a C-17" (not "on Wednesday", "on patrol")."""
    return [means for token in context.span if token.lower_ in cues.CARRIED_BY and token.head.pos_ == "VERB"
            for means in token.children if means.dep_ == "pobj"
            and (means.lower_ in cues.CARRIER_NOUNS or means.text.startswith("C-"))]


def carrier_tokens(context: Context) -> set[int]:
    """The tokens of the phrases that name an aircraft, a ship or a flight that carries someone:
    a state named there ("aboard an aircraft chartered by the United States") carries, it sends nothing."""
    return {word.i for means in _means_of_carriage(context) for word in means.subtree}


def _requesting_states(context: Context) -> list[str]:
    """A mission is sent at its host's request: "at the request of the Government of Papua New
    Guinea", "at Lomé's request", "at the request of the authorities in Bissau"."""
    doc = context.span.doc
    found = []
    for token in context.words():
        if token.lower_ != "request" or token.i == 0 or doc[token.i - 1].lower_ not in ("the", "'s", "’s") and not any(
                c.dep_ == "poss" for c in token.children):
            continue
        if not any(t.lower_ == "at" for t in doc[max(token.i - 4, context.span.start): token.i]):
            continue
        phrase = [t for c in token.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                  for t in c.subtree]
        states = capitals_in(" ".join(t.text for t in phrase)) + [
            as_state(context, m).ref for t in phrase if (m := context.article.linked.at(t.i)) is not None
            and m.label in ("STATE", "NORP", "GOV") and _state_of(context, m)]  # "the government in Port Moresby"
        found += states[:1]
    return found


def _contributors_to_the_fund(context: Context) -> list[Mention]:
    """The states that put money into the mission's fund: "gratitude to Canada and Mexico for their
    contributions to the Mission's trust fund", "Canada and Spain have made new payments into the
    trust fund", "the recent contribution of the Republic of Korea", and in an article about the
    fund, a line "Canada: US$ 62.4 million"."""
    article = context.article
    words = context.words()
    if not any(t.lower_ in cues.FUND_WORDS for t in words) and not (
            any(t.lower_ in cues.FUND_WORDS for t in article.doc) and speaks_of_money(words)):
        return []
    found = [m for m in context.label_states() if speaks_of_money(words)]
    for noun in (t for t in words if t.lower_ in cues.CONTRIBUTION_NOUNS):
        givers = [t for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                  for t in child.children if t.dep_ == "pobj"] + [
            child for child in noun.children if child.dep_ == "poss"]
        found += [m for giver in givers for m in states_of_phrase(context, giver) if m.label == "STATE"]
        verb = governing_verb(noun)
        if verb is not None and not negated(verb):
            objects = [child for child in verb.children if child.dep_ == "dobj"]
            thanked = [t for owner in (verb, *objects) for child in owner.children if child.dep_ in ("dative", "prep")
                       and child.lower_ == "to" for t in child.children if t.dep_ == "pobj"
                       ] + objects if noun.head.lower_ == "for" else []  # "gratitude to Canada", "thanked Japan"
            found += [m for head in thanked for m in states_of_phrase(context, head) if m.label == "STATE"]
            if noun.dep_ == "dobj" and noun.head.i == verb.i:
                found += [m for m in acting_states(context, verb) if m.label == "STATE"]
    for noun in (t for t in words if t.lower_ in cues.DONOR_NOUNS):
        found += [m for head in _said_to_be(noun) for m in states_of_phrase(context, head) if m.label == "STATE"]
    return [m for m in distinct(found) if not article.linked.hosts(m.ref, context.mission)]


def _said_to_be(noun) -> list:
    """The phrases a noun is said of: "A and B, the fund's two largest donors" (apposition),
    "whose main contributors have been A, B and C", "A and B are among the contributors"."""
    head = noun.head
    if noun.dep_ == "appos":
        return [head]
    said = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        said += [c for c in head.children if c.dep_ == "attr"]
    elif noun.dep_ == "attr" or (noun.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ == "be"):
        verb = head if noun.dep_ == "attr" else head.head
        said += [c for c in verb.children if c.dep_ == "nsubj"]
    return said


def speaks_of_money(words) -> bool:
    return any(t.lower_ in cues.MONEY_WORDS or t.text in ("$", "€", "£", "US$", "C$") or t.text.endswith("$")
               for t in words)


def _acts_for_the_mission(context: Context, add, members: set[str]) -> list[Candidate]:
    """"The African Union has authorized the force", "The United States will give 45 million
    dollars to the mission", "the European Union pays for its police component", "The island
    will also train Haitian police cadets", "Australia and New Zealand meet most of the mission's
    costs": a verb whose subjects (or agents) are states or organizations and whose object or
    goal is the mission, or money, training, transport given to it. A member that pays is no
    funder of its own mission."""
    article = context.article
    for token in context.span:
        role = cues.PARTNER_VERBS.get(token.lemma_.lower()) or _renews_the_mission(context, token) or (
            "funder" if any(t.lower_ in cues.FUNDING_NOUNS for c in token.children if c.dep_ in ("dobj", "npadvmod")
                            for t in c.subtree) else None) or (  # "announced $60 million in funding for the mission"
            "backer" if any(c.dep_ == "dobj" and c.lower_ in cues.BACKING_NOUNS for c in token.children) else None)
        # "reaffirmed their backing for the mission", "gave its endorsement to the force"
        if role is None or token.pos_ not in ("VERB", "AUX") or negated(token) or token.i in article.quoted:
            continue
        payers = [actor for actor in actors(context, token) if role == "backer" or not (
            article.linked.hosts(actor.ref, context.mission) or role != "trainer" and actor.ref in members)]
        if not payers:
            continue
        objects = [t for child in token.children if child.dep_ in ("dobj", "prep", "dative", "attr", "npadvmod")
                   for t in child.subtree]
        to_mission = any((m := article.linked.at(t.i)) is not None and m.label == "MISSION" for t in objects)
        money = any(t.lower_ in cues.MONEY_WORDS or t.text in ("$", "€", "£") for t in objects) or (
            token.lemma_.lower() in cues.COST_VERBS and any(t.lower_ in cues.COST_WORDS for t in objects))
        if role == "backer" and not to_mission:
            continue
        funding = token.lemma_.lower() in cues.FUNDING_VERBS
        if role == "funder" and not (money or funding or any(t.lower_ == "for" for t in token.children)):
            continue
        if role == "funder" and any(t.lower_ in cues.LOGISTICS_WORDS for t in objects) and not (
                money or funding or token.lemma_.lower() in cues.COST_VERBS):
            role = "logistics provider"  # "provides airlift"; who pays for the fuel funds it
        carries = token.lemma_.lower() in cues.CARRYING_VERBS
        if (role == "trainer" or carries) and not any(t.lower_ in cues.TRAINEE_WORDS for t in objects):
            continue  # "trains the Mission's boarding teams", "flew the officers from Abidjan"
        for actor in payers:
            add(actor.ref, role, f"partnership.{role.replace(' ', '-')}-verb", 0.8)
    return []


def _renews_the_mission(context: Context, verb) -> str | None:
    """"The Security Council extended the mission", "renewed the Mission's authorisation": whoever
    renews a mission or its mandate backs it."""
    if verb.lemma_.lower() not in cues.RENEWING_VERBS:
        return None
    for target in (c for c in verb.children if c.dep_ == "dobj"):
        mention = context.article.linked.at(target.i)
        if (mention is not None and mention.label == "MISSION") or target.lower_ in cues.MANDATE_NOUNS:
            return "backer"
    return None


def actors(context: Context, verb) -> list[Mention]:
    """The states or organizations that are the subject of ``verb`` (or of the verb it is joined
    to), each of those listed ("Washington and Ottawa write cheques"), or its agent ("paid for by
    Spain and the European Union"); not one named in a clause on the subject ("The contribution,
    delivered through the UN trust fund, will pay")."""
    allowed = {id(m) for m in context.mentions("STATE", "NORP", "ORG", "GOV")}
    node = verb
    for _ in range(2):
        agents = [p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subjects = agents or [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and node.dep_ == "relcl" and subjects[-1].lower_ in ("which", "that", "who"):
            subjects = [node.head]  # "ECOWAS, which backs the mission"
        if subjects:
            found = [_named_in_phrase(context, head, allowed) for head in listed_with(subjects[-1])]
            return distinct([m for m in found if m is not None])
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return []
        node = node.head
    return []


def _named_in_phrase(context: Context, head, allowed: set[int]) -> Mention | None:
    """The allowed mention nearest ``head`` in its phrase, outside clauses on it; a demonym as its state."""
    clauses = {t.i for c in head.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    for token in sorted((t for t in head.subtree if t.i not in clauses), key=lambda t: abs(t.i - head.i)):
        mention = context.article.linked.at(token.i)
        if mention is not None and id(mention) in allowed:
            return mention if mention.label != "NORP" else Mention(mention.ref, "STATE", mention.start,
                                                                   mention.end, mention.text)
    return None


def _index(words: list, token: int) -> int:
    """The position in ``words`` of the first word at or after token ``token``."""
    return next((n for n, word in enumerate(words) if word.i >= token), len(words))
