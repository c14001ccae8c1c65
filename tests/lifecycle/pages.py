"""Build the example site as page values (no MkDocs) for a fixed reference date."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any, Callable

from generator.pipeline import validate
from generator.site.context import SiteConfig
from generator.site.pages import DataFile, Page, build_data_files, build_pages
from tests.conftest import apply_edits, copy_examples

SITE_URL = "https://gongshi.example.cn/"


def build(tmp_path: Path, as_of: date, edits: dict[str, list[dict[str, Any]]] | None = None,
          slugs: list[str] | None = None, data: bool = False,
          before: Callable[[Path], None] | None = None) -> tuple[dict[str, Page], dict[str, DataFile]]:
    root = copy_examples(tmp_path, slugs)
    if before:
        before(root)
    for slug, changes in (edits or {}).items():
        apply_edits(root, slug, changes)
    validated = validate(root, as_of)
    config = SiteConfig(SITE_URL, root)
    pages = {p.path: p for p in build_pages(validated, config)}
    files = {f.path: f for f in build_data_files(validated, config)} if data else {}
    return pages, files


def text(page: Page) -> str:
    """The page's visible text, whitespace collapsed to single spaces. Links are
    inline (a glossary term's link sits inside a word): they add no space."""
    inline = re.sub(r"</?a\b[^>]*>", "", page.body_html)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())
