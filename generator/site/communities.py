"""Each community's pages written inside the theme's frame, with its own search index.

Runs after MkDocs has built the site-level pages and copied the theme, from the
plugin's `on_post_build`; communities are independent, so they are spread over
every core (forked workers share the validated city and the theme read-only).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import mkdocs.utils

from generator import addresses
from generator.model.community import Community
from generator.site.chrome import FrameRenderer, Frames
from generator.site.context import Site
from generator.site.pages import Page, community_pages
from generator.site.redirects import old_addresses, redirect_page
from generator.site.search import SITE_INDEX, community_index
from generator.spread import Progress, spread_map

# A worker process costs more than it saves for fewer communities than this.
PER_WORKER = 8


def frame_meta(pages: list[Page]) -> dict[str, Any]:
    """What the theme reads from a page's meta, the same on every page of a community."""
    return {key: value for key, value in pages[0].meta.items() if key != "search"}


def search_settings(site_dir: Path) -> dict[str, Any] | None:
    """The search settings MkDocs' search plugin wrote (None: search is off)."""
    index = site_dir / SITE_INDEX
    if not index.exists():
        return None
    return json.loads(index.read_text(encoding="utf-8"))["config"]


def write_community(site: Site, community: Community, renderer: FrameRenderer, site_dir: Path,
                    search: dict[str, Any] | None) -> list[str]:
    """Write one community's pages (and its search index); return their addresses."""
    pages = community_pages(site, community)
    if not pages:
        return []
    config = {"search_index": addresses.community_search_index(community.slug)} if search is not None else {}
    frames = Frames(renderer, addresses.community(community.slug).rstrip("/"), frame_meta(pages), config)
    for page in pages:
        write_file(frames.wrap(page).encode("utf-8", errors="xmlcharrefreplace"), site_dir / page.path / "index.html")
        for old in old_addresses(community, page.path):
            write_file(redirect_page(community, old, page.path), site_dir / old / "index.html")
    if search is not None:
        index = community_index(community.slug, pages, search)
        write_file(index.content, site_dir / index.path)
    return [page.path for page in pages]


def write_file(content: bytes, target: Path) -> None:
    """Every page goes through MkDocs' own writer (creates folders; one place to fail)."""
    mkdocs.utils.write_file(content, str(target))


def write_communities(site: Site, renderer: FrameRenderer, site_dir: Path, search: dict[str, Any] | None,
                      only: list[str] | None = None, progress: Progress | None = None) -> dict[str, list[str]]:
    """Write every published community, or those in `only` (`search`: the theme's
    search settings, None when search is off); return each one's page addresses."""
    chosen = [c for c in site.communities if only is None or c.slug in only]
    paths = spread_map(lambda c: write_community(site, c, renderer, site_dir, search), chosen, PER_WORKER, progress)
    written = {c.slug: one for c, one in zip(chosen, paths)}
    if only is None:
        sitemap, mtime = read_sitemap(site_dir)
        write_sitemap(site_dir, sitemap, mtime, written, site.config.site_url)
    return written


LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")


def read_sitemap(site_dir: Path) -> tuple[str, int]:
    """The sitemap MkDocs wrote ("" if none) and its .gz header's date (MkDocs' build date)."""
    sitemap, packed = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
    text = sitemap.read_text(encoding="utf-8") if sitemap.exists() else ""
    mtime = int.from_bytes(packed.read_bytes()[4:8], "little") if packed.exists() else -1
    return text, mtime


def write_sitemap(site_dir: Path, base: str, mtime: int, pages: dict[str, list[str]], site_url: str) -> None:
    """`base` (the sitemap MkDocs wrote for the rest of the site) with every community page listed."""
    paths = sorted(path for paths in pages.values() for path in paths)
    if not base or not paths:
        return
    found = LASTMOD.search(base)
    lastmod = f"\n         <lastmod>{found.group(1)}</lastmod>" if found else ""
    entries = "".join(f"    <url>\n         <loc>{addresses.url(site_url, path)}</loc>{lastmod}\n    </url>\n"
                      for path in paths)
    text = base.replace("</urlset>", entries + "</urlset>", 1)
    write_file(text.encode("utf-8"), site_dir / "sitemap.xml")
    if mtime >= 0:
        with open(site_dir / "sitemap.xml.gz", "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=mtime, filename="") as out:
            out.write(text.encode("utf-8"))
