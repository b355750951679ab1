"""Rules for officials and what they say and do: posts ("Guatemalan President Bernardo
Arévalo"), statements (the words quoted, and who said them when the sentence names who), and
events (an announcement or pledge with a time or a venue)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Context, Hit
from coalition_kg.curation.propose.countries import capitals_in, state_named
from coalition_kg.curation.propose.dates import with_reports_year
from coalition_kg.curation.propose.entities import Mention, role_modifier
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.names import is_office_or_body
from coalition_kg.curation.propose.rules.common import unknown_term
from coalition_kg.curation.propose.rules.forces import as_state
from coalition_kg.curation.propose.text import quotations
from coalition_kg.curation.propose.titles import portfolio_end, portfolio_role
from coalition_kg.curation.propose.vocabulary import slug


def posts(context: Context, known: Known, main_state: str | None, found_before: list[Candidate]) -> list[Candidate]:
    """A title next to a person: before ("President X"), or after a comma ("X, Guatemala's ambassador");
    a commander of a unit (``found_before``: the deployments already told, see :func:`_contingent_leaders`)."""
    article = context.article
    found = []
    doc = context.span.doc
    names = article.name_tokens
    titling: list[tuple[int, int, str]] = []  # the words between a title and the holder named after its comma
    for hit in context.hits({**cues.ROLE_CUES, **cues.POLICE_HEADS, **article.vocabulary.phrases("role")}):
        force = None
        if hit.term in cues.POLICE_HEADS.values():
            if (end := _police_named_after(context, hit.end)) is None:
                continue
            force = _state_named_in(context, hit.end, end)
            hit = Hit(hit.start, end, "police chief", doc[hit.start: end].text)
        if hit.end < context.span.end and doc[hit.end].text in ("'s", "’s"):
            continue  # "the Secretary-General's Special Representative": the post is the one it owns
        term, plain = hit.term, hit.text
        hit, contingent = _contingent_commander(context, _mission_commander(context, hit))
        extra = role_modifier(doc, hit.start, names) if hit.start > context.span.start and not contingent else 0
        modifier = doc[hit.start - 1] if extra else None
        if extra:
            words = doc[hit.start - extra: hit.end].text
            hit = Hit(hit.start - extra, hit.end, words.lower(), words)
        if (end := portfolio_end(doc, hit.start, hit.end)) > hit.end:
            words = doc[hit.start: end].text  # "Minister of Justice and Public Security"
            hit = Hit(hit.start, end, portfolio_role(words) or hit.term, words)
            term = plain = hit.term
        if _deputy(context, hit):
            if "minister" not in hit.term:
                continue  # "Deputy Secretary of State": no concept of the scheme is a deputy's post
            hit, term, plain = Hit(hit.start, hit.end, "minister", hit.text), "minister", "minister"
        holder = _holder(context, hit)
        if holder is not None and hit.term in cues.RANKS and holder.start == hit.end:
            continue  # "Commissioner Godfrey Otieno": a rank, not a post
        if holder is None or any(start <= hit.start and hit.end <= end and ref == holder.ref
                                 for start, end, ref in titling):
            continue  # "Permanent Representative of Bangladesh, Ambassador Farhana Chowdhury": one post
        if holder.start > hit.end:
            titling.append((hit.end, holder.start, holder.ref))
        role = article.vocabulary.resolve("role", hit.term, hit.text, term, plain)
        fields: dict = {"holder": holder.ref, "role": role}
        flags = [] if role.known else [unknown_term(role, article)]
        if holder.start < context.span.start:
            flags.append(f"the sentence names the holder by a pronoun; 'holder:' is {holder.ref}, the person the "
                         f"article named last before it: check it")
        organization = (contingent or force or _signed_for(context, holder) or _state_of_mission_post(context, role.slug, holder)
                        or _organization_before(context, hit) or _organization_of(context, hit)
                        or _secretary_generals(context, hit) or _state_after_name(context, holder) or _body_named_by(context, modifier)
                        or _state_of_the_line(context))
        rule = "post.title-and-name"
        if organization is None:
            organization = _known_organization(known, holder.ref, role.slug)
            rule = "post.title-and-name+known-post"
        confidence = 0.9
        if organization is None and (organization := _host_greeting_arrivals(context)):
            confidence = 0.5
            flags.append(f"the sentence does not say which state or organization the post is in; it happens in the "
                         f"mission's host state, {organization}, so 'organization:' is that state: check it")
        if organization is None and main_state:
            organization, confidence = main_state, 0.5
            flags.append(f"the sentence does not say which state or organization the post is in; "
                         f"'organization:' is the article's main state, {main_state}")
        elif organization is None:
            flags.append("the sentence does not say which state or organization the post is in; fill in 'organization:'")
            confidence = 0.4
        fields["organization"] = organization or ""
        if hit.term in cues.ACCREDITED_ROLES and (accredited := _accredited_to(context, hit.end)):
            fields["accredited_to"] = accredited
        found.append(Candidate("post", fields, context.sentence, rule, confidence, flags))
        found += _predecessors(context, hit, found[-1])
    return found + _counterparts(context, found) + _contingent_leaders(context, found_before)


def _accredited_to(context: Context, end: int) -> str | None:
    """Where an envoy is sent, from the words after the title (``end``): "to the OAS", "of the
    Republic of Haiti to Benin", "in Kingston" (the state of that capital), "in Haiti"."""
    doc = context.span.doc
    named = _mention_after(context, end, "of")
    if named is not None:
        end = named.end  # "of the Republic of Haiti": who sends the envoy
    sent_to = _mention_after(context, end, "to")
    if sent_to is not None and sent_to.kind in ("state", "international-organization"):
        return sent_to.ref
    placed = _mention_after(context, end, "in")
    if placed is not None and placed.kind == "state":
        return placed.ref
    if end >= context.span.end or doc[end].lower_ != "in":
        return None
    return next(iter(capitals_in(doc[end: min(end + 5, context.span.end)].text, ("in",))), None)


def _mention_after(context: Context, start: int, word: str) -> Mention | None:
    """The entity named right after ``word`` at ``start`` ("to the OAS", "of Benin")."""
    doc = context.span.doc
    if start + 1 >= context.span.end or doc[start].lower_ != word:
        return None
    return context.article.linked.at(start + 1 + (doc[start + 1].lower_ == "the"))


def _host_greeting_arrivals(context: Context) -> str | None:
    """The mission's host state, when the sentence greets the mission's arrivals ("welcomed them
    on the tarmac"): an office holder it names no state for is then the host's."""
    return context.article.linked.host_of(context.mission) if any(map(_greets_arrivals, context.words())) else None


def _greets_arrivals(verb) -> bool:
    """"welcomed them", "greeted the officers", "the gendarmes were received by": a host meets
    people (not "welcomed the ruling"); not those coming home ("received the returning crew")."""
    if verb.lemma_.lower() not in cues.GREETING_LEMMAS:
        return False
    met = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]
    people = [t for t in met if t.lower_ in cues.ARRIVING_PEOPLE or t.lower_ in cues.PERSONNEL_FROM
              or t.lemma_.lower() in cues.OFFICIAL_NOUNS or t.lemma_.lower() in cues.DEPLOYMENT_UNITS]
    return bool(people) and not any(t.lower_ in cues.HOMECOMING_WORDS for p in people for t in p.subtree)


def _police_named_after(context: Context, start: int) -> int | None:
    """Where "of the Haitian National Police", "of the National Police Service" ends, from ``start``."""
    doc = context.span.doc
    i = start + 1 + (start + 1 < context.span.end and doc[start + 1].lower_ == "the")
    if start >= context.span.end or doc[start].lower_ != "of":
        return None
    end = i
    while end < min(i + 4, context.span.end) and doc[end].is_title:
        end += 1
    return end if any(t.lower_ in cues.POLICE_WORDS for t in doc[i:end]) else None


def _state_named_in(context: Context, start: int, end: int) -> str | None:
    """The state the words name, or whose demonym or body they name ("the Haitian National Police")."""
    states = [as_state(context, m).ref for m in context.article.mentions_between(start, end)]
    return next((state for state in states if state), None)


def _counterparts(context: Context, found: list[Candidate]) -> list[Candidate]:
    """"Haiti's foreign minister, X, met his Jamaican and Bahamian counterparts, Y and Z": each
    person listed after the word holds the post the sentence gave, in the state named for them,
    in order."""
    doc = context.span.doc
    people = context.mentions("PERSON")
    more = []
    for word in (t for t in context.words() if t.lower_ in cues.COUNTERPART_WORDS):
        given = [c for c in found if c.text("holder") != ""]
        if not given:
            continue
        states = [m for t in word.children if t.dep_ == "amod" for m in (context.article.linked.at(t.i),)
                  if m is not None and m.label in ("NORP", "STATE")]
        states += [m for s in list(states) for t in doc[s.start].conjuncts
                   if (m := context.article.linked.at(t.i)) is not None and m.label in ("NORP", "STATE")]
        holders, i = [], word.i + 1
        for person in (m for m in people if m.start > word.i):
            if any(doc[j].lower_ not in (",", "and") for j in range(i, person.start)) or person.start == i:
                break
            holders.append(person)
            i = person.end
        if states and len(states) == len(holders):
            for state, holder in zip(sorted(states, key=lambda m: m.start), holders):
                fields = {"holder": holder.ref, "role": given[0].fields["role"], "organization": state.ref}
                more.append(Candidate("post", fields, context.sentence, "post.counterpart", 0.8, []))
    return more


def _contingent_leaders(context: Context, found_before: list[Candidate]) -> list[Candidate]:
    """"Colonel X leads the Jamaican contingent", "Major X, who commands the company", "The unit
    is commanded by Chief Superintendent X": X is the contingent commander of the unit's state;
    else of the state whose deployment the article told last, up to this sentence ("the unit" is
    the one just told of); else of the article's main state (flagged)."""
    article = context.article
    found = []
    for units, phrases in _commands(context):
        states = [m for u in units for t in u.lefts if (m := article.linked.at(t.i)) is not None and m.kind == "state"]
        holders = [m for phrase in phrases for t in phrase.subtree
                   if (m := article.linked.at(t.i)) is not None and m.label == "PERSON"]
        sender = _last_sender(context, found_before)
        state = states[0].ref if states else (sender or article.linked.main_state)
        if units and holders and state:
            role = article.vocabulary.resolve("role", "contingent commander")
            whose = "the state whose deployment the article told last" if sender else "the article's main state"
            flags = [] if states else [f"the sentence does not say whose unit it is; 'organization:' is {whose}, {state}"]
            found.append(Candidate("post", {"holder": holders[0].ref, "role": role, "organization": state},
                                   context.sentence, "post.leads-a-contingent", 0.8 if states else 0.6, flags))
    return found


def _last_sender(context: Context, found: list[Candidate]) -> str | None:
    """The state of the last deployment told in this sentence or before it."""
    told = [c for c in found if c.kind == "deployment" and c.sentence.start <= context.sentence.start]
    return max(told, key=lambda c: c.sentence.start).text("state") if told else None


def _commands(context: Context) -> Iterator[tuple[list, list]]:
    """(the units, the phrases naming who commands them) of each way a sentence tells a command:
    a verb ("leads", "is commanded by"), "under (the command of) X" after a unit or its
    personnel, "Command of the contingent remains with X"."""
    for word in context.span:
        if word.lemma_ in ("lead", "command", "head") and word.pos_ == "VERB":
            yield [c for c in _led(word) if _a_unit(c)], _leading_phrases(word)
        elif word.lower_ == "under" and word.dep_ == "prep":
            yield _units_near(word.head), [_commander_of(p) for p in word.children if p.dep_ == "pobj"]
        elif word.lower_ == "command" and word.dep_ == "nsubj":
            units = [u for of in word.children if of.lower_ == "of" for u in of.children if u.dep_ == "pobj"]
            yield ([u for u in units if _a_unit(u)],
                   [p for w in word.head.children if w.lower_ in ("with", "to") for p in w.children if p.dep_ == "pobj"])


def _commander_of(word):
    """"the command of X": X; else the word itself ("under Colonel X")."""
    if word.lower_ != "command":
        return word
    return next((p for of in word.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"), word)


def _units_near(word) -> list:
    """The unit, or the personnel counted, that a phrase after ``word`` describes: the word itself
    ("thirty-one officers under X"), the noun it stands beside ("Paraguay's second contingent,
    ninety-four military police under X"), or its verb's subject ("The contingent is under ...")."""
    near = [word, *(c for c in word.children if c.dep_ in ("nsubj", "nsubjpass", "compound"))]
    if word.dep_ == "appos":
        near.append(word.head)
    return [w for w in near if _a_unit(w)]


def _a_unit(word) -> bool:
    """"the contingent", "the officers": a unit, or the personnel one is made of; "They are led
    by X": the unit the article told of last."""
    return word.lower_ in cues.UNIT_NOUNS or word.lower_ in cues.PERSONNEL_FROM or word.lower_ == "they"


def _led(verb) -> list:
    """What ``verb`` leads: its object or passive subject ("leads the company", "The unit is
    commanded by"), the subject of the verb it is joined to ("The platoon is made up of forty-six
    soldiers and is commanded by"), or the noun it describes ("The company, commanded by Major X")."""
    led = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        led += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "acl":
        led.append(verb.head)
    return led


def _leading_phrases(verb) -> list:
    """Who leads: the verb's subject, its agent ("commanded by X"), or for "who" the person the
    relative clause is on ("Major X, who commands the company")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(c.lower_ in cues.RELATIVE_PRONOUNS for c in subjects):
        return [verb.head]
    return subjects + [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _mission_commander(context: Context, hit: Hit) -> Hit:
    """"the mission's commander", "the Commander of the Mission": the head of the mission, as
    curators record it."""
    doc = context.span.doc
    if hit.term != "commander":
        return hit
    if hit.start - 2 >= context.span.start and doc[hit.start - 1].text in ("'s", "’s"):
        owner = hit.start - 2  # "the mission's commander"
    elif hit.end + 2 < context.span.end and doc[hit.end].lower_ == "of":
        owner = hit.end + 1 + (doc[hit.end + 1].lower_ == "the")  # "the Commander of the Mission"
    else:
        return hit
    mission = context.article.linked.at(owner)
    if doc[owner].lower_ == "mission" or (mission is not None and mission.label == "MISSION"):
        return Hit(hit.start, hit.end, "head of mission", hit.text)
    return hit


def _contingent_commander(context: Context, hit: Hit) -> tuple[Hit, str | None]:
    """"the commander of the Kenyan contingent", "leads the Jamaican contingent": the role is
    contingent commander, in the state of the demonym."""
    doc = context.span.doc
    words = doc[hit.end: min(hit.end + 4, context.span.end)]
    if hit.term == "commander" and len(words) >= 3 and words[0].lower_ == "of" and words[-1].lower_ == "contingent":
        state = context.article.linked.at(words[-2].i)
        if state is not None and state.kind == "state":
            return Hit(hit.start, words.end, "contingent commander", "contingent commander"), state.ref
    before = doc[max(context.span.start, hit.start - 3): hit.start]  # "the Kenyan contingent's commander"
    if hit.term == "commander" and len(before) == 3 and before[1].lower_ == "contingent" and before[2].text in ("'s", "’s"):
        state = context.article.linked.at(before[0].i)
        if state is not None and state.kind == "state":
            return Hit(hit.start, hit.end, "contingent commander", "contingent commander"), state.ref
    if hit.term == "commander" and _commands_a_unit(context, hit):
        return Hit(hit.start, hit.end, "contingent commander", "contingent commander"), None
    return hit, None


def _commands_a_unit(context: Context, hit: Hit) -> bool:
    """"Their commander", "the crew's commander", "Commander of the Fifth Contingent": the
    commander of the unit the article is about."""
    doc = context.span.doc
    before = doc[max(context.span.start, hit.start - 2): hit.start]
    after = doc[hit.end: min(hit.end + 5, context.span.end)]
    return (len(before) >= 1 and before[-1].lower_ in ("their", "its", "our")) or (
        len(before) == 2 and before[0].lower_ in (*cues.UNIT_NOUNS, "crew") and before[1].text in ("'s", "’s")) or (
        len(after) > 1 and after[0].lower_ == "of" and any(t.lower_ in cues.UNIT_NOUNS for t in after[1:]))


def _deputy(context: Context, hit: Hit) -> bool:
    """"Deputy Minister of Defence": a deputy does not hold the post named."""
    doc = context.span.doc
    return hit.start > context.span.start and doc[hit.start - 1].lower_ in cues.DEPUTY_WORDS or (
        doc[hit.start].lower_ in cues.DEPUTY_WORDS)


def _state_of_mission_post(context: Context, role: str, holder: Mention) -> str | None:
    """A mission's force commander, head or police commissioner holds the post for the state they
    come from, as curators record it: "Major General X of the Guatemalan Army, Force Commander of
    the Mission", "Kenya's Brigadier X", "the Nigerian general X"."""
    if role not in cues.MISSION_POSTS:
        return None
    return _state_after_name(context, holder) or _state_before_name(context, holder)


def _state_before_name(context: Context, holder: Mention) -> str | None:
    """"Kenya's Major General X", "the Nigerian general X", "a Jamaican, Brigadier X": the state
    named just before a name and its titles."""
    doc = context.span.doc
    i = holder.start - 1
    while i >= context.span.start and (_honorific(doc[i]) or doc[i].lower_ in cues.ROLE_WORDS
                                        or doc[i].text in ("-", "(", ")") or doc[i].lower_ in ("jg", "ret'd")):
        i -= 1
    if i >= context.span.start and doc[i].text in ("’s", "'s"):
        i -= 1
    elif i - 2 >= context.span.start and doc[i].text == "," and doc[i - 2].lower_ in ("a", "an"):
        i -= 1  # "a Jamaican, Brigadier X"
    mention = context.article.linked.at(i) if i >= context.span.start else None
    return as_state(context, mention).ref if mention is not None and mention.label in ("STATE", "NORP") else None


def _signed_for(context: Context, holder: Mention) -> str | None:
    """"signed ... for the Government of the Republic of Kenya by Hon. Dr. X, Cabinet Secretary",
    "for the Senegalese side, by Mrs. X": the state a signatory signs for holds the post the line gives."""
    doc = context.span.doc
    by = holder.start - 1
    while by > context.span.start and (_honorific(doc[by]) or doc[by].lower_ in ("her", "his", "excellency", "the")):
        by -= 1
    if by <= context.span.start or doc[by].lower_ != "by":
        return None
    end = by - (doc[by - 1].text == ",")
    for mention in reversed(context.mentions("STATE", "NORP")):
        before = doc[max(context.span.start, mention.start - 6): mention.start]
        if mention.end <= end and end - mention.end <= 1 and any(t.lower_ == "for" for t in before):
            return as_state(context, mention).ref  # "for Sierra Leone by", "for the Senegalese side, by"
    return None


def _state_after_name(context: Context, holder: Mention) -> str | None:
    """"Godfrey Otieno (Kenya)", "President Abdoulaye Ndiaye-Sarr of Senegal", "Brigadier General
    X of the Senegalese Armed Forces": the state in brackets or after "of" just after the holder's
    name, or the state of the demonym or body there."""
    mention = _named_after_name(context, holder)
    return as_state(context, mention).ref if mention is not None else None


def _named_after_name(context: Context, holder: Mention) -> Mention | None:
    """The state (in brackets), or the state, demonym or body (after "of" or ", of"), just after a name."""
    doc = context.span.doc
    if holder.end + 2 < len(doc) and doc[holder.end].text == "(" and doc[holder.end + 2].text == ")":
        mention = context.article.linked.at(holder.end + 1)
        return mention if mention is not None and mention.kind == "state" else None
    comma = holder.end < context.span.end and doc[holder.end].text == ","  # "X, of the Angolan Navy, as"
    mention = _mention_after(context, holder.end + comma, "of")
    return mention if mention is not None and mention.label in ("STATE", "NORP", "GOV") else None


def _state_of_the_line(context: Context) -> str | None:
    """"• Haiti — Prime Minister Fritz-Gérald Vilaire received...": a line led by a state's name
    alone; "OTTAWA: Foreign Minister ... announces": a line led by a state's capital."""
    labels = context.label_states()
    return labels[0].ref if len(labels) == 1 else context.lead_capital()


def _body_named_by(context: Context, modifier) -> str | None:
    """"Commission President": the organization the article names with that word before
    ("the ECOWAS Commission said")."""
    if modifier is None:
        return None
    doc = context.span.doc
    for mention in context.article.linked.mentions:
        if mention.start < modifier.i and mention.end < len(doc) and doc[mention.end].lower_ == modifier.lower_ \
                and mention.kind in ("international-organization", "state"):
            return mention.ref
    return None


def _holder(context: Context, hit: Hit) -> Mention | None:
    doc = context.span.doc
    people = context.mentions("PERSON")
    right_after = [m for m in people if m.start == hit.end or (
        m.start > hit.end and all(_honorific(t) for t in doc[hit.end: m.start]))]
    if right_after:
        return right_after[0]
    if (named := _named_by_copula(doc, hit, people) or _subject_of_title(context, hit, people)) is not None:
        return named
    # "Guatemala's Permanent Representative to the United Nations, Lucía Morales,", "the Minister
    # for the Caribbean, Jennifer Chapman-Reid", "the chief of general staff, General Mbaye Cissé",
    # a transcript's speaker: "PERMANENT REPRESENTATIVE OF HAITI (Ambassador Jean-Claude Séjour):"
    for mention in people:
        between = list(doc[hit.end: mention.start])
        honorifics = False
        while between and (_honorific(between[-1]) or (between[-1].lower_ == "the" and honorifics)):
            popped = between.pop()  # ", the Hon. X", ", Dr. the Hon. X"
            honorifics = honorifics or _honorific(popped)
        if between and between[-1].lower_ in cues.RANKS:  # ", Divisional Commissioner Frantz ...": a rank
            between.pop()
            while between and between[-1].is_title and not context.article.linked.at(between[-1].i):
                between.pop()
        if 0 < len(between) <= 8 and between[-1].text in (",", ":", "(") and all(
                t.text in (",", ":", "the", "to", "of", "for", "and", "in", "-") or t.is_title or t.is_upper
                or context.article.linked.at(t.i) for t in between[:-1]):
            return mention
    start = hit.start - 4 if _the_secretary_generals_own(context, hit) else hit.start
    for mention in people:
        between = doc[mention.end: start]
        if (state := _named_after_name(context, mention)) is not None:
            between = doc[state.end + (doc[mention.end].text == "("): hit.start]
        if between and between[0].text == "," and all(
                t.text in (",", "the", "’s", "'s") or context.article.linked.at(t.i) for t in between) and len(between) <= 5:
            return mention
    return None


def _named_by_copula(doc, hit: Hit, people: list[Mention]) -> Mention | None:
    """"The Head of Mission is Commissioner Godfrey Otieno", "The head of mission is a Kenyan police
    officer, Deputy Inspector-General Samuel Tanui": the person the title is said to be."""
    title = doc[hit.start: hit.end].root
    if title.dep_ != "nsubj" or title.head.lemma_ != "be":
        return None
    said = {t.i for c in title.head.children if c.dep_ == "attr" for t in c.subtree}
    return next((m for m in people if m.start in said), None)


def _subject_of_title(context: Context, hit: Hit, people: list[Mention]) -> Mention | None:
    """"X has been Force Commander since May", "X was named Head of Mission", "X took over as
    force commander": the person the sentence makes the title's holder, its verb's subject, or an
    appointing verb's object ("the Council appointed X as Force Commander"); "She succeeds Y as
    force commander": the person named last before the sentence."""
    doc = context.span.doc
    title = doc[hit.start: hit.end].root
    verb = title.head
    if title.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif title.dep_ not in ("attr", "oprd"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = {t.i for c in subjects for t in c.subtree}
    # any of the name's words: the parser may split "Kiala dos Santos Nzinga" at its particle
    named = next((m for m in people if subject.intersection(range(m.start, m.end))), None)
    if named is None and verb.lemma_ in cues.APPOINTING_VERBS:
        # "The Council appointed X as Force Commander", "named X commander of the contingent"
        named = next((m for m in reversed(people) if verb.i < m.start and m.end <= hit.start), None)
    if named is None and any(c.lower_ in ("he", "she") for c in subjects):
        return _named_last_before(context)
    return named


def _named_last_before(context: Context) -> Mention | None:
    """The person the article named last before the sentence, outside quotations."""
    article = context.article
    before = [m for m in article.mentions_between(0, context.span.start)
              if m.label == "PERSON" and m.start not in article.quoted]
    return before[-1] if before else None


def _predecessors(context: Context, hit: Hit, post: Candidate) -> list[Candidate]:
    """"X succeeds Rear Admiral Y as force commander", "X took over from Y as Head of Mission": Y
    held the post before, in Y's own state for a mission's post."""
    doc = context.span.doc
    title = doc[hit.start: hit.end].root
    if title.dep_ != "pobj" or title.head.lower_ != "as":
        return []
    verb = title.head.head
    if verb.lemma_ in cues.SUCCEEDING_VERBS:
        phrases = [c for c in verb.children if c.dep_ == "dobj"]
    elif verb.lemma_ == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        phrases = [p for c in verb.children if c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    else:
        return []
    before = [m for phrase in phrases for t in phrase.subtree
              if (m := context.article.linked.at(t.i)) is not None and m.label == "PERSON"]
    if not before or before[0].ref == post.text("holder"):
        return []
    role = post.fields["role"]
    organization = _state_of_mission_post(context, role.slug, before[0]) or post.text("organization")
    return [Candidate("post", {"holder": before[0].ref, "role": role, "organization": organization},
                      context.sentence, "post.predecessor", 0.7, [])]


def _honorific(token) -> bool:
    """"Dr.", "Hon", the full stop the tokenizer splits from "Hon."."""
    return token.lower_.rstrip(".") in cues.HONORIFICS or token.text == "."


def _organization_before(context: Context, hit: Hit) -> str | None:
    """"Guatemalan President", "Guatemala's former ambassador", "the OAS Secretary-General", and
    "the Community's Secretary-General" for the organization named earlier with that word."""
    doc = context.span.doc
    i = hit.start - 1
    while i >= context.span.start and doc[i].lower_ in cues.TITLE_TIMES:
        i -= 1
    if i >= context.span.start and doc[i].text in ("’s", "'s", "'", "’"):
        i -= 1
    mention = context.article.linked.at(i) if i >= context.span.start else None
    if mention is None and i > context.span.start and doc[i].is_title and doc[i - 1].lower_ == "the":
        mention = _organization_called(context, doc[i])
    return mention.ref if mention is not None and mention.kind in ("state", "international-organization") else None


def _organization_called(context: Context, word) -> Mention | None:
    """"the Community": the organization last named before with that word in its name."""
    named = [m for m in context.article.linked.mentions if m.end <= word.i and m.kind == "international-organization"
             and word.lower_ in m.text.lower().split()]
    return named[-1] if named else None


def _organization_of(context: Context, hit: Hit) -> str | None:
    """"Prime Minister of Barbados", "Minister for Foreign Affairs, International Cooperation and
    Communities of Guinea-Bissau" (a portfolio listed on after a comma); not a mission ("Head of
    Mission of the IGAD Police Support Mission"): a mission's post is in its holder's state."""
    end = _portfolio_listed_on(context, hit.end)
    mention = _mention_after(context, end, "of")
    if mention is None:
        return _state_in_capitals(context, end)
    return mention.ref if mention.kind not in ("person", "mission") else None


def _state_in_capitals(context: Context, end: int) -> str | None:
    """"PERMANENT REPRESENTATIVE OF HAITI (...)": a transcript's speaker line names the state in
    capitals, which the names' matcher leaves aside."""
    doc = context.span.doc
    if end >= context.span.end or doc[end].text != "OF":
        return None
    words = list(itertools.takewhile(lambda t: t.is_upper and t.is_alpha, doc[end + 1: context.span.end]))
    return state_named(" ".join(w.text.title() for w in words)) if words else None


def _portfolio_listed_on(context: Context, end: int) -> int:
    """Where the rest of a portfolio listed on after a comma ends (", International Cooperation
    and Communities"), or ``end`` when no such list follows: capitalized words, "and" and commas
    before an "of", with no name among them."""
    doc = context.span.doc
    i = end
    while i < min(end + cues.PORTFOLIO_WORDS_LISTED, context.span.end) and (
            doc[i].is_title or doc[i].text == "," or doc[i].lower_ == "and") and i not in context.article.name_tokens:
        i += 1
    return i if i > end + 1 and i < context.span.end and doc[i].lower_ == "of" else end


def _secretary_generals(context: Context, hit: Hit) -> str | None:
    """"Special Representative of the Secretary-General", "Spokesperson for the Secretary-General",
    "the Secretary-General's Special Representative": the United Nations' post, when the register
    has it."""
    doc = context.span.doc
    after = hit.end + 1 < context.span.end and doc[hit.end].lower_ in ("of", "for") and _the_secretary_general(
        doc[hit.end + 1 + (doc[hit.end + 1].lower_ == "the"):][:3])
    return _UNITED_NATIONS if (after or _the_secretary_generals_own(context, hit)) \
        and _UNITED_NATIONS in context.article.linked.entities else None


def _the_secretary_generals_own(context: Context, hit: Hit) -> bool:
    """"the Secretary-General's Special Representative": a post the title's four words before it own."""
    doc = context.span.doc
    return hit.start - 4 >= context.span.start and _the_secretary_general(doc[hit.start - 4: hit.start - 1]) \
        and doc[hit.start - 1].text in ("'s", "’s")


def _the_secretary_general(words) -> bool:
    return words.text.lower() == "secretary-general"


_UNITED_NATIONS = "org/un"


def _known_organization(known: Known, holder: str, role: str) -> str | None:
    for fact in known.facts:
        values = fact.values
        if fact.kind == "post" and values.get("holder") and values["holder"].text == holder and (
                values.get("role") and values["role"].text == role) and values.get("organization"):
            return values["organization"].text
    return None


def statements(context: Context, posts_found: list[Candidate], events: list[Candidate]) -> list[Candidate]:
    """The words between quotation marks, with the speaker the sentence names."""
    found = []
    for quotation in quotations(context.sentence):
        if _names_a_term(context, quotation):
            continue
        fields: dict = {}
        flags = []
        speaker, description = _speaker(context)
        told = None
        if speaker is None:
            speaker, description, told = _speaker_told_before(context, posts_found)
        if speaker is None and (_said_by_someone_unknown(context) or _a_phrase_quoted(context, quotation)):
            continue
        if told:
            flags.append(told)
        if speaker is None:
            pronoun = [t.text for t in context.words() if t.lower_ in cues.PRONOUNS]
            hint = f" (it says '{pronoun[0]}')" if pronoun else ""
            flags.append(f"the sentence names no speaker{hint}; fill in 'speaker:' or delete the statement")
            fields["speaker"] = ""
            rule, confidence = "statement.quote-without-speaker", 0.5
        else:
            fields["speaker"] = speaker
            if description:
                fields["speaker_description"] = description
            rule, confidence = ("statement.quote-and-speaker", 0.9) if not told else ("statement.quote-speaker-before", 0.7)
            behalf = next((p.text("organization") for p in posts_found if p.fields.get("holder") == speaker
                           and p.text("organization")), None)
            if behalf and speaker.startswith("person/"):
                fields["on_behalf_of"] = behalf
            represented = _spoken_for(context)
            if represented is not None and represented != speaker:
                fields["on_behalf_of"] = represented  # "the representative of Jamaica, speaking on behalf of CARICOM"
        if context.mission:
            fields["mission"] = context.mission
        fields["text"] = quotation.text
        # "told the Senate in April": a month without its year is the report's latest April, flagged
        date = next(iter(context.dates(True)), None) or next(iter(context.dates(False)), None)
        dated, told_year = with_reports_year(date, context.article.report_date) if date else (None, [])
        if dated is not None:
            fields["date"] = dated.iso
            flags += told_year
        if any(t.lower_ in cues.OCCASION_NOUNS and _an_occasion_told_before(t) for t in context.words()):
            earlier = [e for e in events if e.sentence.start < context.sentence.start]
            if earlier:
                fields["occasion"] = earlier[-1]
                if "date" not in fields and earlier[-1].text("date"):  # "told the same parade": said that day
                    fields["date"] = earlier[-1].fields["date"]
            if "date" not in fields and any(_said_at(t) for t in context.words() if t.lower_ in cues.OCCASION_NOUNS):
                told = _the_day_told_before(context)
                if told is not None:
                    fields["date"] = told.iso
                    flags.append(f"said at an occasion the article told before: dated {told.iso}, the last day "
                                 f"it gives before ('{told.text}'); check it")
        found.append(Candidate("statement", fields, context.sentence, rule, confidence, flags))
    return found


def _the_day_told_before(context: Context):
    """"he told reporters at the airport": the occasion is the one the article told last, on the
    last day it gives before this sentence."""
    before = [d for d in context.article.dates if d.start < context.span.start and d.precision == "day" and d.iso]
    return before[-1] if before else None


def _said_at(occasion) -> bool:
    """"said at the ceremony", "said after the signing", "told the meeting": words said at an
    occasion ("before the vote", "the ceremony would be short" are not)."""
    return occasion.head.lower_ in cues.OCCASION_PREPOSITIONS or (occasion.dep_ == "dobj" and _says(occasion.head))


def _an_occasion_told_before(noun) -> bool:
    """"at the ceremony", "told the same parade", "at that meeting": an occasion the article told before."""
    return any(word.dep_ == "det" and word.lower_ in ("the", "that", "this") for word in noun.children)


def _names_a_term(context: Context, quotation) -> bool:
    """Quotation marks around a name, not words said: a term defined ("hereinafter “the
    Mission”", "“Host State” means"), a title ("the article headlined “…”", a line led by a
    quotation and a colon)."""
    doc = context.span.doc
    opening = max((t for t in context.span if t.idx < quotation.start), key=lambda t: t.i, default=None)
    closing = min((t for t in context.span if t.idx >= quotation.end and not t.is_space and t.text != ","),
                  key=lambda t: t.i, default=None)
    before = doc[opening.i - 1] if opening is not None and opening.i > context.span.start else None
    after = doc[closing.i + 1] if closing is not None and closing.i + 1 < context.span.end else None
    titled = before is None and after is not None and after.text == ":"  # "“No Address to Write To”: police in Haiti"
    return titled or (before is not None and before.lower_ in cues.NAMING_WORDS) or (
        after is not None and after.lower_ in cues.DEFINING_WORDS)


def _a_phrase_quoted(context: Context, quotation) -> bool:
    """"a Missão", "survival French", "Your Say", the music "Swell": a few words between quotation
    marks that no verb of the sentence says ("“We will stay,” he said" is said) are a name, a
    title or a phrase held at a distance, not a statement."""
    return len(quotation.text.split()) < cues.FEWEST_WORDS_SAID and not any(map(_says, context.words()))


def _says(word) -> bool:
    """A verb of speech: "said", "told", "added", "insisted"."""
    return word.pos_ == "VERB" and (word.lemma_ in cues.SPEECH_LEMMAS or word.lower_ in cues.SPEECH_VERBS)


def _said_by_someone_unknown(context: Context) -> bool:
    """"one delegate remarked", "a Western diplomat observed", "One woman told us": the speaker
    is someone the sentence leaves unnamed and ties to no state or body, so there is no one to
    record the words under ("one Chadian gendarme said" speaks for Chad)."""
    article = context.article
    for verb in context.words():
        if not _says(verb):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.i not in article.quoted):
            indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in subject.children)
            tied = any(article.linked.at(t.i) is not None for t in subject.subtree)
            if indefinite and not tied:
                return True
    return False


def _speaker(context: Context) -> tuple[str | None, str | None]:
    """A person named outside the quote; else a state's officials ("U.S. officials said")."""
    people = context.mentions("PERSON")
    if people:
        verbs = [t.i for t in context.words() if t.lower_ in cues.SPEECH_VERBS] or [context.span.start]
        return min(people, key=lambda m: min(abs(m.start - v) for v in verbs)).ref, None
    doc = context.span.doc
    for mention in context.mentions("STATE", "NORP", "GOV"):
        body = doc[mention.end] if mention.end < context.span.end else None
        if body is not None and body.lower_ in cues.SPEAKING_BODIES:
            state = mention.ref if mention.kind == "state" else context.article.linked.entities[mention.ref].part_of
            if state:
                return state, doc[mention.start: body.i + 1].text
        if mention.label == "GOV" and context.article.linked.entities[mention.ref].part_of and any(
                t.lower_ in cues.SPEECH_VERBS for t in doc[mention.end: mention.end + 3]):
            return context.article.linked.entities[mention.ref].part_of, mention.text
    return None, None


def _spoken_for(context: Context) -> str | None:
    """"speaking on behalf of the Caribbean Community", "speaking for CARICOM": who the speaker
    speaks for, when the sentence says so outside the quotation."""
    doc = context.span.doc
    for mention in context.mentions("ORG", "STATE", "GOV"):
        before = [t.lower_ for t in doc[max(context.span.start, mention.start - 4): mention.start] if t.lower_ != "the"]
        if before[-3:] == ["on", "behalf", "of"] or before[-2:] == ["speaking", "for"]:
            return mention.ref
    return None


def _speaker_told_before(context: Context, posts_found: list[Candidate]) -> tuple[str | None, str | None, str | None]:
    """The subject of the speech verb when it refers to someone named before: "he said" (the
    last person named), "the president said" (who holds that post in the article), "the ministry
    said", "one Kenyan officer said" (a state's body or official, the article's main state when
    the phrase names none). Returns the speaker, its description and a note for the curator."""
    article = context.article
    for verb in context.words():
        if verb.lemma_ not in cues.SPEECH_LEMMAS or verb.pos_ != "VERB":
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.i not in article.quoted):
            words = context.span.doc[subject.left_edge.i: subject.right_edge.i + 1]
            if subject.lower_ in ("he", "she"):
                person = _last_person_before(context)
                if person:
                    return person, None, f"the sentence says '{subject.text}': the speaker is {person}, named before; check it"
                continue
            title = " ".join([t.lower_ for t in subject.lefts if t.dep_ == "compound"] + [subject.lower_])
            role = article.vocabulary.resolve("role", title)
            if role.known:  # "the minister said": the article's defence minister, by the scheme's skos:broader
                holder = next((p.text("holder") for p in reversed(posts_found) if p.text("role") == role.slug
                               or article.vocabulary.is_narrower("role", p.text("role"), role.slug)), None)
                if holder:
                    return holder, None, f"'{words.text}' is taken for {holder}, who holds that post in the article; check it"
            named = [m for t in words if (m := article.linked.at(t.i)) is not None]
            states = [m for m in named if m.label in ("STATE", "NORP", "GOV")]
            state = (states[0].ref if states and states[0].label != "GOV"
                     else article.linked.entities[states[0].ref].part_of if states else None)
            # "a senior official of the ECOWAS Commission said": the organization speaks, when no state does
            state = state or next((m.ref for m in named if m.label == "ORG"), None)
            official = subject.lower_ in cues.SPEAKING_BODIES or is_office_or_body(subject.text) or (
                state and subject.lower_ in cues.OFFICIAL_NOUNS) or role.known  # "the Prime Minister said"
            if official and (state or article.linked.main_state):
                return state or article.linked.main_state, words.text, None if state else (
                    f"'{words.text}' is taken for the article's main state, {article.linked.main_state}; check it")
    return None, None, None


def _last_person_before(context: Context) -> str | None:
    """The last person named before the sentence, within its paragraph or the one before."""
    earlier = [m for m in context.article.linked.mentions if m.label == "PERSON" and m.start < context.span.start
               and m.start not in context.article.quoted]
    return earlier[-1].ref if earlier else None


def events(context: Context, main_state: str | None, earlier: list[Candidate],
           earlier_facts: list[Candidate] = ()) -> list[Candidate]:
    """An announcement, a pledge, a visit, a meeting... that the sentence dates or places at a
    venue: the date or the venue belongs to the event's word ("announced on 3 September", "the
    pledge was made at a summit in early May"), not to another verb of the sentence ("have pledged
    to send police, officials said on 3 February"). A verb by which a state pledges personnel is the
    deployment's status, not an event; "today" is the day of the dateline."""
    article = context.article
    doc = context.span.doc
    venues = [m for m in context.mentions("ORG", "GOV") if "at" in (
        doc[max(context.span.start, m.start - 1)].lower_,
        doc[max(context.span.start, m.start - 2)].lower_ if doc[m.start - 1].lower_ == "the" else "")]
    for hit in context.hits({**cues.EVENT_CUES, **article.vocabulary.phrases("event-kind")}):
        cue = doc[hit.end - 1]
        if (cue.pos_ == "VERB") != (cue.lemma_ in cues.EVENT_VERBS):
            continue  # "pledged" a verb, "visit" a noun of something else than an event
        dates = [d for d in context.dates() if _belongs_to(cue, doc[d.start:d.end])] or context.label_dates() or \
            _dated_today(context, cue)
        places = [v for v in venues if _belongs_to(cue, doc[v.start:v.end])]
        if not dates and not places:
            continue
        kind = article.vocabulary.resolve("event-kind", hit.term, hit.text)
        if kind.slug in cues.EVENTS_TOLD_OTHERWISE:
            continue
        if hit.start > context.span.start and doc[hit.start - 1].lower_ in ("the", "this", "that") and any(
                e.text("event_kind") == kind.slug for e in earlier):
            continue  # "The announcement follows talks...": the announcement already told
        flags = [] if kind.known else [unknown_term(kind, article)]
        agent, inferred = _agent(context, cue, main_state)
        if agent is None and not inferred:
            continue  # "Commanders of the mission met": the sentence does not name who acted
        told = _told_before(context, hit, earlier_facts) if inferred else None
        if told:
            agent, inferred = told, False
        if inferred:
            flags.append(f"the sentence names no one who acted; 'agent:' is the article's main state, {agent}")
        agent_label = article.linked.entities[agent].label if agent in article.linked.entities else ""
        fields: dict = {"event_kind": kind, "label": f"{agent_label}'s {hit.term}".strip("'s ").strip() or hit.term}
        if agent:
            fields["agent"] = agent
        if context.mission:
            fields["mission"] = context.mission
        if dates:
            date = next((d for d in dates if d.iso), dates[0])
            dated, told_year = with_reports_year(date, article.report_date)
            if dated is None:
                fields["date_text"] = date.text
            else:
                fields["date"] = dated.iso
                flags += told_year
        place = _place_name(context)
        if place:
            fields["place"] = place
        if places:
            fields["venue"] = places[0].ref
        return [Candidate("event", fields, context.sentence, f"event.{slug(hit.term)}-with-time",
                          0.6 if inferred else 0.8, flags)]
    return []


def _belongs_to(cue, words) -> bool:
    """Whether ``words`` depend on the event's word, or on the verb whose subject, object or
    occasion it is."""
    verb = _verb_of(cue)
    owners = {cue.i} | ({verb.i} if verb is not None and verb.i != cue.i else set())
    return any(owners & {a.i for a in token.ancestors} for token in words)


def _verb_of(cue):
    """The event's own verb, or the verb whose subject or object it is, or whose occasion it is
    ("told police officers at a farewell parade in Nairobi on Friday")."""
    if cue.pos_ == "VERB":
        return cue
    if cue.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return cue.head
    if cue.dep_ == "pobj" and cue.head.lower_ in ("at", "during") and cue.head.head.pos_ == "VERB":
        return cue.head.head
    return None


def _dated_today(context: Context, cue) -> list:
    """"The Government of Kenya today announced": the dateline's date. So is the date of a meeting
    the dateline's sentence places ("DAKAR, 12 November 2025 — The head of the mission briefed
    ministers in Dakar", "... at their summit in Georgetown"): a report told on the day."""
    filed = [d for d in context.dates(True) if d.start < cue.i][:1]
    if any(child.lower_ == "today" for child in cue.children):
        return filed
    in_dateline = [d for d in filed if d.end <= context.dateline_end() and d.precision == "day"]
    placed = cue.lemma_ in cues.MEETING_WORDS and _place_name(context) is not None
    return in_dateline if placed else []


def _told_before(context: Context, hit: Hit, facts: list[Candidate]) -> str | None:
    """"The pledge was made at a summit": the state whose pledge the sentence before told."""
    doc = context.span.doc
    if hit.start == context.span.start or doc[hit.start - 1].lower_ not in ("the", "this", "that"):
        return None
    before = [f for f in facts if f.kind == "deployment" and f.sentence.end <= context.sentence.start
              and hit.term in f.text("status")]
    return before[-1].text("state") if before else None


def _agent(context: Context, cue, main_state: str | None) -> tuple[str | None, bool]:
    """Who acted: the person (else the state or organization) the subject of the event's word
    names (or of the verb it is the subject or object of), or the agent of a passive ("was made by
    Angola"): a state's body stands for its state, an unnamed office or body ("the ministry") for the
    article's main state, and None when the subject names no one; without a subject, the first person or state
    named, else the article's main state (``True``: inferred)."""
    holder = _organization_holding(context, cue)
    if holder is not None:
        return holder, False
    verb = _verb_of(cue)
    if verb is not None:
        actors = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"] or [
            c for c in verb.children if c.dep_ == "nsubj"]
        for actor in (actor for actor in actors if _names_someone(context, actor)):
            named = sorted((m for t in actor.subtree if (m := context.article.linked.at(t.i)) is not None
                            and m.label in ("PERSON", "STATE", "NORP", "ORG", "GOV") and t.i not in context.article.quoted),
                           key=lambda m: (m.label != "PERSON", abs(m.start - actor.i)))
            if named:
                entity = context.article.linked.entities[named[0].ref]
                return (entity.part_of if named[0].label == "GOV" and entity.part_of else named[0].ref), False
        if any(is_office_or_body(" ".join(t.text for t in actor.subtree if not _in_a_mission(context, t)))
               for actor in actors):  # not "Commanders of the Multinational Security Support Mission"
            return main_state, main_state is not None  # "the Ministry of Defence announced"
        if actors:
            return None, False
    bodies = context.mentions("ORG")
    if bodies and cue.lemma_.lower() in cues.MEETING_WORDS:  # "Forum leaders, meeting in Honiara, endorse ..."
        return bodies[0].ref, False
    people = context.mentions("PERSON")
    if people:
        return people[0].ref, False
    states = [m for m in context.mentions("STATE")
              if not m.start or context.span.doc[m.start - 1].lower_ not in ("in", "to", "by")]
    if states:
        return states[0].ref, False
    return main_state, main_state is not None


def _organization_holding(context: Context, cue) -> str | None:
    """"The Forty-Ninth Regular Meeting of the Conference of Heads of Government of the Caribbean
    Community was held in Basseterre", "The SADC Summit, meeting in Antananarivo": the
    organization the event's noun names as its own (not one of its venue, "in", "at")."""
    if cue.pos_ == "VERB":
        return None
    venue = {t.i for c in cue.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for t in c.subtree}
    named = [m for t in cue.subtree if t.i not in venue and (m := context.article.linked.at(t.i)) is not None
             and m.label == "ORG"]
    return named[0].ref if named else None


def _in_a_mission(context: Context, token) -> bool:
    mention = context.article.linked.at(token.i)
    return mention is not None and mention.label == "MISSION"


def _names_someone(context: Context, phrase) -> bool:
    return any((m := context.article.linked.at(t.i)) is not None and m.label != "MISSION" for t in phrase.subtree)


def _place_name(context: Context) -> str | None:
    """"in Washington, D.C.": capitalised words after "in" that name no entity and no date."""
    doc = context.span.doc
    dated = {i for d in context.dates() for i in range(d.start, d.end)}
    for token in context.words():
        if token.lower_ != "in" or token.i + 1 >= context.span.end:
            continue
        end = token.i + 1
        while end < context.span.end and (doc[end].is_title or doc[end].is_upper or (
                doc[end].text == "," and end + 1 < context.span.end and doc[end + 1].is_title) or (
                end > token.i + 1 and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end].is_alpha))):
            end += 1  # "Port-au-Prince": the words of a name joined by hyphens
        words = doc[token.i + 1: end]
        if len(words) and not any(i in dated or context.article.linked.at(i) for i in range(words.start, words.end)):
            return words.text
    return None
