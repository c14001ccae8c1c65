"""公约: text, how and when adopted, awareness; for renren the four lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator import addresses, votes
from generator.model.catalogue import PLEDGE_PROCEDURE
from generator.model.community import Community
from generator.model.records import Pledge
from generator.model.values import ObjectionChannel
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.history import RevisionLog
from generator.site.lifecycle import State, placeholder, state_of
from generator.site.pages import Page
from generator.model.windows import WindowStatus, record_window_status

FILE = "pledges.yml"


@dataclass(frozen=True)
class PledgeView:
    pledge: Pledge
    procedure_name: str
    status: WindowStatus | None
    channel: ObjectionChannel | None
    revisions: RevisionLog
    vote: votes.VoteAssessment | None


def pages(site: Site, community: Community) -> Iterator[Page]:
    as_of = site.as_of
    views, scheduled = [], []
    for pledge in community.pledges.pledges:
        state = state_of(pledge, as_of)
        if state is State.SCHEDULED:
            scheduled.append(placeholder(pledge, pledge.title, as_of))
        if state is not State.PUBLISHED:
            continue
        views.append(PledgeView(pledge, PLEDGE_PROCEDURE.get(pledge.kind, ""), record_window_status(pledge, as_of),
                                pledge.objection_channel or community.profile.objection_channel,
                                site.revisions(community, FILE, pledge),
                                votes.assess(pledge.vote) if pledge.vote else None))
    figures = site.validated.figures[community.slug]
    survey = figures.awareness_survey
    yield community_page(
        site, community, addresses.pledges(community.slug), "公约", "pledges.html", (FILE, "surveys.yml"), "公约",
        pledges=views, scheduled=scheduled, figures=figures, awareness=survey,
        awareness_population=(survey.population or community.profile.population.residents) if survey else 0,
        renren=community.pledges.renren if "renren" in community.profiles else None)
