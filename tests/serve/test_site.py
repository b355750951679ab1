"""``coalition-kg site``: the pages as static files, every internal link resolving to a file, each
resource's RDF beside its page, and the .htaccess that negotiates between them."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from coalition_kg.cli import main


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found += [v for n, v in attrs if n in ("href", "src") and v and v.startswith("/") and "?" not in v]


def resolves(root: Path, link: str) -> bool:
    """Whether the .htaccess finds a file for ``link``: itself, its page, or its Turtle."""
    path = link.split("#")[0].lstrip("/")
    return any((root / candidate).is_file() for candidate in (path, f"{path}.html", f"{path}.ttl", "index.html" if not path else ""))


@pytest.fixture(scope="module")
def written(built: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site of the session's build, written once, and what the command said."""
    site = tmp_path_factory.mktemp("site") / "site"
    return site, CliRunner().invoke(main, ["site", "-o", str(site), "--build-dir", str(built)])


def test_the_site_is_the_pages_as_files(built: Path, written) -> None:
    site, result = written
    assert result.exit_code == 0, result.output
    pages, rdf, other = map(int, re.match(r"wrote (\d+) pages, (\d+) RDF descriptions and (\d+) other files", result.output).groups())
    assert pages == len(list(site.rglob("*.html"))) - 1 and pages > 80  # the 404 page is not linked
    assert "<h1>Guatemala</h1>" in (site / "id/state/GTM.html").read_text()
    # the ontology's documentation is the build's
    assert (site / "ontology.html").read_bytes() == (built / "ontology" / "index.html").read_bytes()
    assert main_of(site / "id/instrument-kind.html") == main_of(built / "ontology" / "instrument-kind.html")  # the footer says where
    graph = rdflib.Graph().parse(site / "id/state/GTM.ttl", format="turtle")
    assert str(graph.value(rdflib.URIRef("https://w3id.org/coalition-kg/id/state/GTM"), rdflib.SKOS.prefLabel)) == "Guatemala"
    assert json.loads((site / "id/state/GTM.jsonld").read_text())["@id"] == "state:GTM"
    broken = {(str(page.relative_to(site)), link) for page in site.rglob("*.html")
              for link in _links(page) if not resolves(site, link)}
    assert broken == set()
    htaccess = (site / ".htaccess").read_text()
    assert "AddHandler type-map .var\n" in htaccess and "RewriteCond %{REQUEST_FILENAME}.var -f\nRewriteRule ^(.+)$ $1.var [L]" in htaccess
    assert [line.split(": ")[1] for line in (site / "id/state/GTM.var").read_text().splitlines() if line.startswith("Content-Type")] == [
        "text/html; charset=utf-8; qs=1.000", "text/turtle; charset=utf-8; qs=0.999", "application/n-triples; qs=0.998",
        "application/ld+json; qs=0.997", "application/rdf+xml; qs=0.996"]
    rdf_files = [path for path in site.rglob("*") if path.suffix in (".ttl", ".nt", ".jsonld", ".rdf", ".trig", ".nq")]
    assert (site / "404.html").read_text().count("Not found") >= 1 and rdf == len(rdf_files) - 1  # context.jsonld is another file
    assert "/sparql" not in {link for page in site.rglob("*.html") for link in _links(page)}  # no server behind a static copy


def main_of(page: Path) -> str:
    return re.search(r"<main.*?</main>", page.read_text(), re.S).group(0)


def test_a_static_page_that_needs_the_server_says_so_and_links_its_default_answer(built: Path, written) -> None:
    """Where a form would ask the server, the static page says that it needs one; a question's page
    links its default answer's CSV and JSON, written beside it, which are the API's answer."""
    from coalition_kg import query

    site, result = written
    assert result.exit_code == 0, result.output
    members = (site / "id/query/members.html").read_text()
    assert "This is a static copy of the site: asking with other values needs the server" in members
    assert '<button type="submit" disabled>Ask</button>' in members and 'name="mission" disabled' in members
    assert 'href="/api/queries/members.csv"' in members and 'href="/api/queries/members.json"' in members
    assert (site / "api/queries/members.csv").read_bytes() == query("members", build_dir=built).to("csv").encode()
    answer = json.loads((site / "api/queries/members.json").read_text())
    assert [row["state"]["label"] for row in answer["rows"]] == ["El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]
    written = sorted(path.name for path in (site / "api/queries").iterdir())
    defaults = sorted(f"{name}.{suffix}" for name in ("authorization", "conflicts", "contributors", "deployments", "members",
                                                      "officials", "partners", "statements", "stats", "timeline")
                      for suffix in ("csv", "json"))
    assert written == defaults  # the questions whose required parameters have no default have no default answer
    dated = (site / "id/query/members-as-of.html").read_text()
    assert "needs the server" in dated and "Give date to see the answer." in dated and "/api/queries/members-as-of" not in dated
    sparql = (site / "query.html").read_text()
    assert "running a query needs the server" in sparql and '<button type="submit" disabled>Run</button>' in sparql


def _links(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text())
    return parser.found


@pytest.mark.parametrize(("output", "why"), [
    ("/dev/null", "it is a file, not a folder; expected a folder"),
    ("/dev/null/site", "Not a directory; expected a folder you can write to"),
    ("/sys/site", "Operation not permitted; expected a folder you can write to"),
])
def test_a_folder_that_cannot_be_written_is_one_line(built: Path, output: str, why: str) -> None:
    result = CliRunner().invoke(main, ["site", "-o", output, "--build-dir", str(built)])
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"error: cannot write the site into {output}: {why}\n", "")
