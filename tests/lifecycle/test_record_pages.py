"""Points 1–4 of issue 11 as residents see them on pages and posters, for a
fixed reference date: window dates, status words, the channel, doubts and
answers, milestones, change reasons, and a record that has not started."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import AS_OF, copy_examples
from tests.lifecycle.pages import build, text

CHANNEL = ("对公示内容有疑问 请向 望江社区居务监督委员会 反映（社区党群服务中心一楼居务监督室（门口设意见箱）），"
           "电话 0577-88012346。")


@pytest.fixture(scope="module")
def wangjiang(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    pages, _ = build(tmp_path_factory.mktemp("site"), AS_OF, slugs=["wangjiang"])
    return {path: text(page) for path, page in pages.items()}


@pytest.mark.parametrize("path, expected", [
    # point 1: in its window, closed, not yet started — each with dates, status and 状态截至
    ("wangjiang/item/2026-03/", "2026-11-18 决议公开 公示期：2026-11-18 至 2026-11-27 公示中（还剩 5 天） 状态截至 2026-11-23"),
    ("wangjiang/item/2025-01/", "2025-07-08 实施结果公开 公示期：2025-07-08 至 2025-07-17 公示期已结束 状态截至 2026-11-23"),
    ("wangjiang/item/2026-04/", "公示期：2026-12-01 至 2026-12-10 尚未开始 状态截至 2026-11-23"),
    # point 1: the community's default channel, with the promised reply time
    ("wangjiang/funds/2025/", CHANNEL + " 受理截至公示期结束日 2026-01-29。 收到疑问后 20 天内答复。"),
    # point 2: the doubt and its answer under the record
    ("wangjiang/funds/2025/", "居民疑问与答复 2026-01-19 收到： 有居民反映公示的邻里食堂助餐补贴金额与食堂每月公示的补贴合计不一致 "
                              "2026-01-23 答复： 经业财代理机构逐月核对凭证"),
    # point 3: stage, progress and dated milestones with the photo's caption
    ("wangjiang/item/2026-02/", "状态 实施中 进度 60%"),
    ("wangjiang/item/2025-01/", "实施进展 2025-04-08 施工单位进场，分段围挡施工 2025-06-20 完工并通过街道、社区和居民代表联合验收 "
                                "（附件：修缮完工的望江东路至滨江公园人行步道）"),
    # point 4: the corrected fund period and its reason
    ("wangjiang/funds/2025/", "修订记录 2026-01-23 更正 ：“邻里食堂助餐补贴”误录为 98630.00 元，核对凭证后更正为 98360.00 元"),
])
def test_record_page_shows(wangjiang: dict[str, str], path: str, expected: str) -> None:
    assert expected in wangjiang[path]


def test_an_unanswered_doubt_shows_as_such(tmp_path: Path) -> None:
    edits = {"wangjiang": [{"file": "funds.yml", "find": "        answered: 2026-01-23\n", "replace": ""}]}
    pages, _ = build(tmp_path, date(2026, 2, 20), edits, slugs=["wangjiang"])
    assert "2026-01-19 收到： 有居民反映公示的邻里食堂助餐补贴金额与食堂每月公示的补贴合计不一致 尚未答复。" in text(
        pages["wangjiang/funds/2025/"])


def test_a_republished_record_shows_its_new_window(tmp_path: Path) -> None:
    edits = {"wangjiang": [{"file": "funds.yml", "find": "      - {date: 2026-01-23, kind: 更正,",
                            "replace": "      - {date: 2026-11-20, kind: 重新公示, reason: 更正后重新张贴,"
                                       " window: {start: 2026-11-20, end: 2026-11-29}}\n"
                                       "      - {date: 2026-01-23, kind: 更正,"}]}
    pages, _ = build(tmp_path, AS_OF, edits, slugs=["wangjiang"])
    shown = text(pages["wangjiang/funds/2025/"])
    assert "公示期：2026-11-20 至 2026-11-29 公示中（还剩 7 天）" in shown
    assert "2026-11-20 重新公示 ：更正后重新张贴" in shown


def test_poster_prints_window_channel_answer_and_change_reason(tmp_path: Path) -> None:
    from tests.posters.conftest import render
    from tests.posters.pdfread import text_of

    root = copy_examples(tmp_path / "project", ["wangjiang"])
    specs, _ = render(root, tmp_path / "cache", tmp_path / "out", "wangjiang", kinds=["funds"])
    spec = next(s for s in specs if s.key == "2025")
    printed = "".join(text_of(tmp_path / "out" / spec.path).split())
    for expected in ("公示期：2026年1月15日至2026年1月29日（公示期已结束，状态截至2026-11-23）", "修订记录", "更正：“邻里食堂助餐补贴”误录为98630.00元",
                     "居民疑问与答复", "答复：经业财代理机构逐月核对凭证",
                     "如有疑问，请于2026年1月29日前向望江社区居务监督委员会反映", "收到后20日内答复"):
        assert expected in printed, expected
