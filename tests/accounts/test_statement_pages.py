"""The fund pages show what the publisher printed beside what it adds up to:
the reconciliation at printed precision, the acknowledged discrepancy with its
reason, the superseded marker, allocations with their rule, per-building
sub-accounts, a derived opening balance and an explicit nil period."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.pipeline import validate
from generator.site.context import SiteConfig
from generator.site.pages import build_pages
from tests.conftest import AS_OF, apply_edits, copy_examples

SITE_URL = "https://gongshi.example.cn/"


def visible(body: str) -> str:
    return "".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def jinxiu_pages(root: Path, edits: list[dict[str, str]] | None = None) -> dict[str, str]:
    copy_examples(root, ["jinxiu", "wangjiang"])
    apply_edits(root, "jinxiu", edits or [])
    pages = build_pages(validate(root, AS_OF), SiteConfig(SITE_URL, root))
    return {p.path: visible(p.body_html) for p in pages if p.path.startswith("jinxiu/")}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return jinxiu_pages(tmp_path_factory.mktemp("project"))


PAGES = [
    ("jinxiu/funds/2025/", [   # the 万元 annual summary
        "公布的期初余额15.65万元（156,500.00元）", "公布的期末余额22.05万元（220,500.00元）",
        "按公布精度0.01万元核对，差额100.00元在误差内",
        "收入合计：按公布精度0.01万元核对，差额36.35元在误差内",
        "退还5幢商铺多收的外摆场地使用费-1,200.00元来源：公共收益；范围：5幢商铺",
        "分摊规则：按两幢专有部分面积比例分摊", "分摊给1幢45,360.00元；分摊给2幢41,040.00元",
        "支出“1幢、2幢电梯曳引机及钢丝绳更换”的分摊：金额86,400.00元，分摊相加86,400.00元，一致",
        "分摊给原物业（1–6月）30,000.00元", "税额9,940.00元（已含在金额中）"]),
    ("jinxiu/funds/2026-h1/", [   # the first notice: superseded, opening not published
        "已被取代：本公示已被锦绣花园共有资金收支公示（2026年上半年，更正后重新公告）取代",
        "期初余额未公布，按期末余额−收入+支出推算为220,451.87元", "期初余额为推算值"]),
    ("jinxiu/funds/2026-h1-r/", ["取代锦绣花园共有资金收支公示（2026年上半年，原公告）", "3幢单元门禁维修3,260.00元"]),
    ("jinxiu/funds/wx-2025/", [   # per-building sub-accounts reconciled to the estate's account
        "分户账合计：公布期末余额3,134,777.20元，分户账期末余额相加3,134,777.20元，一致",
        "分户账“5幢”：公布期末余额490,296.20元，期初+收入−支出490,296.20元，一致"]),
    ("jinxiu/funds/wx-2026-h1/", ["本期无收支：本期没有任何收入和支出，期末余额3,134,777.20元"]),
    ("jinxiu/funds/", ["锦绣花园共有资金收支公示（2026年上半年，原公告）（已被取代）", "22.05万元", "专项维修资金"]),
    ("jinxiu/item/2025-02/", ["参与表决（人数）149/176人84.65%≥2/3达到", "同意（面积）11236.80/12711.35㎡88.39%>1/2达到"]),
]


@pytest.mark.parametrize("path,texts", PAGES, ids=[p for p, _ in PAGES])
def test_fund_page_shows(pages: dict[str, str], path: str, texts: list[str]) -> None:
    for expected in texts:
        assert "".join(expected.split()) in pages[path], f"{path}: missing {expected!r}"


def test_an_acknowledged_discrepancy_shows_stated_computed_and_reason(tmp_path: Path) -> None:
    edited = jinxiu_pages(tmp_path, [{"file": "funds.yml", "find": "expense_total: 58246.00",
                                      "replace": "expense_total: 58264.00\n    acknowledged: {reason: 公告原件支出合计多计 18.00 元，照录}"}])
    text = edited["jinxiu/funds/2026-h1-r/"]
    for expected in ["公告原件中的数字不一致，本页照录公布的数字，没有改动",
                     "支出合计：公布支出合计58,264.00元，支出明细相加58,246.00元，相差18.00元",
                     "照录原因：公告原件支出合计多计18.00元，照录", "公布的支出合计58,264.00元"]:
        assert expected in text, expected
