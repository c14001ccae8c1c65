"""Schema findings in detail: suggestions, merged duplicates, exact money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.load import load_text
from generator.model.errors import build_record, nearest
from generator.model.records import CommunityProfile, FundsFile, ScenesFile

FUNDS = """\
statements:
  - id: "2024"
    period: "2024"
    disclosed: 2025-01-15
    opening: 1234.505
    closing: 约 1.2 万元
"""


@pytest.mark.parametrize("word,choices,expected", [
    ("邻里书巴", ["邻里书吧", "邻里学堂"], "邻里书吧"),
    ("社 区", ["社区", "小区", "村"], "社区"),
    ("党群服务中心(邻里客厅)", ["党群服务中心（邻里客厅）", "党群服务阵地"], "党群服务中心（邻里客厅）"),
    ("HOUSEHOLDS", ["households", "residents"], "households"),
    ("housholds", ["households", "residents"], "households"),
    ("完全无关", ["households", "residents"], None),
])
def test_nearest(word: str, choices: list[str], expected: str | None) -> None:
    assert nearest(word, choices) == expected


def test_money_keeps_every_decimal_as_written() -> None:
    record, findings = build_record(load_text(FUNDS, "funds.yml"), FundsFile)
    assert findings == []
    statement = record.statements[0]
    assert statement.opening.value == Decimal("1234.505") and statement.opening.decimals == 3
    assert statement.closing.qualifier == "约" and statement.closing.unit == "万元"


def test_a_misspelt_required_field_is_one_finding() -> None:
    text = ("name: 望江社区\nkind: 社区\nprofiles: [xingfuli]\n"
            "region: {province: 浙江省, city: 温州市, district: 鹿城区, street: 南郊街道}\n"
            "population:\n  housholds: 2860\n  residents: 7640\n  aged_60_plus: 1720\ncontact: {role: 居委会}\n")
    _, findings = build_record(load_text(text, "community.yml"), CommunityProfile)
    assert [(f.rule_id, f.location.line, f.hint) for f in findings] == [
        ("schema.extra_forbidden", 6, "是否想写“households”（户数）？")]


def test_every_finding_of_a_file_is_located_in_it() -> None:
    text = "scenes:\n  - name: 邻里书巴\n    walk_minutes: 十分钟\n  - place: 二楼\n  - 邻里书吧\n"
    _, findings = build_record(load_text(text, "scenes.yml"), ScenesFile)
    assert sorted((f.location.line, f.rule_id) for f in findings) == [
        (2, "schema.literal_error"), (3, "schema.int_parsing"), (4, "schema.missing"), (5, "schema.model_type")]
    assert all(f.location.file == "scenes.yml" and f.blocking for f in findings)


def test_a_top_level_list_names_the_field_the_file_needs() -> None:
    _, findings = build_record(load_text("- name: 邻里书吧\n", "scenes.yml"), ScenesFile)
    assert len(findings) == 1 and "“scenes:”" in findings[0].hint
