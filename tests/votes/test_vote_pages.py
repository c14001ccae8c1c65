"""The key item and pledge pages show a vote's four ratios with the thresholds
they were held against (Civil Code art. 278), and the local rule if any."""

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


def page_texts(tmp_path: Path, edits: list[dict[str, str]] | None = None) -> dict[str, str]:
    root = copy_examples(tmp_path, ["lihua", "wangjiang"])
    apply_edits(root, "lihua", edits or [])
    pages = build_pages(validate(root, AS_OF), SiteConfig(SITE_URL, root))
    return {p.path: "".join(html.unescape(re.sub(r"<[^>]+>", " ", p.body_html)).split()) for p in pages}


CASES = [
    ("passing", [], "lihua/item/2024-01/", [
        "表决事项：使用维修资金；方式：会议+书面；2024-02-20至2024-03-05",
        "参与表决（人数）398/486人81.89%≥2/3达到", "参与表决（面积）34061.42/41236.58㎡82.60%≥2/3达到",
        "同意（人数）361/398人90.70%>1/2达到", "同意（面积）31064.02/34061.42㎡91.20%>1/2达到",
        "按《民法典》第二百七十八条的比例，表决通过"]),
    ("failing participation", [{"file": "key_items.yml", "find": "total: {heads: 72, area: 5986.40}",
                                "replace": "total: {heads: 96, area: 5986.40}"}], "lihua/item/2026-03/", [
        "参与表决（人数）62/96人64.58%≥2/3未达到", "参与表决（面积）5220.14/5986.40㎡87.19%≥2/3达到",
        "表决未通过：参与表决未达三分之二"]),
    ("failing agreement", [{"file": "key_items.yml", "find": "agree: {heads: 356, area: 30249.59}",
                            "replace": "agree: {heads: 300, area: 25000.00}\n      local_rule: 未参与表决的业主计入多数票"}],
     "lihua/item/2024-02/", [
        "同意（人数）300/412人72.81%≥3/4未达到", "同意（面积）25000.00/35092.33㎡71.24%≥3/4未达到",
        "“改变共有部分用途”须经参与表决面积和人数各四分之三以上同意", "表决未通过：同意未达四分之三",
        "本次表决适用地方规则：未参与表决的业主计入多数票"]),
    ("scoped vote", [{"file": "key_items.yml", "find": "total: {heads: 72, area: 5986.40}",
                      "replace": "total: {heads: 72, area: 5986.40}\n      scope: 3 幢、4 幢业主"}],
     "lihua/item/2026-03/", ["表决范围：3幢、4幢业主"]),
    ("pledge", [], "lihua/pledges/", [
        "表决事项：制定和修改管理规约", "参与表决（人数）409/486人84.15%≥2/3达到", "按《民法典》第二百七十八条的比例，表决通过"]),
]


@pytest.mark.parametrize("name,edits,path,texts", CASES, ids=[c[0] for c in CASES])
def test_vote_page_shows_ratios_and_thresholds(tmp_path: Path, name: str, edits: list[dict[str, str]], path: str,
                                               texts: list[str]) -> None:
    text = page_texts(tmp_path, edits)[path]
    for expected in texts:
        assert "".join(expected.split()) in text, f"{path}: missing {expected!r}"
