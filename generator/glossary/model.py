"""The glossary as values: each term with its other spellings, and one compiled
pattern that finds any of them in a text, the longest spelling first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

# Where on the site a term appears: the page kinds a term's `where` may name.
PAGE_KINDS: dict[str, str] = {
    "portal": "首页与地区页",
    "community": "社区概况",
    "pledges": "公约",
    "items": "关键事项",
    "item": "事项详情",
    "funds": "资金公开",
    "statement": "收支公示",
    "calendar": "活动日历",
    "scenes": "功能场景",
    "surveys": "满意度与知晓率",
    "assessment": "达标自评",
    "services": "服务与登记公示",
    "notice": "登记公示",
    "posters": "海报下载",
    "guide": "填写指南",
}


@dataclass(frozen=True)
class Term:
    id: str                        # ASCII, part of the permanent address glossary/#<id>
    term: str
    explanation: str               # one or two short sentences; the first stands alone
    source: tuple[str, ...]
    where: tuple[str, ...]         # keys of PAGE_KINDS
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    @property
    def short(self) -> str:
        """The first sentence of the explanation: what a poster's 名词解释 box prints."""
        end = self.explanation.find("。")
        return self.explanation if end < 0 else self.explanation[:end + 1]

    @property
    def where_names(self) -> tuple[str, ...]:
        return tuple(PAGE_KINDS[kind] for kind in self.where)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    by_name: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {name: term for term in self.terms for name in term.names})

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every spelling in one pattern, built as a trie so that at any position
        the longest spelling wins (三审两公开一备案 before a shorter term inside it)
        and the regex engine follows one branch per character."""
        return re.compile(_trie_pattern(self.by_name))

    def first_uses(self, texts: Iterable[str]) -> list[tuple[Term, str]]:
        """The terms the texts use, in the order of their first use, each with
        the spelling used there (a term or one of its aliases)."""
        found: dict[str, tuple[Term, str]] = {}
        for text in texts:
            for match in self.pattern.finditer(text):
                term = self.by_name[match.group()]
                found.setdefault(term.id, (term, match.group()))
        return list(found.values())

    def terms_in(self, texts: Iterable[str]) -> list[Term]:
        return [term for term, _ in self.first_uses(texts)]


def _trie_pattern(names: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict[str, dict]) -> str:
        # Longer continuations first, the end of a shorter spelling last: greedy = longest.
        branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return alternation(trie)
