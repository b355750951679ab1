"""Progress of a build or validation, shown on a terminal only.

Each step of the pipeline (reading, validating, writing the exports, loading the store)
is shown on standard error as it starts, the steps done with the time each took, and the
display is erased when the command ends. Nothing is shown when standard error is not a
terminal (a pipe, a file, a CI log), when ``CI`` is set, or when ``TERM`` is ``dumb``: logs
get the command's result and nothing else.

The display is redrawn when a step starts, not by a thread of its own: validation forks
worker processes, and a fork while another thread holds the lock of standard error would
leave the worker unable to write to it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def shows_progress() -> bool:
    """Whether progress is shown: standard error is a terminal, not a CI log nor a dumb terminal."""
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return sys.stderr.isatty() and not in_ci and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_steps() -> Iterator[Callable[[str], None] | None]:
    """A function to tell each step as it starts, shown while the block runs; None where
    progress is not shown."""
    if not shows_progress():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, TextColumn

    columns = (TextColumn("{task.fields[mark]}"), TextColumn("{task.description}"), TextColumn("{task.fields[took]}"))
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as display:
        running: list[tuple[int, float]] = []  # the current step: its task and when it started

        def step(description: str) -> None:
            for task, started in running:
                display.update(task, mark="✓", took=f"{time.monotonic() - started:.1f} s")
            running[:] = [(display.add_task(description, mark="…", took=""), time.monotonic())]
            display.refresh()

        yield step
