"""Wenzhou 《“共享社·幸福里”建设规范》 (profile `xingfuli`), clause numbers as
rebuilt in REQUIREMENTS.md.

Facts only staff can declare (training days, visits, the brand sign, ...) are
reported as 自报, never as 达标 (decisions 3). Requirements that recur every
year, quarter or month are checked from the community's first dated record up
to the reference date: a period that has ended must meet them; the current
period only counts once it already does (or, for upper bounds, already fails).

Annex A (the brand mark and sign styles) is a design reference, not a check:
the posters follow it; 7.3 asks only that the sign is hung (declared).
Each rule's passing and failing examples: tests/rules/cases/xingfuli.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterator

from generator.figures import Span, pct, spans
from generator.findings import Location, Severity
from generator.model import catalogue as cat
from generator.model.records import Activity, Scene
from generator.rules.registry import Context, Result, rule

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
COMMUNITY, ESTATE = ("社区", "村"), ("小区",)

# 7.1: which of the standard's scenes serve each function of the 15-minute circle.
WALK_CIRCLE_SCENES: dict[str, tuple[str, ...]] = {
    "党建驿站": ("党群服务中心（邻里客厅）", "党群服务阵地"),
    "助餐服务": ("邻里食堂或助餐点",),
    "图书阅览": ("邻里书吧",),
    "养老服务": ("居家养老服务照料中心或照护中心", "长者服务设施"),
    "托育服务": ("托育服务机构",),
    "儿童游乐": ("儿童游乐设施", "妇女儿童综合服务驿站"),
}
assert tuple(WALK_CIRCLE_SCENES) == cat.WALK_CIRCLE_FUNCTIONS
WALK_LIMIT_MINUTES = 15

# 8.2: how many of a procedure's steps an item must have taken, by its status:
# once decided, the deliberation and the disclosure of the resolution; once done, every step.
DECIDED_STEPS = {"五议两公开": 6, "三审两公开一备案": 4}
DECIDED_STATUSES = ("已决议", "实施中")
DONE_STATUS = "已完成"
RESULT_STEPS = ("实施结果公开", "实施公开")

# 8.3: a year's accounts are due by this day of the next year ("每年公示一次").
FUNDS_DUE = (3, 31)

# 9.4: activities that are governance work, not neighbourhood activities.
GOVERNANCE_KINDS = ("三方联席会议", "议事会", "走访", "人人访谈")
THEME_MEMORY_MONTHS = 11   # a monthly theme differs from the themes of the months before it within a year


def _where(ctx: Context, filename: str, *path: Any) -> Location:
    return ctx.community.loc(filename, *path)


def _key(ctx: Context, filename: str, *path: Any) -> Location:
    """Where a list or mapping is introduced (its key's line): the place for what it lacks."""
    return ctx.community.loc(filename, *path, key=True)


# ================================================================ 5.5 organisations
@rule("xingfuli.5.5.org-activity", "xingfuli", "5.5", E,
      "社区社会组织平均活跃度（活跃数 ÷ 已备案数）不低于 60%", "≥ 60%",
      "在 community.yml 的 organisations 中如实填写已备案数（registered）和活跃数（active）。")
def org_activity(ctx: Context) -> Iterator[Result]:
    rate = ctx.figures.org_activity_rate
    where = _key(ctx, "community.yml", "organisations")
    if rate is None:
        yield Result.unmet("未填写社区社会组织的备案数和活跃数", "无数据", where)
    elif rate >= Decimal("0.6"):
        yield Result.met(pct(rate), where)
    else:
        yield Result.unmet(f"社区社会组织平均活跃度为 {pct(rate)}，低于 60%", pct(rate), where)


# ================================================================ declared facts
@dataclass(frozen=True)
class Declared:
    field: str
    label: str
    minimum: Decimal | None = None    # None: a yes/no fact that must be true
    unit: str = ""
    shown: str = ""                   # the threshold in words, when not the minimum itself


def _declared(ctx: Context, *facts: Declared) -> Iterator[Result]:
    values = ctx.community.profile.declared
    for fact in facts:
        value = getattr(values, fact.field)
        where = _where(ctx, "community.yml", "declared", fact.field)
        if value is None:
            yield Result.unmet(f"未填报{fact.label}", "未填报",
                               ctx.community.loc("community.yml", "declared", key=True))
        elif fact.minimum is None and value is not True:
            yield Result.unmet(f"自报“{fact.label}”为否", f"{fact.label}：否", where)
        elif fact.minimum is not None and Decimal(value) < fact.minimum:
            needed = fact.shown or f"{fact.minimum}{fact.unit}"
            yield Result.unmet(f"自报{fact.label}为 {value}{fact.unit}，未达到 {needed}",
                               f"{value}{fact.unit}（自报）", where)
        else:
            shown = "是" if fact.minimum is None else f"{value}{fact.unit}"
            yield Result.declared(f"{fact.label}：{shown}（自报）", where)


# ================================================================ 6.1 community workers (declared)
@rule("xingfuli.6.1.training", "xingfuli", "6.1", E,
      "新进专职社区工作者集中脱产培训不少于 3 天；现有专职社区工作者每人每年培训不少于 5 天", "3 天 / 每年 5 天（自报）",
      "在 community.yml 的 declared 中填写 training_new_days（新进社工培训天数）和 training_existing_days（现有社工年度培训天数）。")
def training(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("training_new_days", "新进社工集中脱产培训天数", Decimal(3), " 天"),
                         Declared("training_existing_days", "现有社工年度培训天数", Decimal(5), " 天"))


@rule("xingfuli.6.1.visits", "xingfuli", "6.1", E,
      "新社工上岗 3 个月内走访三分之一以上住户、60 岁以上住户全覆盖，每年走访住户一遍以上",
      "≥ 1/3 户、60 岁以上 100%、每年全部走访（自报）",
      "在 community.yml 的 declared 中填写 new_staff_visit_percent、elderly_visit_percent 和 yearly_visit_all。")
def visits(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("new_staff_visit_percent", "新社工上岗 3 个月内走访住户比例",
                                       Decimal(100) / 3, "%", "三分之一"),
                         Declared("elderly_visit_percent", "60 岁以上住户走访覆盖率", Decimal(100), "%"),
                         Declared("yearly_visit_all", "每年走访全部住户"))


# ================================================================ 7 scenes
def _present(ctx: Context) -> list[tuple[int, Scene]]:
    return [(i, s) for i, s in enumerate(ctx.community.scenes.scenes) if s.present]


def _walk(ctx: Context, function: str, names: tuple[str, ...]) -> Result:
    """Is `function` served by a present scene within the 15-minute walk?"""
    serving = [(i, s) for i, s in _present(ctx) if s.name in names]
    if not serving:
        return Result.unmet(f"{function}：scenes.yml 中没有已建成的{'或'.join(names)}", f"{function}：无",
                            _key(ctx, "scenes.yml", "scenes"))
    timed = [(i, s) for i, s in serving if s.walk_minutes is not None]
    if not timed:
        i, scene = serving[0]
        return Result.unmet(f"{scene.name}未填写步行分钟数（walk_minutes）", f"{function}：未填写",
                            _where(ctx, "scenes.yml", "scenes", i))
    i, scene = min(timed, key=lambda pair: pair[1].walk_minutes)
    figure = f"{function} {scene.walk_minutes} 分钟"
    if scene.walk_minutes > WALK_LIMIT_MINUTES:
        return Result.unmet(f"{scene.name}步行需 {scene.walk_minutes} 分钟，超过 {WALK_LIMIT_MINUTES} 分钟", figure,
                            _where(ctx, "scenes.yml", "scenes", i, "walk_minutes"))
    return Result.met(figure, _where(ctx, "scenes.yml", "scenes", i, "walk_minutes"))


@rule("xingfuli.7.1.walk-circle", "xingfuli", "7.1", W,
      "居民 15 分钟步行可达、具有党建驿站、助餐服务、图书阅览、养老服务、托育服务、儿童游乐等功能的党群服务圈",
      "6 项功能均 ≤ 15 分钟",
      "在 scenes.yml 中为提供这些功能的场景填写 walk_minutes（最远住户步行到达的分钟数）；缺少的功能宜补齐。",
      kinds=COMMUNITY)
def walk_circle(ctx: Context) -> Iterator[Result]:
    for function, names in WALK_CIRCLE_SCENES.items():
        yield _walk(ctx, function, names)


@rule("xingfuli.7.2.scenes", "xingfuli", "7.2", E,
      "社区至少具备 8 项功能场景中的 6 项", "≥ 6 项", "在 scenes.yml 中补全已建成的功能场景，或推进缺少场景的建设。",
      kinds=COMMUNITY)
def community_scenes(ctx: Context) -> Iterator[Result]:
    present, required = ctx.figures.scenes_present, ctx.figures.scenes_required
    figure = f"{len(present)} 项（共 {len(required)} 项）"
    where = _key(ctx, "scenes.yml", "scenes")
    if len(present) >= 6:
        yield Result.met(figure, where)
    else:
        missing = "、".join(s for s in required if s not in present)
        yield Result.unmet(f"功能场景只有 {len(present)} 项，缺少：{missing}", figure, where)


@rule("xingfuli.7.2.walk-15", "xingfuli", "7.2", E,
      "邻里食堂或助餐点、托育服务场所位于居民步行 15 分钟可达的范围内", "≤ 15 分钟",
      "在 scenes.yml 中填写这两个场景的 walk_minutes；超过 15 分钟的，应就近增设助餐点或托育点。", kinds=COMMUNITY)
def walk_15(ctx: Context) -> Iterator[Result]:
    for name in cat.WALK_REQUIRED_SCENES:
        yield _walk(ctx, name, (name,))


@rule("xingfuli.7.2.optional-scenes", "xingfuli", "7.2", I,
      "宜根据居民需求配备个性化功能场景（邻里学堂、百姓健身房、卫生服务场所、智慧安防小区、共富工坊、城市驿站、"
      "助残暖心服务驿站、物品共享平台）", "宜配备",
      "已建成的个性化场景请写进 scenes.yml；这一项不影响达标。", kinds=COMMUNITY)
def optional_scenes(ctx: Context) -> Iterator[Result]:
    present = {s.name for _, s in _present(ctx)}
    found = [name for name in cat.COMMUNITY_SCENES_OPTIONAL if name in present]
    where = _key(ctx, "scenes.yml", "scenes")
    if found:
        yield Result.met(f"{len(found)} 项：{'、'.join(found)}", where)
    else:
        yield Result.unmet("没有配备任何个性化功能场景", "0 项", where)


@rule("xingfuli.7.3.scenes", "xingfuli", "7.3", E,
      "小区至少具备 8 项功能场景中的 5 项（老旧小区至少 3 项）", "≥ 5 项（老旧小区 ≥ 3 项）",
      "在 scenes.yml 中补全已建成的功能场景，或推进缺少场景的建设；老旧小区在 community.yml 写 old_estate: true。",
      kinds=ESTATE)
def estate_scenes(ctx: Context) -> Iterator[Result]:
    present, required = ctx.figures.scenes_present, ctx.figures.scenes_required
    old = ctx.community.profile.old_estate
    needed = 3 if old else 5
    figure = f"{len(present)} 项（共 {len(required)} 项，{'老旧小区' if old else '小区'}至少 {needed} 项）"
    where = _key(ctx, "scenes.yml", "scenes")
    if len(present) >= needed:
        yield Result.met(figure, where)
    else:
        missing = "、".join(s for s in required if s not in present)
        yield Result.unmet(f"小区功能场景只有 {len(present)} 项，少于 {needed} 项；缺少：{missing}", figure, where)


@rule("xingfuli.7.3.brand-sign", "xingfuli", "7.3", W,
      "小区内悬挂全市统一的“共享社·幸福里”形象标识和标牌（样式见附录 A）", "已悬挂（自报）",
      "悬挂标牌后，在 community.yml 的 declared 中写 brand_sign_hung: true。", kinds=ESTATE)
def brand_sign(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("brand_sign_hung", "已悬挂统一品牌标牌"))


# ================================================================ 8.1 four lists and key items
@rule("xingfuli.8.1.four-lists", "xingfuli", "8.1", E,
      "建立问题、需求、资源、项目“四张清单”", "4 张清单均有内容",
      "在 lists.yml 的 problems、needs、resources、projects 下分别登记条目。")
def four_lists(ctx: Context) -> Iterator[Result]:
    for key, name in cat.FOUR_LIST_KEYS.items():
        entries = getattr(ctx.community.lists, key)
        if entries:
            yield Result.met(f"{name}清单 {len(entries)} 条", _where(ctx, "lists.yml", key))
        else:
            yield Result.unmet(f"{name}清单（{key}）没有任何条目", f"{name}清单 0 条", _key(ctx, "lists.yml", key))


def _key_items(ctx: Context) -> list[tuple[int, Any]]:
    return [(i, item) for i, item in enumerate(ctx.community.key_items.items) if item.withdrawn is None]


def _years(ctx: Context) -> list[Span]:
    first = ctx.figures.first_data_date
    return spans("year", first, ctx.as_of) if first else []


@rule("xingfuli.8.1.key-items", "xingfuli", "8.1", E,
      "小区业委会根据“四张清单”每年确定 3–5 件关键事项", "每年 3–5 件",
      "在 key_items.yml 中登记每年的关键事项（year 写年度）；多于 5 件的，把次要的改为非关键事项或移到下一年度。",
      kinds=ESTATE)
def key_items_per_year(ctx: Context) -> Iterator[Result]:
    per_year = ctx.figures.key_items_per_year
    if not per_year:
        yield Result.unmet("没有登记任何关键事项", "0 件", _key(ctx, "key_items.yml", "items"))
        return
    for span in _years(ctx):
        year, count = int(span.key), per_year.get(int(span.key), 0)
        figure = f"{year} 年 {count} 件"
        if count > 5:
            sixth = [i for i, item in _key_items(ctx) if item.year == year][5]
            yield Result.unmet(f"{year} 年关键事项有 {count} 件，多于 5 件", figure,
                               _where(ctx, "key_items.yml", "items", sixth))
        elif count < 3 and span.completed(ctx.as_of):
            yield Result.unmet(f"{year} 年关键事项只有 {count} 件，少于 3 件", figure,
                               _key(ctx, "key_items.yml", "items"))
        else:
            yield Result.met(figure if span.completed(ctx.as_of) else f"{figure}（年度未结束）")


@rule("xingfuli.8.1.categories", "xingfuli", "8.1", I,
      "关键事项类别包括但不限于便民利民、城市管理、交通出行、基础设施、群众活动、环境改善、公共服务、结对帮扶",
      "标准列举的 8 类（可另设）",
      "类别可以保留（标准为“包括但不限于”）；若只是写法不同，请改用标准列举的名称。")
def key_item_categories(ctx: Context) -> Iterator[Result]:
    items = _key_items(ctx)
    if not items:
        yield Result.na("没有关键事项")
    for i, item in items:
        if item.category in cat.KEY_ITEM_CATEGORIES:
            yield Result.met(f"{len(items)} 件关键事项")
        else:
            yield Result.unmet(f"关键事项“{item.title}”的类别“{item.category}”不在标准列举的 8 类中",
                               f"类别“{item.category}”", _where(ctx, "key_items.yml", "items", i, "category"))


@rule("xingfuli.8.1.results-disclosed", "xingfuli", "8.1", E,
      "定期向居民公开关键事项实施结果", "已完成事项均公开结果",
      "为已完成的关键事项填写 result，并在 steps 中记录“实施结果公开”（小区为“实施公开”）的日期和公示期。")
def results_disclosed(ctx: Context) -> Iterator[Result]:
    done = [(i, item) for i, item in _key_items(ctx) if item.status == DONE_STATUS]
    if not done:
        yield Result.na("没有已完成的关键事项")
    for i, item in done:
        if not item.result:
            yield Result.unmet(f"已完成的关键事项“{item.title}”没有填写实施结果（result）", item.title,
                               _where(ctx, "key_items.yml", "items", i, "status"))
        elif not any(step.step in RESULT_STEPS for step in item.steps):
            yield Result.unmet(f"已完成的关键事项“{item.title}”没有实施结果公开的记录", item.title,
                               _key(ctx, "key_items.yml", "items", i, "steps"))
        else:
            yield Result.met(f"{len(done)} 件已完成事项均已公开结果")


# ================================================================ 8.2 procedures
def procedure_problems(steps: list[Any], procedure: str, required: tuple[str, ...]) -> Iterator[tuple[str, tuple]]:
    """What is wrong with `steps` (records with .step and .date) as a run of `procedure`:
    (problem in words, path below the steps list)."""
    order = cat.PROCEDURES[procedure]
    seen: dict[str, int] = {}
    latest = -1
    for j, step in enumerate(steps):
        if step.step not in order:
            yield f"步骤“{step.step}”不属于“{procedure}”", (j, "step")
        elif step.step in seen:
            yield f"步骤“{step.step}”重复出现", (j, "step")
        elif order.index(step.step) < latest:
            yield f"步骤“{step.step}”应排在“{order[latest]}”之前", (j, "step")
        if step.step in order and step.step not in seen:
            seen[step.step] = j
            latest = max(latest, order.index(step.step))
    missing = [name for name in required if name not in seen]
    if missing:
        yield f"缺少步骤：{'、'.join(missing)}（顺序应为：{' → '.join(order)}）", ()
    taken = [name for name in order if name in seen]
    for before, after in zip(taken, taken[1:]):
        a, b = steps[seen[before]], steps[seen[after]]
        if b.date < a.date:
            yield f"“{after}”的日期 {b.date} 早于上一步“{before}”的 {a.date}", (seen[after], "date")


def required_steps(procedure: str, status: str) -> tuple[str, ...]:
    order = cat.PROCEDURES[procedure]
    if status == DONE_STATUS:
        return order
    return order[:DECIDED_STEPS[procedure]] if status in DECIDED_STATUSES else ()


def _major_item_procedure(ctx: Context, procedure: str) -> Iterator[Result]:
    major = [(i, item) for i, item in _key_items(ctx) if item.major]
    if not major:
        yield Result.na("没有重大事项")
        return
    problems = [(i, item, text, path) for i, item in major
                for text, path in procedure_problems(item.steps, procedure, required_steps(procedure, item.status))]
    if not problems:
        yield Result.met(f"{len(major)} 件重大事项均按程序办理")
    bad = len({i for i, *_ in problems})
    for i, item, text, path in problems:
        yield Result.unmet(f"关键事项“{item.title}”（{item.status}）：{text}", f"{bad} 件程序有问题（共 {len(major)} 件）",
                           ctx.community.loc("key_items.yml", "items", i, "steps", *path, key=not path))


@rule("xingfuli.8.2.1.procedure", "xingfuli", "8.2.1", E,
      "社区重大事项实行“五议两公开”：党员群众建议 → 党组织提议 → 两委会商议 → 党员大会审议 → 居民代表决议，"
      "决议情况和实施结果向全体居民公开", "按顺序完成各步骤",
      "在 key_items.yml 该事项的 steps 中按顺序记录每一步及日期；已决议的要有“决议公开”，已完成的还要有“实施结果公开”。",
      kinds=COMMUNITY)
def five_deliberations(ctx: Context) -> Iterator[Result]:
    yield from _major_item_procedure(ctx, "五议两公开")


@rule("xingfuli.8.2.2.procedure", "xingfuli", "8.2.2", E,
      "小区重大事项实行“三审两公开一备案”：小区业委会审议 → 社区（小区）党组织审核 → 业主（代表）大会审定，"
      "议事全程公开、实施情况公开，决议结果和实施结果报社区备案", "按顺序完成各步骤",
      "在 key_items.yml 该事项的 steps 中按顺序记录每一步及日期；已决议的要有“审议公开”，已完成的还要有“实施公开”和“社区备案”。",
      kinds=ESTATE)
def three_reviews(ctx: Context) -> Iterator[Result]:
    yield from _major_item_procedure(ctx, "三审两公开一备案")


@rule("xingfuli.8.2.3.tendering", "xingfuli", "8.2.3", W,
      "“业标街管”：以业委会为招标人，依托公共资源交易平台招投标，中标结果作为业主共同决定", "已实行（自报）",
      "实行后在 community.yml 的 declared 中写 tendering_platform: true。", kinds=ESTATE)
def tendering(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("tendering_platform", "通过公共资源交易平台招标"))


@rule("xingfuli.8.2.4.announcement", "xingfuli", "8.2.4", E,
      "重大事项决策及时在显著位置公告，并在数字服务平台上公开", "及时公告（自报）",
      "在 community.yml 的 declared 中写 prompt_announcement: true（做到时）。")
def announcement(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("prompt_announcement", "重大决策及时在显著位置公告"))


# ================================================================ 8.3 shared funds
def _covered(year: Span, periods: list[tuple[date | None, date]]) -> bool:
    """Do the periods (start None = since inception) together cover the whole year?"""
    reached = year.start        # the first day not yet covered
    for start, end in sorted(periods, key=lambda p: p[0] or date.min):
        if (start or date.min) <= reached <= end:
            if end >= year.end:
                return True
            reached = end + timedelta(days=1)
    return False


@rule("xingfuli.8.3.yearly-funds", "xingfuli", "8.3", E,
      "业主共有资金收支情况在公告栏和数字服务平台每年公示一次", "每个年度均公示",
      "在 funds.yml 中为缺少的年度补录收支公示（period 写年度，如 2025，或分季度、半年逐期录入）。")
def yearly_funds(ctx: Context) -> Iterator[Result]:
    statements = [s for s in ctx.community.funds.statements if s.withdrawn is None and s.disclosed <= ctx.as_of]
    periods = [(s.period.start, s.period.end) for s in statements]
    where = _key(ctx, "funds.yml", "statements")
    due_years = [y for y in _years(ctx) if ctx.as_of > date(int(y.key) + 1, *FUNDS_DUE)]
    if not due_years:
        yield Result.na("尚无应公示的完整年度")
    for year in due_years:
        if _covered(year, periods):
            yield Result.met(f"{len(due_years)} 个年度均已公示")
        else:
            yield Result.unmet(f"{year.label}的共有资金收支没有公示（或公示的期间没有覆盖全年）",
                               f"{year.label}未公示", where)


@rule("xingfuli.8.3.agent", "xingfuli", "8.3", W,
      "实行业主共有资金“业财代理”制度，委托机构协助办理会计业务", "写明记账代理机构",
      "在 funds.yml 每期收支公示中用 agent 写明业财代理机构的名称。")
def fund_agent(ctx: Context) -> Iterator[Result]:
    statements = [(i, s) for i, s in enumerate(ctx.community.funds.statements) if s.withdrawn is None]
    if not statements:
        yield Result.unmet("没有共有资金收支公示，无法确认业财代理", "无公示", _key(ctx, "funds.yml", "statements"))
    for i, statement in statements:
        if statement.agent:
            yield Result.met(f"业财代理：{statement.agent}")
        else:
            yield Result.unmet(f"收支公示“{statement.title or statement.period}”没有写明记账代理机构",
                               "未写明", _where(ctx, "funds.yml", "statements", i))


# ================================================================ 8.4 pledges
@rule("xingfuli.8.4.pledge-procedure", "xingfuli", "8.4", W,
      "社区居民公约经“五议两公开”、小区业主公约经“三审两公开一备案”制定或修订", "按程序通过",
      "在 pledges.yml 中登记公约，并在 procedure 中按顺序记录每一步及日期。")
def pledge_procedure(ctx: Context) -> Iterator[Result]:
    expected = "业主公约" if ctx.community.profile.kind in ESTATE else "居民公约"
    pledges = [(i, p) for i, p in enumerate(ctx.community.pledges.pledges) if p.withdrawn is None]
    if not any(p.kind == expected for _, p in pledges):
        yield Result.unmet(f"没有{expected}", f"无{expected}", _key(ctx, "pledges.yml", "pledges"))
    for i, pledge in pledges:
        procedure = cat.PLEDGE_PROCEDURE.get(pledge.kind)
        if procedure is None:
            continue
        found = list(procedure_problems(pledge.procedure, procedure, cat.PROCEDURES[procedure]))
        for text, path in found:
            yield Result.unmet(f"《{pledge.title}》：{text}", f"{pledge.kind}程序不完整",
                               ctx.community.loc("pledges.yml", "pledges", i, "procedure", *path, key=not path))
        if not found:
            yield Result.met(f"{pledge.kind}经“{procedure}”通过")


def _survey_index(ctx: Context, survey: Any) -> int:
    return next(i for i, s in enumerate(ctx.community.surveys.surveys) if s is survey)


@rule("xingfuli.8.4.awareness-sample", "xingfuli", "8.4", W,
      "公约知晓率调查随机抽样，样本量达到常住居民的 10% 以上", "≥ 10%，随机抽样",
      "在 surveys.yml 中记录公约知晓率调查（kind: 公约知晓率）；样本不足的，下次调查扩大随机抽样。")
def awareness_sample(ctx: Context) -> Iterator[Result]:
    survey, share = ctx.figures.awareness_survey, ctx.figures.awareness_sample_share
    if survey is None:
        yield Result.unmet("没有公约知晓率调查", "无调查", _key(ctx, "surveys.yml", "surveys"))
        return
    i = _survey_index(ctx, survey)
    if not survey.random:
        yield Result.unmet(f"公约知晓率调查“{survey.title}”不是随机抽样", "非随机抽样",
                           _where(ctx, "surveys.yml", "surveys", i, "random"))
    if share is None or share < Decimal("0.1"):
        yield Result.unmet(f"公约知晓率调查“{survey.title}”的样本占常住人口 {pct(share)}，低于 10%", pct(share),
                           _where(ctx, "surveys.yml", "surveys", i, "respondents"))
    elif survey.random:
        yield Result.met(f"样本 {survey.respondents} 人，占 {pct(share)}", _where(ctx, "surveys.yml", "surveys", i))


@rule("xingfuli.8.4.awareness", "xingfuli", "8.4", E,
      "公约知晓率达到 80% 以上", "≥ 80%",
      "在 surveys.yml 的公约知晓率调查中填写知晓人数（aware）；知晓率不足的，加强公约宣传后再次调查。")
def awareness(ctx: Context) -> Iterator[Result]:
    survey, rate = ctx.figures.awareness_survey, ctx.figures.awareness_rate
    if survey is None:
        yield Result.unmet("没有公约知晓率调查，无法证明知晓率达到 80%", "无调查", _key(ctx, "surveys.yml", "surveys"))
        return
    where = _where(ctx, "surveys.yml", "surveys", _survey_index(ctx, survey), "aware")
    if rate is None:
        yield Result.unmet(f"公约知晓率调查“{survey.title}”没有填写知晓人数（aware）", "无数据", where)
    elif rate < Decimal("0.8"):
        yield Result.unmet(f"公约知晓率为 {pct(rate)}，低于 80%", pct(rate), where)
    else:
        yield Result.met(pct(rate), where)


# ================================================================ 8.5 joint meetings and social participation
def _held(ctx: Context, kind: str, span: Span) -> list[tuple[int, Activity]]:
    return [(i, a) for i, a in enumerate(ctx.community.activities.activities)
            if a.kind == kind and span.contains(a.date) and a.date <= ctx.as_of]


@rule("xingfuli.8.5.1.joint-meetings", "xingfuli", "8.5.1", E,
      "社区党组织牵头，居委会、业委会、物业三方联席会议每季度召开一次，会前开展三方联访", "每季度 1 次，会前联访",
      "在 activities.yml 中记录每季度的三方联席会议（kind: 三方联席会议）和会前的联合走访（kind: 走访）。")
def joint_meetings(ctx: Context) -> Iterator[Result]:
    first = ctx.figures.first_data_date
    quarters = spans("quarter", first, ctx.as_of) if first else []
    if not quarters:
        yield Result.unmet("没有任何活动记录", "无记录", _key(ctx, "activities.yml", "activities"))
    found: list[Result] = []
    held = 0
    for quarter in quarters:
        meetings, visits = _held(ctx, "三方联席会议", quarter), _held(ctx, "走访", quarter)
        if not meetings:
            if quarter.completed(ctx.as_of):
                found.append(Result.unmet(f"{quarter.label}没有召开三方联席会议", f"{quarter.label}未召开",
                                          _key(ctx, "activities.yml", "activities")))
        elif any(v.date <= m.date for _, m in meetings for _, v in visits):
            held += 1
        else:
            i, meeting = meetings[0]
            found.append(Result.unmet(
                f"{quarter.label}的三方联席会议（{meeting.date}）之前，本季度没有开展三方联访（kind: 走访）",
                f"{quarter.label}会前未联访", _where(ctx, "activities.yml", "activities", i)))
    if quarters:
        yield from found or [Result.met(f"{held} 个季度均先联访、再召开联席会议")]


@rule("xingfuli.8.5.2.social-participation", "xingfuli", "8.5.2", E,
      "社会组织与社区（小区）建立长期结对关系；机关企事业单位党员干部进社区（小区）报到", "结对、报到（自报）",
      "在 community.yml 的 declared 中填写 org_pairing 和 organ_party_members_report。")
def social_participation(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("org_pairing", "社会组织与社区结对"),
                         Declared("organ_party_members_report", "机关党员到社区报到"))


# ================================================================ 8.6 platform
@rule("xingfuli.8.6.platform", "xingfuli", "8.6", E,
      "建设覆盖“共享社·幸福里”建设区域的数字服务平台", "本网站已覆盖",
      "检查无误后，把 community.yml 中的 draft 改为 false，本社区的公示就会发布到本网站。")
def platform(ctx: Context) -> Iterator[Result]:
    if ctx.community.is_draft:
        yield Result.unmet(f"{ctx.community.name}是草稿（draft: true），不会发布到本网站", "未发布",
                           _where(ctx, "community.yml", "draft"))
    else:
        yield Result.met("本网站")


# ================================================================ 9.2 shared services
SHARED_FACTS = (("shared_sign", "挂共享标识"), ("free", "免费向居民开放"))


@rule("xingfuli.9.2.shared-facilities", "xingfuli", "9.2", E,
      "整合的资源和设施悬挂共享标识，面向群众免费开放", "已挂标识、免费开放（自报）",
      "在 scenes.yml 中为每个已建成场景填写 shared_sign 和 free；未做到的，挂上共享标识、免费开放。")
def shared_facilities(ctx: Context) -> Iterator[Result]:
    present = _present(ctx)
    if not present:
        yield Result.unmet("没有已建成的共享场所", "0 处", _key(ctx, "scenes.yml", "scenes"))
    for i, scene in present:
        gaps = [(key, label) for key, label in SHARED_FACTS if getattr(scene, key) is not True]
        for key, label in gaps:
            if getattr(scene, key) is None:
                yield Result.unmet(f"{scene.name}未填报是否{label}（{key}）", f"{scene.name}：未填报",
                                   _where(ctx, "scenes.yml", "scenes", i))
            else:
                yield Result.unmet(f"{scene.name}未{label}", f"{scene.name}：未{label}",
                                   _where(ctx, "scenes.yml", "scenes", i, key))
        if not gaps:
            yield Result.declared(f"{len(present)} 处场所挂共享标识并免费开放（自报）")


def _each_year(ctx: Context, kind: str, what: str) -> Iterator[Result]:
    """At least one activity of `kind` in every completed year, and in the current one once held."""
    years = _years(ctx)
    if not years:
        yield Result.unmet(f"没有任何{what}记录", "无记录", _key(ctx, "activities.yml", "activities"))
    for year in years:
        held = _held(ctx, kind, year)
        if held:
            yield Result.met(f"{year.label} {len(held)} 次")
        elif year.completed(ctx.as_of):
            yield Result.unmet(f"{year.label}没有举办{what}（kind: {kind}）", f"{year.label} 0 次",
                               _key(ctx, "activities.yml", "activities"))


@rule("xingfuli.9.2.item-exchange", "xingfuli", "9.2", E,
      "依托共享小屋等设施、平台开展居民物品交换共享活动", "每年至少 1 次",
      "在 activities.yml 中记录物品交换活动（kind: 物品交换）。")
def item_exchange(ctx: Context) -> Iterator[Result]:
    yield from _each_year(ctx, "物品交换", "物品交换共享活动")


# ================================================================ 9.3 elderly and 低保
@rule("xingfuli.9.3.monthly-visits", "xingfuli", "9.3", E,
      "空巢、留守、失能、重残、计划生育特殊家庭等特殊困难老年人每月至少探访一次", "每月一次（自报）",
      "在 community.yml 的 declared 中写 special_elderly_monthly_visits: true（做到时）。")
def monthly_visits(ctx: Context) -> Iterator[Result]:
    yield from _declared(ctx, Declared("special_elderly_monthly_visits", "特殊困难老人每月探访"))


@rule("xingfuli.9.3.elderly-services", "xingfuli", "9.3", E,
      "建立基本助老服务项目清单，清单内容和收费情况公开", "有清单，列明内容和收费",
      "在 services.yml 的 elderly_services 中逐项写明服务项目（item）、内容（content）和收费标准（fee）。")
def elderly_services(ctx: Context) -> Iterator[Result]:
    services = ctx.community.services.elderly_services
    where = _key(ctx, "services.yml", "elderly_services")
    if services:
        yield Result.met(f"{len(services)} 项，均列明内容和收费", where)
    else:
        yield Result.unmet("没有基本助老服务项目清单", "0 项", where)


@rule("xingfuli.9.3.dibao", "xingfuli", "9.3", E,
      "为社区低保对象提供登记公示", "有登记公示，写明公示期",
      "在 services.yml 的 dibao 中登记每次低保登记公示，并用 window 写明公示期（期满后名单只显示户数）。")
def dibao(ctx: Context) -> Iterator[Result]:
    registrations = [(i, r) for i, r in enumerate(ctx.community.services.dibao) if r.withdrawn is None]
    if not registrations:
        if ctx.community.profile.kind in ESTATE:
            yield Result.na("由所属社区统一登记公示")
        else:
            yield Result.unmet("没有低保对象登记公示", "0 次", _key(ctx, "services.yml", "dibao"))
    for i, registration in registrations:
        if registration.window is None:
            yield Result.unmet(f"低保登记公示“{registration.title}”没有写明公示期（window）", "未写公示期",
                               _where(ctx, "services.yml", "dibao", i))
        else:
            yield Result.met(f"{len(registrations)} 次登记公示")


# ================================================================ 9.4 neighbourhood activities
@rule("xingfuli.9.4.contest", "xingfuli", "9.4", E,
      "每年至少举办一次邻里赛事", "每年至少 1 次",
      "在 activities.yml 中记录邻里赛事（kind: 邻里赛事），如邻里运动会、厨艺比赛、棋牌赛。")
def contest(ctx: Context) -> Iterator[Result]:
    yield from _each_year(ctx, "邻里赛事", "邻里赛事")


def _month_problems(ctx: Context, month: Span, earlier: list[tuple[str, str]],
                    active: set[tuple[int, int]]) -> Iterator[Result]:
    """`active`: the (year, month) of every neighbourhood activity held by the reference date."""
    themes = ctx.community.activities.themes
    completed = month.completed(ctx.as_of)
    if completed and (month.start.year, month.start.month) not in active:
        yield Result.unmet(f"{month.label}没有开展邻里活动", f"{month.label}无活动", _key(ctx, "activities.yml", "activities"))
    theme = themes.get(month.key)
    if theme is None:
        if completed:
            yield Result.unmet(f"{month.label}没有月度主题", f"{month.label}无主题", _key(ctx, "activities.yml", "themes"))
        return
    same = [key for key, text in earlier if text == theme]
    if same:
        yield Result.unmet(f"{month.label}的主题“{theme}”与 {same[-1]} 相同", f"{month.label}主题重复",
                           _where(ctx, "activities.yml", "themes", month.key))


@rule("xingfuli.9.4.monthly-activities", "xingfuli", "9.4", W,
      "结合民俗节日（周）开展邻里活动，邻里活动每月有不同的主题", "每月有活动，主题各不相同",
      "在 activities.yml 中记录每月的邻里活动，并在 themes 下写每月主题（如 2025-03: 学雷锋志愿月），与前几个月不重复。")
def monthly_activities(ctx: Context) -> Iterator[Result]:
    first = ctx.figures.first_data_date
    months = spans("month", first, ctx.as_of) if first else []
    themes = ctx.community.activities.themes
    active = {(a.date.year, a.date.month) for a in ctx.community.activities.activities
              if a.kind not in GOVERNANCE_KINDS and a.date <= ctx.as_of}
    found: list[Result] = []
    for n, month in enumerate(months):
        earlier = [(m.key, themes[m.key]) for m in months[max(0, n - THEME_MEMORY_MONTHS):n] if m.key in themes]
        found.extend(_month_problems(ctx, month, earlier, active))
    if not months:
        found.append(Result.unmet("没有任何活动记录", "无记录", _key(ctx, "activities.yml", "activities")))
    yield from found or [Result.met(f"{len(months)} 个月均有活动和不同主题")]


# ================================================================ 10 satisfaction
def _normalised(content: str) -> str:
    """Compare survey contents without quotes and spaces; the standard itself writes 一老一少一特 once."""
    text = "".join(ch for ch in content if ch not in "“”\"'「」 　")
    return text.replace("一老一少一特", "一老一小一特").replace("共享社·幸福里", "")


@rule("xingfuli.10.survey-contents", "xingfuli", "10", E,
      "定期开展居民满意度调查，按满意、基本满意、不满意评价 8 项内容", "8 项内容",
      "在 surveys.yml 中记录满意度调查（kind: 满意度），items 中逐项写满意、基本满意、不满意人数。")
def survey_contents(ctx: Context) -> Iterator[Result]:
    survey = ctx.figures.satisfaction_survey
    if survey is None:
        yield Result.unmet("没有居民满意度调查", "无调查", _key(ctx, "surveys.yml", "surveys"))
        return
    rated = {_normalised(item.content) for item in survey.items}
    missing = [c for c in cat.SATISFACTION_CONTENTS if _normalised(c) not in rated]
    where = _key(ctx, "surveys.yml", "surveys", _survey_index(ctx, survey), "items")
    if missing:
        yield Result.unmet(f"满意度调查“{survey.title}”缺少评价内容：{'、'.join(missing)}",
                           f"{8 - len(missing)} 项（共 8 项）", where)
    else:
        yield Result.met("8 项内容均已评价", where)


@rule("xingfuli.10.survey-sample", "xingfuli", "10", W,
      "满意度调查样本量达到常住居民的 50% 以上", "≥ 50%",
      "扩大满意度调查的覆盖面；在 surveys.yml 中如实填写样本量（respondents）和调查时的常住人口（population）。")
def survey_sample(ctx: Context) -> Iterator[Result]:
    survey, share = ctx.figures.satisfaction_survey, ctx.figures.satisfaction_sample_share
    if survey is None:
        yield Result.unmet("没有居民满意度调查", "无调查", _key(ctx, "surveys.yml", "surveys"))
        return
    where = _where(ctx, "surveys.yml", "surveys", _survey_index(ctx, survey), "respondents")
    if share is not None and share >= Decimal("0.5"):
        yield Result.met(f"样本 {survey.respondents} 人，占 {pct(share)}", where)
    else:
        yield Result.unmet(f"满意度调查“{survey.title}”的样本占常住人口 {pct(share)}，低于 50%", pct(share), where)


def _weights_used(ctx: Context) -> str:
    if not ctx.community.profile.settings.survey_weights:
        return "等权"
    shown = "、".join(f"{content} {weight.normalize()}" for content, weight in ctx.figures.satisfaction_weights.items())
    return f"按设置的权重：{shown}"


@rule("xingfuli.10.satisfaction", "xingfuli", "10", I,
      "计算单项满意率（满意 + 基本满意）÷ 样本量，和按权重加权的总体满意度", "—",
      "权重可在 community.yml 的 settings.survey_weights 中按评价内容设置（合计为 1）；不设置则等权。")
def satisfaction(ctx: Context) -> Iterator[Result]:
    survey, overall = ctx.figures.satisfaction_survey, ctx.figures.satisfaction_overall
    configured = ctx.community.profile.settings.survey_weights or {}
    rated = {item.content for item in ctx.figures.satisfaction}
    for content in configured:
        if content not in rated:
            yield Result.unmet(f"满意度权重中的“{content}”不是调查的评价内容，没有计入", f"权重“{content}”未使用",
                               _where(ctx, "community.yml", "settings", "survey_weights", content))
    unweighted = sorted(rated - set(configured)) if configured else []
    for content in unweighted:
        yield Result.unmet(f"评价内容“{content}”没有设置满意度权重，按 0 计", f"“{content}”无权重",
                           _key(ctx, "community.yml", "settings", "survey_weights"))
    if survey is None:
        yield Result.unmet("没有居民满意度调查，无法计算满意度", "无调查", _key(ctx, "surveys.yml", "surveys"))
    elif overall is None:
        yield Result.unmet(f"满意度调查“{survey.title}”的数据不足以计算总体满意度", "无法计算",
                           _where(ctx, "surveys.yml", "surveys", _survey_index(ctx, survey)))
    else:
        items = "、".join(f"{i.content} {pct(i.rate)}" for i in ctx.figures.satisfaction)
        yield Result.met(f"总体 {pct(overall)}（{_weights_used(ctx)}）；单项：{items}",
                         _where(ctx, "surveys.yml", "surveys", _survey_index(ctx, survey)))
