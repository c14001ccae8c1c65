"""海报下载: links to the printable posters of one community, planned with
`generator.posters.plan.poster_plan` for that community alone (so each worker
of a city's build plans only its own communities' posters)."""

from __future__ import annotations

from typing import Any, Iterator

from generator import addresses
from generator.model.community import Community
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page


def poster_plan(site: Site, community: Community) -> list[Any]:
    """The community's posters (objects with .path, .title, .page_path)."""
    from generator.posters.plan import poster_plan as plan

    return list(plan(site.validated, site.config.site_url, only=[community.slug]))


def pages(site: Site, community: Community) -> Iterator[Page]:
    yield community_page(site, community, addresses.posters(community.slug), "海报下载", "posters.html", (),
                         "海报下载", posters=poster_plan(site, community))
