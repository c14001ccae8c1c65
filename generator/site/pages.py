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
from typing import Any, Callable, Iterable

from generator.model.community import Community
from generator.pipeline import Validated
from generator.site.context import Site, SiteConfig


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


CommunityBuilder = Callable[[Site, Community], Iterable[Page]]


def _community_builders() -> tuple[CommunityBuilder, ...]:
    from generator.site.builders import (
        assessment, calendar, community, funds, items, pledges, posters, scenes, services, surveys,
    )
    return (community.pages, pledges.pages, items.pages, funds.pages, calendar.pages, scenes.pages,
            surveys.pages, assessment.pages, services.pages, posters.pages)


def site_pages(site: Site) -> list[Page]:
    """The pages that belong to no community: the portal, the district pages, the
    guide, the glossary; each with its glossary terms' first uses linked."""
    from generator.site.builders import glossary, guide, portal

    pages = list(portal.pages(site)) + list(guide.pages(site)) + list(glossary.pages(site))
    return [glossary.linked(page) for page in pages]


def community_pages(site: Site, community: Community) -> list[Page]:
    from generator.site.builders import glossary

    return [glossary.linked(page) for builder in _community_builders() for page in builder(site, community)]


def build_pages(validated: Validated, config: SiteConfig, site: Site | None = None) -> list[Page]:
    """Every page gongshi computes (the export and the benchmark read them all)."""
    site = site or Site.create(validated, config)
    pages = site_pages(site)
    for c in site.communities:
        pages.extend(community_pages(site, c))
    return pages


def build_data_files(validated: Validated, config: SiteConfig, site: Site | None = None) -> list[DataFile]:
    from generator.site import datapackage, evidence, feeds, ics, opendata

    site = site or Site.create(validated, config)
    files = [feeds.site_feed(site)] + schema_files()
    for c in site.communities:
        files += [opendata.community_json(site, c), opendata.funds_csv(site, c), feeds.community_feed(site, c),
                  ics.community_ics(site, c)]
        files += [DataFile(path, content) for path, content in evidence.evidence_files(c, site.as_of)]
    files.append(opendata.city_funds_csv(site))
    return files + datapackage.packages(site, files)


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
