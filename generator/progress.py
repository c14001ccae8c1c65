"""A key item's progress rolled up from its sub-items, by the rule the item states.

"No figure" stays distinct from 0 %: a sub-item without progress is left out
of the roll-up and named, and with no figures at all there is no roll-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.model.records import KeyItem


@dataclass(frozen=True)
class Rollup:
    rule: str                 # 平均 or 按预算加权
    value: Decimal | None     # percent, one decimal; None when nothing can be computed
    explanation: str          # how it was computed, for the page


def rollup(item: KeyItem) -> Rollup | None:
    if not item.sub_items or item.rollup is None:
        return None
    counted = [s for s in item.sub_items if s.progress is not None]
    skipped = [s.title for s in item.sub_items if s.progress is None]
    note = f"；{'、'.join(skipped)}没有进度数字，未计入" if skipped else ""
    if item.rollup == "平均":
        if not counted:
            return Rollup(item.rollup, None, "子项都没有进度数字，无法汇总")
        value = sum((s.progress for s in counted), Decimal(0)) / len(counted)
        return Rollup(item.rollup, _one_place(value), f"{len(counted)} 个子项进度的平均{note}")
    weighted = [s for s in counted if s.budget is not None and s.budget.exact]
    total = sum((s.budget.yuan for s in weighted), Decimal(0))
    if not total:
        return Rollup(item.rollup, None, "子项缺少精确的预算，无法按预算加权汇总")
    value = sum((s.progress * s.budget.yuan for s in weighted), Decimal(0)) / total
    unweighted = [s.title for s in counted if s not in weighted]
    if unweighted:
        note += f"；{'、'.join(unweighted)}没有精确预算，未计入"
    return Rollup(item.rollup, _one_place(value), f"按 {len(weighted)} 个子项的预算加权{note}")


def _one_place(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
