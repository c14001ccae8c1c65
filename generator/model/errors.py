"""Turn pydantic's validation errors into located Chinese findings.

The loader gave every value a position; pydantic gives every error a path
(`loc`). Joining the two points staff at the exact line, and the field
titles of the schema name what is wrong in their words. Where a value is
close to an allowed one (a scene name with one wrong character, a field
name with a typo, "社 区" with a space) the hint names the nearest.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.findings import Finding, Severity
from generator.load.document import Document
from generator.model.values import Amount, Period

_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_FULLWIDTH_DIGITS = re.compile("[０-９]")
_YES = ("是", "对", "有", "已", "yes", "Yes", "YES", "y", "Y")
_NO = ("否", "不", "没有", "无", "未", "no", "No", "NO", "n", "N")
MAX_LISTED = 12


def _normal(text: str) -> str:
    """What a value looks like once width, case and stray spaces are set aside."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def nearest(word: str, choices: list[str] | tuple[str, ...], cutoff: float = 0.4) -> str | None:
    """The choice closest to `word`: first one equal but for width, case and spaces, else by similarity."""
    options = [str(c) for c in choices]
    target = _normal(word)
    for option in options:
        if _normal(option) == target:
            return option
    by_normal = {_normal(option): option for option in options}
    found = difflib.get_close_matches(target, list(by_normal), n=1, cutoff=cutoff)
    return by_normal[found[0]] if found else None


# ---------------------------------------------------------------- where in the schema
@dataclass(frozen=True)
class _Place:
    """What an error's path means in the schema."""

    path: tuple[Any, ...]             # keys and indices that exist in the data (a missing key at the end)
    container: type[BaseModel] | None  # the model whose fields the last key belongs to
    field: str                        # the last schema field on the path ("" at the top)
    info: FieldInfo | None
    rest: tuple[Any, ...]             # list indices or dict keys after that field

    @property
    def title(self) -> str:
        return (self.info.title if self.info and self.info.title else "") or self.field

    def subject(self) -> str:
        """How staff read the thing in error: 户数（households）、功能场景（scenes）的第 2 项."""
        if not self.field or self.title == self.field:
            name = self.title
        elif self.title.endswith("）"):
            name = f"{self.title[:-1]}，{self.field}）"   # 面积（㎡，area）
        else:
            name = f"{self.title}（{self.field}）"
        for part in self.rest:
            name += f"的第 {part + 1} 项" if isinstance(part, int) else f"中的“{part}”"
        return name or "文件内容"


def _place(model: type[BaseModel], loc: tuple[Any, ...], data: Any) -> _Place:
    path = _data_path(loc, data)
    current: Any = model
    container: type[BaseModel] | None = model
    field, info = "", None
    rest: tuple[Any, ...] = ()
    for part in path:
        fields = current.model_fields if isinstance(current, type) and issubclass(current, BaseModel) else {}
        if isinstance(part, str) and part in fields:
            container, field, info, rest = current, part, fields[part], ()
            current = _inner_model(info.annotation)
        else:
            if isinstance(part, str) and fields:
                container = current   # an unknown key: it stands among this model's fields
            rest += (part,)
    return _Place(path, container, field, info, rest)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    stack = [annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return ann
        stack.extend(get_args(ann))
    return None


def _allowed(annotation: Any) -> list[str]:
    """The values a Literal (inside Optional or list) allows."""
    stack = [annotation]
    found: list[str] = []
    while stack:
        ann = stack.pop(0)
        if get_origin(ann) is Literal:
            found.extend(str(a) for a in get_args(ann))
        else:
            stack.extend(get_args(ann))
    return found


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Keep only the parts of pydantic's loc that are real keys/indices in the data
    (it inserts names of union members and function validators); a missing key is kept last."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not re.match(r"[\w-]+\[", part):
            path.append(part)
            break
        elif not isinstance(node, (dict, list)):
            break
    return tuple(path)


# ---------------------------------------------------------------- words
def _shown(value: Any) -> str:
    if value is None:
        return "空的"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, Decimal, date)):
        text = value.isoformat() if isinstance(value, date) else str(value)
        return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, dict):
        return "一组“字段: 值”"
    return "其他内容"


def _now(value: Any) -> str:
    return "，现在是空的（冒号后面没有填写）" if value is None else f"，现在是{_shown(value)}"


def _listed(choices: list[str]) -> str:
    if len(choices) <= MAX_LISTED:
        return f"（可选：{'、'.join(choices)}）"
    return f"（共 {len(choices)} 个可选值，见填写指南）"


def _number_hint(value: Any, whole: bool) -> str:
    if isinstance(value, str) and _FULLWIDTH_DIGITS.search(value):
        return "把全角数字（如“１２”）改成半角数字（如“12”）：切换到英文输入法重新输入。"
    if isinstance(value, str) and re.search(r"\d", value):
        return "只写数字本身，不带单位、文字或空格" + ("，也不要小数点。" if whole else "，如 1234.50。")
    return "只写阿拉伯数字" + ("（整数）。" if whole else "，如 1234.50。")


def _describe(error: dict[str, Any], place: _Place, parent: _Place) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    subject = place.subject()
    if kind == "missing":
        return _missing(place, parent)
    if kind == "extra_forbidden":
        return _unknown_key(place)
    if kind in ("literal_error", "enum"):
        return _not_allowed(value, place, subject)
    if value is None and kind.endswith(("_type", "_parsing")):
        after = "“- ”" if place.rest and isinstance(place.rest[-1], int) else "冒号"
        return f"{subject}没有填写（{after}后面是空的）", "填写内容；如果这一项不需要，可以删除这一行。"
    if kind.startswith("int_"):
        return f"{subject}应为整数{_now(value)}", _number_hint(value, whole=True)
    if kind.startswith(("decimal_parsing", "decimal_type", "float_")):
        return f"{subject}应为数字{_now(value)}", _number_hint(value, whole=False)
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return f"{subject}最多保留 {ctx.get('decimal_places', 2)} 位小数{_now(value)}", "按公布的原样四舍五入到两位小数。"
    if kind.startswith(("date_", "datetime_")):
        return f"{subject}应为日期（YYYY-MM-DD）{_now(value)}", "日期写成 2025-03-15 这样：年四位，月、日用“-”分隔。"
    if kind.startswith("bool_"):
        return f"{subject}应为 true（是）或 false（否）{_now(value)}", _bool_hint(value)
    if kind == "string_type":
        return _not_text(value, subject)
    if kind == "string_too_short":
        return f"{subject}不能为空", "填写内容；如果这一项不需要，可以删除这一行。"
    if kind == "string_too_long":
        return f"{subject}太长（最多 {ctx.get('max_length')} 个字符）", "缩短内容。"
    if kind == "string_pattern_mismatch":
        return f"{subject}的格式不对{_now(value)}", _pattern_hint(place.field)
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"{subject}应为列表{_now(value)}", _list_hint(value)
    if kind == "too_short":
        return f"{subject}至少要有 {ctx.get('min_length')} 项", "补充内容：每一项另起一行，以“- ”开头。"
    if kind == "too_long":
        return f"{subject}最多只能有 {ctx.get('max_length')} 项", "删去多余的项。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{subject}应为一组“字段: 值”{_now(value)}", _mapping_hint(value)
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        word = "不能小于" if kind == "greater_than_equal" else "应大于"
        return f"{subject}{word} {bound}{_now(value)}", "检查数字是否填错（例如多了负号）。"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        word = "不能大于" if kind == "less_than_equal" else "应小于"
        return f"{subject}{word} {bound}{_now(value)}", "检查数字是否填错（百分比只写数字，如 85）。"
    if kind in ("value_error", "assertion_error"):
        return f"{subject}：{ctx.get('error') or error.get('msg', '')}", _value_hint(place)
    return f"{subject}的内容不符合要求（{kind}）{_now(value)}", "对照填写指南检查这个字段。"


def _missing(place: _Place, parent: _Place) -> tuple[str, str]:
    key = place.field or (str(place.path[-1]) if place.path else "")
    where = parent.subject() if parent.path else ""
    title = f"（{place.title}）" if place.title and place.title != key else ""
    hint = f"添加一行“{key}: …”，与同一层的字段对齐。"
    if place.info and place.info.description and place.info.description != place.info.title:
        hint += f"说明：{place.info.description}。"
    return f"{where}{'中' if where else ''}缺少必填字段“{key}”{title}", hint


def _unknown_key(place: _Place) -> tuple[str, str]:
    key = str(place.path[-1]) if place.path else ""
    known = list(place.container.model_fields) if place.container else []
    same = [k for k in known if _normal(k) == _normal(key)]
    if same:
        return (f"字段名“{key}”里有看不见的字符、空格或全角字母，和“{same[0]}”不完全一样",
                f"删掉这个字段名，切换到英文输入法重新输入“{same[0]}”。")
    guess = nearest(key, known, cutoff=0.6)
    message = f"不认识的字段“{key}”"
    if guess:
        title = place.container.model_fields[guess].title if place.container else ""
        return message, f"是否想写“{guess}”{f'（{title}）' if title and title != guess else ''}？"
    return message, ("检查拼写和缩进（它可能应该属于上一层或下一层）；" +
                     (f"这里可用的字段：{'、'.join(known)}。" if known else "删除这个字段。"))


def _not_allowed(value: Any, place: _Place, subject: str) -> tuple[str, str]:
    choices = _allowed(place.info.annotation) if place.info else []
    message = f"{subject}{_shown(value)}不是允许的取值{_listed(choices)}"
    text = str(value)
    if choices and isinstance(value, str) and re.search("[,，、;；]", text):
        parts = [p for p in re.split("[,，、;；]", text) if p.strip()]
        if all(nearest(p, choices, cutoff=1.0) for p in parts):
            return message, "这里应为列表：写成 [a, b]（半角方括号和半角逗号），或每项另起一行以“- ”开头。"
    guess = nearest(text, choices, cutoff=0.5) if choices else None
    if guess and _normal(guess) == _normal(text):
        return message, f"应写成“{guess}”：去掉多余的空格，括号等符号要与标准名称一致（全角/半角）。"
    if guess:
        return message, f"是否想写“{guess}”？名称要与标准中的写法完全一致。"
    return message, "从可选值中选一个，名称要与标准中的写法完全一致。"


def _value_hint(place: _Place) -> str:
    annotation = place.info.annotation if place.info else None
    if _mentions(annotation, Amount):
        return "金额按公布的原样只写数字，如 152312.30；约数写成“约 15 万元”“1万余元”，单位只用“元”或“万元”。"
    if _mentions(annotation, Period):
        return "期间写成 2025（全年）、2025-Q1（第一季度）、2025-H1（上半年）或 2025-03（月）；其他时段写成 {start: 日期, end: 日期}。"
    return "按提示修改。"


def _mentions(annotation: Any, kind: type) -> bool:
    return annotation is kind or any(_mentions(arg, kind) for arg in get_args(annotation))


def _bool_hint(value: Any) -> str:
    if isinstance(value, str) and value.strip() in _YES:
        return f"把“{value}”改成 true。"
    if isinstance(value, str) and value.strip() in _NO:
        return f"把“{value}”改成 false。"
    return "写 true（是）或 false（否），不加引号。"


def _not_text(value: Any, subject: str) -> tuple[str, str]:
    if isinstance(value, date):
        return (f"{subject}应为一段文字，这里被读成了日期{_shown(value)}",
                f"如果它就是要显示的文字，请加引号：\"{value.isoformat()}\"。")
    if isinstance(value, bool):
        return f"{subject}应为一段文字，这里被读成了 {_shown(value)}", "如果它就是要显示的文字，请加引号。"
    if isinstance(value, (list, dict)):
        return (f"{subject}应为一段文字，现在是{_shown(value)}",
                "检查缩进：这一行下面的内容可能多缩进了；文字里有“: ”或以“- ”“[”开头时请加引号。")
    return f"{subject}应为一段文字{_now(value)}", "如果是文字，可以用引号括起来。"


def _list_hint(value: Any) -> str:
    if isinstance(value, str) and value.lstrip().startswith(("［", "【")):
        return "列表的方括号要用半角“[ ]”，项之间用半角逗号“,”。"
    if isinstance(value, dict):
        return "列表的每一项另起一行，以“- ”开头（“-”后面加一个空格）。"
    return "列表的每一项另起一行，以“- ”开头；也可以写成 [a, b]（半角方括号和逗号）。"


def _mapping_hint(value: Any) -> str:
    if isinstance(value, str) and value.lstrip().startswith(("｛", "{")):
        return "花括号要用半角“{ }”，字段和值之间用半角冒号加空格。"
    if isinstance(value, str):
        return "检查这里的写法：每个字段一行，写成“字段: 值”（半角冒号加空格），下一级字段比上一级多缩进两个空格。"
    if isinstance(value, list):
        return "这里不需要“- ”：去掉开头的“- ”，把字段直接写在下面并缩进两个空格。"
    return "在下一行写出它的字段，比这一行多缩进两个空格。"


def _pattern_hint(field: str) -> str:
    if field in ("id", "supersedes", "source"):
        return "编号只能用英文字母、数字和“-”，不能有空格或汉字，如 2025-01。"
    if field == "time":
        return "时间写成 09:00 或 09:00-11:00（半角数字和冒号）。"
    return "对照填写指南检查格式。"


# ---------------------------------------------------------------- the record
def _top_level(doc: Document, model: type[BaseModel]) -> Finding:
    fields = list(model.model_fields)
    required = [name for name, info in model.model_fields.items() if info.is_required()]
    first = (required or fields)[0]
    if isinstance(doc.data, list):
        message = "文件的最外层是一个列表（以“- ”开头），这个文件应以“字段: 值”开头"
        hint = f"在第一行写“{first}:”，把列表放在它下面并缩进两个空格。"
    else:
        message = f"整个文件被读成了一段文字{_shown(doc.data)}，这个文件应以“字段: 值”开头"
        hint = f"检查第一行：应写成“{first}: …”（半角冒号加空格）。"
    if len(fields) <= MAX_LISTED:
        hint += f"这个文件可用的字段：{'、'.join(fields)}。"
    return Finding("schema.top-level", Severity.ERROR, message, doc.where(()), hint, blocking=True)


def build_record(doc: Document, model: type[BaseModel]) -> tuple[BaseModel | None, list[Finding]]:
    """Validate `doc.data` against `model`; errors become located findings."""
    if doc.data is None:
        return None, []
    if not isinstance(doc.data, dict):
        return None, [_top_level(doc, model)]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    return None, [_finding(doc, model, error) for error in _without_misspelt_missing(model, doc.data, errors)]


def _without_misspelt_missing(model: type[BaseModel], data: Any, errors: list[Any]) -> list[Any]:
    """A misspelt required field shows up twice: as unknown ("housholds") and as missing
    ("households"). Staff need one finding: the unknown key, whose hint names the field."""
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            place = _place(model, tuple(error["loc"]), data)
            known = list(place.container.model_fields) if place.container else []
            guess = nearest(str(place.path[-1]), known, cutoff=0.6) if place.path else None
            if guess:
                misspelt.add(place.path[:-1] + (guess,))
    return [e for e in errors if not (e["type"] == "missing" and _place(model, tuple(e["loc"]), data).path in misspelt)]


def _finding(doc: Document, model: type[BaseModel], error: dict[str, Any]) -> Finding:
    place = _place(model, tuple(error["loc"]), doc.data)
    parent = _place(model, place.path[:-1], doc.data)
    message, hint = _describe(error, place, parent)
    if error["type"] == "missing":
        where = doc.where(place.path[:-1], key=True)
    else:
        # A list or mapping in the wrong place starts on the line below its key: point at the key.
        at_key = error["type"] == "extra_forbidden" or isinstance(error.get("input"), (list, dict))
        where = doc.where(place.path, key=at_key)
    return Finding(f"schema.{error['type']}", Severity.ERROR, message, where, hint, blocking=True)
