"""Rules for who joined, by which instrument, and what the article claims about the coalition:
names and acronyms, instruments (resolutions, adhesions, signatures, ratifications...),
memberships, ordinal claims ("the first to join") and count claims ("five countries")."""

from __future__ import annotations

from itertools import pairwise

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Article, Context, Hit
from coalition_kg.curation.propose.dates import WEEKDAYS, in_the_year, with_reports_year
from coalition_kg.curation.propose.entities import Mention, acronyms_in_words
from coalition_kg.curation.propose.numbers import cardinal, ordinal, ordinal_at
from coalition_kg.curation.propose.reference import missions_in_states
from coalition_kg.curation.propose.rules.clauses import governing_verb, hypothetical, negated
from coalition_kg.curation.propose.rules.common import distinct, listed_after, listed_before, unknown_term
from coalition_kg.curation.propose.rules.forces import acting_states, actors, as_state, states_of_phrase
from coalition_kg.curation.propose.vocabulary import Term


def names(article: Article, contexts: list[Context]) -> list[Candidate]:
    """"The Caribbean Community (CARICOM)": the entity is also called CARICOM; so is a mission by
    any other name of its own the article uses ("the MMAS")."""
    found = []
    for ref, acronym, token in article.linked.acronyms:
        context = next(c for c in contexts if c.span.start <= token < c.span.end)
        entity = article.linked.entities[ref]
        if acronym == entity.label or entity.kind == "state":
            continue  # "Haiti (AP)", "the Armed Forces of Liberia (AFL)": a state is not called by such letters
        found.append(Candidate("name", {"entity": ref, "label": acronym}, context.sentence, "name.acronym-in-brackets",
                               0.95 if not entity.new else 0.85))
    said = dict(acronyms_in_words(article.linked.doc))
    for context in contexts:
        for mention in context.mentions("MISSION"):
            entity = article.linked.entities[mention.ref]
            proper = mention.text.split()[0].lower() not in cues.MISSION_DETERMINERS
            if proper and mention.text != entity.label and not entity.label.startswith(f"{mention.text} in "):
                # "the MMAS, as Haitians call it": a name it goes by; not its name without its place
                called = _called(context.span.doc, mention.start)
                found.append(Candidate("name", {"entity": mention.ref, "label": mention.text}, context.sentence,
                                       "name.called-in-words" if called else "name.used", 0.8 if called else 0.6))
        for i, acronym in said.items():  # "people call the force by its French initials, MMAS"
            if context.span.start <= i < context.span.end and context.mission and article.linked.at(i + 1) is None \
                    and article.linked.at(i + 2) is None:
                found.append(Candidate("name", {"entity": context.mission, "label": acronym}, context.sentence,
                                       "name.called-in-words", 0.7))
    return found


def _called(doc, start: int) -> bool:
    """"known by its French initials, MMAS", "the force Haitians call the MMAS", "it is called the
    Mission multinationale ...": words before a mission's name that give it as a name."""
    before = [t.lower_ for t in doc[max(start - 3, 0): start] if t.lower_ not in ("the", ",", "its")]
    return bool(before) and (before[-1] in cues.CALLING_WORDS or before[-2:] == ["known", "as"])


def instruments(context: Context, earlier: list[Candidate] = ()) -> list[Candidate]:
    """Resolutions by number, and instruments named by their kind or by a verb ("ratified")."""
    found = _resolutions(context, earlier)
    hits = [hit for hit in context.hits(_instrument_cues(context)) + _agreements_on_status(context)
            if not _hypothetical(context, hit) and not _signs_something_else(context, hit)]
    nouns = [hit for hit in hits if hit.term in cues.INSTRUMENT_NOUN_TERMS or _is_label(context, hit)]
    for hit in nouns or hits:
        if "resolution" in hit.term.lower() or (not nouns and _refers_back(context, hit, earlier)):
            continue
        ratified = "ratification" if _ratified(context, hit) else None
        parties = _parties(context, hit)
        for party, date in zip(parties, _shared_date([_date_after(context, hit.end, p) for p in parties])):
            found.append(_instrument(context, hit, party, date, ratified))
    found += _followers(context, found)
    found += _acts_of_state_bodies(context)
    found += _mandate_renewals(context)
    found += _founding_decisions(context)
    found += _numbered_acts(context)
    return found


def _agreements_on_status(context: Context) -> list[Hit]:
    """"the Agreement between the Government of Haiti and the Government of Uruguay on the Status of
    Uruguayan Personnel", "an agreement concerning the status of Guatemalan military personnel": an
    agreement on the status of a state's personnel is a status-of-forces agreement, whatever its title."""
    doc = context.span.doc
    found = []
    for word in context.words():
        if word.lower_ not in ("agreement", "accord"):
            continue
        after = doc[word.i + 1: min(word.i + 40, context.span.end)]
        end = next((t.i for t in after if t.text in (";", ".") or t.pos_ == "VERB"), after.end)
        if any(t.lower_ == "status" and t.i + 1 < end and doc[t.i + 1].lower_ == "of"
               and (doc[t.i - 1].lower_ in cues.ABOUT_WORDS or doc[t.i - 1].lower_ == "the"
                    and doc[t.i - 2].lower_ in cues.ABOUT_WORDS) for t in doc[word.i + 1: end]):
            found.append(Hit(word.i, word.i + 1, "status-of-forces agreement", word.text))
    return found


def _numbered_acts(context: Context) -> list[Candidate]:
    """"DECREE No. 2026-1874 of 30 November 2026 authorising the engagement of ... within the
    Mission", "Law No. 2026-31 of 12 November 2026": a state's act by its number, when the
    sentence concerns the mission; the state is the one the sentence names, else the main state (a
    description is no name: "by the President of the Republic in Decree No. 12.077" is the main
    state's act, whichever state was named last)."""
    doc = context.span.doc
    article = context.article
    if not context.mission or not any(t.lower_ in cues.PARTICIPATION_WORDS for t in context.words()):
        return []
    found = []
    for word in context.words():
        term = cues.NUMBERED_ACTS.get(f"{doc[word.i - 1].lower_} {word.lower_}") or cues.NUMBERED_ACTS.get(word.lower_)
        number = _number_after(doc, word.i + 1, context.span.end) if term else None
        if number is None:
            continue
        words, end = number
        named = [m for m in context.mentions("STATE", "NORP") if not m.described
                 and not article.linked.hosts(as_state(context, m).ref, context.mission)]
        state = as_state(context, named[0]).ref if named else article.linked.main_state
        if not state:
            continue
        date = next((d for d in context.dates() if d.start == end + 1 and doc[end].lower_ == "of"), None)
        label = _title_of_act(context, word, date.end if date is not None else end)
        found.append(_act_of_state(context, term, state, date, None if named else "the state whose act it is", words,
                                   label))
    return found


def _title_of_act(context: Context, word, end: int) -> str:
    """A numbered act's title, as curators label it: "Presidential Decree No. 187/39 of 21 July" (the
    capitalised words before the act's word, through its number and the date it is "of"), with a
    word in capitals written as a title ("DECREE No. 2025-417" -> "Decree No. 2025-417")."""
    doc = context.span.doc
    start = word.i
    while start > context.span.start and doc[start - 1].is_alpha and doc[start - 1].is_title and \
            doc[start - 1].lower_ != "the" and not context.article.linked.at(start - 1):
        start -= 1  # "Legislative Decree", "Supreme Decree"
    return "".join((t.text.title() if t.is_upper and t.is_alpha and len(t) > 2 else t.text) + t.whitespace_
                   for t in doc[start:end]).strip()


def _act_of_state(context: Context, term: str, state: str, date, unnamed: str | None, number: str = "",
                  label: str = "") -> Candidate:
    """A state's own instrument (a parliament's approval, a court's ruling, a decree); ``unnamed``
    says whose state the sentence leaves unnamed when ``state`` is the article's main state."""
    kind = context.article.vocabulary.resolve("instrument-kind", term)
    fields = {"instrument_kind": kind, "party": state, "mission": context.mission}
    if number:
        fields["number"] = number
    if label:
        fields["label"] = label
    flags = [f"the sentence does not name {unnamed}; 'party:' is the article's main state, {state}"] if unnamed else []
    flags += _date_of_act(context, date, fields)
    rule = f"instrument.{'numbered-' if number else ''}{kind.slug}"
    return Candidate("instrument", fields, context.sentence, rule, 0.6 if unnamed else 0.8, flags, rank=2)


def _number_after(doc, start: int, limit: int) -> tuple[str, int] | None:
    """"No. 2026-1874" from ``start``: the number's words without spaces, and where they end."""
    i = start
    if i < limit and doc[i].lower_ in ("no", "no.", "n°", "nr"):
        i += 1 + (i + 1 < limit and doc[i + 1].text == ".")
    else:
        return None
    end = i
    while end < limit and end - i < 5 and (any(c.isdigit() for c in doc[end].text) or doc[end].text in ("-", "/")):
        end += 1
    words = doc[i:end].text.replace(" ", "")
    return (words, end) if any(c.isdigit() for c in words) else None


RENEWAL_RULE = "instrument.mandate-renewed-by"
FOUNDING_RULE = "instrument.founding-decision"


def _shared_date(dates: list) -> list:
    """The parties of one act signed it on one date: one found for some, and no other, is all of
    theirs ("the Government of Malawi and SADC signed, on Tuesday, 31st May 2033, a memorandum")."""
    found = {d.start: d for d in dates if d is not None}
    return [next(iter(found.values()))] * len(dates) if len(found) == 1 else dates


def _mandate_renewals(context: Context) -> list[Candidate]:
    """"The ECOWAS Authority extended the mandate of the SSMGB", "The Authority decides to extend
    the mandate", "renewed by the Security Council on 30 September 2025": the organization that
    extends a mission's mandate, by the verb's subject or agent."""
    doc = context.span.doc
    found = []
    for verb in context.words():
        if verb.pos_ != "VERB" or verb.lemma_ not in cues.RENEWING_VERBS or negated(verb) or hypothetical(verb):
            continue
        mandates = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in cues.MANDATE_NOUNS]
        if not mandates:
            continue
        body = next((m for m in actors(context, verb) if m.kind == "international-organization"), None) or (
            _issuing_body(context, verb))
        if body is None:
            continue
        missions = [m for t in mandates[0].subtree if (m := context.article.linked.at(t.i)) is not None
                    and m.label == "MISSION"]
        mission = missions[0].ref if missions else context.mission
        if not mission:
            continue
        label = context.article.linked.entities[body.ref].label.lower()
        # A body that acts by resolutions extends a mandate by one: "the Security Council renewed the Mission's authorisation".
        term = next((term for words, term in cues.RESOLUTION_BODIES.items() if words in label), "mandate extension")
        if term != "mandate extension" and _names_a_resolution(context):
            continue  # "renewed the authorization ... by resolution 2863": that resolution is the act
        fields = {"instrument_kind": context.article.vocabulary.resolve("instrument-kind", term), "party": body.ref,
                  "mission": mission}
        date = _date_of_verb(context, verb.i) or next(
            (d for d in context.dates(True) if not _an_end(doc, d)), None)  # "9 September 2026 — ... extends"
        found.append(Candidate("instrument", fields, context.sentence, RENEWAL_RULE, 0.8,
                               _date_of_act(context, date, fields), rank=2))
    return found


def _founding_decisions(context: Context) -> list[Candidate]:
    """"The ECOWAS Mediation and Security Council authorised the mission on 23 June 2027", "The
    RPSM was authorised by the African Union Peace and Security Council on 12 January 2029": an
    organization's dated decision that authorises or founds a mission, an instrument of no kind of
    the scheme (a numbered resolution is read as such)."""
    if _names_a_resolution(context):
        return []
    found = []
    for verb in context.words():
        if verb.pos_ != "VERB" or not _founds(verb) or negated(verb) or hypothetical(verb) or not _done_to_a_mission(
                context, verb):
            continue
        body = next((m for m in actors(context, verb) if m.kind == "international-organization"), None)
        date = _date_of_verb(context, verb.i)
        if body is None or date is None or date.precision != "day" or not context.mission:
            continue  # "which SADC set up in 2028": the mission's background, not a decision told
        fields = {"party": body.ref, "mission": context.mission}
        flags = ["the decision is of no instrument kind of the scheme: check whether one fits"]
        found.append(Candidate("instrument", fields, context.sentence, FOUNDING_RULE, 0.7,
                               flags + _date_of_act(context, date, fields), rank=2))
    return found


def _founds(verb) -> bool:
    """"authorised", "established", "created", "set up"."""
    return verb.lemma_.lower() in cues.FOUNDING_DECISION_VERBS or (
        verb.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))


def _names_a_resolution(context: Context) -> bool:
    return any(word.lower_ == "resolution" and following.like_num for word, following in pairwise(context.words()))


def _issuing_body(context: Context, verb) -> Mention | None:
    """"The Authority decides to extend the mandate", "2. Decides to renew the mandate": a
    communiqué's body, by a word of its name (not the name of another body of the register) or in
    its own voice, is the organization named last before the sentence."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subject = subjects[0]
        if not (subject.is_title and subject.pos_ in ("NOUN", "PROPN") and context.article.linked.at(subject.i) is None
                and any(c.lower_ == "the" for c in subject.children)):
            return None
        words = " ".join(t.lower_ for t in subject.subtree if t.i == subject.i or (t.dep_ == "compound" and t.i < subject.i))
        if any(words in e.label.lower() for e in context.article.linked.entities.values()):
            return None  # "The Security Council has renewed ...": a body of the register's, by its own name
    elif node.dep_ != "ROOT":
        return None
    named = [m for m in context.article.linked.mentions if m.kind == "international-organization"
             and m.start < context.span.start and m.start not in context.article.quoted]
    return named[-1] if named else None


def _hypothetical(context: Context, hit: Hit) -> bool:
    """"once the agreement was signed", "if parliament approves": not an act done."""
    doc = context.span.doc
    verb = doc[hit.start] if doc[hit.start].pos_ in ("VERB", "AUX") else governing_verb(doc[hit.end - 1])
    return verb is not None and (negated(verb) or hypothetical(verb))


def _signs_something_else(context: Context, hit: Hit) -> bool:
    """"signed a memorandum", "the presidential decree, signed on 12 June": what is signed is not
    the mission's agreement (an instrument of its own has a cue of its own); nor is a document's
    own signature line ("(Signed) Dr. Aimable Mugisha", "Signed: Rodrigo Ayala, President")."""
    doc = context.span.doc
    verb = doc[hit.start]
    if hit.term != "signature":
        return False
    heads_its_sentence = all(t.is_punct for t in doc[context.span.start:hit.start])
    if heads_its_sentence and (verb.dep_ == "ROOT" or verb.pos_ != "VERB") and not any(
            c.dep_.startswith("nsubj") for c in verb.children):
        return True  # not "Signed in Nassau, the agreement makes the Bahamas a member"
    if verb.pos_ != "VERB":
        return False
    signed = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    return any(noun.lower_ in cues.SIGNED_OTHER_NOUNS for noun in signed)


def _refers_back(context: Context, hit: Hit, earlier: list[Candidate]) -> bool:
    """"The agreement was signed at State House": "the agreement" is one an earlier sentence
    named as an instrument of its own (a status-of-forces agreement, a memorandum)."""
    doc = context.span.doc
    verb = doc[hit.start]
    if verb.pos_ != "VERB":
        return False
    nouns = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lower_ in cues.AGREEMENT_NOUNS
             and any(d.lower_ in ("the", "this", "that") for d in c.children)]
    return bool(nouns) and any(c.kind == "instrument" and c.text("instrument_kind") in cues.INSTRUMENT_NOUN_SLUGS
                               and c.sentence.start < context.sentence.start for c in earlier)


def _acts_of_state_bodies(context: Context) -> list[Candidate]:
    """"The House of Representatives approved the deployment", "Kenya's High Court ruled that the
    deployment could go ahead", "the Cabinet approved the deployment": a parliament's approval, a
    court's ruling or a cabinet's decree on the state's part in the mission; the state is the one
    the subject names, else the article's main state."""
    article = context.article
    found = []
    for verb in context.words():
        if verb.pos_ != "VERB" or negated(verb) or hypothetical(verb):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            words = [t.lower_ for t in subject.subtree]
            body = next((kind for nouns, kind in cues.STATE_BODY_ACTS.items()
                         if subject.lower_ in nouns and verb.lemma_ in cues.STATE_BODY_VERBS[kind]), None)
            if body is None:
                continue
            objects = [t for c in verb.children if c.i != subject.i for t in c.subtree]
            if not any(t.lower_ in cues.PARTICIPATION_WORDS or ((m := article.linked.at(t.i)) is not None
                                                                 and m.label == "MISSION") for t in objects):
                continue
            named = _states_of_body(context, subject)
            state = named[0].ref if named else article.linked.main_state
            if not state or not context.mission or "ratified" in words:
                continue
            date = _date_of_verb(context, verb.i) or next((d for d in context.dates() if d.iso), None)
            found.append(_act_of_state(context, body, state, date, None if named else f"the {subject.text}'s state"))
    return found + _assents_of_state_bodies(context)


def _assents_of_state_bodies(context: Context) -> list[Candidate]:
    """"following the approval of the National Assembly in February", "Parliament gave its consent
    on 29 June", "the approval given by the National Assembly on 11 June": a body's assent, told as
    a noun, in a sentence about the state's part in the mission."""
    article = context.article
    concerned = context.names_mission() or any(t.lower_ in cues.PARTICIPATION_WORDS for t in context.words())
    if not context.mission or not concerned:
        return []
    found = []
    for noun in context.words():
        if noun.lower_ not in cues.ASSENT_NOUNS or negated(noun.head) or hypothetical(noun.head):
            continue
        body = _assenting_body(noun)
        kind = next((kind for nouns, kind in cues.STATE_BODY_ACTS.items() if body is not None and body.lower_ in nouns
                     and kind in cues.ASSENTING_KINDS), None)
        if kind is None:
            continue
        named = _states_of_body(context, body)
        state = named[0].ref if named else article.linked.main_state
        if not state:
            continue
        date = _date_of_noun(context, noun) or _date_of_verb(context, noun.i)
        found.append(_act_of_state(context, kind, state, date, None if named else f"the {body.text}'s state"))
    return found


def _states_of_body(context: Context, body) -> list[Mention]:
    """The states a body's phrase names ("Kenya's High Court"), or that its "whose" refers to
    ("Ecuador, whose National Assembly approved")."""
    whose = next((child for child in body.children if child.lower_ == "whose"), None)
    if whose is not None:
        return [as_state(context, m) for m in listed_before(context, whose.i)]
    return [m for t in body.subtree if (m := context.article.linked.at(t.i)) is not None and m.kind == "state"]


def _assenting_body(noun):
    """The body whose assent ``noun`` is: "the approval of/by X", "X's approval", "the approval
    given by X", "X gave its approval"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "by"):
            return next((t for t in child.children if t.dep_ == "pobj"), None)
        if child.dep_ == "poss" and child.lower_ not in ("its", "their"):
            return child
        if child.dep_ == "acl":
            agent = next((t for t in child.children if t.dep_ == "agent"), None)
            return next((t for t in agent.children if t.dep_ == "pobj"), None) if agent is not None else None
    if noun.dep_ == "dobj" and noun.head.lemma_ == "give":
        return next((t for t in noun.head.children if t.dep_ == "nsubj"), None)
    return None


def _date_of_noun(context: Context, noun):
    """The date (with a year first) among the words ``noun`` governs: "the approval ... on 11 June 2026"."""
    inside = {t.i for t in noun.subtree}
    dated = [d for d in context.dates() if d.end - 1 in inside]
    return next((d for d in dated if d.iso), None) or next(iter(dated), None)


def _instrument_cues(context: Context) -> dict[str, str]:
    return {**cues.INSTRUMENT_CUES, **context.article.vocabulary.phrases("instrument-kind")}


def _is_label(context: Context, hit: Hit) -> bool:
    return hit.term in context.article.vocabulary.phrases("instrument-kind") and " " in hit.term


#: Words between parties listed together: "Grenada and the Government of the Republic of Haiti".
_LISTING_PARTIES = ("and", ",", "the", "government", "of", "republic")


def _parties(context: Context, hit: Hit) -> list[Mention]:
    """The states that sign or ratify: those named before the cue in its clause, else the first after."""
    hosts = {token for _, _, token in missions_in_states(context.span.doc, context.mentions())}
    joining = hit.term.lower() in cues.JOINING_TERMS
    states = [m for m in context.mentions("STATE") if m.end <= hit.start and m.start not in hosts
              and not (joining and context.article.linked.hosts(m.ref, context.mission))]
    clause = [m for m in states if not any(context.span.doc[i].text in (";",) for i in range(m.end, hit.start))]
    signatories = [] if joining else _other_signatories(context, hit)
    if clause:
        last = clause[-1]
        together = [m for m in clause if all(context.span.doc[i].lower_ in _LISTING_PARTIES or context.span.doc[i].is_space
                                             or any(o.start <= i < o.end for o in clause)
                                             for i in range(m.end, last.start))]
        return distinct(together + signatories)
    after = [m for m in context.mentions("STATE") if m.start >= hit.end and m.start not in hosts]
    return signatories or after[:1]


def _other_signatories(context: Context, hit: Hit) -> list[Mention]:
    """"an agreement between the Government of Haiti and the Government of Benin", "signed a
    status-of-forces agreement with the African Union": the parties an agreement names after
    "between" or "with", states (or their governments) and organizations."""
    doc = context.span.doc
    word = next((t for t in doc[hit.end: min(hit.end + 3, context.span.end)] if t.lower_ in ("between", "with")), None)
    if word is None:
        cue = doc[hit.start: hit.end].root  # "memorandum" of "memorandum of understanding"
        word = next((c for c in cue.head.children if c.lower_ == "with" and c.i > cue.i), None) if cue.dep_ == "dobj" \
            else None  # "signed a status-of-forces agreement with the African Union"
        participles = [c for c in cue.children if c.dep_ == "acl" and c.lemma_ in cues.SIGNING_VERBS]
        word = word or next((c for verb in participles for c in verb.children if c.lower_ in ("between", "with")),
                            None)  # "a memorandum of understanding signed in Abuja on 2 December between ..."
    if word is None:
        return []
    found = []
    for head in (t for t in word.children if t.dep_ == "pobj"):
        for mention in states_of_phrase(context, head) + [
                m for t in head.subtree if (m := context.article.linked.at(t.i)) is not None and m.label == "ORG"]:
            found.append(mention if mention.label in ("ORG", "STATE") else as_state(context, mention))
    return distinct([m for m in found if m.ref])


def _date_of_act(context: Context, date, fields: dict) -> list[str]:
    """Sets ``fields["date"]`` to the act's date; a date without a year ("on 7 May") is the latest
    such date on or before the report's own date, flagged. Returns the flags."""
    if date is None:
        return []
    dated, told_year = with_reports_year(date, context.article.report_date)
    if dated is None:
        return [f"the date '{date.text}' has no year; it is left out (an instrument has no date_text)"]
    fields["date"] = dated.iso
    return told_year


def _date_after(context: Context, token: int, party: Mention):
    """The date of the act the cue names: the one its verb governs ("deposited its instrument ...
    on 17 February", "Haiti and Benin on Thursday, 6 November 2025, signed an agreement"); else
    the first dated words after the cue (or else anywhere in the sentence), before another state."""
    return _date_of_verb(context, token - 1) or _date_nearby(context, token, party)


def _date_of_verb(context: Context, token: int):
    """The date (with a year first) whose words the verb governing ``token`` governs itself."""
    doc = context.span.doc
    verb = doc[token] if doc[token].pos_ in ("VERB", "AUX") else governing_verb(doc[token])
    if verb is None:
        return None
    dated = [d for d in context.dates() if d.start >= context.dateline_end() and not _an_end(doc, d)
             and _governed_by(governing_verb(doc[d.end - 1]), verb)]
    written = [d for d in dated if d.text not in WEEKDAYS]  # "on Tuesday, 9 September 2025": the date written out
    return next((d for d in written + dated if d.iso), None) or next(iter(dated), None)


def _governed_by(word, verb) -> bool:
    """The verb itself, or a participle that only sets its scene ("Meeting in Maputo on Tuesday,
    the Summit extended ..."), not a clause of another act ("after parliament approved it")."""
    return word == verb or (word is not None and word.dep_ == "advcl" and word.head == verb
                            and word.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in word.children))


def _date_nearby(context: Context, token: int, party: Mention):
    others = [m.start for m in context.mentions("STATE") if m.start > token and m.ref != party.ref]
    limit = min(others) if others else context.span.end
    dates = [d for d in context.dates() if token <= d.start < limit] or (
        [d for d in context.dates() if d.start < token] if len(context.dates()) == 1 else [])
    return dates[0] if dates else None


def _instrument(context: Context, hit: Hit, party: Mention, date, term: str | None = None) -> Candidate:
    article = context.article
    kind = article.vocabulary.resolve("instrument-kind", term or hit.term, hit.text)  # term first: its slug
    fields = {"instrument_kind": kind, "party": party.ref, "mission": context.mission or ""}
    flags = [] if kind.known else [unknown_term(kind, article)]
    confidence = 0.8 if date is None else 0.9 if date.iso else 0.75
    flags += _date_of_act(context, date, fields)
    if not context.mission:
        flags.append("the article names no mission of the register; 'mission:' is left empty")
    return Candidate("instrument", fields, context.sentence, f"instrument.{kind.slug}", confidence, flags, rank=2)


def _ratified(context: Context, hit: Hit) -> bool:
    """"Zambia ratified the Memorandum of Understanding", "its instrument of ratification of the
    Memorandum": what the sentence records of an agreement is its ratification."""
    if hit.term not in cues.INSTRUMENT_NOUN_TERMS:
        return False
    doc = context.span.doc
    before = [t.lower_ for t in doc[max(hit.start - 3, context.span.start): hit.start]]
    verb = governing_verb(doc[hit.start])
    return "ratification" in before or (verb is not None and verb.lemma_ == "ratify" and doc[hit.start].head == verb)


def _followers(context: Context, instruments: list[Candidate]) -> list[Candidate]:
    """"..., followed shortly by the Bahamas on September 26, 2024": a join of unstated kind."""
    joining = [c for c in instruments if c.text("instrument_kind") and joins(c)]
    if not joining:
        return []
    parties = {c.fields["party"] for c in instruments}
    found = []
    words = [t for t in context.words() if t.lower_ in cues.FOLLOW_WORDS]
    for word in words:
        later = [m for m in context.mentions("STATE") if m.start > word.i and m.ref not in parties]
        if not later:  # "...; Ghana followed in May"
            later = [m for m in context.mentions("STATE") if m.end == word.i and m.ref not in parties]
        if not later:
            continue
        date = _date_after(context, later[0].end, later[0])
        if date is None:
            continue
        fields = {"party": later[0].ref, "mission": context.mission or ""}
        if date.iso:
            fields["date"] = date.iso
        found.append(Candidate("instrument", fields, context.sentence, "instrument.followed-by", 0.7,
                               [("the sentence does not say by which instrument it joined; "
                                "'instrument_kind:' is left out")], rank=2))
        parties.add(later[0].ref)
    return found


def joins(candidate: Candidate) -> bool:
    """An instrument by which a state joins: of a joining kind, or of a kind the source leaves
    unsaid (not an organization's decision that founds the mission)."""
    kind = candidate.fields.get("instrument_kind")
    if isinstance(kind, Term):
        return kind.words.lower() in cues.JOINING_TERMS
    return candidate.rule != FOUNDING_RULE


def _resolutions(context: Context, earlier: list[Candidate] = ()) -> list[Candidate]:
    """"UN Security Council Resolution 2699 (2023)"; a resolution whose sentence names no body is
    the body's that adopted the article's resolution before ("The mission was first authorized
    by resolution 2699"), else the one the graph gives for that number."""
    found = []
    doc = context.span.doc
    for token in context.words():
        if token.lower_ != "resolution" or token.i + 1 >= context.span.end or not doc[token.i + 1].like_num:
            continue
        number = doc[token.i + 1].text
        before = doc[max(context.span.start, token.i - 4): token.i]
        body = next((term for words, term in cues.RESOLUTION_BODIES.items()
                     if words in before.text.lower() or words in context.span.text.lower()), "resolution")
        parties = [m for m in context.mentions("ORG", "GOV") if m.end == token.i]
        start = parties[0].start if parties else token.i
        parties = parties or [m for m in context.mentions("ORG") if body != "resolution" and any(
            words in context.article.linked.entities[m.ref].label.lower() for words in cues.RESOLUTION_BODIES
            if cues.RESOLUTION_BODIES[words] == body)]
        party = parties[0].ref if parties else _body_of(context, body)
        inherited = None
        if body == "resolution":
            inherited = _resolution_before(context, number, earlier)
            if inherited:
                body, party = inherited
        end = token.i + 2
        date = next((d for d in context.dates(True) if d.start in (end, end + 1)), None)
        if date is not None:
            end = date.end + (1 if date.end < len(doc) and doc[date.end].text == ")" else 0)
        adopted = [d for d in context.dates(True) if d.precision == "day" and not _an_end(doc, d)]
        date = adopted[0] if adopted else date or next(iter(context.dates(True)), None)
        partial = next((d for d in context.dates(False) if not _an_end(doc, d)), None)
        if date is not None and date.precision == "year" and partial is not None:
            date = in_the_year(partial, int(date.iso)) or date  # "On 30 September ... resolution 2863 (2027)"
        kind = context.article.vocabulary.resolve("instrument-kind", body)
        fields = {"instrument_kind": kind, "label": doc[start:end].text, "number": number}
        flags = [] if kind.known else [unknown_term(kind, context.article)]
        if party:
            fields["party"] = party
        else:
            flags.append("the sentence names no register body that adopted it; 'party:' is left empty")
        if inherited:
            flags.append(f"the sentence names no body; taken as {party}'s, as the article's or the graph's "
                         f"resolution before: check it")
        fields["mission"] = context.mission or ""
        if date is not None and date.iso:
            fields["date"] = date.iso
        found.append(Candidate("instrument", fields, context.sentence, "instrument.resolution-number",
                               0.9 if parties else 0.7 if party else 0.6, flags, rank=2))
    return found


def _an_end(doc, date) -> bool:
    """"extending until 2 October 2025", "to the end of February 2029", "with effect from 1 January
    2026": when something ends or takes effect, not when the text was adopted."""
    before = [token.lower_ for token in doc[max(date.start - 3, 0): date.start]]
    return bool(before) and (before[-1] in ("until", "till", "through", "to")
                             or before[-2:] in (["end", "of"], ["effect", "from"], ["effective", "from"]))


def _body_of(context: Context, body: str) -> str | None:
    """The register's body that adopts resolutions of this kind: "Security Council" is the UN's."""
    words = next((w for w, term in cues.RESOLUTION_BODIES.items() if term == body), None)
    matches = sorted(ref for ref, e in context.article.linked.entities.items()
                     if words and words in e.label.lower() and not e.new)
    return matches[0] if len(matches) == 1 else None


def _resolution_before(context: Context, number: str, earlier: list[Candidate]) -> tuple[str, str] | None:
    """(kind words, party) of the graph's resolution of this number, else of the article's last one."""
    for fact in context.article.known_facts:
        values = {name: value.text for name, value in fact.values.items()}
        if fact.kind == "instrument" and values.get("number") == number and values.get("party"):
            return values.get("instrument_kind", "resolution"), values["party"]
    before = [c for c in earlier if c.rule == "instrument.resolution-number" and c.text("party")]
    return (before[-1].text("instrument_kind"), before[-1].text("party")) if before else None


def memberships(context: Context, instruments: list[Candidate]) -> list[Candidate]:
    """A state joins: by a joining instrument, by a joining word ("joined", "contributors to"),
    or by having personnel in the mission ("includes personnel from Kenya, ...")."""
    article = context.article
    if not context.mission:
        return []
    found = []
    for instrument in instruments:
        if instrument.sentence is context.sentence and instrument.kind == "instrument" and joins(instrument):
            found.append(_membership(context, instrument.fields["party"], "membership.by-instrument", 0.9,
                                     instrument=instrument, rank=3))
    for verb in context.words():
        if verb.lemma_ in cues.SERVING_VERBS and verb.pos_ == "VERB" and not (negated(verb) or hypothetical(verb)):
            owners = _owners(context, verb)
            states = owners or [m for m in acting_states(context, verb) if m.label == "STATE"]
            for state in states if len(states) > 1 or owners else []:
                found.append(_membership(context, state.ref, "membership.serving-together", 0.75, rank=1))
    taking_part = [t.head for t in context.words()
                   if t.lower_ == "part" and t.dep_ == "dobj" and t.head.lemma_ == "take"]  # "has taken part in"
    for word in [t for t in context.words() if t.lower_ in cues.JOIN_WORDS]:
        for state in _listed_under_heading(context, word):
            found.append(_membership(context, state.ref, "membership.listed-as-members", 0.85, rank=2))
    for word in [t for t in context.words() if t.lower_ in cues.JOIN_WORDS] + taking_part:
        joined_other = [m for m in context.mentions("ORG") if 0 < m.start - word.i <= 3]
        if joined_other or not (context.names_mission() or word.lower_ in ("join", "joined")):
            continue
        verb = word if word.pos_ in ("VERB", "AUX") else governing_verb(word)
        if verb is not None and (negated(verb) or hypothetical(verb)):
            continue  # "If Brazil were to join the mission"
        for state in distinct(_joining_states(context, word) + _listed_after_its_clause(context, word)):
            found.append(_membership(context, state.ref, "membership.joining-word", 0.85,
                                     instrument=_signed_by(state.ref, context, instruments), rank=2))
    for word in context.words():
        if word.lemma_ in cues.FOUNDING_VERBS and word.pos_ == "VERB" and any(
                (m := article.linked.at(t.i)) is not None and m.label == "MISSION"
                for child in word.children if child.dep_ == "dobj" for t in child.subtree):
            for state in _founders(context, word):
                found.append(_membership(context, state.ref, "membership.founded-the-mission", 0.8, rank=1))
        if word.lemma_ == "lead" and word.pos_ == "VERB" and _done_to_a_mission(context, word):
            for state in _leaders(context, word):
                found.append(_membership(context, state.ref, "membership.leads-the-mission", 0.8, rank=1))
        if (leader := _leader_before_led(context, word) or _leadership_of_the_mission(context, word)) is not None:
            found.append(_membership(context, leader, "membership.leads-the-mission", 0.8, rank=1))
        if (leader := _lead_nation(context, word)) is not None:
            found.append(_membership(context, leader, "membership.lead-nation", 0.8, rank=1))
        if word.lower_ == "from" and word.i > context.span.start and context.span.doc[word.i - 1].lower_ in \
                cues.PERSONNEL_FROM and context.names_mission():
            for state in listed_after(context, word.i):
                found.append(_membership(context, state.ref, "membership.personnel-from", 0.8, rank=1))
        if word.lower_ == "alongside" and context.names_mission() and found:
            # "Senegal has taken part in the mission, alongside Nigeria and Ghana"
            for state in listed_after(context, word.i):
                found.append(_membership(context, state.ref, "membership.alongside-a-member", 0.75, rank=1))
    return found


def _listed_under_heading(context: Context, word) -> list[Mention]:
    """"Participating States (five): Nigeria, Senegal, Ghana", "five fellow participating States
    of the Mission — Kenya, The Bahamas, ...": the states listed after a heading of members."""
    doc = context.span.doc
    if word.i + 1 >= context.span.end or doc[word.i + 1].lower_ not in cues.MEMBER_NOUNS:
        return []
    mark = _list_mark(context, word.i + 2, word.i + 9)
    return listed_after(context, mark) if mark is not None else []


def _list_mark(context: Context, start: int, stop: int) -> int | None:
    """The first colon or dash that opens a list in tokens ``[start, stop)`` of the sentence."""
    return next((t.i for t in context.span.doc[start: min(stop, context.span.end)]
                 if t.text in ("—", "–") or t.text.endswith(":")), None)  # the tokenizer may give "):"


def _leader_before_led(context: Context, word) -> str | None:
    """"the Kenyan-led mission", "the mission's Kenyan-led police component": the state that
    leads the mission or a part of it."""
    doc = context.span.doc
    if word.lower_ != "led" or word.i - 2 < context.span.start or doc[word.i - 1].text != "-":
        return None
    mention = context.article.linked.at(word.i - 2)
    if mention is None or mention.label not in ("STATE", "NORP"):
        return None
    led = [word.head, *word.head.children]
    if not any(t.lower_ in cues.MISSION_NOUNS or ((m := context.article.linked.at(t.i)) is not None
                                                  and m.label == "MISSION") for t in led):
        return None
    return as_state(context, mention).ref


def _listed_after_its_clause(context: Context, word) -> list[Mention]:
    """"six states now take part in the mission: Nigeria, Senegal, ...": the states listed after
    the colon or dash that ends the joining word's clause."""
    doc = context.span.doc
    clause = {t.i for t in word.subtree} | {t.i for t in (word.head.subtree if word.dep_ == "dobj" else [])}
    mark = _list_mark(context, word.i + 1, word.i + 10)
    if mark is None or not all(i in clause or doc[i].is_punct for i in range(word.i + 1, mark)):
        return []
    return listed_after(context, mark)


def _joining_states(context: Context, word) -> list[Mention]:
    """The states a joining word is said of: those named before it ("Guatemala and El Salvador
    joined"), else what its subject is ("the only contributors remain Guatemala and El
    Salvador"), else the states listed in apposition in its phrase ("Member States participating in
    the Mission, namely Kenya, Jamaica, ...")."""
    before = _subjects(context, word.i) or (acting_states(context, word) if word.pos_ == "VERB" else [])
    if before or word.dep_ not in ("nsubj", "nsubjpass", "ROOT", "advcl", "acl", "conj", "relcl", "ccomp", "xcomp"):
        return before
    if word.dep_ in ("nsubj", "nsubjpass"):
        return [m for child in word.head.children if child.dep_ in ("attr", "oprd")
                for m in states_of_phrase(context, child) if m.label == "STATE"]
    phrase = {t.i for t in word.subtree}
    return distinct([m for m in context.states() if m.label == "STATE" and m.end - 1 in phrase
                     and _in_apposition(context.span.doc[m.end - 1])])


def _owners(context: Context, word) -> list[Mention]:
    """"to Nigeria, Senegal and Ghana, whose troops have served with the mission": the states the
    relative clause is said of."""
    if word.dep_ != "relcl" or not any(child.dep_ in ("nsubj", "nsubjpass") and any(
            t.lower_ == "whose" for t in child.children) for child in word.children):
        return []
    return [m for m in states_of_phrase(context, word.head) if m.label == "STATE"]


def _in_apposition(token) -> bool:
    """"namely Kenya, Jamaica and Belize": the token is an apposition, or listed with one."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "appos"


def _lead_nation(context: Context, word) -> str | None:
    """"Kenya, the lead nation", "Kenya remains the lead nation of the Mission", "commended Kenya,
    as lead nation", "Lead nation: Republic of Kenya": the state called the lead nation. Its own
    words, else the state named nearest to them (a heading's after its colon)."""
    doc = context.span.doc
    if word.lower_ not in cues.LEADING_STATE_NOUNS or word.i == context.span.start or doc[word.i - 1].lower_ != "lead":
        return None
    def words_apart(state: Mention) -> int:
        return min(abs(state.start - word.i), abs(word.i - 1 - state.end))
    near = sorted((m for m in context.states() if m.label == "STATE" and words_apart(m) <= cues.LEAD_NATION_REACH),
                  key=words_apart)
    return near[0].ref if near else None


def _leadership_of_the_mission(context: Context, word) -> str | None:
    """"Kenya's leadership of the Mission", "commended Kenya for its continued leadership of the
    Mission": the state whose leadership of a mission the sentence names ("its": the state named
    last before); "(the Mission ...) under the leadership of Australia": the state after "of"."""
    if word.lower_ != "leadership":
        return None
    if word.head.lower_ == "under" and context.names_mission():
        led_by = [m for child in word.children if child.lower_ == "of" for t in child.children
                  if (m := context.article.linked.at(t.i)) is not None and m.kind == "state"]
        return led_by[0].ref if led_by else None
    if not any(child.lower_ == "of" and _done_to_a_mission(context, child, ("pobj",)) for child in word.children):
        return None
    owner = next((child for child in word.children if child.dep_ == "poss"), None)
    if owner is None:
        return None
    states = [m for m in context.states() if m.label == "STATE" and m.end <= owner.i + 1]
    if owner.lower_ not in cues.POSSESSIVE_PRONOUNS:
        states = [m for m in states if m.start <= owner.i < m.end]
    return states[-1].ref if states else None


def _done_to_a_mission(context: Context, verb, led_as: tuple[str, ...] = ("dobj", "nsubjpass")) -> bool:
    """Whether what ``verb`` leads (or founds) is a mission: its object ("Kenya leads the
    Multinational Security Support Mission"), its subject when passive ("the Mission is led by
    Kenya"), or the noun a relative clause is on ("the Mission, which Kenya leads", "the mission,
    which is led by Kenya"); ``led_as``: the dependencies of what is led ("pobj": the leadership
    "of the Mission")."""
    led = [c for c in verb.children if c.dep_ in led_as and c.lower_ not in cues.RELATIVE_PRONOUNS]
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "which continues to be led by Kenya", "which was authorized ... and is led by"
    if clause.dep_ in ("relcl", "acl"):
        led.append(clause.head)
    return any(t.lower_ in cues.MISSION_NOUNS or ((m := context.article.linked.at(t.i)) is not None
                                                  and m.label == "MISSION") for noun in led for t in noun.subtree
               if t.i <= noun.i)


def _leaders(context: Context, verb) -> list[Mention]:
    """"Kenya leads the mission", "Kenya, which leads the mission", "the mission, which is led by
    Kenya": the state that leads."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] + [
        t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    if subjects and subjects[0].lower_ in cues.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subjects = [verb.head]
    return [m for s in subjects if (m := context.article.linked.at(s.i)) is not None and m.kind == "state"]


def _founders(context: Context, verb) -> list[Mention]:
    """"Australia, New Zealand and Fiji launched the mission", "Chad, Niger and Nigeria agreed to
    form the mission": the states that are its subject."""
    return [m for m in acting_states(context, verb) if m.label == "STATE"]


def renewal_backer(renewal: Candidate, article: Article) -> Candidate | None:
    """The organization that extends a mission's mandate backs the mission."""
    if renewal.rule != RENEWAL_RULE:
        return None
    role = article.vocabulary.resolve("partner-role", "backer")
    return Candidate("partnership", {"mission": renewal.fields["mission"], "partner": renewal.fields["party"],
                                     "partner_role": role}, renewal.sentence, "partnership.backer-renews-mandate", 0.75)


def serving_member(deployment: Candidate) -> Candidate:
    """A state whose personnel serve with the mission, have arrived or have served and left takes part in it."""
    return Candidate("membership", {"member": deployment.fields["state"], "mission": deployment.fields["mission"]},
                     deployment.sentence, "membership.serving-personnel", 0.75)


def _signed_by(state: str, context: Context, instruments: list[Candidate]) -> Candidate | None:
    """"Togo joined the mission on 5 November by signing a memorandum of understanding": the
    instrument of the state that the sentence telling it joined gives."""
    return next((c for c in instruments if c.sentence is context.sentence and c.kind == "instrument"
                 and c.text("party") == state), None)


def _membership(context: Context, state: str, rule: str, confidence: float, instrument: Candidate | None = None,
                rank: int = 0) -> Candidate:
    fields = {"member": state, "mission": context.mission or ""}
    if instrument is not None:
        fields["instrument"] = instrument
    return Candidate("membership", fields, context.sentence, rule, confidence, rank=rank)


def _subjects(context: Context, token: int) -> list[Mention]:
    """The states named before ``token`` in its sentence, as one list ("Guatemala and El Salvador"),
    not a state whose name only qualifies a body's ("the Royal Papua New Guinea Constabulary")."""
    doc = context.span.doc
    before = [m for m in context.states() if m.end <= token and m.label == "STATE"
              and not (doc[m.end - 1].dep_ == "compound" and doc[m.end - 1].head.i >= m.end)]
    if not before:
        return []
    chain = [before[-1]]
    for mention in reversed(before[:-1]):
        between = doc[mention.end: chain[0].start]
        if all(t.lower_ in ("and", ",") for t in between):
            chain.insert(0, mention)
        else:
            break
    first = chain[0]
    if any(doc[i].lower_ in ("by", "to", "with", "in", "from", "alongside") for i in range(max(context.span.start, first.start - 1), first.start)):
        return []
    return distinct(chain)


def ordinal_claims(context: Context) -> list[Candidate]:
    """"Jamaica was the first to join", "Guatemala is the fifth nation to officially back"."""
    found = []
    words = context.words()
    dated = {i for date in context.dates() for i in range(date.start, date.end)}  # "on the ninth of February"
    for n, token in enumerate(words[:-2]):
        rank, first = ordinal_at(token) if token.like_num or token.lower_.endswith(("st", "nd", "rd", "th")) \
            else (None, token.i)
        if first == 0 or rank is None or context.span.doc[first - 1].lower_ != "the" or token.i in dated:
            continue
        following = words[n + 1: n + 7]
        while following and following[0].lower_ not in ("to", "of", "in") and (
                following[0].lower_ in cues.CLAIM_NOUNS or following[0].is_upper):
            following = following[1:]  # "the ninth ECOWAS Member State to contribute"
        after = [t.lower_ for t in following[:4]]
        if not after or not (after[0] == "to" or (after[0] in ("of", "in") and context.names_mission())):
            continue
        if after[0] == "to" and not (any(a.startswith(cues.CLAIM_VERBS) for a in after[1:3])
                                     or (after[1:3] == ["do", "so"] and _joins_in(context))):
            continue
        subjects = [m for m in context.mentions("STATE") if m.end <= token.i]
        if not subjects or not context.mission:
            continue
        subject = subjects[-1]
        found.append(Candidate("ordinal-claim", {"subject": subject.ref, "mission": context.mission,
                                                 "rank": str(rank)}, context.sentence, "ordinal-claim.the-nth-to", 0.85))
    return found or _nth_member(context)


def _joins_in(context: Context) -> bool:
    """"deposited its instrument of adhesion ..., the fourteenth state to do so": the sentence
    tells an act of joining, which "to do so" repeats."""
    return any(t.lower_ in cues.JOIN_WORDS or cues.INSTRUMENT_CUES.get(t.lower_) in cues.JOINING_TERMS
               or t.lemma_ in cues.CLAIM_VERBS for t in context.words())


def _nth_member(context: Context) -> list[Candidate]:
    """"The island nation becomes the mission's tenth member state", "Ghana became the sixth
    country in the mission": a state that is or becomes the mission's n-th member."""
    article = context.article
    found = []
    for noun in context.words():
        verb = noun.head
        if noun.dep_ != "attr" or noun.lower_ not in cues.CLAIM_NOUNS or verb.lemma_ not in ("be", "become"):
            continue
        rank = next((ordinal_at(t)[0] for t in noun.subtree if t.i < noun.i and t.lower_ in cues.ORDINAL_WORDS), None)
        phrase = [*noun.subtree, *(t for child in verb.children if child.dep_ == "prep" for t in child.subtree)]
        of_mission = any((m := article.linked.at(t.i)) is not None and m.label == "MISSION" for t in phrase)
        subjects = [m for child in verb.children if child.dep_ == "nsubj" for t in child.subtree
                    if (m := article.linked.at(t.i)) is not None and m.label == "STATE"]
        restricted = any(child.dep_ in ("prep", "acl", "relcl") and not any(
            (m := article.linked.at(t.i)) is not None and m.label == "MISSION" for t in child.subtree)
            for child in noun.children)  # "the mission's first member from outside the SADC": a rank among some
        if rank and of_mission and subjects and context.mission and not restricted:
            found.append(Candidate("ordinal-claim", {"subject": subjects[0].ref, "mission": context.mission,
                                                     "rank": str(rank)}, context.sentence, "ordinal-claim.nth-member", 0.8))
    return found


def count_claims(context: Context) -> list[Candidate]:
    """"with five countries officially supporting the initiative", "nine SADC member states now
    have ships with the mission"."""
    found = []
    words = context.words()
    doc = context.span.doc
    for token in words:
        if token.lower_ not in ("countries", "nations", "states", "members") or not context.names_mission():
            continue
        end = token.i - (doc[token.i - 1].lower_ in ("member", "contributing", "participating"))  # "eight member states"
        if end - 2 >= context.span.start and (doc[end - 1].is_title or doc[end - 1].is_upper) and doc[end - 2].like_num:
            end -= 1  # "nine SADC member states", "three Caribbean countries"
        start = end
        while start > context.span.start and doc[start - 1].like_num and ordinal(doc[start - 1].text) is None:
            start -= 1
        if start == end or not context.mission:
            continue
        count = cardinal(doc[start: end])
        if count is None:
            continue
        found.append(Candidate("count-claim", {"mission": context.mission, "count": str(count)},
                               context.sentence, "count-claim.n-countries", 0.8))
    return found or _number_brought_to(context)


def _number_brought_to(context: Context) -> list[Candidate]:
    """"bringing the number of participating countries to ten": the count the verb takes the
    number of countries to."""
    found = []
    for number in (t for t in context.words() if t.lower_ == "number" and t.dep_ in ("dobj", "nsubjpass")):
        counted = [t for child in number.children if child.dep_ == "prep" and child.lower_ == "of"
                   for t in child.children if t.dep_ == "pobj" and t.lower_ in cues.CLAIM_NOUNS]
        to = [t for child in number.head.children if child.dep_ == "prep" and child.lower_ == "to"
              for t in child.children if t.dep_ == "pobj" and t.like_num]
        count = cardinal(context.span.doc[to[0].i: to[0].i + 1]) if counted and to else None
        if count and context.names_mission() and context.mission:
            found.append(Candidate("count-claim", {"mission": context.mission, "count": str(count)},
                                   context.sentence, "count-claim.number-brought-to", 0.75))
    return found
