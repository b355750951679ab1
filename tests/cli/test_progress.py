"""Progress of a build or validation: shown on a terminal, never in a pipe or a CI log."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_kg.core.paths import DATA_DIR

BUILD_STEPS = ["comparing the data with the last build", "reading the curated data", "validating 546 triples against the shapes", "drawing the pictures",
               "writing the exports", "loading the store"]
SUMMARY = "built 546 triples: 1 mission, 8 states, 2 officials, 6 instruments, 7 deployments, 3 statements, 2 sources"
FIRST_BUILD = "full build: every source read and validated (no earlier build to start from)"


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "coalition_kg", *args]


def on_a_terminal(args: list[str], **environment: str) -> str:
    """What a terminal shows while ``args`` runs with its output and errors on it."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "CI": "", "TERM": "xterm", **environment}
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 0
    return shown.decode("utf-8")


def test_a_build_on_a_terminal_shows_each_step_then_erases_them(tmp_path: Path) -> None:
    shown = on_a_terminal(command("build", "--out", str(tmp_path / "build")))
    assert all(f"… {step}" in shown for step in BUILD_STEPS)  # each step as it starts
    assert all(f"✓ {step}" in shown for step in BUILD_STEPS[:-1])  # and once it is done
    assert shown.rstrip().endswith(f"{SUMMARY}\r\nvalidation: conforms: 0 violation(s), 0 warning(s)\r\n{FIRST_BUILD}")
    assert "\x1b[2K" in shown  # the steps are erased before the summary


def test_validation_on_a_terminal_shows_its_steps() -> None:
    shown = on_a_terminal(command("validate"))
    assert "… reading the shapes and the data" in shown and "… validating the data against the shapes" in shown
    assert shown.rstrip().endswith("conforms: 0 violation(s), 0 warning(s)")


@pytest.mark.parametrize("environment", [{"CI": "true"}, {"TERM": "dumb"}])
def test_no_progress_in_a_ci_log_or_on_a_dumb_terminal(tmp_path: Path, environment: dict[str, str]) -> None:
    shown = on_a_terminal(command("build", "--out", str(tmp_path / "build")), **environment)
    assert shown == f"{SUMMARY}\r\nvalidation: conforms: 0 violation(s), 0 warning(s)\r\n{FIRST_BUILD}\r\n"


def test_no_progress_in_a_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "CI": "", "TERM": "xterm"}
    built = subprocess.run(command("build", "--out", str(tmp_path / "build")), capture_output=True, text=True, env=env)
    assert (built.returncode, built.stdout, built.stderr) == (
        0, f"{SUMMARY}\nvalidation: conforms: 0 violation(s), 0 warning(s)\n{FIRST_BUILD}\n", ""
    )
    checked = subprocess.run(command("validate"), capture_output=True, text=True, env=env, cwd=DATA_DIR.parent)
    assert (checked.returncode, checked.stderr) == (0, "")
