"""The pages as a person uses them, in a real headless Chromium (Debian's ``chromium``, driven by
playwright; no browser is downloaded): every kind of page opens without a console error, forms
are submitted and their answers read, downloads parsed, and a crawl finds no broken internal link.
Literals holding markup are shown as text on every page (hostile data built in a temporary folder).

With ``CI=true`` a missing browser fails the run instead of skipping it.
``COALITION_KG_SCREENSHOTS=DIR`` keeps screenshots of the main pages in DIR (the README's are in docs/).
"""

from __future__ import annotations

import csv
import html.parser
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from coalition_server import get, serving
from chromium import chromium

from coalition_kg import pipeline

HOSTILE = """United States <script>alert("label")</script> "quoted" & 'single' <b>bold</b>"""
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PAGES = {
    "home": "/",
    "state": "/id/state/GTM",
    "mission": "/id/mission/mss-haiti",
    "fact": "/id/membership/jam-mss-haiti",
    "source": "/id/source/004_488f5bce62634bfc",
    "ontology": "/ontology",
    "scheme": "/id/instrument-kind",
    "concept": "/id/instrument-kind/adhesion",
    "catalog": "/queries",
    "question": "/id/query/members",
    "sparql": "/query",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from chromium()


@pytest.fixture
def page(browser, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.console_errors = []  # type: ignore[attr-defined]
    opened.dialogs = []  # type: ignore[attr-defined]
    opened.on("console", lambda message: opened.console_errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def visit(page, url: str) -> None:
    response = page.goto(url)
    page.wait_for_load_state("load")
    assert response is not None and response.status == 200, url


@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_opens_cleanly(page, served, kind, tmp_path):
    visit(page, served + PAGES[kind])
    assert page.console_errors == []
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text().strip()
    # The pages run no script at all; pyLODE's ontology page carries its schema.org description as a data block.
    assert page.locator('script:not([type="application/ld+json"])').count() == 0
    for block in page.locator('script[type="application/ld+json"]').all_text_contents():
        assert kind == "ontology" and json.loads(block)[0]["@id"] == "https://w3id.org/coalition-kg/ontology"
    screenshots = os.environ.get("COALITION_KG_SCREENSHOTS")
    page.screenshot(path=str(Path(screenshots or tmp_path) / f"page-{kind}.png"), full_page=False)


def test_the_entity_page_shows_facts_with_their_sentences(page, served):
    visit(page, served + "/id/state/GTM")
    assert page.locator("h1").inner_text() == "Guatemala"
    assert page.locator("dl.identifiers").get_by_role("link", name="wd:Q774").get_attribute("href") == "https://www.wikidata.org/wiki/Q774"
    quote = page.locator("blockquote", has_text="Instrument of Adhesion on December 6, 2024").first
    assert quote.locator("cite").inner_text() == "Article 004: Guatemala joins the Multinational Security Support Mission (MMAS)"
    picture = page.locator("figure.neighbourhood img")
    picture.scroll_into_view_if_needed()
    from playwright.sync_api import expect

    expect(picture).to_have_js_property("complete", True)  # no script of the test's own: the pages' policy allows none
    assert picture.evaluate("image => image.naturalWidth") > 200
    page.get_by_role("link", name="Multinational Security Support Mission").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/mission/mss-haiti") and page.locator("h1").inner_text() == "Multinational Security Support Mission"


def test_a_question_form_with_a_date_gives_a_timeline(page, served):
    visit(page, served + "/id/query/members-as-of")
    assert "Give date to see the answer" in page.inner_text("main")
    page.fill("#p-date", "2024-09-26")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state("load")
    column = page.locator("table.results thead th").all_inner_texts().index("label") + 1
    labels = page.locator(f"table.results tbody tr td:nth-child({column})").all_inner_texts()
    assert labels == ["El Salvador", "Jamaica", "Bahamas", "Kenya"]  # Kenya's joining is undated: no point on the line
    assert page.locator("svg.timeline circle").count() == 3
    assert page.locator("svg.timeline text").all_text_contents()[:2] == ["2024-08-03", "El Salvador"]
    assert page.console_errors == []


#: Each question's page with the values its required parameters need; the rows that name no fact
#: of the sources (counts, what the entity register says) are those expected without a sentence.
QUESTIONS = {
    "authorization": "", "conflicts": "", "contributors": "", "deployments": "", "members-as-of": "?date=2024-12-31",
    "members": "", "officials": "", "partners": "", "provenance": "?entity=state/GTM", "state-profile": "?state=GTM",
    "statements": "", "stats": "", "timeline": "",
}
WITHOUT_SENTENCE = {"stats": 21, "state-profile": 3}


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_row_of_every_question_shows_its_evidence(page, served, name):
    visit(page, f"{served}/id/query/{name}{QUESTIONS[name]}")
    assert page.locator("table.results thead th").last.inner_text() == "evidence"
    rows = page.locator("table.results tbody tr")
    assert rows.count() > 0
    without = 0
    for index in range(rows.count()):
        cell = rows.nth(index).locator("td.evidence")
        quotes = cell.locator("blockquote")
        if quotes.count() == 0:
            assert cell.inner_text().strip() == "no source sentence: the row names no fact of the sources"
            without += 1
        for quote in quotes.all():
            assert len(quote.locator("p").inner_text()) > 20  # the sentence, quoted
            assert quote.locator("cite a").first.get_attribute("href").startswith("/id/source/")
    assert without == WITHOUT_SENTENCE.get(name, 0)
    assert page.console_errors == []


def test_a_row_without_a_fact_column_shows_the_facts_that_link_its_entities(page, served):
    """contributors returns a state and a mission: its evidence is that of the facts linking them."""
    visit(page, served + "/id/query/contributors")
    column = page.locator("table.results thead th").all_inner_texts().index("label") + 1
    row = page.locator("table.results tbody tr").filter(
        has=page.locator(f"td:nth-child({column})", has_text=re.compile("^Guatemala$")))
    quote = row.locator("td.evidence blockquote", has_text="Guatemala has officially joined the Multinational Security Support Mission")
    assert quote.locator("cite a").first.inner_text() == "Article 004: Guatemala joins the Multinational Security Support Mission (MMAS)"
    quote.locator("cite a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/source/004_488f5bce62634bfc")


def test_a_picker_chooses_a_state(page, served):
    visit(page, served + "/id/query/state-profile")
    page.select_option("#p-state", label="Kenya")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state("load")
    assert "state=https%3A%2F%2Fw3id.org%2Fcoalition-kg%2Fid%2Fstate%2FKEN" in page.url
    assert "KEN" in page.locator("table.results").inner_text()


def test_downloads_are_the_answer(page, served):
    visit(page, served + "/id/query/members")
    assert page.locator("svg.network line").count() == 6  # each member state linked to the mission
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV", exact=True).click()
    rows = list(csv.DictReader(open(csv_download.value.path(), encoding="utf-8")))
    assert [row["label"] for row in rows] == ["El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON", exact=True).click()
    answer = json.loads(Path(json_download.value.path()).read_text())
    assert [row["state"]["label"] for row in answer["rows"]] == [row["label"] for row in rows]


def test_the_sparql_page_runs_a_query(page, served):
    visit(page, served + "/query")
    assert "PREFIX mission: <https://w3id.org/coalition-kg/id/mission/>" in page.input_value("#query")
    page.fill("#query", "SELECT ?state WHERE { ?state org:memberOf mission:mss-haiti } ORDER BY ?state")
    page.get_by_role("button", name="Run").click()
    page.wait_for_load_state("load")
    assert page.locator("#results tbody td").all_inner_texts() == ["Bahamas", "Belize", "Guatemala", "Jamaica", "Kenya", "El Salvador"]
    page.fill("#query", "DROP ALL")
    page.get_by_role("button", name="Run").click()
    assert "read-only" in page.locator(".error").inner_text()


def test_the_404_page(page, served):
    response = page.goto(served + "/id/state/NARNIA")
    assert response.status == 404 and page.locator("h1").inner_text() == "Not found"


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def test_a_crawl_finds_no_broken_internal_link(served):
    """Every page reachable from the home page, and every link and picture on them, answers 200."""
    seen: set[str] = set()
    broken: list[tuple[str, int]] = []

    def fetch(path: str) -> list[str]:
        status, headers, body = get(served + path, BROWSER_ACCEPT)
        if status != 200:
            broken.append((path, status))
            return []
        if not headers["content-type"].startswith("text/html"):
            return []
        parser = Links()
        parser.feed(body.decode())
        targets = (urllib.parse.urldefrag(urllib.parse.urljoin(served + path, link))[0] for link in parser.found)
        return [target[len(served):] for target in targets if target.startswith(served)]

    pending = ["/"]
    with ThreadPoolExecutor(4) as pool:
        while pending:
            batch = [path for path in dict.fromkeys(pending) if path not in seen]
            seen.update(batch)
            pending = [link for links in pool.map(fetch, batch) for link in links]
    assert broken == [] and len(seen) > 80


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Iterator[str]:
    """A server on data whose register holds a label full of markup."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(pipeline.DATA_DIR, data)
    register = data / "register.yaml"
    register.write_text(register.read_text().replace("    label: United States", f"    label: {json.dumps(HOSTILE)}"))
    pipeline.build(data, root / "build")
    with serving(root / "build", "--workers", "1") as base:
        yield base


@pytest.mark.parametrize("path", ["/", "/id/state/USA", "/id/query/state-profile?state=state/USA", "/id/query/partners",
                                  "/query?query=SELECT%20%3Fl%20WHERE%20%7B%20state%3AUSA%20skos%3AprefLabel%20%3Fl%20%7D"])
def test_markup_in_literals_is_shown_as_text(page, hostile, path):
    visit(page, hostile + path)
    assert page.dialogs == [] and page.locator("script").count() == 0 and page.locator("main b").count() == 0
    assert HOSTILE in page.inner_text("main")
