"""Integrity rules (profile `integrity`): what makes published data untrustworthy.

These come from REQUIREMENTS.md "Beyond the standards" and the real-accounts
issue, not from a standard, so they have no clause. Their errors block
publishing (decisions 1); a severity never changes at run time, so a case
that is downgraded (an acknowledged discrepancy) has a rule of its own.

PASS: opening 100.00 + income 50.00 − expense 30.00, closing 120.00.
FAIL: the same with closing 125.00 -> "公布期末余额 125.00 元，期初 + 收入 − 支出
120.00 元，相差 5.00 元", located at the closing balance.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Literal

from generator import money
from generator.findings import Location, Severity
from generator.model import catalogue as cat
from generator.model.community import COMMUNITIES_DIR, SLUG, Community
from generator.model.errors import nearest
from generator.model.records import CommunityProfile, FundStatement, Vote
from generator.model.values import Disclosable
from generator.rules.registry import Context, Result, rule

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
FUNDS, ITEMS, PLEDGES, SURVEYS, SERVICES, LISTS, PROFILE = (
    "funds.yml", "key_items.yml", "pledges.yml", "surveys.yml", "services.yml", "lists.yml", "community.yml")
EVIDENCE_SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf")
SIDES: tuple[tuple[money.Side, str], ...] = (("income", "收入"), ("expense", "支出"))
AS_PUBLISHED = "如果公告原件本身就有这个差错，在该公示中写 acknowledged: {reason: …} 照录并说明原因。"


def integrity_rule(name: str, severity: Severity, requirement: str, hint: str) -> Callable:
    return rule(f"integrity.{name}", "integrity", "", severity, requirement, "—", hint)


def outcome(problems: Iterable[Result], checked: int, what: str) -> Iterator[Result]:
    """The problems found; else one 达标 row saying how much was checked."""
    found = list(problems)
    if found:
        yield from found
    elif checked:
        yield Result.met(f"已核对 {checked} {what}")
    else:
        yield Result.na("没有可核对的内容")


def profile_of(community: Community) -> CommunityProfile:
    """Rules run only on communities that loaded (pipeline.validate), so the profile is there."""
    assert community.profile is not None
    return community.profile


def line_of(community: Community, filename: str, *path: Any) -> int:
    return community.loc(filename, *path).line


def span(first: int, last: int) -> str:
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


# ================================================================ fund reconciliation
@dataclass(frozen=True)
class FundCheck:
    """One reconciliation inside a statement, with the places it compares."""

    kind: Literal["balance", "totals", "sub-accounts", "line-amount", "allocations"]
    statement: FundStatement
    result: money.Reconciliation
    where: Location          # the stated figure
    subject: str             # "收支公示“2024”的支出合计"
    other: str               # where the other figures stand: "明细在第 19–25 行"

    @property
    def mismatch_message(self) -> str:
        return f"{self.subject}不符：{self.result.sentence}（{self.other}）"


def statement_name(statement: FundStatement) -> str:
    return f"收支公示“{statement.id}”"


# Seven rules read the same checks: the last community's, held by identity
# (rules run one community at a time, so one entry is enough).
_last_checks: list[tuple[Community, list[FundCheck]]] = []


def fund_checks(community: Community) -> list[FundCheck]:
    entry = _last_checks[0] if _last_checks else None
    if entry is None or entry[0] is not community:
        entry = (community, list(_fund_checks(community)))
        _last_checks[:] = [entry]      # a local entry is returned: safe if rules ever run in threads
    return entry[1]


def _fund_checks(community: Community) -> Iterator[FundCheck]:
    for i, s in enumerate(community.funds.statements):
        def at(*path: Any) -> Location:
            return community.loc(FUNDS, "statements", i, *path)

        name = statement_name(s)
        if r := money.balance(s):
            yield FundCheck("balance", s, r, at("closing"), f"{name}的期末余额", f"期初余额在第 {at('opening').line} 行")
        for side, label in SIDES:
            lines = getattr(s, side)
            if r := money.stated_total(s, side):
                yield FundCheck("totals", s, r, at(f"{side}_total"), f"{name}的{label}合计",
                                f"明细在{span(at(side, 0).line, at(side, len(lines) - 1).line)}")
            for j, line in enumerate(lines):
                amount_at = at(side, j, "amount") if line.amount is not None else at(side, j)
                if r := money.line_product(line):
                    yield FundCheck("line-amount", s, r, amount_at, f"{name}{label}明细“{line.item}”的金额",
                                    f"数量、单价在第 {at(side, j, 'unit_price').line} 行")
                if r := money.allocations_total(line):
                    last = len(line.allocations) - 1
                    yield FundCheck("allocations", s, r, amount_at, f"{name}{label}明细“{line.item}”的分摊",
                                    f"分摊在{span(at(side, j, 'allocations', 0).line, at(side, j, 'allocations', last).line)}")
        if r := money.sub_accounts_total(s):
            last = len(s.sub_accounts) - 1
            yield FundCheck("sub-accounts", s, r, at("closing"), f"{name}的分户账合计",
                            f"分户账在{span(at('sub_accounts', 0).line, at('sub_accounts', last).line)}")
        for k, account in enumerate(s.sub_accounts):
            if r := money.sub_account_balance(account):
                yield FundCheck("sub-accounts", s, r, at("sub_accounts", k, "closing"),
                                f"{name}分户账“{account.scope}”的期末余额",
                                f"期初余额在第 {at('sub_accounts', k, 'opening').line} 行")


def mismatches(ctx: Context, kind: str) -> tuple[list[Result], int]:
    """Discrepancies of one kind in statements not acknowledged, and how many were checked."""
    checks = [c for c in fund_checks(ctx.community) if c.kind == kind and c.statement.acknowledged is None]
    return [Result.unmet(c.mismatch_message, c.result.sentence, c.where) for c in checks if c.result.mismatch], len(checks)


@integrity_rule("funds-balance", E, "收支公示期初余额 + 收入 − 支出 = 期末余额",
                "核对期初余额、收入合计、支出合计和期末余额，按公告原件改正录入错误。" + AS_PUBLISHED)
def funds_balance(ctx: Context) -> Iterator[Result]:
    return outcome(*mismatches(ctx, "balance"), "处")


@integrity_rule("funds-totals", E, "公布的收入合计、支出合计等于各自明细之和",
                "逐行核对明细金额和合计，按公告原件改正录入错误。" + AS_PUBLISHED)
def funds_totals(ctx: Context) -> Iterator[Result]:
    return outcome(*mismatches(ctx, "totals"), "处")


@integrity_rule("funds-sub-accounts", E, "各分户账期末余额之和等于公示的期末余额，分户账自身收支平衡",
                "核对各分户账的期初、收入、支出和期末余额。" + AS_PUBLISHED)
def funds_sub_accounts(ctx: Context) -> Iterator[Result]:
    return outcome(*mismatches(ctx, "sub-accounts"), "处")


@integrity_rule("funds-allocations", E, "一笔收支的分摊金额之和等于该笔金额",
                "核对 allocations 中各分摊对象的金额，使其合计等于该笔金额。" + AS_PUBLISHED)
def funds_allocations(ctx: Context) -> Iterator[Result]:
    return outcome(*mismatches(ctx, "allocations"), "处")


@integrity_rule("funds-line-amount", E, "收支明细有金额；同时写了数量和单价时，数量 × 单价等于金额",
                "核对数量、单价和金额；只有数量和单价时可以不写金额，由数量 × 单价得出。" + AS_PUBLISHED)
def funds_line_amount(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = mismatches(ctx, "line-amount")[0], 0
    for i, s in enumerate(c.funds.statements):
        for side, label in SIDES:
            for j, line in enumerate(getattr(s, side)):
                checked += 1
                if money.line_amount(line) is None:
                    problems.append(Result.unmet(
                        f"{statement_name(s)}{label}明细“{line.item}”没有金额，也没有数量和单价", "无金额",
                        c.loc(FUNDS, "statements", i, side, j)))
    return outcome(problems, checked, "笔明细")


@integrity_rule("funds-acknowledged", W, "照录的已公布差错：收支不平的数字按公告原样录入，并说明原因",
                "页面会注明该数字照录自已公布的文件。公告更正后，改为更正后的数字并删除 acknowledged。")
def funds_acknowledged(ctx: Context) -> Iterator[Result]:
    checks = [(c, c.statement.acknowledged) for c in fund_checks(ctx.community) if c.statement.acknowledged]
    problems = (Result.unmet(f"{c.mismatch_message}；已按公布原样照录：{ack.reason}", c.result.sentence, c.where)
                for c, ack in checks if c.result.mismatch)
    return outcome(problems, len(checks), "处")


@integrity_rule("funds-approximate", I, "含约数（约、余、多、近）的金额不参与精确核对",
                "如能取得准确数字，按准确数字填写；否则保留约数，页面会说明无法精确核对。")
def funds_approximate(ctx: Context) -> Iterator[Result]:
    checks = list(fund_checks(ctx.community))
    problems = (Result.unmet(f"{c.subject}{c.result.sentence}（{c.other}）", "含约数", c.where)
                for c in checks if not c.result.exact)
    return outcome(problems, len(checks), "处")


@integrity_rule("funds-nil", E, "写明“本期无收支”（nil: true）的公示没有收支明细和金额",
                "本期确有收支时删除 nil: true；确实没有收支时删除收支明细。")
def funds_nil(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    nil = [(i, s) for i, s in enumerate(c.funds.statements) if s.nil]
    problems = []
    for i, s in nil:
        for side, label in SIDES:
            if getattr(s, side):
                problems.append(Result.unmet(f"{statement_name(s)}写明本期无收支（第 {line_of(c, FUNDS, 'statements', i, 'nil')} 行），"
                                             f"但列有 {len(getattr(s, side))} 笔{label}", "有明细",
                                             c.loc(FUNDS, "statements", i, side, 0)))
            total = getattr(s, f"{side}_total")
            if total is not None and total.value != 0:
                problems.append(Result.unmet(f"{statement_name(s)}写明本期无收支，但{label}合计为 {total}", "合计不为零",
                                             c.loc(FUNDS, "statements", i, f"{side}_total")))
    return outcome(problems, len(nil), "份无收支公示")


# ================================================================ periods and ids
def overlap(a: FundStatement, b: FundStatement) -> bool:
    if a.period.start is None and b.period.start is None:
        return False  # cumulative "since inception" statements are meant to overlap
    return (a.period.start is None or a.period.start <= b.period.end) and \
        (b.period.start is None or b.period.start <= a.period.end)


@integrity_rule("funds-periods", E, "同一账户的收支公示期间不重叠（被取代的公示除外）",
                "检查期间是否写错；如果新公示取代了旧公示，在新公示中写 supersedes: 旧公示编号。")
def funds_periods(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    statements = c.funds.statements
    superseded = {s.supersedes for s in statements if s.supersedes}
    active = [(i, s) for i, s in enumerate(statements) if s.id not in superseded and s.withdrawn is None]
    problems = []
    for n, (j, b) in enumerate(active):
        for i, a in active[:n]:
            if a.account == b.account and overlap(a, b):
                problems.append(Result.unmet(
                    f"{statement_name(b)}的期间 {b.period} 与{statement_name(a)}（第 {line_of(c, FUNDS, 'statements', i, 'period')} 行）"
                    f"的期间 {a.period} 重叠，账户都是“{b.account}”", "期间重叠", c.loc(FUNDS, "statements", j, "period")))
                break
    return outcome(problems, len(active), "份公示")


@integrity_rule("supersedes", E, "supersedes 写的是本文件中另一份收支公示的编号",
                "写被取代的那份公示的 id；不取代任何公示时删除 supersedes。")
def supersedes_exists(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    ids = [s.id for s in c.funds.statements]
    problems, checked = [], 0
    for i, s in enumerate(c.funds.statements):
        if s.supersedes is None:
            continue
        checked += 1
        where = c.loc(FUNDS, "statements", i, "supersedes")
        if s.supersedes == s.id:
            problems.append(Result.unmet(f"{statement_name(s)}写明取代自己", "取代自己", where))
        elif s.supersedes not in ids:
            guess = nearest(s.supersedes, [x for x in ids if x != s.id])
            problems.append(Result.unmet(f"{statement_name(s)}取代的公示“{s.supersedes}”不存在", "编号不存在", where,
                                         f"是否想写“{guess}”？" if guess else ""))
    return outcome(problems, checked, "处取代关系")


def id_groups(c: Community) -> Iterator[tuple[str, str, list[tuple[str, tuple[Any, ...]]]]]:
    """(file, what, [(id, path to the record)]) for every kind of record with an id."""
    yield FUNDS, "收支公示", [(s.id, ("statements", i)) for i, s in enumerate(c.funds.statements)]
    yield ITEMS, "关键事项", [(k.id, ("items", i)) for i, k in enumerate(c.key_items.items)]
    yield SURVEYS, "调查", [(s.id, ("surveys", i)) for i, s in enumerate(c.surveys.surveys)]
    yield PLEDGES, "公约", [(p.id, ("pledges", i)) for i, p in enumerate(c.pledges.pledges)]
    yield SERVICES, "低保登记公示", [(r.id, ("dibao", i)) for i, r in enumerate(c.services.dibao)]
    # Key items cite list entries by id, so the four lists share one set of ids.
    yield LISTS, "清单条目", [(e.id, (key, i)) for key in cat.FOUR_LIST_KEYS
                            for i, e in enumerate(getattr(c.lists, key))]


@integrity_rule("unique-ids", E, "同一文件中的记录编号不重复（编号是网址的一部分，不区分大小写）",
                "给重复的记录换一个新编号；已发布的编号不要改。")
def unique_ids(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = [], 0
    for filename, what, records in id_groups(c):
        first: dict[str, tuple[Any, ...]] = {}
        for record_id, path in records:
            checked += 1
            key = record_id.casefold()
            if key in first:
                problems.append(Result.unmet(
                    f"{what}编号“{record_id}”重复（第一次在第 {line_of(c, filename, *first[key], 'id')} 行）", "编号重复",
                    c.loc(filename, *path, "id")))
            else:
                first[key] = path
    return outcome(problems, checked, "个编号")


# ================================================================ dates
def procedure_order(c: Community, steps: list[Any], procedure: str, filename: str,
                    path: tuple[Any, ...]) -> Iterator[Result]:
    """Steps listed in the procedure's order, each dated no earlier than the one before."""
    order = cat.PROCEDURES[procedure]
    furthest: tuple[int, int] | None = None     # (index in the procedure, position in the list)
    for n, step in enumerate(steps):
        where = c.loc(filename, *path, n)
        rank = order.index(step.step) if step.step in order else None
        if rank is not None and furthest is not None and rank < furthest[0]:
            before = steps[furthest[1]]
            yield Result.unmet(f"步骤“{step.step}”排在“{before.step}”（第 {line_of(c, filename, *path, furthest[1])} 行）"
                               f"之后，但按“{procedure}”应在其之前", "步骤顺序颠倒", where,
                               "按标准的程序顺序排列步骤，并核对各步骤的日期。")
            continue
        if rank is not None and (furthest is None or rank >= furthest[0]):
            furthest = (rank, n)
        if n and step.date < steps[n - 1].date:
            previous = steps[n - 1]
            yield Result.unmet(f"步骤“{step.step}”的日期 {step.date} 早于上一步“{previous.step}”"
                               f"（第 {line_of(c, filename, *path, n - 1)} 行）的日期 {previous.date}", "日期倒序",
                               c.loc(filename, *path, n, "date"))


@integrity_rule("step-order", E, "议事程序的步骤按标准的顺序排列，日期不倒序",
                "按“五议两公开”或“三审两公开一备案”的顺序排列步骤，核对每一步的日期。")
def step_order(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    kind_procedure = cat.PROCEDURE_FOR_KIND[profile_of(c).kind]
    problems: list[Result] = []
    checked = 0
    for i, item in enumerate(c.key_items.items):
        checked += bool(item.steps)
        problems += procedure_order(c, item.steps, kind_procedure, ITEMS, ("items", i, "steps"))
    for i, pledge in enumerate(c.pledges.pledges):
        checked += bool(pledge.procedure)
        procedure = cat.PLEDGE_PROCEDURE.get(pledge.kind, kind_procedure)
        problems += procedure_order(c, pledge.procedure, procedure, PLEDGES, ("pledges", i, "procedure"))
    return outcome(problems, checked, "项议事程序")


def disclosables(c: Community) -> Iterator[tuple[str, tuple[Any, ...], Disclosable]]:
    """Every record that can be disclosed, with its file and path."""
    for i, s in enumerate(c.funds.statements):
        yield FUNDS, ("statements", i), s
    for i, item in enumerate(c.key_items.items):
        yield ITEMS, ("items", i), item
        for n, step in enumerate(item.steps):
            yield ITEMS, ("items", i, "steps", n), step
    for i, p in enumerate(c.pledges.pledges):
        yield PLEDGES, ("pledges", i), p
    for i, survey in enumerate(c.surveys.surveys):
        yield SURVEYS, ("surveys", i), survey
    for i, r in enumerate(c.services.dibao):
        yield SERVICES, ("dibao", i), r


def votes(c: Community) -> Iterator[tuple[str, tuple[Any, ...], Vote]]:
    for i, item in enumerate(c.key_items.items):
        if item.vote:
            yield ITEMS, ("items", i, "vote"), item.vote
    for i, p in enumerate(c.pledges.pledges):
        if p.vote:
            yield PLEDGES, ("pledges", i, "vote"), p.vote


def date_ranges(c: Community) -> Iterator[tuple[str, tuple[Any, ...], str, date, date | None]]:
    """(file, path, what, start, end) of every dated span."""
    for filename, path, record in disclosables(c):
        if record.window:
            yield filename, path + ("window",), "公示期", record.window.start, record.window.end
        for k, change in enumerate(record.changes):
            if change.window:
                yield filename, path + ("changes", k, "window"), "重新公示的公示期", change.window.start, change.window.end
    for filename, path, vote in votes(c):
        yield filename, path, "表决", vote.start, vote.end


@integrity_rule("date-ranges", E, "公示期、表决期的结束日期不早于开始日期", "核对开始和结束日期，可能把两个日期写反了。")
def date_ranges_rule(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    spans = list(date_ranges(c))
    problems = (Result.unmet(f"{what}的结束日期 {end} 早于开始日期 {start}", "结束早于开始",
                             c.loc(filename, *path, "end"))
                for filename, path, what, start, end in spans if end is not None and end < start)
    return outcome(problems, len(spans), "个期间")


@integrity_rule("republish-window", E, "“重新公示”的修订记录写明新的公示期",
                "在这条修订记录中加上 window: {start: 开始日期, end: 结束日期}。")
def republish_window(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = [], 0
    for filename, path, record in disclosables(c):
        for k, change in enumerate(record.changes):
            if change.kind == "重新公示":
                checked += 1
                if change.window is None:
                    problems.append(Result.unmet(f"{change.date} 的“重新公示”没有写新的公示期", "缺少公示期",
                                                 c.loc(filename, *path, "changes", k, "kind")))
    return outcome(problems, checked, "次重新公示")


@integrity_rule("objection-dates", E, "居民疑问的答复日期不早于收到日期", "核对收到日期和答复日期。")
def objection_dates(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = [], 0
    for filename, path, record in disclosables(c):
        for k, objection in enumerate(record.objections):
            checked += 1
            if objection.answered is not None and objection.answered < objection.received:
                problems.append(Result.unmet(
                    f"疑问的答复日期 {objection.answered} 早于收到日期 {objection.received}"
                    f"（第 {line_of(c, filename, *path, 'objections', k, 'received')} 行）", "答复早于收到",
                    c.loc(filename, *path, "objections", k, "answered")))
    return outcome(problems, checked, "条疑问")


@integrity_rule("funds-disclosed", W, "收支公示的公布日期不早于所公示期间的结束日期",
                "核对公布日期和期间；期中公布的应写成截至公布日的期间。")
def funds_disclosed(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    statements = c.funds.statements
    problems = (Result.unmet(f"{statement_name(s)}的公布日期 {s.disclosed} 早于期间 {s.period} 的结束日期 {s.period.end}",
                             "公布早于期末", c.loc(FUNDS, "statements", i, "disclosed"))
                for i, s in enumerate(statements) if s.disclosed < s.period.end)
    return outcome(problems, len(statements), "份公示")


@integrity_rule("milestone-dates", W, "关键事项的实施进展日期不早于议事程序的第一步",
                "核对进展日期；议事程序开始前的准备工作可以写在说明（description）中。")
def milestone_dates(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = [], 0
    for i, item in enumerate(c.key_items.items):
        if not item.steps:
            continue
        first = min(range(len(item.steps)), key=lambda n: item.steps[n].date)
        start = item.steps[first].date
        for k, milestone in enumerate(item.milestones):
            checked += 1
            if milestone.date < start:
                problems.append(Result.unmet(
                    f"关键事项“{item.id}”的进展“{milestone.text}”日期 {milestone.date} 早于议事程序第一步"
                    f"“{item.steps[first].step}”（第 {line_of(c, ITEMS, 'items', i, 'steps', first)} 行）的日期 {start}",
                    "进展早于程序", c.loc(ITEMS, "items", i, "milestones", k, "date")))
    return outcome(problems, checked, "条进展")


# ================================================================ references
@integrity_rule("parent", E, "小区的所属社区（parent）是 communities/ 下一个类型为社区或村的文件夹",
                "parent 写所属社区的文件夹名，如 wangjiang。")
def parent_community(ctx: Context) -> Iterator[Result]:
    c, profile = ctx.community, profile_of(ctx.community)
    if profile.kind != "小区" or profile.parent is None:
        yield Result.na("不是小区或未写所属社区")
        return
    where = c.loc(PROFILE, "parent")
    name = profile.parent
    found = ctx.city.communities.get(name)
    if found is None:
        renamed = [slug for slug, other in ctx.city.communities.items()
                   if other.profile and name in other.profile.old_slugs]
        if renamed:
            yield Result.unmet(f"所属社区“{name}”已改名为“{renamed[0]}”", "已改名", where, f"改为 parent: {renamed[0]}")
        elif (ctx.city.root / COMMUNITIES_DIR / name).is_dir():
            yield Result.met(f"所属社区 {name}（本次未检查）", where)   # a partial run (--changed) did not load it
        else:
            guess = nearest(name, [s for s in ctx.city.communities if s != c.slug])
            yield Result.unmet(f"所属社区“{name}”不存在：{COMMUNITIES_DIR}/ 下没有这个文件夹", "社区不存在", where,
                               f"是否想写“{guess}”？" if guess else "")
    elif found.profile is None:
        yield Result.met(f"所属社区 {name}（其概况未能读取）", where)
    elif found.profile.kind not in ("社区", "村"):
        yield Result.unmet(f"所属社区“{name}”的类型是{found.profile.kind}，应为社区或村", "类型不对", where)
    else:
        yield Result.met(f"所属社区 {found.profile.name}", where)


@integrity_rule("source", E, "关键事项的来源（source）是四张清单（lists.yml）中某一条目的编号",
                "source 写 lists.yml 中条目的 id，如 N-2025-03；没有来源时删除 source。")
def source_entry(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    ids = [e.id for key in cat.FOUR_LIST_KEYS for e in getattr(c.lists, key)]
    cited = [(i, item) for i, item in enumerate(c.key_items.items) if item.source]
    problems = []
    for i, item in cited:
        if item.source not in ids:
            guess = nearest(item.source or "", ids)
            problems.append(Result.unmet(f"关键事项“{item.id}”的来源“{item.source}”不在四张清单（{LISTS}）中", "条目不存在",
                                         c.loc(ITEMS, "items", i, "source"),
                                         f"是否想写“{guess}”？" if guess else f"在 {LISTS} 中登记这个条目。"))
    return outcome(problems, len(cited), "个来源")


def evidence_files(c: Community) -> Iterator[tuple[tuple[Any, ...], str]]:
    for i, item in enumerate(c.key_items.items):
        for n, step in enumerate(item.steps):
            for k, ev in enumerate(step.evidence):
                yield ("items", i, "steps", n, "evidence", k, "file"), ev.file
        for n, milestone in enumerate(item.milestones):
            for k, ev in enumerate(milestone.evidence):
                yield ("items", i, "milestones", n, "evidence", k, "file"), ev.file


def evidence_problem(c: Community, name: str) -> str | None:
    relative = name.replace("\\", "/")
    if relative.startswith("/") or ".." in relative.split("/"):
        return f"附件“{name}”应写成本社区文件夹内的相对路径，如 evidence/照片.jpg"
    if not relative.lower().endswith(EVIDENCE_SUFFIXES):
        return f"附件“{name}”的格式不支持：只能是 JPG、PNG 照片或 PDF"
    if not os.path.isfile(c.folder / relative):   # unlike Path.is_file, never raises on odd names
        return f"附件“{name}”不存在：{COMMUNITIES_DIR}/{c.slug}/{relative} 没有这个文件"
    return None


@integrity_rule("evidence", E, "附件是本社区文件夹中存在的 JPG、PNG 或 PDF 文件",
                "把照片或 PDF 放进本社区的 evidence/ 文件夹，file 写 evidence/文件名（注意大小写和扩展名）。")
def evidence_exists(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    files = list(evidence_files(c))
    problems = (Result.unmet(problem, "附件缺失", c.loc(ITEMS, *path))
                for path, name in files if (problem := evidence_problem(c, name)))
    return outcome(problems, len(files), "个附件")


# ================================================================ counts
def exceeds(part: int | Decimal, whole: int | Decimal, message: str, where: Location) -> Result | None:
    return Result.unmet(message, f"{part} > {whole}", where) if part > whole else None


@integrity_rule("survey-counts", E, "调查人数自洽：各项评价人数之和、知晓人数不超过样本量，样本量不超过常住人口",
                "核对样本量和各项人数；常住人口以调查时为准（survey 的 population）。")
def survey_counts(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    found: list[Result | None] = []
    for i, s in enumerate(c.surveys.surveys):
        def at(*path: Any) -> Location:
            return c.loc(SURVEYS, "surveys", i, *path)

        n = s.respondents
        for k, item in enumerate(s.items):
            answers = item.satisfied + item.basic + item.unsatisfied
            found.append(exceeds(answers, n, f"“{item.content}”满意、基本满意、不满意共 {answers} 人，多于样本量 {n} 人",
                                 at("items", k)))
        if s.aware is not None:
            found.append(exceeds(s.aware, n, f"知晓人数 {s.aware} 人多于样本量 {n} 人", at("aware")))
        population = s.population if s.population is not None else profile_of(c).population.residents
        found.append(exceeds(n, population, f"样本量 {n} 人多于常住人口 {population} 人", at("respondents")))
    return outcome((r for r in found if r), len(c.surveys.surveys), "次调查")


@integrity_rule("profile-counts", E, "社区概况中的数字自洽：活跃组织数 ≤ 备案数，60 岁以上人口 ≤ 常住人口，持证社工 ≤ 社工人数",
                "核对 community.yml 中的这些数字。")
def profile_counts(ctx: Context) -> Iterator[Result]:
    c, p = ctx.community, profile_of(ctx.community)
    people = p.population
    found = [exceeds(people.aged_60_plus, people.residents,
                     f"60 岁以上人口 {people.aged_60_plus} 人多于常住人口 {people.residents} 人",
                     c.loc(PROFILE, "population", "aged_60_plus"))]
    if orgs := p.organisations:
        found.append(exceeds(orgs.active, orgs.registered, f"活跃社会组织 {orgs.active} 个多于已备案的 {orgs.registered} 个",
                             c.loc(PROFILE, "organisations", "active")))
    for k, year in enumerate(p.social_workers):
        found.append(exceeds(year.certified, year.count,
                             f"{year.year} 年持证社工 {year.certified} 人多于专职社区工作者 {year.count} 人",
                             c.loc(PROFILE, "social_workers", k, "certified")))
    if (area := p.facilities) and area.resident_area_m2 is not None:
        found.append(exceeds(area.resident_area_m2, area.service_area_m2,
                             f"居民服务与活动用房 {area.resident_area_m2} ㎡ 大于服务设施总面积 {area.service_area_m2} ㎡",
                             c.loc(PROFILE, "facilities", "resident_area_m2")))
    return outcome((r for r in found if r), 1, "份概况")


def vote_problems(c: Community, filename: str, path: tuple[Any, ...], vote: Vote) -> Iterator[Result]:
    for measure, unit, what in (("heads", " 人", "人数"), ("area", " ㎡", "面积")):
        def value(name: str) -> Any:
            count = getattr(vote, name)
            return getattr(count, measure) if count is not None else 0

        cast = sum(value(name) for name in ("agree", "against", "abstain", "not_voting"))
        if cast > value("participating"):
            yield Result.unmet(f"表决{what}：同意、反对、弃权{'、未表态' if vote.not_voting else ''}合计 {cast}{unit}，"
                               f"多于参与表决的 {value('participating')}{unit}", "票数超出",
                               c.loc(filename, *path, "participating", measure))
        if value("participating") > value("total"):
            yield Result.unmet(f"表决{what}：参与表决 {value('participating')}{unit}，多于全体业主 {value('total')}{unit}"
                               f"（第 {line_of(c, filename, *path, 'total', measure)} 行）", "参与超出",
                               c.loc(filename, *path, "participating", measure))


@integrity_rule("vote-counts", E, "表决票数自洽：同意 + 反对 + 弃权（+ 未表态）≤ 参与表决 ≤ 全体业主，按人数和面积分别核对",
                "核对表决结果中的人数和面积。")
def vote_counts(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    found = list(votes(c))
    problems = (r for filename, path, vote in found for r in vote_problems(c, filename, path, vote))
    return outcome(problems, len(found), "次表决")


# ================================================================ status
@integrity_rule("stop-reason", E, "状态为“已终止”的关键事项写明终止原因", "在该事项中加上 stop_reason: 终止原因。")
def stop_reason(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    stopped = [(i, item) for i, item in enumerate(c.key_items.items) if item.status == "已终止"]
    problems = (Result.unmet(f"关键事项“{item.id}”已终止，但没有写终止原因", "缺少原因", c.loc(ITEMS, "items", i, "status"))
                for i, item in stopped if not item.stop_reason)
    return outcome(problems, len(stopped), "项已终止事项")


@integrity_rule("result", W, "状态为“已完成”的关键事项写明结果", "在该事项中加上 result: 实施结果（xingfuli 8.1 要求向居民公开结果）。")
def completed_result(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    done = [(i, item) for i, item in enumerate(c.key_items.items) if item.status == "已完成"]
    problems = (Result.unmet(f"关键事项“{item.id}”已完成，但没有写结果", "缺少结果", c.loc(ITEMS, "items", i, "status"))
                for i, item in done if not item.result)
    return outcome(problems, len(done), "项已完成事项")


# ================================================================ renamed folders
SITE_FOLDERS = frozenset({"area", "assets", "data", "glossary", "guide", "search", "schemas", "accessibility"})


def _old_slugs(c: Community) -> list[tuple[int, str]]:
    return list(enumerate(profile_of(c).old_slugs))


@integrity_rule("old-slug-shape", W, "old_slugs 里的每个旧名都是曾经发布过的文件夹名（小写字母、数字和“-”）",
                "写改名前的文件夹名，如 jinxiu-huayuan；不是这种形式的名字从来不是网址，删掉即可。")
def old_slug_shape(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems = [Result.unmet(f"旧名“{name}”不可能是发布过的网址，不会为它生成跳转页", "不是文件夹名",
                             c.loc(PROFILE, "old_slugs", i))
                for i, name in _old_slugs(c) if not SLUG.match(name)]
    return outcome(problems, len(_old_slugs(c)), "个旧名")


@integrity_rule("old-slug-clash", E, "旧名的跳转页不占用别的社区、别的旧名或网站自己的网址",
                "旧名只写本社区改名前的文件夹名；和别的社区冲突时，请与网站运营组商量。")
def old_slug_clash(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    reserved = SITE_FOLDERS | {p.stem for p in (ctx.city.root / "content").glob("*")}
    problems = []
    for i, name in _old_slugs(c):
        where = c.loc(PROFILE, "old_slugs", i)
        claimed = [slug for slug, other in ctx.city.communities.items()
                   if slug != c.slug and other.profile and name in other.profile.old_slugs]
        if name == c.slug:
            problems.append(Result.unmet(f"旧名“{name}”就是现在的文件夹名", "与现名相同", where))
        elif (ctx.city.root / COMMUNITIES_DIR / name).is_dir():
            problems.append(Result.unmet(f"旧名“{name}”是另一个社区现在的文件夹名，跳转页会盖住它的网页", "占用别的社区", where))
        elif claimed:
            problems.append(Result.unmet(f"旧名“{name}”也写在 {claimed[0]} 的 old_slugs 里", "两个社区同一旧名", where))
        elif name in reserved:
            problems.append(Result.unmet(f"旧名“{name}”是网站自己的网址 /{name}/", "占用网站网址", where))
    return outcome(problems, len(_old_slugs(c)), "个旧名")
