"""Who the client is to a store: a user name and password (HTTP basic or digest, whichever
the server asks for) or a bearer token.

They come from an option, from an environment variable (the CLI reads both through
click), or else from the user's netrc file (``$NETRC`` or ``~/.netrc``) by the
endpoint's host, as curl and most HTTP tools read it. The secrets never appear in a
message, a log or a ``repr``: :func:`redact` takes them out of any text that reaches
the user, and :class:`Credentials` prints without them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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

    def secrets(self) -> tuple[str, ...]:
        return tuple(secret for secret in (self.password, self.token) if secret)


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


def redact(text: str, credentials: Credentials) -> str:
    """``text`` with every secret of ``credentials``, and any password written into a URL, hidden."""
    for secret in credentials.secrets():
        text = text.replace(secret, HIDDEN)
    return text


def without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
