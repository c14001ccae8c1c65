"""Each poster kind: which posters a community has (`entries`, cheap) and the
words of one of them (`content`), read from the validated records.

Nothing here validates or draws; withdrawn records have no poster (decisions 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from generator import addresses
from generator.figures import pct
from generator.model import catalogue as cat
from generator.model.records import FundLine, FundStatement, KeyItem
from generator.model.values import Window
from generator.money import line_amount, lines_parts, reconcile, yuan
from generator.posters.content import (
    Block, Column, Heading, Items, KeyFigures, Paragraph, PosterContent, Table, Text, t,
)
from generator.posters.fields import PosterContext, brand_of, cn_date, common_fields, objection_paragraph
from generator.posters.terms import term_box
from generator.model.windows import effective_window

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    page_path: str


@dataclass(frozen=True)
class Kind:
    name: str                     # part of the file name: funds-2025-a4.pdf
    layout: str                   # theme/posters/<layout>.yml
    entries: Callable[[PosterContext, tuple[str, ...]], list[Entry]]
    content: Callable[[PosterContext, str], "Built"]


Built = tuple[dict[str, Text], tuple[Block, ...], str, date]     # fields, body, brand, the poster's date


def _poster(ctx: PosterContext, fields: dict[str, Text], body: list[Block | None], day: date) -> Built:
    blocks = tuple(b for b in body if b is not None)
    box = term_box(fields["title"], blocks)
    return fields, blocks + ((box,) if box else ()), brand_of(ctx), day


# ---------------------------------------------------------------- 共有资金收支公示
def _statements(ctx: PosterContext) -> list[tuple[int, FundStatement]]:
    return [(i, s) for i, s in enumerate(ctx.community.funds.statements) if s.withdrawn is None]


def _statement_title(ctx: PosterContext, s: FundStatement) -> str:
    return s.title or f"{ctx.name}{s.account}收支公示（{s.period}）"


def funds_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    return [Entry(s.id, _statement_title(ctx, s), addresses.fund_statement(ctx.slug, s.id))
            for _, s in _statements(ctx)]


def _total(stated, lines: list[FundLine]) -> str:
    if stated is not None:
        return str(stated)
    parts = lines_parts(lines)
    if parts is None:
        return "未公布"
    sum_ = reconcile(None, parts)
    return ("约 " if not sum_.exact else "") + yuan(sum_.computed)


def _line_note(line: FundLine) -> str:
    notes = []
    if line.quantity is not None and line.unit_price is not None:
        notes.append(f"{line.quantity:f} {line.unit or ''} × {line.unit_price}".replace("  ", " "))
    notes += [v for v in (line.scope, line.party, line.note) if v]
    return "；".join(notes)


def funds_content(ctx: PosterContext, key: str) -> Built:
    index, s = next((i, s) for i, s in _statements(ctx) if s.id == key)
    path = ("statements", index)
    loc = lambda *p: ctx.loc("funds.yml", *path, *p)  # noqa: E731 - a short locator
    window = effective_window(s)
    fields = common_fields(ctx, t(_statement_title(ctx, s), loc("title")), window, "公布日期", s.disclosed)
    body: list[Block | None] = [Paragraph(t(f"期间：{s.period}　账户：{s.account}", loc("period")))]
    if s.agent:
        body.append(Paragraph(t(f"记账代理：{s.agent}", loc("agent"))))
    if s.nil:
        body.append(Paragraph(t("本期没有任何收入和支出。", loc("nil"))))
    body.append(KeyFigures((
        (t("期初余额"), t(s.opening if s.opening is not None else "未公布", loc("opening"))),
        (t("收入合计"), t(_total(s.income_total, s.income), loc("income_total"))),
        (t("支出合计"), t(_total(s.expense_total, s.expense), loc("expense_total"))),
        (t("期末余额"), t(s.closing if s.closing is not None else "未公布", loc("closing"))),
    )))
    if s.income:
        rows = tuple((t(line.item, loc("income", n, "item")), t(line.source or "", loc("income", n, "source")),
                      t(line_amount(line) or "—", loc("income", n, "amount"))) for n, line in enumerate(s.income))
        columns = (Column("项目", 3), Column("来源", 1.1), Column("金额", 1.5, "right"))
        total = (t("合计"), t(""), t(_total(s.income_total, s.income)))
        body += [Heading(t("收入明细")), Table("income", columns, rows, total)]
    if s.expense:
        rows = tuple((t(line.item, loc("expense", n, "item")), t(line_amount(line) or "—", loc("expense", n, "amount")),
                      t(_line_note(line), loc("expense", n))) for n, line in enumerate(s.expense))
        columns = (Column("项目", 2.6), Column("金额", 1.5, "right"), Column("说明", 2.2))
        total = (t("合计"), t(_total(s.expense_total, s.expense)), t(""))
        body += [Heading(t("支出明细")), Table("expense", columns, rows, total)]
    if s.sub_accounts:
        body += [Heading(t("分户账")), Table("sub_accounts", (Column("范围", 2), Column("期末余额", 1.5, "right")),
                                            tuple((t(a.scope, loc("sub_accounts", n, "scope")), t(a.closing))
                                                  for n, a in enumerate(s.sub_accounts)))]
    if s.acknowledged:
        body.append(Paragraph(t(f"说明：{s.acknowledged.reason}", loc("acknowledged", "reason")), "note"))
    if s.supersedes:
        body.append(Paragraph(t(f"本公示取代编号为 {s.supersedes} 的公示。", loc("supersedes")), "note"))
    body += _lifecycle(ctx, s, "funds.yml", path, window)
    return _poster(ctx, fields, body, s.disclosed)


def _lifecycle(ctx: PosterContext, record, filename: str, path: tuple, window: Window | None) -> list[Block | None]:
    """Changes, answered doubts and the objection channel: the end of every disclosure poster."""
    blocks: list[Block | None] = []
    if record.changes:
        blocks += [Heading(t("修订记录")), Items(tuple(
            t(f"{cn_date(c.date)}　{c.kind}：{c.reason}", ctx.loc(filename, *path, "changes", n, "reason"))
            for n, c in enumerate(record.changes)), numbered=False)]
    answered = [(n, o) for n, o in enumerate(record.objections) if o.answered and o.answer]
    if answered:
        blocks += [Heading(t("居民疑问与答复")), Items(tuple(
            t(f"{cn_date(o.received)} 收到：{o.summary}\n{cn_date(o.answered)} 答复：{o.answer}",
              ctx.loc(filename, *path, "objections", n)) for n, o in answered), numbered=False)]
    blocks.append(objection_paragraph(ctx, record.objection_channel, window, filename, path))
    return blocks


# ---------------------------------------------------------------- 关键事项及结果
def _items_of(ctx: PosterContext, year: int) -> list[tuple[int, KeyItem]]:
    return [(i, item) for i, item in enumerate(ctx.community.key_items.items)
            if item.year == year and item.withdrawn is None]


def items_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    years = sorted({i.year for i in ctx.community.key_items.items if i.withdrawn is None})
    return [Entry(str(y), f"{ctx.name}{y}年关键事项及结果", addresses.key_items_year(ctx.slug, y)) for y in years]


def _latest_window(items: list[KeyItem], as_of: date) -> Window | None:
    windows = [w for item in items for w in [effective_window(item)] + [effective_window(s) for s in item.steps] if w]
    started = [w for w in windows if w.start <= as_of]
    if started:
        return max(started, key=lambda w: (w.start, w.end))
    return min(windows, key=lambda w: (w.start, w.end)) if windows else None


def items_content(ctx: PosterContext, key: str) -> Built:
    year = int(key)
    found = _items_of(ctx, year)
    items = [item for _, item in found]
    dates = [d for item in items for d in [s.date for s in item.steps] + [m.date for m in item.milestones]
             if d <= ctx.as_of]
    updated = max(dates) if dates else ctx.as_of
    fields = common_fields(ctx, t(f"{ctx.name}{year}年关键事项及结果"), _latest_window(items, ctx.as_of),
                           "更新日期", updated)
    kind = ctx.community.profile.kind if ctx.community.profile else "社区"
    procedure = cat.PROCEDURE_FOR_KIND.get(kind, "五议两公开")
    body: list[Block | None] = [Paragraph(t(f"{year} 年共 {len(items)} 项关键事项，重大事项经“{procedure}”程序决定。"))]
    for index, item in found:
        loc = lambda *p, index=index: ctx.loc("key_items.yml", "items", index, *p)  # noqa: E731
        body.append(Heading(t(item.title, loc("title"))))
        facts = [f"类别：{item.category}", f"状态：{item.status}"]
        if item.progress is not None:
            facts.append(f"进度：{pct(item.progress / 100, 0)}")
        if item.budget is not None:
            facts.append(f"预算：{item.budget}")
        body.append(Paragraph(t("　".join(facts), loc("category"))))
        if item.scope:
            body.append(Paragraph(t(f"范围：{item.scope}", loc("scope"))))
        if item.result:
            body.append(Paragraph(t(f"结果：{item.result}", loc("result"))))
        elif item.description:
            body.append(Paragraph(t(f"内容：{item.description}", loc("description"))))
        if item.stop_reason:
            body.append(Paragraph(t(f"终止原因：{item.stop_reason}", loc("stop_reason"))))
        if item.steps:
            steps = " → ".join(f"{s.step}（{s.date.month}月{s.date.day}日）" for s in item.steps)
            body.append(Paragraph(t(f"程序：{steps}", loc("steps")), "note"))
    channel_item = next((item for item in items if item.objection_channel), None)
    body.append(objection_paragraph(ctx, channel_item.objection_channel if channel_item else None,
                                    _latest_window(items, ctx.as_of), "key_items.yml", ()))
    return _poster(ctx, fields, body, updated)


# ---------------------------------------------------------------- 本月活动日历
def calendar_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    wanted = months or (f"{ctx.as_of.year}-{ctx.as_of.month:02d}",)
    present = {f"{a.date.year}-{a.date.month:02d}" for a in ctx.community.activities.activities}
    present |= set(ctx.community.activities.themes)
    return [Entry(m, f"{ctx.name}{int(m[:4])}年{int(m[5:])}月活动日历", addresses.calendar_month(ctx.slug, m))
            for m in wanted if m in present]


def calendar_content(ctx: PosterContext, key: str) -> Built:
    year, month = int(key[:4]), int(key[5:])
    fields = common_fields(ctx, t(f"{ctx.name}{year}年{month}月活动日历"), None, "状态截至", ctx.as_of)
    activities = sorted(((n, a) for n, a in enumerate(ctx.community.activities.activities)
                         if a.date.year == year and a.date.month == month), key=lambda p: (p[1].date, p[1].time or ""))
    body: list[Block | None] = []
    theme = ctx.community.activities.themes.get(key)
    if theme:
        body.append(KeyFigures(((t("本月主题"), t(theme, ctx.loc("activities.yml", "themes", key))),)))
    if activities:
        body.append(Table("activities", (Column("日期", 1.35), Column("时间", 1.5), Column("活动", 3), Column("地点", 2.4)),
                          tuple((t(f"{a.date.month}月{a.date.day}日\n周{WEEKDAYS[a.date.weekday()]}"),
                                 t(a.time or "", ctx.loc("activities.yml", "activities", n, "time")),
                                 t(f"{a.title}（{a.kind}）", ctx.loc("activities.yml", "activities", n, "title")),
                                 t(a.place or "", ctx.loc("activities.yml", "activities", n, "place")))
                                for n, a in activities)))
    else:
        body.append(Paragraph(t("本月暂无已安排的活动，请关注社区通知。")))
    body.append(Paragraph(t("欢迎居民参加。活动如有调整，以社区网站上的日历为准。"), "note"))
    return _poster(ctx, fields, body, ctx.as_of)


# ---------------------------------------------------------------- 公约
def _pledges(ctx: PosterContext) -> list[tuple[int, object]]:
    return [(i, p) for i, p in enumerate(ctx.community.pledges.pledges) if p.withdrawn is None]


def pledge_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    return [Entry(p.id, p.title, addresses.pledges(ctx.slug)) for _, p in _pledges(ctx)]


def pledge_content(ctx: PosterContext, key: str) -> Built:
    index, pledge = next((i, p) for i, p in _pledges(ctx) if p.id == key)
    loc = lambda *p: ctx.loc("pledges.yml", "pledges", index, *p)  # noqa: E731
    window = effective_window(pledge)
    fields = common_fields(ctx, t(pledge.title, loc("title")), window,
                           "通过日期" if pledge.adopted else "状态截至", pledge.adopted or ctx.as_of)
    body: list[Block | None] = [Items(tuple(t(c, loc("clauses", n)) for n, c in enumerate(pledge.clauses)))]
    procedure = cat.PLEDGE_PROCEDURE.get(pledge.kind)
    if pledge.adopted:
        how = f"经“{procedure}”程序" if procedure and pledge.procedure else ""
        body.append(Paragraph(t(f"本公约{how}于 {cn_date(pledge.adopted)} 通过。", loc("adopted")), "note"))
    if pledge.vote:
        v = pledge.vote
        body.append(Paragraph(t(f"业主表决：参与 {v.participating.heads} 人（面积 {v.participating.area} ㎡），"
                                f"同意 {v.agree.heads} 人（面积 {v.agree.area} ㎡）。", loc("vote")), "note"))
    lists = ctx.community.pledges.renren
    if lists is not None and "renren" in ctx.community.profiles:
        body += _renren_lists(ctx, lists)
    body += _lifecycle(ctx, pledge, "pledges.yml", ("pledges", index), window)
    return _poster(ctx, fields, body, pledge.adopted or ctx.as_of)


def _renren_lists(ctx: PosterContext, lists) -> list[Block | None]:
    loc = lambda *p: ctx.loc("pledges.yml", "renren", *p)  # noqa: E731
    blocks: list[Block | None] = []
    if lists.responsibilities:
        blocks += [Heading(t("“人人”责任清单")), Table("responsibilities", (Column("责任主体", 1.2), Column("责任内容", 4)),
                   tuple((t(r.party, loc("responsibilities", n, "party")),
                          t("\n".join(r.items), loc("responsibilities", n, "items")))
                         for n, r in enumerate(lists.responsibilities)))]
    if lists.positive:
        blocks += [Heading(t("“人人”正面行为清单")),
                   Items(tuple(t(v, loc("positive", n)) for n, v in enumerate(lists.positive)), numbered=False)]
    if lists.negative:
        blocks += [Heading(t("“人人”负面行为清单")),
                   Items(tuple(t(v, loc("negative", n)) for n, v in enumerate(lists.negative)), numbered=False)]
    if lists.points:
        blocks += [Heading(t("“人人”积分清单")), Table("points", (Column("行为", 4), Column("积分", 1, "right")),
                   tuple((t(r.behaviour, loc("points", "rules", n, "behaviour")), t(f"{r.points:+d}"))
                         for n, r in enumerate(lists.points.rules))),
                   Paragraph(t("兑换规则：")),
                   Items(tuple(t(v, loc("points", "exchange", n)) for n, v in enumerate(lists.points.exchange)))]
    return blocks


# ---------------------------------------------------------------- 功能场景
def scenes_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    if not any(s.present for s in ctx.community.scenes.scenes):
        return []
    return [Entry("", f"{ctx.name}功能场景一览", addresses.scenes(ctx.slug))]


def scenes_content(ctx: PosterContext, key: str) -> Built:
    fields = common_fields(ctx, t(f"{ctx.name}功能场景一览"), None, "状态截至", ctx.as_of)
    present = [(n, s) for n, s in enumerate(ctx.community.scenes.scenes) if s.present]
    required, built = ctx.figures.scenes_required, ctx.figures.scenes_present
    body: list[Block | None] = []
    if required:
        body.append(KeyFigures(((t("标准所列场景"), t(f"已建 {len(built)} 项 / 共 {len(required)} 项")),
                                (t("全部场景"), t(f"{len(present)} 处")))))
    loc = lambda n, *p: ctx.loc("scenes.yml", "scenes", n, *p)  # noqa: E731
    columns = (Column("场景", 2.4), Column("位置", 3), Column("开放时间", 2.2), Column("步行", 1, "right"))
    body.append(Table("scenes", columns, tuple(
        (t(s.name, loc(n, "name")), t(s.place or "", loc(n, "place")), t(s.hours or "", loc(n, "hours")),
         t(f"{s.walk_minutes} 分钟" if s.walk_minutes is not None else "")) for n, s in present)))
    missing = [name for name in required if name not in built]
    if missing:
        body.append(Paragraph(t(f"尚未建成：{'、'.join(missing)}。")))
    body.append(Paragraph(t("挂“共享”标识的场所向居民免费开放；步行时间按最远住户测算。"
                            if "xingfuli" in ctx.community.profiles else "步行时间按最远住户测算。"), "note"))
    return _poster(ctx, fields, body, ctx.as_of)


# ---------------------------------------------------------------- 达标自评
def assessment_entries(ctx: PosterContext, months: tuple[str, ...]) -> list[Entry]:
    if not ctx.assessments:
        return []
    return [Entry("", f"{ctx.name}达标自评", addresses.assessment(ctx.slug))]


def assessment_content(ctx: PosterContext, key: str) -> Built:
    """A summary for the notice board: counts, what is not met, what is only declared,
    and the clauses that are met; every row with its figures is on the page the QR opens."""
    fields = common_fields(ctx, t(f"{ctx.name}达标自评"), None, "状态截至", ctx.as_of)
    standard = [a for a in ctx.assessments if a.rule.profile in ctx.community.profiles]
    checks = [a for a in ctx.assessments if a.rule.profile not in ctx.community.profiles]
    by_status = {label: [a for a in standard if a.status.label == label] for label in ("达标", "未达标", "自报", "不适用")}
    names = "、".join(cat.PROFILE_NAMES.get(p, p) for p in ctx.community.profiles)
    body: list[Block | None] = [
        Paragraph(t(f"对照标准：{names}")),
        KeyFigures(tuple((t(label), t(f"{len(rows)} 项")) for label, rows in by_status.items())),
    ]
    unmet = by_status["未达标"] + [a for a in checks if a.status.label == "未达标"]
    if unmet:
        body += [Heading(t("未达标")), Table("unmet", (Column("条款", 1.3), Column("要求", 3.6), Column("实测", 2.6)),
                                          tuple((t(a.rule.clause or "数据核对"), t(a.rule.requirement), t(a.figure or "—"))
                                                for a in unmet))]
    if by_status["自报"]:
        body += [Heading(t("自报事项（工作人员申报，尚无记录可核验）")),
                 Table("declared", (Column("条款", 1.3), Column("要求", 3.6), Column("申报", 2.6)),
                       tuple((t(a.rule.clause), t(a.rule.requirement), t(a.figure or "—")) for a in by_status["自报"]))]
    if by_status["达标"]:
        clauses = "、".join(dict.fromkeys(a.rule.clause for a in by_status["达标"] if a.rule.clause))
        body += [Heading(t(f"达标（{len(by_status['达标'])} 项）")), Paragraph(t(f"条款 {clauses}。"))]
    passed = sum(1 for a in checks if a.status.label == "达标")
    failed = sum(1 for a in checks if a.status.label == "未达标")
    body.append(Paragraph(t(f"数据核对（账目、日期、编号、个人信息保护）：通过 {passed} 项"
                            + (f"，未通过 {failed} 项" if failed else "") + "。")))
    body.append(Paragraph(t(f"以上结果由数据计算，状态截至 {cn_date(ctx.as_of)}；扫码查看每一项的实测数字和依据。"), "note"))
    return _poster(ctx, fields, body, ctx.as_of)


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("funds", "funds", funds_entries, funds_content),
    Kind("items", "items", items_entries, items_content),
    Kind("calendar", "calendar", calendar_entries, calendar_content),
    Kind("pledge", "pledge", pledge_entries, pledge_content),
    Kind("scenes", "scenes", scenes_entries, scenes_content),
    Kind("assessment", "assessment", assessment_entries, assessment_content),
)}


def kind_content(kind: Kind, ctx: PosterContext, key: str, url: str, mark_image: str | None) -> PosterContent:
    fields, body, brand, day = kind.content(ctx, key)
    return PosterContent(fields=fields, body=body, brand=brand, mark_image=mark_image, url=url, date=day.isoformat())

