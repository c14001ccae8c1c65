"""Hostile text is inert: the hostile community (every text field holding a known
XSS or injection payload) is built once, and nothing in site/ runs it, whatever
the format: HTML pages, the search index, Atom feeds, the ICS calendar, the CSV
of fund lines and the JSON open data.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import feedparser
import icalendar

from generator.load import load_document
from generator.pipeline import validate
from tests.conftest import AS_OF
from tests.safety.conftest import HOSTILE, HOSTILE_SLUG, PAYLOADS
from tests.safety.fields import text_fields, values_at
from tests.safety.inert import Allowed, scan, script_url

SLUG = HOSTILE_SLUG
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")
# Free-text fields that cannot hold a payload and stay valid, and why.
EXEMPT = {
    ("community.yml", "parent"): "names the parent 社区's folder; a 社区 has none",
    ("key_items.yml", "items[].source"): "must name an entry of lists.yml",
    ("funds.yml", "statements[].supersedes"): "must name another statement's id",
    ("key_items.yml", "items[].steps[].evidence[].file"): "must name an existing file (it is an attribute breakout)",
    ("key_items.yml", "items[].milestones[].evidence[].file"): "must name an existing file (likewise)",
}
# RFC 4287's vocabulary: anything else in a feed (a <script>, an <entry> made of text) was injected.
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_ELEMENTS = {ATOM + name for name in (
    "feed", "entry", "title", "subtitle", "id", "link", "updated", "published", "author", "contributor", "name",
    "uri", "email", "category", "summary", "content", "rights", "generator", "icon", "logo", "source")}
XML = "{http://www.w3.org/XML/1998/namespace}"
ATOM_ATTRIBUTES = {"rel", "type", "href", "hreflang", "title", "length", "term", "scheme", "label", "src", "uri",
                   "version", XML + "lang", XML + "base"}
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"}
CALENDAR_PROPERTIES = {"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE"}


def stored(payload: str) -> str:
    """A payload as the model keeps it: text fields are stripped of outer whitespace."""
    return payload.strip()


@lru_cache(maxsize=None)
def hostile_data(filename: str) -> Any:
    return load_document(HOSTILE / SLUG / filename, filename).data


# ---------------------------------------------------------------- the corpus itself
def test_the_corpus_has_at_least_thirty_payloads() -> None:
    assert len(PAYLOADS) >= 30 and len(set(PAYLOADS)) == len(PAYLOADS)


def test_every_kind_of_text_field_holds_a_payload() -> None:
    missing = []
    for field in text_fields():
        if not field.free or (field.filename, field.path) in EXEMPT:
            continue
        values = list(values_at(hostile_data(field.filename), field.path))
        if not any(isinstance(v, str) and any(stored(p) in v for p in PAYLOADS) for v in values):
            missing.append(f"{field.filename}: {field.path}")
    assert missing == []


def test_every_payload_is_placed() -> None:
    text = "".join(json.dumps(hostile_data(name), ensure_ascii=False, default=str)
                   for name in sorted(p.name for p in (HOSTILE / SLUG).glob("*.yml")))
    assert [p for p in PAYLOADS if json.dumps(stored(p), ensure_ascii=False)[1:-1] not in text] == []


def test_the_hostile_community_is_publishable(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path / "communities")
    result = validate(tmp_path, AS_OF)
    assert [f.format() for f in result.blocking()] == []
    assert list(result.city.communities) == [SLUG]


# ---------------------------------------------------------------- HTML
def test_no_page_runs_anything_from_the_data(hostile_site: Path, allowed: Allowed) -> None:
    problems = []
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        problems += [f"{page.relative_to(hostile_site)}: {p}" for p in scan(page.read_text(encoding="utf-8"), allowed)]
    assert problems == []


def test_sitemap_holds_only_addresses(hostile_site: Path) -> None:
    sitemap = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.parse(hostile_site / "sitemap.xml").getroot()
    assert {e.tag for e in root.iter()} <= {sitemap + t for t in ("urlset", "url", "loc", "lastmod")}
    assert all(re.fullmatch(r"https://gongshi\.example\.cn/[a-z0-9/\-]*", e.text or "")
               for e in root.iter(sitemap + "loc"))


def words(text: str) -> str:
    return " ".join(text.split())


def page_text(site: Path, path: str) -> str:
    """The article's text as a reader sees it, white space collapsed."""
    source = (site / path / "index.html").read_text(encoding="utf-8")
    article = source[source.index("<article"):source.index("</article>")]
    return words(html.unescape(re.sub(r"<[^>]+>", "", article)))


def test_payloads_are_shown_as_written(hostile_site: Path) -> None:
    """Escaped, not dropped or decoded: each key item's title is its page's heading, character for character."""
    titles = [item["title"] for item in hostile_data("key_items.yml")["items"]]
    for index, title in enumerate(titles):
        if index in (4, 5):          # withdrawn, not yet disclosed: placeholder pages
            continue
        text = page_text(hostile_site, f"{SLUG}/item/2026-{index + 1:02d}/")
        assert words(title) in text, title
    clauses = page_text(hostile_site, f"{SLUG}/pledges/")
    assert [p for p in PAYLOADS if words(p) not in clauses] == []


def test_search_index_entries_are_inert(hostile_site: Path, allowed: Allowed) -> None:
    """mkdocs-material shows search results as HTML: every title and text must be escaped."""
    docs = [doc for index in sorted(hostile_site.glob("**/search/search_index.json"))
            for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
    problems = [f"{doc['location']} {key}: {p}" for doc in docs for key in ("title", "text")
                for p in scan(doc[key], allowed)]
    assert problems == []
    assert any(doc["location"].startswith(f"{SLUG}/") for doc in docs)
    assert any("alert(38)" in doc["title"].replace("\u200b", "") for doc in docs)


# ---------------------------------------------------------------- feeds
def test_feeds_parse_and_hold_only_atom_elements(hostile_site: Path) -> None:
    for path in ("feed.xml", f"{SLUG}/feed.xml"):
        raw = (hostile_site / path).read_bytes()
        feed = feedparser.parse(raw)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries
        elements = list(ET.fromstring(raw).iter())
        assert {e.tag for e in elements} <= ATOM_ELEMENTS, {e.tag for e in elements} - ATOM_ELEMENTS
        assert {a for e in elements for a in e.attrib} <= ATOM_ATTRIBUTES
        assert any(stored(p) in e.title for e in feed.entries for p in PAYLOADS)


# ---------------------------------------------------------------- calendar
def test_each_calendar_text_is_one_escaped_value(hostile_site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((hostile_site / SLUG / "calendar.ics").read_bytes())
    assert set(calendar.keys()) <= CALENDAR_PROPERTIES
    events = calendar.walk("VEVENT")
    activities = hostile_data("activities.yml")["activities"]
    assert len(events) == len(activities) == len(PAYLOADS)
    as_text = {stored(a["title"]).replace("\r\n", "\n").replace("\r", "\n"): a for a in activities}
    for event in events:
        assert set(event.keys()) <= EVENT_PROPERTIES, set(event.keys()) - EVENT_PROPERTIES
        activity = as_text[str(event["SUMMARY"])]
        assert str(event["LOCATION"]) == stored(activity["place"]).replace("\r\n", "\n").replace("\r", "\n")
    assert not calendar.walk("VALARM") and not calendar.walk("VTODO")


# ---------------------------------------------------------------- CSV and JSON
def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def fund_rows(site: Path) -> list[dict[str, str]]:
    return csv_rows(site / SLUG / "data" / "funds.csv")


def test_no_csv_text_cell_is_a_formula(hostile_site: Path) -> None:
    """Decisions 9: a text cell starting with = + - @ is neutralised; a plain decimal
    (an amount, negatives included) is a number, not a formula, and stays as it is."""
    tables = sorted(hostile_site.rglob("*.csv"))
    assert tables
    formulas = []
    for table in tables:
        rows = csv_rows(table)
        formulas += [(table.name, column, value) for row in rows for column, value in row.items()
                     if value.startswith(FORMULA_STARTS) and not PLAIN_DECIMAL.fullmatch(value)]
    assert formulas == []
    rows = fund_rows(hostile_site)
    assert len(rows) > len(PAYLOADS)
    neutralised = {row["项目"] for row in rows if row["项目"].startswith("'")}
    assert {"'=1+1", "'@SUM(1+1)*cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"} <= neutralised


def test_csv_amounts_are_plain_decimals_negatives_included(hostile_site: Path) -> None:
    rows = fund_rows(hostile_site)
    amounts = [Decimal(row["金额（元）"]) for row in rows]           # every one parses
    assert Decimal("-150.00") in amounts
    record = json.loads((hostile_site / SLUG / "data" / f"{SLUG}.json").read_text(encoding="utf-8"))
    lines = [line for s in record["fund_statements"] for key in ("income", "expense") for line in s.get(key, [])]
    json_amounts = sorted(Decimal(line["amount"]["yuan"]) for line in lines)
    assert sorted(amounts) == json_amounts


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_open_data_holds_the_payloads_as_plain_strings(hostile_site: Path) -> None:
    record = json.loads((hostile_site / SLUG / "data" / f"{SLUG}.json").read_text(encoding="utf-8"))
    values = strings(record)
    assert [p for p in PAYLOADS if not any(stored(p) in v for v in values)] == []


# ---------------------------------------------------------------- names
def test_names_of_persons_are_masked_everywhere(hostile_site: Path) -> None:
    assert "张*明" in page_text(hostile_site, f"{SLUG}/notice/2026-q4/")
    for path in hostile_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".ics"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "张三明" not in text and "李四" not in text, path


def test_a_folder_named_like_a_url_scheme_still_links_as_a_path() -> None:
    """A community folder is part of every address; renamed by hand to “javascript:…”
    it must still give links that are paths, not script URLs."""
    from generator.site.render import relative

    for here in ("", "wangjiang/", "wangjiang/item/2025-01/"):
        link = relative(here, "javascript:alert(1)%2F%2F/item/2025-01/")
        assert not script_url(link), link
    assert relative("", "wangjiang/") == "wangjiang/"
