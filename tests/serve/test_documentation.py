"""The ontology's documentation, written by the build without network: pyLODE's page of the classes
and properties, a page per concept scheme listing its concepts; and the server serving those pages."""

from __future__ import annotations

import html.parser
import socket
from pathlib import Path

import pytest
from coalition_server import get

from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.serve.documentation import documentation

SCHEMES = ["deployment-kind", "deployment-status", "event-kind", "instrument-kind", "partner-role", "role"]


class Text(html.parser.HTMLParser):
    """The text of each element with an id, and of the page's h1 and links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.headings: dict[str, str] = {}
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        found = dict(attrs)
        self.ids += [found["id"]] if "id" in found else []
        self.links += [found["href"]] if tag == "a" and found.get("href") else []
        self._heading = tag if tag in ("h1", "h2") else self._heading

    def handle_endtag(self, tag) -> None:
        self._heading = None if tag == self._heading else self._heading

    def handle_data(self, data) -> None:
        if self._heading:
            self.headings[self._heading] = self.headings.get(self._heading, "") + data


def read(page: bytes) -> Text:
    parser = Text()
    parser.feed(page.decode("utf-8"))
    return parser


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    """The documentation, made with every network connection refused."""

    def refuse(*_args, **_kwargs):
        raise OSError("no network while the documentation is made")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        return documentation(ONTOLOGY_DIR / "coalition.ttl")


def test_the_ontology_page_documents_classes_and_properties_without_the_schemes_in_its_header(pages):
    assert sorted(pages) == sorted(["index.html", *(f"{scheme}.html" for scheme in SCHEMES)])
    page = read(pages["index.html"])
    assert page.headings["h1"] == "coalition-kg ontology"  # not the schemes' titles run into it
    assert {"Mission", "Membership", "joinedBy", "quotedSentence", "iso3166Alpha3"} <= set(page.ids)
    text = pages["index.html"].decode()
    assert "OntPub" in text and "A multinational security mission or coalition" in text
    assert "The kinds of legal instrument concerning a mission" not in text  # a scheme's definition: on its own page
    assert [link for link in page.links if link.startswith("/id/")] == [f"/id/{scheme}" for scheme in SCHEMES]


def test_each_scheme_page_lists_its_concepts(pages):
    page = read(pages["instrument-kind.html"])
    assert page.headings["h1"] == "instrument kinds"
    concepts = [link for link in page.links if link.startswith("/id/instrument-kind/")]
    assert concepts == ["/id/instrument-kind/" + name for name in (  # in order of their labels
        "unsc-resolution", "bilateral-agreement", "court-ruling", "executive-decree", "adhesion", "letter-of-intent",
        "mandate-extension", "memorandum-of-understanding", "withdrawal-notice", "parliamentary-approval",
        "ratification", "signature", "status-of-forces-agreement")]
    assert "medical evacuation helicopters" in pages["deployment-kind.html"].decode()
    assert "(also called “medevac helicopters”)" in pages["deployment-kind.html"].decode()


def test_the_server_serves_the_pages_the_build_wrote(served, built: Path):
    for path, file in [("/ontology", "index.html"), ("/id/instrument-kind", "instrument-kind.html")]:
        status, headers, body = get(served + path, "text/html")
        assert status == 200 and headers["vary"] == "Accept"
        assert body == (built / "ontology" / file).read_bytes()
