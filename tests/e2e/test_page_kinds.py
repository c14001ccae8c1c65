"""Every page kind at a 360×780 phone viewport: it fits the screen, loads
nothing from another host, logs no error, and axe finds nothing serious.
A full-page screenshot of each kind is saved under tests/artifacts/e2e/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import CASES, PAGE_KINDS, Visits

pytestmark = pytest.mark.e2e
KINDS = list(PAGE_KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scrolling(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    overflow = seen.overflow
    assert overflow["scrollWidth"] <= overflow["width"], (
        f"{seen.where()} scrolls sideways: {overflow['scrollWidth']} px wide in a {overflow['width']} px screen; "
        + "; ".join(overflow["culprits"]))


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_site_itself_is_asked_for_anything(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    assert not seen.foreign_requests, f"{seen.where()} requested other hosts: {seen.foreign_requests}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_console_error(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    assert not seen.console_errors, f"{seen.where()} logged errors: {seen.console_errors}"


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_or_critical_violation(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    found = [f"{v['id']} ({v['impact']}): {v['help']} at {'; '.join(v['nodes'])}" for v in seen.axe_violations]
    assert not found, f"{seen.where()}, axe-core:\n  " + "\n  ".join(found)


@pytest.mark.parametrize("kind", KINDS)
def test_screenshot_is_saved(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    assert seen.screenshot.stat().st_size > 0, seen.where()


@pytest.mark.parametrize("kind", list(CASES["states"]))
def test_edited_records_show_their_state(visits: Visits, kind: str) -> None:
    seen = visits[kind]
    expected = CASES["states"][kind]
    assert "".join(expected.split()) in "".join(seen.text.split()), f"{seen.where()} does not say {expected!r}"


def test_the_checks_catch_a_bad_page(browser: Any, tmp_path: Path) -> None:
    """A page with one fault of each kind: the checks above are not vacuous."""
    from tests.e2e.browser import serve, visit
    from tests.e2e.tools import AXE_SCRIPT, node_file

    with serve(Path(__file__).parent / "data") as url:
        seen = visit(browser, url, "bad", "bad.html", node_file(AXE_SCRIPT, "axe-core"), tmp_path / "bad.png")
    assert seen.overflow["scrollWidth"] > seen.overflow["width"]
    assert any(c.startswith("div.too-wide reaches 6") for c in seen.overflow["culprits"]), seen.overflow
    assert set(seen.foreign_requests) == {"http://gongshi-e2e.invalid/outside.css"}
    assert any("坏页面的脚本错误" in e for e in seen.console_errors), seen.console_errors
    assert [v["id"] for v in seen.axe_violations] == ["image-alt"], seen.axe_violations
