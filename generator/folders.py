"""Where a project keeps its communities: names only, so that the command line
can find them without importing the data model (it starts faster)."""

from __future__ import annotations

from pathlib import Path

COMMUNITIES_DIR = "communities"
PROFILE_FILE = "community.yml"


def community_folders(root: Path) -> list[Path]:
    base = root / COMMUNITIES_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
