"""Rules for officials and what they say and do: posts ("Guatemalan President Bernardo
Arévalo"), statements (the words quoted, and who said them when the sentence names who), and
events (an announcement or pledge with a time or a venue)."""

from __future__ import annotations

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Context, Hit
from coalition_kg.curation.propose.entities import Mention, role_modifier
from coalition_kg.curation.propose.names import is_office_or_body
from coalition_kg.curation.propose.known import Known
from coalition_kg.curation.propose.rules.common import unknown_term
from coalition_kg.curation.propose.text import quotations
from coalition_kg.curation.propose.vocabulary import slug


def posts(context: Context, known: Known, main_state: str | None) -> list[Candidate]:
    """A title next to a person: before ("President X"), or after a comma ("X, Guatemala's ambassador")."""
    article = context.article
    found = []
    doc = context.span.doc
    names = article.name_tokens
    for hit in context.hits({**cues.ROLE_CUES, **article.vocabulary.phrases("role")}):
        term, plain = hit.term, hit.text
        hit, contingent = _contingent_commander(context, hit)
        extra = role_modifier(doc, hit.start, names) if hit.start > context.span.start and not contingent else 0
        modifier = doc[hit.start - 1] if extra else None
        if extra:
            words = doc[hit.start - extra: hit.end].text
            hit = Hit(hit.start - extra, hit.end, words.lower(), words)
        if _deputy(context, hit):
            if "minister" not in hit.term:
                continue  # "Deputy Secretary of State": no concept of the scheme is a deputy's post
            hit, term, plain = Hit(hit.start, hit.end, "minister", hit.text), "minister", "minister"
        holder = _holder(context, hit)
        if holder is None:
            continue
        role = article.vocabulary.resolve("role", hit.term, hit.text, term, plain)
        fields: dict = {"holder": holder.ref, "role": role}
        flags = [] if role.known else [unknown_term(role, article)]
        organization = (contingent or _organization_before(context, hit) or _organization_of(context, hit)
                        or _state_in_brackets(context, holder) or _body_named_by(context, modifier))
        rule = "post.title-and-name"
        if organization is None:
            organization = _known_organization(known, holder.ref, role.slug)
            rule = "post.title-and-name+known-post"
        confidence = 0.9
        if organization is None and main_state:
            organization, confidence = main_state, 0.5
            flags.append(f"the sentence does not say which state or organization the post is in; "
                         f"'organization:' is the article's main state, {main_state}")
        elif organization is None:
            flags.append("the sentence does not say which state or organization the post is in; fill in 'organization:'")
            confidence = 0.4
        fields["organization"] = organization or ""
        if hit.term in cues.ACCREDITED_ROLES:
            accredited = [m for m in context.mentions("ORG", "STATE") if 0 < m.start - hit.end <= 2
                          and doc[hit.end].lower_ == "to"]
            if accredited:
                fields["accredited_to"] = accredited[0].ref
        found.append(Candidate("post", fields, context.sentence, rule, confidence, flags))
    return found + _contingent_leaders(context)


def _contingent_leaders(context: Context) -> list[Candidate]:
    """"Colonel X leads the Jamaican contingent": X is the contingent commander of that state."""
    article = context.article
    found = []
    for verb in context.span:
        if verb.lemma_ not in ("lead", "command", "head") or verb.pos_ != "VERB":
            continue
        units = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "contingent"]
        states = [m for u in units for t in u.lefts if (m := article.linked.at(t.i)) is not None and m.kind == "state"]
        holders = [m for c in verb.children if c.dep_ == "nsubj" for t in c.subtree
                   if (m := article.linked.at(t.i)) is not None and m.label == "PERSON"]
        if states and holders:
            role = article.vocabulary.resolve("role", "contingent commander")
            found.append(Candidate("post", {"holder": holders[0].ref, "role": role, "organization": states[0].ref},
                                   context.sentence, "post.leads-a-contingent", 0.8))
    return found


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
    return hit, None


def _deputy(context: Context, hit: Hit) -> bool:
    """"Deputy Minister of Defence": a deputy does not hold the post named."""
    doc = context.span.doc
    return hit.start > context.span.start and doc[hit.start - 1].lower_ in cues.DEPUTY_WORDS or (
        doc[hit.start].lower_ in cues.DEPUTY_WORDS)


def _state_in_brackets(context: Context, holder: Mention) -> str | None:
    """"Godfrey Otieno (Kenya)": the state in brackets after the holder's name."""
    doc = context.span.doc
    if holder.end + 2 < len(doc) and doc[holder.end].text == "(" and doc[holder.end + 2].text == ")":
        mention = context.article.linked.at(holder.end + 1)
        return mention.ref if mention is not None and mention.kind == "state" else None
    return None


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
        m.start > hit.end and all(t.lower_.rstrip(".") in cues.HONORIFICS for t in doc[hit.end: m.start]))]
    if right_after:
        return right_after[0]
    # "Guatemala's Permanent Representative to the United Nations, Lucía Morales,"
    for mention in people:
        between = doc[hit.end: mention.start]
        if 0 < len(between) <= 8 and between[-1].text == "," and all(
                t.text in (",", "the", "to", "of", "and") or t.is_title or t.is_upper or context.article.linked.at(t.i)
                for t in between):
            return mention
    for mention in people:
        between = doc[mention.end: hit.start]
        between = doc[mention.end + 3: hit.start] if _state_in_brackets(context, mention) else between
        if between and between[0].text == "," and all(
                t.text in (",", "the", "’s", "'s") or context.article.linked.at(t.i) for t in between) and len(between) <= 5:
            return mention
    return None


def _organization_before(context: Context, hit: Hit) -> str | None:
    """"Guatemalan President", "Guatemala's ambassador", "the OAS Secretary-General"."""
    doc = context.span.doc
    i = hit.start - 1
    if i >= context.span.start and doc[i].text in ("’s", "'s", "'", "’"):
        i -= 1
    mention = context.article.linked.at(i) if i >= context.span.start else None
    return mention.ref if mention is not None and mention.kind in ("state", "international-organization") else None


def _organization_of(context: Context, hit: Hit) -> str | None:
    """"Prime Minister of Barbados"."""
    doc = context.span.doc
    if hit.end + 1 < context.span.end and doc[hit.end].lower_ == "of":
        j = hit.end + 1 + (doc[hit.end + 1].lower_ == "the")
        mention = context.article.linked.at(j)
        if mention is not None and mention.kind != "person":
            return mention.ref
    return None


def _known_organization(known: Known, holder: str, role: str) -> str | None:
    for fact in known.facts:
        values = fact.values
        if fact.kind == "post" and values.get("holder") and values["holder"].text == holder and (
                values.get("role") and values["role"].text == role) and values.get("organization"):
            return values["organization"].text
    return None


def statements(context: Context, posts_found: list[Candidate], events: list[Candidate]) -> list[Candidate]:
    """The words between quotation marks, with the speaker the sentence names."""
    article = context.article
    found = []
    for quotation in quotations(context.sentence):
        fields: dict = {}
        flags = []
        speaker, description = _speaker(context)
        told = None
        if speaker is None:
            speaker, description, told = _speaker_told_before(context, posts_found)
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
        if article.mission:
            fields["mission"] = article.mission
        fields["text"] = quotation.text
        date = next(iter(context.dates(True)), None)
        if date is not None:
            fields["date"] = date.iso
        if any(t.lower_ in cues.OCCASION_NOUNS and context.span.doc[t.i - 1].lower_ == "the" for t in context.words()):
            earlier = [e for e in events if e.sentence.start < context.sentence.start]
            if earlier:
                fields["occasion"] = earlier[-1]
        found.append(Candidate("statement", fields, context.sentence, rule, confidence, flags))
    return found


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
            role = article.vocabulary.resolve("role", subject.lower_)
            if role.known:
                holder = next((p.text("holder") for p in reversed(posts_found) if p.text("role") == role.slug), None)
                if holder:
                    return holder, None, f"'{words.text}' is taken for {holder}, who holds that post in the article; check it"
            states = [m for t in words if (m := article.linked.at(t.i)) is not None and m.label in ("STATE", "NORP", "GOV")]
            state = (states[0].ref if states and states[0].label != "GOV"
                     else article.linked.entities[states[0].ref].part_of if states else None)
            official = subject.lower_ in cues.SPEAKING_BODIES or is_office_or_body(subject.text) or (
                states and subject.lower_ in cues.OFFICIAL_NOUNS)
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
    """An announcement, a pledge... that the sentence places in time or at a venue."""
    article = context.article
    found = []
    doc = context.span.doc
    dates = context.dates()
    venues = [m for m in context.mentions("ORG", "GOV") if "at" in (
        doc[max(context.span.start, m.start - 1)].lower_,
        doc[max(context.span.start, m.start - 2)].lower_ if doc[m.start - 1].lower_ == "the" else "")]
    if not dates and not venues:
        return []
    for hit in context.hits({**cues.EVENT_CUES, **article.vocabulary.phrases("event-kind")})[:1]:
        kind = article.vocabulary.resolve("event-kind", hit.term, hit.text)
        if hit.start > context.span.start and doc[hit.start - 1].lower_ in ("the", "this", "that") and any(
                e.text("event_kind") == kind.slug for e in earlier):
            continue  # "The announcement follows talks...": the announcement already told
        flags = [] if kind.known else [unknown_term(kind, article)]
        agent, inferred = _agent(context, main_state)
        told = _told_before(context, hit, earlier_facts) if inferred else None
        if told:
            agent, inferred = told, False
        if inferred:
            flags.append(f"the sentence names no one who acted; 'agent:' is the article's main state, {agent}")
        agent_label = article.linked.entities[agent].label if agent in article.linked.entities else ""
        fields: dict = {"event_kind": kind, "label": f"{agent_label}'s {hit.term}".strip("'s ").strip() or hit.term}
        if agent:
            fields["agent"] = agent
        if article.mission:
            fields["mission"] = article.mission
        if dates:
            date = _date_of_cue(context, hit, dates)
            fields["date" if date.iso else "date_text"] = date.iso or date.text
        place = _place_name(context)
        if place:
            fields["place"] = place
        if venues:
            fields["venue"] = venues[0].ref
        found.append(Candidate("event", fields, context.sentence, f"event.{slug(hit.term)}-with-time",
                               0.6 if inferred else 0.8, flags))
    return found


def _date_of_cue(context: Context, hit: Hit, dates: list):
    """The date the event's word governs ("announced on 3 September 2025", not "by December"),
    else the first date with its year, else the first."""
    doc = context.span.doc
    cue = doc[hit.start]

    def steps(date) -> int:
        """How many heads up from the date's words to the event's word (nearest first)."""
        found = [[a.i for a in token.ancestors].index(cue.i) for token in doc[date.start: date.end]
                 if cue.i in [a.i for a in token.ancestors]]
        return min(found) if found else len(doc)

    governed = sorted((d for d in dates if steps(d) < len(doc)), key=steps)
    return governed[0] if governed else next((d for d in dates if d.iso), dates[0])


def _told_before(context: Context, hit: Hit, facts: list[Candidate]) -> str | None:
    """"The pledge was made at a summit": the state whose pledge the sentence before told."""
    doc = context.span.doc
    if hit.start == context.span.start or doc[hit.start - 1].lower_ not in ("the", "this", "that"):
        return None
    before = [f for f in facts if f.kind == "deployment" and f.sentence.end <= context.sentence.start
              and hit.term in f.text("status")]
    return before[-1].text("state") if before else None


def _agent(context: Context, main_state: str | None) -> tuple[str | None, bool]:
    people = context.mentions("PERSON")
    if people:
        return people[0].ref, False
    states = [m for m in context.mentions("STATE") if not m.start or context.span.doc[m.start - 1].lower_ not in ("in", "to", "by")]
    if states:
        return states[0].ref, False
    return main_state, main_state is not None


def _place_name(context: Context) -> str | None:
    """"in Washington, D.C.": capitalised words after "in" that name no entity and no date."""
    doc = context.span.doc
    dated = {i for d in context.dates() for i in range(d.start, d.end)}
    for token in context.words():
        if token.lower_ != "in" or token.i + 1 >= context.span.end:
            continue
        end = token.i + 1
        while end < context.span.end and (doc[end].is_title or doc[end].is_upper or (
                doc[end].text == "," and end + 1 < context.span.end and doc[end + 1].is_title)):
            end += 1
        words = doc[token.i + 1: end]
        if len(words) and not any(i in dated or context.article.linked.at(i) for i in range(words.start, words.end)):
            return words.text
    return None
