"""A store that writes the request back must not get the credentials printed (issue 17, item 3).

The echoing store is ``http.server`` on a free loopback port. It challenges a request that
comes without credentials (basic or digest, by the first segment of the path) and answers
one that comes with them by writing its headers back, the ``Authorization`` header first,
and what a basic one holds decoded: each way (second segment) leads to another path of
the client on which a message is made from an answer. For each kind of credentials and
each place they come from, every path must give one line that names the URL and what went
wrong, shows the echo with the credentials hidden (``***``), and holds no form of them:
not the user name, the password, the token, the base64 of ``user:password``, the digest
``response=`` the store received, nor any of them percent-encoded; nor does the log.
"""

from __future__ import annotations

import ast
import base64
import html
import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result
from recording_proxy import Replying

import coalition_kg.remote
from coalition_kg.cli import main

USER = "alice"
PASSWORD = "s3cret/Pa55+wörd&x"  # a solidus, a plus, a non-ASCII letter and an ampersand, each escaped some way
TOKEN = "tok-9f8e7d6c5b4a3210"
CHALLENGES = {"basic": 'Basic realm="echo"', "digest": 'Digest realm="echo", nonce="5eed1e55", qop="auth", algorithm=MD5'}
SPARQL_FORM = "application/x-www-form-urlencoded"
REMOTE = Path(coalition_kg.remote.__file__).parent


@dataclass
class Received:
    """The ``Authorization`` headers the store received, in order."""

    headers: list[str] = field(default_factory=list)


class Echoing(Replying):
    received: Received

    def handle_request(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        challenge, way = self.path.partition("?")[0].strip("/").split("/")[:2]
        authorization = self.headers.get("Authorization")
        if authorization is None:
            self.reply(401, b"who are you?", "text/plain", WWW_Authenticate=CHALLENGES.get(challenge, "Bearer"))
            return
        self.received.headers.append(authorization)
        getattr(self, "echo_" + way)(self.echo())

    do_GET = do_POST = do_PUT = do_DELETE = handle_request  # noqa: N815 - the names http.server calls

    def echo(self) -> list[str]:
        """The request's headers, Authorization first, and a basic one's ``user:password``."""
        authorization = self.headers["Authorization"]
        lines = [f"Authorization: {authorization}"]
        scheme, _, value = authorization.partition(" ")
        if scheme == "Basic":
            lines.append(base64.b64decode(value).decode("utf-8"))
        return lines + [f"{name}: {value}" for name, value in self.headers.items() if name != "Authorization"]

    def echo_forbidden(self, echo: list[str]) -> None:
        self.reply(403, "\n".join(echo).encode(), "text/plain; charset=utf-8")

    def echo_reason(self, echo: list[str]) -> None:
        """In the status line's reason phrase, with no body (Latin-1, as http.server writes it)."""
        self.reply(403, b"", "text/plain", reason="; ".join(echo))

    def echo_refused(self, echo: list[str]) -> None:
        challenge = self.path.strip("/").split("/")[0]
        self.reply(401, "\n".join(echo).encode(), "text/plain", WWW_Authenticate=CHALLENGES.get(challenge, "Bearer"))

    def echo_turtle(self, echo: list[str]) -> None:
        self.reply(200, "\n".join(echo).encode(), "text/turtle")

    def echo_html(self, echo: list[str]) -> None:
        self.reply(200, f"<html><body><pre>{html.escape(chr(10).join(echo))}</pre></body></html>".encode(), "text/html")

    def echo_json(self, echo: list[str]) -> None:
        self.reply(200, json.dumps({"you sent": echo}).encode(), "application/json")

    def echo_redirect(self, echo: list[str]) -> None:
        location = "http://127.0.0.1:1/login?back=" + quote("\n".join(echo), safe="")
        self.reply(302, b"", "text/plain", Location=location)

    def echo_raw(self, echo: list[str]) -> None:
        """The headers written back as the answer itself, with no status line."""
        self.wfile.write("\r\n".join(echo).encode() + b"\r\n\r\n")
        self.close_connection = True

    def echo_counted(self, echo: list[str]) -> None:
        """Updates and graphs taken (204); a query answered with the echo."""
        if self.headers.get("Content-Type") == SPARQL_FORM:
            self.echo_turtle(echo)
        else:
            self.reply(204, b"", "text/plain")



@dataclass(frozen=True)
class Store:
    base: str
    received: Received


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    received = Received()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (Echoing,), {"received": received}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Store(f"http://127.0.0.1:{server.server_address[1]}", received)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class Given:
    """Credentials of one kind from one place: the challenge the store makes for them, and the
    options, environment and netrc line that give them."""

    challenge: str
    options: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    netrc: str = ""


GIVEN = {
    "basic-option": Given("basic", ("--user", USER, "--password", PASSWORD)),
    "basic-environment": Given("basic", env={"COALITION_KG_USER": USER, "COALITION_KG_PASSWORD": PASSWORD}),
    "basic-netrc": Given("basic", netrc=f"machine 127.0.0.1 login {USER} password {PASSWORD}\n"),
    "digest-option": Given("digest", ("--user", USER, "--password", PASSWORD)),
    "digest-environment": Given("digest", env={"COALITION_KG_USER": USER, "COALITION_KG_PASSWORD": PASSWORD}),
    "digest-netrc": Given("digest", netrc=f"machine 127.0.0.1 login {USER} password {PASSWORD}\n"),
    "bearer-option": Given("bearer", ("--token", TOKEN)),
    "bearer-environment": Given("bearer", env={"COALITION_KG_TOKEN": TOKEN}),
}


def run(given: Given, tmp_path: Path, *args: str, stdin: str | None = None) -> Result:
    netrc = tmp_path / "netrc"
    netrc.write_text(given.netrc, encoding="utf-8")
    netrc.chmod(0o600)
    env = {"NETRC": str(netrc), "COALITION_KG_USER": None, "COALITION_KG_PASSWORD": None, "COALITION_KG_TOKEN": None}
    return CliRunner().invoke(main, [*args, *given.options, "--timeout", "5"], input=stdin, env={**env, **given.env})


def forms(received: str) -> set[str]:
    """Every form of the credentials that must not be shown, with the digest response the store received."""
    secrets = {PASSWORD, TOKEN, base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    digest = re.search(r'response="([0-9a-f]+)"', received)
    secrets |= {digest.group(1)} if digest else set()
    return secrets | {quote(secret, safe="") for secret in secrets}


#: Each path to a message: the command (``{url}`` the store's), the way the store answers, how
#: the message begins after the URL, and how it ends.
QUERY = ("query", "members", "--endpoint", "{url}", "--store", "generic")
UPDATE = ("push", "--endpoint", "{url}", "--store", "generic")
GRAPH_STORE = ("push", "--graph-store", "{url}")
NOT_RESULTS = "the HTTP 200 answer (text/turtle) is not SPARQL JSON results: "
NOT_HTTP = "the server's answer is not valid HTTP: illegal status line: bytearray(b'Authorization: "
NOTHING = "; nothing was pushed"
PATHS = {
    "query, an HTTP error": (QUERY, "forbidden", "HTTP error 403: Authorization: ", ""),
    "query, the reason phrase": (QUERY, "reason", "HTTP error 403: Forbidden", ""),
    "query, credentials refused": (QUERY, "refused", "HTTP error 401: Authorization: ", ""),
    "query, not SPARQL results": (QUERY, "turtle", NOT_RESULTS, ""),
    "query, an HTML answer": (QUERY, "html", "the HTTP 200 answer (text/html) is not SPARQL JSON results: ", ""),
    "query, a redirect": (QUERY, "redirect", "HTTP 302 redirect to http://127.0.0.1:1/login?back=Authorization%3A%20", ""),
    "query, not HTTP": (QUERY, "raw", NOT_HTTP, ""),
    "query, a JSON answer": (QUERY, "json", "the HTTP 200 answer (application/json) is not SPARQL JSON results: ", ""),
    "construct, not RDF": (("sparql", "-", "--endpoint", "{url}", "--store", "generic"), "turtle", "the HTTP 200 answer (text/turtle) is not RDF: ", ""),
    "push by update, an HTTP error": (UPDATE, "forbidden", "HTTP error 403: Authorization: ", NOTHING),
    "push by update, a redirect": (UPDATE, "redirect", "HTTP 302 redirect to http://127.0.0.1:1/login?back=Authorization%3A%20", NOTHING),
    "push by update, not HTTP": (UPDATE, "raw", NOT_HTTP, NOTHING),
    "push by update, the count check": (UPDATE, "counted", NOT_RESULTS, ""),
    "push to a graph store, an HTTP error": (GRAPH_STORE, "forbidden", "HTTP error 403: Authorization: ", NOTHING),
    "push to a graph store, credentials refused": (GRAPH_STORE, "refused", "HTTP error 401: Authorization: ", NOTHING),
    "push to a graph store, the count check": ((*UPDATE, "--graph-store", "{url}"), "turtle", NOT_RESULTS, ""),
    "query, the service description": (("query", "members", "--endpoint", "{url}"), "raw", NOT_HTTP, ""),
    "push, the service description": (("push", "--endpoint", "{url}"), "raw", NOT_HTTP, ""),
}
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("kind", GIVEN)
@pytest.mark.parametrize("path", PATHS)
def test_no_credential_is_printed_back(
    store: Store, built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, path: str, kind: str
) -> None:
    given, (words, way, start, end) = GIVEN[kind], PATHS[path]
    url = f"{store.base}/{given.challenge}/{way}"
    args = [word.format(url=url) for word in words] + (["--build-dir", str(built)] if words[0] != "sparql" else [])
    caplog.set_level(logging.DEBUG)
    before = len(store.received.headers)
    result = run(given, tmp_path, *args, stdin=CONSTRUCT if words[0] == "sparql" else None)
    received = store.received.headers[before:]
    scheme = {"basic": "Basic ", "digest": "Digest ", "bearer": "Bearer "}[given.challenge]
    assert received and received[-1].startswith(scheme)  # the store got the credentials, and wrote them back
    assert (result.exit_code, result.stdout, result.stderr.count("\n")) == (2, "", 1)
    assert result.stderr.startswith(f"error: {url}: {start}")
    assert result.stderr.endswith(f"{end}\n")
    if way != "reason":  # the echo is in the message, the credentials taken out of it
        assert "***" in result.stderr
    shown = result.output + caplog.text
    assert [secret for secret in forms(" ".join(received)) if secret in shown] == []
    assert not re.search(rf"(?<![\w.-]){USER}(?![\w-])", shown)


def test_the_attack_as_reported(store: Store, built: Path, tmp_path: Path) -> None:
    """``push --user alice --password …`` to a store that answers 403 with the request's headers
    printed ``Authorization: Basic YWxpY2U6…``; to one that answers 200 ``text/turtle`` with
    them, ``push`` printed ``Authorization: Bearer tok-…`` in the "not SPARQL JSON results" message."""
    basic = run(GIVEN["basic-option"], tmp_path, "push", "--endpoint", f"{store.base}/basic/forbidden", "--store", "generic", "--build-dir", str(built))
    assert basic.stderr.startswith(f"error: {store.base}/basic/forbidden: HTTP error 403: Authorization: Basic *** ***:*** ")
    assert "YWxpY2U6" not in basic.stderr
    bearer = run(GIVEN["bearer-option"], tmp_path, "push", "--endpoint", f"{store.base}/bearer/turtle", "--store", "generic", "--build-dir", str(built))
    assert bearer.stderr.startswith(
        f"error: {store.base}/bearer/turtle: the HTTP 200 answer (text/turtle) is not SPARQL JSON results: "
    )
    assert "; it begins: Authorization: Bearer *** " in bearer.stderr
    assert "tok-" not in bearer.stderr


def test_every_remote_error_is_made_where_it_is_scrubbed() -> None:
    """The class, not the one string: in the remote package an error about a store is made only
    by ``Client.error``, which scrubs it (``http_url`` refuses a URL before any store answers)."""
    made: list[str] = []
    for module in sorted(REMOTE.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef):
                made += [
                    f"{module.name}:{function.name}"
                    for call in ast.walk(function)
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                    and call.func.id in ("RemoteError", "PushFailed", "kind")
                ]
    assert sorted(set(made)) == ["http.py:error", "http.py:http_url"]
