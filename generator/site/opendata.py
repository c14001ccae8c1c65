"""Open data: per community a JSON file of exactly what the site publishes, and a
CSV of fund lines (decisions 9: formula starts neutralised in text columns only,
amounts as plain decimals in 元)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from generator import addresses, money
from generator.model.community import Community
from generator.model.values import Amount, Period
from generator.site.context import Site
from generator.site.licence import licence
from generator.site.lifecycle import published
from generator.site.money import line_yuan
from generator.site.pages import DataFile

# Staff-only settings and declarations that no page shows.
PROFILE_HIDDEN = {"draft", "old_slugs", "settings", "declared"}


def plain(value: Any) -> Any:
    """A record as JSON values: amounts with their value in 元, dates as ISO text,
    empty fields left out."""
    if isinstance(value, BaseModel):
        result = {}
        for name in type(value).model_fields:
            item = plain(getattr(value, name))
            if item not in (None, [], {}, ""):
                result[name] = item
        return result
    if isinstance(value, Amount):
        return {"text": str(value), "yuan": format(value.yuan, "f"), "exact": value.exact}
    if isinstance(value, Period):
        return {"label": str(value), "start": value.start.isoformat() if value.start else None,
                "end": value.end.isoformat()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def community_record(site: Site, community: Community) -> dict[str, Any]:
    as_of = site.as_of
    profile = {k: v for k, v in plain(community.profile).items() if k not in PROFILE_HIDDEN}
    if not community.profile.contact.publishable:
        profile.pop("contact", None)
    notices = [{"id": r.id, "title": r.title, "disclosed": r.disclosed.isoformat(),
                "window": plain(r.window) if r.window else None,
                "households": len(r.households), "members": sum(h.members for h in r.households),
                "page": addresses.url(site.config.site_url, addresses.notice(community.slug, r.id))}
               for r in published(community.services.dibao, as_of)]
    return {
        "slug": community.slug,
        "as_of": as_of.isoformat(),
        "licence": licence(site.config.licence),
        "page": addresses.url(site.config.site_url, addresses.community(community.slug)),
        "profile": profile,
        "scenes": plain(community.scenes.scenes),
        "lists": plain(community.lists),
        "key_items": plain(published(community.key_items.items, as_of)),
        "pledges": plain(published(community.pledges.pledges, as_of)),
        "renren": plain(community.pledges.renren) if "renren" in community.profiles else None,
        "fund_statements": plain(published(community.funds.statements, as_of)),
        "activities": plain(community.activities),
        "surveys": plain(published(community.surveys.surveys, as_of)),
        "elderly_services": plain(community.services.elderly_services),
        # Names of private persons never enter open data: only counts (decisions 6).
        "dibao_notices": notices,
        "assessment": [{"rule": a.rule.id, "clause": a.rule.citation, "requirement": a.rule.requirement,
                        "figure": a.figure, "status": a.status.label}
                       for a in site.validated.assessments.get(community.slug, [])],
    }


def community_json(site: Site, community: Community) -> DataFile:
    text = json.dumps(community_record(site, community), ensure_ascii=False, indent=2, sort_keys=False)
    return DataFile(addresses.community_json(community.slug), (text + "\n").encode("utf-8"))


@dataclass(frozen=True)
class Column:
    """One column of an open-data CSV: its header, Frictionless type and Chinese description."""

    name: str
    type: str                      # Frictionless field type: string, number, date, boolean
    title: str
    description: str
    format: str = "default"


# One column per fact; amounts are plain decimals in 元, the unit named in the
# description (decisions 9). The first eight are the original columns, in order.
FUND_COLUMNS = (
    Column("公示编号", "string", "收支公示编号", "该期收支公示的固定编号（funds.yml 中的 id），也是公示页面网址的一部分"),
    Column("期间", "string", "公示期间", "收支公示覆盖的期间，如“2025年度”“2026年上半年”"),
    Column("收支", "string", "收支方向（direction）", "收入或支出：取值“收入”或“支出”"),
    Column("项目", "string", "收支项目", "收入或支出明细的名称，照公告原文"),
    Column("金额（元）", "number", "金额", "该笔明细的金额，单位：元，两位小数的纯数字；负数表示退款或冲销；"
           "公告只写数量和单价时为数量 × 单价；公告以万元公布的金额已换算为元"),
    Column("资金来源", "string", "资金来源", "公共收益、物业服务费、专项维修资金、借款、还款、财政补助、捐赠或其他；空白表示公告未写明"),
    Column("范围", "string", "范围", "楼栋、单元、设施或商铺等，照公告原文；空白表示全小区（社区）"),
    Column("公示页面", "string", "公示页面网址", "该笔明细所在收支公示的网页地址", "uri"),
    Column("账户", "string", "账户", "收支所属的账户，如“小区共有资金（公共收益）”“专项维修资金”"),
    Column("期间开始", "date", "期间开始日期", "期间的第一天（YYYY-MM-DD）；空白表示自开户以来"),
    Column("期间结束", "date", "期间结束日期", "期间的最后一天（YYYY-MM-DD）"),
    Column("金额为约数", "boolean", "金额为约数", "“是”表示公告中的金额带有“约、余、多、近”，不是精确数字"),
    Column("数量", "number", "数量", "公告列出的数量；空白表示未列出"),
    Column("计量单位", "string", "计量单位", "数量的单位，如“月”“部”“间”"),
    Column("单价（元）", "number", "单价", "公告列出的单价，单位：元；空白表示未列出"),
    Column("税额（元）", "number", "税额", "公告单独写明的税额，单位：元"),
    Column("金额含税", "boolean", "金额含税", "“是”表示税额已含在金额中，“否”表示税额另计"),
    Column("经办方", "string", "经办方", "经办该笔收支的单位，如新、旧物业"),
    Column("日期", "date", "收支日期", "该笔收支的日期（YYYY-MM-DD）；空白表示公告未写明"),
    Column("备注", "string", "备注", "公告中该笔明细的说明"),
    Column("已被取代", "boolean", "该期公示已被取代", "“是”表示该期公示已被更正后重新公告的另一期公示取代，数字仅供对照"),
)
CSV_COLUMNS = tuple(c.name for c in FUND_COLUMNS)
CITY_COLUMNS = (
    Column("社区编号", "string", "社区（小区）编号", "社区（小区）的固定编号，也是其网址的第一段"),
    Column("社区名称", "string", "社区（小区）名称", "社区（小区）的名称"),
) + FUND_COLUMNS
YES, NO = "是", "否"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A spreadsheet must not run a text cell as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def decimal_text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def yes_no(value: bool | None) -> str:
    return "" if value is None else (YES if value else NO)


def fund_rows(site: Site, community: Community) -> list[list[str]]:
    """The fund lines a community publishes, one row per line, in FUND_COLUMNS order."""
    rows = []
    statements = published(community.funds.statements, site.as_of)
    superseded = {s.supersedes for s in statements if s.supersedes}
    for s in sorted(statements, key=lambda s: (s.period.end, s.id)):
        page = addresses.url(site.config.site_url, addresses.fund_statement(community.slug, s.id))
        for direction, lines in (("收入", s.income), ("支出", s.expense)):
            for line in lines:
                amount = money.line_amount(line)
                rows.append([
                    neutralise(s.id), neutralise(str(s.period)), direction, neutralise(line.item),
                    decimal_text(line_yuan(line)), neutralise(line.source or ""), neutralise(line.scope or ""), page,
                    neutralise(s.account), s.period.start.isoformat() if s.period.start else "", s.period.end.isoformat(),
                    yes_no(None if amount is None else not amount.exact), decimal_text(line.quantity),
                    neutralise(line.unit or ""), decimal_text(line.unit_price.yuan if line.unit_price else None),
                    decimal_text(line.tax.yuan if line.tax else None), yes_no(line.tax_included if line.tax else None),
                    neutralise(line.party or ""), line.date.isoformat() if line.date else "", neutralise(line.note or ""),
                    yes_no(s.id in superseded)])
    return rows


def csv_bytes(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    return csv_document(header, csv_lines(rows))


def csv_document(header: tuple[str, ...], body: str) -> bytes:
    """The header, then `body` (csv_lines), as UTF-8 with a BOM, so Windows Excel shows Chinese correctly."""
    return ("\ufeff" + csv_lines([list(header)]) + body).encode("utf-8")


def csv_lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def funds_csv(community: Community, rows: list[list[str]]) -> DataFile:
    """`rows`: fund_rows(…) of the community."""
    return DataFile(addresses.funds_csv(community.slug), csv_bytes(CSV_COLUMNS, rows))


def city_rows(community: Community, rows: list[list[str]]) -> list[list[str]]:
    """The community's lines of the city table (`rows`: its fund_rows), each naming the community."""
    return [[community.slug, neutralise(community.name), *row] for row in rows]


def city_funds_csv(lines: list[str]) -> DataFile:
    """Every published community's fund lines in one table: `lines`, each community's
    rows as CSV text (csv_lines(city_rows(…)), kept in its summary)."""
    return DataFile(addresses.city_funds_csv(), csv_document(tuple(c.name for c in CITY_COLUMNS), "".join(lines)))
