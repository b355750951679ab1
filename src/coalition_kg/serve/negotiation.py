"""Content negotiation: the media type to answer with, from ``Accept`` with its q-values (RFC 9110),
from a ``format`` parameter, or from a suffix of the path (``/id/state/GTM.ttl``).

Each kind of answer has its list of :class:`Offer` s, in the server's order of preference, which
breaks ties between types the client wants equally.
"""

from __future__ import annotations

from typing import NamedTuple


class Offer(NamedTuple):
    """A way of writing an answer: its media type, the name the writer knows it by, the ``format``
    parameter values and path suffix that ask for it."""

    media_type: str
    serialization: str
    names: tuple[str, ...]
    suffix: str = ""


class NotAcceptable(ValueError):
    """Nothing the client accepts can be written; the message lists what can."""


#: SELECT and ASK answers: the W3C SPARQL 1.1 results formats.
RESULTS = (
    Offer("application/sparql-results+json", "json", ("json", "srj", "application/sparql-results+json"), ".srj"),
    Offer("application/sparql-results+xml", "xml", ("xml", "srx", "application/sparql-results+xml"), ".srx"),
    Offer("text/csv", "csv", ("csv", "text/csv"), ".csv"),
    Offer("text/tab-separated-values", "tsv", ("tsv", "text/tab-separated-values"), ".tsv"),
)
#: CONSTRUCT and DESCRIBE answers, and resources: RDF.
GRAPHS = (
    Offer("text/turtle", "turtle", ("turtle", "ttl", "text/turtle"), ".ttl"),
    Offer("application/n-triples", "ntriples", ("ntriples", "nt", "application/n-triples"), ".nt"),
    Offer("application/ld+json", "jsonld", ("jsonld", "json-ld", "json", "application/ld+json"), ".jsonld"),
    Offer("application/trig", "trig", ("trig", "application/trig"), ".trig"),
    Offer("application/n-quads", "nquads", ("nquads", "nq", "application/n-quads"), ".nq"),
)
HTML = Offer("text/html", "html", ("html", "text/html"), ".html")
#: A resource: its page for browsers, or its description in RDF.
RESOURCE = (HTML, *(offer for offer in GRAPHS if offer.serialization in ("turtle", "jsonld", "ntriples")))


class Range(NamedTuple):
    kind: str
    subtype: str
    quality: float
    order: int

    def matches(self, media_type: str) -> bool:
        kind, _, subtype = media_type.partition("/")
        return self.kind in ("*", kind) and self.subtype in ("*", subtype)

    @property
    def specificity(self) -> int:
        return (self.kind != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[Range]:
    """The media ranges of an Accept header; an absent or empty header accepts anything."""
    ranges = []
    for order, item in enumerate((header or "*/*").split(",")):
        media, *parameters = (part.strip() for part in item.split(";"))
        kind, slash, subtype = media.lower().partition("/")
        if not slash or not kind or not subtype:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append(Range(kind, subtype, quality, order))
    return ranges or [Range("*", "*", 1.0, 0)]


def quality_of(media_type: str, ranges: list[Range]) -> float:
    """The q-value a client gives ``media_type``: that of the most specific range matching it."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0
    return max(matching, key=lambda r: (r.specificity, -r.order)).quality


def negotiate(accept: str | None, offers: tuple[Offer, ...]) -> Offer:
    """The offer the client prefers, the server's order breaking ties; :class:`NotAcceptable` if none."""
    ranges = parse_accept(accept)
    scored = [(quality_of(offer.media_type, ranges), -index, offer) for index, offer in enumerate(offers)]
    quality, _, best = max(scored)
    if quality <= 0:
        raise NotAcceptable(f"cannot answer with any type in 'Accept: {accept}'; available: {listing(offers)}")
    return best


def by_name(name: str, offers: tuple[Offer, ...]) -> Offer:
    """The offer a ``format`` parameter names (a short name or a media type)."""
    wanted = name.strip().lower()
    for offer in offers:
        if wanted in offer.names:
            return offer
    raise NotAcceptable(f"unknown format '{name}' for this answer; available: {listing(offers)}")


def by_suffix(path: str, offers: tuple[Offer, ...]) -> tuple[str, Offer | None]:
    """``path`` without a suffix that names one of ``offers``, and that offer (None if no suffix names one)."""
    for offer in offers:
        if offer.suffix and path.endswith(offer.suffix):
            return path[: -len(offer.suffix)], offer
    return path, None


def choose(accept: str | None, format_name: str | None, offers: tuple[Offer, ...]) -> Offer:
    """The ``format`` parameter when given, else the Accept header."""
    return by_name(format_name, offers) if format_name else negotiate(accept, offers)


def listing(offers: tuple[Offer, ...]) -> str:
    return ", ".join(offer.media_type for offer in offers)
