"""No network for the processes that run ad-hoc queries.

A SERVICE pattern makes Oxigraph fetch the URL it names, from the process the query runs in.
:mod:`.sparql_guard` refuses such queries; the processes that run them for someone else (a
worker of ``coalition-kg serve``, the child of ``coalition-kg sparql`` without
``--allow-service``) are the second wall: the kernel forbids them to open an Internet socket
(a seccomp filter, through libseccomp, on ``socket(2)`` for IPv4 and IPv6, and on
``io_uring_setup(2)``, which could open one around the filter). Whatever a query says, the
engine's request fails with "Permission denied" and nothing leaves the process. Pipes, which
the processes use to talk to their parent, are untouched.

Linux with libseccomp (Debian's libseccomp2) only; elsewhere :func:`forbid_network` raises
:class:`SandboxUnavailable` and the check alone stands.
"""

from __future__ import annotations

import errno
import socket

BLOCKED_FAMILIES = (socket.AF_INET, socket.AF_INET6)


class SandboxUnavailable(RuntimeError):
    """The kernel cannot be asked to close this process's network here; the message says why."""


def forbid_network() -> None:
    """From now on, this process (and any process it starts) cannot open an Internet socket."""
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError) as error:  # OSError: libseccomp itself is missing
        raise SandboxUnavailable(f"no seccomp here ({error})") from None
    try:
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        for family in BLOCKED_FAMILIES:
            rules.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
        rules.add_rule(seccomp.ERRNO(errno.EPERM), "io_uring_setup")
        rules.load()
    except (OSError, RuntimeError, ValueError) as error:
        raise SandboxUnavailable(f"the kernel refused the seccomp filter ({error})") from None
