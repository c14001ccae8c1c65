"""What is due next (issue 11 point 5): the community page, the portal's
overdue list and the report's 逾期 column, for a fixed reference date."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF, apply_edits, copy_examples, run_cli
from tests.lifecycle.pages import build, text

# lihua without its 2025 yearly statement (due 2026-03-31) and without the 2026-10 theme
NO_2025_FUNDS = {"lihua": [
    {"file": "funds.yml", "find": "window: {start: 2026-01-20, end: 2026-01-29}",
     "replace": "window: {start: 2026-01-20, end: 2026-01-29}\n    withdrawn: {date: 2026-02-01, reason: 重复录入}"},
]}


def test_community_page_says_when_each_disclosure_is_next_due(tmp_path: Path) -> None:
    pages, _ = build(tmp_path, AS_OF, slugs=["wangjiang", "qingfeng"])
    shown = text(pages["wangjiang/"])
    assert "应公开事项" in shown and "状态截至 2026-11-23" in shown
    for row in ("年度共有资金收支公示 2026 年 2027-03-31 尚未公开（还有 128 天到期） xingfuli 8.3",
                "三方联席会议 2026 年第 4 季度 2026-12-31 尚未公开（还有 38 天到期） xingfuli 8.5.1",
                "月度活动主题 2027 年 1 月 2027-01-01 尚未公开（还有 39 天到期） xingfuli 9.4",
                "年度关键事项 2027 年 2027-12-31"):
        assert row in shown, row
    renren = text(pages["qingfeng/"])
    assert "议事会 2026 年 12 月 2026-12-31 尚未公开（还有 38 天到期） renren 表1-1" in renren
    assert "三方联席会议" not in renren          # not a renren cadence


def test_an_absent_disclosure_is_said_plainly_and_listed_on_the_portal(tmp_path: Path) -> None:
    pages, _ = build(tmp_path, AS_OF, NO_2025_FUNDS, slugs=["wangjiang", "lihua"])
    assert "年度共有资金收支公示 2025 年 2026-03-31 尚未公开（已逾期 237 天） xingfuli 8.3" in text(pages["lihua/"])
    portal = text(pages[""])
    assert "逾期未公开 截止日期 社区 事项 期间 状态 2026-03-31 梨花小区 年度共有资金收支公示（xingfuli 8.3） 2025 年" in portal


def test_overdue_rows_are_oldest_first(tmp_path: Path) -> None:
    edits = {**NO_2025_FUNDS, "wangjiang": [
        {"file": "activities.yml", "find": "  2026-06:", "replace": "  # 2026-06:"}]}
    pages, _ = build(tmp_path, AS_OF, edits, slugs=["wangjiang", "lihua"])
    portal = text(pages[""])
    funds, theme = portal.index("2026-03-31 梨花小区"), portal.index("2026-06-01 望江社区 月度活动主题")
    assert funds < theme


def test_no_overdue_disclosures_in_the_examples(tmp_path: Path) -> None:
    pages, _ = build(tmp_path, AS_OF)
    assert "截至 2026-11-23，各社区没有逾期未公开的定期公示。" in text(pages[""])


def test_report_has_an_overdue_column(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["wangjiang", "lihua"])
    apply_edits(root, "lihua", NO_2025_FUNDS["lihua"])
    data = json.loads(run_cli(root, "report", "--format", "json", "--as-of", AS_OF.isoformat()).output)
    assert data["columns"]["overdue"] == "逾期"
    counts = {c["slug"]: c["overdue"] for c in data["communities"]}
    assert counts == {"lihua": "1", "wangjiang": "0"}
    table = run_cli(root, "report", "--as-of", AS_OF.isoformat()).output
    assert "逾期" in table.splitlines()[0]
