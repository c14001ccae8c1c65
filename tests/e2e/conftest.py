"""One built example site (with the edits of pages.yml), served on 127.0.0.1,
and one headless Debian Chromium for the whole session; each page kind is
loaded once and its `Visit` reused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AS_OF, apply_edits
from tests.e2e import tools
from tests.site.conftest import copy_project

CASES: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "pages.yml").read_text(encoding="utf-8"))
PAGE_KINDS: dict[str, str] = CASES["page_kinds"]
SCREENSHOTS = tools.ARTIFACTS / "e2e"


@pytest.fixture(scope="session")
def e2e_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.site.build import build_site

    root = copy_project(tmp_path_factory.mktemp("e2e-project"))
    for slug, edits in CASES["edits"].items():
        apply_edits(root, slug, edits)
    build_site(root, root / "site", AS_OF)
    return root / "site"


@pytest.fixture(scope="session")
def site_url(e2e_site: Path) -> Iterator[str]:
    from tests.e2e.browser import serve

    with serve(e2e_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    tools.python_module("playwright", "playwright")
    executable = tools.chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(tools.CHROMIUM_FLAGS),
                                              headless=True)
        yield launched
        launched.close()


class Visits:
    """Each page kind opened once, on first use; the tests of one kind share it."""

    def __init__(self, browser: Any, site_url: str) -> None:
        self.browser, self.site_url = browser, site_url
        self.axe_script = tools.node_file(tools.AXE_SCRIPT, "axe-core")
        self.done: dict[str, Any] = {}

    def __getitem__(self, kind: str) -> Any:
        from tests.e2e.browser import visit

        if kind not in self.done:
            self.done[kind] = visit(self.browser, self.site_url, kind, PAGE_KINDS[kind], self.axe_script,
                                    SCREENSHOTS / f"{kind}.png")
        return self.done[kind]


@pytest.fixture(scope="session")
def visits(browser: Any, site_url: str) -> Visits:
    return Visits(browser, site_url)
