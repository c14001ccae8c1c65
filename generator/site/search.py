"""One search index per community, in the format mkdocs-material's search reads.

A resident searching on a community's page downloads only that community's
index (`<community>/search/search_index.json`, named in the page's `__config`
as `search_index`: theme/main.html, theme_assets.py), never the city's. Chinese
text is cut into words at build time, as the theme's own search plugin does with
jieba, but with rjieba (the same dictionary, compiled: ~150× faster, which a
city of thousands of communities needs); words are joined by U+200B, which the
search separator in mkdocs.yml splits on.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Iterable

import rjieba

from generator import addresses
from generator.site.pages import DataFile, Page

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)
H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)
H2 = re.compile(r'<h2\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h2>', re.S)
WORD_JOINER = "\u200b"
SITE_INDEX = "search/search_index.json"


def plain_text(body_html: str) -> str:
    text = TAG.sub(" ", HIDDEN.sub(" ", H1.sub(" ", body_html, count=1)))
    return SPACE.sub(" ", html.unescape(text)).strip()


def segment(text: str) -> str:
    """Words joined by U+200B, HTML-escaped: the theme shows results as markup."""
    return html.escape(WORD_JOINER.join(filter(str.strip, rjieba.cut(text))))


def searchable(page: Page) -> bool:
    return not (page.meta.get("search") or {}).get("exclude")


def page_documents(page: Page) -> list[dict[str, str]]:
    """The page, then each of its sections (from an <h2 id>), as the theme's search
    shows them: a result opens the page at the section that matched."""
    parts = H2.split(page.body_html)
    docs = [{"location": page.path, "title": segment(page.title), "text": segment(plain_text(parts[0]))}]
    for anchor, heading, body in zip(parts[1::3], parts[2::3], parts[3::3]):
        docs.append({"location": f"{page.path}#{anchor}", "title": segment(plain_text(heading)),
                     "text": segment(plain_text(body))})
    return docs


def index_document(pages: Iterable[Page], config: dict[str, Any]) -> bytes:
    """The index of `pages` with the theme's search settings (`config`, as MkDocs'
    search plugin wrote them for the rest of the site)."""
    docs = [doc for page in pages if searchable(page) for doc in page_documents(page)]
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode()


def community_index(slug: str, pages: Iterable[Page], config: dict[str, Any]) -> DataFile:
    return DataFile(addresses.community_search_index(slug), index_document(pages, config))


def site_index(pages: Iterable[Page], config: dict[str, Any]) -> DataFile:
    """The portal's, the district pages', the guide's and the hand-written pages' index:
    what a search outside any community needs (it finds a community by its district page)."""
    return DataFile(SITE_INDEX, index_document(pages, config))
