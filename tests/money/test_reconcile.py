"""generator/money.py: reconciliation arithmetic, as tables of published figures.

Amounts are written as staff write them in YAML (strings, so decimals stay as
printed); the expected sentence is what the website and the finding show."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from generator import money
from generator.model.records import FundLine, FundStatement
from generator.model.values import Amount

D = Decimal


def A(text: str) -> Amount:
    return Amount.parse(text)


def part(text: str) -> money.Part:
    return (1, A(text[1:])) if text[0] == "+" else (-1, A(text[1:]))


# stated, parts ("+x" income / "-x" expense), exact, ok, difference (元), tolerance (元), sentence
RECONCILE = [
    pytest.param("12345.60", ["+12000.00", "+345.60"], True, True, "0.00", "0",
                 "公布合计 12,345.60 元，明细相加 12,345.60 元，一致", id="yuan-agree"),
    pytest.param("12345.60", ["+12000.00", "+300.00"], True, False, "45.60", "0",
                 "公布合计 12,345.60 元，明细相加 12,300.00 元，相差 45.60 元", id="yuan-mismatch"),
    pytest.param("12345.60", ["+12345.61"], True, False, "-0.01", "0",
                 "相差 0.01 元", id="yuan-one-cent"),
    pytest.param("1.23万元", ["+12299.10"], True, True, "0.90", "50.00",
                 "按公布精度 0.01 万元核对，差额 0.90 元在误差内", id="wan-within-rounding"),
    pytest.param("1.23万元", ["+12300"], True, True, "0.00", "50.00",
                 "按公布精度 0.01 万元核对，没有差额", id="wan-exact"),
    pytest.param("1.23万元", ["+12350.01"], True, False, "-50.01", "50.00",
                 "公布合计 1.23 万元（12,300.00 元），明细相加 12,350.01 元，相差 50.01 元，"
                 "超出公布精度 0.01 万元允许的误差 50.00 元", id="wan-beyond-rounding"),
    pytest.param("1.2万元", ["+0.55万元", "+0.65万元"], True, True, "0.00", "600.00",
                 "按公布精度 0.1 万元核对，没有差额", id="wan-parts-add-their-rounding"),
    pytest.param("3万元", ["+29600"], True, True, "400.00", "5000.00",
                 "按公布精度 1 万元核对，差额 400.00 元在误差内", id="whole-wan"),
    pytest.param("约3000元", ["+2980.00"], False, False, "20.00", "0",
                 "含约数（约3,000 元），无法精确核对", id="approximate-stated"),
    pytest.param("5000.00", ["+2000.00", "+3000余元"], False, False, "0.00", "0",
                 "含约数（3,000余元），无法精确核对", id="approximate-part-even-if-equal"),
    pytest.param("1万余元", ["+10000"], False, False, "0.00", "5000.00",
                 "含约数", id="approximate-wan"),
    pytest.param("800.00", ["+1000.00", "-200.00"], True, True, "0.00", "0",
                 "一致", id="refund-as-negative-part"),
    pytest.param("-150.00", ["+100.00", "-250.00"], True, True, "0.00", "0",
                 "公布合计 -150.00 元，明细相加 -150.00 元，一致", id="negative-total"),
    pytest.param("100.00", ["+-20.00", "+120.00"], True, True, "0.00", "0",
                 "一致", id="negative-line"),
]


@pytest.mark.parametrize("stated, parts, exact, ok, difference, tolerance, sentence", RECONCILE)
def test_reconcile(stated: str, parts: list[str], exact: bool, ok: bool, difference: str, tolerance: str,
                   sentence: str) -> None:
    result = money.reconcile(A(stated), [part(p) for p in parts])
    assert (result.exact, result.ok) == (exact, ok)
    assert result.difference == D(difference)
    assert result.tolerance == D(tolerance)
    assert result.mismatch == (exact and not ok)
    assert sentence in result.sentence


def test_nothing_stated_gives_the_computed_figure() -> None:
    result = money.reconcile(None, [(1, A("500.00")), (-1, A("120.50"))])
    assert (result.computed, result.difference, result.ok) == (D("379.50"), None, True)
    assert result.sentence == "明细相加 379.50 元"


def line(**fields: Any) -> FundLine:
    return FundLine.model_validate({"item": "测试", **fields})


# fields of a fund line, expected amount (as printed), ok of amount vs quantity × unit price (None: not checked)
LINES = [
    pytest.param({"amount": "6000.00", "quantity": 12, "unit_price": "500.00"}, "6,000.00 元", True, id="qty-price-agree"),
    pytest.param({"amount": "6000.00", "quantity": 12, "unit_price": "550.00"}, "6,000.00 元", False, id="qty-price-differ"),
    pytest.param({"quantity": 12, "unit_price": "500.00"}, "6,000.00 元", None, id="qty-price-supply-amount"),
    pytest.param({"quantity": "2.5", "unit_price": "3.14"}, "7.850 元", None, id="decimal-quantity"),
    pytest.param({"amount": "1.20万元", "quantity": 3, "unit_price": "0.40万元"}, "1.20 万元", True, id="wan-agree"),
    pytest.param({"amount": "12150", "quantity": 3, "unit_price": "0.40万元"}, "12,150 元", True,
                 id="wan-price-rounding-times-quantity"),
    pytest.param({"amount": "12200", "quantity": 3, "unit_price": "0.40万元"}, "12,200 元", False,
                 id="wan-price-beyond-rounding"),
    pytest.param({"amount": "1000.00"}, "1,000.00 元", None, id="amount-only"),
    pytest.param({"item": "无金额"}, None, None, id="no-amount"),
]


@pytest.mark.parametrize("fields, amount, product_ok", LINES)
def test_line_amount_and_product(fields: dict[str, Any], amount: str | None, product_ok: bool | None) -> None:
    made = line(**fields)
    found = money.line_amount(made)
    assert (str(found) if found else None) == amount
    check = money.line_product(made)
    assert (check.ok if check else None) == product_ok


def test_product_mismatch_sentence() -> None:
    check = money.line_product(line(amount="6000.00", quantity=12, unit_price="550.00"))
    assert check is not None
    assert check.sentence == "金额 6,000.00 元，数量 × 单价 6,600.00 元，相差 600.00 元"


def test_tax_listed_apart_adds_to_the_line() -> None:
    apart = money.lines_parts([line(amount="1000.00", tax="60.00")])
    included = money.lines_parts([line(amount="1060.00", tax="60.00", tax_included=True)])
    assert apart is not None and included is not None
    assert sum(s * a.yuan for s, a in apart) == sum(s * a.yuan for s, a in included) == D("1060.00")


def test_allocations_total() -> None:
    split = line(amount="900.00", allocations=[{"to": "1 幢", "amount": "450.00"}, {"to": "2 幢", "amount": "400.00"}])
    check = money.allocations_total(split)
    assert check is not None and check.mismatch
    assert check.sentence == "金额 900.00 元，分摊相加 850.00 元，相差 50.00 元"


def statement(**fields: Any) -> FundStatement:
    return FundStatement.model_validate({"id": "t", "period": "2025", "disclosed": "2026-01-10", **fields})


STATEMENT = {
    "opening": "1000.00",
    "income": [{"item": "租金", "amount": "500.00"}, {"item": "利息", "amount": "1.25"}],
    "expense": [{"item": "维修", "amount": "300.00"}, {"item": "退款", "amount": "-50.00"}],
    "closing": "1251.25",
}


def test_balance_uses_lines_without_stated_totals() -> None:
    check = money.balance(statement(**STATEMENT))
    assert check is not None and check.ok
    assert check.sentence == "公布期末余额 1,251.25 元，期初 + 收入 − 支出 1,251.25 元，一致"


def test_balance_uses_stated_totals_when_given() -> None:
    # The lines disagree with the stated total; only the totals check reports that.
    data = {**STATEMENT, "income_total": "510.00", "closing": "1260.00"}
    balance, totals = money.balance(statement(**data)), money.stated_total(statement(**data), "income")
    assert balance is not None and balance.ok
    assert totals is not None and totals.mismatch
    assert totals.sentence == "公布收入合计 510.00 元，收入明细相加 501.25 元，相差 8.75 元"


def test_no_opening_balance_gives_a_derived_one() -> None:
    data = {k: v for k, v in STATEMENT.items() if k != "opening"}
    assert money.balance(statement(**data)) is None
    derived = money.derived_opening(statement(**data))
    assert derived is not None and derived.computed == D("1000.00")
    assert derived.sentence == "期初余额未公布，按期末余额 − 收入 + 支出推算为 1,000.00 元"


def test_sub_accounts() -> None:
    data = {**STATEMENT, "sub_accounts": [
        {"scope": "1 幢", "closing": "600.00"},
        {"scope": "2 幢", "opening": "500.00", "income": "100.00", "expense": "40.00", "closing": "651.25"}]}
    made = statement(**data)
    total = money.sub_accounts_total(made)
    assert total is not None and total.ok
    own = money.sub_account_balance(made.sub_accounts[1])
    assert own is not None and own.mismatch and "相差 91.25 元" in own.sentence
    assert money.sub_account_balance(made.sub_accounts[0]) is None


def test_a_summary_without_lines_has_no_totals_check() -> None:
    summary = statement(opening="1000.00", income_total="500.00", expense_total="200.00", closing="1300.00")
    assert money.stated_total(summary, "income") is None
    check = money.balance(summary)
    assert check is not None and check.ok
