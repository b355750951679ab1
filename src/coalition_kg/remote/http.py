"""One HTTP exchange with a store, bounded, authenticated and reported in one line.

Every request is bounded: connecting, and each wait for data, gives up after the
timeout, and so does an answer that has not arrived in full within it (a server that
trickles); an answer larger than ``max_bytes`` is refused (a Content-Length over it
before a byte is read). Redirects are not followed: the client would send the query,
the project data of a push, and the credentials, to a host the user never named. The
message says where it points instead.

Authentication is the standard library's: a user and password answer the server's
challenge, basic or digest, whichever it asks for (nothing is sent before it asks, so a
password never goes out as basic to a server that wanted digest). Once answered, later
requests carry it from the start, so a large body is not sent twice. A bearer token goes
in the ``Authorization`` header of every request.

Whatever goes wrong gives a :class:`RemoteError` with a one-line message naming the
URL, and the HTTP status with a short excerpt of the server's answer when there is one;
the credentials never appear in it (:func:`coalition_kg.remote.credentials.redact`).
"""

from __future__ import annotations

import base64
import html
import re
import time
import urllib.request
from dataclasses import dataclass, field
from http import HTTPStatus
from http.client import HTTPException, HTTPResponse
from typing import NamedTuple
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from coalition_kg.core.inputfiles import describe_size
from coalition_kg.remote.credentials import NO_CREDENTIALS, Credentials, redact, without_userinfo

EXCERPT_CHARS = 160  # of a server's answer, in a message
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # as for local input files
_CHUNK = 1 << 16
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


@dataclass
class Client:
    """Sends requests to one store with the same credentials, timeout and answer size limit."""

    timeout: float = 30.0
    max_bytes: int = MAX_ANSWER_BYTES
    credentials: Credentials = NO_CREDENTIALS
    _opener: urllib.request.OpenerDirector | None = field(default=None, repr=False)
    passwords: urllib.request.HTTPPasswordMgrWithDefaultRealm = field(
        default_factory=urllib.request.HTTPPasswordMgrWithDefaultRealm, repr=False
    )

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
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        if self.credentials.user:
            parts = urlsplit(url)
            self.passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", self.credentials.user, self.credentials.password or "")
        if self.credentials.token:
            request.add_unredirected_header("Authorization", f"Bearer {self.credentials.token}")
        return self.exchange(report_as or url, request)

    def exchange(self, url: str, request: urllib.request.Request) -> Reply:
        deadline = time.monotonic() + self.timeout
        try:
            with self.opener().open(request, timeout=self.timeout) as response:
                body = _read_by(response, deadline, self.max_bytes)
                return Reply(response.status, response.headers.get_content_type(), body, response.headers.get("Server", ""))
        except HTTPError as error:
            message, status = _status_message(error), error.code
            if error.code == 401:
                message += _refused(self.credentials)
        except AnswerTooLarge as error:
            message, status = str(error), 200
        except (OSError, HTTPException, ValueError) as error:
            message, status = _failure_message(error, self.timeout), None
        raise RemoteError(redact(f"{without_userinfo(url)}: {message}", self.credentials), status) from None

    def opener(self) -> urllib.request.OpenerDirector:
        if self._opener is None:
            handlers: list[urllib.request.BaseHandler] = [_NoRedirects()]
            if self.credentials.user:
                handlers += [_ReusedBasic(self.passwords), _ReusedDigest(self.passwords)]
            self._opener = urllib.request.build_opener(*handlers)
        return self._opener


def _refused(credentials: Credentials) -> str:
    if credentials:
        return f"; the store refused the credentials (from {credentials.source})"
    return "; the store wants credentials (--user and --password, --token, or a netrc entry)"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect comes back as an HTTP error, reported with its Location."""

    def redirect_request(self, *args: object) -> None:
        return None


class _ReusedBasic(urllib.request.HTTPBasicAuthHandler):
    """Basic authentication sent from the start of every request once the server has asked
    for it, so that a large body is not sent twice; never before it asks."""

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self._asked = False

    def retry_http_basic_auth(self, host: str, request: urllib.request.Request, realm: str | None):  # noqa: ANN201
        self._asked = True
        return super().retry_http_basic_auth(host, request, realm)

    def http_request(self, request: urllib.request.Request) -> urllib.request.Request:
        if self._asked and not request.has_header("Authorization"):
            user, password = self.passwd.find_user_password(None, request.full_url)
            if user is not None:
                token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
                request.add_unredirected_header("Authorization", f"Basic {token}")
        return request

    https_request = http_request


class _ReusedDigest(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that answers the server's last challenge on every later request
    from the start (with a new count), rather than sending each body twice: once to be
    challenged, once answered. A stale nonce brings a new challenge, answered as usual."""

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self._challenge: dict[str, str] | None = None

    def get_authorization(self, request: urllib.request.Request, challenge: dict[str, str]) -> str | None:
        self._challenge = challenge
        return super().get_authorization(request, challenge)

    def http_request(self, request: urllib.request.Request) -> urllib.request.Request:
        if self._challenge is not None and not request.has_header("Authorization"):
            authorization = self.get_authorization(request, self._challenge)
            if authorization:
                request.add_unredirected_header("Authorization", f"Digest {authorization}")
        return request

    https_request = http_request


class AnswerTooLarge(ValueError):
    """An answer over the size limit."""


def _read_by(response: HTTPResponse, deadline: float, max_bytes: int) -> bytes:
    """The body, read as it arrives; a :class:`TimeoutError` once the deadline has passed,
    an :class:`AnswerTooLarge` once it is over ``max_bytes``."""
    announced = response.headers.get("Content-Length", "")
    if announced.isdigit() and int(announced) > max_bytes:
        raise AnswerTooLarge(_too_large(int(announced), max_bytes))
    chunks, size = [], 0
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise AnswerTooLarge(_too_large(None, max_bytes))
        if time.monotonic() > deadline:
            raise TimeoutError("the answer did not arrive in full in time")
    return b"".join(chunks)


def _too_large(size: int | None, max_bytes: int) -> str:
    whole = f" {describe_size(size)}," if size is not None else ""
    return (
        f"the answer is{whole} over the limit of {describe_size(max_bytes)}; "
        "ask for less (a narrower query, a LIMIT) or allow more with --max-size"
    )


def _status_message(error: HTTPError) -> str:
    if 300 <= error.code < 400:
        location = one_line(error.headers.get("Location") or "nowhere")
        return f"HTTP {error.code} redirect to {location}, not followed; give that URL instead if you trust it"
    try:
        body = error.read(_CHUNK)
    except (OSError, HTTPException):
        body = b""
    reason = error.reason if isinstance(error.reason, str) and error.reason else _phrase(error.code)
    return f"HTTP error {error.code}: {excerpt(body, error.headers.get_content_type()) or reason}"


def _failure_message(error: OSError | HTTPException | ValueError, timeout: float) -> str:
    reason = error.reason if isinstance(error, URLError) else error
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"no complete answer within {timeout:g} s (timeout)"
    if isinstance(error, URLError):
        return f"cannot reach the server: {reason}"
    if isinstance(error, HTTPException):
        return f"the server's answer is not valid HTTP: {type(error).__name__} {one_line(first_line(error))}"
    if isinstance(error, ValueError):
        return f"the request failed: {one_line(first_line(error))}"
    return f"the connection failed: {first_line(error)}"


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


def excerpt(body: bytes, media_type: str) -> str:
    """The start of a server's answer as one short line: HTML without its tags."""
    text = body[: EXCERPT_CHARS * 8].decode("utf-8", errors="replace")
    if "html" in media_type or text.lstrip().lower().startswith(("<!doctype html", "<html")):
        text = html.unescape(_TAGS.sub(" ", text))
    return one_line(text)


def one_line(text: str) -> str:
    """``text`` on one short line, without the control characters a server could send to the terminal."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…"


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "unknown status"


def first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
