"""资金公开: an index of periods and one page per statement."""

from __future__ import annotations

from typing import Iterator

from generator import addresses, money
from generator.model.community import Community
from generator.model.records import FundStatement
from generator.site.builders.common import community_page, record_pages
from generator.site.chart import bar_chart
from generator.site.context import Site
from generator.site.lifecycle import published
from generator.site.money import line_details, line_yuan, totals
from generator.site.pages import Page
from generator.model.windows import record_window_status

FILE = "funds.yml"
SECTION = "资金公开"


def label(statement: FundStatement) -> str:
    return statement.title or f"{statement.period} 收支公示"


SIDES: tuple[tuple[money.Side, str], ...] = (("income", "收入"), ("expense", "支出"))


def reconciliations(s: FundStatement) -> list[tuple[str, money.Reconciliation]]:
    """Every figure the statement states beside the figures it came from, with
    generator.money's sentence: the same comparisons the integrity rules make."""
    found: list[tuple[str, money.Reconciliation | None]] = [
        (f"{label}合计", money.stated_total(s, side)) for side, label in SIDES]
    for side, label in SIDES:
        for line in getattr(s, side):
            found.append((f"{label}“{line.item}”的数量 × 单价", money.line_product(line)))
            found.append((f"{label}“{line.item}”的分摊", money.allocations_total(line)))
    found.append(("分户账合计", money.sub_accounts_total(s)))
    found += [(f"分户账“{a.scope}”", money.sub_account_balance(a)) for a in s.sub_accounts]
    return [(what, r) for what, r in found if r is not None]


def statement_page(site: Site, community: Community, s: FundStatement, shown: list[FundStatement]) -> Page:
    slug = community.slug
    t = totals(s)
    rows = [(name, value, kind) for name, value, kind in
            (("期初余额", t.opening, "balance"), ("收入合计", t.income, "income"), ("支出合计", t.expense, "expense"),
             ("期末余额", t.closing, "balance")) if value is not None]
    by_id = {x.id: x for x in shown}
    newer = next((x for x in shown if x.supersedes == s.id), None)
    older = by_id.get(s.supersedes) if s.supersedes else None
    return community_page(
        site, community, addresses.fund_statement(slug, s.id), label(s), "statement.html", (FILE,), SECTION,
        statement=s, totals=t, line_yuan=line_yuan, line_details=line_details, chart=bar_chart(f"{s.period} 收入与支出", rows),
        status=record_window_status(s, site.as_of), channel=s.objection_channel or community.profile.objection_channel,
        superseded=(label(older), addresses.fund_statement(slug, older.id)) if older else None,
        superseded_by=(label(newer), addresses.fund_statement(slug, newer.id)) if newer else None,
        csv_path=addresses.funds_csv(slug), revisions=site.revisions(community, FILE, s),
        checks=reconciliations(s), as_published=money.as_published, derived_opening=s.opening is None and t.check is not None and t.check.stated is None)


def pages(site: Site, community: Community) -> Iterator[Page]:
    slug = community.slug
    shown = published(community.funds.statements, site.as_of)
    yield from record_pages(site, community, community.funds.statements,
                            lambda s: addresses.fund_statement(slug, s.id), label,
                            lambda s: statement_page(site, community, s, shown), SECTION, FILE)
    ordered = sorted(shown, key=lambda s: (s.period.end, s.id), reverse=True)
    superseded = {s.supersedes for s in shown if s.supersedes}
    rows = [(s, addresses.fund_statement(slug, s.id), totals(s), record_window_status(s, site.as_of),
             s.id in superseded) for s in ordered]
    bars = []
    for s, _, t, _, replaced in reversed(rows):
        if replaced:        # its figures are the newer notice's, drawn once
            continue
        bars += [(f"{s.period} 收入", t.income, "income"), (f"{s.period} 支出", t.expense, "expense")]
    chart = bar_chart("各期收入与支出", [b for b in bars if b[1] is not None])
    yield community_page(site, community, addresses.funds(slug), SECTION, "funds_index.html", (FILE,), SECTION,
                         rows=rows, chart=chart, csv_path=addresses.funds_csv(slug),
                         accounts=len({s.account for s in shown}) > 1)
