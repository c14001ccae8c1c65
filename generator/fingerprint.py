"""Content fingerprints for the caches: what a result was computed from.

Small files are hashed by content; large ones (photos, fonts) by size and
modification time. gongshi's own code is fingerprinted by its files' sizes and
times, so an upgrade or an edit of gongshi invalidates every cache."""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE

SMALL = 1 << 20
CODE_SUFFIXES = (".py", ".yml", ".html", ".css", ".js")


def add_file(digest: "hashlib._Hash", path: Path, name: str) -> None:
    if not path.is_file():
        return
    stat = path.stat()
    digest.update(name.encode() + b"\0")
    if stat.st_size <= SMALL:
        digest.update(path.read_bytes())
    else:
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())


def add_tree(digest: "hashlib._Hash", folder: Path, name: str) -> None:
    """Every file under `folder`, named relative to it (a missing folder adds nothing).
    Walked with os.scandir and plain strings: a city has tens of thousands of files."""
    found: list[tuple[str, str, int, int]] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        relative, names = os.path.relpath(top, folder), set(files)
        for entry in os.scandir(top):
            if entry.name in names and entry.is_file():
                stat = entry.stat()
                found.append((entry.name if relative == "." else f"{relative}/{entry.name}", entry.path,
                              stat.st_size, stat.st_mtime_ns))
    for relative, path, size, mtime in sorted(found):
        digest.update(f"{name}/{relative}".encode() + b"\0")
        if size <= SMALL:
            with open(path, "rb") as file:
                digest.update(file.read())
        else:
            digest.update(f"{size}:{mtime}".encode())


def code_digest() -> bytes:
    package = Path(generator.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in CODE_SUFFIXES:
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.digest()


def git_head(root: Path) -> str:
    """The commit the project is at: page histories (修订记录) are read from git."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def committed_between(root: Path, old: str, new: str) -> list[str] | None:
    """Files a commit between `old` and `new` touched, relative to `root` (None: git
    cannot say, e.g. a rewritten history): their 修订记录 has a new date."""
    try:
        done = subprocess.run(["git", "diff", "--name-only", "--no-renames", "--relative", "-z", old, new], cwd=root,
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return [name for name in done.stdout.split("\0") if name] if done.returncode == 0 else None


@dataclass(frozen=True)
class ProjectDigest:
    """What a build reads, split so that an update can tell which communities changed."""
    shared: str                  # gongshi, settings, environment, mkdocs.yml, content/, theme/, every profile
    communities: dict[str, str]  # each community folder's own files, by slug
    head: str = ""               # the git commit: page histories are read from git

    @property
    def combined(self) -> str:
        digest = hashlib.sha256((self.shared + self.head).encode())
        for slug, key in sorted(self.communities.items()):
            digest.update(f"{slug}={key}".encode())
        return digest.hexdigest()

    def changed(self, before: "ProjectDigest") -> set[str]:
        """Communities added, removed or edited since `before` (with the same shared part);
        not those whose files were only committed (committed_between)."""
        slugs = set(self.communities) | set(before.communities)
        return {s for s in slugs if self.communities.get(s) != before.communities.get(s)}


def project_digest(root: Path, settings: str, only: list[str] | None = None) -> ProjectDigest:
    """Everything a build reads: gongshi, the project's files, its git commit, the
    build's settings (`settings`: date, poster sizes…) and the environment it reads.
    `only`: the communities the job reads besides every profile (`gongshi posters --community`)."""
    digest = hashlib.sha256(code_digest() + settings.encode())
    for variable in ("GONGSHI_FONT", "GONGSHI_AS_OF", "SOURCE_DATE_EPOCH"):
        digest.update(f"{variable}={os.environ.get(variable, '')}".encode())
    add_file(digest, root / "mkdocs.yml", "mkdocs.yml")
    for folder in ("content", "theme"):
        add_tree(digest, root / folder, folder)
    communities: dict[str, str] = {}
    base = root / COMMUNITIES_DIR
    for entry in sorted(os.scandir(base), key=lambda e: e.name) if base.is_dir() else []:
        if entry.is_dir() and not entry.name.startswith((".", "_")):      # folders.community_folders
            add_file(digest, Path(entry.path) / PROFILE_FILE, f"{entry.name}/{PROFILE_FILE}")
            if only is not None and entry.name not in only:
                continue
            folder = hashlib.sha256()
            add_tree(folder, Path(entry.path), entry.name)
            communities[entry.name] = folder.hexdigest()
        elif entry.is_dir():
            add_tree(digest, Path(entry.path), entry.name)
        else:
            add_file(digest, Path(entry.path), entry.name)
    return ProjectDigest(digest.hexdigest(), communities, git_head(root))
