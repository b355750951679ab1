"""What the rules share: lists of states named together, and the flag for a value that no
concept of its scheme names."""

from __future__ import annotations

from coalition_kg.curation.propose.context import Article, Context
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.vocabulary import Term


def distinct(mentions: list[Mention]) -> list[Mention]:
    """Each entity once, where it is first named."""
    seen: set[str] = set()
    return [m for m in mentions if not (m.ref in seen or seen.add(m.ref))]


def listed_after(context: Context, token: int) -> list[Mention]:
    """"from Kenya, Jamaica, Belize and Guatemala": the states listed right after ``token``."""
    doc = context.span.doc
    listed = []
    i = token + 1
    for mention in [m for m in context.states() if m.start > token]:
        if any(doc[j].lower_ not in (",", "and", "the") for j in range(i, mention.start)):
            break
        listed.append(mention)
        i = mention.end
    return distinct(listed)


def unknown_term(term: Term, article: Article) -> str:
    """The flag of a value kept as the source's words: what it is and what the scheme has today."""
    allowed = ", ".join(article.vocabulary.slugs(term.scheme)) or "none"
    return (f"'{term.words}' names no concept of the {term.scheme} scheme (today: {allowed}); "
            f"kept as '{term.slug}': add the concept to ontology/coalition.ttl or choose one")
