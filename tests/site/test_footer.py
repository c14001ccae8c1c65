"""Every page's footer: the link to the accessibility statement and the “这页有误？”
line with who to tell (the community's public contact on its pages, the site
operator elsewhere), the page's own permanent address and a data date to quote;
and the statement itself, dated by the data, not by the build clock."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AS_OF, ROOT
from tests.site.conftest import page_text

SITE_URL = "https://gongshi.example.cn/"          # mkdocs.yml site_url
# The data date each community's pages quote: its latest disclosure in the example data.
COMMUNITY_DATA_DAY = {"wangjiang": "2026-11-18", "lihua": "2026-11-20", "qingfeng": "2026-11-16",
                      "jinxiu": "2026-11-20"}
SITE_DATA_DAY = "2026-11-20"
NO_OPERATOR = "请联系您所在社区的居（村）民委员会"     # shown until mkdocs.yml sets extra.contact
REPORT = re.compile(r'<p class="gs-report"[^>]*>(.*?)</p>', re.S)


def visible(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def operator_contact() -> str:
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    contact: Any = (settings.get("extra") or {}).get("contact")
    if isinstance(contact, dict):
        return "请联系" + contact["role"]
    return "请联系" + contact if contact else NO_OPERATOR


def community_contact(slug: str) -> str:
    profile = yaml.safe_load((ROOT / "communities" / slug / "community.yml").read_text(encoding="utf-8"))
    contact = profile["contact"]
    return f"请联系{contact['role']}（电话 {contact['phone']}"


def html_pages(site: Path) -> list[Path]:
    """Every page, not the notices at a renamed community's old addresses (test_redirects.py)."""
    return sorted(p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def address_of(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return SITE_URL + relative.removesuffix("index.html")


def test_every_page_links_to_the_accessibility_statement(built_site: Path) -> None:
    missing = []
    for page in html_pages(built_site):
        source = page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]*)"[^>]*>无障碍声明</a>', source)
        target = (page.parent / links[0]).resolve() if links and not links[0].startswith("/") else None
        if not links or (target is not None and target != (built_site / "accessibility").resolve()):
            missing.append(page.relative_to(built_site).as_posix())
    assert not missing, f"{len(missing)} pages have no 无障碍声明 link in the footer: {missing[:10]}"


def test_every_page_says_whom_to_tell_and_what_to_quote(built_site: Path) -> None:
    communities = set(COMMUNITY_DATA_DAY)
    wrong = []
    for page in html_pages(built_site):
        where = page.relative_to(built_site).as_posix()
        found = REPORT.search(page.read_text(encoding="utf-8"))
        if found is None:
            wrong.append(f"{where}: no 这页有误 line")
            continue
        line = visible(found.group(1))
        slug = where.split("/")[0]
        contact, day = ((community_contact(slug), COMMUNITY_DATA_DAY[slug]) if slug in communities
                        else (operator_contact(), SITE_DATA_DAY))
        expected = ["这页有误？", contact, f"和数据日期 {day}"]
        if where != "404.html":         # served at any missing address: it has no address of its own
            expected.append(f"本页地址 {address_of(built_site, page)} ")
        wrong += [f"{where}: {text!r} not in {line!r}" for text in expected if text not in line]
    assert not wrong, f"{len(wrong)} wrong footer lines:\n  " + "\n  ".join(wrong[:15])


def test_a_community_page_names_its_own_contact_not_the_parent(built_site: Path) -> None:
    line = visible(REPORT.search((built_site / "lihua/scenes/index.html").read_text(encoding="utf-8")).group(1))
    assert "梨花小区业主委员会" in line and "望江社区居民委员会" not in line, line


def test_the_statement_exists_with_its_standards_figures_and_contact(built_site: Path) -> None:
    text = page_text(built_site, "accessibility")
    modes = yaml.safe_load((ROOT / "tests/e2e/readable.yml").read_text(encoding="utf-8"))["modes"]
    normal, elderly = modes["normal"], modes["elderly"]
    expected = ["无障碍声明", "GB/T 37668—2019", "适老化", "axe-core", "Nu HTML Checker", "已知的不足",
                "PDF 海报不是带标签的 PDF", "网站运营方", "360 像素", "4.5:1",
                f"不小于 {normal['min_text']} 像素", f"不小于 {elderly['min_text']} 像素",
                f"{elderly['min_line_height']} 倍", f"{normal['min_target']} × {normal['min_target']} 像素",
                f"{elderly['min_own_target']} × {elderly['min_own_target']} 像素"]
    missing = [e for e in expected if e not in text]
    assert not missing, f"the statement lacks {missing}"


def test_the_statement_is_dated_by_the_data_not_the_build_clock(built_site: Path) -> None:
    source = (built_site / "accessibility/index.html").read_text(encoding="utf-8")
    dated = re.search(r'<p class="gs-statement-date">.*?<time datetime="([0-9-]+)">', source, re.S)
    assert dated is not None, "the statement shows no date"
    assert dated.group(1) == SITE_DATA_DAY, dated.group(1)
    assert dated.group(1) not in (date.today().isoformat(), AS_OF.isoformat())


@pytest.mark.parametrize("path", ["", "guide/", "accessibility/"])
def test_pages_outside_a_community_name_the_site_operator(built_site: Path, path: str) -> None:
    line = visible(REPORT.search((built_site / path / "index.html").read_text(encoding="utf-8")).group(1))
    assert operator_contact() in line, line
