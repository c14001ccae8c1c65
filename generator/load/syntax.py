"""Explain a YAML parse error to staff, at the line where they should look.

libyaml (used when available) and pure-Python PyYAML word their problems
differently ("mapping values are not allowed in this context" / "... here");
each explanation below lists both. Where the parser reports the line after
the mistake (a key without its colon is noticed on the next line), the
explanation moves to the line at fault, but only when the text shows that
line is to blame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import yaml

from generator.findings import Finding, Location, Severity

# gongshi's keys are lower-case ASCII: "name 望江" is a key that lost its colon, "Wenzhou city" is text.
_KEY_WITHOUT_COLON = re.compile(r"^\s*(?:-\s+)?(?P<key>[a-z_][a-z0-9_]*)[ \t]+[^\s:#]")
_KEY_VALUE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s#:][^:#]*?):[ \t]+\S")
_GENERIC_HINT = "检查这一行和上一行的缩进（只用空格，同一层对齐）、冒号（半角“:”加空格）和引号（成对）。"


@dataclass(frozen=True)
class _Error:
    """The parser's report, 1-based, with the text around it."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int
    lines: list[str]

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    @property
    def here(self) -> str:
        return self.text(self.line)

    @property
    def char(self) -> str:
        return self.here[self.column - 1: self.column]

    def previous_line(self, line: int) -> int:
        """The nearest line above `line` that holds something other than a comment."""
        for number in range(min(line - 1, len(self.lines)), 0, -1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return 0


Explained = tuple[int, int, str, str, str]  # line, column, rule id, message, hint


def describe(exc: yaml.YAMLError, lines: list[str], file: str) -> Finding:
    """One located Chinese finding for a parse error."""
    error = _read(exc, lines)
    for needles, explain in _EXPLANATIONS:
        if any(needle in error.problem or needle in error.context for needle in needles):
            line, column, rule, message, hint = explain(error)
            break
    else:
        line, column, rule, message, hint = (error.line, error.column, "load.syntax",
                                             "这一行的格式有误，文件无法读取", _GENERIC_HINT)
    line, column = _clamp(line, column, error)
    return Finding(rule_id=rule, severity=Severity.ERROR, message=f"格式错误：{message}", hint=hint,
                   location=Location(file, line, column), blocking=True)


def _read(exc: yaml.YAMLError, lines: list[str]) -> _Error:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None) or problem_mark
    line, column = _position(problem_mark) if problem_mark else _reader_position(exc, lines)
    context_line, context_column = _position(context_mark) if context_mark else (line, column)
    return _Error(str(getattr(exc, "problem", "") or getattr(exc, "reason", "") or ""),
                  str(getattr(exc, "context", "") or ""), line, column, context_line, context_column, lines)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _reader_position(exc: yaml.YAMLError, lines: list[str]) -> tuple[int, int]:
    """A ReaderError only gives an offset (in bytes for libyaml): find the character instead."""
    character = getattr(exc, "character", None)
    if isinstance(character, int):
        for number, line in enumerate(lines, start=1):
            index = line.find(chr(character)) if 0 <= character < 0x110000 else -1
            if index >= 0:
                return number, index + 1
    return 1, 1


def _clamp(line: int, column: int, error: _Error) -> tuple[int, int]:
    """End-of-file errors point past the last line: show the last line that has content."""
    if line > len(error.lines) or not error.text(line).strip():
        last = error.previous_line(min(line, len(error.lines) + 1))
        if last:
            return last, 1
    return max(line, 1), max(column, 1)


# ---------------------------------------------------------------- explanations
def _missing_colon(error: _Error) -> Explained:
    line = error.context_line if "simple key" in error.context else error.line
    text = error.text(line)
    if "：" in text:
        return (line, text.index("：") + 1, "load.fullwidth-colon", "这一行用了全角冒号“：”，YAML 只认半角冒号“:”",
                "切换到英文输入法，把“：”改成“:”，冒号后面加一个空格。")
    return (line, error.context_column, "load.missing-colon", "这一行缺少冒号“:”，不是“字段: 值”的写法",
            "在字段名后面加半角冒号和空格，如“name: 望江社区”；如果这一行是上一行文字的延续，"
            "请把整段文字用引号括起来，或写在“|”下面。")


def _colon_not_allowed(error: _Error) -> Explained:
    here = error.here
    before = here[: error.column - 1]
    if re.search(r":[ \t]", before) or before.rstrip().endswith(":"):
        return (error.line, error.column, "load.text-colon",
                "这一行的文字里有“: ”（冒号加空格），YAML 会把它当成又一个字段",
                "把整段文字用引号括起来，如 title: \"通知: 明天停水\"；或者把文字里的冒号改成全角“：”。")
    above = error.previous_line(error.line)
    above_text = error.text(above)
    missing = _KEY_WITHOUT_COLON.match(above_text)
    if missing and ":" not in above_text and "：" not in above_text and not _continues_value(error, above):
        return (above, missing.end("key") + 1, "load.missing-colon",
                f"这一行的“{missing['key']}”后面缺少冒号“:”",
                f"写成“{missing['key']}: …”（半角冒号加空格）。")
    indent = len(here) - len(here.lstrip(" "))
    parent = _KEY_VALUE.match(above_text)
    if parent and indent > _key_column(above_text):
        extra = indent - _key_column(above_text)
        return (error.line, indent + 1, "load.indent",
                f"这一行比上一行多缩进了 {extra} 个空格，但上一行的“{parent['key'].strip()}”已经有值，下面不能再有字段",
                "把这一行与上一行的字段对齐；如果它是上一行文字的一部分，请把整段文字用引号括起来。")
    return (error.line, error.column, "load.text-colon", "这里不能出现冒号“:”",
            "检查这一行的缩进是否与同一层的字段对齐；如果文字里本来就有冒号，请把整段文字用引号括起来。")


def _continues_value(error: _Error, line: int) -> bool:
    """Is `line` the second line of a value begun on the line above (more indented than that key)?"""
    text = error.text(line)
    if text.lstrip().startswith("- "):
        return False
    above = error.text(error.previous_line(line))
    indent = len(text) - len(text.lstrip(" "))
    return bool(_KEY_VALUE.match(above)) and _key_column(above) < indent


def _key_column(text: str) -> int:
    """0-based column where the key of a `key: value` or `- key: value` line starts."""
    stripped = text.lstrip(" ")
    indent = len(text) - len(stripped)
    if stripped.startswith("- "):
        return indent + 2 + len(stripped[2:]) - len(stripped[2:].lstrip(" "))
    return indent


def _mapping_indent(error: _Error) -> Explained:
    if error.char == "-":
        return (error.line, error.column, "load.indent",
                "这里出现了列表项“- ”，但同一层上面写的是“字段: 值”",
                "如果这是某个字段下的列表，请把它缩进到那个字段下面（比字段多两个空格）；"
                "如果上一项也该是列表项，请在它前面也加“- ”。")
    if error.char == ":" and not error.here[: error.column - 1].strip():
        return (error.line, error.column, "load.missing-key", "这一行以冒号开头，缺少字段名",
                "在冒号前写上字段名，如“name: …”。")
    quote = _closing_quote_before(error)
    if quote:
        return (error.line, error.column, "load.quote",
                f"引号（{quote}）后面还有文字，YAML 不允许", "把整段文字都放在一对引号里面，或者去掉引号。")
    indent = len(error.here) - len(error.here.lstrip(" "))
    above = error.text(error.previous_line(error.line))
    above_indent = _key_column(above)
    if above and indent < above_indent:
        return (error.line, error.column, "load.indent",
                f"缩进不一致：这一行缩进了 {indent} 个空格，上一行缩进了 {above_indent} 个空格，对不齐任何一层",
                "同一层的字段要左边对齐，每深一层多缩进两个空格；只用空格，不要用 Tab。")
    return (error.line, error.column, "load.indent",
            f"缩进不一致：这一层的字段应从第 {error.context_column} 列开始（与第 {error.context_line} 行对齐）",
            "同一层的字段要左边对齐，每深一层多缩进两个空格；只用空格，不要用 Tab。")


def _closing_quote_before(error: _Error) -> str:
    before = error.here[: error.column - 1].rstrip()
    if before and before[-1] in "\"'" and before.count(before[-1]) >= 2:
        return "“" + before[-1] + "”"
    return ""


def _sequence_indent(error: _Error) -> Explained:
    dash_line, dash_column = error.context_line, error.context_column
    if error.here.lstrip().startswith("-"):
        return (error.line, error.column, "load.indent",
                f"列表项的“- ”没有对齐：应与第 {dash_line} 行的“- ”一样从第 {dash_column} 列开始",
                "同一列表的每一项都以“- ”开头，并且左边对齐。")
    return (error.line, error.column, "load.indent",
            f"这一行与第 {dash_line} 行的列表项“- ”对齐了，但它不是新的一项",
            "如果它属于上面的一项，请再缩进两个空格，与该项的字段对齐；如果是新的一项，请在前面加“- ”。")


def _flow(error: _Error) -> Explained:
    square = "sequence" in error.context or "']'" in error.problem
    pair = "方括号“[ ]”" if square else "花括号“{ }”"
    return (error.context_line, error.context_column, "load.bracket",
            f"从这里开始的{pair}没有正确结束：缺少右括号，或者其中的项之间缺少半角逗号",
            "检查括号是否成对，项之间用半角逗号“,”分隔（不要用中文逗号“，”）；文字中含有逗号、冒号或括号时请加引号。")


def _unclosed_quote(error: _Error) -> Explained:
    return (error.context_line, error.context_column, "load.quote",
            "从这里开始的引号没有闭合（一直到文件末尾都没有找到配对的引号）",
            "在这段文字的末尾补上同样的引号；中文引号“”可以直接写在文字里，不需要配对的英文引号。")


def _escape(error: _Error) -> Explained:
    return (error.line, error.column, "load.escape", "双引号里的反斜杠“\\”后面跟了无效的字符",
            "改用单引号把文字括起来，或把“\\”写成“\\\\”。")


def _tab(error: _Error) -> Explained:
    return (error.line, error.column, "load.tab", "这里有 Tab 制表符，YAML 只认空格",
            "把 Tab 换成空格（每级缩进两个空格）。")


def _bad_start(error: _Error) -> Explained:
    if error.char == "\t" or "'\\t'" in error.problem:
        return _tab(error)
    char = error.char or "?"
    return (error.line, error.column, "load.bad-character", f"文字不能以“{char}”开头",
            f"把整段文字用引号括起来，如 note: \"{char}…\"。")


def _anchor_text(error: _Error) -> Explained:
    """Text starting with "*" or "&" (say *重要*) is read as an alias or anchor name."""
    char = error.text(error.context_line)[error.context_column - 1: error.context_column] or "*"
    return (error.context_line, error.context_column, "load.bad-character",
            f"文字不能以“{char}”开头（YAML 会把它当成锚点或别名）",
            f"把整段文字用引号括起来，如 note: \"{char}…\"。")


def _block_scalar(error: _Error) -> Explained:
    return (error.context_line, error.context_column, "load.block-text",
            "“|”或“>”后面的多行文字写法不对",
            "“|”或“>”后面不要再写文字，文字从下一行开始，比字段多缩进两个空格。")


def _document(error: _Error) -> Explained:
    if error.here.strip() == "..." or error.text(error.previous_line(error.line)).strip() == "...":
        return (error.line, error.column, "load.document", "“...”表示文件结束，它后面不能再有内容",
                "删除“...”这一行。")
    if "directive" in error.context or "directive" in error.problem or "incompatible" in error.problem:
        return (error.line, error.column, "load.directive", "以“%”开头的行会被当成 YAML 指令",
                "删除这一行；如果“%”是文字的一部分，请把整段文字用引号括起来。")
    return (error.line, error.column, "load.document", "这里多出了内容：上面的内容已经结束",
            "检查这一行和上一行的缩进与引号；一个文件只写一份内容。")


def _control(error: _Error) -> Explained:
    return (error.line, error.column, "load.control-character", "这里有一个看不见的控制字符，YAML 不允许",
            "删除它：常见于从网页、Word 或聊天软件复制的文字。")


_EXPLANATIONS: list[tuple[tuple[str, ...], Callable[[_Error], Explained]]] = [
    (("could not find expected ':'",), _missing_colon),
    (("mapping values are not allowed",), _colon_not_allowed),
    (("quoted scalar",), lambda e: _escape(e) if "escape" in e.problem or "hexdec" in e.problem
     else _unclosed_quote(e)),
    (("flow sequence", "flow mapping", "expected ',' or", "flow node"), _flow),
    (("while parsing a block mapping",), _mapping_indent),
    (("while parsing a block collection", "did not find expected '-' indicator"), _sequence_indent),
    (("tab character",), _tab),
    (("cannot start any token",), _bad_start),
    (("alias", "anchor"), _anchor_text),
    (("block scalar",), _block_scalar),
    (("document", "directive"), _document),
    (("control characters", "special characters"), _control),
]
