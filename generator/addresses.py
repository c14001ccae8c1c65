"""Permanent addresses: the one place that says where every page lives.

A QR code printed on paper cannot change, so these paths are a contract
(decisions 5): short, ASCII, built from the community's folder name and
each record's stable id, never from positions in a list or from titles.
The site, the posters (their QR codes) and the open data all call these.
Paths are relative to the site root, with a trailing slash for pages.
"""

from __future__ import annotations

import hashlib


def portal() -> str:
    return ""


def community(slug: str) -> str:
    return f"{slug}/"


def district(city: str, district_name: str) -> str:
    """The page listing one district's streets. Region names are Chinese and
    addresses ASCII, so the names are turned into a short stable code."""
    return f"area/{_region_code(city, district_name)}/"


def street(city: str, district_name: str, street_name: str, page: int = 1) -> str:
    """The page listing one street's (街道, 镇) communities; a long list continues
    on pages 2, 3… (listing pages are not printed on posters)."""
    first = f"area/{_region_code(city, district_name, street_name)}/"
    return first if page == 1 else f"{first}{page}/"


def _region_code(*names: str) -> str:
    return hashlib.blake2s("/".join(names).encode(), digest_size=4).hexdigest()


def community_search_index(slug: str) -> str:
    return f"{slug}/search/search_index.json"


def pledges(slug: str) -> str:
    return f"{slug}/pledges/"


def key_items(slug: str) -> str:
    return f"{slug}/items/"


def key_items_year(slug: str, year: int) -> str:
    return f"{slug}/items/{year}/"


def key_item(slug: str, item_id: str) -> str:
    return f"{slug}/item/{item_id.lower()}/"


def funds(slug: str) -> str:
    return f"{slug}/funds/"


def fund_statement(slug: str, statement_id: str) -> str:
    return f"{slug}/funds/{statement_id.lower()}/"


def calendar(slug: str) -> str:
    return f"{slug}/calendar/"


def calendar_month(slug: str, month: str) -> str:
    """`month` is YYYY-MM; the month's calendar (posters point here)."""
    return f"{slug}/calendar/{month}/"


def scenes(slug: str) -> str:
    return f"{slug}/scenes/"


def surveys(slug: str) -> str:
    return f"{slug}/surveys/"


def assessment(slug: str) -> str:
    return f"{slug}/assessment/"


def services(slug: str) -> str:
    return f"{slug}/services/"


def notice(slug: str, notice_id: str) -> str:
    """A registration notice (e.g. 低保登记公示)."""
    return f"{slug}/notice/{notice_id.lower()}/"


def posters(slug: str) -> str:
    return f"{slug}/posters/"


def glossary() -> str:
    """名词解释; each term's entry is glossary/#<id>, the id fixed in generator/glossary/terms.yml."""
    return "glossary/"


# ---- files (no trailing slash)
def community_json(slug: str) -> str:
    return f"{slug}/data/{slug}.json"


def funds_csv(slug: str) -> str:
    return f"{slug}/data/funds.csv"


def datapackage(slug: str) -> str:
    """The Frictionless Data Package describing a community's CSV and JSON."""
    return f"{slug}/data/datapackage.json"


def city_datapackage() -> str:
    """At the site root, so every community's files are below it (a package's paths may not climb out)."""
    return "datapackage.json"


def city_funds_csv() -> str:
    return "data/funds.csv"


def calendar_ics(slug: str) -> str:
    return f"{slug}/calendar.ics"


def community_feed(slug: str) -> str:
    return f"{slug}/feed.xml"


def site_feed() -> str:
    return "feed.xml"


def poster_file(slug: str, kind: str, key: str, size: str, ext: str) -> str:
    """e.g. oujiang/posters/funds-2025-a4.pdf"""
    name = f"{kind}-{key}" if key else kind
    return f"{slug}/posters/{name.lower()}-{size.lower()}.{ext}"


def url(site_url: str, path: str) -> str:
    """The full URL printed under a QR code: site_url plus the permanent path."""
    return site_url.rstrip("/") + "/" + path


def guide_fields(filename: str) -> str:
    """The staff guide's field reference of one data file, e.g. guide/fields/funds/."""
    return f"guide/fields/{filename.removesuffix('.yml').replace('_', '-')}/"


def guide_rules() -> str:
    return "guide/rules/"


def guide_rules_of(profile: str) -> str:
    """One group of rules (a standard, integrity, privacy…): the whole list is too long for one page."""
    return f"guide/rules/{profile}/"


def schema_file(filename: str) -> str:
    """The JSON Schema of one data file, referenced from scaffolded files' first line."""
    return f"schemas/{filename.removesuffix('.yml')}.schema.json"
