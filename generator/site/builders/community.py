"""概况: facts, figures, public contact and the latest disclosures."""

from __future__ import annotations

from typing import Iterator

from generator import addresses, due
from generator.figures import Figures, num, pct
from generator.model.catalogue import PROFILE_NAMES
from generator.model.community import Community
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page

LATEST = 8


def figure_rows(figures: Figures) -> list[tuple[str, str, str]]:
    """(indicator, value, how it is computed) for the indicators that have data."""
    rows = [
        ("社区社会组织活跃度", pct(figures.org_activity_rate), "活跃组织数 ÷ 已备案组织数"),
        ("志愿者占常住人口比例", pct(figures.volunteer_ratio), "注册志愿者 ÷ 常住人口"),
        ("每百户服务设施面积", f"{num(figures.m2_per_100_households)} ㎡" if figures.m2_per_100_households else "无数据",
         "服务设施面积 × 100 ÷ 户数"),
        ("居民服务与活动用房占比", pct(figures.resident_area_share), "居民服务与活动用房 ÷ 服务设施面积"),
        ("每万人专职社工数", f"{num(figures.social_workers_per_10k)} 人" if figures.social_workers_per_10k else "无数据",
         "专职社区工作者 × 10000 ÷ 常住人口"),
        ("功能场景", f"{len(figures.scenes_present)} 项（共 {len(figures.scenes_required)} 项）", "已建成的标准所列场景"),
        ("总体满意度", pct(figures.satisfaction_overall), "各项满意率按权重加总"),
        ("公约知晓率", pct(figures.awareness_rate), "表示知晓的人数 ÷ 样本量"),
    ]
    return [row for row in rows if row[1] != "无数据"]


def pages(site: Site, community: Community) -> Iterator[Page]:
    slug = community.slug
    profile = community.profile
    parent = site.community(profile.parent) if profile.parent else None
    children = [(c, addresses.community(c.slug)) for c in site.communities
                if c.profile.parent == slug]
    figures = site.validated.figures[slug]
    yield community_page(
        site, community, addresses.community(slug), community.name, "community.html", ("community.yml",),
        parent=parent, parent_path=addresses.community(parent.slug) if parent else "", children=children,
        profile_names=[PROFILE_NAMES[p] for p in community.profiles], workers=figures.social_workers,
        figures=figure_rows(figures), events=site.events[slug][:LATEST],
        due_rows=due.overdue(community, figures, site.as_of) + due.next_due(community, figures, site.as_of),
        json_path=addresses.community_json(slug), csv_path=addresses.funds_csv(slug),
        feed_path=addresses.community_feed(slug), ics_path=addresses.calendar_ics(slug))
