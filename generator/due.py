"""What is due next, and what is missing (lifecycle issue point 5).

From each profile's cadence, every recurring disclosure of a community has a
due date per period; a period counts from the community's first dated record
(figures.first_data_date), like the rules that check the same cadences. Pure:
the reference date is passed in, nothing reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from generator.figures import Figures, Span, spans
from generator.model.community import Community
from generator.rules.xingfuli import FUNDS_DUE, _covered


@dataclass(frozen=True)
class Cadence:
    kind: str                      # what is disclosed, in words
    clause: str                    # "xingfuli 8.3"
    unit: str                      # "year", "quarter" or "month" (figures.spans)
    due: Callable[[Span], date]    # the last day it may be disclosed for a period
    done: Callable[[Community, Span, date], bool]
    kinds: tuple[str, ...] = ("社区", "小区", "村")


@dataclass(frozen=True)
class Due:
    community: str                 # slug
    kind: str
    clause: str
    period: str                    # "2025 年"
    due: date
    done: bool
    as_of: date

    @property
    def overdue(self) -> bool:
        return not self.done and self.due < self.as_of

    @property
    def days_overdue(self) -> int:
        return (self.as_of - self.due).days if self.overdue else 0

    @property
    def status(self) -> str:
        if self.done:
            return "已公开"
        if self.overdue:
            return f"尚未公开（已逾期 {self.days_overdue} 天）"
        return f"尚未公开（还有 {(self.due - self.as_of).days} 天到期）"


def _shown(day: date | None, as_of: date) -> bool:
    return day is not None and day <= as_of


def _funds_done(c: Community, year: Span, as_of: date) -> bool:
    periods = [(s.period.start, s.period.end) for s in c.funds.statements
               if s.withdrawn is None and _shown(s.window.start if s.window else s.disclosed, as_of)]
    return _covered(year, periods)


def _items_done(c: Community, year: Span, as_of: date) -> bool:
    return any(i.year == int(year.key) and i.withdrawn is None for i in c.key_items.items)


def _held(kind: str) -> Callable[[Community, Span, date], bool]:
    def done(c: Community, span: Span, as_of: date) -> bool:
        return any(a.kind == kind and span.contains(a.date) and a.date <= as_of for a in c.activities.activities)
    return done


def _theme_done(c: Community, month: Span, as_of: date) -> bool:
    return month.key in c.activities.themes


def _end(span: Span) -> date:
    return span.end


CADENCES: dict[str, tuple[Cadence, ...]] = {
    "xingfuli": (
        Cadence("年度共有资金收支公示", "xingfuli 8.3", "year",
                lambda y: date(int(y.key) + 1, *FUNDS_DUE), _funds_done),
        Cadence("年度关键事项", "xingfuli 8.1", "year", _end, _items_done),
        Cadence("三方联席会议", "xingfuli 8.5.1", "quarter", _end, _held("三方联席会议")),
        Cadence("月度活动主题", "xingfuli 9.4", "month", lambda m: m.start, _theme_done),
    ),
    "renren": (
        Cadence("议事会", "renren 表1-1", "month", _end, _held("议事会"), ("社区", "村")),
    ),
}


def schedule(c: Community, figures: Figures, as_of: date) -> list[Due]:
    """Every period of every cadence from the first data to the next one due."""
    first = figures.first_data_date
    if first is None or c.profile is None:
        return []
    found: list[Due] = []
    for profile in c.profiles:
        for cadence in CADENCES.get(profile, ()):
            if c.profile.kind not in cadence.kinds:
                continue
            # one period past the reference date, so the next due date is always there
            for span in spans(cadence.unit, first, as_of + timedelta(days=400)):
                due = cadence.due(span)
                found.append(Due(c.slug, cadence.kind, cadence.clause, span.label, due,
                                 cadence.done(c, span, as_of), as_of))
                if due >= as_of and not found[-1].done:
                    break
    return found


def next_due(c: Community, figures: Figures, as_of: date) -> list[Due]:
    """Per kind, the earliest disclosure not yet made whose due date has not passed."""
    firsts: dict[str, Due] = {}
    for due in schedule(c, figures, as_of):
        if not due.done and not due.overdue and due.kind not in firsts:
            firsts[due.kind] = due
    return list(firsts.values())


def overdue(c: Community, figures: Figures, as_of: date) -> list[Due]:
    """Required disclosures whose due date has passed and that are absent, oldest first."""
    return sorted((d for d in schedule(c, figures, as_of) if d.overdue), key=lambda d: (d.due, d.kind))
