"""What every community page shares: its sections, its layout and its metadata."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, TypeVar

from generator import addresses
from generator.model.community import Community
from generator.site.context import Site, brand
from generator.site.events import latest_day
from generator.site.lifecycle import Placeholder, placeholder
from generator.site.pages import Page
from generator.site.render import render

# The sections of a community, in the order of its tabs and of the site navigation.
SECTIONS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("概况", addresses.community),
    ("公约", addresses.pledges),
    ("关键事项", addresses.key_items),
    ("资金公开", addresses.funds),
    ("活动日历", addresses.calendar),
    ("功能场景", addresses.scenes),
    ("满意度与知晓率", addresses.surveys),
    ("达标自评", addresses.assessment),
    ("服务与登记公示", addresses.services),
    ("海报下载", addresses.posters),
)


def community_page(site: Site, community: Community, path: str, title: str, template: str,
                   files: tuple[str, ...] = (), section: str = "", searchable: bool = True,
                   **context: Any) -> Page:
    """A page of `community` rendered with `template` inside the community layout."""
    sections = [(name, fn(community.slug)) for name, fn in SECTIONS]
    body = render(template, path, site=site, community=community, title=title, sections=sections,
                  section=section, as_of=site.as_of, **context)
    meta: dict[str, Any] = {"brand": brand(community), "community": community.slug, **footer_meta(site, community)}
    if not searchable:
        meta["search"] = {"exclude": True}
    return Page(path, f"{title} · {community.name}" if path != addresses.community(community.slug) else title,
                body, meta, tuple(f"communities/{community.slug}/{f}" for f in files))


def footer_meta(site: Site, community: Community) -> dict[str, Any]:
    """What the footer's “这页有误？” line quotes (theme/partials/copyright.html): the
    community's public contact and its data date. The same for every page of one
    community, so the page chrome can be rendered once per community; the page's
    own address comes from the page's URL."""
    meta: dict[str, Any] = {}
    contact = community.profile.contact if community.profile else None
    if contact is not None and contact.publishable:
        meta["gongshi_contact"] = {key: value for key, value in (
            ("role", contact.role), ("phone", contact.phone), ("email", contact.email),
            ("address", contact.address), ("hours", contact.hours)) if value}
    day = latest_day(site.events.get(community.slug, []))
    if day is not None:
        meta["gongshi_data_day"] = day.isoformat()
    return meta


def placeholder_page(site: Site, community: Community, path: str, held: Placeholder, section: str,
                     filename: str) -> Page:
    """The page at the address of a scheduled or withdrawn record (decisions 5 and 6)."""
    return community_page(site, community, path, held.title, "placeholder.html", (filename,), section,
                          searchable=False, held=held)


R = TypeVar("R")


def record_pages(site: Site, community: Community, records: Iterable[R], path_of: Callable[[R], str],
                 title_of: Callable[[R], str], page_of: Callable[[R], Page], section: str,
                 filename: str) -> Iterator[Page]:
    """One page per record at its permanent address: the record's own page, or the
    notice of a scheduled or withdrawn record (decisions 5 and 6)."""
    for record in records:
        held = placeholder(record, title_of(record), site.as_of)
        if held:
            yield placeholder_page(site, community, path_of(record), held, section, filename)
        else:
            yield page_of(record)
