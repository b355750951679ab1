"""One HTTP exchange with a store, bounded, authenticated and reported in one line.

httpx sends every request. It follows no redirect: the client would send the query, the
project data of a push, and the credentials, to a host the user never named; the message
says where it points instead. Its authentication answers the store's challenge, basic or
digest, whichever the store asks for (nothing is sent before it asks, so a password never
goes out as basic to a store that wanted digest), and then goes with every later request
from the start, so that a large body is not sent twice; a bearer token goes with every
request.

What this module adds is what httpx leaves to its caller: an answer larger than
``max_bytes`` is refused (a Content-Length over it before a byte is read), and one that has
not arrived in full within the timeout gives up (a server that trickles), whoever reads it:
also a challenge httpx reads before answering it. Answers come uncompressed, so that the
bytes counted are the bytes kept. Every failure is a :class:`RemoteError` with a one-line
message naming the URL, with the HTTP status and a short excerpt of the store's answer when
there is one. Every such message is made by
:meth:`Client.error`, which takes the credentials out of it in every form
(:meth:`coalition_kg.remote.credentials.Credentials.scrub`); a piece of an answer is
scrubbed before it is shortened, so that no cut leaves part of a secret. httpx and httpcore
log the store's words too (each answer's status line; at DEBUG, its headers): their records
are scrubbed of the credentials of every client in use in the same way.
"""

from __future__ import annotations

import html
import logging
import re
import threading
import time
import weakref
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import NamedTuple
from urllib.parse import urlsplit

import httpx

from coalition_kg.core.inputfiles import describe_size
from coalition_kg.remote.credentials import NO_CREDENTIALS, Credentials, without_userinfo

EXCERPT_CHARS = 160  # of a server's answer, in a message
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # as for local input files
_CHUNK = 1 << 16
_SECRET_MARGIN = 4096  # read past a cut, so that a secret that begins before it is scrubbed whole
DEADLINE = "coalition_kg.deadline"  # the request's extension that says when its answer must be in
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


class RemoteError(RuntimeError):
    """A remote store could not be reached, failed, or answered nonsense; ``status`` is the HTTP
    status of its answer when there was one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Reply(NamedTuple):
    """What a server answered: its status, the media type of the body, the body and the headers."""

    status: int
    media_type: str
    body: bytes
    server: str = ""


class AnswerTooLarge(ValueError):
    """An answer over the size limit."""


class Bounded(httpx.SyncByteStream):
    """A body as it arrives, given up once over ``max_bytes`` or past the ``deadline``."""

    def __init__(self, stream: httpx.SyncByteStream, max_bytes: int, deadline: float) -> None:
        self.stream, self.max_bytes, self.deadline = stream, max_bytes, deadline

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        for chunk in self.stream:
            size += len(chunk)
            if size > self.max_bytes:
                raise AnswerTooLarge(_too_large(None, self.max_bytes))
            if time.monotonic() > self.deadline:
                raise TimeoutError("the answer did not arrive in full in time")
            yield chunk

    def close(self) -> None:
        self.stream.close()


class ScrubbedLogs(logging.Filter):
    """Takes the credentials of every client in use out of the records of the loggers it filters."""

    def __init__(self) -> None:
        super().__init__()
        # by identity: two clients with equal credentials are two, and either may end first
        self.clients: weakref.WeakValueDictionary[int, Client] = weakref.WeakValueDictionary()
        self.lock = threading.Lock()

    def watch(self, client: Client) -> None:
        with self.lock:
            self.clients[id(client)] = client

    def filter(self, record: logging.LogRecord) -> bool:
        with self.lock:
            watched = [client.credentials for client in self.clients.values() if client.credentials]
        if watched:
            text = record.getMessage()
            for credentials in watched:
                text = credentials.scrub(text)
            record.msg, record.args = text, ()
        return True


SCRUBBED_LOGS = ScrubbedLogs()
HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy", "httpcore.socks")
for _name in HTTP_LOGGERS:  # each: a logger's filters see only its own records
    logging.getLogger(_name).addFilter(SCRUBBED_LOGS)


class Challenged(httpx.Auth):
    """A user and password answering the scheme the store asks for, basic or digest: the first
    request goes without them, and once the store has said which it wants, every request
    carries it from the start (httpx's digest reuses the store's last challenge)."""

    def __init__(self, user: str, password: str) -> None:
        self.basic, self.digest = httpx.BasicAuth(user, password), httpx.DigestAuth(user, password)
        self.scheme: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme is not None:
            yield from self.scheme.auth_flow(request)
            return
        digest = self.digest.auth_flow(request)
        response = yield next(digest)  # as it is: the digest flow has no challenge to answer yet
        asked = {challenge.partition(" ")[0].lower() for challenge in response.headers.get_list("WWW-Authenticate")}
        if response.status_code != 401 or not asked & {"basic", "digest"}:
            return
        if "digest" in asked:
            self.scheme = self.digest
            try:
                answered = digest.send(response)
            except StopIteration:  # a challenge it cannot answer: the store's 401 stands
                return
            yield answered
        else:
            self.scheme = self.basic
            yield from self.basic.auth_flow(request)


@dataclass
class Client:
    """Sends requests to one store with the same credentials, timeout and answer size limit."""

    timeout: float = 30.0
    max_bytes: int = MAX_ANSWER_BYTES
    credentials: Credentials = NO_CREDENTIALS
    _session: httpx.Client | None = field(default=None, repr=False)

    def send(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        report_as: str | None = None,
    ) -> Reply:
        """Send one request and read the whole answer; a failure, or a status other than 2xx,
        is a :class:`RemoteError` naming ``report_as`` (by default ``url``)."""
        deadline = {DEADLINE: time.monotonic() + self.timeout}
        try:
            with self.session().stream(method, url, content=body, headers=headers, extensions=deadline) as response:
                status = response.status_code
                if response.is_success:
                    answer = _whole(response, self.max_bytes)
                    return Reply(status, _media_type(response), answer, response.headers.get("Server", ""))
                message = self._status_message(response)
        except AnswerTooLarge as error:
            message, status = str(error), 200
        except (httpx.HTTPError, httpx.InvalidURL, TimeoutError) as error:
            message, status = _failure_message(error, self.timeout), None
        raise self.error(f"{without_userinfo(report_as or url)}: {message}", status)

    def error(self, message: str, status: int | None = None, kind: type[RemoteError] = RemoteError) -> RemoteError:
        """The error of ``message``, with the credentials taken out: every message about a
        store, whatever part of it came from the store, is made here."""
        return kind(self.credentials.scrub(message), status)

    def excerpt(self, body: bytes, media_type: str) -> str:
        """The start of a server's answer as one short line, scrubbed: HTML without its tags."""
        start = body[: EXCERPT_CHARS * 8 + _SECRET_MARGIN].decode("utf-8", errors="replace")
        text = self.credentials.scrub(start)[: EXCERPT_CHARS * 8]  # scrubbed first: no secret is cut in two
        if "html" in media_type or text.lstrip().lower().startswith(("<!doctype html", "<html")):
            text = html.unescape(_TAGS.sub(" ", text))
        return self.line(text)

    def line(self, text: str) -> str:
        """``text`` on one short line, scrubbed, without the control characters a server could
        send to the terminal."""
        line = " ".join("".join(c if c.isprintable() else " " for c in self.credentials.scrub(text)).split())
        return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…"

    def session(self) -> httpx.Client:
        if self._session is None:
            auth = Challenged(self.credentials.user, self.credentials.password or "") if self.credentials.user else None
            bearer = {"Authorization": f"Bearer {self.credentials.token}"} if self.credentials.token else {}
            SCRUBBED_LOGS.watch(self)
            self._session = httpx.Client(
                auth=auth, headers={"Accept-Encoding": "identity", **bearer}, timeout=self.timeout,
                follow_redirects=False, event_hooks={"response": [self._bound]},
            )
        return self._session

    def _bound(self, response: httpx.Response) -> None:
        """Every answer httpx reads, bounded in size and time."""
        response.stream = Bounded(response.stream, self.max_bytes, response.request.extensions[DEADLINE])

    def _status_message(self, response: httpx.Response) -> str:
        status = response.status_code
        if 300 <= status < 400:
            location = self.line(response.headers.get("Location") or "nowhere")
            return f"HTTP {status} redirect to {location}, not followed; give that URL instead if you trust it"
        try:
            body = _first(response, _CHUNK)
        except (httpx.HTTPError, AnswerTooLarge, TimeoutError):
            body = b""
        message = f"HTTP error {status}: {self.excerpt(body, _media_type(response)) or _phrase(status)}"
        return message + _refused(self.credentials) if status == 401 else message


def _refused(credentials: Credentials) -> str:
    if credentials:
        return f"; the store refused the credentials (from {credentials.source})"
    return "; the store wants credentials (--user and --password, --token, or a netrc entry)"


def _whole(response: httpx.Response, max_bytes: int) -> bytes:
    """The body (bounded as it is read: :class:`Bounded`), refused unread if it says it is over ``max_bytes``."""
    announced = response.headers.get("Content-Length", "")
    if announced.isdigit() and int(announced) > max_bytes:
        raise AnswerTooLarge(_too_large(int(announced), max_bytes))
    return response.read()


def _first(response: httpx.Response, size: int) -> bytes:
    """The first ``size`` bytes of the body, or all of it."""
    chunks, read = [], 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        read += len(chunk)
        if read >= size:
            break
    return b"".join(chunks)[:size]


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("Content-Type", "").partition(";")[0].strip().lower() or "text/plain"


def _too_large(size: int | None, max_bytes: int) -> str:
    whole = f" {describe_size(size)}," if size is not None else ""
    return (
        f"the answer is{whole} over the limit of {describe_size(max_bytes)}; "
        "ask for less (a narrower query, a LIMIT) or allow more with --max-size"
    )


def _failure_message(error: httpx.HTTPError | httpx.InvalidURL | TimeoutError, timeout: float) -> str:
    if isinstance(error, (httpx.TimeoutException, TimeoutError)):
        return f"no complete answer within {timeout:g} s (timeout)"
    if isinstance(error, httpx.ConnectError):
        return f"cannot reach the server: {first_line(error)}"
    if isinstance(error, httpx.ProtocolError | httpx.DecodingError):
        return f"the server's answer is not valid HTTP: {first_line(error)}"
    if isinstance(error, httpx.NetworkError):
        return f"the connection failed: {first_line(error)}"
    return f"the request failed: {first_line(error)}"


def http_url(url: str) -> str:
    """``url`` if it is an HTTP(S) URL with a host; a :class:`RemoteError` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(
            f"{without_userinfo(url)}: not an HTTP URL; expected http://host:port/path, e.g. http://localhost:7878/query"
        )
    if "@" in parts.netloc:
        raise RemoteError(
            f"{without_userinfo(url)}: credentials in the URL are not used; give them with --user and --password "
            "(or the environment, or a netrc entry)"
        )
    return url


def _phrase(status: int) -> str:
    """The status's standard phrase: not the store's, which is free text (httpx drops its
    non-ASCII letters, so a credential written there would come out changed, and unscrubbed)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "unknown status"


def first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].rstrip(".")  # a sentence of its own, in ours
