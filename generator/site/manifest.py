"""What a finished build leaves for the next one: enough to update the site
after a few communities changed without loading the others (update.py).

Kept in <project>/.cache/site/, with the digest of what the site was built
from; it is used only while the site folder still carries that digest's mark.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.fingerprint import ProjectDigest
from generator.pickled import read_pickle, write_pickle
from generator.site.pages import DataFile, Page
from generator.site.summary import Listing

MANIFEST = Path(".cache") / "site" / "manifest.pickle"
VERSION = 3


@dataclass
class BuiltSite:
    """Collected by the MkDocs plugin during a full build."""
    listing: Listing
    pages: dict[str, list[str]] = field(default_factory=dict)   # each community's page addresses
    listed: list[str] = field(default_factory=list)             # the portal's, districts' and streets' addresses
    listed_keys: dict[str, str] = field(default_factory=dict)   # their Page.fingerprint(): unchanged, not written again
    reference: list[Page] = field(default_factory=list)         # the guide's and glossary's generated pages
    searched: list[Page] = field(default_factory=list)          # site-index pages besides the listing pages
    sitemap: str = ""                                           # MkDocs' sitemap, before the communities' pages
    sitemap_mtime: int = 0                                      # its .gz header's date
    search: dict[str, Any] | None = None                        # the theme's search settings; None: search off
    unmet: dict[str, int] = field(default_factory=dict)         # standard requirements not met, per community
    data_day: str = ""                                          # the site pages' data date (mkdocs.yml extra)
    schemas: list[DataFile] = field(default_factory=list)       # pages.schema_files(): gongshi's, not the data's


@dataclass
class Manifest:
    site_dir: str
    digest: ProjectDigest
    built: BuiltSite
    version: int = VERSION
    posters: bool = False        # the site holds every community's posters (built without --no-posters)


def read_manifest(root: Path, site_dir: Path) -> Manifest | None:
    """The manifest of the last build into `site_dir`; None: build in full."""
    manifest = _read(root / MANIFEST)
    if manifest is None or manifest.version != VERSION or manifest.site_dir != site_key(root, site_dir):
        return None
    return manifest


def site_key(root: Path, site_dir: Path) -> str:
    """The site folder, relative to the project when inside it (a moved or copied
    project keeps its manifest)."""
    return os.path.relpath(site_dir.resolve(), root.resolve())


def write_manifest(root: Path, manifest: Manifest, behind: bool = False) -> None:
    """`behind`: by a forked process (pickling holds the interpreter, so a thread
    would not help), for a long-running process that need not wait for it; the next
    read waits. Until it is written the site's mark names a newer build than the
    file does, and a build started meanwhile builds in full: never wrong."""
    path = root / MANIFEST
    _wait_for_writing(path)
    if not behind or not hasattr(os, "fork"):
        _write(path, manifest)
        return
    child = os.fork()
    if child == 0:                      # pragma: no cover - the child only writes and leaves
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C stops the watch, not this write
            write_pickle(path, manifest)
        finally:
            os._exit(0)
    _WRITING[str(path)] = (child, manifest)


def manifest_written(root: Path) -> None:
    """Wait until a manifest written behind the process is on disk."""
    _wait_for_writing(root / MANIFEST)


def forget_manifest(root: Path) -> None:
    path = root / MANIFEST
    _wait_for_writing(path)
    path.unlink(missing_ok=True)
    _HELD.pop(str(path), None)


# A process that builds again and again (gongshi watch) keeps the last manifest it
# read or wrote, used while the file is the one it wrote (same size, times, inode).
_HELD: dict[str, tuple[tuple[int, int, int, int], Manifest]] = {}
WRITER_SECONDS = 20.0          # far longer than a city's manifest takes to write
_WRITING: dict[str, tuple[int, Manifest]] = {}        # the process writing it, and what it writes


def _stat_key(path: Path) -> tuple[int, int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _read(path: Path) -> Manifest | None:
    _wait_for_writing(path)
    key, held = _stat_key(path), _HELD.get(str(path))
    if key is not None and held is not None and held[0] == key:
        return held[1]
    manifest = read_pickle(path, Manifest)
    if manifest is not None:
        _hold(path, manifest)
    return manifest


def _write(path: Path, manifest: Manifest) -> None:
    write_pickle(path, manifest)
    _hold(path, manifest)


def _hold(path: Path, manifest: Manifest) -> None:
    """Keep `manifest` as what the file at `path` now holds."""
    key = _stat_key(path)
    if key is not None:
        _HELD[str(path)] = (key, manifest)


def _wait_for_writing(path: Path) -> None:
    writing = _WRITING.pop(str(path), None)
    if writing is None:
        return
    child, manifest = writing
    deadline = time.monotonic() + WRITER_SECONDS
    while True:
        try:
            done, _ = os.waitpid(child, os.WNOHANG)
        except ChildProcessError:       # no longer ours to wait for (nor to kill): whether it wrote is unknown
            _write(path, manifest)
            return
        if done:
            _hold(path, manifest)
            return
        if time.monotonic() >= deadline:
            break
        time.sleep(0.01)
    # A child forked beside the watch's threads can be stuck on a lock one of them
    # held at the fork: never wait forever, write the manifest here instead.
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    _write(path, manifest)
