"""海报下载: links to the printable posters.

The poster plan comes from `generator.posters.plan.poster_plan(validated, site_url)`;
until that module exists the page says 海报尚未生成. This is the one place that
asks for it.
"""

from __future__ import annotations

from typing import Any, Iterator

from generator import addresses
from generator.model.community import Community
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page


def poster_plan(site: Site) -> list[Any] | None:
    """Every poster of the city (objects with .path, .title, .page_path), or None
    while the poster module is not there yet."""
    try:
        from generator.posters.plan import poster_plan as plan
    except ModuleNotFoundError as missing:
        if not (missing.name or "").startswith("generator.posters"):
            raise
        return None
    return list(plan(site.validated, site.config.site_url))


def pages(site: Site, community: Community) -> Iterator[Page]:
    plan = site.posters
    prefix = addresses.community(community.slug)
    posters = None if plan is None else [p for p in plan if p.path.startswith(prefix)]
    yield community_page(site, community, addresses.posters(community.slug), "海报下载", "posters.html", (),
                         "海报下载", posters=posters)
