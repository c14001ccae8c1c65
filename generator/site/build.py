"""`gongshi build`'s site step: run the MkDocs build programmatically.

The lead's CLI builds into a staging folder and swaps it in (generator/publish.py);
this only builds, and turns a refused build into `BuildFailed` with the findings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.pipeline import Validated
from generator.publish import BuildFailed
from generator.site.plugin import GongshiPlugin


def build_site(root: Path, site_dir: Path, as_of: date) -> Validated:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    plugin = config.plugins.get("gongshi")
    if not isinstance(plugin, GongshiPlugin):
        raise BuildFailed([], "mkdocs.yml 没有启用 gongshi 插件（plugins: - gongshi）")
    plugin.config.as_of = as_of.isoformat()
    try:
        build(config)
    except MkDocsException as failed:
        blocking = plugin.validated.blocking() if plugin.validated else []
        raise BuildFailed(blocking, str(failed)) from None
    return plugin.validated
