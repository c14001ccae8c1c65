"""Owners' votes (profile `votes`): Civil Code art. 278 thresholds.

Every owners' vote on a key item or a pledge is held against the law: owners
holding two thirds of the exclusive area and two thirds of the owners take
part; of those taking part, three quarters by area and by heads agree for the
matters of art. 278 items 6–8 (catalogue.SUPERMAJORITY_MATTERS), more than
half of each otherwise. A vote is judged only when the record treats the
decision as passed (a key item 已决议/实施中/已完成, a pledge with `adopted`);
a vote that failed on an item that was stopped is simply what happened.

A `local_rule` (e.g. non-voters counted with the majority) does not change
the check: the law's thresholds are reported, and the message names the
local rule so staff can confirm it is the basis the decision relied on.
Errors here do not block publishing (registry.ALWAYS_PROFILES): the data is
true, the decision is what is in doubt.

PASS: 486 owners / 41236.58 ㎡; 398 / 34061.42 ㎡ take part; 361 / 31064.02 ㎡ agree.
FAIL: 300 of 486 take part (61.72% < 2/3) -> "关键事项“2024-01”的业主表决未达到
《民法典》第二百七十八条的比例：参与表决（人数）300/486 人 = 61.72%（要求 ≥ 2/3）；…",
located at the participating count.
"""

from __future__ import annotations

from typing import Any, Iterator

from generator import votes
from generator.findings import Severity
from generator.model.community import Community
from generator.model.values import Vote
from generator.rules.registry import Context, Result, rule

ITEMS, PLEDGES = "key_items.yml", "pledges.yml"
# Key item statuses that record the owners' decision as taken.
DECIDED = ("已决议", "实施中", "已完成")


def decided_votes(c: Community) -> Iterator[tuple[str, tuple[Any, ...], str, Vote]]:
    """(file, path to the vote, what was decided, vote) for decisions recorded as passed."""
    for i, item in enumerate(c.key_items.items):
        if item.vote and item.status in DECIDED:
            yield ITEMS, ("items", i, "vote"), f"关键事项“{item.id}”", item.vote
    for i, pledge in enumerate(c.pledges.pledges):
        if pledge.vote and pledge.adopted:
            yield PLEDGES, ("pledges", i, "vote"), f"公约“{pledge.id}”", pledge.vote


@rule("votes.art-278", "votes", "", Severity.ERROR,
      "记为通过的业主表决达到《民法典》第二百七十八条的比例：参与表决的面积和人数各占三分之二以上；"
      "筹集维修资金、改建重建、改变共有部分用途或利用共有部分经营须经参与表决面积和人数各四分之三以上同意，其他事项各过半数",
      "参与 ≥ 2/3；同意 ≥ 3/4 或 > 1/2",
      "核对表决的人数和面积是否照表决结果录入，matter 是否写对了事项类别；表决确实未达比例时，事项不能按已通过处理。",
      kinds=("小区", "社区", "村"))
def art_278(ctx: Context) -> Iterator[Result]:
    c = ctx.community
    found = list(decided_votes(c))
    for filename, path, what, vote in found:
        assessed = votes.assess(vote)
        if assessed.passed:
            yield Result.met(f"{what}：{'；'.join(r.percent for r in assessed.ratios)}", c.loc(filename, *path))
            continue
        field = "participating" if not assessed.participation_met else "agree"
        local = f"（记录的地方规则“{vote.local_rule}”不改变本检查，请核对决议是否依据该规则）" if vote.local_rule else ""
        yield Result.unmet(
            f"{what}的业主表决（{vote.matter}）未达到《民法典》第二百七十八条的比例："
            f"{'；'.join(r.text for r in assessed.ratios)}{local}",
            "、".join(f"{r.label} {r.percent}" for r in assessed.failed), c.loc(filename, *path, field))
    if not found:
        yield Result.na("没有记为通过的业主表决")
