"""Timing one operation, or the median of a few runs of a query, as the worker reports it."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

#: One measurement: ``{"name", "seconds", "detail", "status"}``.
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
            return result(warm_up, f"{rows} rows, one run", name)
        times: list[float] = []
        while len(times) < runs and sum(times) < budget:
            seconds, rows = timed(run)
            times.append(seconds)
    except Exception as error:  # noqa: BLE001 - one query failing on one engine must not stop the others
        return result(None, f"{type(error).__name__}: {error}".splitlines()[0], name, "error")
    return result(statistics.median(times), f"{rows} rows, median of {len(times)} after a warm-up", name)
