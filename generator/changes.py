"""Which communities a git change touched, for `gongshi validate --changed`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.model.community import COMMUNITIES_DIR


class GitUnavailable(Exception):
    """git is missing, this is not a repository, or the ref is unknown."""


def _git(root: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise GitUnavailable(f"无法运行 git：{exc}") from None
    if done.returncode != 0:
        raise GitUnavailable(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git 出错")
    return [line for line in done.stdout.splitlines() if line]


def changed_communities(root: Path, ref: str) -> list[str]:
    """Slugs with a file changed since `ref`, staged, unstaged or untracked."""
    paths = _git(root, "diff", "--name-only", ref, "--", COMMUNITIES_DIR)
    paths += _git(root, "ls-files", "--others", "--exclude-standard", "--", COMMUNITIES_DIR)
    slugs = {Path(p).parts[1] for p in paths if len(Path(p).parts) > 2}
    return sorted(s for s in slugs if (root / COMMUNITIES_DIR / s).is_dir())
