"""Sub-items roll up by the rule the item states; the page says the rule and the
figure, links the published evidence photo, and keeps "no figure" apart from 0 %."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model.records import KeyItem
from generator.pipeline import validate
from generator.progress import rollup
from generator.site.context import SiteConfig
from generator.site.pages import build_pages
from tests.conftest import AS_OF, copy_examples

CASES = [
    ("平均", [{"title": "a", "progress": 40}, {"title": "b", "progress": 80}], "60.0", "2 个子项进度的平均"),
    ("平均", [{"title": "a", "progress": 0}, {"title": "b"}], "0.0", "b没有进度数字，未计入"),
    ("平均", [{"title": "a"}], None, "都没有进度数字"),
    ("按预算加权", [{"title": "a", "progress": 100, "budget": 30000}, {"title": "b", "progress": 0, "budget": 10000}],
     "75.0", "按 2 个子项的预算加权"),
    ("按预算加权", [{"title": "a", "progress": 50, "budget": "1万元"}, {"title": "b", "progress": 100, "budget": "约 1 万元"}],
     "50.0", "b没有精确预算，未计入"),
]


@pytest.mark.parametrize("rule,subs,value,explanation", CASES)
def test_rollup(rule: str, subs: list[dict], value: str | None, explanation: str) -> None:
    item = KeyItem.model_validate({"id": "x", "year": 2026, "title": "t", "category": "基础设施", "status": "实施中",
                                   "sub_items": subs, "rollup": rule})
    result = rollup(item)
    assert result is not None and result.rule == rule
    assert result.value == (Decimal(value) if value is not None else None)
    assert explanation in result.explanation


def test_item_page_states_rollup_and_links_the_photo(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["wangjiang"])
    pages = {p.path: p for p in build_pages(validate(root, AS_OF), SiteConfig("https://gongshi.example.cn/", root))}
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", pages["wangjiang/item/2026-02/"].body_html)).split())
    assert "子项汇总方式：平均（3 个子项进度的平均），汇总进度 60.0%" in text
    assert '<a href="2025-path.jpg">' in pages["wangjiang/item/2025-01/"].body_html
