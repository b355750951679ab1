"""Ministers' titles that name their portfolio: "Minister of Justice and Public Security",
"Minister of Foreign Affairs and Foreign Trade", "Cabinet Secretary for Interior and National
Administration", "Minister for Defence and National Service". Governments name portfolios in
endless combinations, so the title is read word by word (the portfolio's words, joined by "and",
"of", "the", commas) rather than listed whole; its role is the one its words give: defence first,
then foreign affairs, then internal security."""

from __future__ import annotations

from spacy.tokens import Doc

from coalition_kg.curation.propose import cues

#: The last word of a title that a portfolio may follow ("Minister of ...", "Cabinet Secretary for ...").
HEADS = frozenset({"minister", "secretary"})
#: The words that join a portfolio's words.
JOINERS = frozenset({"and", "of", "for", "the", "&", ","})


def portfolio_end(doc: Doc, start: int, end: int) -> int:
    """Where the title ``[start, end)`` ends with its portfolio: ``end`` when none follows."""
    words = {token.lower_ for token in doc[start:end]}
    if not words & HEADS:
        return end
    last = end
    i = end
    while i < len(doc):
        token = doc[i]
        if token.lower_ in cues.PORTFOLIO_WORDS and not token.is_lower or _named_with_portfolio(doc, i):
            last = i = i + 1
        elif token.lower_ in JOINERS and _portfolio_follows(doc, i + 1):
            i += 1
        else:
            break
    return last


def _named_with_portfolio(doc: Doc, i: int) -> bool:
    """A capitalised word of a portfolio the lexicon lacks, just before one it has: "African" in
    "Minister of African Integration and Foreign Affairs"."""
    return doc[i].is_title and i + 1 < len(doc) and doc[i + 1].lower_ in cues.PORTFOLIO_WORDS and doc[i + 1].is_title


def _portfolio_follows(doc: Doc, i: int) -> bool:
    """A portfolio word within the next two tokens (after "and the", "of")."""
    for token in doc[i: i + 2]:
        if token.lower_ in cues.PORTFOLIO_WORDS and not token.is_lower or _named_with_portfolio(doc, token.i):
            return True
        if token.lower_ not in JOINERS:
            return False
    return False


def portfolio_role(words: str) -> str | None:
    """The role a minister's title gives by its portfolio ("minister of national defence":
    "defence minister"), or None when its words name none of those the role scheme knows."""
    split = words.lower().replace(",", " ").split()
    # a word the lexicon lacks changes the meaning of the next: "Social Security" is no security portfolio
    lower = {word for before, word in zip(["of", *split], split)
             if before in cues.PORTFOLIO_WORDS or before in JOINERS or before in HEADS}
    for role, portfolio in cues.PORTFOLIO_ROLES:
        if lower & portfolio:
            return role
    return None
