"""What leaves the build: no outside resources, links that resolve, files that parse,
a Chinese search index."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import feedparser
import icalendar

from tests.conftest import EXAMPLES

EXTERNAL = r"(?:https?:)?//"
# An element attribute that makes the browser load something by itself (decisions 8).
LOADING_ATTR = re.compile(r"<(?:script|img|iframe|audio|video|source|embed|input|track)\b[^>]*?\s(?:src|srcset|poster)"
                          r"\s*=\s*[\"']?" + EXTERNAL, re.I)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
LOADING_REL = re.compile(r"rel\s*=\s*[\"']?[^\"'>]*\b(?:stylesheet|icon|preload|modulepreload|prefetch|manifest)\b", re.I)
CSS_URL = re.compile(r"url\(\s*[\"']?" + EXTERNAL, re.I)
CSS_IMPORT = re.compile(r"@import\s+[\"']" + EXTERNAL, re.I)
JS_URL = re.compile(r"[\"'`](https?://[^\"'`\s]+)")
# URLs that stay in mkdocs-material's scripts without ever being loaded on this site:
# repository facts (only with repo_url, which mkdocs.yml does not set) and licence comments.
INERT_SCRIPT_HOSTS = ("https://api.github.com/", "http://lunrjs.com", "http://tartarus.org/", "https://bit.ly/",
                      "https://clipboardjs.com/", "https://${")


def site_files(site: Path, *suffixes: str) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes]


def test_no_resource_is_loaded_from_another_host(built_site: Path) -> None:
    problems = []
    for path in site_files(built_site, ".html"):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path}: {m.group(0)[:80]}" for m in LOADING_ATTR.finditer(text)]
        for tag in LINK_TAG.findall(text):
            if LOADING_REL.search(tag) and re.search(r"href\s*=\s*[\"']?" + EXTERNAL, tag):
                problems.append(f"{path}: {tag[:80]}")
        problems += [f"{path}: {m.group(0)}" for m in CSS_URL.finditer(text)]
    for path in site_files(built_site, ".css"):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path}: {m.group(0)}" for m in (*CSS_URL.finditer(text), *CSS_IMPORT.finditer(text))]
    for path in site_files(built_site, ".js"):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path}: {url}" for url in JS_URL.findall(text) if not url.startswith(INERT_SCRIPT_HOSTS)]
    assert problems == []
    assert 'data-md-component="source"' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_resize_observer_polyfill_is_served_locally(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/resize-observer-polyfill/ResizeObserver.global.js"' in source
    assert (built_site / "assets/vendor/resize-observer-polyfill/ResizeObserver.global.js").is_file()


def test_every_internal_link_resolves(built_site: Path) -> None:
    missing = []
    for page in site_files(built_site, ".html"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\s(?:href|src)=\"([^\"]*)\"", text):
            if re.match(r"^(?:[a-z]+:|//|#)", target) or not target:
                continue
            relative = unquote(target.split("#")[0].split("?")[0])
            base = built_site if relative.startswith("/") else page.parent   # 404.html uses absolute paths
            resolved = (base / relative.lstrip("/")).resolve()
            if relative.endswith("/") or resolved.is_dir():
                resolved = resolved / "index.html"
            # Posters are drawn after the site build (generator/publish.py), not by MkDocs.
            if re.search(r"/posters/[^/]+\.(?:pdf|png)$", str(resolved)):
                continue
            if not resolved.is_file():
                missing.append(f"{page.relative_to(built_site)} → {target}")
    assert missing == []


def test_calendars_parse_with_every_activity(built_site: Path) -> None:
    for slug in ("wangjiang", "lihua", "qingfeng"):
        calendar = icalendar.Calendar.from_ical((built_site / slug / "calendar.ics").read_bytes())
        events = calendar.walk("VEVENT")
        written = (EXAMPLES / slug / "activities.yml").read_text(encoding="utf-8").count("- {date:")
        assert len(events) == written > 0
    calendar = icalendar.Calendar.from_ical((built_site / "wangjiang" / "calendar.ics").read_bytes())
    first = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "写春联送福字进万家")
    assert first.decoded("DTSTART").isoformat() == "2024-01-27T01:00:00+00:00"   # 09:00 China time
    assert str(first["URL"]) == "https://gongshi.example.cn/wangjiang/calendar/2024-01/"


def test_feeds_parse_and_link_to_pages(built_site: Path) -> None:
    for path in ("feed.xml", "wangjiang/feed.xml", "qingfeng/feed.xml"):
        feed = feedparser.parse((built_site / path).read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries
        for entry in feed.entries:
            assert entry.link.startswith("https://gongshi.example.cn/")
            assert entry.updated <= "2026-11-23T23:59:59+08:00"
    site = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert any(e.link == "https://gongshi.example.cn/wangjiang/funds/2026-h1/" for e in site.entries)



def test_site_feed_holds_the_newest_entries_of_every_community(built_site: Path) -> None:
    """The site feed is made from each community's newest events only (summary.py):
    it must still be the newest of them all, newest first."""
    site = feedparser.parse((built_site / "feed.xml").read_bytes()).entries
    every = [e for folder in sorted(built_site.glob("*/feed.xml"))
             for e in feedparser.parse(folder.read_bytes()).entries]
    assert len(every) > len(site) == 50
    dates = [e.updated for e in site]
    assert dates == sorted(dates, reverse=True)
    oldest = dates[-1]
    newer = {e.id for e in every if e.updated > oldest}
    assert newer <= {e.id for e in site}
    assert {e.id for e in site} <= {e.id for e in every}

def page_search_index(site: Path, location: str) -> dict:
    """The search index the page at `location` fetches, found as the browser finds it:
    `search_index` in the page's __config, else the site-wide one."""
    page = (site / location / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S).group(1))
    return json.loads((site / config.get("search_index", "search/search_index.json")).read_text(encoding="utf-8"))


def search_tokens(site: Path, location: str) -> set[str]:
    index = page_search_index(site, location)
    separator = re.compile(index["config"]["separator"])
    tokens: set[str] = set()
    for doc in index["docs"]:
        if doc["location"].split("#")[0] == location:
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
            tokens.update(t for t in separator.split(text) if t)
    return tokens


def test_a_community_page_searches_its_own_small_index(built_site: Path) -> None:
    index = page_search_index(built_site, "wangjiang/funds/2025/")
    locations = {doc["location"] for doc in index["docs"]}
    assert "wangjiang/funds/2025/" in locations
    assert not [loc for loc in locations if not loc.startswith("wangjiang/")]
    portal = page_search_index(built_site, "")
    assert not [doc for doc in portal["docs"] if doc["location"].startswith(("wangjiang/", "lihua/"))]


def test_search_index_holds_segmented_chinese_words(built_site: Path) -> None:
    fund_line = search_tokens(built_site, "lihua/funds/2025/")        # 地面临时停车费
    key_item = search_tokens(built_site, "qingfeng/item/2025-01/")    # 老旧小区加装电梯协商服务
    parking_item = search_tokens(built_site, "wangjiang/item/2024-04/")
    assert any(t.startswith("停车") for t in fund_line)
    assert "电梯" in key_item
    assert "停车" in parking_item
