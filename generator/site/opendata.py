"""Open data: per community a JSON file of exactly what the site publishes, and a
CSV of fund lines (decisions 9: formula starts neutralised in text columns only,
amounts as plain decimals in 元)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from generator import addresses
from generator.model.community import Community
from generator.model.values import Amount, Period
from generator.site.context import Site
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


CSV_COLUMNS = ("公示编号", "期间", "收支", "项目", "金额（元）", "资金来源", "范围", "公示页面")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A spreadsheet must not run a text cell as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def funds_csv(site: Site, community: Community) -> DataFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in sorted(published(community.funds.statements, site.as_of), key=lambda s: (s.period.end, s.id)):
        page = addresses.url(site.config.site_url, addresses.fund_statement(community.slug, s.id))
        for direction, lines in (("收入", s.income), ("支出", s.expense)):
            for line in lines:
                value = line_yuan(line)
                writer.writerow([neutralise(s.id), neutralise(str(s.period)), direction, neutralise(line.item),
                                 "" if value is None else format(value, "f"), neutralise(line.source or ""),
                                 neutralise(line.scope or ""), page])
    return DataFile(addresses.funds_csv(community.slug), ("\ufeff" + out.getvalue()).encode("utf-8"))
