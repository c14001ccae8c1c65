"""`gongshi report`: a city-wide table of communities × key figures and rule
status, for the street office that oversees many communities."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass

from generator import due
from generator.figures import pct
from generator.findings import Severity
from generator.pipeline import Validated
from generator.rules import Status

COLUMNS = (
    ("slug", "文件夹"), ("name", "名称"), ("kind", "类型"), ("profiles", "标准"), ("district", "区"),
    ("street", "街道"), ("households", "户数"), ("residents", "常住人口"), ("org_activity", "组织活跃度"),
    ("volunteers", "志愿者占比"), ("scenes", "功能场景"), ("satisfaction", "总体满意度"),
    ("awareness", "公约知晓率"), ("met", "达标"), ("unmet", "未达标"), ("declared", "自报"),
    ("overdue", "逾期"), ("errors", "错误"), ("warnings", "警告"), ("draft", "草稿"),
)


@dataclass(frozen=True)
class Row:
    values: dict[str, str]


def report_rows(validated: Validated) -> list[Row]:
    rows = []
    for slug, community in sorted(validated.city.communities.items()):
        profile = community.profile
        figures = validated.figures.get(slug)
        assessments = validated.assessments.get(slug, [])
        own = [f for f in validated.findings if f.community == slug]
        statuses = [a.status for a in assessments]
        values = {
            "slug": slug, "name": community.name,
            "kind": profile.kind if profile else "", "profiles": "、".join(community.profiles),
            "district": profile.region.district if profile else "", "street": profile.region.street if profile else "",
            "households": str(profile.population.households) if profile else "",
            "residents": str(profile.population.residents) if profile else "",
            "org_activity": pct(figures.org_activity_rate) if figures else "",
            "volunteers": pct(figures.volunteer_ratio) if figures else "",
            "scenes": f"{len(figures.scenes_present)}/{len(figures.scenes_required)}" if figures else "",
            "satisfaction": pct(figures.satisfaction_overall) if figures else "",
            "awareness": pct(figures.awareness_rate) if figures else "",
            "met": str(statuses.count(Status.MET)), "unmet": str(statuses.count(Status.UNMET)),
            "declared": str(statuses.count(Status.DECLARED)),
            # decisions 2: a draft is not published, so nothing of it is overdue yet
            "overdue": str(len(due.overdue(community, figures, validated.as_of)))
            if figures and not community.is_draft else "",
            "errors": str(sum(1 for f in own if f.severity is Severity.ERROR)),
            "warnings": str(sum(1 for f in own if f.severity is Severity.WARNING)),
            "draft": "是" if community.is_draft else "",
        }
        rows.append(Row(values))
    return rows


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def as_table(rows: list[Row]) -> str:
    headers = [title for _, title in COLUMNS]
    cells = [[row.values[key] for key, _ in COLUMNS] for row in rows]
    widths = [max(_width(x) for x in [h] + [c[i] for c in cells]) for i, h in enumerate(headers)]

    def line(items: list[str]) -> str:
        return "  ".join(item + " " * (w - _width(item)) for item, w in zip(items, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(c) for c in cells])


def as_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for row in rows:
        writer.writerow([row.values[key] for key, _ in COLUMNS])
    return "\ufeff" + out.getvalue()


def as_json(rows: list[Row], validated: Validated) -> str:
    return json.dumps({"as_of": validated.as_of.isoformat(), "columns": dict(COLUMNS),
                       "communities": [row.values for row in rows]}, ensure_ascii=False, indent=2)
