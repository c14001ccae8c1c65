"""Which records the site publishes, and what stands at the address of the others.

A record is published, scheduled (its 公示期 starts after the reference
date: a placeholder page "将于 … 公示" keeps its printed address alive,
decisions 5) or withdrawn (its address shows the withdrawal notice and the
record appears nowhere else, decisions 6). Drafts are never published
(decisions 2). Every page builder, feed and open-data writer asks here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Iterable, TypeVar

from generator.model.community import City, Community
from generator.model.values import Disclosable


class State(str, Enum):
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    WITHDRAWN = "withdrawn"


def publish_date(record: Disclosable) -> date | None:
    """The day a record becomes public: its 公示期 start, else its 公布日期."""
    if record.window is not None:
        return record.window.start
    return getattr(record, "disclosed", None)


def state_of(record: Disclosable, as_of: date) -> State:
    if record.withdrawn is not None:
        return State.WITHDRAWN
    start = publish_date(record)
    if start is not None and start > as_of:
        return State.SCHEDULED
    return State.PUBLISHED


R = TypeVar("R", bound=Disclosable)


def published(records: Iterable[R], as_of: date) -> list[R]:
    return [r for r in records if state_of(r, as_of) is State.PUBLISHED]


@dataclass(frozen=True)
class Placeholder:
    """What stands at the address of a record that is not (or no longer) shown."""

    state: State
    title: str
    day: date | None      # the publish date (scheduled) or the withdrawal date
    reason: str = ""


def placeholder(record: Disclosable, title: str, as_of: date) -> Placeholder | None:
    state = state_of(record, as_of)
    if state is State.WITHDRAWN:
        return Placeholder(state, title, record.withdrawn.date, record.withdrawn.reason)
    if state is State.SCHEDULED:
        return Placeholder(state, title, publish_date(record))
    return None


def published_communities(city: City) -> list[Community]:
    """Loaded, non-draft communities, in folder order."""
    return [c for c in city.published() if c.loaded]
