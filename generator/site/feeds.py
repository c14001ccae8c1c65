"""Atom feeds of new disclosures, for the whole site and per community.

Dates come from the data (events.py), never from the build clock; an entry's
id is the page URL plus the event's stable key, so a reader never sees an
entry twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator import addresses
from generator.model.community import Community
from generator.site.context import Site
from generator.site.events import Event
from generator.site.pages import DataFile
from generator.site.render import environment

if TYPE_CHECKING:
    from generator.site.summary import Listing

MAX_ENTRIES = 50
EPOCH = date(2000, 1, 1)   # only for a feed with no entry at all


@dataclass(frozen=True)
class Entry:
    title: str
    id: str
    url: str
    updated: str
    kind: str
    summary: str


def timestamp(day: date) -> str:
    """Midnight China time: the data has dates, Atom wants a date-time."""
    return f"{day.isoformat()}T00:00:00+08:00"


def entries(site_url: str, names: dict[str, str], events: list[Event]) -> list[Entry]:
    result = []
    for e in events[:MAX_ENTRIES]:
        url = addresses.url(site_url, e.path)
        result.append(Entry(f"{names[e.slug]}：{e.title}", f"{url}#{e.key}", url, timestamp(e.day), e.kind,
                            f"{e.day.isoformat()} {e.kind}：{e.title}"))
    return result


def render_feed(site_url: str, names: dict[str, str], path: str, title: str, home: str, events: list[Event],
                author: str) -> DataFile:
    """`names`: the name of every community the events come from, by slug."""
    updated = max((e.day for e in events), default=EPOCH)
    text = environment().get_template("feed.xml").render(
        title=title, feed_url=addresses.url(site_url, path),
        home_url=addresses.url(site_url, home), updated=timestamp(updated),
        entries=entries(site_url, names, events), author=author)
    return DataFile(path, text.encode("utf-8"))


def site_feed(listing: Listing) -> DataFile:
    return render_feed(listing.config.site_url, listing.names(), addresses.site_feed(), "社区公示栏：最新公示",
                       addresses.portal(), listing.latest_events, "社区公示栏")


def community_feed(site: Site, community: Community) -> DataFile:
    return render_feed(site.config.site_url, {community.slug: community.name}, addresses.community_feed(community.slug),
                       f"{community.name}：最新公示", addresses.community(community.slug), site.events[community.slug],
                       community.name)
