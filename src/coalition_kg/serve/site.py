"""The same pages as static files: ``coalition-kg site -o DIR``.

The server runs in this process on a free loopback port while every page reachable from the home
page is fetched and written (``/id/state/GTM`` as ``id/state/GTM.html``), with each resource's
Turtle, JSON-LD and N-Triples beside it, the pictures, the style sheet, the context and the VoID
description. An ``.htaccess`` does the content negotiation the server does, the way w3id.org's
redirects expect of the host they point to: the same path answers HTML, or the RDF the
``Accept`` header asks for. Pages that need an answer computed for the values a visitor gives
(a question's form, the SPARQL page) say so where their form is, and a question's page shows
its answer for its default values, with that answer's CSV and JSON written beside
(``api/queries/members.csv``, ``.json``): the server that the site is crawled from is told it
serves a static site (:attr:`~coalition_kg.serve.server.Settings.static_site`).
"""

from __future__ import annotations

import html.parser
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from coalition_kg.core.atomic import write_atomic
from coalition_kg.serve.negotiation import RESOURCE
from coalition_kg.serve.server import Settings

BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
RDF_SUFFIXES = [offer.suffix for offer in RESOURCE if offer.suffix != ".html"]
EXTRA = ("/context.jsonld", "/openapi.json", "/void", "/static/style.css", "/static/header.css", "/static/favicon.svg")
#: The downloads a question's static page links, and the API request that answers each.
DOWNLOADS = {".csv": "?format=csv", ".json": "?download=1"}
DOWNLOADS_PATH = "/api/queries/"
HTACCESS = """# Content negotiation as the coalition-kg server does it: the same path gives the page, or the
# RDF that Accept asks for (w3id.org redirects https://w3id.org/coalition-kg/... here, Accept kept).
Options -MultiViews
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-triples .nt
AddType text/html .html
Header append Vary Accept
RewriteEngine On
RewriteCond %{HTTP_ACCEPT} text/turtle
RewriteCond %{REQUEST_FILENAME}.ttl -f
RewriteRule ^(.+)$ $1.ttl [L]
RewriteCond %{HTTP_ACCEPT} application/ld\\+json
RewriteCond %{REQUEST_FILENAME}.jsonld -f
RewriteRule ^(.+)$ $1.jsonld [L]
RewriteCond %{HTTP_ACCEPT} application/n-triples
RewriteCond %{REQUEST_FILENAME}.nt -f
RewriteRule ^(.+)$ $1.nt [L]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteRule ^(.+)$ $1.html [L]
# what has no page (the VoID description) in Turtle
RewriteCond %{REQUEST_FILENAME}.ttl -f
RewriteRule ^(.+)$ $1.ttl [L]
ErrorDocument 404 /404.html
"""


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value and value.startswith("/")]


def write_site(build_dir: Path, output: Path) -> str:
    """Write the site of the build in ``build_dir`` into ``output``; a summary of what was written."""
    from coalition_kg.store.disk import StoreMissing

    if not (build_dir / "store").exists():
        raise StoreMissing(f"no built graph in {build_dir}; run 'coalition-kg build' first")
    writable_folder(output)  # before the crawl, which takes a while
    with _running(Settings(build_dir, static_site=True)) as base:
        counts = _crawl(base, output)
        write_atomic(output / "404.html", _fetch(base, "/id/not-found", BROWSER)[1])
    write_atomic(output / ".htaccess", HTACCESS.encode())
    return f"wrote {counts['pages']} pages, {counts['rdf']} RDF descriptions and {counts['other']} other files to {output}"


class SiteNotWritable(OSError):
    """The site's folder cannot be made or written to."""


def writable_folder(output: Path) -> None:
    """Make ``output`` a folder, if it is not one, and write a file in it; a
    :class:`SiteNotWritable` that says why not."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        write_atomic(output / ".coalition-kg-site", b"")
        (output / ".coalition-kg-site").unlink()
    except FileExistsError:
        raise SiteNotWritable(f"cannot write the site into {output}: it is a file, not a folder; expected a folder") from None
    except OSError as error:
        raise SiteNotWritable(f"cannot write the site into {output}: {error.strerror}; expected a folder you can write to") from None


def _crawl(base: str, output: Path) -> dict[str, int]:
    counts = {"pages": 0, "rdf": 0, "other": 0}
    seen: set[str] = set()
    pending = ["/", *EXTRA]
    while pending:
        path = pending.pop()
        if path in seen or "?" in path or (path.endswith(tuple(RDF_SUFFIXES)) and path not in EXTRA):
            continue  # a form's answers need the server; each resource's RDF is written beside its page
        seen.add(path)
        status, body, media_type = _fetch(base, _answered_by(path), BROWSER)
        if status != 200:
            continue
        if media_type == "text/html":
            write_atomic(output / (_page_file(path)), body)
            counts["pages"] += 1
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            pending += [urllib.parse.urldefrag(link)[0] for link in parser.found]
            if path.startswith(("/id/", "/ontology")):
                for suffix in RDF_SUFFIXES:
                    described = _fetch(base, path + suffix, "*/*")
                    if described[0] == 200:
                        write_atomic(output / (path.lstrip("/") + suffix), described[1])
                        counts["rdf"] += 1
        else:
            name = path.lstrip("/") + (".ttl" if path == "/void" else "")
            write_atomic(output / name, body)
            counts["other"] += 1
    return counts


def _answered_by(path: str) -> str:
    """The request whose answer is the file at ``path``: a question's download is the API's answer for its defaults."""
    stem, dot, suffix = path.rpartition(".")
    if path.startswith(DOWNLOADS_PATH) and "." + suffix in DOWNLOADS:
        return stem + DOWNLOADS["." + suffix]
    return path


def _page_file(path: str) -> str:
    return "index.html" if path == "/" else path.strip("/") + ".html"


def _fetch(base: str, path: str, accept: str) -> tuple[int, bytes, str]:
    request = urllib.request.Request(base + path, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get_content_type()


class _running:
    """The server on a free loopback port in a thread of this process, while the context lasts."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from coalition_kg.serve.app import uvicorn_config

        self.server = uvicorn.Server(uvicorn_config(settings, port=0))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the server for the site did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join()
