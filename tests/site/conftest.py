"""The example site, built once per test session into a temporary folder."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, copy_examples

SITE_INPUTS = ("content", "theme", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """communities/, content/, theme/ and mkdocs.yml: nothing is written in the repository."""
    copy_examples(target)
    for name in SITE_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.site.build import build_site

    root = copy_project(tmp_path_factory.mktemp("project"))
    site = root / "site"
    build_site(root, site, AS_OF)
    return site


def page_text(site: Path, path: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    source = (site / path / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
