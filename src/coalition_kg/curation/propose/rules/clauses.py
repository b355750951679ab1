"""What a clause says of the act its verb names: which verb governs a noun, and whether the act
is denied ("has never sent", "has ruled out sending", "had no plans to deploy") or only supposed
("if parliament approves", "asked whether troops might join", "could send ... if requested", "reports
that Chile will send")."""

from __future__ import annotations

from coalition_kg.curation.propose import cues

#: Dependencies by which a verb's act is part of the act of the word above it.
_PART_OF_ABOVE = ("xcomp", "ccomp", "pcomp", "conj", "acl")


def governing_verb(token):
    """The verb that governs a noun: up its heads, through prepositions and nouns ("landed" for
    "officers" in "the first contingent of 250 officers landed")."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.i != token.i and node.dep_ != "prep":
            return node
        if node.head.i == node.i:
            return None
        if node.dep_ in ("nsubj", "nsubjpass") and (node.head.pos_ in ("VERB", "AUX") or _verb_read_as_noun(node.head)):
            return node.head
        node = node.head
    return None


def _verb_read_as_noun(word) -> bool:
    """A word the tagger took for a noun though it has a subject and is a verb of deployment:
    "land" in "The first 200 Kenyan police officers land in Port-au-Prince"."""
    return word.pos_ == "NOUN" and word.lemma_.lower() in cues.STATUS_VERBS and any(
        child.dep_ == "nsubj" for child in word.children)


def negated(verb) -> bool:
    """"has never sent", "does not send", "has ruled out sending", "had no plans to deploy", "none
    of them has signed", "nothing is signed": the verb, or a word its act is part of, denies."""
    return any(any(child.dep_ == "neg" or child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in cues.NEGATIVE_PRONOUNS
                   for child in node.children) or node.lemma_ in cues.DENYING_VERBS
               or (node.pos_ == "NOUN" and any(child.lower_ == "no" and child.dep_ == "det" for child in node.children))
               for node in _acts_above(verb))


def hypothetical(verb) -> bool:
    """The verb's clause, or one its act is part of, is only supposed: it opens with "once",
    "if", "whether"... ("once the agreement was signed", "asked whether troops might join"), or
    carries a condition ("could consider sending staff officers if requested")."""
    if _rumoured(verb):
        return True
    for node in _acts_above(verb):
        opening = node.doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
        if any(child.dep_ == "mark" and child.lower_ in cues.HYPOTHETICAL_MARKS for child in node.children) or (
                opening is not None and opening.lower_ in cues.HYPOTHETICAL_MARKS and node.dep_ != "ROOT"):
            return True
        if any(clause.dep_ == "advcl" and any(mark.dep_ == "mark" and mark.lower_ in cues.CONDITION_MARKS
                                              for mark in clause.children) for clause in node.children):
            return True
    return False


def _rumoured(verb) -> bool:
    """"Reports that Chile will send carabineros remain unconfirmed", "Senegal is widely reported
    to be preparing a unit", "would reportedly send": an act only reported is a rumour, no fact."""
    return any(child.lower_ in cues.RUMOUR_ADVERBS for child in verb.children) or any(
        node.lemma_.lower() in cues.RUMOUR_LEMMAS and (node.pos_ == "NOUN" or any(
            child.dep_ == "auxpass" for child in node.children)) for node in _acts_above(verb)[1:])


def _acts_above(verb) -> list:
    """The verb and the words whose act it is part of, up to three steps ("has ruled out sending")."""
    found = [verb]
    node = verb
    for _ in range(3):
        if node.head.i == node.i or not (node.dep_ in _PART_OF_ABOVE or (node.dep_ == "dobj" and node.pos_ == "VERB")
                                         or (node.dep_ == "advcl" and node.head.lemma_ in cues.DENYING_VERBS)):
            # "has ruled out sending troops": the parser may hang the act on the denial as a clause
            break
        node = node.head
        found.append(node)
    return found
