"""The readability figures of issue 13, measured in the real browser on every page
kind of pages.yml (and readable.yml's extra pages), at a 360 px phone screen, in the
normal and the elderly (大字) mode: text size and line height, contrast, target
sizes, nothing by colour alone, tables that scroll in their own box with a hint.

readable.js reads computed styles and element boxes and returns every element
below a figure in one call per page and mode; readable.yml holds the figures and
the selectors. A link inside running text is exempt from the target size (WCAG
2.5.8 "inline"), but never smaller than its own text; content/accessibility.md
states the same figures and the same exemption."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.e2e.conftest import PAGE_KINDS

pytestmark = pytest.mark.e2e
HERE = Path(__file__).parent
FIGURES: dict[str, Any] = yaml.safe_load((HERE / "readable.yml").read_text(encoding="utf-8"))
MEASURE = (HERE / "readable.js").read_text(encoding="utf-8")
PAGES: dict[str, str] = {**PAGE_KINDS, **FIGURES["extra_pages"]}
MODES: dict[str, dict[str, Any]] = FIGURES["modes"]
LARGE_TEXT_KEY = "gongshi.large-text"     # theme/assets/gongshi/gongshi.js
SHOWN = 25


def figures(mode: str) -> dict[str, Any]:
    """What readable.js reads: the selectors and the mode's figures."""
    shared = {k: v for k, v in FIGURES.items() if k not in ("modes", "extra_pages")}
    return {**shared, **MODES[mode]}


def stored_choice(context: Any, large: bool) -> None:
    """The 大字 switch as a reader left it on an earlier visit."""
    if large:
        context.add_init_script(f"try{{localStorage.setItem('{LARGE_TEXT_KEY}','1')}}catch(e){{}}")


class Measured:
    """One phone page per mode; each page kind measured once, on first use."""

    def __init__(self, browser: Any, site_url: str) -> None:
        from tests.e2e.browser import PHONE

        self.site_url = site_url
        self.contexts = {mode: browser.new_context(**PHONE) for mode in MODES}
        for mode, context in self.contexts.items():
            stored_choice(context, bool(MODES[mode].get("large_text")))
        self.pages = {mode: context.new_page() for mode, context in self.contexts.items()}
        self.done: dict[tuple[str, str], list[dict[str, str]]] = {}

    def __call__(self, mode: str, kind: str) -> list[dict[str, str]]:
        if (mode, kind) not in self.done:
            page = self.pages[mode]
            response = page.goto(self.site_url + PAGES[kind], wait_until="load")
            assert response is not None and response.ok, f"/{PAGES[kind]}: HTTP {response.status if response else '-'}"
            large = page.evaluate("document.documentElement.classList.contains('gs-large')")
            assert large == bool(MODES[mode].get("large_text")), f"{kind}: elderly mode is {large} in mode {mode}"
            self.done[mode, kind] = page.evaluate(MEASURE, figures(mode))
        return self.done[mode, kind]

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="module")
def measured(browser: Any, site_url: str) -> Iterator[Measured]:
    measure = Measured(browser, site_url)
    yield measure
    measure.close()


def listing(found: list[dict[str, str]]) -> str:
    lines = [f"{v['what']}: {v['element']} — {v['detail']}" for v in found[:SHOWN]]
    more = f"\n  … and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    return "\n  " + "\n  ".join(lines) + more


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_page_meets_the_readability_figures(measured: Measured, kind: str, mode: str) -> None:
    found = measured(mode, kind)
    assert not found, (f"page kind {kind!r} (/{PAGES[kind]}) in {mode} mode: {len(found)} elements below "
                       f"the figures of tests/e2e/readable.yml:" + listing(found))


def test_elderly_mode_is_kept_on_the_next_page_before_it_is_drawn(browser: Any, site_url: str) -> None:
    """Switched on one page, the next page has it before its <body> exists: no flash of small text."""
    from tests.e2e.browser import PHONE

    context = browser.new_context(**PHONE)
    context.add_init_script("""new MutationObserver((changes, watcher) => {
      if (document.body) {
        window.__largeAtBody = document.documentElement.classList.contains('gs-large');
        watcher.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});""")
    try:
        page = context.new_page()
        page.goto(site_url + PAGES["community"], wait_until="load")
        page.get_by_role("button", name="大字").click()
        page.get_by_role("link", name="资金公开", exact=True).first.click()
        page.wait_for_url("**/funds/**", wait_until="load", timeout=30_000)
        assert page.evaluate("window.__largeAtBody") is True, "elderly mode was applied only after the body began"
        assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    finally:
        context.close()


EXPECTED_ON_BAD_PAGE = {
    "text": "p.tiny “小字",
    "line height": "p.tight “行距太密",
    "contrast": "p.faint “浅灰色的字",
    "target": "button.small “点”",
    "own control": "button.gs-textsize “大字”",
    "colour alone": "span.gs-no",
    "table hint": "div.gs-table",
    "page width": "body",
}


def test_the_measurement_catches_a_bad_page(browser: Any) -> None:
    """data/unreadable.html has one fault of each kind: the figures are not vacuous,
    and a link in running text is exempt while a link standing alone is not."""
    from tests.e2e.browser import PHONE, serve

    context = browser.new_context(**PHONE)
    try:
        with serve(HERE / "data") as url:
            page = context.new_page()
            page.goto(url + "unreadable.html", wait_until="load")
            found = page.evaluate(MEASURE, figures("elderly"))
    finally:
        context.close()
    for what, element in EXPECTED_ON_BAD_PAGE.items():
        assert any(v["what"] == what and element in v["element"] for v in found), f"{what} {element}:{listing(found)}"
    assert not any("句中链接" in v["element"] for v in found), listing(found)
    assert any(v["what"] == "target" and "单独的链接" in v["element"] for v in found), listing(found)
