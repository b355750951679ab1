"""The pages as a person uses them, in a real headless Chromium (Debian's ``chromium``, driven by
playwright; no browser is downloaded): every kind of page opens without a console error, fits a
desktop's and a phone's width, names things in words (no IRI or prefixed name as a heading or a
label), quotes each sentence once, draws a picture of at most 25 resources at the size it is
read, has a language, a title, landmarks and a skip link, is used by keyboard alone, and passes
axe-core's accessibility rules with no serious or critical violation. Forms are submitted and
their answers read, downloads parsed, and a crawl finds no broken internal link. Literals
holding markup are shown as text on every page (hostile data built in a temporary folder).

axe-core is the npm package pinned in ``tests/serve/axe/`` (``.ci/run`` installs it with
``npm ci``). The pages' policy lets no script run, axe-core's neither: it is injected in a
browser context made with ``bypass_csp=True``, for the axe run only.

With ``CI=true`` a missing browser or axe-core fails the run instead of skipping it.
``COALITION_KG_SCREENSHOTS=DIR`` keeps screenshots of the README's pages in DIR, at 1280 and 390
pixels (``serve-state-desktop.png``, ``serve-state-phone.png``...: the README's are in docs/).
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
from required_tool import require

from coalition_kg import pipeline

HOSTILE = """United States <script>alert("label")</script> "quoted" & 'single' <b>bold</b>"""
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PAGES = {
    "home": "/",
    "state": "/id/state/GTM",
    "mission": "/id/mission/mss-haiti",
    "fact": "/id/membership/jam-mss-haiti",
    "source": "/id/source/004_488f5bce62634bfc",
    "person": "/id/person/claudia-escobar",
    "ontology": "/ontology",
    "ontology-term": "/ontology#Membership",
    "scheme": "/id/instrument-kind",
    "concept": "/id/instrument-kind/adhesion",
    "catalog": "/queries",
    "question": "/id/query/members",
    "question-deployments": "/id/query/deployments",
    "question-state-profile": "/id/query/state-profile?state=GTM",
    "sparql": "/query",
}
#: Every kind of page, the 404 page with them.
EVERY_PAGE = {**PAGES, "404": "/id/state/NARNIA"}
#: Every page as a document a keyboard starts at the top of (a term of the ontology is a part of its page).
DOCUMENTS = {kind: path for kind, path in EVERY_PAGE.items() if "#" not in path}
WIDTHS = (1280, 390)
#: The pages the README shows, at each width, and the names of their screenshots in docs/.
README_SCREENSHOTS = {"home": "home", "state": "state", "mission": "mission", "fact": "fact", "question-deployments": "question"}
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
#: A prefixed name (ckg:State, state/GTM is none) or an IRI, where a person reads a name.
CURIE_OR_IRI = re.compile(r"^[a-z][\w.-]*:[\w#/.-]+$|://")
DOUBLED_QUOTES = re.compile(r'“\s*“|”\s*”|"\s*"|“\s*"|"\s*”')
#: Where a page names things: its headings and the names of its columns, fields and controls.
NAMING = "h1, h2, h3, h4, h5, h6, th, dt, label, caption, legend, summary"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from chromium()


@pytest.fixture
def page(browser, tmp_path: Path):
    yield from _page(browser, 1200)


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def sized_page(browser, request):
    """A page at a desktop's width, then at a phone's."""
    yield from _page(browser, request.param)


def _page(browser, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True, **options)
    opened = context.new_page()
    opened.console_errors = []  # type: ignore[attr-defined]
    opened.dialogs = []  # type: ignore[attr-defined]
    opened.on("console", lambda message: opened.console_errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def visit(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    page.wait_for_load_state("load")
    assert response is not None and response.status == status, url


def status_of(kind: str) -> int:
    return 404 if kind == "404" else 200


@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_opens_cleanly(page, served, kind, tmp_path):
    visit(page, served + PAGES[kind])
    assert page.console_errors == []
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text().strip()
    # The pages run no script at all; pyLODE's ontology page carries its schema.org description as a data block.
    assert page.locator('script:not([type="application/ld+json"])').count() == 0
    for block in page.locator('script[type="application/ld+json"]').all_text_contents():
        assert kind.startswith("ontology") and json.loads(block)[0]["@id"] == "https://w3id.org/coalition-kg/ontology"


@pytest.mark.parametrize("kind", EVERY_PAGE)
def test_every_kind_of_page_fits_the_width_of_a_desktop_and_of_a_phone(sized_page, served, kind, tmp_path):
    """No element is wider than the window: nothing scrolls sideways, at 1280 pixels or at 390."""
    visit(sized_page, served + EVERY_PAGE[kind], status_of(kind))
    scrolled, width = sized_page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
    assert scrolled <= width, f"{kind} is {scrolled} pixels wide in a window of {width}"
    _lazy_pictures_loaded(sized_page)
    screenshots = os.environ.get("COALITION_KG_SCREENSHOTS")
    if screenshots and kind in README_SCREENSHOTS:
        shot = Path(screenshots) / f"serve-{README_SCREENSHOTS[kind]}-{'desktop' if width > 800 else 'phone'}.png"
    else:
        shot = tmp_path / f"page-{kind}-{width}.png"
    sized_page.screenshot(path=str(shot), full_page=False)


def _lazy_pictures_loaded(page) -> None:
    from playwright.sync_api import expect

    for picture in page.locator("img").all():
        picture.scroll_into_view_if_needed()
        expect(picture).to_have_js_property("complete", True, timeout=60_000)
    page.evaluate("() => window.scrollTo(0, 0)")


@pytest.mark.parametrize("kind", EVERY_PAGE)
def test_no_heading_or_label_is_an_iri_and_no_sentence_is_quoted_twice(page, served, kind):
    visit(page, served + EVERY_PAGE[kind], status_of(kind))
    names = [text.strip() for text in page.locator(NAMING).all_inner_texts() if text.strip()]
    assert names and [name for name in names if CURIE_OR_IRI.search(name)] == [], kind
    # Nor is a link's name, on the project's own pages (pyLODE names the terms of other vocabularies by their prefixed names)
    links = [text.strip() for text in page.locator("main a").all_text_contents()]
    assert kind.startswith("ontology") or [name for name in links if CURIE_OR_IRI.search(name)] == []
    assert DOUBLED_QUOTES.findall(page.inner_text("body")) == []


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_every_page_has_a_language_a_title_landmarks_and_a_skip_link(page, served, kind):
    visit(page, served + EVERY_PAGE[kind], status_of(kind))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title().endswith("coalition-kg") or kind.startswith("ontology")
    assert page.title().strip()
    assert page.locator("main").count() == 1 and page.locator("header, [role=banner]").count() >= 1
    assert page.locator("nav").count() >= 1
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    from playwright.sync_api import expect

    expect(skip).to_be_focused()
    assert skip.get_attribute("href") == "#main" and skip.inner_text() == "Skip to content"
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_every_link_and_control_is_reached_by_the_keyboard(page, served, kind):
    """Tab goes through every link, button, field and scrollable region of the page, in turn."""
    visit(page, served + EVERY_PAGE[kind], status_of(kind))
    focusable = page.locator("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), "
                             "textarea, summary, [tabindex='0']")
    expected = [element for element in focusable.all() if element.is_visible() or element.get_attribute("class") == "skip"]
    reached = []
    for _ in range(len(expected)):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)"))
    # each in the order of the page, none left out, none twice
    assert reached == [element.evaluate("element => element.outerHTML.slice(0, 200)") for element in expected]


def test_a_question_is_asked_by_keyboard(page, served):
    visit(page, served + "/id/query/state-profile")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    while page.evaluate("() => document.activeElement.id") != "p-state":
        page.keyboard.press("Tab")
    page.keyboard.type("Kenya")  # a select takes the option whose name is typed
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "state=https%3A%2F%2Fw3id.org%2Fcoalition-kg%2Fid%2Fstate%2FKEN" in page.url
    assert page.locator(".said").inner_text() == "State: Kenya"


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE.exists(), f"{AXE} is missing (npm ci --prefix tests/serve/axe)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", EVERY_PAGE)
def test_axe_finds_no_serious_or_critical_violation(browser, served, axe_source, kind):
    """axe-core's rules on every kind of page. The pages' Content-Security-Policy lets no script
    run, axe-core's neither: this context alone bypasses it, to inject axe-core."""
    for page in _page(browser, 1280, bypass_csp=True):
        visit(page, served + EVERY_PAGE[kind], status_of(kind))
        page.add_script_tag(content=axe_source)
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [(violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
                   for violation in result["violations"] if violation["impact"] in ("serious", "critical")]
        assert serious == []


#: The static copy's pages whose forms need the server, and a resource's, as Apache serves them.
STATIC_PAGES = {kind: PAGES[kind] for kind in ("state", "question", "question-deployments", "sparql")}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", STATIC_PAGES)
def test_the_static_copy_fits_and_axe_finds_no_serious_or_critical_violation(browser, apache, axe_source, kind, width):
    """The same rules on the pages ``coalition-kg site`` writes, served by Apache: the notice that a
    form needs the server, its disabled fields and the default answer's downloads included."""
    base, _ = apache
    for page in _page(browser, width, bypass_csp=True):
        visit(page, base + STATIC_PAGES[kind])
        scrolled, shown = page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
        assert scrolled <= shown, f"the static {kind} is {scrolled} pixels wide in a window of {shown}"
        assert kind == "state" or "needs the server" in page.locator("#needs-server").inner_text()
        page.add_script_tag(content=axe_source)
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [(violation["id"], violation["impact"]) for violation in result["violations"]
                if violation["impact"] in ("serious", "critical")] == []


def test_the_entity_page_shows_facts_with_their_sentences(page, served):
    visit(page, served + "/id/state/GTM")
    assert page.locator("h1").inner_text() == "Guatemala"
    assert page.locator("dl.properties").get_by_role("link", name="Q774").get_attribute("href") == "https://www.wikidata.org/wiki/Q774"
    quote = page.locator("figure.quote", has=page.locator("blockquote", has_text="Instrument of Adhesion on December 6, 2024")).first
    assert quote.locator("figcaption").inner_text() == "Article 004: Guatemala joins the Multinational Security Support Mission (MMAS)"
    picture = page.locator("figure.neighbourhood img")
    picture.scroll_into_view_if_needed()
    from playwright.sync_api import expect

    expect(picture).to_have_js_property("complete", True, timeout=60_000)  # no script of the test's own: the pages' policy allows none
    assert picture.evaluate("image => image.naturalWidth") > 200
    page.get_by_role("link", name="Multinational Security Support Mission").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/mission/mss-haiti") and page.locator("h1").inner_text() == "Multinational Security Support Mission"


#: The resources each picture draws: the page's own and those it links to directly (Guatemala: its
#: mission, Haiti where its troops are, its two officials, the OAS, its ministry; article 004: the
#: 14 entities its facts name).
PICTURED = {"state": 7, "mission": 17, "fact": 6, "person": 4, "source": 15}


@pytest.mark.parametrize("kind", PICTURED)
def test_a_picture_is_one_hop_of_at_most_25_resources_shown_at_the_size_it_was_drawn(sized_page, served, kind):
    """Labels stay legible: the picture is never shrunk to the page (on a phone, it scrolls in its frame)."""
    from playwright.sync_api import expect

    visit(sized_page, served + PAGES[kind])
    picture = sized_page.locator("figure.neighbourhood img")
    picture.scroll_into_view_if_needed()
    expect(picture).to_have_js_property("complete", True, timeout=60_000)
    natural, shown = picture.evaluate("image => [image.naturalWidth, image.getBoundingClientRect().width]")
    assert natural > 300 and abs(shown - natural) < 1
    svg = get(served + picture.get_attribute("src"))[2].decode()
    assert len(re.findall(r'<g id="node-', svg)) == PICTURED[kind] <= 25


def test_a_question_form_with_a_date_gives_a_timeline(page, served):
    visit(page, served + "/id/query/members-as-of")
    assert "Give date to see the answer" in page.inner_text("main")
    page.fill("#p-date", "2024-09-26")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state("load")
    assert page.locator(".said").inner_text() == "Date: 26 September 2024 · Mission: Multinational Security Support Mission"
    column = page.locator("table.results thead th").all_inner_texts().index("state") + 1
    labels = page.locator(f"table.results tr.values td:nth-child({column})").all_inner_texts()
    assert labels == ["El Salvador", "Jamaica", "Bahamas", "Kenya"]  # Kenya's joining is undated: no point on the line
    assert page.locator("svg.timeline circle").count() == 3
    assert page.locator("svg.timeline text").all_text_contents()[:2] == ["El Salvador", "3 Aug 2024"]
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
def test_every_row_of_every_question_shows_its_evidence_under_it(page, served, name):
    visit(page, f"{served}/id/query/{name}{QUESTIONS[name]}")
    rows = page.locator("table.results tbody.row")
    assert rows.count() > 0
    without = 0
    for index in range(rows.count()):
        cell = rows.nth(index).locator("tr.evidence td")
        assert cell.get_attribute("colspan") == str(rows.nth(index).locator("tr.values td").count())
        quotes = cell.locator("figure.quote")
        if quotes.count() == 0:
            assert " ".join(cell.inner_text().split()) == "Evidence: No source sentence: the row names no fact of the sources."
            without += 1
        for quote in quotes.all():
            assert len(quote.locator("blockquote").inner_text()) > 20  # the sentence
            assert quote.locator("figcaption a").get_attribute("href").startswith("/id/source/")
    assert without == WITHOUT_SENTENCE.get(name, 0)
    # the question's own columns of sources and sentences are the evidence under the rows
    assert not {"evidence", "sentence", "source", "sources"} & set(page.locator("table.results thead th").all_inner_texts())
    assert page.console_errors == []


@pytest.mark.parametrize(("name", "said", "columns"), [
    ("deployments", "Mission: Multinational Security Support Mission",
     ["state", "kind", "status", "ordinal", "size", "place", "deployment"]),
    ("state-profile?state=GTM", "State: Guatemala", ["property", "value", "type", "kind", "date"]),
    ("officials", "", ["official", "role", "organization", "accredited to", "post"]),
])
def test_a_question_says_its_parameters_once_and_names_its_columns_in_words(page, served, name, said, columns):
    """The mission asked about is said above the table, not on every row; a column that repeats the
    names of another's entities (label beside state) is left out; a property is named by its label."""
    visit(page, f"{served}/id/query/{name}")
    assert (page.locator(".said").inner_text() if said else page.locator(".said").count()) == (said or 0)
    assert page.locator("table.results thead th").all_inner_texts() == columns
    if name.startswith("state-profile"):
        properties = page.locator("table.results tr.values td:first-child").all_inner_texts()
        assert {"ISO 3166-1 alpha-3 code", "name", "deploying state", "member"} <= set(properties)


def test_a_row_without_a_fact_column_shows_the_facts_that_link_its_entities(page, served):
    """contributors returns a state and a mission: its evidence is that of the facts linking them."""
    visit(page, served + "/id/query/contributors")
    column = page.locator("table.results thead th").all_inner_texts().index("state") + 1
    row = page.locator("table.results tbody.row").filter(
        has=page.locator(f"tr.values td:nth-child({column})", has_text=re.compile("^Guatemala$")))
    quote = row.locator("tr.evidence figure.quote").filter(
        has=page.locator("blockquote", has_text="Guatemala has officially joined the Multinational Security Support Mission"))
    assert quote.locator("figcaption a").inner_text() == "Article 004: Guatemala joins the Multinational Security Support Mission (MMAS)"
    quote.locator("figcaption a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/id/source/004_488f5bce62634bfc")


def test_a_picker_chooses_a_state(page, served):
    visit(page, served + "/id/query/state-profile")
    page.select_option("#p-state", label="Kenya")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state("load")
    assert "state=https%3A%2F%2Fw3id.org%2Fcoalition-kg%2Fid%2Fstate%2FKEN" in page.url
    assert page.locator(".said").inner_text() == "State: Kenya" and "KEN" in page.locator("table.results").inner_text()


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


def test_the_sparql_page_runs_its_example_without_prefix_lines(page, served):
    visit(page, served + "/query")
    assert "PREFIX" not in page.input_value("#query") and "mission:mss-haiti" in page.input_value("#query")
    prefixes = dict(zip(*[iter(page.locator("aside.prefixes tbody td").all_inner_texts())] * 2))
    assert prefixes["ckg:"] == "https://w3id.org/coalition-kg/ontology#" and len(prefixes) == 14
    page.get_by_role("button", name="Run").click()
    page.wait_for_load_state("load")
    assert page.locator("#results tr.values td:first-child").all_inner_texts() == [
        "El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala"]


def test_the_sparql_page_runs_a_query(page, served):
    visit(page, served + "/query")
    page.fill("#query", "SELECT ?state WHERE { ?state org:memberOf mission:mss-haiti } ORDER BY ?state")
    page.get_by_role("button", name="Run").click()
    page.wait_for_load_state("load")
    assert page.locator("#results tbody td").all_inner_texts() == ["Bahamas", "Belize", "Guatemala", "Jamaica", "Kenya", "El Salvador"]
    assert page.locator("#results thead th").all_inner_texts() == ["state"]
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
