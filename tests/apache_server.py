"""A real Apache 2.4 for the tests: Debian's ``apache2``, serving a folder on 127.0.0.1 and a free
port with a configuration of its own (mod_rewrite, mod_negotiation, mod_headers, mod_mime,
mod_dir; ``AllowOverride All``, so that the folder's ``.htaccess`` rules), as a host that
w3id.org redirects to would. With ``CI=true`` a missing Apache fails the test (``.ci/run``
installs it), elsewhere it is skipped.

Apache drops its privileges to ``www-data``: the folder it serves must be readable by others,
so it is made under a world-readable temporary folder, not pytest's own (which is private)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from required_tool import require
from server_process import free_port

APACHE = "/usr/sbin/apache2"
MODULES = "/usr/lib/apache2/modules"
CONFIG = """ServerRoot {root}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {root}/httpd.pid
ErrorLog {root}/error.log
LogLevel warn
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule negotiation_module {modules}/mod_negotiation.so
LoadModule rewrite_module {modules}/mod_rewrite.so
LoadModule headers_module {modules}/mod_headers.so
TypesConfig /etc/mime.types
User www-data
Group www-data
DocumentRoot {site}
<Directory {site}>
    AllowOverride All
    Require all granted
</Directory>
"""


@contextmanager
def world_readable_folder() -> Iterator[Path]:
    """A new folder that Apache's user may read, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="coalition-kg-apache-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def apache_serving(site: Path, root: Path) -> Iterator[str]:
    """Apache serving ``site`` (its configuration and logs in ``root``): its base URL."""
    require(Path(APACHE).exists(), f"{APACHE} is missing (apt-get install apache2)")
    for folder, _, files in os.walk(site):
        Path(folder).chmod(0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)
    port = free_port()
    config = root / "httpd.conf"
    config.write_text(CONFIG.format(root=root, port=port, modules=MODULES, site=site))
    started = subprocess.run([APACHE, "-f", str(config), "-k", "start"], capture_output=True, text=True)
    if started.returncode != 0:
        raise RuntimeError(f"apache2 did not start: {started.stderr}")
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, root)
        yield base
    finally:
        subprocess.run([APACHE, "-f", str(config), "-k", "stop"], capture_output=True)
        _gone(root / "httpd.pid")


def _wait(base: str, root: Path, seconds: float = 30) -> None:
    """Until Apache answers (it forks and detaches: there is no process of ours to watch)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, if not with a page
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    log = (root / "error.log").read_text(errors="replace")[-2000:] if (root / "error.log").exists() else ""
    raise RuntimeError(f"apache2 did not answer on {base} within {seconds:g} s: {log}")


def _gone(pid_file: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
