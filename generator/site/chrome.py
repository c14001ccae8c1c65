"""The theme's page around a community page, rendered once and reused.

Passing each of a city's ~65,000 generated pages through MkDocs' per-page
pipeline costs milliseconds a page and puts the whole navigation in every one
(decisions 16). A community's pages differ inside the theme's page only in
their title, their address and their body; so the theme (mkdocs-material with
the overrides in theme/) is rendered once per community and page depth around
marker strings, and each page is the rendered frame with the markers replaced.
Relative links in the frame depend only on the depth and the community folder,
which the marker page shares with the real pages.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from generator.site.pages import Page

TITLE = "gs-frame-title-8c1f"
BODY = "<h1>gs-frame-body-8c1f</h1>"
FILLER = "gs-frame-dir-8c1f"
CONFIG_SCRIPT = '<script id="__config" type="application/json">{'


def marker_address(community_folder: str, depth: int) -> str:
    """An address in `community_folder` with `depth` segments, used by no real page
    (depth 1 is the community's own index, whose address the frame may keep)."""
    return "/".join([community_folder] + [f"{FILLER}{i}" for i in range(1, depth)]) + "/"


@dataclass(frozen=True)
class Frame:
    """The theme's page for one community and depth, split at the markers."""
    marker: str          # the marker page's address, replaced by the real page's
    head: str            # up to the body
    tail: str            # after the body

    def wrap(self, page: Page) -> str:
        title = html.escape(page.title)
        head = self.head.replace(TITLE, title)
        tail = self.tail.replace(TITLE, title)
        if self.marker != page.path:
            head, tail = head.replace(self.marker, page.path), tail.replace(self.marker, page.path)
        return head + page.body_html + tail


class FrameRenderer:
    """Renders frames with the theme environment and navigation of a running MkDocs build."""

    def __init__(self, config: MkDocsConfig, env: Environment, nav: Navigation, files: Files) -> None:
        self.config, self.env, self.nav = config, env, nav
        self.pages = files.documentation_pages()
        self.template = env.get_template("main.html")

    def frame(self, community_folder: str, depth: int, meta: dict[str, Any], config: dict[str, str]) -> Frame:
        """`config`: keys added to the page's `__config` for the theme's script
        (a community's own search index, theme_assets.py)."""
        marker = marker_address(community_folder, depth)
        file = File.generated(self.config, marker + "index.md", content="")
        page = MkDocsPage(TITLE, file, self.config)
        page.content, page.meta, page.active = BODY, dict(meta), True
        previous = getattr(self.config, "_current_page", None)
        self.config._current_page = page      # the `url` filter reads it
        try:
            output = self.template.render(get_context(self.nav, self.pages, self.config, page))
        finally:
            self.config._current_page = previous
        extra = "".join(f"{json.dumps(key)}: {json.dumps(value)}, " for key, value in config.items())
        output = output.replace(CONFIG_SCRIPT, CONFIG_SCRIPT + extra, 1)
        head, found, tail = output.partition(BODY)
        if not found:
            raise RuntimeError("theme/main.html 没有输出页面正文（page.content）")
        return Frame(marker, head, tail)


class Frames:
    """The frames of one community, one per page depth, rendered on first use."""

    def __init__(self, renderer: FrameRenderer, community_folder: str, meta: dict[str, Any],
                 config: dict[str, str]) -> None:
        self.renderer, self.folder, self.meta, self.config = renderer, community_folder, meta, config
        self.by_depth: dict[int, Frame] = {}

    def wrap(self, page: Page) -> str:
        depth = page.path.count("/")
        frame = self.by_depth.get(depth)
        if frame is None:
            frame = self.by_depth[depth] = self.renderer.frame(self.folder, depth, self.meta, self.config)
        return frame.wrap(page)
