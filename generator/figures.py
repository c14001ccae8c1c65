"""The standards' indicators, computed once per community.

Rules compare these with thresholds; the site's 概况, 满意度 and 达标自评
pages show them. Rates are `Decimal` fractions (0.6 = 60 %) or None when
the data to compute them is absent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from generator.model import catalogue as cat
from generator.model.community import Community
from generator.model.records import SocialWorkersYear, Survey


def ratio(part: int | Decimal | None, whole: int | Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole)


def pct(rate: Decimal | None, places: int = 1) -> str:
    if rate is None:
        return "无数据"
    value = (rate * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{value}%"


def num(value: Decimal | None, places: int = 1) -> str:
    if value is None:
        return "无数据"
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ItemSatisfaction:
    content: str
    rate: Decimal | None
    answers: int


@dataclass
class Figures:
    org_activity_rate: Decimal | None = None
    volunteer_ratio: Decimal | None = None
    m2_per_100_households: Decimal | None = None
    resident_area_share: Decimal | None = None
    social_workers_per_10k: Decimal | None = None
    social_workers: SocialWorkersYear | None = None
    scenes_required: tuple[str, ...] = ()
    scenes_present: tuple[str, ...] = ()
    satisfaction_survey: Survey | None = None
    satisfaction: list[ItemSatisfaction] = field(default_factory=list)
    satisfaction_overall: Decimal | None = None
    satisfaction_weights: dict[str, Decimal] = field(default_factory=dict)
    satisfaction_sample_share: Decimal | None = None
    awareness_survey: Survey | None = None
    awareness_rate: Decimal | None = None
    awareness_sample_share: Decimal | None = None
    key_items_per_year: dict[int, int] = field(default_factory=dict)
    activities_per_month: dict[str, int] = field(default_factory=dict)
    kinds_per_month: dict[str, Counter] = field(default_factory=dict)
    kinds_per_quarter: dict[str, Counter] = field(default_factory=dict)
    kinds_per_year: dict[int, Counter] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    first_data_date: date | None = None   # where yearly, quarterly and monthly checks start


def required_scenes(community: Community) -> tuple[str, ...]:
    """The scene list the community's first profile measures it against."""
    if community.profiles[:1] == ("renren",):
        return cat.RENREN_FACILITIES + cat.RENREN_EXTRA
    kind = community.profile.kind if community.profile else "社区"
    return cat.ESTATE_SCENES if kind == "小区" else cat.COMMUNITY_SCENES


def latest(surveys: list[Survey], kind: str) -> Survey | None:
    found = [s for s in surveys if s.kind == kind and s.withdrawn is None]
    return max(found, key=lambda s: (s.date, s.id)) if found else None


def quarter_key(day) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def compute_figures(community: Community) -> Figures:
    fig = Figures()
    profile = community.profile
    if profile is None:
        return fig
    residents = profile.population.residents
    if profile.organisations:
        fig.org_activity_rate = ratio(profile.organisations.active, profile.organisations.registered)
    fig.volunteer_ratio = ratio(profile.volunteers, residents)
    if profile.facilities:
        fig.m2_per_100_households = ratio(profile.facilities.service_area_m2 * 100, profile.population.households)
        fig.resident_area_share = ratio(profile.facilities.resident_area_m2, profile.facilities.service_area_m2)
    if profile.social_workers:
        fig.social_workers = max(profile.social_workers, key=lambda s: s.year)
        fig.social_workers_per_10k = ratio(fig.social_workers.count * 10_000, residents)

    fig.scenes_required = required_scenes(community)
    present = {s.name for s in community.scenes.scenes if s.present}
    fig.scenes_present = tuple(name for name in fig.scenes_required if name in present)

    _satisfaction(community, fig, residents)
    survey = latest(community.surveys.surveys, "公约知晓率")
    if survey:
        fig.awareness_survey = survey
        fig.awareness_rate = ratio(survey.aware, survey.respondents)
        fig.awareness_sample_share = ratio(survey.respondents, survey.population or residents)

    fig.key_items_per_year = dict(sorted(Counter(i.year for i in community.key_items.items
                                                 if i.withdrawn is None).items()))
    for activity in community.activities.activities:
        month = f"{activity.date.year}-{activity.date.month:02d}"
        fig.activities_per_month[month] = fig.activities_per_month.get(month, 0) + 1
        fig.kinds_per_month.setdefault(month, Counter())[activity.kind] += 1
        fig.kinds_per_quarter.setdefault(quarter_key(activity.date), Counter())[activity.kind] += 1
        fig.kinds_per_year.setdefault(activity.date.year, Counter())[activity.kind] += 1
    fig.themes = dict(sorted(community.activities.themes.items()))
    fig.first_data_date = first_data_date(community)
    return fig


def _satisfaction(community: Community, fig: Figures, residents: int) -> None:
    survey = latest(community.surveys.surveys, "满意度")
    if survey is None:
        return
    fig.satisfaction_survey = survey
    fig.satisfaction_sample_share = ratio(survey.respondents, survey.population or residents)
    fig.satisfaction = [
        ItemSatisfaction(item.content, ratio(item.satisfied + item.basic, survey.respondents),
                         item.satisfied + item.basic + item.unsatisfied)
        for item in survey.items]
    configured = community.profile.settings.survey_weights if community.profile else None
    contents = [item.content for item in fig.satisfaction]
    if configured:
        weights = {c: configured.get(c, Decimal(0)) for c in contents}
    else:
        weights = {c: Decimal(1) / Decimal(len(contents)) for c in contents} if contents else {}
    fig.satisfaction_weights = weights
    if contents and all(i.rate is not None for i in fig.satisfaction):
        total = sum(weights.values())
        if total:
            fig.satisfaction_overall = sum(weights[i.content] * i.rate for i in fig.satisfaction) / total


def first_data_date(community: Community) -> date | None:
    """The earliest day the community's records speak of: a requirement that
    recurs every year, quarter or month is checked from there on."""
    days = [a.date for a in community.activities.activities]
    days += [date(int(key[:4]), int(key[5:7]), 1) for key in community.activities.themes if _is_month_key(key)]
    days += [e.date for entries in (community.lists.problems, community.lists.needs, community.lists.resources,
                                    community.lists.projects) for e in entries]
    days += [date(i.year, 1, 1) for i in community.key_items.items if i.withdrawn is None]
    days += [s.period.start for s in community.funds.statements if s.period.start and s.withdrawn is None]
    days += [s.date for s in community.surveys.surveys if s.withdrawn is None]
    return min(days) if days else None


def _is_month_key(key: str) -> bool:
    return len(key) == 7 and key[4] == "-" and key[:4].isdigit() and key[5:].isdigit() and 1 <= int(key[5:]) <= 12


# ---------------------------------------------------------------- reporting periods
@dataclass(frozen=True)
class Span:
    """A calendar year, quarter or month that a recurring requirement is checked for."""

    key: str        # "2025", "2025-Q3", "2025-03"
    label: str      # "2025 年", "2025 年第 3 季度", "2025 年 3 月"
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def completed(self, as_of: date) -> bool:
        return self.end < as_of


def spans(unit: str, first: date, last: date) -> list[Span]:
    """Every year, quarter or month (`unit`) from the one holding `first` to the one holding `last`."""
    months = {"year": 12, "quarter": 3, "month": 1}[unit]
    month = (first.month - 1) // months * months + 1
    start = date(first.year, month, 1)
    found: list[Span] = []
    while start <= last:
        nxt = date(start.year + (start.month + months > 12), (start.month + months - 1) % 12 + 1, 1)
        found.append(Span(_span_key(unit, start), _span_label(unit, start), start, nxt - timedelta(days=1)))
        start = nxt
    return found


def _span_key(unit: str, start: date) -> str:
    if unit == "year":
        return str(start.year)
    return quarter_key(start) if unit == "quarter" else f"{start.year}-{start.month:02d}"


def _span_label(unit: str, start: date) -> str:
    if unit == "year":
        return f"{start.year} 年"
    if unit == "quarter":
        return f"{start.year} 年第 {(start.month - 1) // 3 + 1} 季度"
    return f"{start.year} 年 {start.month} 月"
