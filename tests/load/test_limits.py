"""Inputs built to exhaust the reader are refused quickly, with a message.

No test here measures time: each input is read in a thread that must finish
within a generous bound (a hang or a crawl fails), and the test asserts what
staff are told.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from generator.load import Document, load_bytes, load_document, load_text
from generator.load.reader import MAX_DEPTH, MAX_NODES
from generator.load.text import MAX_FILE_BYTES

BOUND_SECONDS = 5.0


def finishes(read: Callable[[], Document]) -> Document:
    result: list[Document] = []
    worker = threading.Thread(target=lambda: result.append(read()), daemon=True)
    worker.start()
    worker.join(BOUND_SECONDS)
    assert not worker.is_alive(), f"reading did not finish within {BOUND_SECONDS} s"
    assert result, "reading raised instead of returning a Document"
    return result[0]


def only_error(doc: Document) -> tuple[str, int, str]:
    errors = [f for f in doc.findings if f.is_error]
    assert len(errors) == 1, "\n".join(f.format() for f in doc.findings)
    return errors[0].rule_id, errors[0].location.line, errors[0].message


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines.append(f"statements: [*a{levels}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_its_first_alias() -> None:
    doc = finishes(lambda: load_text(billion_laughs(), "funds.yml"))
    rule, line, message = only_error(doc)
    assert (rule, line) == ("load.alias", 2)
    assert "别名“*a0”（引用第 1 行的锚点“&a0”）" in message
    assert doc.data is None


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "activities.yml"
    path.write_bytes(b"activities:\n" + b"  - {date: 2025-03-05, title: x, kind: \xe5\x85\xb6\xe4\xbb\x96}\n" * 70_000)
    assert path.stat().st_size > 3 * 1024 * 1024 - 1024
    doc = finishes(lambda: load_document(path, "communities/wangjiang/activities.yml"))
    rule, line, message = only_error(doc)
    assert (rule, line) == ("load.too-large", 1)
    assert f"文件太大（超过 {MAX_FILE_BYTES // 1024 // 1024} MB）" in message


def test_deep_flow_nesting_stops_at_the_depth_limit() -> None:
    doc = finishes(lambda: load_text("a: " + "[" * 1_000_000 + "\n", "t.yml"))
    rule, line, message = only_error(doc)
    assert (rule, line) == ("load.too-deep", 1)
    assert f"超过 {MAX_DEPTH} 层" in message


def test_deep_block_nesting_stops_at_the_depth_limit() -> None:
    text = "".join(" " * level + "k:\n" for level in range(1500))
    doc = finishes(lambda: load_bytes(text.encode(), "t.yml"))
    assert only_error(doc)[0] == "load.too-deep"


def test_too_many_values_are_refused() -> None:
    raw = b"a: [" + b"1," * (MAX_FILE_BYTES // 2 - 10) + b"1]\n"
    doc = finishes(lambda: load_bytes(raw, "t.yml"))
    rule, _, message = only_error(doc)
    assert rule == "load.too-complex" and f"超过 {MAX_NODES} 项" in message


def test_control_characters_everywhere_are_summarised() -> None:
    doc = finishes(lambda: load_text("a: " + "\x01" * 100_000 + "\n", "t.yml"))
    messages = [f.message for f in doc.findings]
    assert len(messages) == 6 and "还有 99995 个" in messages[-1]
    assert doc.data == {"a": None}
