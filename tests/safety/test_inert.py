"""The detector the hostile-site test relies on: a clean page passes, and the same
page with any markup payload written unescaped (into text, or into a quoted
attribute value) fails. Without this, a detector that sees nothing would pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.safety.conftest import PAYLOADS
from tests.safety.inert import Allowed, scan

PAGE = "qingfeng/index.html"
IN_TEXT = [p for p in PAYLOADS if re.search(r"<[A-Za-z!?/]", p)]
IN_ATTRIBUTE = [p for p in PAYLOADS if '"' in p]


@pytest.fixture(scope="module")
def page_and_allowed(example_site: Path, allowed: Allowed) -> tuple[str, Allowed]:
    return (example_site / PAGE).read_text(encoding="utf-8"), allowed


def test_a_clean_page_passes(page_and_allowed: tuple[str, Allowed]) -> None:
    page, allowed = page_and_allowed
    assert scan(page, allowed) == []


@pytest.mark.parametrize("payload", IN_TEXT)
def test_markup_written_unescaped_in_text_is_caught(page_and_allowed: tuple[str, Allowed], payload: str) -> None:
    page, allowed = page_and_allowed
    assert scan(page.replace("</article>", payload + "</article>", 1), allowed) != []


@pytest.mark.parametrize("payload", IN_ATTRIBUTE)
def test_markup_written_unescaped_in_an_attribute_is_caught(page_and_allowed: tuple[str, Allowed],
                                                            payload: str) -> None:
    page, allowed = page_and_allowed
    assert 'aria-label="' in page
    assert scan(page.replace('aria-label="', 'aria-label="' + payload, 1), allowed) != []


def test_script_urls_are_read_as_a_browser_reads_them() -> None:
    allowed = Allowed()
    for href in ("javascript:alert(1)", " \tJaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
                 "vbscript:msgbox(1)"):
        assert scan(f'<a href="{href}">x</a>', allowed) != [], href
    allowed.learn('<a href="tel:0519-88102345">x</a>')
    assert scan('<a href="tel:0519-88102345">x</a>', allowed) == []
