"""Work over a city's communities spread on every core by forked workers.

Forked workers share everything the main process has loaded (the validated
city, the theme) without pickling it; only each item's result travels back.
GONGSHI_WORKERS caps the number of cores used (1: everything in one process).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

WORKERS_VARIABLE = "GONGSHI_WORKERS"

Item = TypeVar("Item")
Result = TypeVar("Result")
Progress = Callable[[int, int], None]       # (done, total): how far a long job has come
Steps = Callable[[str, int, int], None]     # (step, done, total): the same for a job of several steps


def step_of(steps: Steps | None, name: str) -> Progress | None:
    """The progress of the step `name` of a job reported to `steps`."""
    return None if steps is None else lambda done, total: steps(name, done, total)


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


def spread_map(work: Callable[[Item], Result], items: Sequence[Item], per_worker: int,
               progress: Progress | None = None) -> list[Result]:
    """`[work(item) for item in items]`, computed by forked workers when there is
    enough; the items are not pickled (workers find them by index), the results are.
    `progress` hears of each result as it comes back."""
    global _job
    workers = worker_count(len(items), per_worker)
    if workers == 1:
        return list(reported((work(item) for item in items), len(items), progress))
    _job = (work, items)      # type: ignore[assignment]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunk = max(1, min(len(items) // (workers * 4), 25))     # small enough for the progress to move
            return list(reported(pool.imap(_call, range(len(items)), chunksize=chunk), len(items), progress))
    finally:
        _job = None


def reported(results: Iterable[Result], total: int, progress: Progress | None) -> Iterator[Result]:
    """`results`, telling `progress` of each one as it is taken."""
    for done, result in enumerate(results, 1):
        yield result
        if progress is not None:
            progress(done, total)


def _call(index: int) -> object:
    assert _job is not None
    work, items = _job
    return work(items[index])
