"""`gongshi validate` end to end: exit codes and the lines staff read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AS_OF, apply_edits, copy_examples, run_cli

SCENARIOS = yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_validate_scenario(scenario: dict[str, Any], tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    apply_edits(root, scenario.get("community", "wangjiang"), scenario.get("edits", []))
    result = run_cli(root, "validate", "--as-of", AS_OF.isoformat(), *scenario.get("args", []))
    output = result.output
    assert result.exit_code == scenario["exit"], output
    assert "Traceback" not in output
    for expected in scenario.get("output", []):
        assert expected in output, f"{expected!r} not in:\n{output}"
    for unexpected in scenario.get("absent", []):
        assert unexpected not in output


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_several_cores_say_exactly_what_one_says(scenario: dict[str, Any], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each community in its own worker process (loaded, checked, its posters'
    characters looked up there): the same lines, in the same order, as in one process."""
    root = copy_examples(tmp_path)
    apply_edits(root, scenario.get("community", "wangjiang"), scenario.get("edits", []))
    args = ("validate", "--as-of", AS_OF.isoformat(), *scenario.get("args", []))
    monkeypatch.setenv("GONGSHI_WORKERS", "1")
    alone = run_cli(root, *args)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    monkeypatch.setenv("GONGSHI_WORKERS", "3")
    spread = run_cli(root, *args)
    assert (spread.exit_code, spread.output) == (alone.exit_code, alone.output)


def test_json_output_carries_file_line_and_clause(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["wangjiang"])
    apply_edits(root, "wangjiang", [{"file": "funds.yml", "find": "    closing: 204783.25",
                                     "replace": "    closing: 204783.35"}])
    result = run_cli(root, "validate", "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    balance = [f for f in report["findings"] if f["file"] == "communities/wangjiang/funds.yml" and f["line"] == 29]
    assert balance and balance[0]["severity"] == "error" and balance[0]["blocking"]


def test_no_communities_folder_is_exit_1_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "communities").mkdir()
    result = run_cli(tmp_path, "validate", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    assert "没有找到社区数据" in result.output


def test_a_folder_name_that_cannot_be_an_address_is_refused(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    (root / "communities/qingfeng").rename(root / "communities/Qing Feng")
    result = run_cli(root, "validate", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    assert "communities/Qing Feng: 错误 文件夹名“Qing Feng”不能作为网址" in result.output
