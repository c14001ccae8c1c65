"""关键事项: an index, one page per year and one page per item."""

from __future__ import annotations

from itertools import groupby
from typing import Iterator

from generator import addresses, votes
from generator.model.catalogue import FOUR_LIST_KEYS, PROCEDURE_FOR_KIND
from generator.model.community import Community
from generator.model.records import KeyItem
from generator.model.windows import record_window_status
from generator.progress import rollup
from generator.site.builders.common import community_page, record_pages
from generator.site.context import Site
from generator.site.evidence import published_path
from generator.site.lifecycle import published
from generator.site.pages import Page

FILE = "key_items.yml"
SECTION = "关键事项"


def source_text(community: Community, source_id: str | None) -> str:
    """The list entry a key item came from, in words: "需求清单 N-2025-03：…"."""
    if not source_id:
        return ""
    for key, name in FOUR_LIST_KEYS.items():
        for entry in getattr(community.lists, key):
            if entry.id == source_id:
                return f"{name}清单 {entry.id}：{entry.text}"
    return source_id


def item_page(site: Site, community: Community, item: KeyItem) -> Page:
    slug = community.slug
    return community_page(
        site, community, addresses.key_item(slug, item.id), item.title, "item.html", (FILE, "lists.yml"), SECTION,
        item=item, year_path=addresses.key_items_year(slug, item.year), source=source_text(community, item.source),
        procedure_name=PROCEDURE_FOR_KIND[community.profile.kind], status=record_window_status(item, site.as_of),
        step_statuses=[record_window_status(s, site.as_of) for s in item.steps],
        channel=item.objection_channel or community.profile.objection_channel,
        revisions=site.revisions(community, FILE, item), vote=votes.assess(item.vote) if item.vote else None,
        rollup=rollup(item), evidence_link=lambda file: published_path(community, item.id, file))


def pages(site: Site, community: Community) -> Iterator[Page]:
    slug = community.slug
    yield from record_pages(site, community, community.key_items.items, lambda i: addresses.key_item(slug, i.id),
                            lambda i: i.title, lambda i: item_page(site, community, i), SECTION, FILE)
    shown = sorted(published(community.key_items.items, site.as_of), key=lambda i: (-i.year, i.id))
    years = [(year, [(i, addresses.key_item(slug, i.id)) for i in group], addresses.key_items_year(slug, year))
             for year, group in groupby(shown, key=lambda i: i.year)]
    yield community_page(site, community, addresses.key_items(slug), SECTION, "items_index.html", (FILE,), SECTION,
                         years=years)
    for year, items, path in years:
        others = [(y, p) for y, _, p in years if y != year]
        yield community_page(site, community, path, f"{year} 年关键事项", "items_year.html", (FILE,), SECTION,
                             items=items, other_years=others)
