"""Records by their state on the reference date, built as page values (no MkDocs):
one case per edit of the example data, the expected page text beside it."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import validate
from generator.site.context import SiteConfig
from generator.site.pages import build_data_files, build_pages
from tests.conftest import AS_OF, apply_edits, copy_examples

SITE_URL = "https://gongshi.example.cn/"

CASES: list[dict[str, Any]] = [
    {"id": "notice-list-during-window", "as_of": date(2026, 9, 10), "edits": {},
     "page": "wangjiang/notice/2026-q3/",
     "shows": ["公示中（还剩 8 天）", "状态截至 2026-09-10", "陈*国", "林*琴", "共 4 户、8 人"],
     "hides": ["陈建国"]},
    {"id": "notice-count-after-window", "edits": {},
     "page": "wangjiang/notice/2026-q3/", "shows": ["公示期已结束", "共4户、8人"], "hides": ["陈*国", "陈建国"]},
    {"id": "scheduled-statement-placeholder",
     "edits": {"wangjiang": [{"file": "funds.yml", "find": "window: {start: 2026-07-15, end: 2026-07-24}",
                              "replace": "window: {start: 2026-12-01, end: 2026-12-10}"}]},
     "page": "wangjiang/funds/2026-h1/", "shows": ["将于 2026-12-01 公示"], "hides": ["160,442.36"],
     "absent_from": ["wangjiang/funds/", "wangjiang/", ""],
     "absent_texts": ["望江社区共有资金收支公示（2026 年上半年）", "160442.36"]},
    {"id": "withdrawn-item-notice",
     "edits": {"wangjiang": [{"file": "key_items.yml", "find": "    title: 背街小巷停车秩序整治\n",
                              "replace": "    title: 背街小巷停车秩序整治\n"
                                         "    withdrawn: {date: 2026-11-01, reason: 与另一事项重复登记}\n"}]},
     "page": "wangjiang/item/2024-04/", "shows": ["本公示已于 2026-11-01 撤回", "与另一事项重复登记"],
     "hides": ["施划停车泊位"], "absent_from": ["wangjiang/items/", "wangjiang/items/2024/", "wangjiang/", ""],
     "absent_texts": ["施划停车泊位", "背街小巷停车秩序整治：实施结果公开"]},
    {"id": "data-is-escaped",
     "edits": {"wangjiang": [{"file": "key_items.yml", "find": "    title: 背街小巷停车秩序整治\n",
                              "replace": "    title: \"<script>alert(1)</script>停车\"\n"}]},
     "page": "wangjiang/item/2024-04/", "shows": ["<script>alert(1)</script>停车"], "raw_hides": ["<script>alert"]},
    {"id": "draft-not-published",
     "edits": {"lihua": [{"file": "community.yml", "find": "kind: 小区\n", "replace": "kind: 小区\ndraft: true\n"}]},
     "page": "wangjiang/", "shows": ["望江社区"], "hides": ["梨花小区"], "no_pages_under": "lihua/"},
]


def build(tmp_path: Path, case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, bytes]]:
    root = copy_examples(tmp_path)
    for slug, edits in case["edits"].items():
        apply_edits(root, slug, edits)
    validated = validate(root, case.get("as_of", AS_OF))
    config = SiteConfig(SITE_URL, root)
    pages = {p.path: p for p in build_pages(validated, config)}
    files = {f.path: f.content for f in build_data_files(validated, config)}
    return pages, files


def visible(body: str) -> str:
    return "".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_record_state(case: dict[str, Any], tmp_path: Path) -> None:
    pages, files = build(tmp_path, case)
    body = pages[case["page"]].body_html
    text = visible(body)
    for expected in case.get("shows", []):
        assert "".join(expected.split()) in text, expected
    for hidden in case.get("hides", []):
        assert hidden not in text, hidden
    for hidden in case.get("raw_hides", []):
        assert hidden not in body, hidden
    for absent in case.get("absent_texts", []):
        for path in case["absent_from"]:
            assert "".join(absent.split()) not in visible(pages[path].body_html), (path, absent)
        for path, content in files.items():
            assert absent.encode() not in content, (path, absent)
    if "no_pages_under" in case:
        assert not [p for p in pages if p.startswith(case["no_pages_under"])]


def test_funds_csv_neutralises_text_and_keeps_amounts(tmp_path: Path) -> None:
    case = {"edits": {"wangjiang": [{"file": "funds.yml",
                                     "find": "{item: 社区广告位收益, amount: 18600.00, source: 公共收益}",
                                     "replace": "{item: \"=HYPERLINK(1)\", amount: -18600.00, source: 公共收益, "
                                                "scope: \"@A1\"}"}]}}
    _, files = build(tmp_path, case)
    raw = files["wangjiang/data/funds.csv"]
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:8] == ["公示编号", "期间", "收支", "项目", "金额（元）", "资金来源", "范围", "公示页面"]
    edited = next(r for r in rows if "HYPERLINK" in r[3])
    assert edited[:7] == ["2024", "2024年度", "收入", "'=HYPERLINK(1)", "-18600.00", "公共收益", "'@A1"]
    assert edited[7] == "https://gongshi.example.cn/wangjiang/funds/2024/"
    # The amounts read back equal the open-data JSON.
    data = json.loads(files["wangjiang/data/wangjiang.json"])
    first = data["fund_statements"][0]["income"][0]
    first_row = next(r for r in rows[1:] if r[0] == "2024" and r[2] == "收入")
    assert first_row[4] == first["amount"]["yuan"] == "62400.00"


def git(root: Path, *args: str, day: str = "2026-01-01") -> None:
    import subprocess

    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+08:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(root)}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_revision_log_joins_git_dates_after_publication(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".", day="2026-02-01")
    git(root, "commit", "-qm", "examples", day="2026-02-01")
    apply_edits(root, "wangjiang", [{"file": "funds.yml", "find": "agent: 温州市鹿城区惠邻业财代理服务中心\n    disclosed: 2026-07-15",
                                     "replace": "agent: 温州市鹿城区惠邻业财代理服务中心（更名）\n    disclosed: 2026-07-15"}])
    git(root, "commit", "-qam", "fix agent", day="2026-08-03")
    pages = {p.path: p for p in build_pages(validate(root, AS_OF), SiteConfig(SITE_URL, root))}
    recent = visible(pages["wangjiang/funds/2026-h1/"].body_html)
    assert "2026-08-03数据文件修改" in recent
    assert "2026-02-01" not in recent          # the commit that added the file is not a revision
    corrected = visible(pages["wangjiang/funds/2025/"].body_html)
    assert "2026-01-23更正" in corrected and "2026-08-03数据文件修改" in corrected
