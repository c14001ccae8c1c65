"""Compose YAML into plain values, remembering where each came from.

PyYAML's composer (the C one when available) gives nodes with marks; we
construct values ourselves so that nothing is lost: duplicate keys are
findings, numbers with a decimal point become `Decimal` from the text as
written, dates are checked to exist, and only a small YAML 1.2-like set of
implicit types is recognised ("no", "0577", "9:30" stay text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from generator.findings import Finding, Location, Severity
from generator.load.text import decode

_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 200_000

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

Path_ = tuple[Any, ...]


@dataclass
class Document:
    """One loaded file: its values, and where each value and key stands."""

    file: str
    data: Any = None
    positions: dict[Path_, Location] = field(default_factory=dict)
    key_positions: dict[Path_, Location] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.blocking for f in self.findings)

    def where(self, path: Path_, *, key: bool = False) -> Location:
        """The location of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Location(self.file, 1, 1))


class _Refused(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _loc(file: str, mark: Any) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _error(rule: str, message: str, hint: str, loc: Location) -> Finding:
    return Finding(rule_id=rule, severity=Severity.ERROR, message=message, hint=hint,
                   location=loc, blocking=True)


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.count = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(_error("load.too-complex", f"文件结构过于庞大（超过 {MAX_NODES} 个节点）",
                                  "把内容拆到多个文件。", _loc(self.doc.file, node.start_mark)))
        if id(node) in self.seen:
            raise _Refused(_error("load.alias", "文件使用了 YAML 锚点/别名（& 和 *），gongshi 不支持",
                                  "把被引用的内容直接写出来，不要用 & 和 *。", _loc(self.doc.file, node.start_mark)))
        if not isinstance(node, yaml.ScalarNode):
            self.seen.add(id(node))
        loc = _loc(self.doc.file, node.start_mark)
        self.doc.positions[path] = loc
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_loc = _loc(self.doc.file, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(_error("load.key-type", "键必须是一段文字", "检查这一行的缩进和冒号。", key_loc))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(_error("load.merge", "不支持 YAML 合并键“<<”", "把要合并的字段直接写出来。", key_loc))
            key = str(self._scalar(key_node, key_loc))
            if key in first_seen:
                self.doc.findings.append(_error(
                    "load.duplicate-key",
                    f"键“{key}”重复出现（第一次在第 {first_seen[key].line} 行），后一个会覆盖前一个，造成数据丢失",
                    "删除或合并重复的键；如果是两条记录，请写成列表（每项以“- ”开头）。", key_loc))
                continue
            first_seen[key] = key_loc
            self.doc.key_positions[path + (key,)] = key_loc
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Location) -> Any:
        if not node.tag.startswith("tag:yaml.org,2002:"):
            raise _Refused(_error("load.tag", f"不支持 YAML 标签“{node.tag}”", "删除以“!”开头的标签。", loc))
        if node.style:  # quoted or block text is always text
            return node.value
        return self._implicit(node.value, loc)

    def _implicit(self, text: str, loc: Location) -> Any:
        if text in _NULL:
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return int(text)
        if _DECIMAL.match(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - regex already guarantees form
                return text
        match = _DATE.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                self.doc.findings.append(_error(
                    "load.bad-date", f"日期“{text}”不存在",
                    "检查年、月、日（例如 2 月没有 30 日），格式为 YYYY-MM-DD。", loc))
                return None
        return text


def _parse_error(exc: yaml.YAMLError, file: str) -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    loc = _loc(file, mark) if mark is not None else Location(file, 1, 1)
    problem = getattr(exc, "problem", "") or ""
    message, hint = _explain(problem)
    return _error("load.syntax", message, hint, loc)


_PROBLEMS = [
    ("found character '\\t'", "这里有 Tab 制表符", "把 Tab 换成空格。"),
    ("mapping values are not allowed", "这里不能出现冒号“:”（可能是缩进不对，或文字里含“: ”）",
     "检查缩进；如果文字中本来就有冒号，请把整段文字用引号括起来。"),
    ("could not find expected ':'", "缺少冒号“:”", "键和值之间要用半角冒号加空格分隔，如“name: 瓯江社区”。"),
    ("did not find expected key", "缩进不一致，找不到预期的字段", "同一层级的字段要对齐，每级缩进两个空格。"),
    ("did not find expected '-' indicator", "列表项的缩进不一致", "同一列表的每一项都以对齐的“- ”开头。"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）", "检查引号、方括号是否成对。"),
    ("found undefined alias", "使用了未定义的别名“*”", "gongshi 不支持锚点和别名，把内容直接写出来。"),
    ("expected <block end>", "缩进不一致", "同一层级的字段要对齐，每级缩进两个空格。"),
    ("found character that cannot start any token", "这里有一个 YAML 不允许的字符（如 @ 或 ` 开头）",
     "把整段文字用引号括起来。"),
    ("while scanning a quoted scalar", "引号没有闭合", "检查这一段文字两边的引号是否成对。"),
    ("found unknown escape character", "双引号文字里有无效的反斜杠转义", "改用单引号，或把“\\”写成“\\\\”。"),
]


def _explain(problem: str) -> tuple[str, str]:
    for needle, message, hint in _PROBLEMS:
        if needle in problem:
            return f"YAML 格式错误：{message}", hint
    return "YAML 格式错误，无法读取这一行", "检查这一行及上一行的缩进、冒号和引号。"


def load_text(text: str, file: str) -> Document:
    doc = Document(file=file)
    try:
        nodes = list(yaml.compose_all(text, Loader=_Composer))
    except yaml.YAMLError as exc:
        doc.findings.append(_parse_error(exc, file))
        return doc
    except (RecursionError, MemoryError):
        doc.findings.append(_error("load.too-complex", "文件嵌套过深，无法读取", "减少嵌套层级。", Location(file, 1, 1)))
        return doc
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        doc.findings.append(_error("load.empty", "文件是空的（或只有注释）", "填写内容，或删除这个文件。", Location(file, 1, 1)))
        return doc
    if len(nodes) > 1:
        doc.findings.append(_error("load.multi-doc", "一个文件里有多个 YAML 文档（出现了“---”分隔）",
                                   "每个文件只写一个文档，删去多余的“---”。", _loc(file, nodes[1].start_mark)))
        return doc
    try:
        doc.data = _Builder(doc).build(nodes[0], ())
    except _Refused as refused:
        doc.findings.append(refused.finding)
        doc.data = None
    except RecursionError:
        doc.findings.append(_error("load.too-complex", "文件嵌套过深，无法读取", "减少嵌套层级。", Location(file, 1, 1)))
        doc.data = None
    return doc


def load_document(path: Path, display: str | None = None) -> Document:
    """Load a file from disk; `display` is the path shown to staff."""
    file = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Document(file=file, findings=[_error("load.unreadable", f"无法读取文件：{exc.strerror or exc}",
                                                     "检查文件是否存在、是否有读取权限。", Location(file))])
    text, findings = decode(raw, file)
    if text is None or any(f.blocking for f in findings):
        return Document(file=file, findings=findings)
    doc = load_text(text, file)
    doc.findings[:0] = findings
    return doc
