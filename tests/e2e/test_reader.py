"""What a resident does on a phone: search in Chinese and reach the page,
switch to larger text and keep it after a reload, download the ICS and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import icalendar
import pytest

from tests.e2e.conftest import CASES

pytestmark = pytest.mark.e2e
WAIT_MS = 10_000


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    from tests.e2e.browser import PHONE

    context = browser.new_context(accept_downloads=True, **PHONE)
    context.set_default_timeout(WAIT_MS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("case", CASES["search"], ids=[c["query"] for c in CASES["search"]])
def test_search_in_chinese_reaches_the_page(phone_page: Any, site_url: str, case: dict[str, str]) -> None:
    from playwright.sync_api import TimeoutError as NotSeen

    page = phone_page
    page.goto(site_url + case["from"], wait_until="load")
    page.locator("label.md-header__button[for='__search']").click()
    # Typed before the index is loaded, a query is dropped: wait for Material's
    # "正在初始化搜索引擎" (search.result.initializer) to give way first.
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('初始化')")
    query = page.locator(".md-search__input")
    query.fill(case["query"])
    query.press("End")          # Material searches on keyup; fill() alone sends none
    result = page.locator(f".md-search-result__item > a[href*='/{case['reaches']}']").first
    try:
        result.wait_for(state="visible")
    except NotSeen as timeout:
        seen = page.locator(".md-search-result__meta").inner_text()
        raise AssertionError(f"search {case['query']!r}: no result links to /{case['reaches']} ({seen})") from timeout
    # Material re-renders the result list as searches settle; clicking by
    # coordinates could land on a re-ordered neighbour, so click this anchor.
    result.evaluate("a => a.click()")
    try:
        page.wait_for_url(f"**/{case['reaches']}*", wait_until="domcontentloaded", timeout=3 * WAIT_MS)
    except NotSeen as timeout:
        raise AssertionError(f"search {case['query']!r}: the result for /{case['reaches']} led to {page.url}") from timeout
    assert case["shows"] in page.locator("article").inner_text(), \
        f"search {case['query']!r} led to /{case['reaches']}, which does not show {case['shows']!r}"


def test_larger_text_is_kept_after_a_reload(phone_page: Any, site_url: str) -> None:
    page = phone_page
    page.goto(site_url + "wangjiang/funds/2025/", wait_until="load")
    body = page.locator("article.md-typeset").first
    small = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    page.get_by_role("button", name="大字").click()
    page.reload(wait_until="load")
    button = page.get_by_role("button", name="大字")
    assert button.get_attribute("aria-pressed") == "true", "the 大字 switch is not pressed after a reload"
    large = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert large >= 18 and large > small, f"text is {large} px after a reload with 大字 on (was {small} px)"


@pytest.mark.parametrize("case", CASES["downloads"], ids=[c["file"] for c in CASES["downloads"]])
def test_download(phone_page: Any, site_url: str, case: dict[str, str]) -> None:
    page = phone_page
    page.goto(site_url + case["page"], wait_until="load")
    with page.expect_download() as started:
        page.get_by_role("link", name=case["link"]).click()
    download = started.value
    assert download.suggested_filename == case["file"], f"/{case['page']}: downloads {download.suggested_filename}"
    text = download.path().read_text(encoding="utf-8-sig")
    assert case["holds"] in text, f"{case['file']} from /{case['page']} lacks {case['holds']!r}"
    if case["file"].endswith(".ics"):
        calendar = icalendar.Calendar.from_ical(text)
        assert any(event.get("summary") == case["holds"] for event in calendar.walk("VEVENT"))
    else:
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1 and any(case["holds"] in row for row in rows)
