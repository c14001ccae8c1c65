"""The main job: validate, build the site and the posters into a temporary
folder beside `site/`, and swap it in only when everything succeeded, so a
failed build never costs the last good site."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from generator.findings import Finding


class BuildFailed(Exception):
    """The data is not fit to publish; carries the blocking findings."""

    def __init__(self, findings: list[Finding], message: str = "") -> None:
        super().__init__(message or f"{len(findings)} 个错误阻止了发布")
        self.findings = findings


@dataclass
class BuildOptions:
    root: Path
    site_dir: Path
    as_of: date
    posters: bool = True
    sizes: tuple[str, ...] = ("A4",)
    only: list[str] | None = None


Progress = Callable[[int, int], None]


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


BUILD_MARK = ".gongshi-build"      # in the built site: the fingerprint of what it was built from


def build_fingerprint(options: BuildOptions) -> str:
    from generator.fingerprint import project_digest

    settings = f"{options.as_of.isoformat()}|{options.posters}|{','.join(options.sizes)}|{options.only}"
    return project_digest(options.root, settings)


POSTERS_MARK = ".gongshi-posters"   # in the site: fingerprints of the `gongshi posters` runs it holds


def posters_fingerprint(root: Path, as_of: date, sizes: tuple[str, ...], only: list[str] | None) -> str:
    from generator.fingerprint import project_digest

    return project_digest(root, f"posters|{as_of.isoformat()}|{','.join(sizes)}|{only}")


def is_marked(site_dir: Path, mark: str, fingerprint: str) -> bool:
    """`site_dir` holds output made from exactly what `fingerprint` describes: nothing to do."""
    try:
        return fingerprint in (site_dir / mark).read_text(encoding="utf-8").split()
    except OSError:
        return False


def add_mark(site_dir: Path, mark: str, fingerprint: str) -> None:
    with open(site_dir / mark, "a", encoding="utf-8") as marks:
        marks.write(fingerprint + "\n")


def publish(options: BuildOptions, progress: Progress | None = None, fingerprint: str | None = None):
    """Build everything into a staging folder, then swap it in. Returns the Validated city.
    `fingerprint`: build_fingerprint(options), when the caller has it already."""
    from generator.site.build import build_site

    fingerprint = fingerprint or build_fingerprint(options)
    staging = options.site_dir.with_name(f".{options.site_dir.name}-new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        validated = build_site(options.root, staging, options.as_of)
        if options.posters:
            _render_posters(validated, options, staging, progress)
        add_mark(staging, BUILD_MARK, fingerprint)
        swap_in(staging, options.site_dir)
        return validated
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render_posters(validated, options: BuildOptions, out_dir: Path, progress: Progress | None) -> None:
    from generator.config import site_url
    from generator.findings import Location, Severity
    from generator.posters.errors import PosterError
    from generator.posters.plan import poster_plan
    from generator.posters.render import render_posters

    specs = poster_plan(validated, site_url(options.root), options.sizes, options.only)
    try:
        render_posters(validated, specs, out_dir, progress=progress)
    except PosterError as exc:
        raise BuildFailed([Finding("posters.render", Severity.ERROR, f"海报无法生成：{exc}", Location("theme/posters"),
                                   "按说明修改后重新运行 gongshi build。", blocking=True)]) from None
