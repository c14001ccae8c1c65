"""Shared test helpers: a temporary copy of the example communities, edits
applied as text (so expected line numbers stay meaningful), and the CLI."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "communities"
# The example data is a snapshot: every test pins the reference date (decisions 4).
AS_OF = date(2026, 11, 23)


def copy_examples(target: Path, slugs: list[str] | None = None) -> Path:
    """Copy the example communities (all, or `slugs` plus their parents) into `target`."""
    (target / "communities").mkdir(parents=True, exist_ok=True)
    for folder in sorted(EXAMPLES.iterdir()):
        if folder.is_dir() and (slugs is None or folder.name in slugs):
            shutil.copytree(folder, target / "communities" / folder.name)
    return target


def apply_edits(root: Path, slug: str, edits: list[dict[str, Any]]) -> None:
    """Each edit: {file, find, replace} (find must occur exactly once, or
    at least once with `count: all`),
    {file, write} (replace the file), or {file, delete: true}."""
    for edit in edits:
        path = root / "communities" / slug / edit["file"]
        if edit.get("delete"):
            path.unlink()
            continue
        if "write" in edit:
            path.write_text(edit["write"], encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        count = text.count(edit["find"])
        expected = "at least once" if edit.get("count") == "all" else "exactly once"
        assert (count >= 1 if edit.get("count") == "all" else count == 1), \
            f"edit target occurs {count} times in {path.name}, expected {expected}: {edit['find']!r}"
        path.write_text(text.replace(edit["find"], edit["replace"]), encoding="utf-8")


def run_cli(root: Path, *args: str) -> Any:
    """Run `gongshi ARGS` in `root`; returns click's Result (exit_code, output)."""
    import os

    runner = CliRunner()
    old = Path.cwd()
    os.chdir(root)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    return copy_examples(tmp_path)
