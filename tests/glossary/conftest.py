"""The example site as page values, built once for the glossary tests (no MkDocs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import validate
from generator.site.context import SiteConfig
from generator.site.pages import Page, build_pages
from tests.conftest import AS_OF, copy_examples


@pytest.fixture(scope="session")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    root = copy_examples(tmp_path_factory.mktemp("glossary-site"))
    pages = build_pages(validate(root, AS_OF), SiteConfig("https://gongshi.example.cn/", root))
    return {page.path: page for page in pages}
