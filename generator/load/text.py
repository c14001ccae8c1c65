"""Turn file bytes into text, and catch what staff's editors get wrong.

Each problem becomes a located finding in Chinese: a file too large, a BOM,
UTF-16 or GBK encoding, invisible control characters. `scan_lines` then
looks for typing slips that YAML would misread or reject with a cryptic
message: tabs or full-width spaces in indentation, a full-width colon or
dash used as YAML syntax, a colon or dash without its space. These are only
*suspects*: the document reader confirms them against what the parser saw
(a full-width space inside a block of text is ordinary Chinese typography).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.findings import Finding, Location, Severity

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_CHARACTER_FINDINGS = 5

# The line breaks YAML (and libyaml's line numbers) know; str.splitlines knows more.
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# YAML 1.1 printable characters (anything else makes the parser refuse the file),
# and a BOM in mid-file, which libyaml misreads.
_INVISIBLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_ODD_SPACES = {"\t": "Tab 制表符", "\u3000": "全角空格", "\u00a0": "不换行空格"}
_INDENT_CHARACTERS = " \t\u3000\u00a0"
# A list dash: the ASCII one with its space, without it (before a word), or a full-width look-alike.
_DASH = re.compile("(?P<mark>[－﹣−])[ \u3000]*(?=\\S)|-(?P<space>[ \t]+|(?=[A-Za-z_\u4e00-\u9fff]))")
# Keys are ASCII identifiers: a Chinese phrase before "：" is ordinary text.
_KEY_SLIP = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*(?P<colon>：[ \t\u3000]*|:(?=[^\s/:]))")
_BLOCK_SCALAR_START = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$")
# Lines where _line_slips could find something (a superset: odd indentation, a
# look-alike or unspaced dash, a key slip after the indentation or the dash).
# Most files have none, and one search of the text is much cheaper than a look
# at every line; "^" only knows "\n", so files with other line breaks are read line by line.
_MAYBE_SLIP = re.compile("^[ ]*(?:[\t\u3000\u00a0]|[－﹣−]|-(?=[A-Za-z_\u4e00-\u9fff])"
                         "|(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*(?:：|:(?=[^\\s/:])))", re.MULTILINE)
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The file's lines as YAML numbers them (line n is index n - 1)."""
    return _BREAK.split(text)


def _finding(rule: str, message: str, hint: str, file: str, line: int = 1, column: int = 1,
             severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule_id=rule, severity=severity, message=message, hint=hint,
                   location=Location(file, line, column), blocking=severity is Severity.ERROR)


# ---------------------------------------------------------------- bytes -> text
def decode(raw: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """Return the text (or None when it cannot be read) and findings."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_finding(
            "load.too-large", f"文件太大（超过 {MAX_FILE_BYTES // 1024 // 1024} MB），没有读取",
            "把内容拆到多个文件，或删去不需要公示的内容。", file)]
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, [_finding(
            "load.encoding", "文件是 UTF-16 编码（记事本的“Unicode”），gongshi 只读 UTF-8",
            "用记事本或 VS Code 打开，选择“另存为”，编码选“UTF-8”。", file)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(_finding(
            "load.bom", "文件开头带有 UTF-8 BOM 标记（已忽略）",
            "在编辑器里另存为“UTF-8”（不带 BOM）。", file, severity=Severity.WARNING))
    if b"\x00" in raw:
        return None, findings + [_finding(
            "load.binary", "这不是文本文件（含有空字节），可能是误放的图片、Word 或表格文件",
            "数据文件要用文本编辑器编写，保存为 UTF-8 编码的 .yml 文件。", file)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, findings + [_encoding_finding(raw, exc.start, file)]
    empty = _empty_finding(text, file)
    if empty:
        return None, findings + [empty]
    return text, findings


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII characters leave every other byte zero."""
    sample = raw[:200]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _encoding_finding(raw: bytes, start: int, file: str) -> Finding:
    line_start = raw.rfind(b"\n", 0, start) + 1
    line_end = raw.find(b"\n", start)
    line = raw[:start].count(b"\n") + 1
    for codec in ("gbk", "gb18030"):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        shown = raw[line_start: line_end if line_end >= 0 else len(raw)].decode(codec).strip()[:30]
        return _finding(
            "load.encoding", f"文件是 GBK（GB2312）编码，不是 UTF-8；第 {line} 行按 GBK 读出来是“{shown}”",
            "在记事本或 VS Code 中选择“另存为”（VS Code：右下角编码→“通过编码保存”），编码选“UTF-8”。",
            file, line)
    return _finding("load.encoding", "文件不是 UTF-8 编码的文本，无法读取",
                    "确认这是用文本编辑器保存的 .yml 文件，并另存为 UTF-8 编码。", file, line)


def _empty_finding(text: str, file: str) -> Finding | None:
    if not text.strip():
        return _finding("load.empty", "文件是空的",
                        "填写内容，或删除这个文件；可参考 gongshi new 生成的示例。", file)
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in split_lines(text)):
        return _finding("load.empty", "文件只有注释（以“#”开头的行），没有数据",
                        "在注释下面填写内容（行首不要加“#”），或删除这个文件。", file)
    return None


# ---------------------------------------------------------------- invisible characters
def clean(text: str, file: str) -> tuple[str, list[Finding]]:
    """Remove characters YAML refuses (control characters, a BOM in mid-file),
    reporting each, so the rest of the file can still be read and checked."""
    if not _INVISIBLE.search(text):
        return text, []
    lines = split_lines(text)
    hits = [(n, m.start(), m.group()) for n, line in enumerate(lines, start=1)
            for m in _INVISIBLE.finditer(line)]
    findings: list[Finding] = []
    for number, index, char in hits[:MAX_CHARACTER_FINDINGS]:
        if char == "\ufeff":
            findings.append(_finding(
                "load.bom", "文件中间有一个看不见的 BOM 标记（U+FEFF，已忽略），常见于把两个文件拼在一起",
                "删除这个位置的不可见字符，或把文件另存为“UTF-8”（不带 BOM）。",
                file, number, index + 1, Severity.WARNING))
            continue
        findings.append(_finding(
            "load.control-character", f"这里有一个看不见的控制字符（U+{ord(char):04X}），YAML 不允许",
            "删除它：常见于从网页、Word 或聊天软件复制的文字，可先粘贴到记事本再复制。",
            file, number, index + 1))
    if len(hits) > MAX_CHARACTER_FINDINGS:
        number, index, _ = hits[MAX_CHARACTER_FINDINGS]
        findings.append(_finding(
            "load.control-character", f"从这里起还有 {len(hits) - MAX_CHARACTER_FINDINGS} 个看不见的控制字符",
            "这个文件可能不是文本文件，或者复制时带进了乱码；请用文本编辑器检查。", file, number, index + 1))
    return _INVISIBLE.sub("", text), findings


# ---------------------------------------------------------------- editor slips
@dataclass(frozen=True)
class Suspect:
    """A typing slip on one line, and that line as it was probably meant.

    `start` is the 1-based column where, if the slip took effect, the parser
    would see a plain value begin (None: only a parse failure confirms it);
    with `key_only` the slip counts only when that value is a mapping key.
    The repaired line is `indent` (which may hold tabs or full-width spaces,
    whose width is a guess) followed by `body`; suspects on a line share them.
    """

    finding: Finding
    line: int
    start: int | None
    indent: str
    body: str
    key_only: bool = False


# How many spaces a tab and a full-width space in indentation probably meant, most likely first.
INDENT_GUESSES = ((2, 1), (2, 2), (4, 1))


def scan_lines(text: str, file: str) -> list[Suspect]:
    """Every slip of every line, outside blocks of free text (| and >)."""
    if not _MAYBE_SLIP.search(text) and not _OTHER_BREAKS.search(text):
        return []
    suspects: list[Suspect] = []
    block_indent: int | None = None
    for number, line in enumerate(split_lines(text), start=1):
        rest = line.lstrip(_INDENT_CHARACTERS)
        indent = line[: len(line) - len(rest)]
        if block_indent is not None:
            if not rest or len(indent) > block_indent:
                continue
            block_indent = None
        if not rest or rest.startswith("#"):
            continue
        suspects.extend(_line_slips(line, indent, file, number))
        if _BLOCK_SCALAR_START.search(line):
            block_indent = len(indent)
    return suspects


def _line_slips(line: str, indent: str, file: str, number: int) -> list[Suspect]:
    """Slips in the indentation, the list dash and the key of one line."""
    found: list[tuple[Finding, int | None, bool]] = []
    odd = [c for c in indent if c in _ODD_SPACES]
    if odd:
        column = indent.index(odd[0]) + 1
        if odd[0] == "\t":
            found.append((_finding(
                "load.tab", "行首缩进用了 Tab 制表符，YAML 只认空格",
                "把这一行开头的 Tab 换成空格（每级两个空格）；VS Code 右下角可把“制表符”改为“空格”。",
                file, number, column), None, False))
        else:
            found.append((_finding(
                "load.fullwidth-space", f"行首缩进用了{_ODD_SPACES[odd[0]]}，YAML 只认半角空格",
                "切换到英文输入法（或按 Shift 切换半角），删掉这一行开头的空白，用空格键重新缩进。",
                file, number, column), column, True))
    fixed = ""
    at = len(indent)
    dash = _DASH.match(line, at)
    if dash and dash["mark"]:
        found.append((_finding(
            "load.fullwidth-dash", f"列表项开头用了全角的“{dash['mark']}”，YAML 只认半角减号“-”",
            "切换到英文输入法，把它改成“-”，后面加一个空格。", file, number, at + 1), at + 1, False))
    elif dash and not dash["space"]:
        found.append((_finding(
            "load.dash-space", "列表项的“-”后面缺少空格，YAML 会把它当成文字的一部分",
            "在“-”后面加一个空格：“- …”。", file, number, at + 1), at + 1, False))
    if dash:
        fixed += "- "
        at = dash.end()
    key = _KEY_SLIP.match(line, at)
    if key and key["colon"].startswith("："):
        found.append((_finding(
            "load.fullwidth-colon", f"“{key['key']}”后面用了全角冒号“：”，YAML 只认半角冒号“:”",
            "切换到英文输入法，把“：”改成“:”，冒号后面加一个空格。", file, number, key.start("colon") + 1), at + 1, False))
    elif key:
        found.append((_finding(
            "load.colon-space", f"“{key['key']}:”后面缺少空格，YAML 会把整行当成一段文字",
            f"在冒号后面加一个空格：“{key['key']}: …”。", file, number, key.start("colon") + 1), at + 1, False))
    if not found:
        return []
    fixed += line[at:key.start("colon")] + ": " + line[key.end():] if key else line[at:]
    return [Suspect(finding, number, start, indent, fixed, key_only) for finding, start, key_only in found]


def repair(text: str, suspects: list[Suspect], tab: int = 2, fullwidth: int = 1) -> str:
    """The text with each suspect line as it was probably meant; line numbers are kept.
    `tab` and `fullwidth`: how many spaces a tab or a full-width space of indentation stands for."""
    lines = split_lines(text)
    for suspect in suspects:
        indent = suspect.indent.replace("\t", " " * tab).replace("\u3000", " " * fullwidth).replace("\u00a0", " ")
        lines[suspect.line - 1] = indent + suspect.body
    return "\n".join(lines)
