"""Content negotiation: q-values, the range that names a type, the server's order, the other names
of a type, and the format parameter as a fallback."""

from __future__ import annotations

import pytest

from coalition_kg.serve.negotiation import GRAPHS, RESOURCE, RESULTS, NotAcceptable, by_name, choose, negotiate

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(("accept", "offers", "chosen"), [
    (None, RESOURCE, "text/html"),
    ("*/*", GRAPHS, "text/turtle"),
    (BROWSER, RESOURCE, "text/html"),
    (BROWSER, GRAPHS, "text/turtle"),  # a browser's application/xml;q=0.9 asks for no RDF/XML
    ("text/turtle;q=0, text/html", RESOURCE, "text/html"),
    ("application/ld+json, text/turtle;q=0.5", RESOURCE, "application/ld+json"),
    ("text/turtle, */*", RESOURCE, "text/turtle"),  # named beats admitted by a wildcard
    ("application/*, text/*", RESOURCE, "text/html"),  # equally wildcard: the server's order
    ("application/n-triples;q=0.9, text/turtle", GRAPHS, "text/turtle"),
    ("application/json", RESULTS, "application/sparql-results+json"),  # another name, when no own name fits
    ("application/json", GRAPHS, "application/ld+json"),
    ("application/xml", GRAPHS, "application/rdf+xml"),
    ("text/plain", GRAPHS, "application/n-triples"),
    ("text/plain, text/turtle;q=0.1", GRAPHS, "text/turtle"),  # an own name, however weak, first
    ("text/plain, */*;q=0.1", RESOURCE, "application/n-triples"),  # rdflib's parse(url, format="nt")
    ("text/n3, */*;q=0.1", RESOURCE, "text/turtle"),  # rdflib's format="n3"
    ("text/turtle;q=0, */*", GRAPHS, "application/n-triples"),  # refused by name: */* admits the others
    ("application/sparql-results+json;q=0, */*", RESULTS, "application/sparql-results+xml"),  # nor by application/json
])
def test_negotiate(accept, offers, chosen):
    assert negotiate(accept, offers).media_type == chosen


def test_nothing_acceptable_lists_what_is():
    with pytest.raises(NotAcceptable, match="available: text/turtle, application/n-triples"):
        negotiate("image/png", GRAPHS)


@pytest.mark.parametrize(("accept", "names", "offers", "chosen"), [
    ("application/sparql-results+json", ("csv",), RESULTS, "application/sparql-results+json"),
    (BROWSER, ("csv",), RESULTS, "text/csv"),
    ("*/*", ("json-ld", "json-ld", "json-ld"), GRAPHS, "application/ld+json"),  # format, output, results
    ("*/*", ("csv",), GRAPHS, "text/turtle"),  # a results format named for a graph: passed over
    ("*/*", ("turtle", "csv"), RESULTS, "text/csv"),
])
def test_the_format_parameter_is_a_fallback(accept, names, offers, chosen):
    assert choose(accept, names, offers).media_type == chosen


def test_a_format_name_of_nothing_is_refused():
    assert by_name("n3", GRAPHS).media_type == "text/turtle" and by_name("csv", GRAPHS) is None
    with pytest.raises(NotAcceptable, match="unknown format 'yaml' for this answer"):
        by_name("yaml", GRAPHS)
