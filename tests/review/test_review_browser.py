"""Reviewing a new article as a curator does, in a real headless Chromium (Debian's ``chromium``,
driven by playwright, as tests/serve/test_browser.py does): on a copy of data/, the fictional
article 007 and the draft ``propose`` made of it, through ``coalition-kg review``.

With JavaScript, by keyboard (a, r, j, e) and the live register search; without it, by the forms
alone. Either way the saved facts file must be the curator's annotation of the article
(``articles/007_fictional_trinidad.yaml``), and the build must answer with the new facts.
``COALITION_KG_SCREENSHOTS=DIR`` keeps a screenshot of the page in DIR (the README's is in docs/).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError
from coalition_server import serving
from chromium import chromium
from review_server import ARTICLES, new_project, reviewing


ARTICLE = "007_fictional_trinidad"
KENYA = "Kenya, which leads the mission, sent 400 police officers in 2024"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from chromium()


def new_page(browser, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, java_script_enabled=javascript)
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


def facts_of(path: Path) -> dict[str, dict[str, str]]:
    """The facts of a facts file, by kind/id: each field's text."""
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    return {f"{fact['kind']}/{fact['id']}": {name: str(value) for name, value in fact.items()} for fact in facts}


def counts(page) -> str:
    return " ".join(page.locator("#counts").inner_text().split())


def key(page, name: str) -> None:
    """A key that changes something: the page posts its form and comes back (a new document: the
    old one's mark is gone). Chromium now and then reports the navigation it is waiting for as
    aborted while the page it redirects to still loads; the page must come back all the same."""
    page.evaluate("() => { window.beforeTheKey = true; }")
    try:
        with page.expect_navigation():
            page.keyboard.press(name)
    except PlaywrightError as error:
        if "ERR_ABORTED" not in str(error):
            raise
    page.wait_for_function("() => !window.beforeTheKey && document.readyState === 'complete'")


def card(page, number: int):
    return page.locator(".card.fact").nth(number - 1)


def test_a_curator_reviews_a_new_article_by_keyboard_saves_and_builds(browser, tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    register_before = (project.data / "register.yaml").read_text(encoding="utf-8")
    page = new_page(browser)
    with serving(project.build) as served, reviewing(project, article, "--serve-url", served) as base:
        page.goto(base)
        assert counts(page).startswith("0 accepted 0 rejected 10 open 6 invalid register entries: 0 accepted, 3 open")
        # Each proposed fact's sentence is marked in the article, with the numbers of its cards.
        marked = page.locator("label.sentence.marked", has_text="The Trinidadian government will deploy")
        assert marked.locator("+ a.cardref").inner_text() == "3"
        first = card(page, 1)
        assert first.locator("dl.values").inner_text().split("\n")[:2] == ["member", "Trinidad and Tobago state/TTO"]
        assert first.locator(".rule").inner_text() == "rule membership.by-instrument, confidence 0.90"
        assert "state/TTO is not in the register" in first.locator("ul.results").inner_text()
        post = card(page, 7)
        assert post.locator(".needs-decision").inner_text().startswith("Needs a decision: the sentence does not say which state")

        # The new register entries: Alicia Ramdeen and Trinidad and Tobago in, Spain ("Port of Spain") out.
        page.keyboard.press("j")
        assert page.locator(".card.current header strong").inner_text() == "Alicia Ramdeen"
        key(page, "a")
        page.keyboard.press("j")
        assert page.locator(".card.current header strong").inner_text() == "Spain"
        key(page, "r")
        page.keyboard.press("j")
        key(page, "a")
        assert counts(page).startswith("0 accepted 0 rejected 10 open 0 invalid register entries: 2 accepted, 0 open")

        # The facts, one key each: after a decision the page comes back at the next open card.
        page.keyboard.press("j")
        for expected in ("membership", "instrument", "deployment", "deployment"):
            assert page.locator(".card.current .kind").inner_text() == expected
            key(page, "a")
        assert page.locator(".card.current code").first.inner_text() == "deployment/jam-equipment"
        key(page, "r")  # "a Jamaican ship will carry" supplies: no deployment of 2024
        key(page, "a")
        key(page, "a")
        # The announcement's agent is the state, not the minister: fixed with the register picker.
        assert page.locator(".card.current code").first.inner_text() == "event/alicia-ramdeen-announcement"
        page.keyboard.press("e")
        event = page.locator("#card-f8")
        event.locator("input[name=q-agent]").fill("Trinidadian")
        found = event.locator("ul.found li", has_text="Trinidad and Tobago")
        assert found.inner_text().endswith("demonym 'Trinidadian'")
        screenshots = os.environ.get("COALITION_KG_SCREENSHOTS")
        if screenshots:
            page.screenshot(path=str(Path(screenshots) / "review.png"))
        found.get_by_role("button").click()
        assert event.locator("input[name=v-agent]").input_value() == "state/TTO"
        with page.expect_navigation():
            event.get_by_role("button", name="Save the card").last.click()
        assert "Trinidad and Tobago state/TTO" in page.locator("#card-f8 dl.values").inner_text()
        page.keyboard.press("j")
        key(page, "a")
        key(page, "a")
        assert counts(page).startswith("9 accepted 1 rejected 0 open 0 invalid")

        # A fact the draft missed, from its sentence: invalid until filled in, then valid.
        page.locator("label.sentence", has_text=KENYA).click()
        page.select_option("select[name=kind]", "membership")
        with page.expect_navigation():
            page.get_by_role("button", name="Add fact").click()
        added = page.locator("#card-f11")
        assert "Violation" in added.locator("ul.results").inner_text()
        assert counts(page).startswith("10 accepted 1 rejected 0 open 1 invalid")
        assert added.locator("blockquote").inner_text().startswith(KENYA)
        added.locator("input[name=id]").fill("ken-mss-haiti")
        for field, search, choice in (("member", "Kenyan", "Kenya"), ("mission", "MSSM", "Multinational Security Support Mission")):
            added.locator(f"input[name=q-{field}]").fill(search)
            added.locator(f"input[name=q-{field}] >> xpath=../following-sibling::ul//button", has_text=choice).first.click()
        with page.expect_navigation():
            added.get_by_role("button", name="Save the card").last.click()
        assert page.locator("#card-f11 ul.results").count() == 0
        assert counts(page).startswith("10 accepted 1 rejected 0 open 0 invalid")

        # The source header: what is known of the article.
        page.fill("#source-label", "Article 007 (fictional): Trinidad and Tobago joins the MSSM")
        page.fill("#source-date", "2025-04-02")
        page.fill("#source-url", "https://news.example/trinidad-joins-mssm")
        page.fill("#source-publisher", "Port of Spain Wire")
        with page.expect_navigation():
            page.get_by_role("button", name="Save the source header").click()
        with page.expect_navigation(timeout=300_000):
            page.get_by_role("button", name="Save and build").click()
        outcome = page.locator(".outcome").inner_text()
        assert outcome.startswith("saved 10 facts and 2 register entries: ")
        assert "built: built " in outcome and page.locator(".outcome .problem").count() == 0
        assert page.console_errors == []

        # The new facts' pages on serve, linked from the review once serve has the new build.
        page.locator(".outcome a", has_text="Trinidad and Tobago").click()
        page.wait_for_load_state("load")
        assert page.url == f"{served}/id/state/TTO" and page.locator("h1").inner_text() == "Trinidad and Tobago"
        sentence = page.locator("blockquote", has_text="The Trinidadian government will deploy 50 soldiers to Haiti in May 2025.")
        quote = page.locator("figure.quote", has=sentence)
        assert quote.count() >= 1 and "Article 007 (fictional)" in quote.first.locator("figcaption").inner_text()

    assert facts_of(project.data / "facts" / f"{ARTICLE}.yaml") == facts_of(ARTICLES / f"{ARTICLE}.yaml")
    saved = (project.data / "facts" / f"{ARTICLE}.yaml").read_text(encoding="utf-8")
    assert "  # [195, 267) rule deployment.subject-of-verb, confidence 0.85\n  - id: tto-troops\n" in saved
    assert '  date: "2025-04-02"\n  url: "https://news.example/trinidad-joins-mssm"\n  publisher: "Port of Spain Wire"\n' in saved
    assert "edited in review: agent (was \"person/alicia-ramdeen\")" in saved
    register = (project.data / "register.yaml").read_text(encoding="utf-8")
    assert register.startswith(register_before) and "state/ESP" not in register
    assert register[len(register_before):].count("  - id: ") == 2 and "  - id: state/TTO\n    label: Trinidad and Tobago\n" in register
    members = project.run("query", "members", "--format", "csv").stdout.splitlines()
    assert any(row.startswith(("6,https://w3id.org/coalition-kg/id/state/TTO,Trinidad and Tobago,"
                               "https://w3id.org/coalition-kg/id/instrument-kind/signature,2025-04-02")) for row in members)
    evidence = project.run("query", "provenance", "--param", "entity=state/TTO", "--format", "csv").stdout
    assert "The Trinidadian government will deploy 50 soldiers to Haiti in May 2025." in evidence


def test_without_script_the_forms_do_the_main_path_and_reopening_resumes(browser, tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    page = new_page(browser, javascript=False)
    with reviewing(project, article) as base:
        page.goto(base)
        for entry in ("Trinidad and Tobago", "Alicia Ramdeen"):
            with page.expect_navigation():
                page.locator(".card.entity", has_text=entry).get_by_role("button", name="Accept into the register").click()
        with page.expect_navigation():
            page.locator(".card.entity", has_text="Spain").get_by_role("button", name="Reject").click()
        for number in (1, 2):
            with page.expect_navigation():
                card(page, number).get_by_role("button", name="Accept").click()
        with page.expect_navigation():
            card(page, 5).get_by_role("button", name="Reject").click()
        # The picker without script: Find asks the server, a result is picked, then the card is saved.
        event = page.locator("#card-f8")
        event.locator("summary", has_text="Edit").click()
        event.locator("input[name=q-agent]").fill("TTO")
        with page.expect_navigation():
            event.get_by_role("button", name="Find").first.click()
        event = page.locator("#card-f8")
        assert event.locator("details.edit").get_attribute("open") is not None
        with page.expect_navigation():
            event.locator("ul.found button", has_text="Trinidad and Tobago").click()
        assert page.locator("#card-f8 input[name=v-agent]").input_value() == "state/TTO"
        with page.expect_navigation():
            page.locator("#card-f8").get_by_role("button", name="Save the card").last.click()
        # A missed fact, its sentence chosen by clicking it (a radio button in its label).
        page.locator("label.sentence", has_text=KENYA).click()
        page.select_option("select[name=kind]", "membership")
        with page.expect_navigation():
            page.get_by_role("button", name="Add fact").click()
        added = page.locator("#card-f11")
        added.locator("input[name=id]").fill("ken-mss-haiti")
        added.locator("input[name=v-member]").fill("state/KEN")
        added.locator("input[name=v-mission]").fill("mission/mss-haiti")
        with page.expect_navigation():
            added.get_by_role("button", name="Save the card").last.click()
        assert counts(page).startswith("4 accepted 1 rejected 6 open 0 invalid")
        with page.expect_navigation():
            page.get_by_role("button", name="Save", exact=True).click()
        assert page.locator(".outcome").inner_text().startswith("saved 4 facts and 2 register entries")
        assert page.locator("script").count() == 1 and page.console_errors == []

    saved = facts_of(project.data / "facts" / f"{ARTICLE}.yaml")
    expected = facts_of(ARTICLES / f"{ARTICLE}.yaml")
    assert sorted(saved) == ["event/alicia-ramdeen-announcement", "instrument/tto-signature",
                             "membership/ken-mss-haiti", "membership/tto-mss-haiti"]
    assert all(saved[ref] == expected[ref] for ref in saved)

    # Reopened, the review is where the curator left it: the open cards still open.
    with reviewing(project, article) as base:
        page.goto(base)
        assert counts(page).startswith("4 accepted 1 rejected 6 open 0 invalid")
        assert re.search(r"Started from .*007_fictional_trinidad\.yaml", page.locator(".keys").inner_text())
