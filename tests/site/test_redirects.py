"""A renamed community's old addresses (community.yml old_slugs) keep working:
every page of jinxiu (formerly jinxiu-huayuan) has a page at its old address
that sends the reader to it, without script."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

OLD, NEW = "jinxiu-huayuan", "jinxiu"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def test_every_page_of_a_renamed_community_is_at_its_old_address(built_site: Path) -> None:
    pages = sorted(p.relative_to(built_site / NEW).parent.as_posix() for p in (built_site / NEW).rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        rest = "" if page == "." else page + "/"
        old = built_site / OLD / rest / "index.html"
        assert old.is_file(), f"/{OLD}/{rest} has no page"
        text = old.read_text(encoding="utf-8")
        target = REFRESH.search(text)
        assert target, f"/{OLD}/{rest} does not send the reader on"
        landed = urljoin(f"https://example.cn/{OLD}/{rest}", target.group(1))
        assert landed == f"https://example.cn/{NEW}/{rest}", f"/{OLD}/{rest} leads to {landed}"
        assert f'href="{target.group(1)}"' in text and "网址已更改" in text and "<script" not in text


def test_old_addresses_are_not_listed_as_pages(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{NEW}/" in sitemap and f"/{OLD}/" not in sitemap
