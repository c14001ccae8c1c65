"""达标自评: every requirement of the community's standards with its figure and
status; gongshi's own checks (integrity, privacy, 公示期, votes) listed row by
row only where they are not met, the passed ones counted and linked to the
rule list (a city's pages must stay small: issue 6)."""

from __future__ import annotations

from typing import Iterator

from generator import addresses
from generator.model.catalogue import PROFILE_NAMES
from generator.model.community import Community
from generator.rules import Assessment, Status
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page

GROUP_TITLES = {**PROFILE_NAMES, "integrity": "数据完整性", "privacy": "隐私保护", "lifecycle": "公示期与修订", "votes": "业主表决"}


def details(assessment: Assessment) -> list[str]:
    """What exactly is unmet, one line per measured thing."""
    return list(dict.fromkeys(r.detail for r in assessment.results if r.status is Status.UNMET and r.detail))


def pages(site: Site, community: Community) -> Iterator[Page]:
    assessments = site.validated.assessments.get(community.slug, [])
    groups = []
    for profile, title in GROUP_TITLES.items():
        rows = [a for a in assessments if a.rule.profile == profile]
        if rows:
            standard = profile in PROFILE_NAMES
            shown = rows if standard else [a for a in rows if a.status in (Status.UNMET, Status.DECLARED)]
            groups.append((title, shown, len(rows) - len(shown), addresses.guide_rules_of(profile)))
    statuses = [a.status for a in assessments]
    counts = {s.name.lower(): statuses.count(s) for s in Status}
    counts["na"] = counts.pop("not_applicable")
    yield community_page(site, community, addresses.assessment(community.slug), "达标自评", "assessment.html", (),
                         "达标自评", groups=groups, counts=counts, details=details)
