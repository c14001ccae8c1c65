"""Frictionless Data Packages: one per community, one for the whole city.

Each `datapackage.json` describes every CSV and JSON file the site publishes
for its scope: the licence (mkdocs.yml `extra.gongshi_licence`, default
CC-BY-4.0), a Chinese title and description for every CSV column, row counts,
sizes and hashes, and the data's own date — the last event in the data, never
the build clock. The city package sits at the site root, so the paths of every
community's files stay inside it (a package's paths may not climb out with "..").
Packages are built from the data files themselves, so sizes and counts cannot
drift from what is published.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import posixpath
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from generator import addresses
from generator.model.community import Community
from generator.model.records import FILE_MODELS, FILE_TITLES
from generator.site.context import Site
from generator.site.events import latest_day
from generator.site.licence import licence
from generator.site.opendata import CITY_COLUMNS, FUND_COLUMNS, YES, NO, Column
from generator.site.pages import DataFile

if TYPE_CHECKING:
    from generator.site.summary import Listing

JSON_DESCRIPTION = ("社区（小区）在网站上公示的全部内容：概况、功能场景、四张清单、关键事项、公约、"
                    "收支公示（金额同时给出公布原文和换算成元的数值）、活动、调查、养老服务清单、"
                    "低保登记公示的户数与人数（不含姓名）和达标自评结果")


def field(column: Column) -> dict[str, Any]:
    described: dict[str, Any] = {"name": column.name, "type": column.type, "title": column.title,
                                 "description": column.description}
    if column.format != "default":
        described["format"] = column.format
    if column.type == "boolean":
        described.update(trueValues=[YES], falseValues=[NO])
    return described


def file_facts(data: DataFile) -> dict[str, Any]:
    return {"bytes": len(data.content), "hash": "sha256:" + hashlib.sha256(data.content).hexdigest()}


def csv_resource(name: str, path: str, data: DataFile, columns: Iterable[Column], title: str,
                 description: str, rows: int | None = None) -> dict[str, Any]:
    """`rows`: the table's row count when the caller knows it (else counted here)."""
    if rows is None:
        rows = sum(1 for _ in csv.reader(io.StringIO(data.content.decode("utf-8-sig")))) - 1
    return {"name": name, "path": path, "type": "table", "scheme": "file", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig", "title": title, "description": description, **file_facts(data),
            "stats": {"rows": rows},
            "schema": {"fields": [field(c) for c in columns], "missingValues": [""]}}


def json_resource(name: str, path: str, data: DataFile, title: str, description: str) -> dict[str, Any]:
    return {"name": name, "path": path, "type": "json", "scheme": "file", "format": "json",
            "mediatype": "application/json", "encoding": "utf-8", "title": title, "description": description,
            **file_facts(data)}


def community_resources(c: Community, files: dict[str, DataFile], base: str) -> list[dict[str, Any]]:
    """The community's CSV and JSON, with paths relative to the folder `base`."""
    def rel(path: str) -> str:
        return posixpath.relpath(path, base) if base else path

    funds, record = addresses.funds_csv(c.slug), addresses.community_json(c.slug)
    return [
        csv_resource(f"{c.slug}-funds", rel(funds), files[funds], FUND_COLUMNS, f"{c.name}收支明细",
                     f"{c.name}各期收支公示的每一笔收入和支出明细，一行一笔；金额单位为元"),
        json_resource(f"{c.slug}-data", rel(record), files[record], f"{c.name}公示数据", JSON_DESCRIPTION),
    ]


def package(name: str, title: str, description: str, homepage: str, site: "Site | Listing", day: date | None,
            resources: list[dict[str, Any]]) -> dict[str, Any]:
    described: dict[str, Any] = {
        "name": name, "title": title, "description": description, "homepage": homepage,
        "licenses": [licence(site.config.licence)], "keywords": ["公示", "社区", "收支公开"],
    }
    if day is not None:   # the data's own date, for reproducible builds (style.md)
        described["created"] = f"{day.isoformat()}T00:00:00+08:00"
        described["data_day"] = day.isoformat()
    described["as_of"] = site.as_of.isoformat()
    described["resources"] = resources
    return described


def data_file(path: str, described: dict[str, Any]) -> DataFile:
    return DataFile(path, (json.dumps(described, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


RESOURCE_INDENT = "\n    "            # a resource's lines inside the package's "resources" list
SPLICE = "gs-community-resources-3f9a"


def resources_json(resources: list[dict[str, Any]]) -> str:
    """Resources as they read inside a package's list, ready to be spliced in: a city's
    package is a thousand communities' resources, serialised once each, not on every build."""
    return ("," + RESOURCE_INDENT).join(json.dumps(r, ensure_ascii=False, indent=2).replace("\n", RESOURCE_INDENT)
                                       for r in resources)


def community_package(site: Site, c: Community, files: dict[str, DataFile]) -> DataFile:
    path = addresses.datapackage(c.slug)
    return data_file(path, package(
        f"gongshi-{c.slug}", f"{c.name}公示数据", f"{c.name}在社区公示栏网站上公示的数据：收支明细（CSV）和全部公示内容（JSON）。",
        addresses.url(site.config.site_url, addresses.community(c.slug)), site, latest_day(site.events[c.slug]),
        community_resources(c, files, posixpath.dirname(path))))


def city_package(listing: "Listing", files: dict[str, DataFile]) -> DataFile:
    """`files`: the city CSV and the schemas; each community's files are in its summary."""
    rows = sum(s.city_csv_rows for s in listing.summaries)
    resources: list[Any] = [csv_resource(
        "city-funds", addresses.city_funds_csv(), files[addresses.city_funds_csv()], CITY_COLUMNS, "全部社区收支明细",
        "网站上全部社区（小区）各期收支公示的每一笔明细，一行一笔；金额单位为元", rows)]
    communities = [s.resources for s in listing.summaries if s.resources]
    if communities:
        resources.append(SPLICE)
    for filename in FILE_MODELS:
        path = addresses.schema_file(filename)
        if path in files:
            resources.append(json_resource(
                f"schema-{filename.removesuffix('.yml').replace('_', '-')}", path, files[path],
                f"{FILE_TITLES[filename]}（{filename}）的 JSON Schema", f"数据文件 {filename} 的字段、类型和中文说明，供编辑器补全和检查"))
    package_file = data_file(addresses.city_datapackage(), package(
        "gongshi", "社区公示栏公示数据", "社区公示栏网站上全部社区（小区）公示的数据：收支明细（CSV）、各社区全部公示内容（JSON）和数据文件的 JSON Schema。",
        addresses.url(listing.config.site_url, addresses.portal()), listing, listing.data_day(), resources))
    if not communities:
        return package_file
    text = package_file.content.decode("utf-8").replace(json.dumps(SPLICE), ("," + RESOURCE_INDENT).join(communities), 1)
    return DataFile(package_file.path, text.encode("utf-8"))
