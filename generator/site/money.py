"""Fund statements in 元 for display and open data. The arithmetic (and the
reconciliation sentence) is generator.money's, shared with the integrity
rules; nothing here judges the accounts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator import money
from generator.model.records import FundLine, FundStatement
from generator.site.render import yuan


def line_yuan(line: FundLine) -> Decimal | None:
    """The line's amount in 元: as written, else quantity × unit price."""
    amount = money.line_amount(line)
    return amount.yuan if amount is not None else None


def side_total(statement: FundStatement, side: money.Side) -> Decimal | None:
    """The stated total of a side, else the exact sum of its lines; None when approximate."""
    parts = money.side_parts(statement, side, 1)
    if parts is None or not all(amount.exact for _, amount in parts):
        return None
    return sum((amount.yuan for _, amount in parts), Decimal(0))


@dataclass(frozen=True)
class Totals:
    opening: Decimal | None
    income: Decimal | None
    expense: Decimal | None
    closing: Decimal | None
    check: money.Reconciliation | None

    def sentence(self) -> str:
        """The reconciliation as residents read it, at the precision it was published."""
        exact_match = self.check is not None and self.check.ok and not self.check.tolerance
        if exact_match and None not in (self.opening, self.income, self.expense, self.closing):
            return (f"期初余额 {yuan(self.opening)} + 收入合计 {yuan(self.income)} − 支出合计 {yuan(self.expense)}"
                    f" = 期末余额 {yuan(self.closing)}，收支相符。")
        if self.check is not None:
            return self.check.sentence + "。"
        return "本期公布的数字不足以核对期初、收入、支出与期末余额。"


def totals(statement: FundStatement) -> Totals:
    def stated(value) -> Decimal | None:
        return value.yuan if value is not None else None

    check = money.balance(statement) or money.derived_opening(statement)
    return Totals(stated(statement.opening), side_total(statement, "income"), side_total(statement, "expense"),
                  stated(statement.closing), check)


def line_details(line: FundLine) -> list[str]:
    """The facts beside a line's amount, in the order a resident reads them."""
    details = []
    if line.quantity is not None and line.unit_price is not None:
        details.append(" ".join(x for x in (str(line.quantity), line.unit, "×", str(line.unit_price)) if x))
    details += [f"{label}：{value}" for label, value in
                (("来源", line.source), ("范围", line.scope), ("经办", line.party)) if value]
    if line.date:
        details.append(line.date.isoformat())
    if line.tax:
        details.append(f"税额 {line.tax}" + ("（已含在金额中）" if line.tax_included else ""))
    if line.allocation_rule:
        details.append(f"分摊规则：{line.allocation_rule}")
    details += [f"分摊给 {a.to} {a.amount}" for a in line.allocations]
    if line.note:
        details.append(line.note)
    return details
