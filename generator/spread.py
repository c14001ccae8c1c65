"""Work over a city's communities spread on every core by forked workers.

Forked workers share everything the main process has loaded (the validated
city, the theme) without pickling it; only each item's result travels back.
GONGSHI_WORKERS caps the number of cores used (1: everything in one process).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

WORKERS_VARIABLE = "GONGSHI_WORKERS"

Item = TypeVar("Item")
Result = TypeVar("Result")

# The work and its items, set while the workers fork: they read them, never pickled.
_job: tuple[Callable[[object], object], Sequence[object]] | None = None


def worker_count(items: int, per_worker: int) -> int:
    """How many processes `items` pieces of work deserve: one per `per_worker`
    pieces, at most one per core (or GONGSHI_WORKERS), at least one."""
    cores = os.cpu_count() or 1
    wanted = os.environ.get(WORKERS_VARIABLE, "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return max(1, min(int(wanted), items))
    return max(1, min(cores, items // per_worker))


def spread_map(work: Callable[[Item], Result], items: Sequence[Item], per_worker: int) -> list[Result]:
    """`[work(item) for item in items]`, computed by forked workers when there is
    enough; the items are not pickled (workers find them by index), the results are."""
    global _job
    workers = worker_count(len(items), per_worker)
    if workers == 1:
        return [work(item) for item in items]
    _job = (work, items)      # type: ignore[assignment]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_call, range(len(items)), chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _job = None


def _call(index: int) -> object:
    assert _job is not None
    work, items = _job
    return work(items[index])
