"""The portal: communities grouped by city, district and street, and what changed recently."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Iterator

from generator import addresses, due
from generator.model.catalogue import PROFILE_NAMES
from generator.model.community import Community
from generator.rules import Status
from generator.site.context import Site, brand
from generator.site.pages import Page
from generator.site.render import render

RECENT = 12


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    parent: str
    profiles: str
    brand: str
    path: str
    assessment_path: str
    met: int
    unmet: int
    declared: int


def entry(site: Site, community: Community) -> Entry:
    statuses = [a.status for a in site.validated.assessments.get(community.slug, [])]
    parent = site.community(community.profile.parent) if community.profile.parent else None
    return Entry(community.name, community.profile.kind, parent.name if parent else "",
                 "；".join(PROFILE_NAMES[p] for p in community.profiles), brand(community),
                 addresses.community(community.slug), addresses.assessment(community.slug),
                 statuses.count(Status.MET), statuses.count(Status.UNMET), statuses.count(Status.DECLARED))


def grouped(site: Site) -> list[tuple[str, list[tuple[str, list[tuple[str, list[Entry]]]]]]]:
    """city → district → street → entries, each level sorted by name."""
    def region(c: Community) -> tuple[str, str, str, str]:
        r = c.profile.region
        return (r.city, r.district, r.street, c.slug)

    ordered = sorted(site.communities, key=region)
    result = []
    for city, in_city in groupby(ordered, key=lambda c: c.profile.region.city):
        districts = []
        for district, in_district in groupby(in_city, key=lambda c: c.profile.region.district):
            streets = [(street, [entry(site, c) for c in in_street])
                       for street, in_street in groupby(in_district, key=lambda c: c.profile.region.street)]
            districts.append((district, streets))
        result.append((city, districts))
    return result


def overdue(site: Site) -> list[tuple[due.Due, str, str]]:
    """Overdue disclosures across the city, oldest first, with the community's name and page."""
    rows = [(d, c.name, addresses.community(c.slug)) for c in site.communities
            for d in due.overdue(c, site.validated.figures[c.slug], site.as_of)]
    return sorted(rows, key=lambda row: (row[0].due, row[1], row[0].kind))


def pages(site: Site) -> Iterator[Page]:
    here = addresses.portal()
    body = render("portal.html", here, groups=grouped(site), events=site.all_events()[:RECENT],
                  names={c.slug: c.name for c in site.communities}, data_day=site.data_day(), as_of=site.as_of,
                  feed_path=addresses.site_feed(), overdue=overdue(site))
    yield Page(here, "社区公示栏", body, {"brand": "neutral"})
