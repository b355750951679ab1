"""A real Virtuoso for the tests (and the benchmark): Debian's ``virtuoso-opensource``
(``.ci/run`` installs it), started on 127.0.0.1, two free ports and a temporary database,
with its defaults but for limits a test should not meet (rows per answer, query time)
and its DBA password, which is set to one of our own before the store serves anyone.

With ``CI=true`` a missing Virtuoso is a failure, elsewhere a skip (see :func:`require`).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import server_process
from server_process import free_port, launch, wait_until_ready

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
STARTUP_SECONDS = 120.0
USER, PASSWORD = "dba", "ckg-test-secret"  # the DBA account of a throw-away database
VAD_DIR = "/usr/share/virtuoso-opensource-7/vad"


@dataclass(frozen=True)
class VirtuosoServer:
    """The URLs and accounts of a running Virtuoso."""

    base: str
    sql_port: int
    folder: Path

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    @property
    def sparql_auth(self) -> str:
        return f"{self.base}/sparql-auth"

    @property
    def graph_store(self) -> str:
        return f"{self.base}/sparql-graph-crud-auth"

    def isql(self, *statements: str, timeout: float = 3600) -> str:
        """Run SQL statements as the DBA, e.g. Virtuoso's bulk loader; their output."""
        script = "".join(f"{statement};\n" for statement in statements)
        done = subprocess.run(
            [shutil.which(ISQL) or ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD, "VERBOSE=OFF", "BANNER=OFF"],
            input=script, capture_output=True, text=True, timeout=timeout, check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout.strip()} {done.stderr.strip()}")
        return done.stdout


def available() -> bool:
    return shutil.which(VIRTUOSO) is not None and shutil.which(ISQL) is not None


def require() -> None:
    """Skip the test when Virtuoso is not installed, or fail under CI, where ``.ci/run`` installs it."""
    from required_tool import require as require_tool

    require_tool(available(), f"{VIRTUOSO} not found: install Debian's virtuoso-opensource (apt-get install virtuoso-opensource)")


def start(
    folder: Path, load_dirs: tuple[Path, ...] = (), buffers: int = 20_000
) -> tuple[subprocess.Popen, VirtuosoServer]:
    """Start a Virtuoso keeping its database in ``folder`` (which may hold files for its bulk
    loader, as may ``load_dirs``), with ``buffers`` pages of 8 KiB of cache (Virtuoso's advice:
    340,000 for 4 GiB); returns once it answers queries with the new password set."""
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    allowed = ", ".join([".", VAD_DIR, str(folder), *map(str, load_dirs)])
    (folder / "virtuoso.ini").write_text(_INI.format(
        folder=folder, http=http_port, sql=sql_port, allowed=allowed, buffers=buffers, dirty=buffers * 3 // 4
    ))
    log = folder / "server.log"
    process = launch([shutil.which(VIRTUOSO) or VIRTUOSO, "+foreground", "+configfile", folder / "virtuoso.ini"],
                     log, cwd=folder)
    server = VirtuosoServer(f"http://127.0.0.1:{http_port}", sql_port, folder)
    wait_until_ready(process, "virtuoso-t", f"{server.sparql}?query=ASK%7B%7D", log, STARTUP_SECONDS)
    try:
        _set_password(server)
    except BaseException:
        stop(process)
        raise
    return process, server


def stop(process: subprocess.Popen) -> None:
    """Stop Virtuoso, which writes a checkpoint as it ends."""
    server_process.stop(process, seconds=60)


def _set_password(server: VirtuosoServer) -> None:
    done = subprocess.run(
        [shutil.which(ISQL) or ISQL, f"127.0.0.1:{server.sql_port}", USER, "dba", "VERBOSE=OFF", "BANNER=OFF"],
        input=f"USER_SET_PASSWORD('{USER}', '{PASSWORD}');\n", capture_output=True, text=True, timeout=60, check=False,
    )
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"could not set the DBA password: {done.stdout.strip()} {done.stderr.strip()}")


_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {allowed}
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {folder}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""
