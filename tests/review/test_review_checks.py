"""Every change checked at once, as the page shows it: a card edited with a mistyped concept, a
mistyped register id and a quote that is not the article's gets each violation with its hint
(did you mean, the first difference of the quote), the counts take it as invalid, and the
violations go when the card is fixed and the register entry it names is accepted; a proposed
entry linked to one the register has is named by the facts instead. The real command, on a copy
of data/, through its forms as a browser without script posts them."""

from __future__ import annotations

import html
import re
import urllib.parse

from review_server import Client, new_project, reviewing

ARTICLE = "007_fictional_trinidad"
SENTENCE = "The Trinidadian government will deploy 50 soldiers to Haiti in May 2025."
#: Card 3 of the draft, deployment/tto-troops, as the draft has it.
TROOPS = {"state": "state/TTO", "mission": "mission/mss-haiti", "deployment_kind": "troops", "status": "committed",
          "size": "50", "place": "state/HTI", "date": "2025-05"}


def post(client: Client, base: str, path: str, **fields: str) -> None:
    body = urllib.parse.urlencode({"csrf": client.csrf(), **fields}).encode()
    status, headers, page = client.request(path, body, {"Origin": base})
    assert (status, headers.get("location", "")[:2]) == (303, "/#"), page[:500]


def edit_troops(client: Client, base: str, evidence: str, **changed: str) -> None:
    values = {f"v-{name}": value for name, value in {**TROOPS, **changed}.items()}
    post(client, base, "/facts/f3/edit", id="tto-troops", step="save", evidence=evidence, **values)


def search_to_link(client: Client, base: str, label: str, query: str) -> tuple[str, int, list[tuple[str, str]]]:
    """Search the register from the link form of the proposed entry labelled ``label``: the
    entry's card key, the status, and the (id, label) of each entry offered."""
    page = client.request("/")[2]
    entry = re.search(rf'id="card-(e\d+)"[^>]*>\s*<header>[^\n]*<strong>{re.escape(label)}</strong>', page)[1]
    body = urllib.parse.urlencode({"csrf": client.csrf(), "q": query}).encode()
    status, _, page = client.request(f"/entities/{entry}/link", body, {"Origin": base})
    offered = r'<button type="submit" name="existing" value="([^"]+)">Link to ([^<]+)</button>'
    return entry, status, re.findall(offered, card(page, entry))


def card(page: str, key: str) -> str:
    return re.search(rf'<article class="[^"]*" id="card-{key}".*?</article>', page, re.S)[0]


def results(page: str, key: str) -> list[str]:
    """The card's results as a person reads them: severity, message, value and hint."""
    shown = re.findall(r'<li class="(?:violation|warning|info)">(.*?)</li>', card(page, key), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in shown]


def counts(page: str) -> str:
    shown = re.search(r'<p class="counts" id="counts">(.*?)</p>', page, re.S)[1]
    return " ".join(re.sub(r"<[^>]+>", "", shown).split())


def test_a_mistake_shows_at_once_with_its_hint_and_goes_when_fixed(tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    with reviewing(project, article) as base:
        client = Client(base)
        before = counts(client.request("/")[2])
        assert before.startswith("0 accepted 0 rejected 10 open 6 invalid")

        edit_troops(client, base, SENTENCE.replace("soldiers", "soldier's"), deployment_kind="troop", place="state/HTX")
        page = client.request("/")[2]
        assert results(page, "f3") == [
            "Violation ckg:deployingState: 'state:' must name one state of the register (state/ISO code). "
            "(value: state/TTO) — state/TTO is not in the register",
            "Violation ckg:deploymentKind: 'deployment_kind:' must be one concept of the deployment-kind scheme; "
            "'coalition-kg model deployment' lists them. (value: deployment-kind/troop) — did you mean troops?",
            "Violation ckg:place: 'place:' must name one state of the register. (value: state/HTX) "
            "— state/HTX is not in the register; did you mean state/HTI?",
            "Violation: 'evidence:' must be quoted exactly as it stands in the source text; this sentence does not "
            "occur there. (value: \"The Trinidadian government will deploy 50 soldier's to Haiti in May 2025.\") "
            "— first difference at character 50, after \"…ernment will deploy 50 soldier\": it has \"'\" "
            "(U+0027 APOSTROPHE) where the text it quotes has 's' (U+0073 LATIN SMALL LETTER S)",
        ]
        # An edit is the curator's decision: the card counts as accepted, and still as invalid.
        assert counts(page).startswith("1 accepted 0 rejected 9 open 6 invalid")
        # The concept picker offers the scheme's concepts with their definitions (as `coalition-kg
        # model` does), the mistyped value kept checked and named as none of them.
        edit_form = card(page, "f3")
        assert ('<input type="radio" name="v-deployment_kind" value="troop" checked> <strong>troop</strong> '
                '<span class="definition">not a concept of the scheme</span>') in edit_form
        assert ('<input type="radio" name="v-deployment_kind" value="troops"> <strong>troops</strong> '
                '<code>troops</code> <span class="definition">Military personnel: soldiers or a military contingent. '
                'Also called: soldiers.</span>') in edit_form

        edit_troops(client, base, SENTENCE)
        page = client.request("/")[2]
        assert results(page, "f3") == ["Violation ckg:deployingState: 'state:' must name one state of the register "
                                       "(state/ISO code). (value: state/TTO) — state/TTO is not in the register"]
        entry = re.search(r'id="card-(e\d+)"[^>]*>\s*<header>[^\n]*<strong>Trinidad and Tobago</strong>', page)[1]
        post(client, base, f"/entities/{entry}/decide", status="accepted")
        page = client.request("/")[2]
        assert results(page, "f3") == []
        # Three cards still name an entry not accepted yet (the minister, person/alicia-ramdeen).
        assert counts(page) == "1 accepted 0 rejected 9 open 3 invalid register entries: 1 accepted, 2 open"


def test_a_proposed_entry_the_register_has_under_another_id_is_linked_to_it(tmp_path):
    """Another curator added the minister earlier as person/a-ramdeen: the draft's new entry
    person/alicia-ramdeen is linked to that one from the page, and what Save writes names it."""
    project = new_project(tmp_path)
    with (project.data / "register.yaml").open("a", encoding="utf-8") as register:
        register.write("  - id: person/a-ramdeen\n    label: Alicia Ramdeen\n")
    assert project.run("build", "--no-pictures").returncode == 0
    register_before = (project.data / "register.yaml").read_text(encoding="utf-8")
    article = project.add_draft(ARTICLE)
    with reviewing(project, article) as base:
        client = Client(base)
        # Find, without script: the link form asks the server, which lists the register's own entries.
        entry, status, found = search_to_link(client, base, "Alicia Ramdeen", "Ramdeen")
        assert (status, found) == (200, [("person/a-ramdeen", "Alicia Ramdeen")])
        post(client, base, f"/entities/{entry}/link", existing="person/a-ramdeen")
        page = client.request("/")[2]
        assert "Linked to the register's Alicia Ramdeen <code>person/a-ramdeen</code>" in card(page, entry)
        # The three facts that named the proposed entry name the register's now, and check as valid.
        assert card(page, "f8").count("<code>person/a-ramdeen</code>") == 1 and results(page, "f8") == []
        for key in (f"f{number}" for number in range(1, 11)):
            post(client, base, f"/facts/{key}/decide", status="accepted")
        post(client, base, "/save")
    saved = (project.data / "facts" / f"{ARTICLE}.yaml").read_text(encoding="utf-8")
    assert "person/alicia-ramdeen" not in saved.split("\nfacts:\n", 1)[1] and saved.count("person/a-ramdeen") == 3
    # No entry was accepted: the register is as it was, byte for byte.
    assert (project.data / "register.yaml").read_text(encoding="utf-8") == register_before


def test_a_state_is_found_by_an_adjective_of_nationality_countryinfo_lacks(tmp_path):
    """The link form searches the register's states by the demonyms propose reads: "Bissau-Guinean"
    finds Guinea-Bissau, whose countryinfo demonym is "Guinea-Bissauan"."""
    project = new_project(tmp_path)
    with (project.data / "register.yaml").open("a", encoding="utf-8") as register:
        register.write("  - id: state/GNB\n    label: Guinea-Bissau\n")
    assert project.run("build", "--no-pictures").returncode == 0
    article = project.add_draft(ARTICLE)
    with reviewing(project, article) as base:
        client = Client(base)
        _, status, found = search_to_link(client, base, "Trinidad and Tobago", "Bissau-Guinean")
        assert (status, found) == (200, [("state/GNB", "Guinea-Bissau")])
