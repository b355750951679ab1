"""Content negotiation: the media type to answer with, from ``Accept`` with its q-values (RFC 9110),
from a ``format`` parameter, or from a suffix of the path (``/id/state/GTM.ttl``).

Each kind of answer has its list of :class:`Offer` s, in the server's order of preference. Of
types the client wants equally, the one its header names (``text/turtle``) goes before the one
a wildcard admits (``*/*``), as Apache's negotiation also has it; then the server's order breaks
the tie. An offer also answers the other names clients use for its type, as Oxigraph's server
maps them (``application/json`` is SPARQL JSON results for a SELECT query and JSON-LD for a
graph, ``application/xml`` SPARQL XML results or RDF/XML, ``text/plain`` N-Triples), when the
client takes none of the offers by their own names.

The ``format`` parameter (and ``output`` and ``results``, which SPARQLWrapper sends with it) is
a fallback: an ``Accept`` header that names an offered type by its own name (not only ``*/*``)
is followed, and the parameter chooses only among what ``Accept`` leaves open, so a browser's link with
``?format=csv`` gets CSV, and a client that sends both gets what its header asks for. It takes
the names SPARQLWrapper and others use (``json-ld``, ``n3``, ``rdf+xml``...); a name meant for
the other kind of answer (``csv`` for a graph) is passed over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

#: The parameters that name a format, in the order they are read.
FORMAT_PARAMETERS = ("format", "output", "results")


class Offer(NamedTuple):
    """A way of writing an answer: its media type, the name the writer knows it by, the ``format``
    parameter values and path suffix that ask for it, and the other media types it answers."""

    media_type: str
    serialization: str
    names: tuple[str, ...]
    suffix: str = ""
    aliases: tuple[str, ...] = ()


class NotAcceptable(ValueError):
    """Nothing the client accepts can be written; the message lists what can."""


#: SELECT and ASK answers: the W3C SPARQL 1.1 results formats.
RESULTS = (
    Offer("application/sparql-results+json", "json", ("json", "srj", "application/sparql-results+json"), ".srj",
          ("application/json", "text/json")),
    Offer("application/sparql-results+xml", "xml", ("xml", "srx", "application/sparql-results+xml"), ".srx",
          ("application/xml", "text/xml")),
    Offer("text/csv", "csv", ("csv", "text/csv"), ".csv"),
    Offer("text/tab-separated-values", "tsv", ("tsv", "text/tab-separated-values"), ".tsv", ("text/tsv",)),
)
#: CONSTRUCT and DESCRIBE answers, and resources: RDF.
GRAPHS = (
    Offer("text/turtle", "turtle", ("turtle", "ttl", "n3", "text/turtle"), ".ttl",
          ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3", "application/n3")),
    Offer("application/n-triples", "ntriples", ("ntriples", "nt", "n-triples", "application/n-triples"), ".nt",
          ("text/plain",)),
    Offer("application/ld+json", "jsonld", ("jsonld", "json-ld", "json", "application/ld+json"), ".jsonld",
          ("application/json", "application/x-json+ld")),
    Offer("application/rdf+xml", "rdfxml", ("rdfxml", "rdf+xml", "rdf", "xml", "application/rdf+xml"), ".rdf",
          ("application/xml", "text/xml")),
    Offer("application/trig", "trig", ("trig", "application/trig"), ".trig", ("application/x-trig",)),
    Offer("application/n-quads", "nquads", ("nquads", "nq", "n-quads", "application/n-quads"), ".nq",
          ("text/x-nquads", "text/nquads")),
)
HTML = Offer("text/html", "html", ("html", "text/html"), ".html", ("application/xhtml+xml",))
#: A resource: its page for browsers, or its description in RDF.
RESOURCE = (HTML, *(offer for offer in GRAPHS if offer.serialization in ("turtle", "jsonld", "ntriples", "rdfxml")))
#: Every name a format parameter may give, for either kind of answer.
KNOWN_NAMES = frozenset(name for offer in (*RESULTS, *GRAPHS, HTML) for name in offer.names)


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
    """The offer the client prefers: by the q-value of its own media type, the range that names it
    most closely, then the server's order; by the other names of the types only when the client
    takes none of their own (a browser's ``application/xml;q=0.9`` asks for no RDF/XML, where a
    client that sends only ``application/xml`` does), or when another name is the client's first
    choice and it names none of the offers by their own: rdflib's ``Graph().parse(url,
    format="nt")`` sends ``text/plain, */*;q=0.1``, and wants N-Triples, not what ``*/*`` admits.
    :class:`NotAcceptable` if none."""
    ranges = parse_accept(accept)
    first_choices = [] if names_an_offer(accept, offers) else _first_choices(ranges)
    chosen = (_best(offers, lambda offer: max(_score((offer.media_type,), ranges),
                                              _score(offer.aliases, first_choices)))
              or _best(offers, lambda offer: _score(offer.aliases, ranges)))
    if chosen is None:
        raise NotAcceptable(f"cannot answer with any type in 'Accept: {accept}'; available: {listing(offers)}")
    return chosen


def _best(offers: tuple[Offer, ...], score: Callable[[Offer], tuple[float, int]]) -> Offer | None:
    """The offer of the best score, the server's order breaking ties; None if none has q > 0."""
    scored = ((score(offer), -index, offer) for index, offer in enumerate(offers))
    (quality, _), _, best = max(scored, key=lambda item: item[:2])
    return best if quality > 0 else None


def _first_choices(ranges: list[Range]) -> list[Range]:
    """The ranges that name a type (no wildcard) at the highest q-value of the header."""
    highest = max(r.quality for r in ranges)
    return [r for r in ranges if r.specificity == 2 and r.quality == highest > 0]


def _score(media_types: tuple[str, ...], ranges: list[Range]) -> tuple[float, int]:
    """The best q-value the ranges give any of ``media_types``, and how closely the range names it."""
    best = (0.0, 0)
    for media_type in media_types:
        matching = [r for r in ranges if r.matches(media_type)]
        if matching:
            closest = max(matching, key=lambda r: (r.specificity, -r.order))
            best = max(best, (closest.quality, closest.specificity))
    return best


def names_an_offer(accept: str | None, offers: tuple[Offer, ...]) -> bool:
    """Whether ``Accept`` names one of the offers' own media types (not only by ``*/*`` or
    ``type/*``, nor by another name: a browser's ``application/xml`` is no request for XML results),
    with q > 0."""
    named = [r for r in parse_accept(accept) if r.specificity == 2]
    return any(quality_of(offer.media_type, named) > 0 for offer in offers)


def by_name(name: str, offers: tuple[Offer, ...]) -> Offer | None:
    """The offer a ``format`` parameter names (a short name or a media type); None for a name
    meant for the other kind of answer; :class:`NotAcceptable` for a name of no format."""
    wanted = name.strip().lower()
    for offer in offers:
        if wanted in offer.names:
            return offer
    if wanted in KNOWN_NAMES:
        return None
    raise NotAcceptable(f"unknown format '{name}' for this answer; available: {listing(offers)}")


def by_suffix(path: str, offers: tuple[Offer, ...]) -> tuple[str, Offer | None]:
    """``path`` without a suffix that names one of ``offers``, and that offer (None if no suffix names one)."""
    for offer in offers:
        if offer.suffix and path.endswith(offer.suffix):
            return path[: -len(offer.suffix)], offer
    return path, None


def choose(accept: str | None, format_names: tuple[str, ...], offers: tuple[Offer, ...]) -> Offer:
    """What ``Accept`` asks for, when it names an offer; else the first of ``format_names`` that
    names one; else what ``Accept`` allows (its wildcards)."""
    if not names_an_offer(accept, offers):
        for name in format_names:
            offer = by_name(name, offers)
            if offer is not None:
                return offer
    return negotiate(accept, offers)


def listing(offers: tuple[Offer, ...]) -> str:
    return ", ".join(offer.media_type for offer in offers)
