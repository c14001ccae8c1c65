"""The loader, value by value: what YAML text becomes, and where each value stands.

Syntax errors are checked with libyaml (what runs when it is available) and
with pure-Python PyYAML: they word their problems differently, and staff
must see the same Chinese message at the same line from both.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import yaml

import generator.load.reader as reader
from generator.findings import Location, Severity
from generator.load import load_bytes, load_text

LOADERS = [pytest.param(getattr(yaml, "CSafeLoader", yaml.SafeLoader), id="libyaml"),
           pytest.param(yaml.SafeLoader, id="python")]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(reader, "_Loader", request.param)
    return request.param


# ---------------------------------------------------------------- values
VALUES: list[tuple[str, Any]] = [
    ("1234.505", Decimal("1234.505")),         # money: Decimal from the text as written, any decimals
    ("62400.00", Decimal("62400.00")),
    ("-0.50", Decimal("-0.50")),
    ("2860", 2860),
    ("+5", 5),
    ("true", True),
    ("false", False),
    ("~", None),
    ("", None),
    ("2025-03-01", date(2025, 3, 1)),
    ("'2025-03-01'", "2025-03-01"),
    ("!!str 12", "12"),
    ("“你好”", "“你好”"),                         # full-width quotes are ordinary text
    # YAML 1.1 readings that would silently change what staff wrote:
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"),
    ("0577", "0577"), ("007", "007"), ("9:30", "9:30"), ("1_000", "1_000"), ("0x1F", "0x1F"),
    ("1e3", "1e3"), (".5", ".5"), (".inf", ".inf"), (".nan", ".nan"),
    ("0577-88012345", "0577-88012345"),
]


@pytest.mark.parametrize("written,value", VALUES, ids=[v[0] or "empty" for v in VALUES])
def test_value(written: str, value: Any, loader: type) -> None:
    doc = load_text(f"a: {written}\n", "t.yml")
    assert doc.findings == []
    assert doc.data == {"a": value}
    assert type(doc.data["a"]) is type(value)
    if isinstance(value, Decimal):
        assert str(doc.data["a"]) == written


def test_keys_are_text_as_written() -> None:
    doc = load_text("2025-03: 学雷锋志愿月\n2025: 年度\nnull: x\n", "t.yml")
    assert doc.data == {"2025-03": "学雷锋志愿月", "2025": "年度", "null": "x"}


def test_every_value_and_key_is_located(loader: type) -> None:
    doc = load_text("# 注释\nregion:\n  city: 温州市\n  list: [1, 望江]\nitems:\n  - name: 书吧\n", "c.yml")
    assert doc.positions[("region", "city")] == Location("c.yml", 3, 9)
    assert doc.positions[("region", "list", 1)] == Location("c.yml", 4, 13)
    assert doc.key_positions[("region", "list")] == Location("c.yml", 4, 3)
    assert doc.positions[("items", 0, "name")] == Location("c.yml", 6, 11)
    assert doc.where(("items", 0, "missing", 3)) == Location("c.yml", 6, 5)


def test_a_trailing_document_marker_holds_nothing_to_lose() -> None:
    doc = load_text("a: 1\n---\n", "t.yml")
    assert doc.findings == [] and doc.data == {"a": 1}


# ---------------------------------------------------------------- findings
# (text, rule, line, column or None, part of the message)
FINDINGS: list[tuple[str, str, int, int | None, str]] = [
    ("name: a\nkind 社区\nprofiles: [x]\n", "load.missing-colon", 2, 1, "缺少冒号"),
    ("name: a\nkind 社区\n", "load.missing-colon", 2, 1, "缺少冒号"),
    ("name: a\nregion\n  province: a\n", "load.missing-colon", 2, 1, "缺少冒号"),
    ("scenes:\n  - name a\n    place: b\n", "load.missing-colon", 2, 9, "“name”后面缺少冒号"),
    ("scenes:\n  - name: a\n    place b\n    hours: c\n", "load.missing-colon", 3, 5, "缺少冒号"),
    ("a:\n  name 望江\n  kind: 社区\n", "load.missing-colon", 2, 7, "“name”后面缺少冒号"),
    ("description: 这是\n  wenzhou city 项目\n  note: x\n", "load.text-colon", 3, 7, "不能出现冒号"),
    ("region:\n  province: a\n   city: b\n", "load.indent", 3, 4, "多缩进了 1 个空格"),
    ("name: a\n  kind: b\n", "load.indent", 2, 3, "多缩进了 2 个空格"),
    ("region:\n  province: a\n city: b\n", "load.indent", 3, 2, "缩进不一致"),
    ("scenes:\n  - name: a\n   - name: c\n", "load.indent", 3, 4, "列表项的“- ”没有对齐"),
    ("scenes:\n  - name: a\n    place: b\n  hours: c\n", "load.indent", 4, 3, "不是新的一项"),
    ("name: a\n- b\n", "load.indent", 2, 1, "这里出现了列表项"),
    ("title: 通知: 明天停水\n", "load.text-colon", 1, 10, "冒号加空格"),
    ("name: \"abc\nkind: x\n", "load.quote", 1, 7, "引号没有闭合"),
    ("name: 'abc\nkind: x\n", "load.quote", 1, 7, "引号没有闭合"),
    ("title: \"abc\" def\n", "load.quote", 1, 14, "引号（“\"”）后面还有文字"),
    ("a: \"\\q\"\n", "load.escape", 1, None, "反斜杠"),
    ("profiles: [a, b\nkind: x\n", "load.bracket", 1, 11, "方括号"),
    ("a: {b: 1, c\n", "load.bracket", 1, 4, "花括号"),
    ("note: @望江\n", "load.bad-character", 1, 7, "不能以“@”开头"),
    ("note: `望江`\n", "load.bad-character", 1, 7, "不能以“`”开头"),
    ("note: *重要*\n", "load.bad-character", 1, 7, "不能以“*”开头"),
    ("note: &重要\n", "load.bad-character", 1, 7, "不能以“&”开头"),
    (": a\n", "load.missing-key", 1, 1, "缺少字段名"),
    ("a: 1\n...\nb: 2\n", "load.document", 3, 1, "“...”表示文件结束"),
    ("%YAML 2.0\n---\na: 1\n", "load.directive", 1, 1, "以“%”开头"),
    ("kind：社区\nname: a\n", "load.fullwidth-colon", 1, 5, "全角冒号"),
    ("name: a\nkind： 社区\n", "load.fullwidth-colon", 2, 5, "全角冒号"),
    ("x:\n  closing： 204783.25\n", "load.fullwidth-colon", 2, 10, "“closing”后面用了全角冒号"),
    ("name: a\nkind：社区\n", "load.fullwidth-colon", 2, 5, "全角冒号"),
    ("scenes:\n  - name：a\n", "load.fullwidth-colon", 2, 9, "全角冒号"),
    ("名称：望江\nkind: 社区\n", "load.text-colon", 2, None, "不能出现冒号"),
    ("name: a\n名称：望江\nkind: 社区\n", "load.fullwidth-colon", 2, 3, "全角冒号"),
    ("region:\n\u3000\u3000province: a\n  city: b\n", "load.fullwidth-space", 2, 1, "全角空格"),
    ("\u3000name: x\n", "load.fullwidth-space", 1, 1, "全角空格"),
    ("region:\n\u00a0\u00a0province: a\n", "load.fullwidth-space", 2, 1, "不换行空格"),
    ("region:\n\tprovince: a\n", "load.tab", 2, 1, "Tab"),
    ("region:\n  province: a\n  \tcity: b\n", "load.tab", 3, 3, "Tab"),
    ("scenes:\n  － name: a\n", "load.fullwidth-dash", 2, 3, "全角的“－”"),
    ("scenes:\n  -name: a\n", "load.dash-space", 2, 3, "“-”后面缺少空格"),
    ("name:望江\nkind: b\n", "load.colon-space", 1, 5, "“name:”后面缺少空格"),
    ("a: 1\nb: 2\na: 3\n", "load.duplicate-key", 3, 1, "字段“a”重复出现（第一次在第 1 行）"),
    ("x:\n  a: 1\n  a: 1\n", "load.duplicate-key", 3, 3, "重复出现"),
    ("d: 2025-02-30\n", "load.bad-date", 1, 4, "日期“2025-02-30”不存在"),
    ("d: 2025-13-01\n", "load.bad-date", 1, 4, "日期“2025-13-01”不存在"),
    ("a: &x 1\nb: *x\n", "load.alias", 2, 4, "别名“*x”（引用第 1 行的锚点“&x”）"),
    ("note: &A1 一号楼\n", "load.anchor", 1, 7, "锚点“&A1”"),
    ("a: *x\n", "load.alias", 1, 4, "别名"),
    ("c:\n  <<: {x: 1}\n", "load.merge", 2, 3, "合并键"),
    ("d: !date 2025-01-01\n", "load.tag", 1, 4, "标签“!date”"),
    ("d: !!binary aGVsbG8=\n", "load.tag", 1, 4, "标签"),
    ("s: !!set {a, b}\n", "load.tag", 1, 4, "标签"),
    ("a: 1\n---\nb: 2\n", "load.multi-document", 2, 1, "第二份内容"),
    ("[a, b]: x\n", "load.key-type", 1, 1, "字段名必须是一段文字"),
    ("a: b\x07c\n", "load.control-character", 1, 5, "U+0007"),
    ("a: \ud800\n", "load.control-character", 1, 4, "U+D800"),
    ("---\n", "load.empty", 1, 1, "没有内容"),
    ("# 只有注释\n", "load.empty", 1, 1, "没有内容"),
    ("a: " + "[" * 100 + "]" * 100 + "\n", "load.too-deep", 1, None, "嵌套层级太深"),
]


@pytest.mark.parametrize("text,rule,line,column,message", FINDINGS, ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(FINDINGS)])
def test_finding(text: str, rule: str, line: int, column: int | None, message: str, loader: type) -> None:
    doc = load_text(text, "t.yml")
    errors = [f for f in doc.findings if f.severity is Severity.ERROR]
    shown = "\n".join(f.format() for f in doc.findings)
    assert len(errors) == 1, f"expected exactly one error:\n{shown}"
    found = errors[0]
    assert (found.rule_id, found.location.line) == (rule, line), shown
    if column is not None:
        assert found.location.column == column, shown
    assert message in found.message, shown
    assert found.blocking and not doc.ok


def test_fullwidth_space_inside_free_text_is_typography() -> None:
    text = "profile_text: |\n  \u3000\u3000望江社区位于瓯江南岸。\n  name：这一行也是正文\nnote:\n  第一行\n  \u3000\u3000第二行\n"
    doc = load_text(text, "t.yml")
    assert doc.findings == []
    assert doc.data["profile_text"].startswith("\u3000\u3000望江")


def test_several_slips_are_reported_each_at_its_line() -> None:
    doc = load_text("name：望江社区\nkind: 社区\nregion:\n\tcity: 温州市\n", "t.yml")
    assert [(f.rule_id, f.location.line) for f in doc.findings] == [("load.fullwidth-colon", 1), ("load.tab", 4)]


def test_a_slip_and_an_unrelated_error_are_both_reported() -> None:
    doc = load_text("kind：社区\nname: \"望江\n", "t.yml")
    assert [(f.rule_id, f.location.line) for f in doc.findings] == [("load.fullwidth-colon", 1), ("load.quote", 2)]


# ---------------------------------------------------------------- bytes
BYTES: list[tuple[bytes, str, int, str]] = [
    ("name: 望江社区\n".encode("gbk"), "load.encoding", 1, "GBK"),
    (b"a: 1\n" + "b: 望江\n".encode("gbk"), "load.encoding", 2, "“b: 望江”"),
    ("name: 望江\n".encode("utf-16"), "load.encoding", 1, "UTF-16"),
    ("name: x\n".encode("utf-16-le"), "load.encoding", 1, "UTF-16"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "load.binary", 1, "不是文本文件"),
    (b"", "load.empty", 1, "文件是空的"),
    (b"  \n\n", "load.empty", 1, "文件是空的"),
    (b"# a\n  # b\n", "load.empty", 1, "只有注释"),
    (b"\xef\xbb\xbf", "load.empty", 1, "文件是空的"),
]


@pytest.mark.parametrize("raw,rule,line,message", BYTES, ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(BYTES)])
def test_bytes(raw: bytes, rule: str, line: int, message: str) -> None:
    doc = load_bytes(raw, "t.yml")
    errors = [f for f in doc.findings if f.is_error]
    assert [(f.rule_id, f.location.line) for f in errors] == [(rule, line)]
    assert message in errors[0].message


def test_bom_is_a_warning_and_the_file_is_read() -> None:
    doc = load_bytes(b"\xef\xbb\xbfname: \xe6\x9c\x9b\xe6\xb1\x9f\n", "t.yml")
    assert doc.data == {"name": "望江"}
    assert [(f.rule_id, f.severity) for f in doc.findings] == [("load.bom", Severity.WARNING)]
    assert doc.ok


def test_crlf_line_endings_are_fine() -> None:
    doc = load_bytes("name: 望江\r\nkind: 社区\r\nkind: 村\r\n".encode(), "t.yml")
    assert doc.data == {"name": "望江", "kind": "社区"}
    assert [(f.rule_id, f.location.line) for f in doc.findings] == [("load.duplicate-key", 3)]
