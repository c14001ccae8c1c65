"""What every page builder reads, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model.community import Community
from generator.model.values import Disclosable
from generator.pipeline import Validated
from generator.site.events import Event, community_events, latest_day
from generator.site.history import GitHistory, RevisionLog, revision_log
from generator.site.lifecycle import publish_date, published_communities


@dataclass(frozen=True)
class SiteConfig:
    site_url: str                  # with a trailing slash
    root: Path                     # the project folder: communities/ and the git repository
    licence: str = "CC-BY-4.0"     # of the open data: mkdocs.yml `extra.gongshi_licence` (datapackage.py)


@dataclass
class Site:
    validated: Validated
    config: SiteConfig
    communities: list[Community]
    events: dict[str, list[Event]]
    history: GitHistory = field(repr=False)

    @classmethod
    def create(cls, validated: Validated, config: SiteConfig) -> "Site":
        communities = published_communities(validated.city)
        events = {c.slug: community_events(c, validated.as_of) for c in communities}
        return cls(validated, config, communities, events, GitHistory(config.root))

    @property
    def as_of(self) -> date:
        return self.validated.as_of

    def all_events(self) -> list[Event]:
        merged = [e for events in self.events.values() for e in events]
        return sorted(merged, key=lambda e: (e.day, e.slug, e.key), reverse=True)

    def data_day(self) -> date | None:
        return latest_day(self.all_events())

    def community(self, slug: str) -> Community | None:
        return next((c for c in self.communities if c.slug == slug), None)

    def revisions(self, community: Community, filename: str, record: Disclosable) -> RevisionLog:
        relative = f"communities/{community.slug}/{filename}"
        return revision_log(list(record.changes), self.history.dates(relative), publish_date(record),
                            history_since(community))


def brand(community: Community) -> str:
    """xingfuli communities wear the Wenzhou annex A colours; renren a neutral look."""
    return "xingfuli" if "xingfuli" in community.profiles else "neutral"


def history_since(community: Community) -> date | None:
    """settings.history_since when it is a date (a commit there is not read yet)."""
    raw = community.profile.settings.history_since if community.profile else None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None
