"""The MkDocs adapter: the only module that imports mkdocs.

It validates the city, stops the build on blocking findings (printed exactly as
`gongshi validate` prints them), hands the site-level pages and the data files
to MkDocs as in-memory files, renders each community's pages inside the theme's
frame itself once MkDocs has built the rest (chrome.py, communities.py), and
watches communities/ under `mkdocs serve`.
"""

from __future__ import annotations

import html
import logging
import os
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from jinja2 import Environment
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import addresses
from generator.findings import unmet_by_community
from generator.model.records import FILE_MODELS
from generator.pipeline import Validated, reference_date, validate
from generator.site.context import Site, SiteConfig
from generator.site.builders import glossary
from generator.site.chrome import FrameRenderer
from generator.site.communities import read_sitemap, search_settings, write_communities, write_file
from generator.site.manifest import BuiltSite
from generator.site.pages import CityData, Page as SitePage, build_data, listing_pages, reference_pages
from generator.site.summary import Listing
from generator.site.render import environment, template_cache
from generator.site.search import site_index
from generator.site.theme_assets import is_bundle, patch_bundle
from generator.spread import Steps, step_of

log = logging.getLogger("mkdocs.plugins.gongshi")
SCHEMA_FILES = {addresses.schema_file(name) for name in FILE_MODELS}
CONTENT_GROUPS = {"guide": "填写指南"}
THEME_PRIVATE = ("posters/",)
CHECK_STEP, PAGES_STEP = "检查数据", "生成网页"     # the steps of a build that take long in a city


class GongshiConfig(base.Config):
    as_of = c.Optional(c.Type(str))          # YYYY-MM-DD; else GONGSHI_AS_OF, else pipeline.reference_date()
    poster_font = c.Optional(c.Type(str))    # read by generator.posters.fonts.poster_font_setting


class GongshiPlugin(BasePlugin[GongshiConfig]):
    def __init__(self) -> None:
        self.validated: Validated | None = None
        self.site: Site | None = None
        self.bodies: dict[str, str] = {}
        self.env: Environment | None = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.searched: list[SitePage] = []        # the pages of the site-wide search index
        self.built: BuiltSite | None = None       # what the next build may update from (manifest.py)
        self.data: CityData | None = None
        self.root = Path.cwd()
        self.as_of = date.today()
        self.steps: Steps | None = None           # told how far a build has come (gongshi build's progress bars)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        raw = self.config.as_of or os.environ.get("GONGSHI_AS_OF")
        try:
            self.as_of = date.fromisoformat(raw) if raw else reference_date()
        except ValueError:
            raise PluginError(f"gongshi: as_of“{raw}”不是日期，格式为 YYYY-MM-DD") from None
        environment().bytecode_cache = template_cache(self.root)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.validated = validate(self.root, self.as_of, progress=step_of(self.steps, CHECK_STEP))
        self.bodies = {}
        blocking = self.validated.blocking()
        if blocking:
            for finding in blocking:
                log.error(finding.format())
            raise PluginError(f"gongshi: {len(blocking)} 个错误阻止了发布，请先改正（运行 gongshi validate 查看）。")
        unmet = [f for f in self.validated.findings if not f.blocking and f.clause]
        if unmet:
            log.info(f"gongshi: {len(unmet)} 项标准要求未达到，已在各社区的“达标自评”页公开。")
        site = Site.create(self.validated, site_config(config, self.root))
        self.site = site
        self.data = build_data(site, Path(config.site_dir))
        self.searched = []
        listed = listing_pages(self.data.listing)
        reference = reference_pages(site)
        self.add_pages(files, config, listed + reference)
        for data in self.data.files():
            files.append(File.generated(config, data.path, content=data.content))
        self._patch_theme(files, config)
        self.set_navigation(config, files, self.data.listing)
        unmet = unmet_by_community(self.validated.findings, (c.slug for c in site.communities))
        self.built = BuiltSite(self.data.listing, listed=[page.path for page in listed], reference=reference, unmet=unmet,
                               listed_keys={page.path: page.fingerprint() for page in listed},
                               data_day=config.extra["gongshi"]["data_day"],
                               schemas=[f for f in self.data.city if f.path in SCHEMA_FILES])
        return files

    def add_pages(self, files: Files, config: MkDocsConfig, pages: list[SitePage]) -> None:
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"gongshi: content/{page.src_uri} 与自动生成的页面 /{page.path} 重名，请改名或删除该文件。")
            # Markdown would only re-parse finished HTML (most of the build time):
            # MkDocs gets the front matter, and on_page_content puts the body in.
            files.append(File.generated(config, page.src_uri, content=page.front_matter()))
            self.bodies[page.src_uri] = page.body_html
            self.searched.append(page)

    def set_navigation(self, config: MkDocsConfig, files: Files, listing: Listing) -> None:
        config.nav = _navigation(listing, files)
        data_day = listing.data_day()
        config.extra["gongshi"] = {"as_of": self.as_of.isoformat(), "data_day": data_day.isoformat() if data_day else "",
                                   "feed": addresses.site_feed()}

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.bodies:
            return self.bodies[page.file.src_uri]
        html = glossary.link_body(html, page.url)
        self.searched.append(SitePage(page.url, page.title or "", html, dict(page.meta)))
        return html

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = template_cache(self.root)
        self.env = env
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The communities' pages, in the frame of the theme MkDocs has just used."""
        assert self.site is not None and self.env is not None and self.nav is not None and self.files is not None
        assert self.built is not None
        site_dir = Path(config.site_dir)
        search = search_settings(site_dir)
        if search is not None:       # the theme's index, rewritten with the words cut as in the communities'
            index = site_index(self.searched, search)
            write_file(index.content, site_dir / index.path)
        listed = set(self.built.listed)
        self.built.searched = [page for page in self.searched if page.path not in listed]
        self.built.search = search
        self.built.sitemap, self.built.sitemap_mtime = read_sitemap(site_dir)
        renderer = FrameRenderer(config, self.env, self.nav, self.files)
        self.built.pages = write_communities(self.site, renderer, site_dir, search,
                                             progress=step_of(self.steps, PAGES_STEP))

    def _patch_theme(self, files: Files, config: MkDocsConfig) -> None:
        for file in list(files):
            if file.src_uri.startswith(THEME_PRIVATE) and not file.generated_by and file.src_dir != config.docs_dir:
                files.remove(file)       # poster layouts live in theme/ but are not part of the site
                continue
            if is_bundle(file.src_uri) and file.abs_src_path:
                script = Path(file.abs_src_path).read_text(encoding="utf-8")
                files.remove(file)
                try:
                    files.append(File.generated(config, file.src_uri, content=patch_bundle(script)))
                except ValueError as unknown:
                    raise PluginError(f"gongshi: {unknown}") from None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.root / "communities"))
        return server


def site_config(config: MkDocsConfig, root: Path) -> SiteConfig:
    url = config.site_url or "https://gongshi.example.cn/"
    return SiteConfig(url if url.endswith("/") else url + "/", root, config.extra.get("gongshi_licence") or "CC-BY-4.0")


def _navigation(listing: Listing, files: Files) -> list[Any]:
    """首页, each city's districts (a page each, listing its communities), then the
    hand-written content pages. No page lists the communities themselves: at a
    city's scale that list would be in every page. A community's sections are its
    tabs on every page (builders/common.py).
    Names from the data are HTML-escaped: the theme writes navigation titles as markup."""
    nav: list[Any] = [{"首页": "index.md"}]
    by_city: dict[str, list[Any]] = {}
    for city, district in listing.district_names():
        by_city.setdefault(html.escape(city), []).append(
            {html.escape(district): addresses.district(city, district) + "index.md"})
    nav += [{city: entries} for city, entries in by_city.items()]
    nav.append({"名词解释": addresses.glossary() + "index.md"})
    generated = {f.src_uri for f in files if f.generated_by}
    groups: dict[str, list[str]] = {}
    for file in files.documentation_pages():
        if file.src_uri not in generated:
            top = file.src_uri.split("/")[0] if "/" in file.src_uri else ""
            groups.setdefault(top, []).append(file.src_uri)
    for top, uris in sorted(groups.items()):
        uris = sorted(uris, key=lambda u: (not u.endswith("index.md"), u))
        if top:
            nav.append({CONTENT_GROUPS.get(top, top): uris})
        else:
            nav.extend(uris)
    return nav
