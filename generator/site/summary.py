"""What the city-level pages and files need from each community, as small values.

The portal, the district and street pages, the site feed, the city CSV and the
city data package read a `Listing` of `Summary` values, never the communities
themselves. A full build computes the summaries from the validated city; an
update after one community changed (update.py) reads the others' summaries
from the last build and computes only the changed one's, so a city-level page
costs the same whether one community or a thousand are loaded.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import cached_property
from datetime import date

from generator import due
from generator.model.community import Community
from generator.site.builders.portal import RECENT, Entry, entry, overdue
from generator.site.context import Site, SiteConfig
from generator.site.datapackage import community_resources, resources_json
from generator.site.events import Event, EventRow, event_rows, latest_day, row_event
from generator.site.feeds import MAX_ENTRIES
from generator.site.opendata import city_rows, csv_lines
from generator.site.pages import DataFile

OverdueRow = tuple[due.Due, str, str]
CITY_EVENTS = max(RECENT, MAX_ENTRIES)   # the most events a city-level page or feed shows


@dataclass(frozen=True)
class Summary:
    slug: str
    name: str
    parent: str                          # the parent community's slug, "" for none
    region: tuple[str, str, str]         # city, district, street
    entry: Entry                         # its line on the street page
    overdue: list[OverdueRow]
    events: list[EventRow]               # its newest CITY_EVENTS events, newest first
    city_csv: str                        # its lines of the city CSV, as CSV text
    city_csv_rows: int
    resources: str                       # its files in the city data package, as JSON (datapackage.py)


def summarise(site: Site, community: Community, files: dict[str, DataFile], fund_rows: list[list[str]]) -> Summary:
    """`files`: the community's data files by path (the package describes their bytes);
    `fund_rows`: opendata.fund_rows of the community, read once for its CSV and the city's."""
    region = community.profile.region
    rows = city_rows(community, fund_rows)
    return Summary(community.slug, community.name, community.profile.parent or "",
                   (region.city, region.district, region.street), entry(site, community),
                   overdue(site, [community]), event_rows(site.events[community.slug][:CITY_EVENTS]),
                   csv_lines(rows), len(rows),
                   resources_json(community_resources(community, files, "")))


@dataclass(frozen=True)
class Listing:
    """The published communities as the city-level pages see them, in the site's order."""
    summaries: list[Summary]
    config: SiteConfig
    as_of: date

    def names(self) -> dict[str, str]:
        return {s.slug: s.name for s in self.summaries}

    @cached_property
    def latest_events(self) -> list[Event]:
        """The newest CITY_EVENTS events of all communities, newest first: all that
        the city-level pages and the site feed show. A community's events come
        newest first, so no older one of them can be among these."""
        rows = ((s.slug, row) for s in self.summaries for row in s.events)
        newest = heapq.nlargest(CITY_EVENTS, rows, key=lambda r: (r[1][0], r[0], r[1][4]))
        return [row_event(slug, row) for slug, row in newest]

    def data_day(self) -> date | None:
        return latest_day(self.latest_events)

    def district_names(self) -> list[tuple[str, str]]:
        """(city, district) of every district with a published community, sorted."""
        return sorted({s.region[:2] for s in self.summaries})
