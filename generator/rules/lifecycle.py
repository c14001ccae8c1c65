"""Lifecycle rules (profile `lifecycle`): 公示期, objections and change entries.

They apply to every community and never block publishing (decisions 1):
a missing window or channel is published as it is and reported. An end
before the start is `integrity.date-ranges`, and a 重新公示 without a new
window is `integrity.republish-window`; they are not repeated here.

PASS: window {start: 2026-01-15, end: 2026-01-24} with min_window_days 7.
FAIL: window {start: 2026-01-15, end: 2026-01-17} -> "公示期只有 3 天".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Iterator

from generator.findings import Location, Severity
from generator.model import catalogue as cat
from generator.model.community import Community
from generator.model.records import FundStatement, Pledge, Registration, Step, Survey
from generator.model.values import Disclosable, ObjectionChannel
from generator.model.windows import effective_window
from generator.rules.integrity import disclosables, outcome
from generator.rules.registry import Context, Result, rule

W = Severity.WARNING
DEFAULT_REPLY_DAYS = 20       # Ningbo's regulation; also ObjectionChannel's default

# The clause that asks for each kind of disclosure, per profile.
WINDOW_CLAUSES: dict[str, dict[str, str]] = {
    "资金收支公示": {"xingfuli": "xingfuli 8.3"},
    "决议公开": {"xingfuli": "xingfuli 8.2.1"},
    "实施结果公开": {"xingfuli": "xingfuli 8.2.1"},
    "审议公开": {"xingfuli": "xingfuli 8.2.2"},
    "实施公开": {"xingfuli": "xingfuli 8.2.2"},
    "公约通过": {"xingfuli": "xingfuli 8.4", "renren": "renren 5.1.2.2"},
    "调查结果": {"xingfuli": "xingfuli 10", "renren": "renren 表1-9、表1-19"},
    "低保登记公示": {"xingfuli": "xingfuli 9.3"},
}


def lifecycle_rule(name: str, requirement: str, threshold: str, hint: str) -> Callable:
    return rule(f"lifecycle.{name}", "lifecycle", "", W, requirement, threshold, hint)


@dataclass(frozen=True)
class Disclosure:
    """A record that must be disclosed for a 公示期, with where it stands."""

    filename: str
    path: tuple[Any, ...]
    record: Disclosable
    kind: str           # a key of WINDOW_CLAUSES
    name: str           # how the message names it

    def where(self, c: Community, *more: Any) -> Location:
        return c.loc(self.filename, *self.path, *more)


def _name(record: Disclosable) -> str:
    return getattr(record, "title", None) or f"编号 {getattr(record, 'id', '')}".strip()


def required_disclosures(c: Community) -> Iterator[Disclosure]:
    """Fund statements, public procedure steps, pledges, surveys and 低保 lists; withdrawn ones excluded."""
    for filename, path, record in disclosables(c):
        if record.withdrawn is not None:
            continue
        if isinstance(record, FundStatement):
            yield Disclosure(filename, path, record, "资金收支公示", f"{record.period}收支公示（编号 {record.id}）")
        elif isinstance(record, Step) and record.step in cat.PUBLIC_STEPS:
            item = c.key_items.items[path[1]]
            if item.withdrawn is None:
                yield Disclosure(filename, path, record, record.step, f"关键事项“{item.title}”的{record.step}")
        elif isinstance(record, Pledge):
            yield Disclosure(filename, path, record, "公约通过", f"公约“{record.title}”")
        elif isinstance(record, Survey):
            yield Disclosure(filename, path, record, "调查结果", f"调查“{record.title}”")
        elif isinstance(record, Registration):
            yield Disclosure(filename, path, record, "低保登记公示", f"“{record.title}”")


def clause_for(c: Community, kind: str) -> str:
    clauses = [WINDOW_CLAUSES[kind][p] for p in c.profiles if p in WINDOW_CLAUSES[kind]]
    return "、".join(clauses)


def channel_of(c: Community, record: Disclosable) -> ObjectionChannel | None:
    """The record's own channel, else the community's default."""
    return record.objection_channel or (c.profile.objection_channel if c.profile else None)


@lifecycle_rule("window", "每项公示写明公示期（开始和结束日期）", "—",
                "在这条记录中写 window: {start: 开始日期, end: 结束日期}。")
def window_present(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    found = list(required_disclosures(c))
    problems = []
    for d in found:
        if effective_window(d.record) is None:
            clause = clause_for(c, d.kind)
            basis = f"（{clause} 要求公开）" if clause else ""
            problems.append(Result.unmet(f"{d.name}没有写公示期{basis}", "缺少公示期", d.where(c)))
    return outcome(problems, len(found), "项公示")


@lifecycle_rule("channel", "每项公示有疑问受理渠道（记录自己的或社区默认的）", "—",
                "在 community.yml 中写默认的 objection_channel（受理人、地点、电话、答复天数），或在这条记录中单独写。")
def channel_present(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    found = list(required_disclosures(c))
    lacking = [d for d in found if channel_of(c, d.record) is None]
    if not lacking:
        return outcome([], len(found), "项公示")
    # Only a community without a default has records without a channel: one finding, not one per record.
    first = lacking[0]
    where = first.where(c)
    return iter([Result.unmet(
        f"{len(lacking)} 项公示没有疑问受理渠道，社区也没有默认渠道（第一项：{first.name}，"
        f"{where.file} 第 {where.line} 行）", f"{len(lacking)} 项缺少受理渠道", c.loc("community.yml"))])


@lifecycle_rule("window-length", "公示期不短于社区设置的最短天数（settings.min_window_days，默认 7 天）",
                "≥ 最短公示天数", "延长公示期，或在 community.yml 的 settings.min_window_days 中按本地规定设置最短天数。")
def window_length(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    minimum = c.profile.settings.min_window_days
    problems, checked = [], 0
    for d in required_disclosures(c):
        spans = [(("window",), d.record.window)] + [
            (("changes", k, "window"), change.window) for k, change in enumerate(d.record.changes) if change.window]
        for path, window in spans:
            if window is None or window.end < window.start:     # the latter is integrity.date-ranges
                continue
            checked += 1
            days = (window.end - window.start).days + 1
            if days < minimum:
                problems.append(Result.unmet(f"{d.name}的公示期只有 {days} 天，少于 {minimum} 天", f"{days} 天",
                                             d.where(c, *path)))
    return outcome(problems, checked, "个公示期")


def reply_deadline(received: date, channel: ObjectionChannel | None) -> date:
    return received + timedelta(days=channel.reply_days if channel else DEFAULT_REPLY_DAYS)


@lifecycle_rule("objection-overdue", "居民疑问在承诺的天数内答复", "按受理渠道的答复时限",
                "答复后在这条疑问中写 answered（答复日期）和 answer（答复内容）。")
def objection_overdue(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    problems, checked = [], 0
    for filename, path, record in disclosables(c):
        if record.withdrawn is not None:
            continue
        channel = channel_of(c, record)
        for k, objection in enumerate(record.objections):
            checked += 1
            deadline = reply_deadline(objection.received, channel)
            if objection.answered is None and ctx.as_of > deadline:
                late = (ctx.as_of - deadline).days
                problems.append(Result.unmet(
                    f"{objection.received} 收到的疑问“{objection.summary}”应于 {deadline} 前答复，"
                    f"已逾期 {late} 天仍未答复", f"逾期 {late} 天", c.loc(filename, *path, "objections", k)))
    return outcome(problems, checked, "条疑问")


@lifecycle_rule("history", "公示开始后改动公布的数字，须有当天或之后的修订记录（更正、补充或重新公示）", "—",
                "在这条记录的 changes 中加一条 {date: 改动日期, kind: 更正, reason: 改动原因}。")
def history(ctx: Context) -> Iterator[Result]:
    from generator.revisions import unexplained_changes

    c = ctx.community
    since = c.profile.settings.history_since
    if not since:
        yield Result.na("未设置修订检查起点（settings.history_since）")
        return
    report = unexplained_changes(c, str(since), ctx.as_of)
    if report.unavailable:
        # history_since asks for the check: say why it could not run rather than pass silently.
        yield Result.unmet(report.unavailable, "无法核对", c.loc("community.yml", "settings", "history_since"),
                           hint="在完整的 git 仓库中运行（CI 中取完整历史，如 fetch-depth: 0），"
                                "或把 settings.history_since 改为仓库中存在的提交或日期。")
        return
    for change in report.unexplained:
        yield Result.unmet(change.message(), "缺少修订记录", c.loc(change.filename, *change.path))
    if not report.unexplained:
        yield Result.met(f"已核对 {report.versions} 个版本")
