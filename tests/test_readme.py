"""The README stays true: every console example prints what the README shows, and the pictures
are what the graph command draws today."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_kg import pipeline
from coalition_kg.pictures.render import render

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ (.*?)\n(.*?)```", README, re.S)


def test_the_readme_shows_the_two_commands_first():
    assert README.index("make run") < README.index("make test") < README.index("coalition-kg build")
    assert len(EXAMPLES) >= 14


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_each_console_example_prints_what_the_readme_shows(command, shown):
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                   "COLUMNS": "100"}
    completed = subprocess.run(["bash", "-c", f"{command} 2>&1"], cwd=PROJECT, env=environment,
                               capture_output=True, text=True, timeout=300)
    assert completed.stdout == shown


@pytest.mark.parametrize("view", ["coalition", "timeline"])
def test_the_readme_pictures_are_current(view):
    drawn = render(view, "png", pipeline.load_project().dataset)
    assert (PROJECT / "docs" / f"{view}.png").read_bytes() == drawn
