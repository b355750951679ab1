"""Who the client is to a store: a user name and password (HTTP basic or digest, whichever
the server asks for) or a bearer token.

They come from an option, from an environment variable (the CLI reads both through
click), or else from the user's netrc file (``$NETRC`` or ``~/.netrc``) by the
endpoint's host, as curl and most HTTP tools read it. The secrets never appear in a
message, a log or a ``repr``: :meth:`Credentials.scrub` takes them out of any text that
reaches the user, in every form a store could write them back (see there), and
:class:`Credentials` prints without them.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import quote, quote_plus, urlsplit

HIDDEN = "***"
GIVEN = "an option or the environment"


class CredentialsError(ValueError):
    """Credentials that cannot be used as given."""


@dataclass(frozen=True)
class Credentials:
    """A user name and password, or a bearer token, or neither; ``source`` says where they came from."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    source: str = "none"

    def __bool__(self) -> bool:
        return bool(self.user or self.token)

    def scrub(self, text: str) -> str:
        """``text`` with these credentials hidden in every form a store may echo them: the user
        name (as a whole word), the password and the token as given (as whole words when
        shorter than six characters), percent-, JSON- and HTML-escaped, the base64 of ``user:password`` (a basic ``Authorization`` header), and
        whatever follows a basic or bearer scheme and a digest ``response=`` (computed from the
        password) wherever they appear."""
        text = _ANY_CREDENTIAL.sub(lambda match: (match.group(1) or match.group(2)) + HIDDEN, text)
        return self._given.sub(HIDDEN, text) if self._given else text

    @cached_property
    def _given(self) -> re.Pattern[str] | None:
        """The written forms of these credentials, longest first, as one pattern."""
        secrets = [secret for secret in (self.password, self.token) if secret]
        if self.user and self.password is not None:
            pair = f"{self.user}:{self.password}"
            basic = [base64.b64encode(pair.encode(encoding)).decode("ascii") for encoding in _ENCODINGS if _fits(pair, encoding)]
            secrets += basic + [token.rstrip("=") for token in basic]
        forms = {form for secret in secrets for form in _written(secret)}
        # a short one (and the user name) only as a word of its own, or between percent-escapes:
        # hidden inside every longer word, "p" would leave no message to read
        patterns = [re.escape(form) if len(form) >= _SHORT else _word(form) for form in sorted(forms, key=len, reverse=True)]
        if self.user:
            patterns.append(_word(self.user))
        return re.compile("|".join(patterns)) if patterns else None


NO_CREDENTIALS = Credentials()


def credentials_for(
    url: str, user: str | None = None, password: str | None = None, token: str | None = None
) -> Credentials:
    """The credentials given (option or environment), or else those of ``url``'s host in netrc."""
    if token and (user or password):
        raise CredentialsError("give either a user and password or a bearer token (--token), not both")
    if token:
        return Credentials(token=token, source=GIVEN)
    if password and not user:
        raise CredentialsError("a password needs a user name (--user)")
    if user:
        return Credentials(user, password or "", source=GIVEN)
    return from_netrc(url)


def from_netrc(url: str) -> Credentials:
    """The login and password the netrc file gives ``url``'s host (or its ``default`` entry), if any."""
    import netrc

    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return NO_CREDENTIALS
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError):
        # not the parser's message: it quotes the text it failed on, which may be a password
        raise CredentialsError(f"{path}: cannot read it as a netrc file (machine NAME login USER password PASSWORD)") from None
    if not entry or not entry[0]:
        return NO_CREDENTIALS
    login, _account, password = entry
    return Credentials(login, password or "", source=str(path))


#: a basic or bearer credential after an Authorization header's name, and a digest response, in any echo of them
_ANY_CREDENTIAL = re.compile(
    r"""((?i:authorization)\W{1,6}(?i:basic|bearer)\s+)[\w.~+/=-]+"""
    r"""|((?i:\bresponse)(?:\s*=\s*|%3[Dd])(?:\\?["']|%22)?)[0-9a-fA-F]{16,}"""
)
_ENCODINGS = ("utf-8", "latin-1")  # what clients encode a basic user:password in
_SHORT = 6  # characters: a secret shorter is hidden where it stands as a word


def _word(text: str) -> str:
    return rf"(?:(?<![\w.-])|(?<=%[0-9A-Fa-f]{{2}})){re.escape(text)}(?![\w-])"


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _written(secret: str) -> set[str]:
    """``secret`` as given, and as a URL, a JSON string, HTML and a Python bytes literal (the
    HTTP parser's messages quote a line so) would escape it."""
    encoded = {quote(secret, safe=""), quote(secret), quote_plus(secret)}
    lower_hex = {re.sub("%[0-9A-F]{2}", lambda match: match.group().lower(), form) for form in encoded}
    in_json = {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    in_json |= {form.replace("/", "\\/") for form in in_json}  # JSON may escape the solidus
    # and as a store that decodes UTF-8 as Latin-1, or sends Latin-1 that is read as UTF-8, writes it
    garbled = {secret.encode().decode("latin-1"), "".join(c if c.isascii() else "\ufffd" for c in secret)}
    return {secret, *encoded, *lower_hex, *in_json, *garbled, html.escape(secret), repr(secret.encode())[2:-1]}


def without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
