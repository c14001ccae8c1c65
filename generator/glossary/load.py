"""terms.yml -> Glossary, its shape checked: a broken file stops with one
Chinese message that names every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.findings import Location
from generator.glossary.model import PAGE_KINDS, Glossary, Term
from generator.load import Document, load_text

DEFAULT_FILE = Path(__file__).with_name("terms.yml")
DISPLAY = "generator/glossary/terms.yml"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED = ("id", "term", "explanation", "source", "where")
KEYS = set(REQUIRED) | {"aliases"}
MAX_EXPLANATION = 90          # characters: one or two short sentences read on a phone
FORBIDDEN = set("<>&\"'")     # a name is matched in escaped HTML, where these are entities


class GlossaryError(ValueError):
    """terms.yml cannot be used; the message lists each problem with its line."""


def load_glossary(path: Path = DEFAULT_FILE, display: str = DISPLAY) -> Glossary:
    document = load_text(path.read_text(encoding="utf-8"), display)
    problems = [f.format() for f in document.findings if f.blocking]
    if problems:
        raise GlossaryError(f"名词解释文件 {display} 读不了：\n" + "\n".join(problems))
    checker = _Checker(document)
    terms = checker.terms()
    if checker.problems:
        raise GlossaryError(f"名词解释文件 {display} 有 {len(checker.problems)} 处问题：\n" + "\n".join(checker.problems))
    return Glossary(terms)


class _Checker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[str] = []

    def fail(self, path: tuple[Any, ...], message: str) -> None:
        where: Location = self.document.where(path)
        self.problems.append(f"{where}：{message}")

    def terms(self) -> tuple[Term, ...]:
        data = self.document.data
        if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
            self.fail((), "文件应以 terms: 开头，下面是名词列表（每项以“- id:”开始）")
            return ()
        found = [self.term(("terms", n), entry) for n, entry in enumerate(data["terms"])]
        terms = tuple(t for t in found if t is not None)
        self.unique(terms)
        return terms

    def term(self, path: tuple[Any, ...], entry: Any) -> Term | None:
        if not isinstance(entry, dict):
            self.fail(path, "每个名词应为键值对（id、term、explanation、source、where，可选 aliases）")
            return None
        missing = [key for key in REQUIRED if key not in entry]
        unknown = sorted(set(entry) - KEYS)
        if missing:
            self.fail(path, f"缺少 {'、'.join(missing)}")
        if unknown:
            self.fail(path, f"不认识的键 {'、'.join(map(str, unknown))}（可用：{'、'.join(sorted(KEYS))}）")
        if missing:
            return None
        term_id = entry["id"]
        if not isinstance(term_id, str) or not ID.fullmatch(term_id):
            self.fail(path + ("id",), f"id“{term_id}”只能用英文小写字母、数字和连字符（它是网址 /glossary/#id 的一部分）")
        name = self.text(path + ("term",), entry["term"], "term")
        explanation = self.text(path + ("explanation",), entry["explanation"], "explanation")
        if len(explanation) > MAX_EXPLANATION or explanation.count("。") > 2:
            self.fail(path + ("explanation",), f"解释应为一两句短话（不超过 {MAX_EXPLANATION} 字），现在 {len(explanation)} 字")
        aliases = self.texts(path + ("aliases",), entry.get("aliases") or [], "aliases")
        source = self.texts(path + ("source",), entry["source"], "source")
        where = self.texts(path + ("where",), entry["where"], "where")
        for n, kind in enumerate(where):
            if kind not in PAGE_KINDS:
                self.fail(path + ("where", n), f"where 中的“{kind}”不是页面种类（可用：{'、'.join(PAGE_KINDS)}）")
        if not source:
            self.fail(path + ("source",), "source 至少写一条法律或标准条款")
        for n, spelling in enumerate((name, *aliases)):
            bad = sorted(set(spelling) & FORBIDDEN)
            if bad:
                self.fail(path + (("term",) if n == 0 else ("aliases", n - 1)),
                          f"“{spelling}”中不能有字符 {' '.join(bad)}")
        return Term(str(term_id), name, explanation, source, where, aliases)

    def text(self, path: tuple[Any, ...], value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"{key} 应为一段不为空的文字")
            return ""
        return value.strip()

    def texts(self, path: tuple[Any, ...], value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(path, f"{key} 应为列表，如 [甲, 乙]")
            return ()
        return tuple(self.text(path + (n,), v, key) for n, v in enumerate(value))

    def unique(self, terms: tuple[Term, ...]) -> None:
        ids: dict[str, int] = {}
        names: dict[str, str] = {}
        for n, term in enumerate(terms):
            if term.id in ids:
                self.fail(("terms", n, "id"), f"id“{term.id}”重复（第 {ids[term.id] + 1} 个名词已经用了）")
            ids.setdefault(term.id, n)
            for spelling in term.names:
                if spelling in names and names[spelling] != term.id:
                    self.fail(("terms", n), f"写法“{spelling}”同时属于“{names[spelling]}”和“{term.id}”，只能属于一个名词")
                names.setdefault(spelling, term.id)
