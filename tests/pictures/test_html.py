"""The interactive HTML page: self-contained (nothing loaded from the network) and carrying the whole view."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from coalition_kg.pictures.html import to_html
from coalition_kg.pictures.render import render
from coalition_kg.pictures.views import build_view

#: Attributes through which a page loads or links to a resource.
RESOURCE_ATTRIBUTES = {"src", "href", "xlink:href", "data", "action", "poster", "srcset", "background"}
REMOTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


class Page(HTMLParser):
    """The tags, the resource references, the styles and the scripts of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.blocks: dict[str, list[str]] = {"style": [], "script": []}
        self.script_types: list[str | None] = []
        self._open: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        self.references += [value or "" for name, value in attrs if name in RESOURCE_ATTRIBUTES]
        self.references += re.findall(r"url\(([^)]*)\)", attributes.get("style") or "")
        if tag == "script":
            self.script_types.append(attributes.get("type"))
        self._open = tag if tag in self.blocks else None

    def handle_data(self, data):
        if self._open:
            self.blocks[self._open].append(data)

    def handle_endtag(self, tag):
        self._open = None


@pytest.fixture(scope="module", params=["coalition", "entities", "provenance"])
def page(request, project) -> tuple[str, str]:
    return request.param, render(request.param, "html", project.dataset).decode("utf-8")


def test_the_page_loads_nothing_from_the_network(page):
    _, text = page
    parsed = Page(text)
    assert not [reference for reference in parsed.references if REMOTE.match(reference)]
    assert not {"link", "iframe", "img", "object", "embed", "base"} & set(parsed.tags)
    styles = "".join(parsed.blocks["style"])
    assert "@import" not in styles
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", styles + "".join(parsed.blocks["script"]), re.IGNORECASE)
    assert parsed.script_types == ["application/json", None]  # the data, then the inline program; no src=
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.IGNORECASE)


def test_the_page_carries_every_node_and_edge_with_its_attributes(project, page):
    view, text = page
    graph = build_view(view, project.dataset)
    data = json.loads(Page(text).blocks["script"][0])
    assert [node["id"] for node in data["nodes"]] == sorted(graph)
    assert len(data["edges"]) == graph.number_of_edges()
    jamaica = next(node for node in data["nodes"] if node["id"] == "state/JAM")
    assert jamaica["label"] == "Jamaica"
    assert ["iso3166Alpha3", "JAM"] in jamaica["details"]
    assert jamaica["colour"] == "#1f77b4"


def test_the_page_offers_pan_zoom_drag_and_tooltips(page):
    _, text = page
    program = Page(text).blocks["script"][1]
    for event in ('"wheel"', '"pointerdown"', '"pointermove"', '"pointerleave"'):
        assert event in program
    assert "<svg id=\"view\"" in text and '<ul id="legend">' in text


def test_markup_in_the_data_cannot_escape_its_script_element():
    graph = nx.MultiDiGraph()
    hostile = '</script><script>alert("x")</script><!--'
    graph.add_node("n", label=hostile, type="ckg:State")
    text = to_html(graph, "a <b>title</b>").decode()
    parsed = Page(text)
    assert parsed.script_types == ["application/json", None]
    assert json.loads(parsed.blocks["script"][0])["nodes"][0]["label"] == hostile
    assert "<title>a &lt;b&gt;title&lt;/b&gt;</title>" in text
