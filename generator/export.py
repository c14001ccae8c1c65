"""`gongshi export DIR`: the whole site as an ordinary docs folder.

DIR gets its own mkdocs.yml (theme, custom_dir, nav, site_url, search settings,
no gongshi plugin), docs/ with every computed page (front matter + raw HTML),
every data file, the posters and the hand-written content/ pages, and theme/
(the custom_dir). Any builder that reads mkdocs.yml builds the site from it:
`mkdocs build` or `zensical build` (style.md, "Keep MkDocs at the edge").

Theme code that the gongshi plugin patches at build time (the CDN URLs in the
theme's JavaScript bundle) is patched here once and written into theme/ under
the bundle's own name, so the custom_dir copy wins over the builder's original.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator import addresses
from generator.config import mkdocs_config, site_url
from generator.findings import Finding
from generator.model.community import COMMUNITIES_DIR
from generator.pipeline import Validated, validate
from generator.publish import swap_in
from generator.site.context import Site, SiteConfig
from generator.site.pages import DataFile, Page, build_data, every_community_pages, site_pages, write_docs_folder
from generator.site.redirects import old_addresses, redirect_page
from generator.site.theme_assets import POLYFILL, patch_bundle
from generator.spread import Progress

DOCS = "docs"
THEME = "theme"
MARKER = ".gongshi-export"          # an export may replace only a folder that holds this file
THEME_PRIVATE = ("posters",)        # poster layouts live in theme/ but are not part of the site
CONTENT_GROUPS = {"guide": "填写指南"}
GENERATED_IN_CONTENT = ("guide/",)  # generated pages listed with the hand-written group they belong to
BUNDLES = "assets/javascripts"

# Zensical's copy of the theme has its own bundle, with more CDN scripts than
# mkdocs-material's; each but the polyfill is loaded only for a feature the site
# never writes (code editors, Python, lightbox, diagrams), so each becomes an
# empty local resource (decisions 8).
ZENSICAL_REWRITES = {
    '"https://unpkg.com/resize-observer-polyfill"': f'new URL("{POLYFILL}",__md_scope).href',
    '"https://unpkg.com/ace-builds@1.44.0/src-noconflict/ace.js"': '"data:text/javascript,"',
    '"https://unpkg.com/glightbox@3/dist/js/glightbox.min.js"': '"data:text/javascript,"',
    '"https://unpkg.com/glightbox@3/dist/css/glightbox.min.css"': '"data:text/css,"',
    '"https://unpkg.com/mermaid@12/dist/mermaid.min.js"': '"data:text/javascript,"',
    '"https://unpkg.com/pyodide@314.0.2/pyodide.js"': '"data:text/javascript,"',
    '"https://cdn.jsdelivr.net/pyodide/v314.0.2/full/"': '"data:,"',
}
CDN = re.compile(r"https://(?:unpkg\.com|cdn\.jsdelivr\.net)/[^\"'`\s]*")


class ExportRefused(Exception):
    """Nothing was written: blocking findings, or a target folder that must not be replaced."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


@dataclass(frozen=True)
class ExportOptions:
    root: Path
    folder: Path
    as_of: date
    posters: bool = True
    sizes: tuple[str, ...] = ("A4",)


def export(options: ExportOptions, progress: Progress | None = None) -> Validated:
    """Validate, write the docs folder into a staging folder beside DIR, then swap it in."""
    folder = options.folder.resolve()
    check_target(options.root.resolve(), folder)
    validated = validate(options.root, options.as_of)
    blocking = validated.blocking()
    if blocking:
        raise ExportRefused(f"{len(blocking)} 个错误需要先改正", blocking)
    staging = folder.with_name(f".{folder.name}-new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_export(validated, options, staging, progress)
        swap_in(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return validated


def check_target(root: Path, folder: Path) -> None:
    """DIR is replaced as a whole: never the project, a folder holding it, the data
    or hand-written pages (decisions 10), nor a folder that is not an earlier export."""
    protected = [root / COMMUNITIES_DIR, root / content_dir(root), root / THEME]
    if folder == root or root.is_relative_to(folder):
        raise ExportRefused(f"不能导出到 {folder}：它包含项目本身，导出会替换整个文件夹")
    for guarded in protected:
        if folder.is_relative_to(guarded.resolve()):
            raise ExportRefused(f"不能导出到 {folder}：{guarded.name}/ 只放人工编写的内容，导出不会写进去")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise ExportRefused(f"{folder} 不是空文件夹，也不是以前导出的文件夹；请换一个文件夹或先清空它")
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"{folder} 是一个文件，不是文件夹")


def write_export(validated: Validated, options: ExportOptions, target: Path, progress: Progress | None) -> None:
    root = options.root
    project = mkdocs_config(root)
    config = SiteConfig(site_url(root), root, (project.get("extra") or {}).get("gongshi_licence") or "CC-BY-4.0")
    site = Site.create(validated, config)
    data = build_data(site)
    by_community = every_community_pages(site)
    pages = site_pages(site, data.listing) + [p for one in by_community.values() for p in one]
    docs = target / DOCS
    docs.mkdir(parents=True)
    content = copy_content(root / content_dir(root), docs, pages)
    redirects = [DataFile(f"{old}index.html", redirect_page(c, old, page.path)) for c in site.communities
                 for page in by_community[c.slug] for old in old_addresses(c, page.path)]
    write_docs_folder(pages, data.files() + redirects, docs)     # a builder copies them as they are
    if options.posters:
        render_posters(validated, options, docs, progress)
    copy_theme(root / THEME, target / THEME)
    write_patched_bundles(target / THEME / BUNDLES)
    nav = navigation(site, pages, content)
    (target / "mkdocs.yml").write_text(mkdocs_yml(project, site, nav), encoding="utf-8")
    (target / MARKER).write_text(f"gongshi export，状态截至 {validated.as_of.isoformat()}\n", encoding="utf-8")


def content_dir(root: Path) -> str:
    return str(mkdocs_config(root).get("docs_dir") or "content")


def copy_content(source: Path, docs: Path, pages: list[Page]) -> list[str]:
    """Copy the hand-written pages; returns their Markdown files (relative, POSIX)."""
    if not source.is_dir():
        return []
    generated = {page.src_uri for page in pages}
    written: list[str] = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source).as_posix()
        if relative in generated:
            raise ExportRefused(f"{source.name}/{relative} 与自动生成的页面重名，请改名或删除该文件")
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, docs / relative)
        if path.suffix == ".md":
            written.append(relative)
    return written


def render_posters(validated: Validated, options: ExportOptions, docs: Path, progress: Progress | None) -> None:
    from generator.posters.errors import PosterError
    from generator.posters.plan import poster_plan
    from generator.posters.render import render_posters as draw

    specs = poster_plan(validated, site_url(options.root), options.sizes)
    try:
        draw(validated, specs, docs, progress=progress)
    except PosterError as exc:
        raise ExportRefused(f"海报无法生成：{exc}") from None


def copy_theme(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=lambda folder, names: [n for n in names if Path(folder) == source
                                                                       and n in THEME_PRIVATE])
    else:
        target.mkdir(parents=True)


def write_patched_bundles(target: Path) -> None:
    """mkdocs-material's bundle patched as the plugin patches it; Zensical's, when
    Zensical is installed, with its own table. Both land in theme/ under their own
    names, where the custom_dir copy overrides the builder's."""
    import material

    target.mkdir(parents=True, exist_ok=True)
    for bundle in bundles(Path(material.__file__).parent / "templates"):
        (target / bundle.name).write_text(patch_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        import zensical
    except ModuleNotFoundError:
        return
    for bundle in bundles(Path(zensical.__file__).parent / "templates"):
        (target / bundle.name).write_text(patch_zensical_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")


def bundles(theme: Path) -> list[Path]:
    return sorted((theme / BUNDLES).glob("bundle.*.min.js"))


def patch_zensical_bundle(script: str) -> str:
    for old, new in ZENSICAL_REWRITES.items():
        script = script.replace(old, new)
    left = sorted(set(CDN.findall(script)))
    if left:
        from importlib.metadata import version

        raise ExportRefused(f"Zensical {version('zensical')} 的脚本会从外部网站加载 {'、'.join(left)}，"
                            f"gongshi 还不会改写它（请使用 test 依赖中固定的 Zensical 版本）")
    return script


def navigation(site: Site, pages: list[Page], content: list[str]) -> list[Any]:
    """首页, each district with its communities, then the hand-written content pages
    (as the plugin's navigation). A community's sections are its tabs on every page:
    listing them here too would put every page of the city into every page.
    Names from the data are HTML-escaped: the theme writes navigation titles as markup."""
    nav: list[Any] = [{"首页": "index.md"}]
    by_district: dict[str, list[Any]] = {}
    for community in site.communities:
        region = community.profile.region
        by_district.setdefault(html.escape(f"{region.city}{region.district}"), []).append(
            {html.escape(community.name): addresses.community(community.slug) + "index.md"})
    nav += [{district: entries} for district, entries in sorted(by_district.items())]
    listed = content + [p.src_uri for p in pages if p.path.startswith(GENERATED_IN_CONTENT)]
    groups: dict[str, list[str]] = {}
    for uri in listed:
        groups.setdefault(uri.split("/")[0] if "/" in uri else "", []).append(uri)
    for top, uris in sorted(groups.items()):
        uris = sorted(uris, key=lambda u: (u not in ("index.md", f"{top}/index.md"), u))
        if top:
            nav.append({CONTENT_GROUPS.get(top, top): uris})
        else:
            nav.extend(uris)
    return nav


SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright", "markdown_extensions",
            "extra_css", "extra_javascript")


def mkdocs_yml(project: dict[str, Any], site: Site, nav: list[Any]) -> str:
    """The export's own mkdocs.yml: the project's settings, its search settings, no gongshi plugin."""
    config: dict[str, Any] = {key: project[key] for key in SETTINGS if project.get(key) is not None}
    config["site_url"] = site.config.site_url
    config.update(docs_dir=DOCS, use_directory_urls=True)
    theme = dict(project.get("theme") or {"name": "material"})
    theme["custom_dir"] = THEME
    # Zensical's default look is its "modern" variant; the overrides in theme/ are
    # written for the classic (mkdocs-material 9) templates. MkDocs ignores the key.
    theme.setdefault("variant", "classic")
    config["theme"] = theme
    config["plugins"] = [entry for entry in project.get("plugins") or ["search"] if plugin_name(entry) == "search"]
    data_day = site.data_day()
    extra = dict(project.get("extra") or {})
    extra["gongshi"] = {"as_of": site.as_of.isoformat(), "data_day": data_day.isoformat() if data_day else "",
                        "feed": addresses.site_feed()}
    config["extra"] = extra
    config["nav"] = nav
    header = ("# 由 gongshi export 生成，状态截至 {0}。不需要 gongshi 插件：\n"
              "#   mkdocs build      或      zensical build\n"
              "# 数据改了以后请重新运行 gongshi export，不要手改这里的页面。\n").format(site.as_of.isoformat())
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def build_with_mkdocs(folder: Path) -> float:
    """Build an exported folder with `mkdocs build` in a subprocess; returns seconds."""
    return _timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], folder)


def build_with_zensical(folder: Path) -> float:
    """Build an exported folder with `zensical build` (cache cleaned) in a subprocess; returns seconds."""
    return _timed([sys.executable, "-m", "zensical", "build", "--clean"], folder)


def _timed(command: list[str], folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return time.perf_counter() - started
