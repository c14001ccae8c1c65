"""Every page kind exists at its permanent address and shows a known fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import page_text

# (address, texts that must appear on the page), from the example data as of 2026-11-23.
PAGES = [
    ("", ["温州市", "鹿城区 3 个社区（小区）", "常州市", "天宁区 1 个社区（小区）", "达标自评合计：达标", "最近更新"]),
    # 温州市鹿城区 and its 南郊街道: addresses.district("温州市", "鹿城区"), addresses.street(…, "南郊街道")
    ("area/76f9c6bb/", ["温州市鹿城区共 3 个社区（小区）公示", "南郊街道 3 个社区（小区）", "达标自评合计：达标"]),
    ("area/9f66c553/", ["鹿城区南郊街道共 3 个社区（小区）公示", "望江社区", "梨花小区 小区 · 属望江社区",
                        "达标自评：达标", "本街道各社区没有逾期未公开的定期公示"]),
    ("wangjiang/", ["7640 人", "0577-88012345", "南郊街道", "梨花小区", "最近公示"]),
    ("lihua/", ["所属社区 望江社区", "老旧小区"]),
    ("wangjiang/pledges/", ["望江社区居民公约", "五议两公开", "居民代表决议", "知晓率"]),
    ("qingfeng/pledges/", ["“人人”责任清单", "“人人”正面行为清单", "“人人”负面行为清单", "“人人”积分清单",
                           "高空抛物", "2024-03-26 居民代表决议"]),
    ("wangjiang/items/", ["2024 年", "背街小巷停车秩序整治", "交通出行"]),
    ("wangjiang/items/2024/", ["背街小巷停车秩序整治", "已完成", "施划停车泊位 186 个"]),
    ("wangjiang/item/2024-04/", ["2024-06-04 居民代表决议", "应到居民代表 62 人",
                                "公示期：2024-11-18 至 2024-11-27 公示期已结束 状态截至 2026-11-23",
                                "无法读取修订历史（不是 git 仓库）"]),
    ("wangjiang/funds/", ["2025年度", "326,750.80 元", "状态截至 2026-11-23"]),
    ("wangjiang/funds/2025/", ["期初余额 204,783.25 元 + 收入合计 328,468.72 元 − 支出合计 326,750.80 元 "
                               "= 期末余额 206,501.17 元，收支相符。", "邻里食堂助餐补贴", "98,360.00 元",
                               "2026-01-23 更正", "CSV", "在浏览器打开"]),
    ("wangjiang/calendar/", ["即将举行", "ICS", "各月活动"]),
    ("wangjiang/calendar/2026-12/", ["辞旧迎新邻里家宴", "一 二 三 四 五 六 日"]),
    ("lihua/scenes/", ["健康诊疗驿站 ✘ 未建成", "已建成 6 项（共 8 项）", "党群服务阵地 ✔ 已建成 8 幢架空层"]),
    ("qingfeng/scenes/", ["全龄友好设施", "共享书屋"]),
    ("wangjiang/surveys/", ["样本 4268 人", "总体满意度", "知晓率 94.2%"]),
    ("wangjiang/assessment/", ["达标自评", "5.5", "77.8%", "达标"]),
    ("wangjiang/services/", ["养老服务项目清单", "助餐服务", "低保登记公示"]),
    ("wangjiang/notice/2026-q3/", ["本次登记公示共 4 户、 8 人", "公示期已结束，名单不再公开"]),
    ("wangjiang/posters/", ["海报"]),
    ("guide/", ["填写指南", "冒号用英文半角"]),
    ("guide/fields/funds/", ["statements[].closing", "期末余额", "statements[].changes[].kind", "可选：更正、补充、重新公示"]),
    ("guide/fields/scenes/", ["scenes[].name", "邻里食堂或助餐点"]),
]


@pytest.mark.parametrize("path,texts", PAGES, ids=[p or "portal" for p, _ in PAGES])
def test_page_shows_known_facts(built_site: Path, path: str, texts: list[str]) -> None:
    text = "".join(page_text(built_site, path).split())   # tags leave spaces between words
    for expected in texts:
        assert "".join(expected.split()) in text, f"{path or '/'}: missing {expected!r}"


def test_names_of_a_closed_notice_are_not_published(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".ics"):
            assert "陈建国" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_footer_shows_the_data_date_not_the_build_clock(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    assert "数据更新于 2026-" in source and "公示状态截至 2026-11-23" in source


def test_larger_text_switch_is_a_real_button(built_site: Path) -> None:
    source = (built_site / "wangjiang" / "index.html").read_text(encoding="utf-8")
    assert '<button type="button" class="gs-textsize" data-gs-textsize aria-pressed="false">大字</button>' in source
    script = (built_site / "assets" / "gongshi" / "gongshi.js").read_text(encoding="utf-8")
    assert "localStorage" in script


def test_search_dialog_has_a_name(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="查找"' in source


def test_rule_guide_lists_every_registered_rule(built_site: Path) -> None:
    from generator.rules import RULES

    groups = sorted(p.parent.name for p in (built_site / "guide" / "rules").glob("*/index.html"))
    assert groups == sorted({rule.profile for rule in RULES.values()})
    index = page_text(built_site, "guide/rules/")
    text = " ".join(page_text(built_site, f"guide/rules/{group}/") for group in groups)
    assert all(f"（{sum(r.profile == g for r in RULES.values())} 条）" in index for g in groups)
    missing = [rule_id for rule_id in RULES if rule_id not in text]
    assert not missing, missing


def test_json_schemas_are_published_for_every_data_file(built_site: Path) -> None:
    import json

    from generator.model.records import FILE_MODELS

    for filename in FILE_MODELS:
        schema = json.loads((built_site / "schemas" / filename.replace(".yml", ".schema.json")).read_text())
        assert schema["$schema"].startswith("https://json-schema.org/")
        assert schema["additionalProperties"] is False


def test_every_poster_qr_points_at_a_page_of_the_built_site(built_site: Path) -> None:
    """Posters' QR codes decode to spec.url (tests/posters); each must open a real page."""
    from generator.config import site_url
    from generator.pipeline import validate
    from generator.posters.plan import poster_plan
    from tests.conftest import AS_OF

    root = built_site.parent
    specs = poster_plan(validate(root, AS_OF), site_url(root), ("A4", "A3"))
    assert len(specs) > 30
    for spec in specs:
        assert spec.url == site_url(root) + spec.page_path
        assert (built_site / spec.page_path / "index.html").is_file(), spec.url


def test_no_published_address_is_ever_dropped(built_site: Path) -> None:
    listed = [line for line in (Path(__file__).parent / "published_addresses.txt").read_text(encoding="utf-8")
              .splitlines() if not line.startswith("#")]
    missing = [address or "/" for address in listed if not (built_site / address / "index.html").is_file()]
    assert not missing, f"these published addresses no longer exist: {missing}"
