"""Build plain values from the parser's events, remembering where each came from.

We read the events of libyaml (pure-Python PyYAML when it is missing) rather
than letting PyYAML construct values, so that nothing is lost or guessed:
duplicate keys are findings, numbers with a decimal point become `Decimal`
from the text as written, dates are checked to exist, and only a small
YAML 1.2-like set of implicit types is recognised ("no", "0577", "9:30"
stay text). Aliases, anchors, merge keys and tags are refused where they
appear, and depth and size are bounded: the reader is iterative, so no file
can make it slow, recurse or crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from generator.findings import Finding, Location, Severity

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 50_000
MAX_DEPTH = 64
MAX_NUMBER_LENGTH = 100   # longer digit strings stay text (Python refuses int() past 4300 digits)

_NUMBER_START = frozenset("-+0123456789")
# An integer, a decimal (its fraction group set) or a date (its year group set).
_NUMBER_OR_DATE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?P<fraction>\.[0-9]+)?$"
                             r"|(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})$")
_WORDS: dict[str, Any] = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
                          "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_TEXT_TAGS = {"!", "tag:yaml.org,2002:str"}
_COLLECTION_TAGS = {"!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

Path_ = tuple[Any, ...]


def error(rule: str, message: str, hint: str, loc: Location) -> Finding:
    return Finding(rule_id=rule, severity=Severity.ERROR, message=message, hint=hint, location=loc, blocking=True)


class _Refused(Exception):
    """Reading stops: the file uses something gongshi does not accept."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


_SKIP = object()      # the pending key of a mapping whose next value is dropped (a duplicate key)
_AWAITING = object()  # a mapping waiting for its next key


class _Frame:
    """A mapping or sequence being read; `path` None means it is dropped.
    `first_seen`: the line and column of each key of a mapping so far."""

    __slots__ = ("value", "path", "loc", "key", "first_seen", "is_key")

    def __init__(self, value: dict[str, Any] | list[Any], path: Path_ | None, loc: Location,
                 is_key: bool = False) -> None:
        self.value = value
        self.path = path
        self.loc = loc
        self.key: Any = _AWAITING
        self.first_seen: dict[str, Point] = {}
        self.is_key = is_key


Point = tuple[int, int]   # (line, column), 1-based: a Location is made only when one is asked for


@dataclass
class Reading:
    """What one pass over the parser's events saw: values and where they stand,
    or the parse error that stopped it. `plain_starts` and `continued` cover the
    watched lines only: which plain values start there ((line, column) -> is a
    key), and which of them continue a value begun on a line above."""

    data: Any = None
    positions: dict[Path_, Point] = field(default_factory=dict)
    key_positions: dict[Path_, Point] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    error: yaml.YAMLError | None = None
    empty: bool = True
    plain_starts: dict[tuple[int, int], bool] = field(default_factory=dict)
    continued: set[int] = field(default_factory=set)


def read(text: str, file: str, watch: frozenset[int] = frozenset()) -> Reading:
    """Read YAML text into plain values; problems become findings (or `error`), never exceptions."""
    return _Reader(text, file, watch).read()


class _Reader:
    """One pass over the parser's events; `watch`: lines holding suspected slips."""

    def __init__(self, text: str, file: str, watch: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.file = file
        self.watch = watch
        self.reading = Reading()
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.document_start: Location | None = None
        self.filled = False   # a document with content has been read
        self.anchors: dict[str, Location] = {}

    def read(self) -> Reading:
        try:
            self._events()
            for anchor, loc in self.anchors.items():
                # Unused, but it silently drops "&name" from what staff wrote.
                self.reading.findings.append(error(
                    "load.anchor", f"这里用了 YAML 锚点“&{anchor}”，gongshi 不支持锚点和别名（“&”“*”）",
                    "删除“&”及后面的名字；如果“&”是文字的一部分，请把整段文字用引号括起来。", loc))
        except yaml.YAMLError as exc:
            self.reading.error = exc
            self.reading.data = None
        except _Refused as refused:
            self.reading.findings.append(refused.finding)
            self.reading.data = None
        return self.reading

    def _events(self) -> None:
        """The event loop. A file holds thousands of scalars, so the usual one (a
        plain or quoted value inside a mapping or list, with no anchor or tag) is
        handled inline; every other event goes through the methods below."""
        handlers = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.DocumentStartEvent: self._document,
            yaml.AliasEvent: self._alias,
        }
        scalar_event = yaml.ScalarEvent
        stack = self.stack
        positions = self.reading.positions
        key_positions = self.reading.key_positions
        parser = _Loader(self.text)
        try:
            get_event = parser.get_event
            while (event := get_event()) is not None:
                if type(event) is not scalar_event or not stack or self.watch or event.anchor is not None \
                        or event.tag is not None or self.nodes >= MAX_NODES:
                    handler = handlers.get(type(event))
                    if handler is not None:
                        handler(event)
                    continue
                # What _scalar does, for the usual case.
                self.nodes += 1
                mark = event.start_mark
                point = (mark.line + 1, mark.column + 1)
                text = event.value
                frame = stack[-1]
                container = frame.value
                if type(container) is list:
                    if not event.style:
                        text = _WORDS.get(text, text) if not text or text[0] not in _NUMBER_START \
                            else self._implicit(text, point)
                    if frame.path is not None:
                        positions[frame.path + (len(container),)] = point
                        container.append(text)
                    continue
                key = frame.key
                if key is _AWAITING:
                    if not event.style and text == "<<" or text in frame.first_seen:
                        self._scalar_key(frame, text, point, not event.style)
                        continue
                    frame.first_seen[text] = point
                    if frame.path is not None:
                        key_positions[frame.path + (text,)] = point
                    frame.key = text
                    continue
                if not event.style:
                    text = _WORDS.get(text, text) if not text or text[0] not in _NUMBER_START \
                        else self._implicit(text, point)
                if key is not _SKIP and frame.path is not None:
                    positions[frame.path + (key,)] = point
                    container[key] = text
                frame.key = _AWAITING
        finally:
            parser.dispose()

    def _loc(self, mark: yaml.Mark) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1)

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.document_start = self._loc(event.start_mark)

    def _alias(self, event: yaml.AliasEvent) -> None:
        anchor = self.anchors.get(event.anchor)
        source = f"（引用第 {anchor.line} 行的锚点“&{event.anchor}”）" if anchor else ""
        raise _Refused(error(
            "load.alias", f"这里用了 YAML 别名“*{event.anchor}”{source}，gongshi 不支持锚点和别名（“&”“*”）",
            "把要重复的内容直接写出来，并删去“&”锚点；如果“*”是文字的一部分，请把整段文字用引号括起来。",
            self._loc(event.start_mark)))

    def _node(self, event: yaml.NodeEvent, loc: Location, tags: set[str]) -> None:
        """Checks every value passes: size, a second document, anchors, tags."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(error("load.too-complex", f"文件内容过多（超过 {MAX_NODES} 项），没有继续读取",
                                 "把内容拆到多个文件。", loc))
        if self.filled and not self.stack and not _is_empty(event):
            raise _Refused(error(
                "load.multi-document", "文件里有第二份内容：“---”把文件分成了两部分，gongshi 只读一份",
                "删去多余的“---”行，把内容合并到一起；不同的内容请放在不同的文件里。",
                self.document_start or loc))
        if event.anchor is not None:
            self.anchors.setdefault(event.anchor, loc)
        if event.tag is not None and event.tag not in tags:
            raise _Refused(error(
                "load.tag", f"这里用了 YAML 标签“{event.tag}”，gongshi 不支持",
                "删除以“!”开头的标签；如果“!”是文字的一部分，请把整段文字用引号括起来。", loc))

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        loc = self._loc(event.start_mark)
        self._node(event, loc, _COLLECTION_TAGS)
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(error("load.too-deep", f"嵌套层级太深（超过 {MAX_DEPTH} 层），没有继续读取",
                                 "检查缩进和括号是否成对；数据不需要这么多层。", loc))
        path, is_key = self._child_path()
        if path is not None:
            self.reading.positions[path] = (loc.line, loc.column)
        value: dict[str, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        self.stack.append(_Frame(value, path, loc, is_key=is_key))

    def _end(self, event: yaml.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        self._attach(frame.value, frame.loc, frame.path, is_key=frame.is_key)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        start, end = event.start_mark, event.end_mark
        loc = Location(self.file, start.line + 1, start.column + 1)
        point = (loc.line, loc.column)
        self._node(event, loc, _TEXT_TAGS)
        plain = not event.style and event.tag is None
        path, is_key = self._child_path()
        if self.watch:
            self._note_lines(loc, end, plain, is_key)
        if is_key:
            if self.stack:
                self._scalar_key(self.stack[-1], event.value, point, plain)
            else:
                self._attach(event.value, loc, path, is_key=True)
            return
        value = self._implicit(event.value, point) if plain else event.value
        if path is not None:
            self.reading.positions[path] = point
        self._attach(value, loc, path)

    def _scalar_key(self, frame: _Frame, key: str, point: Point, plain: bool) -> None:
        if plain and key == "<<":
            raise _Refused(error("load.merge", "这里用了 YAML 合并键“<<”，gongshi 不支持",
                                 "把要合并的字段直接写出来。", Location(self.file, *point)))
        frame.key = self._key(frame, key, point)

    def _note_lines(self, loc: Location, end: yaml.Mark, plain: bool, is_key: bool) -> None:
        if plain and loc.line in self.watch:
            self.reading.plain_starts[(loc.line, loc.column)] = is_key
        last = end.line + (0 if end.column == 0 else 1)   # a block of text ends at the next line's start
        self.reading.continued.update(line for line in self.watch if loc.line < line <= last)

    def _child_path(self) -> tuple[Path_ | None, bool]:
        """The path of the value about to start, and whether it stands in key position."""
        if not self.stack:
            return (), False
        frame = self.stack[-1]
        if type(frame.value) is list:
            return (None if frame.path is None else frame.path + (len(frame.value),)), False
        if frame.key is _AWAITING:
            return None, True
        if frame.key is _SKIP or frame.path is None:
            return None, False
        return frame.path + (frame.key,), False

    def _attach(self, value: Any, loc: Location, path: Path_ | None, *, is_key: bool = False) -> None:
        if not self.stack:
            if not self.filled:
                self.reading.data = value
                self.reading.empty = value is None
                self.filled = value is not None
            return
        frame = self.stack[-1]
        if type(frame.value) is list:
            if frame.path is not None:
                frame.value.append(value)
            return
        if is_key:
            frame.key = self._key(frame, value, (loc.line, loc.column))
            return
        if frame.key is not _SKIP and frame.path is not None:
            frame.value[frame.key] = value
        frame.key = _AWAITING

    def _key(self, frame: _Frame, key: Any, point: Point) -> Any:
        if not isinstance(key, str):
            self.reading.findings.append(error(
                "load.key-type", "字段名必须是一段文字，这里却是列表或“字段: 值”",
                "检查这一行的写法：字段名后面直接跟半角冒号和空格，如“name: …”。", Location(self.file, *point)))
            return _SKIP
        if key in frame.first_seen:
            first_line = frame.first_seen[key][0]
            self.reading.findings.append(error(
                "load.duplicate-key",
                f"字段“{key}”重复出现（第一次在第 {first_line} 行），后一个不会被读取，以免覆盖前一个",
                "删除或合并重复的字段；如果这是两条记录，请写成列表（每项以“- ”开头）。",
                Location(self.file, *point)))
            return _SKIP
        frame.first_seen[key] = point
        if frame.path is not None:
            self.reading.key_positions[frame.path + (key,)] = point
        return key

    def _implicit(self, text: str, point: Point) -> Any:
        if not text or text[0] not in _NUMBER_START:
            return _WORDS.get(text, text)
        if len(text) > MAX_NUMBER_LENGTH:
            return text
        match = _NUMBER_OR_DATE.match(text)
        if match is None:
            return text
        if match["year"] is None:
            return int(text) if match["fraction"] is None else Decimal(text)
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            self.reading.findings.append(error(
                "load.bad-date", f"日期“{text}”不存在",
                "检查年、月、日：月份为 1–12，每月的天数不同（如 2 月没有 30 日、4 月没有 31 日），格式为 YYYY-MM-DD。",
                Location(self.file, *point)))
        return text


def _is_empty(event: yaml.NodeEvent) -> bool:
    """An empty document (a stray "---" at the end) holds nothing to lose."""
    return isinstance(event, yaml.ScalarEvent) and not event.style and event.tag is None and event.value == ""
