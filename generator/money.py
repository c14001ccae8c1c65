"""Reconciliation arithmetic on published amounts.

Every figure is turned into 元 (`Decimal`) before it is added. A figure
printed in 万元 is a rounded one, so a sum is accepted when it differs from
the stated figure by no more than the rounding of the figures involved
(their `max_error_yuan` added up); 元 figures are exact. Approximate figures
(约 / 余 / 多 / 近) never enter an exact sum: a reconciliation that needs one
says so instead of passing or failing.

The integrity rules call these functions to decide; the website calls the
same ones to print the reconciliation sentence beside a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Sequence

from generator.model.records import FundLine, FundStatement, SubAccount
from generator.model.values import Amount

Sign = Literal[1, -1]
Part = tuple[Sign, Amount]
Side = Literal["income", "expense"]
CENT = Decimal("0.01")


def yuan(value: Decimal) -> str:
    """12345.6 -> "12,345.60 元"."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,} 元"


def as_published(amount: Amount) -> str:
    """The figure as printed, with its value in 元 when it was printed in 万元."""
    return str(amount) if amount.unit == "元" else f"{amount}（{yuan(amount.yuan)}）"


def precision(amounts: Sequence[Amount]) -> str:
    """The coarsest printed precision among `amounts`, e.g. "0.01 万元"."""
    coarsest = max(amounts, key=lambda a: a.max_error_yuan)
    return f"{Decimal(1).scaleb(-coarsest.decimals)} {coarsest.unit}"


@dataclass(frozen=True)
class Reconciliation:
    """A stated figure compared with the figure computed from its parts (all in 元)."""

    stated: Amount | None
    computed: Decimal
    difference: Decimal | None       # stated − computed; None when nothing was stated
    tolerance: Decimal               # the rounding the printed figures allow
    exact: bool                      # False when an approximate figure is involved
    ok: bool                         # exact, and the difference within the tolerance
    sentence: str

    @property
    def mismatch(self) -> bool:
        """A real discrepancy: exact figures that do not agree."""
        return self.exact and not self.ok


def reconcile(stated: Amount | None, parts: Sequence[Part], *, stated_label: str = "公布合计",
              computed_label: str = "明细相加", tolerance: Decimal | None = None) -> Reconciliation:
    """Compare `stated` with the signed sum of `parts`.

    The tolerance is the figures' rounding added up, unless given. With
    `stated` None nothing is checked: the result carries the computed figure
    (for a derived value) and is `ok` when every part is exact."""
    amounts = [a for _, a in parts] + ([stated] if stated is not None else [])
    computed = sum((sign * a.yuan for sign, a in parts), Decimal(0))
    if tolerance is None:
        tolerance = sum((a.max_error_yuan for a in amounts), Decimal(0))
    exact = all(a.exact for a in amounts)
    approx = [a for a in amounts if not a.exact]
    if stated is None:
        sentence = f"{computed_label} {yuan(computed)}"
        if not exact:
            sentence = f"{computed_label}约 {yuan(computed)}（含约数 {'、'.join(map(str, approx))}，仅供参考）"
        elif tolerance:
            sentence += f"（按公布精度 {precision(amounts)}计，误差不超过 {yuan(tolerance)}）"
        return Reconciliation(None, computed, None, tolerance, exact, exact, sentence)
    difference = stated.yuan - computed
    ok = exact and abs(difference) <= tolerance
    shown = f"{stated_label} {as_published(stated)}，{computed_label} {yuan(computed)}"
    if not exact:
        sentence = f"含约数（{'、'.join(map(str, approx))}），无法精确核对：{shown}"
    elif not ok:
        sentence = f"{shown}，相差 {yuan(abs(difference))}"
        if tolerance:
            sentence += f"，超出公布精度 {precision(amounts)}允许的误差 {yuan(tolerance)}"
    elif tolerance:
        gap = f"差额 {yuan(abs(difference))}在误差内" if difference else "没有差额"
        sentence = f"按公布精度 {precision(amounts)}核对，{gap}"
    else:
        sentence = f"{shown}，一致"
    return Reconciliation(stated, computed, difference, tolerance, exact, ok, sentence)


# ---------------------------------------------------------------- fund lines
def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def product(line: FundLine) -> Amount | None:
    """quantity × unit_price, in the unit price's unit, or None when either is absent.

    A rounded (万元) unit price is off by its rounding once per unit; an Amount
    cannot say so, which is why `line_product` passes its own tolerance. Where
    the product stands in for a missing amount in a sum, only one rounding
    step is allowed for it, which under-counts a 万元 unit price's error."""
    if line.quantity is None or line.unit_price is None:
        return None
    price = line.unit_price
    value = line.quantity * price.value
    # An exact 元 product prints every decimal it has; a 万元 one keeps the price's precision.
    places = max(price.decimals, decimals_of(value)) if price.unit == "元" else price.decimals
    return Amount(value, price.unit, places, price.qualifier)


def line_amount(line: FundLine) -> Amount | None:
    """The line's amount as published, else quantity × unit price, else None."""
    return line.amount if line.amount is not None else product(line)


def line_parts(line: FundLine, sign: Sign) -> list[Part] | None:
    """What the line adds to its list: its amount, plus a tax listed apart from
    it (`tax_included` false). None when the line has no amount at all."""
    amount = line_amount(line)
    if amount is None:
        return None
    parts: list[Part] = [(sign, amount)]
    if line.tax is not None and not line.tax_included:
        parts.append((sign, line.tax))
    return parts


def lines_parts(lines: Sequence[FundLine], sign: Sign = 1) -> list[Part] | None:
    """Every line's parts, or None when some line has no amount."""
    parts: list[Part] = []
    for line in lines:
        found = line_parts(line, sign)
        if found is None:
            return None
        parts.extend(found)
    return parts


def line_product(line: FundLine) -> Reconciliation | None:
    """amount against quantity × unit price, when both are published."""
    made = product(line)
    if line.amount is None or made is None or line.unit_price is None or line.quantity is None:
        return None
    # A rounded unit price is off by up to its rounding once per unit.
    tolerance = line.amount.max_error_yuan + abs(line.quantity) * line.unit_price.max_error_yuan
    return reconcile(line.amount, [(1, made)], stated_label="金额", computed_label="数量 × 单价",
                     tolerance=tolerance)


def allocations_total(line: FundLine) -> Reconciliation | None:
    """The line's amount against the sum of its allocations."""
    amount = line_amount(line)
    if not line.allocations or amount is None:
        return None
    return reconcile(amount, [(1, a.amount) for a in line.allocations],
                     stated_label="金额", computed_label="分摊相加")


# ---------------------------------------------------------------- statements
def stated_total(statement: FundStatement, side: Side) -> Reconciliation | None:
    """A published income or expense total against the sum of its lines."""
    stated: Amount | None = getattr(statement, f"{side}_total")
    lines = getattr(statement, side)
    parts = lines_parts(lines)
    if stated is None or not lines or parts is None:   # a summary without lines has nothing to add up
        return None
    label = "收入" if side == "income" else "支出"
    return reconcile(stated, parts, stated_label=f"公布{label}合计", computed_label=f"{label}明细相加")


def side_parts(statement: FundStatement, side: Side, sign: Sign) -> list[Part] | None:
    """The published total when there is one (its lines are checked against it
    separately), else the lines."""
    stated: Amount | None = getattr(statement, f"{side}_total")
    if stated is not None:
        return [(sign, stated)]
    return lines_parts(getattr(statement, side), sign)


def balance(statement: FundStatement) -> Reconciliation | None:
    """opening + income − expense against the published closing balance."""
    income, expense = side_parts(statement, "income", 1), side_parts(statement, "expense", -1)
    if statement.opening is None or statement.closing is None or income is None or expense is None:
        return None
    return reconcile(statement.closing, [(1, statement.opening), *income, *expense],
                     stated_label="公布期末余额", computed_label="期初 + 收入 − 支出")


def derived_opening(statement: FundStatement) -> Reconciliation | None:
    """closing − income + expense, for a statement that does not publish its opening balance."""
    income, expense = side_parts(statement, "income", -1), side_parts(statement, "expense", 1)
    if statement.closing is None or income is None or expense is None:
        return None
    return reconcile(None, [(1, statement.closing), *income, *expense],
                     computed_label="期初余额未公布，按期末余额 − 收入 + 支出推算为")


def sub_account_balance(account: SubAccount) -> Reconciliation | None:
    """A sub-account's own opening + income − expense = closing, when all are given."""
    if account.opening is None or account.income is None or account.expense is None:
        return None
    return reconcile(account.closing, [(1, account.opening), (1, account.income), (-1, account.expense)],
                     stated_label="公布期末余额", computed_label="期初 + 收入 − 支出")


def sub_accounts_total(statement: FundStatement) -> Reconciliation | None:
    """The statement's closing balance against the sum of its sub-accounts' closings."""
    if not statement.sub_accounts or statement.closing is None:
        return None
    return reconcile(statement.closing, [(1, a.closing) for a in statement.sub_accounts],
                     stated_label="公布期末余额", computed_label="分户账期末余额相加")
