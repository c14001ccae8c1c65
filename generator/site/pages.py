"""Pages and data files as plain values, computed from the validated city.

The MkDocs plugin hands these to MkDocs; `write_docs_folder` writes the same
values out as an ordinary docs folder, so any builder that reads mkdocs.yml
can build the site without the plugin (style.md, "Keep MkDocs at the edge").
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from generator.model.community import Community
from generator.pipeline import Validated
from generator.site.context import Site, SiteConfig

if TYPE_CHECKING:
    from generator.site.summary import Listing, Summary


@dataclass(frozen=True)
class Page:
    path: str                           # the permanent address (generator/addresses.py); "" = portal
    title: str                          # plain text; escaped where it is written
    body_html: str                      # rendered by a template with autoescape
    meta: dict[str, Any] = field(default_factory=dict)
    source_files: tuple[str, ...] = ()  # data files behind the page, relative to the project root

    @property
    def src_uri(self) -> str:
        return f"{self.path}index.md"

    def fingerprint(self) -> str:
        """What the page's HTML is made from, besides the theme and the navigation."""
        import hashlib

        made_of = json.dumps([self.title, self.body_html, self.meta, self.source_files], default=str, sort_keys=True)
        return hashlib.sha256(made_of.encode()).hexdigest()

    def front_matter(self) -> str:
        """Title and meta as YAML front matter (JSON strings are valid YAML).

        MkDocs and its themes treat a page title as markup (mkdocs-material writes
        `page.meta.title` into <title> and the header unescaped), so the plain-text
        title is HTML-escaped here, where it leaves gongshi for MkDocs."""
        lines = ["---", f"title: {json.dumps(html.escape(self.title), ensure_ascii=False)}"]
        lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in sorted(self.meta.items())]
        return "\n".join(lines) + "\n---\n"

    def markdown(self) -> str:
        """The page as a Markdown document: front matter, then one raw HTML block
        that Markdown passes through untouched."""
        return self.front_matter() + "\n" + self.body_html.strip() + "\n"


@dataclass(frozen=True)
class DataFile:
    path: str                           # relative to the site root (generator/addresses.py)
    content: bytes


# A worker process (data files, pages) costs more than it saves for fewer communities than this.
PER_WORKER = 12

CommunityBuilder = Callable[[Site, Community], Iterable[Page]]


def _community_builders() -> tuple[CommunityBuilder, ...]:
    from generator.site.builders import (
        assessment, calendar, community, funds, items, pledges, posters, scenes, services, surveys,
    )
    return (community.pages, pledges.pages, items.pages, funds.pages, calendar.pages, scenes.pages,
            surveys.pages, assessment.pages, services.pages, posters.pages)


def site_pages(site: Site, listing: "Listing") -> list[Page]:
    """The pages that belong to no community: the portal, the district pages, the
    guide, the glossary; each with its glossary terms' first uses linked."""
    return listing_pages(listing) + reference_pages(site)


def reference_pages(site: Site) -> list[Page]:
    """The guide and the glossary: the same whatever the communities' records say."""
    from generator.site.builders import guide, glossary

    return [glossary.linked(p) for p in list(guide.pages(site)) + list(glossary.pages(site))]


def listing_pages(listing: "Listing") -> list[Page]:
    """The portal, district and street pages: all that a community's summary changes."""
    from generator.site.builders import glossary, portal

    return [glossary.linked(page) for page in portal.pages(listing)]


def community_pages(site: Site, community: Community) -> list[Page]:
    from generator.site.builders import glossary

    return [glossary.linked(page) for builder in _community_builders() for page in builder(site, community)]


def every_community_pages(site: Site) -> dict[str, list[Page]]:
    """Each published community's pages, rendered on every core."""
    from generator.spread import spread_map

    made = spread_map(lambda c: community_pages(site, c), site.communities, PER_WORKER)
    return {c.slug: pages for c, pages in zip(site.communities, made)}


def build_pages(validated: Validated, config: SiteConfig, site: Site | None = None) -> list[Page]:
    """Every page gongshi computes (the benchmark reads them all)."""
    site = site or Site.create(validated, config)
    data = build_data(site)
    return site_pages(site, data.listing) + [p for pages in every_community_pages(site).values() for p in pages]


@dataclass(frozen=True)
class CityData:
    """Every data file, and the listing the city-level pages are made from."""
    by_community: dict[str, list[DataFile]]
    city: list[DataFile]
    listing: "Listing"

    def files(self) -> list[DataFile]:
        return [f for files in self.by_community.values() for f in files] + self.city


def community_data(site: Site, c: Community) -> tuple[list[DataFile], "Summary"]:
    """A community's own data files (all under its folder) and its summary for the city's pages."""
    from generator.site import datapackage, evidence, feeds, ics, opendata
    from generator.site.summary import summarise

    rows = opendata.fund_rows(site, c)
    files = [opendata.community_json(site, c), opendata.funds_csv(c, rows), feeds.community_feed(site, c),
             ics.community_ics(site, c)]
    files += [DataFile(path, content) for path, content in evidence.evidence_files(c, site.as_of)]
    files.append(datapackage.community_package(site, c, {f.path: f for f in files}))
    return files, summarise(site, c, {f.path: f for f in files}, rows)


def city_data_files(listing: "Listing", schemas: list[DataFile]) -> list[DataFile]:
    """The files made from every community: the site feed, the city CSV and data package;
    and the schemas (schema_files(), the same for every city), which the package describes."""
    from generator.site import datapackage, feeds, opendata

    files = [feeds.site_feed(listing), opendata.city_funds_csv([s.city_csv for s in listing.summaries]), *schemas]
    return files + [datapackage.city_package(listing, {f.path: f for f in files})]


def build_data(site: Site, write_to: Path | None = None) -> CityData:
    """Every data file and the listing. With `write_to` (a site folder), each
    community's own files are written there by the worker that made them and
    not kept (`by_community` then lists no files): a city's are gigabytes."""
    from generator.site.summary import Listing
    from generator.spread import spread_map

    def one(c: Community) -> tuple[list[DataFile], "Summary"]:
        files, summary = community_data(site, c)
        if write_to is None:
            return files, summary
        write_docs_folder([], files, write_to)
        return [], summary

    made = spread_map(one, site.communities, PER_WORKER)
    by_community = {c.slug: files for c, (files, _) in zip(site.communities, made)}
    listing = Listing([summary for _, summary in made], site.config, site.as_of)
    return CityData(by_community, city_data_files(listing, schema_files()), listing)


def build_data_files(validated: Validated, config: SiteConfig, site: Site | None = None) -> list[DataFile]:
    return build_data(site or Site.create(validated, config)).files()


def schema_files() -> list[DataFile]:
    """The JSON Schema of every data file, published so editors can complete fields."""
    from generator.model.schema_export import file_schema
    from generator.model.records import FILE_MODELS
    from generator import addresses

    return [DataFile(addresses.schema_file(name),
                     (json.dumps(file_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())
            for name in FILE_MODELS]


def write_docs_folder(pages: list[Page], data_files: list[DataFile], folder: Path) -> None:
    """Write pages and data files as an ordinary MkDocs docs folder."""
    for page in pages:
        target = folder / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
    for data in data_files:
        target = folder / data.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.content)
