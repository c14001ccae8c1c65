"""The portal and one page per district.

The portal lists the districts (with counts and what is overdue) and what
changed recently; a district page lists its streets, a street page its
communities. At the scale of a city no page lists every community, so none
grows past what a phone loads quickly (issue 6: no page over 40 KB)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from datetime import date
from typing import TYPE_CHECKING, Iterator

from generator import addresses, due
from generator.model.catalogue import PROFILE_NAMES
from generator.model.community import Community
from generator.rules import Status
from generator.site.context import Site, brand
from generator.site.pages import Page
from generator.site.render import render

if TYPE_CHECKING:
    from generator.site.summary import Listing

RECENT = 12
OVERDUE_ON_PORTAL = 30
STREET_PAGE = 50


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


@dataclass(frozen=True)
class Street:
    name: str
    path: str
    entries: list[Entry]
    overdue: list[tuple[due.Due, str, str]]

    def total(self, field: str) -> int:
        return sum(getattr(e, field) for e in self.entries)


@dataclass(frozen=True)
class District:
    city: str
    name: str
    path: str
    streets: list[Street]

    @property
    def count(self) -> int:
        return sum(len(s.entries) for s in self.streets)

    @property
    def overdue(self) -> list[tuple[due.Due, str, str]]:
        return sorted((row for s in self.streets for row in s.overdue), key=lambda row: (row[0].due, row[1], row[0].kind))

    def total(self, field: str) -> int:
        return sum(s.total(field) for s in self.streets)


def districts(listing: "Listing") -> list[District]:
    """city → district → street, every level sorted by name."""
    result = []
    ordered = sorted(listing.summaries, key=lambda s: (*s.region, s.slug))
    for (city, name), members in groupby(ordered, key=lambda s: s.region[:2]):
        streets = []
        for street, in_street in groupby(members, key=lambda s: s.region[2]):
            in_street = list(in_street)
            rows = sorted((row for s in in_street for row in s.overdue), key=lambda row: (row[0].due, row[1], row[0].kind))
            streets.append(Street(street, addresses.street(city, name, street), [s.entry for s in in_street], rows))
        result.append(District(city, name, addresses.district(city, name), streets))
    return result


def overdue(site: Site, communities: list[Community]) -> list[tuple[due.Due, str, str]]:
    """Overdue disclosures of `communities`, oldest first, with the community's name and page."""
    rows = [(d, c.name, addresses.community(c.slug)) for c in communities
            for d in due.overdue(c, site.validated.figures[c.slug], site.as_of)]
    return sorted(rows, key=lambda row: (row[0].due, row[1], row[0].kind))


def pages(listing: "Listing") -> Iterator[Page]:
    here = addresses.portal()
    listed = districts(listing)
    cities = [(city, list(in_city)) for city, in_city in groupby(listed, key=lambda d: d.city)]
    city_overdue = sorted((row for d in listed for row in d.overdue), key=lambda row: (row[0].due, row[1], row[0].kind))
    body = render("portal.html", here, cities=cities, events=listing.latest_events[:RECENT],
                  names=listing.names(), data_day=listing.data_day(), as_of=listing.as_of,
                  feed_path=addresses.site_feed(), overdue=city_overdue[:OVERDUE_ON_PORTAL],
                  more_overdue=len(city_overdue) - OVERDUE_ON_PORTAL)
    yield Page(here, "社区公示栏", body, {"brand": "neutral"})
    for district in listed:
        overdue_rows = district.overdue
        body = render("district.html", district.path, district=district, as_of=listing.as_of,
                      portal_path=addresses.portal(), overdue=overdue_rows[:OVERDUE_ON_PORTAL],
                      more_overdue=len(overdue_rows) - OVERDUE_ON_PORTAL)
        yield Page(district.path, f"{district.city}{district.name}", body, {"brand": "neutral"})
        for street in district.streets:
            yield from street_pages(listing.as_of, district, street)


def street_pages(as_of: date, district: District, street: Street) -> Iterator[Page]:
    """The street's communities, STREET_PAGE to a page, so no page outgrows a phone."""
    chunks = [street.entries[i:i + STREET_PAGE] for i in range(0, len(street.entries), STREET_PAGE)] or [[]]
    paths = [addresses.street(district.city, district.name, street.name, n + 1) for n in range(len(chunks))]
    for number, (path, entries) in enumerate(zip(paths, chunks), start=1):
        body = render("street.html", path, district=district, street=street, entries=entries, as_of=as_of,
                      portal_path=addresses.portal(), number=number, paths=paths)
        title = f"{district.name}{street.name}" + (f"（第 {number} 页）" if number > 1 else "")
        yield Page(path, title, body, {"brand": "neutral"})
