"""Running one measured operation in a fresh process: its wall time, peak memory and output.

The peak resident set size comes from ``wait4`` on that one child, so each
operation's figure is its own. The child is started by a small launcher process that
reports it: a child forked straight from a large parent (pytest, a benchmark run) would
count the parent's memory in its peak, because Linux keeps the high-water mark of the
memory a process had before ``exec``. A process that outlives its timeout is killed
with its process group (it was started in a session of its own).
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
# Forks from its own small interpreter, runs the command, and writes the command's peak (KiB) to argv[1].
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as error:
        print(f"cannot run {sys.argv[2]}: {error}", file=sys.stderr)
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
"""


@dataclass(frozen=True)
class ProcessRun:
    """How one child process went."""

    seconds: float
    peak_rss_mb: float | None
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def failure(self) -> str:
        """The last line of the child's error output, or how it ended."""
        if self.timed_out:
            return "timeout"
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else f"exit status {self.returncode}"


def run_process(argv: Sequence[str], timeout: float, cwd: Path = PROJECT_DIR) -> ProcessRun:
    """Run ``argv`` to its end or to ``timeout`` seconds; time it and read its peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        started = time.perf_counter()
        launcher = [sys.executable, "-c", _LAUNCHER, peak.name, *argv]
        process = subprocess.Popen(launcher, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        expired = threading.Event()
        timer = threading.Timer(timeout, _kill_group, (process.pid, expired))
        timer.start()
        try:
            _, status, _ = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        reported = Path(peak.name).read_text()  # empty if killed at its timeout: the peak is unknown
        return ProcessRun(seconds, int(reported) / 1024 if reported else None, process.returncode,
                          out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                          expired.is_set())


def run_python(module_args: Sequence[str], timeout: float) -> ProcessRun:
    """Run ``python -m <module_args>`` with this interpreter, from the project folder."""
    return run_process([sys.executable, "-m", *module_args], timeout)


def median_of_processes(argv: Sequence[str], runs: int, timeout: float) -> tuple[float | None, float, str]:
    """The median wall time of ``runs`` runs of ``argv``, the highest peak memory, and a failure if one failed."""
    times, peak = [], 0.0
    for _ in range(runs):
        run = run_process(argv, timeout)
        peak = max(peak, run.peak_rss_mb or 0.0)
        if not run.ok:
            return None, peak, run.failure()
        times.append(run.seconds)
    return statistics.median(times), peak, ""


def _kill_group(pid: int, expired: threading.Event) -> None:
    expired.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
