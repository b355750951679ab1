"""The review writes into data/: what keeps another site, another host name, a hostile article or a
crafted id from writing with it. Each test runs the real command on a copy of data/."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
from review_server import ARTICLES, Client, new_project, reviewing

ARTICLE = "007_fictional_trinidad"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return new_project(tmp_path_factory.mktemp("review-security"))


@pytest.fixture(scope="module")
def review(project):
    article = project.add_draft(ARTICLE)
    with reviewing(project, article) as base:
        yield base


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode()


def decided(project) -> str:
    return (project.build / "review" / f"{ARTICLE}.json").read_text(encoding="utf-8")


def test_a_cross_site_post_is_refused_and_changes_nothing(review, project):
    client = Client(review)
    token = client.csrf()
    before = decided(project) if (project.build / "review" / f"{ARTICLE}.json").exists() else ""
    for headers, why in [({"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}, "a cross-site request"),
                         ({"Origin": "http://evil.example"}, "a request from http://evil.example"),
                         ({"Sec-Fetch-Site": "same-site"}, "a cross-site request (same-site)")]:
        status, _, body = client.request("/facts/f1/decide", form(csrf=token, status="rejected"), headers)
        assert (status, body.startswith(why)) == (403, True), body
    # Another browser (no session cookie of the page's) posting the page's token is refused too.
    status, _, body = Client(review).request("/facts/f1/decide", form(csrf=token, status="rejected"))
    assert status == 403 and "CSRF token does not match" in body
    status, _, body = client.request("/save", form(csrf="0" * 64))
    assert status == 403 and "CSRF token does not match" in body
    assert not (project.data / "facts" / f"{ARTICLE}.yaml").read_text(encoding="utf-8").startswith("# Facts stated")
    after = decided(project) if (project.build / "review" / f"{ARTICLE}.json").exists() else ""
    assert after == before
    # The same form from the page itself goes through.
    status, headers, _ = client.request("/facts/f1/decide", form(csrf=token, status="rejected"),
                                        {"Origin": review, "Sec-Fetch-Site": "same-origin"})
    assert (status, headers["location"]) == (303, "/#card-f1")
    assert '"status": "rejected"' in decided(project)


def test_a_page_under_another_host_name_is_refused(review):
    """DNS rebinding: a site whose name resolves to 127.0.0.1 would be same-origin with the review."""
    status, _, body = Client(review).request("/", headers={"Host": "evil.example:" + review.rsplit(":", 1)[1]})
    assert status == 421 and "not 'evil.example:" in body
    assert Client(review.replace("127.0.0.1", "localhost")).request("/")[0] == 200


def test_a_source_id_that_leaves_data_is_refused(review, project):
    client = Client(review)
    token = client.csrf()
    for source_id in ("../../etc/cron.d/x", "..", ".hidden", "a/b", "x" * 200):
        status, _, page = client.request("/source", form(csrf=token, id=source_id, label="x", language="en"))
        assert status == 400 and "is not a source id" in page, source_id
    assert "../" not in decided(project) and not (project.folder / "etc").exists()


def test_a_link_in_data_that_leads_outside_is_not_followed(tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    outside = tmp_path / "outside"
    outside.mkdir()
    facts = project.data / "facts"
    moved = project.data / "facts-real"
    facts.rename(moved)
    facts.symlink_to(outside)
    (outside / f"{ARTICLE}.yaml").write_bytes((moved / f"{ARTICLE}.yaml").read_bytes())
    with reviewing(project, article) as base:
        client = Client(base)
        status, _, page = client.request("/save", form(csrf=client.csrf()))
    assert status == 400 and f"leads outside {project.data}" in page
    assert (outside / f"{ARTICLE}.yaml").read_bytes() == (moved / f"{ARTICLE}.yaml").read_bytes()


def test_a_non_loopback_address_needs_the_option_and_a_token(tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    refused = project.run("review", str(article), "--host", "0.0.0.0", "--port", "0")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == ("error: 0.0.0.0 is not a loopback address: the review writes to data/, so it listens on "
                              "127.0.0.1 unless --allow-remote is given, with a --token\n")
    no_token = project.run("review", str(article), "--host", "0.0.0.0", "--port", "0", "--allow-remote")
    assert no_token.returncode == 2 and "needs a --token of at least 16 characters" in no_token.stderr
    short = project.run("review", str(article), "--host", "0.0.0.0", "--port", "0", "--allow-remote", "--token", "abc")
    assert short.returncode == 2 and "needs a --token of at least 16 characters" in short.stderr


def test_with_a_token_every_request_needs_it(tmp_path):
    project = new_project(tmp_path)
    article = project.add_draft(ARTICLE)
    token = "a-long-enough-secret-token"
    with reviewing(project, article, "--token", token) as base:
        assert Client(base).request("/")[0] == 403
        assert Client(base).request("/?token=wrong-wrong-wrong-wrong")[0] == 403
        client = Client(base)
        status, headers, _ = client.request(f"/?token={token}")
        assert (status, headers["location"]) == (303, "/")  # out of the address bar, into an HttpOnly cookie
        assert "HttpOnly; SameSite=Strict" in headers["set-cookie"]
        status, _, page = client.request("/")
        assert status == 200 and "Review: Article 007_fictional_trinidad" in page


def test_the_page_allows_only_its_own_script(review):
    status, headers, page = Client(review).request("/")
    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy and "default-src 'none'" in policy and "unsafe" not in policy
    assert headers["x-frame-options"] == "DENY" and headers["cache-control"] == "no-store"
    assert page.count("<script") == 1 and '<script src="/static/review.js"></script>' in page
    # No CDN: everything the page loads or links to is its own.
    assert re.findall(r'(?:src|href|action)="(?![/#]|data:,")[^"]*"', page) == []


HOSTILE = ('Port of Spain—<script>alert("x")</script> Trinidad <b>and</b> Tobago\'s "MSSM" & co\x1b[31m joined '
           'the Multinational Security Support Mission.\u202e It said: <img src=x onerror=alert(1)>.\n')


def test_a_hostile_article_is_shown_as_text(tmp_path):
    project = new_project(tmp_path)
    article = tmp_path / "<i>hostile \"x\" & 'y'.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    with reviewing(project, article) as base:
        status, _, page = Client(base).request("/")
    assert status == 200
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>and</b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    # Shown, every control and direction character is a visible sign; only the fields that edit the
    # evidence hold it as it is, so that it still quotes the article exactly.
    shown = re.sub(r'<textarea[^>]*>.*?</textarea>|value="[^"]*"', "", page, flags=re.S)
    assert "\x1b" not in shown and "\u202e" not in shown
    assert '<span class="control" title="U+001B">\u241b</span>' in page
    assert '<span class="control" title="U+202E">\u2426</span>' in page
    # The file name is no path and no markup: the source id is made of its safe characters.
    assert "Review: Article i-hostile-x-y" in page and "&lt;i&gt;hostile &#34;x&#34; &amp; &#39;y&#39;.txt" in page


def test_the_fixture_draft_is_propose_s_format():
    draft = (ARTICLES / f"{ARTICLE}.draft.yaml").read_text(encoding="utf-8")
    assert draft.startswith("# Draft facts proposed by `coalition-kg propose` from data/sources/")
    assert "# [0, 194) rule membership.by-instrument, confidence 0.90\n  - id: tto-mss-haiti\n" in draft
    assert Path(ARTICLES / f"{ARTICLE}.txt").read_text(encoding="utf-8")[0:194].endswith("Alicia Ramdeen announced.")
