"""The caches' files: a value pickled under .cache/, read back only when it is
what the reader expects. A cache that cannot be read or written is no error:
the work is done again."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_pickle(path: Path, kind: type[T]) -> T | None:
    try:
        value = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None          # none yet, or written by another gongshi
    return value if isinstance(value, kind) else None


def write_pickle(path: Path, value: object) -> None:
    """Written beside its place and renamed in: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    except OSError:
        pass                 # a read-only checkout still works, only without the cache
