"""Dated disclosure events of the published records: the portal's "最近更新",
a community's latest disclosures, the Atom feeds and the footer's data date
all read this one list, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import addresses
from generator.model.catalogue import PUBLIC_STEPS
from generator.model.community import Community
from generator.site.lifecycle import published


@dataclass(frozen=True)
class Event:
    day: date
    slug: str
    kind: str          # 资金公开 / 关键事项 / 登记公示 / 调查结果 / 公约 / 修订
    title: str
    path: str          # the permanent address of the page that shows it
    key: str           # stable, unique within the community: part of the feed entry id


def community_events(community: Community, as_of: date) -> list[Event]:
    """Every event dated on or before `as_of`, newest first."""
    slug = community.slug
    events: list[Event] = []

    def add(day: date | None, kind: str, title: str, path: str, key: str) -> None:
        if day is not None and day <= as_of:
            events.append(Event(day, slug, kind, title, path, key))

    for s in published(community.funds.statements, as_of):
        path = addresses.fund_statement(slug, s.id)
        add(s.disclosed, "资金公开", s.title or f"{s.period} 资金收支公示", path, f"funds/{s.id}")
        for i, c in enumerate(s.changes):
            add(c.date, "修订", f"{s.title or s.period}：{c.kind}", path, f"funds/{s.id}/change/{i}")
    for item in published(community.key_items.items, as_of):
        path = addresses.key_item(slug, item.id)
        for step in item.steps:
            if step.step in PUBLIC_STEPS:
                add(step.date, "关键事项", f"{item.title}：{step.step}", path, f"item/{item.id}/{step.step}")
        for i, c in enumerate(item.changes):
            add(c.date, "修订", f"{item.title}：{c.kind}", path, f"item/{item.id}/change/{i}")
    for r in published(community.services.dibao, as_of):
        path = addresses.notice(slug, r.id)
        add(r.disclosed, "登记公示", r.title, path, f"notice/{r.id}")
        for i, c in enumerate(r.changes):
            add(c.date, "修订", f"{r.title}：{c.kind}", path, f"notice/{r.id}/change/{i}")
    for survey in published(community.surveys.surveys, as_of):
        day = survey.window.start if survey.window else survey.date
        add(day, "调查结果", survey.title, addresses.surveys(slug), f"survey/{survey.id}")
    for pledge in published(community.pledges.pledges, as_of):
        add(pledge.adopted, "公约", f"{pledge.title}（通过）", addresses.pledges(slug), f"pledge/{pledge.id}")
        for i, c in enumerate(pledge.changes):
            add(c.date, "修订", f"{pledge.title}：{c.kind}", addresses.pledges(slug), f"pledge/{pledge.id}/change/{i}")
    return sorted(events, key=lambda e: (e.day, e.key), reverse=True)


EventRow = tuple[int, str, str, str, str]   # (day as an ordinal, kind, title, path, key): an Event without its slug


def event_rows(events: list[Event]) -> list[EventRow]:
    """`events` as rows, which pickle many times faster than Event objects: the
    manifest of the last build (site/manifest.py) keeps a city's events."""
    return [(e.day.toordinal(), e.kind, e.title, e.path, e.key) for e in events]


def row_event(slug: str, row: EventRow) -> Event:
    day, kind, title, path, key = row
    return Event(date.fromordinal(day), slug, kind, title, path, key)


def latest_day(events: list[Event]) -> date | None:
    """The data's last change date: never the build clock."""
    return max((e.day for e in events), default=None)
