"""`gongshi build`'s site step: run the MkDocs build programmatically.

The lead's CLI builds into a staging folder and swaps it in (generator/publish.py);
this only builds, and turns a refused build into `BuildFailed` with the findings.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterator

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException

from generator.pipeline import Validated
from generator.publish import BuildFailed
from generator.site.manifest import BuiltSite
from generator.site.plugin import GongshiPlugin
from generator.spread import Steps

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
LINE = re.compile(r"\bline (\d+)")


def build_site(root: Path, site_dir: Path, as_of: date, steps: Steps | None = None) -> tuple[Validated, BuiltSite]:
    """Build the whole site into `site_dir`; return the validated city and what an
    update of this site reads (manifest.py). `steps` hears how far the long steps have come."""
    config, plugin = load_project(root, site_dir, as_of)
    plugin.steps = steps
    try:
        with build_clock(as_of):
            build(config)
    except MkDocsException as failed:
        blocking = plugin.validated.blocking() if plugin.validated else []
        raise BuildFailed(blocking, str(failed)) from None
    assert plugin.validated is not None and plugin.built is not None
    return plugin.validated, plugin.built


def load_project(root: Path, site_dir: Path, as_of: date) -> tuple[MkDocsConfig, GongshiPlugin]:
    if not (root / "mkdocs.yml").is_file():
        raise BuildFailed([], f"{root} 里没有 mkdocs.yml（网站的设置）。请在项目文件夹里运行，或从示例项目复制一份 mkdocs.yml")
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    except ConfigurationError as exc:
        line = LINE.search(str(exc))
        where = f"第 {line.group(1)} 行" if line else ""
        raise BuildFailed([], f"mkdocs.yml {where}写法有误，网站无法生成（{exc}）。"
                              "请对照示例项目的 mkdocs.yml 改正：冒号后要有空格，括号要成对") from None
    plugin = config.plugins.get("gongshi")
    if not isinstance(plugin, GongshiPlugin):
        raise BuildFailed([], "mkdocs.yml 没有启用 gongshi 插件（plugins: - gongshi）")
    plugin.config.as_of = as_of.isoformat()
    return config, plugin


@contextmanager
def build_clock(as_of: date) -> Iterator[None]:
    """MkDocs dates the sitemap (<lastmod>, the .gz header) by the clock unless
    SOURCE_DATE_EPOCH is set: for this build it is set to the reference date's
    midnight UTC, so two builds of the same data on different days are byte-identical.
    A SOURCE_DATE_EPOCH the caller set is left as it is; ours is removed afterwards,
    so a later build in the same process (mkdocs serve, tests) reads its own date."""
    if os.environ.get(EPOCH_VARIABLE):
        yield
        return
    os.environ[EPOCH_VARIABLE] = str(int(datetime.combine(as_of, time(0), tzinfo=timezone.utc).timestamp()))
    try:
        yield
    finally:
        os.environ.pop(EPOCH_VARIABLE, None)
