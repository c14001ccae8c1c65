"""The staff guide's reference parts, generated from the schema and the rule
registry so they can never drift from the code (style.md: datasette).

Returns data; the site renders it into pages that exist only in memory
(decisions 10), so nothing is written into content/.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from generator.model.catalogue import PROFILE_NAMES
from generator.model.values import Amount, Period

_TYPE_NAMES = {str: "文字", int: "整数", bool: "true / false", float: "数字"}


@dataclass(frozen=True)
class FieldDoc:
    path: str
    title: str
    kind: str
    required: bool
    description: str
    choices: tuple[str, ...] = ()


def _describe_type(annotation: Any) -> tuple[str, tuple[str, ...], type[BaseModel] | None, bool]:
    """(type in words, allowed values, nested model, is_list)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        inner = [a for a in args if a is not type(None)]
        return _describe_type(inner[0]) if len(inner) == 1 else ("多种", (), None, False)
    if origin is Literal:
        return "从下列取值中选一个", tuple(str(a) for a in args), None, False
    if origin is list:
        word, choices, model, _ = _describe_type(args[0])
        return f"列表（每项：{word}）", choices, model, True
    if origin is dict:
        return "键值对", (), None, False
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return "一组字段", (), annotation, False
        if annotation is Amount:
            return "金额（如 1234.50、“12.35万元”、“约 3000 元”）", (), None, False
        if annotation is Period:
            return "期间（如 2025、2025-Q1、2025-03 或 {start, end}）", (), None, False
        if annotation.__name__ == "date":
            return "日期 YYYY-MM-DD", (), None, False
        if annotation.__name__ == "Decimal":
            return "数字", (), None, False
        return _TYPE_NAMES.get(annotation, annotation.__name__), (), None, False
    if origin is typing.Annotated:
        return _describe_type(args[0])
    return "文字", (), None, False


def _own_fields_first(model: type[BaseModel]) -> list[str]:
    """Pydantic lists inherited fields first; staff read a record's own fields first."""
    inherited = {n for base in model.__mro__[1:] if isinstance(base, type) and issubclass(base, BaseModel)
                 for n in getattr(base, "model_fields", {})}
    names = list(model.model_fields)
    return [n for n in names if n not in inherited] + [n for n in names if n in inherited]


def field_docs(model: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    docs: list[FieldDoc] = []
    for name in _own_fields_first(model):
        info = model.model_fields[name]
        path = f"{prefix}{name}"
        kind, choices, nested, is_list = _describe_type(info.annotation)
        docs.append(FieldDoc(path, info.title or name, kind, info.is_required(),
                             info.description or "", choices))
        if nested is not None:
            docs.extend(field_docs(nested, f"{path}[]." if is_list else f"{path}."))
    return docs


def rules_by_profile() -> list[tuple[str, str, list]]:
    """Every registered rule grouped by profile (key, Chinese name, rules), in registry order."""
    from generator.rules import RULES

    names = {**PROFILE_NAMES, "integrity": "数据完整性（所有社区）", "privacy": "隐私保护（所有社区）",
             "lifecycle": "公示期与修订（所有社区）", "votes": "业主表决（所有社区和小区）"}
    groups = [(profile, title, [r for r in RULES.values() if r.profile == profile]) for profile, title in names.items()]
    return [(profile, title, rules) for profile, title, rules in groups if rules]
