"""Turn file bytes into text, and catch what staff's editors get wrong.

Each problem becomes a located finding in Chinese: a GBK file, a BOM, tabs
or full-width spaces in indentation, a full-width colon used as YAML syntax.
"""

from __future__ import annotations

import re

from generator.findings import Finding, Location, Severity

MAX_FILE_BYTES = 2 * 1024 * 1024

# Keys are ASCII identifiers; a Chinese phrase before "：" is ordinary text.
_FULLWIDTH_COLON_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*：")
_LEADING_WS = re.compile(r"^[ \t\u3000]*")


def _finding(rule: str, message: str, hint: str, file: str, line: int = 0, column: int = 0,
             severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule_id=rule, severity=severity, message=message, hint=hint,
                   location=Location(file, line, column), blocking=severity is Severity.ERROR)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """Return the text (or None when it cannot be read) and findings."""
    findings: list[Finding] = []
    if len(raw) > MAX_FILE_BYTES:
        return None, [_finding(
            "load.too-large", f"文件太大（{len(raw) // 1024} KB，上限 {MAX_FILE_BYTES // 1024} KB）",
            "把内容拆到多个文件，或删去不需要公示的内容。", file)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(_finding(
            "load.bom", "文件开头带有 UTF-8 BOM 标记（已忽略）",
            "在编辑器里另存为“UTF-8（无 BOM）”。", file, 1, 1, Severity.WARNING))
    if b"\x00" in raw:
        return None, findings + [_finding(
            "load.binary", "这不是文本文件（含有空字节），可能是 UTF-16 编码或误放的二进制文件",
            "用文本编辑器打开并另存为 UTF-8 编码的 .yml 文件。", file)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            message = "文件是 GBK/GB2312 编码，不是 UTF-8"
            hint = "在编辑器（如记事本、VS Code）中选择“另存为”，编码选 UTF-8。"
        except UnicodeDecodeError:
            message = "文件不是 UTF-8 编码，无法读取"
            hint = "用文本编辑器另存为 UTF-8 编码。"
        return None, findings + [_finding("load.encoding", message, hint, file, line, 1)]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, findings + [_finding(
            "load.empty", "文件是空的（或只有注释）",
            "填写内容，或删除这个文件；可参考 gongshi new 生成的示例。", file, 1, 1)]
    findings.extend(scan_lines(text, file))
    return text, findings


def scan_lines(text: str, file: str) -> list[Finding]:
    """Spot editor mistakes before the YAML parser gives a cryptic error."""
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = _LEADING_WS.match(line).group(0)
        if "\t" in indent:
            findings.append(_finding(
                "load.tab", "行首缩进用了 Tab 制表符，YAML 只认空格",
                "把这一行开头的 Tab 换成空格（每级两个空格）。", file, number, indent.index("\t") + 1))
        elif "\u3000" in indent:
            findings.append(_finding(
                "load.fullwidth-space", "行首缩进用了全角空格（中文输入法下的空格）",
                "切换到英文输入法，用半角空格重新缩进。", file, number, indent.index("\u3000") + 1))
        stripped = line[len(indent):]
        if stripped.startswith("#"):
            continue
        match = _FULLWIDTH_COLON_KEY.match(line)
        if match and ":" not in line[: match.end()]:
            column = match.end()
            findings.append(_finding(
                "load.fullwidth-colon", f"“{match.group(2).strip()}”后面用了全角冒号“：”，YAML 需要半角冒号“:”",
                "切换到英文输入法，把“：”改成“:”，并在冒号后加一个空格。", file, number, column))
    return findings
