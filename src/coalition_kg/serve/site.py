"""The same pages as static files: ``coalition-kg site -o DIR``.

The server runs in this process on a free loopback port, as a static site's server (pages say
what needs the live server; the VoID names the ``--endpoint`` given, or none), while every page
is fetched and written (``/id/state/GTM`` as ``id/state/GTM.html``): those reachable from the
home page, and every IRI the store describes (the register's source document included, which no
page links). Beside each resource's page go its Turtle, N-Triples, JSON-LD and RDF/XML, and a
type map (``id/state/GTM.var``, Apache's mod_negotiation) listing them. The ``.htaccess``
sends a request for ``/id/state/GTM`` to its type map, so that Apache chooses among the files by
the ``Accept`` header's q-values, as the server does (the ``qs`` of each variant is the server's
order of preference, which breaks ties); ``DirectorySlash Off`` keeps ``/id/role``, which is
both a page and the folder of its concepts, from being redirected to ``/id/role/``. The same
path answers HTML, or the RDF that ``Accept`` asks for, as w3id.org's redirects expect of the
host they point to. Pages that need an answer computed for the values a visitor gives (a question's
form, the SPARQL page) say so where their form is, and a question's page shows its answer for its
default values, with that answer's CSV and JSON written beside (``api/queries/members.csv``,
``.json``), the only files of the API in the copy.
"""

from __future__ import annotations

import html.parser
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from coalition_kg.core.atomic import write_atomic
from coalition_kg.serve.negotiation import GRAPHS, HTML, RESOURCE, Offer
from coalition_kg.serve.response_policy import SECURITY_HEADERS
from coalition_kg.serve.server import Settings

BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
RDF_OFFERS = tuple(offer for offer in RESOURCE if offer is not HTML)
RDF_SUFFIXES = tuple(offer.suffix for offer in GRAPHS)
EXTRA = ("/context.jsonld", "/openapi.json", "/static/style.css", "/static/header.css", "/static/favicon.svg")
#: The dataset's descriptions, written in every RDF format and negotiated like a resource.
DESCRIPTIONS = {"/void": "void", "/.well-known/void": ".well-known/void"}
#: What only a live server answers: the endpoint and the questions' API (their pages stay, and say so).
NEEDS_SERVER = ("/sparql", "/api/")
#: The downloads a question's static page links, and the API request that answers each.
DOWNLOADS = {".csv": "?format=csv", ".json": "?download=1"}
DOWNLOADS_PATH = "/api/queries/"
#: Types whose files are text, sent with their character set as the server sends them.
TEXT_TYPES = ("text/",)
HTACCESS_HEAD = """# Content negotiation as the coalition-kg server does it: the same path gives the page, or the
# RDF that Accept asks for (w3id.org redirects https://w3id.org/coalition-kg/... here, Accept kept).
# A resource's type map (its .var file) lists its files; mod_negotiation chooses by Accept's
# q-values, and each file's qs, the server's order of preference, breaks ties.
Options -MultiViews
DirectorySlash Off
DirectoryIndex index.html
AddHandler type-map .var
"""
HTACCESS_TAIL = """RewriteEngine On
RewriteCond %{REQUEST_FILENAME}.var -f
RewriteRule ^(.+)$ $1.var [L]
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteRule ^(.+)$ $1.html [L]
ErrorDocument 404 /404.html
"""


def htaccess() -> str:
    """The ``.htaccess``: the types of the files, the negotiation, the server's security headers."""
    types = "".join(f"AddType {offer.media_type} {offer.suffix}\n" for offer in (HTML, *GRAPHS))
    charsets = "AddCharset utf-8 " + " ".join(offer.suffix for offer in (HTML, *GRAPHS) if _is_text(offer)) + "\n"
    headers = "".join(f'Header always set {name.decode()} "{value.decode()}"\n' for name, value in SECURITY_HEADERS)
    return HTACCESS_HEAD + types + charsets + headers + HTACCESS_TAIL


def type_map(name: str, offers: list[Offer], order: tuple[Offer, ...]) -> str:
    """The type map of the resource whose files are ``name`` + each offer's suffix; the ``qs`` of
    each file falls by a thousandth in the server's ``order``, so that only ties are broken by it."""
    entries = []
    for offer in sorted(offers, key=order.index):
        charset = "; charset=utf-8" if _is_text(offer) else ""
        quality = 1 - order.index(offer) / 1000
        entries.append(f"URI: {name}{offer.suffix}\nContent-Type: {offer.media_type}{charset}; qs={quality:.3f}\n")
    return f"URI: {name}\n\n" + "\n".join(entries)


def _is_text(offer: Offer) -> bool:
    return offer.media_type.startswith(TEXT_TYPES)


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value and value.startswith("/")]


def write_site(build_dir: Path, output: Path, endpoint: str | None = None) -> str:
    """Write the site of the build in ``build_dir`` into ``output``, its VoID naming ``endpoint``
    (the public SPARQL endpoint, if there is one); a summary of what was written."""
    from coalition_kg.store.disk import StoreMissing

    if not (build_dir / "store").exists():
        raise StoreMissing(f"no built graph in {build_dir}; run 'coalition-kg build' first")
    writable_folder(output)  # before the crawl, which takes a while
    with _running(Settings(build_dir, static_site=True, endpoint=endpoint)) as base:
        counts = _crawl(base, output, ["/", *EXTRA, *described_paths(build_dir)])
        for path, name in DESCRIPTIONS.items():
            counts["rdf"] += _write_negotiated(base, path, output, name, GRAPHS, with_page=False)
        write_atomic(output / "404.html", _fetch(base, "/id/not-found", BROWSER)[1])
    write_atomic(output / ".htaccess", htaccess().encode())
    return f"wrote {counts['pages']} pages, {counts['rdf']} RDF descriptions and {counts['other']} other files to {output}"


def described_paths(build_dir: Path) -> list[str]:
    """The path of every IRI of this site that the store describes: what no page may link."""
    from coalition_kg.serve.resources import BASE, local_path
    from coalition_kg.store.disk import open_store

    rows = open_store(build_dir).query(f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{BASE}')) }}")
    return sorted(urllib.parse.urldefrag(local_path(row["s"].value))[0] for row in rows)


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


def _crawl(base: str, output: Path, start: list[str]) -> dict[str, int]:
    """Fetch every page reachable from ``start`` and write it, each resource with its RDF and type map."""
    counts = {"pages": 0, "rdf": 0, "other": 0}
    seen: set[str] = set()
    pending = list(reversed(start))
    while pending:
        path = pending.pop()
        download = _answered_by(path)
        if path in seen or "?" in path or path in DESCRIPTIONS or (path.startswith(NEEDS_SERVER) and not download) or (
            path.endswith(RDF_SUFFIXES) and path not in EXTRA
        ):
            continue  # answers need the server, but for the defaults'; a resource's RDF is written beside its page
        seen.add(path)
        status, body, media_type = _fetch(base, download or path, BROWSER)
        if status != 200:
            continue
        if media_type != "text/html":
            write_atomic(output / path.lstrip("/"), body)
            counts["other"] += 1
            continue
        if path.startswith(("/id/", "/ontology")):
            counts["rdf"] += _write_negotiated(base, path, output, path.lstrip("/"), RDF_OFFERS, with_page=True)
        write_atomic(output / _page_file(path), body)
        counts["pages"] += 1
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pending += [urllib.parse.urldefrag(link)[0] for link in reversed(parser.found)]
    return counts


def _answered_by(path: str) -> str | None:
    """The API request whose answer is the download at ``path`` (a question's answer for its
    defaults); None if ``path`` is no such download."""
    stem, _, suffix = path.rpartition(".")
    if path.startswith(DOWNLOADS_PATH) and "." + suffix in DOWNLOADS:
        return stem + DOWNLOADS["." + suffix]
    return None


def _write_negotiated(base: str, path: str, output: Path, name: str, offers: tuple[Offer, ...], with_page: bool) -> int:
    """Write the resource at ``path`` in each of ``offers`` it is served in, as ``name`` + suffix,
    and its type map (with its page, already fetched, when ``with_page``); the RDF files written."""
    written = [HTML] if with_page else []
    for offer in offers:
        status, body, _ = _fetch(base, path + offer.suffix if with_page else path, offer.media_type)
        if status == 200:
            write_atomic(output / (name + offer.suffix), body)
            written.append(offer)
    order = (HTML, *offers) if with_page else offers
    write_atomic(output / (name + ".var"), type_map(name.rsplit("/", 1)[-1], written, order).encode())
    return len(written) - with_page


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
