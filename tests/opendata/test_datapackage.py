"""The open-data package: every published CSV and JSON is described by a
Frictionless Data Package that validates, CSVs open in Excel (UTF-8 with BOM)
and read back to the same values as the JSON, with licence and data date."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import Package

from generator.pipeline import validate
from generator.site.context import Site, SiteConfig
from generator.site.pages import DataFile, build_data_files
from tests.conftest import AS_OF, copy_examples

SITE_URL = "https://gongshi.example.cn/"
CJK = re.compile(r"[\u4e00-\u9fff]")


def build(root: Path, licence: str = "CC-BY-4.0") -> tuple[dict[str, DataFile], Site]:
    config = SiteConfig(SITE_URL, root, licence)
    site = Site.create(validate(root, AS_OF), config)
    return {d.path: d for d in build_data_files(site.validated, config, site)}, site


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, DataFile], Site]:
    root = copy_examples(tmp_path_factory.mktemp("project"))
    files, site = build(root)
    out = root / "site"
    for data in files.values():
        (out / data.path).parent.mkdir(parents=True, exist_ok=True)
        (out / data.path).write_bytes(data.content)
    return out, files, site


def package_paths(site: Site) -> list[str]:
    return ["datapackage.json"] + [f"{c.slug}/data/datapackage.json" for c in site.communities]


def test_every_package_validates_with_frictionless(published) -> None:
    out, _, site = published
    for path in package_paths(site):
        report = Package(str(out / path)).validate()
        assert report.valid, (path, report.flatten(["resourceName", "type", "note"]))


def test_frictionless_notices_a_changed_file(published, tmp_path: Path) -> None:
    out, files, _ = published
    for path in ("jinxiu/data/datapackage.json", "jinxiu/data/funds.csv", "jinxiu/data/jinxiu.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(files[path].content)
    csv_path = tmp_path / "jinxiu/data/funds.csv"
    csv_path.write_bytes(csv_path.read_bytes().replace(b"201240.00", b"201249.00"))
    assert not Package(str(tmp_path / "jinxiu/data/datapackage.json")).validate().valid


def test_the_city_package_describes_every_csv_and_json(published) -> None:
    _, files, _ = published
    city = json.loads(files["datapackage.json"].content)
    described = {r["path"] for r in city["resources"]}
    published_data = {p for p in files if p.endswith((".csv", ".json")) and not p.endswith("datapackage.json")}
    assert described == published_data


def test_every_column_has_a_chinese_title_and_description_and_rows_are_counted(published) -> None:
    _, files, site = published
    for path in package_paths(site):
        for resource in json.loads(files[path].content)["resources"]:
            assert CJK.search(resource["title"]) and CJK.search(resource["description"]), resource["name"]
            if resource["type"] == "table":
                for f in resource["schema"]["fields"]:
                    assert CJK.search(f["title"]) and CJK.search(f["description"]), (resource["name"], f["name"])
                csv_file = files[resource["path"] if path == "datapackage.json" else
                                 path.rsplit("/", 1)[0] + "/" + resource["path"]]
                assert resource["stats"]["rows"] == csv_file.content.decode("utf-8-sig").count("\n") - 1


def test_amount_columns_name_their_unit_and_direction_is_a_column(published) -> None:
    _, files, _ = published
    fields = {f["name"]: f for f in json.loads(files["jinxiu/data/datapackage.json"].content)["resources"][0]["schema"]["fields"]}
    assert fields["金额（元）"]["type"] == "number" and "单位：元" in fields["金额（元）"]["description"]
    assert "direction" in fields["收支"]["title"] and "收入" in fields["收支"]["description"]
    assert fields["公示页面"]["format"] == "uri"


def test_every_csv_starts_with_the_utf8_bom(published) -> None:
    _, files, _ = published
    csvs = [p for p in files if p.endswith(".csv")]
    assert "data/funds.csv" in csvs and "jinxiu/data/funds.csv" in csvs
    for path in csvs:
        assert files[path].content.startswith(b"\xef\xbb\xbf"), path


def json_lines(record: dict) -> list[tuple[str, str, str, str]]:
    """(statement id, direction, item, amount in 元) of every line in the open-data JSON."""
    found = []
    for s in record["fund_statements"]:
        for side, direction in (("income", "收入"), ("expense", "支出")):
            for line in s.get(side, []):
                if "amount" in line:
                    value = Decimal(line["amount"]["yuan"])
                else:
                    value = Decimal(line["quantity"]) * Decimal(line["unit_price"]["yuan"])
                found.append((str(s["id"]), direction, line["item"], format(value, "f")))
    return found


def test_csv_reads_back_to_the_same_values_as_the_json(published) -> None:
    _, files, site = published
    for c in site.communities:
        rows = list(csv.DictReader(io.StringIO(files[f"{c.slug}/data/funds.csv"].content.decode("utf-8-sig"))))
        record = json.loads(files[f"{c.slug}/data/{c.slug}.json"].content)
        from_csv = sorted((r["公示编号"], r["收支"], r["项目"], r["金额（元）"]) for r in rows)
        assert from_csv == sorted(json_lines(record)), c.slug
        assert all(r["收支"] in ("收入", "支出") for r in rows)
        assert all(r["公示页面"].startswith(f"{SITE_URL}{c.slug}/funds/") for r in rows)


def test_the_refund_and_the_superseded_notice_keep_their_facts(published) -> None:
    _, files, _ = published
    rows = list(csv.DictReader(io.StringIO(files["jinxiu/data/funds.csv"].content.decode("utf-8-sig"))))
    refund = next(r for r in rows if r["项目"].startswith("退还"))
    assert refund["金额（元）"] == "-1200.00" and refund["收支"] == "收入" and refund["范围"] == "5 幢商铺"
    assert {r["已被取代"] for r in rows if r["公示编号"] == "2026-H1"} == {"是"}
    assert {r["已被取代"] for r in rows if r["公示编号"] == "2026-H1-r"} == {"否"}
    city = list(csv.DictReader(io.StringIO(files["data/funds.csv"].content.decode("utf-8-sig"))))
    assert sum(1 for r in city if r["社区编号"] == "jinxiu") == len(rows)


def test_licence_is_configurable_and_in_every_package_and_json(tmp_path: Path) -> None:
    files, site = build(copy_examples(tmp_path, ["wangjiang", "lihua"]), licence="CC0-1.0")
    for path in package_paths(site):
        assert json.loads(files[path].content)["licenses"][0]["name"] == "CC0-1.0"
    for c in site.communities:
        assert json.loads(files[f"{c.slug}/data/{c.slug}.json"].content)["licence"]["name"] == "CC0-1.0"


def test_default_licence_is_cc_by(published) -> None:
    _, files, _ = published
    described = json.loads(files["datapackage.json"].content)["licenses"][0]
    assert described == {"name": "CC-BY-4.0", "title": "知识共享署名 4.0 国际许可协议",
                         "path": "https://creativecommons.org/licenses/by/4.0/"}


def test_package_date_is_the_data_date_not_the_build_clock(published, tmp_path: Path) -> None:
    _, files, site = published
    city = json.loads(files["datapackage.json"].content)
    assert city["data_day"] == site.data_day().isoformat()
    assert city["created"] == f"{site.data_day().isoformat()}T00:00:00+08:00"
    jinxiu = json.loads(files["jinxiu/data/datapackage.json"].content)
    assert jinxiu["data_day"] <= AS_OF.isoformat()
    again, _ = build(copy_examples(tmp_path))
    assert again["datapackage.json"].content == files["datapackage.json"].content
