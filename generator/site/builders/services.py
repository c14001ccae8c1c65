"""服务与登记公示: elderly-care service items, and one page per 低保 registration notice.

A notice names private persons, so its list is shown (names masked) only while
its 公示期 is open; before and after, only counts (decisions 6, xingfuli 9.3).
"""

from __future__ import annotations

from typing import Iterator

from generator import addresses
from generator.model.community import Community
from generator.model.records import Registration
from generator.site.builders.common import community_page, record_pages
from generator.site.context import Site
from generator.site.lifecycle import published
from generator.privacy.persons import for_display
from generator.site.pages import Page
from generator.model.windows import record_window_status

FILE = "services.yml"
SECTION = "服务与登记公示"


def notice_page(site: Site, community: Community, r: Registration) -> Page:
    status = record_window_status(r, site.as_of)
    show_list = status is not None and status.is_open
    shown = for_display(r)       # the template never sees a household's name unmasked (张*明)
    households = [(h.name, h) for h in shown.households]
    return community_page(
        site, community, addresses.notice(community.slug, r.id), r.title, "notice.html", (FILE,), SECTION,
        searchable=False, notice=shown, status=status, show_list=show_list,
        households=households, members=sum(h.members for h in r.households),
        channel=r.objection_channel or community.profile.objection_channel,
        revisions=site.revisions(community, FILE, r))


def pages(site: Site, community: Community) -> Iterator[Page]:
    slug = community.slug
    yield from record_pages(site, community, community.services.dibao, lambda r: addresses.notice(slug, r.id),
                            lambda r: r.title, lambda r: notice_page(site, community, r), SECTION, FILE)
    notices = [(r, addresses.notice(slug, r.id), record_window_status(r, site.as_of))
               for r in sorted(published(community.services.dibao, site.as_of), key=lambda r: r.disclosed, reverse=True)]
    yield community_page(site, community, addresses.services(slug), SECTION, "services.html", (FILE,), SECTION,
                         services=community.services, notices=notices)
