"""满意度与知晓率: each computed rate beside its sample."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from generator import addresses
from generator.figures import ratio
from generator.model.community import Community
from generator.model.records import SatisfactionItem, Survey
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.lifecycle import published
from generator.site.pages import Page
from generator.model.windows import WindowStatus, record_window_status

FILE = "surveys.yml"


@dataclass(frozen=True)
class SurveyView:
    survey: Survey
    population: int
    sample_share: Decimal | None
    rates: list[tuple[SatisfactionItem, Decimal | None]]
    awareness: Decimal | None
    status: WindowStatus | None


@dataclass(frozen=True)
class Overall:
    survey: Survey
    rate: Decimal
    weights: list[tuple[str, Decimal]]
    configured: bool


def pages(site: Site, community: Community) -> Iterator[Page]:
    residents = community.profile.population.residents
    views = []
    for s in sorted(published(community.surveys.surveys, site.as_of), key=lambda s: (s.date, s.id), reverse=True):
        population = s.population or residents
        views.append(SurveyView(
            s, population, ratio(s.respondents, population),
            [(item, ratio(item.satisfied + item.basic, s.respondents)) for item in s.items],
            ratio(s.aware, s.respondents), record_window_status(s, site.as_of)))
    figures = site.validated.figures[community.slug]
    overall = None
    if figures.satisfaction_overall is not None and figures.satisfaction_survey is not None:
        overall = Overall(figures.satisfaction_survey, figures.satisfaction_overall,
                          [(c, w.quantize(Decimal('0.001')).normalize()) for c, w in figures.satisfaction_weights.items()],
                          bool(community.profile.settings.survey_weights))
    yield community_page(site, community, addresses.surveys(community.slug), "满意度与知晓率", "surveys.html",
                         (FILE,), "满意度与知晓率", views=views, overall=overall)
