"""What the rules share: lists of states named together, and the flag for a value that no
concept of its scheme names."""

from __future__ import annotations

from coalition_kg.curation.propose import cues
from coalition_kg.curation.propose.context import Article, Context
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.vocabulary import Term


def distinct(mentions: list[Mention]) -> list[Mention]:
    """Each entity once, where it is first named."""
    seen: set[str] = set()
    return [m for m in mentions if not (m.ref in seen or seen.add(m.ref))]


def listed_after(context: Context, token: int) -> list[Mention]:
    """"from Kenya, Jamaica, Belize and Guatemala", "from four contributing countries: Kenya (736),
    Jamaica (24) and El Salvador (10)": the states listed right after ``token``."""
    doc = context.span.doc
    listed = []
    i = token + 1
    for mention in [m for m in context.states() if m.start > token]:
        between = doc[i: mention.start]
        if not (all(t.lower_ in (",", "and", "the") or t.text in ("(", ")") or t.like_num for t in between)
                or not listed and _introduces_a_list(between)):
            break
        listed.append(mention)
        i = mention.end
    return distinct(listed)


def listed_before(context: Context, token: int) -> list[Mention]:
    """"Jamaica, the Bahamas and Trinidad and Tobago, whose personnel ...": the states listed
    right before ``token``."""
    doc = context.span.doc
    listed: list[Mention] = []
    end = token
    for mention in reversed([m for m in context.states() if m.end <= token]):
        if not all(t.lower_ in (",", "and", "the") for t in doc[mention.end: end]):
            break
        listed.insert(0, mention)
        end = mention.start
    return distinct(listed)


def _introduces_a_list(words) -> bool:
    """"four contributing countries:", "six ECOWAS Member States, namely": a noun phrase (common
    words and numbers before a colon), then a colon or "namely"."""
    if len(words) < 2:
        return False
    if words[-1].text == ":":
        return all(t.is_lower or t.like_num for t in words[:-1])
    return words[-1].lower_ in cues.NAMELY and all(t.pos_ not in ("VERB", "AUX") for t in words[:-1])


def counted_after(context: Context, mention: Mention) -> str | None:
    """"Kenya (736)": the number in brackets right after a state of a list."""
    doc = context.span.doc
    if mention.end + 2 < context.span.end and doc[mention.end].text == "(" and doc[mention.end + 2].text == ")" \
            and doc[mention.end + 1].like_num:
        return doc[mention.end + 1].text.replace(",", "")
    return None


def unknown_term(term: Term, article: Article) -> str:
    """The flag of a value kept as the source's words: what it is and what the scheme has today."""
    allowed = ", ".join(article.vocabulary.slugs(term.scheme)) or "none"
    return (f"'{term.words}' names no concept of the {term.scheme} scheme (today: {allowed}); "
            f"kept as '{term.slug}': add the concept to ontology/coalition.ttl or choose one")
