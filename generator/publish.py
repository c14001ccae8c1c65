"""The main job: validate, build the site and the posters into a temporary
folder beside `site/`, and swap it in only when everything succeeded, so a
failed build never costs the last good site."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from generator.findings import Finding
from generator.spread import Progress, Steps, step_of

if TYPE_CHECKING:
    from generator.fingerprint import ProjectDigest
    from generator.site.manifest import BuiltSite, Manifest


class BuildFailed(Exception):
    """The data is not fit to publish; carries the blocking findings."""

    def __init__(self, findings: list[Finding], message: str = "") -> None:
        super().__init__(message or f"{len(findings)} 个错误阻止了发布")
        self.findings = findings

    def __reduce__(self):       # raised in the poster process, re-raised by the update
        return BuildFailed, (self.findings, str(self))


@dataclass
class BuildOptions:
    root: Path
    site_dir: Path
    as_of: date
    posters: bool = True
    sizes: tuple[str, ...] = ("A4",)
    only: list[str] | None = None
    posters_of_updated: bool = False   # without `posters`: an update still draws the posters of what it renders
    resident: bool = False             # a long-running process (gongshi watch): the manifest is saved behind it


POSTERS_STEP = "生成海报"


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `staging` using renames on the same filesystem.
    Whatever stops the second rename (an OSError, Ctrl-C) puts the old site back."""
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except BaseException:
        if old.exists() and not site_dir.exists():
            old.rename(site_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def move_into(staging: Path, site_dir: Path, folders: list[str] = ()) -> None:
    """Move what `staging` holds into `site_dir`: each of `folders` by a swap, every
    other file by a replacing rename, with Ctrl-C held back until all are moved."""
    with interrupts_held():
        for name in folders:
            if (staging / name).exists():
                swap_in(staging / name, site_dir / name)
        for top, _, names in os.walk(staging):
            for file_name in names:
                source = Path(top) / file_name
                target = site_dir / source.relative_to(staging)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C waits until the renames are done: a site is never left half moved."""
    caught: list[object] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    except ValueError:           # not the main thread: nothing to hold back
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


BUILD_MARK = ".gongshi-build"      # in the built site: the fingerprint of what it was built from


def build_settings(options: BuildOptions) -> str:
    """The options a site's contents depend on, for its digest."""
    return f"{options.as_of.isoformat()}|{options.posters}|{','.join(options.sizes)}|{options.only}"


def build_digest(options: BuildOptions) -> "ProjectDigest":
    from generator.fingerprint import project_digest

    return project_digest(options.root, build_settings(options))


POSTERS_MARK = ".gongshi-posters"   # in the site: fingerprints of the `gongshi posters` runs it holds


def posters_fingerprint(root: Path, as_of: date, sizes: tuple[str, ...], only: list[str] | None) -> str:
    from generator.fingerprint import project_digest

    return project_digest(root, f"posters|{as_of.isoformat()}|{','.join(sizes)}|{only}", only).combined


def publish_posters(root: Path, site_dir: Path, as_of: date, sizes: tuple[str, ...], only: list[str] | None,
                    progress: Progress | None = None) -> int | None:
    """`gongshi posters`: draw the posters of `only` (None: every community) beside
    the site and move them in when all are drawn. Returns how many, None when the
    site already holds them; raises BuildFailed for data or a poster that cannot be drawn."""
    fingerprint = posters_fingerprint(root, as_of, sizes, only)
    if is_marked(site_dir, POSTERS_MARK, fingerprint):
        return None
    from generator.pipeline import validate      # the data model loads only when something is drawn

    validated = validate(root, as_of, only)
    blocking = validated.blocking()
    if blocking:
        raise BuildFailed(blocking)
    staging = site_dir.with_name(f".{site_dir.name}-posters-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        specs = _render_posters(validated, BuildOptions(root, site_dir, as_of, True, sizes, only), staging, progress)
        move_into(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    add_mark(site_dir, POSTERS_MARK, fingerprint)
    return specs


def is_marked(site_dir: Path, mark: str, fingerprint: str) -> bool:
    """`site_dir` holds output made from exactly what `fingerprint` describes: nothing to do."""
    try:
        return fingerprint in (site_dir / mark).read_text(encoding="utf-8").split()
    except OSError:
        return False


def add_mark(site_dir: Path, mark: str, fingerprint: str) -> None:
    with open(site_dir / mark, "a", encoding="utf-8") as marks:
        marks.write(fingerprint + "\n")


@dataclass(frozen=True)
class Published:
    communities: int          # published communities on the site
    unmet: int                # standard requirements not met, over all of them
    updated: list[str]        # the communities an update rendered again; empty after a full build
    posters: int = 0          # the posters an update drew or copied for them


def publish(options: BuildOptions, steps: Steps | None = None, digest: "ProjectDigest | None" = None,
            full: bool = False) -> Published:
    """Bring the site up to date: by an update when only some communities' records
    changed since the last build (site/update.py), else by a full build into a
    staging folder swapped in (always, with `full`). `digest`: build_digest(options), when the caller has it."""
    from generator.site.manifest import Manifest, forget_manifest, read_manifest, site_key, write_manifest

    digest = digest or build_digest(options)
    staging = options.site_dir.with_name(f".{options.site_dir.name}-new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        manifest = read_manifest(options.root, options.site_dir)
        if not full and manifest is not None and is_marked(options.site_dir, BUILD_MARK, manifest.digest.combined):
            published = _update(options, manifest, digest, staging, step_of(steps, POSTERS_STEP))
            if published is not None:
                return published
            shutil.rmtree(staging, ignore_errors=True)
        forget_manifest(options.root)
        built = _build(options, staging, steps)
        add_mark(staging, BUILD_MARK, digest.combined)
        swap_in(staging, options.site_dir)
        write_manifest(options.root, Manifest(site_key(options.root, options.site_dir), digest, built,
                                              posters=options.posters), options.resident)
        return Published(len(built.listing.summaries), sum(built.unmet.values()), [])
    finally:
        _discard(staging, behind=options.resident)


def _discard(folder: Path, behind: bool) -> None:
    """Remove what is left of a staging folder (after an update, its emptied folders);
    `behind`: renamed aside and removed by a thread, for a process that goes on."""
    if behind and folder.exists():
        aside = folder.with_name(f"{folder.name}-done-{time.monotonic_ns()}")
        try:
            folder.rename(aside)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return
        threading.Thread(target=shutil.rmtree, args=(aside, True), name="gongshi-discard").start()
    else:
        shutil.rmtree(folder, ignore_errors=True)


def _build(options: BuildOptions, staging: Path, steps: Steps | None) -> "BuiltSite":
    from generator.site.build import build_site

    validated, built = build_site(options.root, staging, options.as_of, steps)
    if options.posters:
        _render_posters(validated, options, staging, step_of(steps, POSTERS_STEP))
    return built


def _update(options: BuildOptions, manifest: "Manifest", digest: "ProjectDigest", staging: Path,
            progress: Progress | None) -> Published | None:
    from generator.site.manifest import Manifest, site_key, write_manifest
    from generator.site.update import Declined, update_site

    def posters(validated, slugs: list[str], out_dir: Path) -> int:
        return _render_posters(validated, replace(options, only=slugs), out_dir, progress)

    try:
        done = update_site(options.root, staging, manifest, digest,
                           posters if options.posters or options.posters_of_updated else None)
    except Declined:
        return None
    move_into(staging, options.site_dir, done.folders)
    (options.site_dir / BUILD_MARK).write_text(digest.combined + "\n", encoding="utf-8")
    (options.site_dir / POSTERS_MARK).unlink(missing_ok=True)     # the posters of `updated` were redrawn or removed
    write_manifest(options.root, Manifest(site_key(options.root, options.site_dir), digest, done.built,
                                          posters=options.posters), options.resident)
    return Published(len(done.built.listing.summaries), sum(done.built.unmet.values()), done.rendered, done.posters)


def _render_posters(validated, options: BuildOptions, out_dir: Path, progress: Progress | None) -> int:
    from generator.config import site_url
    from generator.findings import Location, Severity
    from generator.posters.errors import PosterError
    from generator.posters.plan import poster_plan
    from generator.posters.render import render_posters

    specs = poster_plan(validated, site_url(options.root), options.sizes, options.only)
    try:
        render_posters(validated, specs, out_dir, progress=progress)
        return len(specs)
    except PosterError as exc:
        raise BuildFailed([Finding("posters.render", Severity.ERROR, f"海报无法生成：{exc}", Location("theme/posters"),
                                   "按说明修改后重新运行 gongshi build。", blocking=True)]) from None
