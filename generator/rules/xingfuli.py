"""Wenzhou 《“共享社·幸福里”建设规范》 (profile `xingfuli`), clause numbers as
rebuilt in REQUIREMENTS.md."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from generator.figures import pct
from generator.findings import Severity
from generator.rules.registry import Context, Result, rule

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@rule("xingfuli.5.5.org-activity", "xingfuli", "5.5", E,
      "社区社会组织平均活跃度（活跃数 ÷ 已备案数）不低于 60%", "≥ 60%",
      "在 community.yml 的 organisations 中如实填写已备案数（registered）和活跃数（active）。")
def org_activity(ctx: Context) -> Iterator[Result]:
    rate = ctx.figures.org_activity_rate
    where = ctx.community.loc("community.yml", "organisations")
    if rate is None:
        yield Result.unmet("未填写社区社会组织的备案数和活跃数", "无数据", where)
    elif rate >= Decimal("0.6"):
        yield Result.met(pct(rate), where)
    else:
        yield Result.unmet(f"社区社会组织平均活跃度为 {pct(rate)}，低于 60%", pct(rate), where)


@rule("xingfuli.7.2.scenes", "xingfuli", "7.2", E,
      "社区至少具备 8 项功能场景中的 6 项", "≥ 6 项", "在 scenes.yml 中补全已建成的功能场景，或推进缺少场景的建设。",
      kinds=("社区", "村"))
def community_scenes(ctx: Context) -> Iterator[Result]:
    present, required = ctx.figures.scenes_present, ctx.figures.scenes_required
    figure = f"{len(present)} 项（共 {len(required)} 项）"
    where = ctx.community.loc("scenes.yml", "scenes")
    if len(present) >= 6:
        yield Result.met(figure, where)
    else:
        missing = "、".join(s for s in required if s not in present)
        yield Result.unmet(f"功能场景只有 {len(present)} 项，缺少：{missing}", figure, where)
