"""What the rules look at in one sentence: its words outside quotations, the entities and dates
it mentions, and where the cue words of a kind of fact occur in it."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from coalition_kg.curation.propose.countries import capitals_in
from coalition_kg.curation.propose.dates import WEEKDAYS, DateMention, report_date
from coalition_kg.curation.propose.entities import Linked, Mention
from coalition_kg.curation.propose.text import DATELINE_DASHES, LABEL_END, LEAD_WORDS, Sentence, lead_end, pipeline
from coalition_kg.curation.propose.vocabulary import Vocabulary


@dataclass(frozen=True)
class Hit:
    """Cue words found in a sentence: tokens ``[start, end)`` and the term they stand for."""

    start: int
    end: int
    term: str
    text: str


@dataclass
class Article:
    """The article as the rules see it."""

    linked: Linked
    dates: list[DateMention]
    quoted: set[int]
    vocabulary: Vocabulary
    known_facts: list = field(default_factory=list)  # the other sources' facts (curation records)

    @property
    def doc(self) -> Doc:
        return self.linked.doc

    @property
    def mission(self) -> str | None:
        return self.linked.mission

    @cached_property
    def report_date(self) -> DateMention | None:
        """The date the report gives itself in its heading, from which times without a year are told."""
        return report_date(self.doc, self.dates)

    @cached_property
    def name_tokens(self) -> frozenset[int]:
        """The tokens of every mention."""
        return frozenset(i for m in self.linked.mentions for i in range(m.start, m.end))

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in tokens ``[start, end)``, in order."""
        starts = self._mention_starts
        return self.linked.mentions[bisect_left(starts, start): bisect_left(starts, end)]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.linked.mentions]


@dataclass
class Context:
    """One sentence of the article."""

    article: Article
    sentence: Sentence

    @property
    def span(self) -> Span:
        return self.sentence.span

    def words(self) -> list[Token]:
        """The sentence's tokens outside quotations."""
        return [token for token in self.span if token.i not in self.article.quoted]

    def mentions(self, *labels: str) -> list[Mention]:
        """Mentions outside quotations and outside a dateline ("LOMÉ, Togo —" names where the
        report was filed, not who acted), in order, of the given spaCy labels (all if none)."""
        return [m for m in self._own_mentions if not labels or m.label in labels]

    @cached_property
    def _own_mentions(self) -> list[Mention]:
        after = self.dateline_end()
        return [m for m in self.article.mentions_between(self.span.start, self.span.end)
                if after <= m.start and m.start not in self.article.quoted]

    def dateline_end(self) -> int:
        """The first token after the sentence's dateline, or its first token when it has none."""
        end = self._lead_end()
        return end + 1 if end is not None and not self._labels(end) else self.span.start

    def label_states(self) -> list[Mention]:
        """The states of the sentence's label ("- South Africa: two frigates ...", "• Belize —
        The House ..."), if it has one."""
        end = self._lead_end()
        if end is None or not self._labels(end):
            return []
        return [m for m in self.states() if m.end <= end]

    def lead_capital(self) -> str | None:
        """The state whose capital the sentence's lead names ("NAIROBI, 3 March 2025 —", "11:50
        GMT — OTTAWA: ..."): where the report was filed."""
        lead = []
        for token in (t for t in self.span if not t.is_space):
            if token.is_lower and token.is_alpha and token.lower_ not in LEAD_WORDS:
                break
            lead.append(token)
        ends = [n for n, token in enumerate(lead) if token.text in (*DATELINE_DASHES, LABEL_END)]
        if not ends:
            return None
        words = self.span.doc.text[lead[0].idx: lead[ends[-1]].idx]
        return next(iter(capitals_in("".join(" " if c in ",:—–()" else c for c in words))), None)

    def label_dates(self) -> list[DateMention]:
        """The dates of the sentence's label ("25 June 2024: ...", a chronology's "June 2024 — ..."):
        when what the line says happened."""
        end = self._lead_end()
        if end is None or not self._labels(end):
            return []
        return [d for d in self.dates() if d.end <= end]

    def _labels(self, end: int) -> bool:
        """The lead ending at ``end`` is a label of what follows, not where a report was filed: it
        ends with a colon, is a state's name alone in a list ("• Belize — ..."; a dateline names
        its city, "LOMÉ, Togo —", often in capitals) or a date alone that is not the report's own."""
        if self.span.doc[end].text == LABEL_END or self._dated_alone(end):
            return True
        words = [t for t in self.span.doc[self.span.start: end] if t.is_alpha or t.like_num]
        named = [m for m in self.article.mentions_between(self.span.start, end) if m.label == "STATE"]
        return (len(named) == 1 and not any(t.is_upper and len(t) > 1 for t in words)
                and {t.i for t in words} <= set(range(named[0].start, named[0].end)))

    def _dated_alone(self, end: int) -> bool:
        """"June 2024 — The first Kenyan police officers land", "Sun 1 Dec. — Jamaica's first
        contingent ... lands": a chronology's entry, dated by its lead (a weekday may precede the date)."""
        dates = [d for d in self.dates() if d.end <= end]
        own = self.article.report_date
        if not dates or (own is not None and any(d.start == own.start for d in dates)):
            return False
        dated = {i for d in dates for i in range(d.start, d.end)}
        return all(t.i in dated or t.text[:3] in WEEKDAY_STEMS
                   for t in self.span.doc[self.span.start: end] if t.is_alpha or t.like_num)

    def _lead_end(self) -> int | None:
        words = [token for token in self.span if not token.is_space]
        end = lead_end(words)
        return words[end].i if end is not None else None

    def states(self) -> list[Mention]:
        return self.mentions("STATE", "NORP")

    def names_mission(self) -> bool:
        return bool(self.mentions("MISSION"))

    @cached_property
    def mission(self) -> str | None:
        """The mission the sentence is about: the one it names (the article's, when it is among
        several named), else the one hosted where the sentence's acts take place, else the one
        named last before it in its paragraph, else the article's.
        An article about one mission may turn to another for a paragraph ("Uganda also keeps a
        battle group in the East African Community Mission in South Sudan ...")."""
        main = self.article.mission
        mentions = [m for m in self.article.mentions_between(self.span.start, self.span.end) if m.label == "MISSION"]
        # "the deployment to the Stabilization Support Mission in Guinea-Bissau": a mission's own
        # name, not the words the article also uses for its mission
        named = [m.ref for m in mentions if not m.text[:1].islower()] or [m.ref for m in mentions]
        if named:
            return main if main in named else named[0]
        hosted = self._missions_hosted_where()
        if hosted:
            return main if main in hosted else hosted[0]
        earlier = self._missions_named(_paragraph_start(self.span), self.span.start)
        return earlier[-1] if earlier else main

    def _missions_hosted_where(self) -> list[str]:
        """The missions hosted in the states the sentence places its acts in, by name or capital:
        "In South Sudan, the 2,140 personnel came from five states", "seconded three officers to
        the Mission's headquarters in Port-au-Prince"."""
        doc = self.span.doc
        places = {m.ref for m in self.mentions("STATE") if m.start > 0 and doc[m.start - 1].lower_ in _PLACING}
        places |= set(self.capitals_placed_in())
        return sorted({mission for mission, state in self.article.linked.host_states if state in places})

    def capitals_placed_in(self, arriving: bool = False) -> list[str]:
        """The states whose capital the sentence places its acts in, by its name ("in
        Port-au-Prince", "reached Bangui"); ``arriving``: only where a verb of arrival takes
        them there ("landed in Port-au-Prince")."""
        words = tuple(f"{verb} {word}" for verb in _ARRIVING for word in _PLACING) if arriving else _PLACING
        return sorted(set(capitals_in(self.span.text, (*words, *REACHING))))

    def named_in_paragraph(self, ref: str) -> bool:
        """The entity is named in the sentence's paragraph, up to the sentence's end."""
        return any(m.ref == ref for m in self.article.mentions_between(_paragraph_start(self.span), self.span.end))

    def _missions_named(self, start: int, end: int) -> list[str]:
        return [m.ref for m in self.article.mentions_between(start, end) if m.label == "MISSION"]

    def dates(self, full: bool | None = None) -> list[DateMention]:
        """Dates outside quotations; ``full``: only those with a year (True) or without (False)."""
        return [d for d in self.article.dates if self.span.start <= d.start < self.span.end
                and d.start not in self.article.quoted
                and (full is None or (d.iso is not None) == full)]

    def hits(self, cues: dict[str, str]) -> list[Hit]:
        """Where the cue phrases (any case) occur outside quotations and outside entity names."""
        doc = self.span.doc
        names = self.article.name_tokens
        matcher = _phrase_matcher(tuple(sorted(cues.items())))
        spans = filter_spans([Span(doc, start, end, label=key) for key, start, end in matcher(self.span)])
        return [Hit(s.start, s.end, cues[doc.vocab.strings[s.label]], s.text) for s in spans
                if not any(i in self.article.quoted or i in names for i in range(s.start, s.end))]


#: The words before the place where an act happens: "in Haiti", "to Juba".
_PLACING = ("in", "to", "into")
#: A weekday's first letters, as a chronology's lead abbreviates it ("Sun 1 Dec.").
WEEKDAY_STEMS = frozenset(day[:3] for day in WEEKDAYS)
#: Verbs that place who does them where they arrive: "reached Port-au-Prince", "landed in".
REACHING = ("reached", "reach", "reaches", "reaching")
_ARRIVING = ("landed", "arrived", "land", "arrive", "lands", "arrives")


def _paragraph_start(span: Span) -> int:
    """The first token of the line the span starts in."""
    doc = span.doc
    i = span.start
    while i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        i -= 1
    return i


@cache
def _phrase_matcher(cues: tuple[tuple[str, str], ...]) -> PhraseMatcher:
    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for words, _term in cues:
        matcher.add(words, [nlp.make_doc(words)])
    return matcher
