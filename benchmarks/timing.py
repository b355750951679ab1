"""Timing one operation, or the median of a few runs of a query, as the worker reports it."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

#: One measurement: ``{"name", "seconds", "detail", "status"}``, and ``"rows"`` for a query's answer.
Result = dict[str, Any]


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def result(seconds: float | None, detail: str, name: str = "", status: str = "") -> Result:
    """One measurement; ``status`` is ok when timed, else skipped unless told (error)."""
    return {"name": name, "seconds": seconds, "detail": detail, "status": status or ("ok" if seconds is not None else "skipped")}


def repeated(name: str, run: Callable[[], int], runs: int, budget: float) -> Result:
    """The median time of up to ``runs`` runs, after a warm-up run that fills the engine's
    caches and is not counted; fewer runs once ``budget`` seconds are spent. A warm-up that
    alone takes more than a ``runs``-th of the budget is the one measurement."""
    try:
        warm_up, rows = timed(run)
        if warm_up > budget / runs:
            return {**result(warm_up, f"{rows} rows, one run", name), "rows": rows}
        times: list[float] = []
        while len(times) < runs and sum(times) < budget:
            seconds, rows = timed(run)
            times.append(seconds)
    except Exception as error:  # noqa: BLE001 - one query failing on one engine must not stop the others
        return result(None, f"{type(error).__name__}: {error}".splitlines()[0], name, "error")
    return {**result(statistics.median(times), f"{rows} rows, median of {len(times)} after a warm-up", name), "rows": rows}


def alternating(name: str, actions: dict[str, Callable[[], int]], runs: int, budget: float) -> list[Result]:
    """For each action (by backend), the median time of up to ``runs`` rounds in which the
    actions take turns, after a warm-up round that is not counted; fewer rounds once
    ``budget`` seconds are spent. Taking turns in one process, they meet the same caches and
    the same load on the machine, so their ratio holds even for queries of a millisecond."""
    times: dict[str, list[float]] = {backend: [] for backend in actions}
    rows: dict[str, int] = {}
    try:
        for backend, action in actions.items():
            rows[backend] = action()
        while min(map(len, times.values())) < runs and sum(map(sum, times.values())) < budget:
            for backend, action in actions.items():
                seconds, rows[backend] = timed(action)
                times[backend].append(seconds)
    except Exception as error:  # noqa: BLE001 - one query failing on one engine must not stop the others
        failure = f"{type(error).__name__}: {error}".splitlines()[0]
        return [{**result(None, failure, name, "error"), "backend": backend} for backend in actions]
    return [
        {**result(statistics.median(spent), f"{rows[backend]} rows, median of {len(spent)} taking turns", name),
         "backend": backend, "rows": rows[backend]}
        for backend, spent in times.items()
    ]
