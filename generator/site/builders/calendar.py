"""活动日历: upcoming first, a month grid, one page per month (posters point there)."""

from __future__ import annotations

import calendar as stdcal
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from generator import addresses
from generator.model.community import Community
from generator.model.records import Activity
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page

FILE = "activities.yml"
SECTION = "活动日历"


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{year}年{int(month)}月"


def anchor(day: date) -> str:
    return f"d{day.isoformat()}"


@dataclass(frozen=True)
class Cell:
    day: date
    in_month: bool
    count: int
    today: bool
    target: str
    anchor: str


@dataclass(frozen=True)
class MonthGrid:
    label: str
    theme: str
    weeks: list[list[Cell]]


def month_grid(slug: str, key: str, activities: list[Activity], theme: str, as_of: date) -> MonthGrid:
    year, month = (int(x) for x in key.split("-"))
    per_day: dict[date, int] = {}
    for a in activities:
        per_day[a.date] = per_day.get(a.date, 0) + 1
    target = addresses.calendar_month(slug, key)
    weeks = [[Cell(d, d.month == month, per_day.get(d, 0), d == as_of, target, anchor(d)) for d in week]
             for week in stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month)]
    return MonthGrid(month_label(key), theme, weeks)


def pages(site: Site, community: Community) -> Iterator[Page]:
    slug, as_of = community.slug, site.as_of
    ordered = sorted(community.activities.activities, key=lambda a: (a.date, a.time or "", a.title))
    themes = community.activities.themes
    by_month: dict[str, list[Activity]] = {}
    for a in ordered:
        by_month.setdefault(month_key(a.date), []).append(a)
    keys = sorted(set(by_month) | set(themes))
    common = dict(anchor=anchor, ics_path=addresses.calendar_ics(slug))
    for i, key in enumerate(keys):
        previous = (month_label(keys[i - 1]), addresses.calendar_month(slug, keys[i - 1])) if i else None
        following = (month_label(keys[i + 1]), addresses.calendar_month(slug, keys[i + 1])) if i + 1 < len(keys) else None
        yield community_page(
            site, community, addresses.calendar_month(slug, key), f"{month_label(key)}活动", "calendar_month.html",
            (FILE,), SECTION, grid=month_grid(slug, key, by_month.get(key, []), themes.get(key, ""), as_of),
            activities=by_month.get(key, []), previous=previous, next=following, **common)
    current = month_key(as_of)
    grid = month_grid(slug, current, by_month.get(current, []), themes.get(current, ""), as_of) \
        if current in keys else None
    months = [(k, month_label(k), themes.get(k, ""), len(by_month.get(k, [])), addresses.calendar_month(slug, k))
              for k in reversed(keys)]
    yield community_page(site, community, addresses.calendar(slug), SECTION, "calendar_index.html", (FILE,), SECTION,
                         upcoming=[a for a in ordered if a.date >= as_of], grid=grid, months=months, **common)
