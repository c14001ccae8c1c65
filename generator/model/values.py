"""Values that recur in many records: amounts, periods, windows, votes, ...

Each is a small typed value that validates itself from what staff write in
YAML and describes itself for the exported JSON Schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import datetime as dt
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from generator.model import catalogue as cat


class Record(BaseModel):
    """Base of every record: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True,
                              str_strip_whitespace=True)


def T(title: str, description: str = "", **kwargs: Any) -> Any:
    """A field with its Chinese title and description for the schema and the guide."""
    return Field(title=title, description=description or title, **kwargs)


Text = Annotated[str, Field(min_length=1)]


class PersonNameMark:
    """Marks a field that holds a private person's name (a 低保 household's head):
    pages and posters show it only through generator.privacy.persons.for_display,
    masked as 张*明, and the exported JSON Schema says so ("x-gongshi-person-name")."""

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        result = handler(schema)
        result["x-gongshi-person-name"] = True
        return result


PERSON_NAME = PersonNameMark()
PersonName = Annotated[str, Field(min_length=1), PERSON_NAME]


class ParsedValue:
    """A value parsed from what staff write (`cls.parse`), shown back as `str()`."""

    @classmethod
    def parse(cls, raw: Any) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str))


# ---------------------------------------------------------------- amount
_AMOUNT = re.compile(
    r"^(?P<pre>约|近)?\s*(?P<num>[-+]?\d[\d,]*(?:\.\d+)?)\s*(?P<wan>万)?(?P<post>余|多)?\s*(?P<unit>万元|元)?$")


@dataclass(frozen=True)
class Amount(ParsedValue):
    """Money as printed: exact value, unit, printed decimals, optional qualifier."""

    value: Decimal
    unit: str = "元"
    decimals: int = 0
    qualifier: str = ""

    @property
    def exact(self) -> bool:
        return not self.qualifier

    @property
    def yuan(self) -> Decimal:
        return self.value * cat.AMOUNT_UNITS[self.unit]

    @property
    def step_yuan(self) -> Decimal:
        """One unit in the last printed place, in 元."""
        return Decimal(1).scaleb(-self.decimals) * cat.AMOUNT_UNITS[self.unit]

    @property
    def max_error_yuan(self) -> Decimal:
        """How far the printed figure may be from the true one: 元 figures are
        taken as exact, 万元 figures as rounded to their last printed place."""
        return Decimal(0) if self.unit == "元" else self.step_yuan / 2

    def __str__(self) -> str:
        number = f"{self.value:,.{self.decimals}f}"
        if self.qualifier in ("余", "多"):
            return f"{number}{self.unit[:-1]}{self.qualifier}{self.unit[-1]}" if self.unit == "万元" \
                else f"{number}{self.qualifier}{self.unit}"
        return f"{self.qualifier}{number} {self.unit}".strip() if self.qualifier else f"{number} {self.unit}"

    @classmethod
    def parse(cls, raw: Any) -> "Amount":
        if isinstance(raw, Amount):
            return raw
        if isinstance(raw, bool):
            raise ValueError("金额应为数字，如 1234.50 或 “约 1.2 万元”")
        if isinstance(raw, int):
            return cls(Decimal(raw), "元", 0)
        if isinstance(raw, Decimal):
            return cls(raw, "元", max(0, -raw.as_tuple().exponent))
        if isinstance(raw, float):
            raise ValueError("金额不能是浮点数，请按公布的原样书写")
        if not isinstance(raw, str):
            raise ValueError("金额应为数字，如 1234.50 或 “约 1.2 万元”")
        match = _AMOUNT.match(raw.strip().replace(" ", ""))
        if not match:
            raise ValueError(f"无法识别的金额“{raw}”：应写成 1234.50、“12.35万元” 或 “约 3000 元”")
        number = match["num"].replace(",", "")
        value = Decimal(number)
        unit = "万元" if (match["wan"] or match["unit"] == "万元") else "元"
        qualifier = match["pre"] or match["post"] or ""
        decimals = len(number.split(".")[1]) if "." in number else 0
        return cls(value, unit, decimals, qualifier)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _ecma(_AMOUNT.pattern)}],
                "description": "金额，按公布原样书写：1234.50（元）、“12.35万元”、“约 3000 元”、“1万余元”",
                "examples": [1234.5, "12.35万元", "约 3000 元"]}


# ---------------------------------------------------------------- period
_PERIOD = re.compile(r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|(?P<m>\d{1,2})))?$")


@dataclass(frozen=True, order=True)
class Period(ParsedValue):
    """A span of the accounts: a year, half, quarter, month or any range.
    `start` is None for an account kept "since inception"."""

    end: date
    start: date | None = None
    label: str = ""

    @property
    def slug(self) -> str:
        return self.label_key or f"{self.start or 'start'}_{self.end}"

    label_key: str = ""

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and day <= self.end

    def __str__(self) -> str:
        if self.label:
            return self.label
        if self.start is None:
            return f"自开户至 {self.end.isoformat()}"
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"

    @classmethod
    def parse(cls, raw: Any) -> "Period":
        if isinstance(raw, Period):
            return raw
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if isinstance(raw, str):
            return cls._parse_text(raw.strip())
        if isinstance(raw, dict):
            unknown = set(raw) - {"start", "end", "label"}
            if unknown:
                raise ValueError(f"期间只能包含 start、end、label，多了：{'、'.join(sorted(unknown))}")
            start, end = raw.get("start"), raw.get("end")
            if not isinstance(end, date) or (start is not None and not isinstance(start, date)):
                raise ValueError("期间的 start 和 end 应为日期（YYYY-MM-DD）；自开户以来的账目可以只写 end")
            if start is not None and end < start:
                raise ValueError(f"期间的结束日期 {end} 早于开始日期 {start}")
            return cls(end=end, start=start, label=str(raw.get("label") or ""))
        raise ValueError("期间应写成 2025、2025-Q1、2025-H1、2025-03，或 {start: 日期, end: 日期}")

    @classmethod
    def _parse_text(cls, text: str) -> "Period":
        match = _PERIOD.match(text)
        if not match:
            raise ValueError(f"无法识别的期间“{text}”：应写成 2025、2025-Q1、2025-H1 或 2025-03")
        year = int(match["y"])
        if match["q"]:
            q = int(match["q"][1])
            start, end_month = date(year, 3 * q - 2, 1), 3 * q
            label = f"{year}年第{'一二三四'[q - 1]}季度"
        elif match["h"]:
            h = int(match["h"][1])
            start, end_month = date(year, 6 * h - 5, 1), 6 * h
            label = f"{year}年{'上下'[h - 1]}半年"
        elif match["m"]:
            month = int(match["m"])
            if not 1 <= month <= 12:
                raise ValueError(f"月份“{month}”不存在")
            start, end_month = date(year, month, 1), month
            label = f"{year}年{month}月"
        else:
            start, end_month, label = date(year, 1, 1), 12, f"{year}年度"
        end = _month_end(year, end_month)
        return cls(end=end, start=start, label=label, label_key=text)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _ecma(_PERIOD.pattern)},
                          {"type": "object", "properties": {"start": {"type": "string", "format": "date"},
                                                            "end": {"type": "string", "format": "date"},
                                                            "label": {"type": "string"}},
                           "required": ["end"], "additionalProperties": False}],
                "description": "期间：2025（年度）、2025-Q1（季度）、2025-H1（半年）、2025-03（月），或 {start, end}"}


def _ecma(pattern: str) -> str:
    """JSON Schema patterns are ECMA-262: no Python-style named groups."""
    return re.sub(r"\(\?P<\w+>", "(", pattern)


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


# ---------------------------------------------------------------- lifecycle values
class Window(Record):
    """公示期: the disclosure window."""

    start: dt.date = T("公示开始日期")
    end: dt.date = T("公示结束日期")


class Contact(Record):
    role: Text = T("联系人或岗位", "如“社区居委会”“物业服务中心”；个人姓名须同时写 publishable: true")
    phone: str | None = T("电话", "对外公开的办公电话", default=None)
    email: str | None = T("电子邮箱", default=None)
    address: str | None = T("地址", default=None)
    hours: str | None = T("办公时间", default=None)
    publishable: bool = T("可公开", "确认这些联系方式可以公开", default=True)


class ObjectionChannel(Record):
    """Where residents take doubts during a 公示期."""

    receiver: Text = T("受理人", "接收居民疑问的机构或岗位，如“社区监督委员会”")
    place: str | None = T("受理地点", "办公室地址或意见箱位置", default=None)
    phone: str | None = T("受理电话", "对外公开的电话", default=None)
    until: dt.date | None = T("受理截止", "不写则为公示期结束日", default=None)
    reply_days: int = T("答复时限（天）", "收到疑问后承诺答复的天数", default=20, ge=1, le=90)


class Objection(Record):
    received: dt.date = T("收到日期")
    summary: Text = T("疑问摘要", "工作人员概括的居民疑问，不写居民姓名和联系方式")
    answered: dt.date | None = T("答复日期", default=None)
    answer: str | None = T("答复内容", default=None)


class ChangeEntry(Record):
    date: dt.date = T("修订日期")
    kind: Literal[cat.CHANGE_KINDS] = T("修订类型", "更正（数字或文字有误）、补充（增加材料）、重新公示（重新开始公示期）")
    reason: Text = T("修订原因")
    window: Window | None = T("新的公示期", "“重新公示”时必填", default=None)


class Withdrawal(Record):
    date: dt.date = T("撤回日期")
    reason: Text = T("撤回原因")


class Evidence(Record):
    file: Text = T("文件", "与 YAML 同目录下 evidence/ 中的照片或 PDF，如 evidence/2025-lift.jpg")
    caption: Text = T("说明")


class VoteCount(Record):
    heads: int = T("人数", "专有部分业主人数", ge=0)
    area: Decimal = T("面积（㎡）", "专有部分面积，保留两位小数", ge=0, decimal_places=2)


class Vote(Record):
    """An owners' decision counted by heads and by area (Civil Code art. 278)."""

    matter: Literal[cat.VOTE_MATTERS] = T("表决事项类别", "《民法典》第二百七十八条所列事项")
    method: Literal[cat.VOTE_METHODS] = T("表决方式")
    start: dt.date = T("表决开始日期")
    end: dt.date | None = T("表决结束日期", default=None)
    total: VoteCount = T("全体业主")
    participating: VoteCount = T("参与表决")
    agree: VoteCount = T("同意")
    against: VoteCount = T("反对")
    abstain: VoteCount = T("弃权")
    not_voting: VoteCount | None = T("未表态", "参与但未表态的票", default=None)
    local_rule: str | None = T("地方规则", "如“未参与表决的业主计入多数票”，须写明依据", default=None)
    scope: str | None = T("表决范围", "只由部分业主表决时写明，如“3 幢、4 幢”；不写为全体业主", default=None)


class Disclosable(Record):
    """Fields every disclosable record shares (lifecycle issue)."""

    window: Window | None = T("公示期", default=None)
    objection_channel: ObjectionChannel | None = T("异议渠道", "不写则用社区默认渠道", default=None)
    objections: list[Objection] = T("居民疑问与答复", default_factory=list)
    changes: list[ChangeEntry] = T("修订记录", default_factory=list)
    withdrawn: Withdrawal | None = T("撤回", default=None)
