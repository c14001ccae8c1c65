"""Content fingerprints for the caches: what a result was computed from.

Small files are hashed by content; large ones (photos, fonts) by size and
modification time. gongshi's own code is fingerprinted by its files' sizes and
times, so an upgrade or an edit of gongshi invalidates every cache.

A city has tens of thousands of data files: each one's content hash is kept
(.cache/files.pickle) under what `stat` says of it — size, modification and
change times, inode — so a run reads only the files written since the last.
The change time cannot be set back by any tool; a file changed in the last
two seconds is hashed again every time (its times may not have moved yet)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE
from generator.pickled import read_pickle, write_pickle

SMALL = 1 << 20
CODE_SUFFIXES = (".py", ".yml", ".html", ".css", ".js")


HASHES = Path(".cache") / "files.pickle"
RECENT_NS = 2_000_000_000
StatKey = tuple[int, int, int, int, int]


class FileHashes:
    """Content hashes of files by path, each valid while the file's stat is unchanged."""

    def __init__(self, known: dict[str, tuple[StatKey, bytes]] | None = None) -> None:
        self.known = known or {}
        self.changed = False

    def content(self, path: str, stat: os.stat_result) -> bytes:
        key = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)
        held = self.known.get(path)
        if held is not None and held[0] == key:
            return held[1]
        with open(path, "rb") as file:
            value = hashlib.sha256(file.read()).digest()
        if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RECENT_NS:
            self.known[path] = (key, value)
            self.changed = True
        return value


_HASHES: dict[str, FileHashes] = {}       # by project root: a long-running process keeps them


def file_hashes(root: Path) -> FileHashes:
    key = str(root.resolve())
    if key not in _HASHES:
        stored = read_pickle(root / HASHES, FileHashes)
        _HASHES[key] = stored if stored is not None else FileHashes()
        _HASHES[key].changed = False
    return _HASHES[key]


def keep_file_hashes(root: Path) -> None:
    hashes = _HASHES.get(str(root.resolve()))
    if hashes is not None and hashes.changed:
        present = {path: held for path, held in hashes.known.items() if os.path.exists(path)}
        hashes.known, hashes.changed = present, False
        write_pickle(root / HASHES, hashes)


def _add_content(digest: "hashlib._Hash", path: str, stat: os.stat_result, hashes: FileHashes) -> None:
    if stat.st_size > SMALL:
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    else:
        digest.update(hashes.content(path, stat))


def add_file(digest: "hashlib._Hash", path: Path, name: str, hashes: FileHashes) -> None:
    if not path.is_file():
        return
    digest.update(name.encode() + b"\0")
    _add_content(digest, str(path), path.stat(), hashes)


def add_tree(digest: "hashlib._Hash", folder: Path, name: str, hashes: FileHashes) -> None:
    """Every file under `folder`, named relative to it (a missing folder adds nothing).
    Walked with os.scandir and plain strings: a city has tens of thousands of files."""
    found: list[tuple[str, str, os.stat_result]] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        relative, names = os.path.relpath(top, folder), set(files)
        for entry in os.scandir(top):
            if entry.name in names and entry.is_file():
                found.append((entry.name if relative == "." else f"{relative}/{entry.name}", entry.path,
                              entry.stat()))
    for relative, path, stat in sorted(found, key=lambda one: one[0]):
        digest.update(f"{name}/{relative}".encode() + b"\0")
        _add_content(digest, path, stat, hashes)


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
    hashes = file_hashes(root)
    digest = hashlib.sha256(code_digest() + settings.encode())
    for variable in ("GONGSHI_FONT", "GONGSHI_AS_OF", "SOURCE_DATE_EPOCH"):
        digest.update(f"{variable}={os.environ.get(variable, '')}".encode())
    add_file(digest, root / "mkdocs.yml", "mkdocs.yml", hashes)
    for folder in ("content", "theme"):
        add_tree(digest, root / folder, folder, hashes)
    communities: dict[str, str] = {}
    base = root / COMMUNITIES_DIR
    for entry in sorted(os.scandir(base), key=lambda e: e.name) if base.is_dir() else []:
        if entry.is_dir() and not entry.name.startswith((".", "_")):      # folders.community_folders
            add_file(digest, Path(entry.path) / PROFILE_FILE, f"{entry.name}/{PROFILE_FILE}", hashes)
            if only is not None and entry.name not in only:
                continue
            communities[entry.name] = community_digest(Path(entry.path), hashes)
        elif entry.is_dir():
            add_tree(digest, Path(entry.path), entry.name, hashes)
        else:
            add_file(digest, Path(entry.path), entry.name, hashes)
    keep_file_hashes(root)
    return ProjectDigest(digest.hexdigest(), communities, git_head(root))


def community_digest(folder: Path, hashes: FileHashes) -> str:
    """A community folder's own files: what ProjectDigest.communities holds."""
    digest = hashlib.sha256()
    add_tree(digest, folder, folder.name, hashes)
    return digest.hexdigest()


def refreshed_digest(root: Path, before: ProjectDigest, slugs: set[str]) -> ProjectDigest:
    """`before` with the folders of `slugs` read again: what project_digest would say
    when nothing but files inside those folders (not their profiles) changed."""
    hashes = file_hashes(root)
    communities = dict(before.communities)
    for slug in slugs:
        communities[slug] = community_digest(root / COMMUNITIES_DIR / slug, hashes)
    keep_file_hashes(root)
    return ProjectDigest(before.shared, communities, git_head(root))
