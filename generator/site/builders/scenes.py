"""功能场景: each scene of the standard's list, present or missing, with place, hours and walk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator import addresses
from generator.model import catalogue as cat
from generator.model.community import Community
from generator.model.records import Scene
from generator.site.builders.common import community_page
from generator.site.context import Site
from generator.site.pages import Page

FILE = "scenes.yml"


@dataclass(frozen=True)
class Row:
    name: str
    present: bool
    scene: Scene | None


@dataclass(frozen=True)
class Group:
    title: str
    requirement: str
    rows: list[Row]

    @property
    def present_count(self) -> int:
        return sum(1 for r in self.rows if r.present)


def scene_lists(community: Community) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(title, requirement, names, show missing) for the standards the community follows."""
    kind, profiles = community.profile.kind, community.profiles
    lists = []
    if "xingfuli" in profiles:
        if kind == "小区":
            need = "老旧小区至少 3 项" if community.profile.old_estate else "至少 5 项"
            lists.append(("小区功能场景（共享社·幸福里 7.3）", need, cat.ESTATE_SCENES, True))
        else:
            lists.append(("社区功能场景（共享社·幸福里 7.2）", "至少 6 项", cat.COMMUNITY_SCENES, True))
            lists.append(("可选场景", "", cat.COMMUNITY_SCENES_OPTIONAL, False))
    if "renren" in profiles:
        lists.append(("全龄友好设施（人人社区 表1-15）", "应全部具备", cat.RENREN_FACILITIES, True))
        lists.append(("其他服务设施（人人社区 表1-17、表1-18）", "", cat.RENREN_EXTRA, True))
    return lists


def groups(community: Community) -> list[Group]:
    recorded = {s.name: s for s in community.scenes.scenes}
    result, listed = [], set()
    for title, requirement, names, show_missing in scene_lists(community):
        rows = [Row(n, bool(recorded.get(n) and recorded[n].present), recorded.get(n)) for n in names]
        listed.update(names)
        rows = rows if show_missing else [r for r in rows if r.present]
        if rows:
            result.append(Group(title, requirement, rows))
    others = [Row(s.name, s.present, s) for s in community.scenes.scenes if s.name not in listed]
    if others:
        result.append(Group("其他场景", "", others))
    return result


def pages(site: Site, community: Community) -> Iterator[Page]:
    yield community_page(site, community, addresses.scenes(community.slug), "功能场景", "scenes.html", (FILE,),
                         "功能场景", groups=groups(community))
