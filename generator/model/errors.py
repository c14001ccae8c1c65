"""Turn pydantic's validation errors into located Chinese findings.

The loader gave every value a position; pydantic gives every error a path
(`loc`). Joining the two points staff at the exact line, and the field
titles of the schema name what is wrong in their words.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.findings import Finding, Severity
from generator.load.document import Document


def nearest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.4)
    return found[0] if found else None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, str]:
    """Walk the model along `loc`; return the model that owns the last key and its title."""
    current: Any = model
    owner: type[BaseModel] | None = None
    title = ""
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            owner = current
            info = current.model_fields[part]
            title = info.title or str(part)
            current = _inner_model(info.annotation)
        else:
            current = None
    return owner, title


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return ann
        stack.extend(getattr(ann, "__args__", ()) or ())
    return None


def _path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Keep only the parts of pydantic's loc that are real keys/indices in the data
    (it inserts names of union members and function validators)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, (dict, list)):
            if isinstance(node, dict) and isinstance(part, str) and not part.startswith(("function-", "literal[")):
                path.append(part)  # a missing key: located at its parent
                node = None
            continue
        else:
            break
    return tuple(path)


def _literal_choices(error: dict[str, Any]) -> list[str]:
    expected = (error.get("ctx") or {}).get("expected", "")
    return [part.strip().strip("'\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _describe(error: dict[str, Any], title: str, model: type[BaseModel] | None, key: str) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    shown = f"“{value}”" if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if kind == "missing":
        return f"缺少必填字段 {key}（{title}）", f"在这里添加一行“{key}: …”。"
    if kind == "extra_forbidden":
        known = list(model.model_fields) if model else []
        guess = nearest(key, known)
        hint = f"是否想写“{guess}”？" if guess else "删除这个字段，或查看填写指南中允许的字段。"
        allowed = "、".join(known[:12]) + ("…" if len(known) > 12 else "")
        return f"未知字段“{key}”（这里可用的字段：{allowed}）", hint
    if kind in ("literal_error", "enum"):
        choices = _literal_choices(error)
        guess = nearest(str(value), choices)
        hint = f"是否想写“{guess}”？" if guess else "从允许的取值中选一个。"
        listed = "、".join(choices[:10]) + ("…" if len(choices) > 10 else "")
        return f"{title}的取值{shown}不在允许范围内（可选：{listed}）", hint
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{title}应为整数，现在是{shown or '其他内容'}", "只写阿拉伯数字，不带单位和小数点。"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        return f"{title}应为数字，现在是{shown or '其他内容'}", "只写阿拉伯数字，如 1234.50。"
    if kind in ("decimal_max_places",):
        return f"{title}最多保留 {ctx.get('decimal_places')} 位小数", "按公布原样四舍五入到两位小数。"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"{title}应为日期，现在是{shown or '其他内容'}", "日期格式为 YYYY-MM-DD，如 2025-03-15。"
    if kind in ("bool_type", "bool_parsing"):
        return f"{title}应为 true 或 false，现在是{shown or '其他内容'}", "写 true（是）或 false（否）。"
    if kind in ("string_type",):
        return f"{title}应为一段文字", "如果是日期或数字以外的内容，可以用引号括起来。"
    if kind in ("string_too_short",):
        return f"{title}不能为空", "填写内容，或删除这个字段。"
    if kind in ("string_too_long",):
        return f"{title}太长（最多 {ctx.get('max_length')} 个字符）", "缩短内容。"
    if kind in ("string_pattern_mismatch",):
        return f"{title}的格式不对：{shown}", _pattern_hint(key)
    if kind in ("list_type", "tuple_type"):
        return f"{title}应为列表", "列表的每一项另起一行，以“- ”开头。"
    if kind in ("too_short",):
        return f"{title}至少要有 {ctx.get('min_length')} 项", "补充内容。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{title}应为一组“字段: 值”", "检查这里的缩进：下一级字段要比本行多缩进两个空格。"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{title}不能小于 {ctx.get('ge', ctx.get('gt'))}，现在是{shown}", "检查数字是否填错。"
    if kind in ("less_than_equal", "less_than"):
        return f"{title}不能大于 {ctx.get('le', ctx.get('lt'))}，现在是{shown}", "检查数字是否填错。"
    if kind == "value_error":
        message = str(ctx.get("error") or error.get("msg", ""))
        return f"{title}：{message}", "按提示修改。"
    return f"{title}的内容不符合要求（{error.get('msg', kind)}）", "对照填写指南检查这个字段。"


def _pattern_hint(key: str) -> str:
    if key in ("id", "supersedes"):
        return "编号只能用字母、数字和“-”，如 2025-01。"
    if key == "time":
        return "时间写成 09:00 或 09:00-11:00。"
    return "对照填写指南检查格式。"


def build_record(doc: Document, model: type[BaseModel]) -> tuple[BaseModel | None, list[Finding]]:
    """Validate `doc.data` against `model`; errors become located findings."""
    if doc.data is None:
        return None, []
    if not isinstance(doc.data, dict):
        return None, [Finding("schema.type", Severity.ERROR, "文件的最外层应为一组“字段: 值”，而不是列表或单个值",
                              doc.where(()), "对照示例检查文件开头的写法。", blocking=True)]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        findings = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            path = _path(loc, doc.data)
            owner, title = _fields_at(model, path)
            key = str(path[-1]) if path and isinstance(path[-1], str) else (str(loc[-1]) if loc else "")
            owner = owner or model
            message, hint = _describe(error, title or key, owner, key)
            is_key = error["type"] == "extra_forbidden"
            where = doc.where(path, key=is_key) if error["type"] != "missing" else doc.where(path[:-1])
            findings.append(Finding(f"schema.{error['type']}", Severity.ERROR, message, where, hint, blocking=True))
        return None, findings
