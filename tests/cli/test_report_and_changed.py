"""`gongshi report` for the street office and `gongshi validate --changed` for CI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

from tests.conftest import AS_OF, apply_edits, copy_examples, run_cli


def test_report_table_csv_and_json_agree(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    table = run_cli(root, "report", "--as-of", AS_OF.isoformat())
    assert table.exit_code == 0
    assert "望江社区" in table.output and "组织活跃度" in table.output
    rows = list(csv.DictReader(io.StringIO(run_cli(root, "report", "--format", "csv", "--as-of",
                                                   AS_OF.isoformat()).output.lstrip("\ufeff"))))
    by_slug = {row["文件夹"]: row for row in rows}
    assert by_slug["wangjiang"]["组织活跃度"] == "77.8%"
    assert by_slug["qingfeng"]["功能场景"] == "7/7" and by_slug["lihua"]["功能场景"] == "6/8"
    data = json.loads(run_cli(root, "report", "--format", "json", "--as-of", AS_OF.isoformat()).output)
    assert {c["slug"]: c["unmet"] for c in data["communities"]} == {"jinxiu": "0", "lihua": "0", "qingfeng": "0", "wangjiang": "0"}


def test_report_counts_an_unmet_requirement(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    apply_edits(root, "qingfeng", [{"file": "community.yml", "find": "volunteers: ", "replace": "volunteers: 1 #"}])
    data = json.loads(run_cli(root, "report", "--format", "json", "--as-of", AS_OF.isoformat()).output)
    qingfeng = next(c for c in data["communities"] if c["slug"] == "qingfeng")
    assert qingfeng["unmet"] == "1" and qingfeng["volunteers"] == "0.0%"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True,
                   capture_output=True)


def test_validate_changed_checks_only_touched_communities(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "data")
    nothing = run_cli(root, "validate", "--changed", "HEAD", "--as-of", AS_OF.isoformat())
    assert nothing.exit_code == 0 and "没有社区数据改动" in nothing.output
    apply_edits(root, "lihua", [{"file": "funds.yml", "find": "closing: 67230.26", "replace": "closing: 67230.36"}])
    changed = run_cli(root, "validate", "--changed", "HEAD", "--as-of", AS_OF.isoformat())
    assert changed.exit_code == 1
    assert "梨花小区（lihua）" in changed.output and "望江社区（wangjiang）" not in changed.output


def test_validate_changed_outside_git_is_exit_2(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    result = run_cli(root, "validate", "--changed", "HEAD", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 2 and "无法确定改动过的社区" in result.output
