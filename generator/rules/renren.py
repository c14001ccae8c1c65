"""Changzhou DB3204/T 1058—2023 《“人人社区”建设指南》 (profile `renren`).

Table 1 rows are cited as 表1-N (ids `renren.t1-N.…`). 约束性 rows are errors,
预期性 rows warnings, what the standard only describes is info. Facts only
staff can declare (民情日记, 善行榜, working groups) are 自报 (decisions 3).
Requirements that recur every month or quarter are checked for every period
that has ended, from the community's first dated record to the reference
date; the current period is not judged until it is over.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any, Iterator

from generator import addresses
from generator.figures import Span, num, pct, spans
from generator.findings import Location, Severity
from generator.model import catalogue as cat
from generator.model.records import Activity
from generator.rules.registry import Context, Result, rule

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
COMMUNITY = ("社区", "村")     # the guide is written for 社区 and 村, not for single estates

WORKING_GROUPS = ("综合协调组", "建设运行组", "新闻宣传组", "效果评价组")           # 5.1.1
MIN_ORGANISATIONS = {"社区": 10, "村": 5}                                          # 表1-6
AWARENESS_MIN = Decimal("0.9")                                                    # 表1-9
VOLUNTEER_SHARE_MIN = Decimal("0.2")                                              # 表1-11
M2_PER_100_HOUSEHOLDS_MIN = Decimal(30)                                           # 表1-13
RESIDENT_AREA_SHARE_MIN = Decimal("0.7")                                          # 表1-13
WASTE_SORTING_PERCENT = Decimal(100)                                              # 表1-17
SERVICE_CIRCLE_MINUTES = 15                                                       # 表1-18: 5/10/15-minute circle
SELF_SERVICE_AREA = "24小时自助服务区"                                              # 表1-18
SOCIAL_WORKERS_PER_10K_MIN = Decimal(18)                                          # 表1-19
SATISFACTION_MIN = Decimal("0.9")                                                 # 表1-19


def _where(ctx: Context, filename: str, *path: Any, key: bool = False) -> Location:
    return ctx.community.loc(filename, *path, key=key)


def _declared_key(ctx: Context, field: str) -> Location:
    """The declared field if written, else the `declared:` block (or the file)."""
    raw = ctx.community.docs.get("community.yml")
    written = raw is not None and isinstance(raw.data, dict) and field in (raw.data.get("declared") or {})
    if written:
        return _where(ctx, "community.yml", "declared", field)
    return _where(ctx, "community.yml", "declared", key=True)


# ================================================================ 5 organisation and pledges
@rule("renren.5.1.1.working-groups", "renren", "5.1.1", I,
      "成立综合协调组、建设运行组、新闻宣传组、效果评价组等工作小组", "4 个工作小组（自报）",
      "在 community.yml 的 declared 下写 working_groups: [综合协调组, 建设运行组, 新闻宣传组, 效果评价组]"
      "（写实际已成立的小组）。", kinds=COMMUNITY)
def working_groups(ctx: Context) -> Iterator[Result]:
    declared = ctx.community.profile.declared.working_groups
    missing = [g for g in WORKING_GROUPS if g not in declared]
    where = _declared_key(ctx, "working_groups")
    if missing:
        yield Result.unmet(f"未自报成立{'、'.join(missing)}", f"{len(WORKING_GROUPS) - len(missing)} 个小组（自报）", where)
    else:
        yield Result.declared(f"{'、'.join(WORKING_GROUPS)}（自报）", where)


@rule("renren.5.1.2.2.lists", "renren", "5.1.2.2", E,
      "公布《“人人社区”公约》《“人人”责任清单》《“人人”正面行为清单》《“人人”负面行为清单》和《“人人”积分清单》",
      "公约和 4 张清单均已公布",
      "在 pledges.yml 的 pledges 中登记人人社区公约（kind: 人人社区公约），并在 renren 下填写 responsibilities、"
      "positive、negative 和 points（积分规则 rules 与兑换规则 exchange）。", kinds=COMMUNITY)
def published_lists(ctx: Context) -> Iterator[Result]:
    pledges = [(i, p) for i, p in enumerate(ctx.community.pledges.pledges)
               if p.kind == "人人社区公约" and p.withdrawn is None]
    if pledges:
        i, pledge = pledges[0]
        yield Result.met(f"《{pledge.title}》", _where(ctx, "pledges.yml", "pledges", i))
    else:
        yield Result.unmet("没有公布《“人人社区”公约》（pledges.yml 中没有 kind: 人人社区公约 的公约）", "无公约",
                           _where(ctx, "pledges.yml", "pledges", key=True))
    yield from _renren_lists(ctx, ("responsibilities", "positive", "negative", "points"))


_LIST_NAMES = {
    "responsibilities": "《“人人”责任清单》", "positive": "《“人人”正面行为清单》",
    "negative": "《“人人”负面行为清单》", "points": "《“人人”积分清单》",
}


def _renren_lists(ctx: Context, keys: tuple[str, ...]) -> Iterator[Result]:
    lists = ctx.community.pledges.renren
    for key in keys:
        name = _LIST_NAMES[key]
        value = getattr(lists, key) if lists else None
        # the list's key line, or the `renren:` key when the list is not written
        where = _where(ctx, "pledges.yml", "renren", key, key=True) if lists else _where(ctx, "pledges.yml")
        if not value:
            yield Result.unmet(f"没有公布{name}（pledges.yml 的 renren.{key} 为空）", f"缺{name}", where)
        elif key == "points":
            yield Result.met(f"{name}：{len(value.rules)} 条积分规则、{len(value.exchange)} 条兑换规则", where)
        else:
            yield Result.met(f"{name}：{len(value)} 条", where)


# ================================================================ 表1-1 monthly 议事会, 表1-5 人人访谈
def _held(ctx: Context, kind: str, span: Span) -> bool:
    return any(a.kind == kind and span.contains(a.date) and a.date <= ctx.as_of
               for a in ctx.community.activities.activities)


def _runs(missing: list[Span]) -> list[list[Span]]:
    """Consecutive missing periods grouped, so a long gap is one finding."""
    runs: list[list[Span]] = []
    for span in missing:
        if runs and (runs[-1][-1].end.toordinal() + 1 == span.start.toordinal()):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def _insertion_point(ctx: Context, span: Span) -> Location:
    """Where a missing record belongs: the first activity dated in or after `span`."""
    activities: list[Activity] = ctx.community.activities.activities
    later = [(a.date, i) for i, a in enumerate(activities) if a.date >= span.start]
    if later:
        return _where(ctx, "activities.yml", "activities", min(later)[1])
    return _where(ctx, "activities.yml", "activities", key=True)


def _every(ctx: Context, unit: str, kind: str, what: str) -> Iterator[Result]:
    """At least one activity of `kind` in every completed month or quarter."""
    first = ctx.figures.first_data_date
    if first is None:
        yield Result.unmet(f"没有任何带日期的记录，无法确认{what}", "无记录",
                           _where(ctx, "activities.yml", "activities", key=True))
        return
    periods = [s for s in spans(unit, first, ctx.as_of) if s.completed(ctx.as_of)]
    if not periods:
        yield Result.na(f"第一个{'月' if unit == 'month' else '季度'}尚未结束")
        return
    missing = [s for s in periods if not _held(ctx, kind, s)]
    noun = "个月" if unit == "month" else "个季度"
    figure = f"{len(periods) - len(missing)}/{len(periods)} {noun}"
    for run in _runs(missing):
        label = run[0].label if len(run) == 1 else f"{run[0].label}至 {run[-1].label}（共 {len(run)} {noun}）"
        yield Result.unmet(f"{label}没有{what}（activities.yml 中没有 kind: {kind} 的活动）", figure,
                           _insertion_point(ctx, run[0]))
    if not missing:
        yield Result.met(f"{figure}（{periods[0].label}至 {periods[-1].label}）")


@rule("renren.t1-1.council", "renren", "表1-1", E,
      "强化社区自治平台功能，共商共治，每月召开 1 次议事会", "每月 1 次",
      "在 activities.yml 中记录每次议事会（kind: 议事会），写明日期和议题；确实漏开的月份应补开并如实记录。",
      kinds=COMMUNITY)
def monthly_council(ctx: Context) -> Iterator[Result]:
    yield from _every(ctx, "month", "议事会", "召开议事会")


@rule("renren.t1-5.interviews", "renren", "表1-5", E,
      "开展“人人访谈”，完善“民情日记”记录制度", "每季度至少 1 次人人访谈；民情日记（自报）",
      "在 activities.yml 中记录人人访谈（kind: 人人访谈）；建立民情日记记录制度后，在 community.yml 的 declared 下写 "
      "folk_diary: true。", kinds=COMMUNITY)
def interviews(ctx: Context) -> Iterator[Result]:
    yield from _every(ctx, "quarter", "人人访谈", "开展人人访谈")
    diary = ctx.community.profile.declared.folk_diary
    where = _declared_key(ctx, "folk_diary")
    if diary is True:
        yield Result.declared("民情日记：已建立（自报）", where)
    else:
        yield Result.unmet("未自报建立“民情日记”记录制度", "民情日记：未自报", where)


# ================================================================ 表1-6 organisations
@rule("renren.t1-6.organisations", "renren", "表1-6", W,
      "社区登记备案的社会组织不少于 10 个（村不少于 5 个）", "社区 ≥ 10 个，村 ≥ 5 个",
      "在 community.yml 的 organisations.registered 中填写登记备案的社会组织数；不足的，宜培育服务类、公益类、"
      "互助类社会组织并办理备案。", kinds=COMMUNITY)
def organisations(ctx: Context) -> Iterator[Result]:
    profile = ctx.community.profile
    needed = MIN_ORGANISATIONS[profile.kind]
    if profile.organisations is None:
        yield Result.unmet("未填写登记备案的社会组织数（organisations.registered）", "无数据",
                           _where(ctx, "community.yml"))
        return
    count = profile.organisations.registered
    where = _where(ctx, "community.yml", "organisations", "registered")
    if count >= needed:
        yield Result.met(f"{count} 个", where)
    else:
        yield Result.unmet(f"登记备案的社会组织有 {count} 个，少于 {needed} 个（{profile.kind}）", f"{count} 个", where)


# ================================================================ 表1-9 pledge, lists, points, honour board
@rule("renren.t1-9.awareness", "renren", "表1-9", E,
      "《“人人社区”公约》居民群众知晓率在 90% 以上", "≥ 90%",
      "在 surveys.yml 中记录公约知晓率调查（kind: 公约知晓率），填写样本量（respondents）和知晓人数（aware）；"
      "知晓率不足的，加强公约宣传后再次调查。", kinds=COMMUNITY)
def awareness(ctx: Context) -> Iterator[Result]:
    survey, rate = ctx.figures.awareness_survey, ctx.figures.awareness_rate
    if survey is None:
        yield Result.unmet("没有公约知晓率调查，无法证明知晓率达到 90%", "无调查", _where(ctx, "surveys.yml", "surveys", key=True))
        return
    index = next(i for i, s in enumerate(ctx.community.surveys.surveys) if s is survey)
    where = _where(ctx, "surveys.yml", "surveys", index, "aware")
    if rate is None:
        yield Result.unmet(f"公约知晓率调查“{survey.title}”没有填写知晓人数（aware）", "无数据", where)
    elif rate < AWARENESS_MIN:
        yield Result.unmet(f"公约知晓率为 {pct(rate)}（{survey.aware}/{survey.respondents}），低于 90%", pct(rate), where)
    else:
        yield Result.met(f"{pct(rate)}（{survey.date} 调查）", where)


@rule("renren.t1-9.lists", "renren", "表1-9", E,
      "制定居民正面（负面）行为清单；建立《人人积分清单》，完善积分兑换规则", "正面、负面行为清单和积分清单（含兑换规则）",
      "在 pledges.yml 的 renren 下填写 positive（正面行为）、negative（负面行为）和 points（rules 积分规则、"
      "exchange 兑换规则）。", kinds=COMMUNITY)
def behaviour_lists(ctx: Context) -> Iterator[Result]:
    yield from _renren_lists(ctx, ("positive", "negative", "points"))


@rule("renren.t1-9.honour-board", "renren", "表1-9", E,
      "设立人人善行榜、义举榜等平台，挖掘身边好人善举", "已设立（自报）",
      "设立善行榜或义举榜后，在 community.yml 的 declared 下写 honour_board: true。", kinds=COMMUNITY)
def honour_board(ctx: Context) -> Iterator[Result]:
    where = _declared_key(ctx, "honour_board")
    if ctx.community.profile.declared.honour_board is True:
        yield Result.declared("善行榜/义举榜：已设立（自报）", where)
    else:
        yield Result.unmet("未自报设立善行榜、义举榜", "未自报", where)


# ================================================================ 表1-11 volunteers
@rule("renren.t1-11.volunteers", "renren", "表1-11", E,
      "居民志愿者人数不少于社区常住人口的 20%", "≥ 常住人口 × 20%",
      "在 community.yml 的 volunteers 中填写注册志愿者人数；不足的，动员居民注册志愿者、打造志愿服务品牌。",
      kinds=COMMUNITY)
def volunteers(ctx: Context) -> Iterator[Result]:
    profile = ctx.community.profile
    residents = profile.population.residents
    needed = (Decimal(residents) * VOLUNTEER_SHARE_MIN).to_integral_value(rounding=ROUND_CEILING)
    if profile.volunteers is None:
        yield Result.unmet(f"未填写志愿者人数（volunteers），常住人口 {residents} 人需至少 {needed} 名志愿者", "无数据",
                           _where(ctx, "community.yml"))
        return
    share = ctx.figures.volunteer_ratio
    where = _where(ctx, "community.yml", "volunteers")
    figure = f"{profile.volunteers} 人，占常住人口 {pct(share)}"
    if share is not None and share >= VOLUNTEER_SHARE_MIN:
        yield Result.met(figure, where)
    else:
        yield Result.unmet(f"志愿者 {profile.volunteers} 人，占常住人口 {residents} 人的 {pct(share)}，"
                           f"低于 20%（至少需 {needed} 人）", figure, where)


# ================================================================ 表1-13 facility area
@rule("renren.t1-13.facilities", "renren", "表1-13", E,
      "社区综合服务设施每百户不少于 30 ㎡；居民服务和活动空间占综合服务设施面积 70% 以上",
      "每百户 ≥ 30 ㎡；居民服务和活动空间 ≥ 70%",
      "在 community.yml 的 facilities 中填写 service_area_m2（综合服务设施面积）和 resident_area_m2（居民服务与活动"
      "用房面积）；不足的，通过新建、改造或腾退办公用房补足。", kinds=COMMUNITY)
def facility_area(ctx: Context) -> Iterator[Result]:
    profile = ctx.community.profile
    if profile.facilities is None:
        yield Result.unmet("未填写社区综合服务设施面积（facilities）", "无数据", _where(ctx, "community.yml"))
        return
    per_100, share = ctx.figures.m2_per_100_households, ctx.figures.resident_area_share
    where = _where(ctx, "community.yml", "facilities", "service_area_m2")
    figure = f"每百户 {num(per_100)} ㎡"
    if per_100 is not None and per_100 >= M2_PER_100_HOUSEHOLDS_MIN:
        yield Result.met(figure, where)
    else:
        yield Result.unmet(f"综合服务设施 {profile.facilities.service_area_m2} ㎡、{profile.population.households} 户，"
                           f"每百户 {num(per_100)} ㎡，低于 30 ㎡", figure, where)
    if profile.facilities.resident_area_m2 is None:
        yield Result.unmet("未填写居民服务与活动用房面积（facilities.resident_area_m2）", "居民用房：无数据",
                           _where(ctx, "community.yml", "facilities"))
        return
    where = _where(ctx, "community.yml", "facilities", "resident_area_m2")
    figure = f"居民服务和活动空间占 {pct(share)}"
    if share is not None and share >= RESIDENT_AREA_SHARE_MIN:
        yield Result.met(figure, where)
    else:
        yield Result.unmet(f"居民服务和活动空间 {profile.facilities.resident_area_m2} ㎡，占综合服务设施面积的 "
                           f"{pct(share)}，低于 70%", figure, where)


# ================================================================ 表1-15, 表1-17, 表1-18 facilities
@rule("renren.t1-15.all-age", "renren", "表1-15", E,
      "推进全龄友好社区建设，配置养老托育、卫生健康、共享书屋、绿化步道、健身场馆等公共服务设施", "5 类设施齐全",
      "在 scenes.yml 中登记这 5 类设施（name 写“养老托育”“卫生健康”“共享书屋”“绿化步道”“健身场馆”），"
      "写明位置和开放时间；尚未建成的应新建、改造或利用底层架空层配置。", kinds=COMMUNITY)
def all_age_facilities(ctx: Context) -> Iterator[Result]:
    scenes = ctx.community.scenes.scenes
    present = [name for name in cat.RENREN_FACILITIES if any(s.name == name and s.present for s in scenes)]
    figure = f"{len(present)} 类（共 {len(cat.RENREN_FACILITIES)} 类）"
    absent = [name for name in cat.RENREN_FACILITIES if name not in present]
    not_built: dict[str, int] = {}      # listed with present: false -> its first entry
    for i, scene in enumerate(scenes):
        if scene.name in absent:
            not_built.setdefault(scene.name, i)
    for name, i in not_built.items():
        yield Result.unmet(f"全龄友好设施“{name}”尚未建成（present: false）", figure,
                           _where(ctx, "scenes.yml", "scenes", i, "present"))
    unlisted = [name for name in absent if name not in not_built]
    if unlisted:
        yield Result.unmet(f"缺少全龄友好设施：{'、'.join(f'“{n}”' for n in unlisted)}", figure,
                           _where(ctx, "scenes.yml", "scenes", key=True))
    if len(present) == len(cat.RENREN_FACILITIES):
        yield Result.met(figure, _where(ctx, "scenes.yml", "scenes", key=True))


@rule("renren.t1-17.waste-sorting", "renren", "表1-17", E,
      "生活垃圾收集房、分装桶等分类设施建成率 100%", "100%",
      "在 community.yml 的 facilities.waste_sorting_percent 中填写垃圾分类设施建成率；未到 100% 的，补建收集房和分类桶。",
      kinds=COMMUNITY)
def waste_sorting(ctx: Context) -> Iterator[Result]:
    facilities = ctx.community.profile.facilities
    value = facilities.waste_sorting_percent if facilities else None
    if value is None:
        where = _where(ctx, "community.yml", "facilities") if facilities else _where(ctx, "community.yml")
        yield Result.unmet("未填写垃圾分类设施建成率（facilities.waste_sorting_percent）", "无数据", where)
        return
    where = _where(ctx, "community.yml", "facilities", "waste_sorting_percent")
    if value >= WASTE_SORTING_PERCENT:
        yield Result.met(f"{value}%", where)
    else:
        yield Result.unmet(f"垃圾分类设施建成率为 {value}%，未达到 100%", f"{value}%", where)


@rule("renren.t1-18.service-circle", "renren", "表1-18", W,
      "构建 5/10/15 分钟便民服务圈；倡导设置 24 小时自助服务区", "设施步行 ≤ 15 分钟；设有 24 小时自助服务区",
      "在 scenes.yml 中为每处设施填写 walk_minutes（最远住户步行到达的分钟数）；超过 15 分钟的宜就近增设站点；"
      "设有 24 小时自助服务区的，登记 name: 24小时自助服务区。", kinds=COMMUNITY)
def service_circle(ctx: Context) -> Iterator[Result]:
    scenes = ctx.community.scenes.scenes
    problems = 0
    for i, scene in enumerate(scenes):
        if not scene.present:
            continue
        if scene.walk_minutes is None and scene.name in cat.RENREN_FACILITIES:
            problems += 1
            yield Result.unmet(f"“{scene.name}”未填写步行分钟数（walk_minutes），无法确认在 15 分钟服务圈内",
                               "步行时间未填写", _where(ctx, "scenes.yml", "scenes", i))
        elif scene.walk_minutes is not None and scene.walk_minutes > SERVICE_CIRCLE_MINUTES:
            problems += 1
            yield Result.unmet(f"“{scene.name}”步行需 {scene.walk_minutes} 分钟，超出 15 分钟便民服务圈",
                               f"{scene.name} {scene.walk_minutes} 分钟",
                               _where(ctx, "scenes.yml", "scenes", i, "walk_minutes"))
    self_service = [i for i, s in enumerate(scenes) if s.name == SELF_SERVICE_AREA and s.present]
    if self_service:
        yield Result.met("设有 24 小时自助服务区", _where(ctx, "scenes.yml", "scenes", self_service[0]))
    else:
        yield Result.unmet("没有 24 小时自助服务区（scenes.yml 中没有已建成的“24小时自助服务区”）", "无自助服务区",
                           _where(ctx, "scenes.yml", "scenes", key=True))
    if not problems:
        timed = [s.walk_minutes for s in scenes if s.present and s.walk_minutes is not None]
        if timed:
            yield Result.met(f"设施最远步行 {max(timed)} 分钟")


# ================================================================ 表1-19, 表1-20 social workers and satisfaction
@rule("renren.t1-19.social-workers", "renren", "表1-19", E,
      "按每万人 18 名社工的比例配备社区工作者；社区居民服务满意率达 90% 以上", "每万人 ≥ 18 名；满意率 ≥ 90%",
      "在 community.yml 的 social_workers 中逐年填写社区工作者人数，在 surveys.yml 中记录居民服务满意度调查"
      "（kind: 满意度）；社工不足的应按常住人口补足配备。", kinds=COMMUNITY)
def social_workers(ctx: Context) -> Iterator[Result]:
    profile, fig = ctx.community.profile, ctx.figures
    latest = fig.social_workers
    if latest is None:
        yield Result.unmet("未填写社区工作者人数（social_workers）", "社工：无数据", _where(ctx, "community.yml"))
    else:
        index = next(i for i, s in enumerate(profile.social_workers) if s is latest)
        where = _where(ctx, "community.yml", "social_workers", index, "count")
        figure = f"每万人 {num(fig.social_workers_per_10k)} 名社工（{latest.year} 年）"
        if fig.social_workers_per_10k is not None and fig.social_workers_per_10k >= SOCIAL_WORKERS_PER_10K_MIN:
            yield Result.met(figure, where)
        else:
            needed = (Decimal(profile.population.residents) * SOCIAL_WORKERS_PER_10K_MIN / 10_000).to_integral_value(
                rounding=ROUND_CEILING)
            yield Result.unmet(f"{latest.year} 年社区工作者 {latest.count} 名、常住人口 {profile.population.residents} 人，"
                               f"每万人 {num(fig.social_workers_per_10k)} 名，低于 18 名（至少需 {needed} 名）", figure, where)
    survey = fig.satisfaction_survey
    if survey is None:
        yield Result.unmet("没有居民服务满意度调查，无法证明满意率达到 90%", "满意率：无调查",
                           _where(ctx, "surveys.yml", "surveys", key=True))
        return
    index = next(i for i, s in enumerate(ctx.community.surveys.surveys) if s is survey)
    where = _where(ctx, "surveys.yml", "surveys", index)
    overall = fig.satisfaction_overall
    if overall is None:
        yield Result.unmet(f"满意度调查“{survey.title}”没有可计算的评价结果（items）", "满意率：无数据", where)
    elif overall >= SATISFACTION_MIN:
        yield Result.met(f"满意率 {pct(overall)}（{survey.date} 调查）", where)
    else:
        item = min(range(len(fig.satisfaction)), key=lambda n: fig.satisfaction[n].rate)
        lowest = fig.satisfaction[item]
        yield Result.unmet(f"居民服务满意率为 {pct(overall)}，低于 90%（最低的是“{lowest.content}” {pct(lowest.rate)}）",
                           f"满意率 {pct(overall)}", _where(ctx, "surveys.yml", "surveys", index, "items", item))


@rule("renren.t1-20.certification", "renren", "表1-20", W,
      "鼓励社工参加全国社会工作职业资格考试，社工持证率逐年递增", "持证率逐年提高",
      "在 community.yml 的 social_workers 中逐年填写人数（count）和持证人数（certified）；持证率未提高的，"
      "宜组织社工报考社会工作职业资格考试。", kinds=COMMUNITY)
def certification(ctx: Context) -> Iterator[Result]:
    years = sorted(enumerate(ctx.community.profile.social_workers), key=lambda pair: pair[1].year)
    if not years:
        yield Result.unmet("未填写社区工作者人数和持证人数（social_workers）", "无数据", _where(ctx, "community.yml"))
        return
    rates = [(i, s, Decimal(s.certified) / s.count if s.count else None) for i, s in years]
    shown = "、".join(f"{s.year} 年 {pct(r)}" for _, s, r in rates)
    if len(rates) == 1:
        yield Result.na(f"只有 {rates[0][1].year} 年的数据（{shown}），需两年以上才能比较")
        return
    falling = False
    for (_, before, old), (i, now, new) in zip(rates, rates[1:]):
        if new is None or old is None:
            continue
        if new <= old and new < 1:
            falling = True
            yield Result.unmet(f"{now.year} 年社工持证率 {pct(new)}（{now.certified}/{now.count}），"
                               f"未高于 {before.year} 年的 {pct(old)}", shown,
                               _where(ctx, "community.yml", "social_workers", i, "certified"))
    if not falling:
        yield Result.met(shown, _where(ctx, "community.yml", "social_workers", key=True))


# ================================================================ 7 evaluation
@rule("renren.7.self-assessment", "renren", "7.1、7.2", I,
      "依据建设任务表进行阶段性自我评价，并开展综合评价", "公开达标自评",
      "检查无误后，把 community.yml 中的 draft 改为 false：本网站会为社区发布“达标自评”页，逐项列出表 1 的完成情况，"
      "可作为自我评价和综合评价的材料。", kinds=COMMUNITY)
def self_assessment(ctx: Context) -> Iterator[Result]:
    page = addresses.assessment(ctx.community.slug)
    if ctx.community.is_draft:
        yield Result.unmet("社区仍是草稿（draft: true），“达标自评”页不会发布", "草稿，未发布",
                           _where(ctx, "community.yml", "draft"))
    else:
        yield Result.met(f"“达标自评”页：/{page}")
