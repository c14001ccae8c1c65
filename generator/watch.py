"""`gongshi watch`: the site kept up to date while staff edit, by one process.

After a first pass like `gongshi build`, every change under communities/,
content/, theme/ or to mkdocs.yml brings the site up to date again — by an
update (site/update.py) when only some communities changed. The process keeps
gongshi, MkDocs, the poster fonts and the files' hashes loaded, so a pass costs
what the change costs, not a new start of Python (about 1.5 s at city scale).

The site stays as the last build made it, with or without every community's
posters; either way an update draws the posters of the communities it renders
(unless the watch is told `--no-posters`), as `gongshi posters --community`
would. A pass that fails leaves the site as it was, like a build.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from generator.clock import reference_date
from generator.fingerprint import ProjectDigest, refreshed_digest
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE
from generator.publish import (BUILD_MARK, BuildFailed, BuildOptions, Published, build_digest, build_settings,
                               is_marked, publish)

WATCHED_FOLDERS = (COMMUNITIES_DIR, "content", "theme")
WATCHED_FILES = ("mkdocs.yml",)
QUIET_SECONDS = 0.1        # a save often writes a file several times: wait until it is quiet


@dataclass(frozen=True)
class Pass:
    """What one pass did, for the report."""
    seconds: float
    published: Published | None = None       # None: up to date already, or the pass failed
    failed: BuildFailed | None = None
    error: str = ""                           # a file that could not be written (disk full, permissions)


def site_has_posters(options: BuildOptions) -> bool:
    """Whether the last build put every community's posters in the site; with no
    build yet, what the watch was asked for."""
    from generator.site.manifest import read_manifest

    manifest = read_manifest(options.root, options.site_dir)
    return options.posters if manifest is None else manifest.posters


class Watch:
    """The passes of one `gongshi watch`: what the last one read, so the next reads
    only the community folders the file events name."""

    def __init__(self, options: BuildOptions, as_of: date | None) -> None:
        self.options, self.as_of = options, as_of
        self.site_posters = site_has_posters(options)
        self.last: tuple[str, ProjectDigest] | None = None      # (settings, digest) of the last pass

    def one_pass(self, touched: set[Path] | None = None) -> Pass:
        """Bring the site up to date; `touched`: the files changed since the last pass (None: unknown)."""
        started = time.perf_counter()
        current = replace(self.options, as_of=reference_date(self.as_of), posters=self.site_posters,
                          posters_of_updated=self.options.posters, resident=True)
        try:
            digest = self._digest(current, touched)
            self.last = (build_settings(current), digest)
            if is_marked(current.site_dir, BUILD_MARK, digest.combined):
                return Pass(time.perf_counter() - started)
            published = publish(current, digest=digest)
        except BuildFailed as failed:
            return Pass(time.perf_counter() - started, failed=failed)
        except OSError as exc:
            return Pass(time.perf_counter() - started, error=exc.strerror or str(exc))
        return Pass(time.perf_counter() - started, published)

    def _digest(self, current: BuildOptions, touched: set[Path] | None) -> ProjectDigest:
        slugs = _community_folders(current.root, touched) if touched is not None else None
        if self.last is None or slugs is None or self.last[0] != build_settings(current):
            return build_digest(current)
        return refreshed_digest(current.root, self.last[1], slugs)


def _community_folders(root: Path, touched: set[Path]) -> set[str] | None:
    """The community folders `touched` lies in; None when a file elsewhere or a
    profile changed (what every community's pages read: the whole project is read again)."""
    slugs: set[str] = set()
    for path in touched:
        parts = path.relative_to(root).parts if path.is_relative_to(root) else ()
        if len(parts) < 3 or parts[0] != COMMUNITIES_DIR or parts[2] == PROFILE_FILE or parts[1].startswith((".", "_")):
            return None
        slugs.add(parts[1])
    return slugs if all((root / COMMUNITIES_DIR / slug).is_dir() for slug in slugs) else None


def watch(options: BuildOptions, as_of: date | None, report: Callable[[Pass], None],
          changes: Iterator[set[Path]]) -> None:
    """A pass now, then one after each burst of changes `changes` yields, until it ends."""
    passes = Watch(options, as_of)
    first = passes.one_pass()
    _warm_up()                  # before saying the site is up to date: then an edit is handled at once
    fonts = _prepare_common_fonts(options.root) if options.posters else None
    try:
        report(first)
        for touched in changes:
            with _paused(fonts):
                done = passes.one_pass(touched)
            report(done)
    finally:
        if fonts is not None:
            _signal(fonts, signal.SIGKILL)      # its font is written under a temporary name until complete
            fonts.wait()


@contextmanager
def _paused(process: subprocess.Popen | None) -> Iterator[None]:
    """The font preparation stopped while a pass runs: the pass gets every core."""
    _signal(process, signal.SIGSTOP)
    try:
        yield
    finally:
        _signal(process, signal.SIGCONT)


def _signal(process: subprocess.Popen | None, number: int) -> None:
    """`number` to the process and the workers it started (its own process group)."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, number)
    except (ProcessLookupError, PermissionError):
        pass


def _prepare_common_fonts(root: Path) -> subprocess.Popen:
    """Prepare the poster fonts for the common characters in another process, while
    staff read the first report (posters/prepared.py): its own Python, not a fork
    of this one, whose file-watching threads a fork would copy mid-step; at the
    lowest priority, and stopped while a pass runs (_paused), so that an edit saved
    meanwhile is not slowed by it. It and its workers form their own process group,
    ended as one when the watch stops."""
    return subprocess.Popen([sys.executable, "-c", "import os, sys; from pathlib import Path; os.nice(19); "
                             "from generator.posters.render import prepare_common_fonts; "
                             "prepare_common_fonts(Path(sys.argv[1]))", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _warm_up() -> None:
    """Load now what an update needs, so the first edit is as quick as the next; the
    poster drawing modules too, which the forked poster process would otherwise
    import at every pass (fpdf, numpy: most of a second)."""
    import generator.posters.compose  # noqa: F401
    import generator.posters.pdf  # noqa: F401
    import generator.posters.png  # noqa: F401
    import generator.posters.render  # noqa: F401
    import generator.site.update  # noqa: F401


class Changes:
    """Changes to what a build reads, from the operating system's file events
    (watchdog, as `mkdocs serve` uses). Iterating waits for the next burst of
    changes and yields the files it touched once it has been quiet for QUIET_SECONDS."""

    def __init__(self, root: Path) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.changed = threading.Event()
        self.last = 0.0
        self.touched: set[Path] = set()
        self.lock = threading.Lock()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:   # type: ignore[no-untyped-def]
                if event.event_type in ("opened", "closed_no_write") or (
                        event.is_directory and event.event_type == "modified"):   # its files have their own events
                    return
                paths = [Path(str(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
                watched = {p for p in paths if _watched(root, p)}
                if watched:
                    with watcher.lock:
                        watcher.touched |= watched
                        watcher.last = time.monotonic()
                    watcher.changed.set()

        self.observer = Observer()
        for name in WATCHED_FOLDERS:
            if (root / name).is_dir():
                self.observer.schedule(Handler(), str(root / name), recursive=True)
        self.observer.schedule(Handler(), str(root), recursive=False)
        self.observer.start()

    def __iter__(self) -> Iterator[set[Path]]:
        """The files changed in each burst."""
        try:
            while True:
                while not self.changed.wait(0.5):
                    pass
                while time.monotonic() - self.last < QUIET_SECONDS:
                    time.sleep(QUIET_SECONDS / 4)
                with self.lock:
                    touched, self.touched = self.touched, set()
                    self.changed.clear()
                yield touched
        finally:
            self.observer.stop()
            self.observer.join(timeout=5)


def _watched(root: Path, path: Path) -> bool:
    """A file a build reads: not an editor's swap or backup file."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return False
    name = relative.name
    if name.startswith((".#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp")) or "__pycache__" in relative.parts:
        return False
    top = relative.parts[0] if relative.parts else ""
    return top in WATCHED_FOLDERS or (len(relative.parts) == 1 and name in WATCHED_FILES)
