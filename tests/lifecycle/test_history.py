"""The history check (issue 11 point 4, decisions 7) on a small git repository
built in a temporary folder: published figures changed after the 公示期
started need a change entry dated on or after the change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.pipeline import validate
from tests.conftest import AS_OF, copy_examples

FUNDS = "communities/wangjiang/funds.yml"
PROFILE = "communities/wangjiang/community.yml"
OPENING_2024 = "opening: 186452.30"          # the 2024 statement, window from 2025-01-15
LINE_2024_ID = 6


def git(root: Path, *args: str, day: str = "2025-12-01") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    done = subprocess.run(["git", "-c", "user.name=测试", "-c", "user.email=t@example.org", *args],
                          cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def edit(root: Path, relative: str, find: str, replace: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(find) == 1, find
    path.write_text(text.replace(find, replace), encoding="utf-8")


def commit(root: Path, day: str) -> str:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", f"edit {day}", day=day)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """wangjiang committed on 2025-12-01, with history_since 2026-01-01."""
    root = copy_examples(tmp_path, ["wangjiang"])
    edit(root, PROFILE, "  min_window_days: 7\n", '  min_window_days: 7\n  history_since: "2026-01-01"\n')
    git(root, "init", "-q")
    commit(root, "2025-12-01")
    return root


def history_findings(root: Path) -> list[str]:
    result = validate(root, AS_OF)
    return [f.format() for f in result.findings if f.rule_id == "lifecycle.history"]


def test_a_changed_figure_without_a_change_entry_points_at_the_record(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30")
    rev = commit(repo, "2026-02-10")
    found = history_findings(repo)
    assert len(found) == 1, found
    assert found[0].startswith(f"{FUNDS}:{LINE_2024_ID}:")
    assert (f"“望江社区共有资金收支公示（2024 年度）”（编号 2024）公布的数字在 2026-02-10 有改动（提交 {rev[:7]}），"
            "此时公示已于 2025-01-15 开始，但没有 2026-02-10 或之后的修订记录") in found[0]


def test_a_change_entry_on_or_after_the_change_explains_it(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30\n    changes:\n"
                                    "      - {date: 2026-02-10, kind: 更正, reason: 期初余额录入有误，按银行对账单更正}")
    commit(repo, "2026-02-10")
    assert history_findings(repo) == []


def test_a_change_entry_before_the_change_does_not(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30\n    changes:\n"
                                    "      - {date: 2026-02-01, kind: 补充, reason: 补充凭证}")
    commit(repo, "2026-02-10")
    assert len(history_findings(repo)) == 1


def test_changes_before_history_since_do_not_count(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30")
    commit(repo, "2025-12-20")
    assert history_findings(repo) == []


def test_history_since_may_be_a_commit(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30")
    commit(repo, "2025-12-20")                      # before the commit named below: not counted
    since = git(repo, "rev-parse", "HEAD")
    edit(repo, PROFILE, 'history_since: "2026-01-01"', f'history_since: "{since}"')
    commit(repo, "2025-12-21")
    assert history_findings(repo) == []
    edit(repo, FUNDS, "opening: 186542.30", "opening: 186452.30")
    commit(repo, "2026-03-01")
    assert "2026-03-01 有改动" in history_findings(repo)[0]


def test_an_uncommitted_change_is_dated_the_reference_date(repo: Path) -> None:
    edit(repo, FUNDS, OPENING_2024, "opening: 186542.30")
    found = history_findings(repo)
    assert len(found) == 1 and f"在 {AS_OF} 有改动（尚未提交的修改）" in found[0]


def test_progress_and_milestones_are_not_corrections(repo: Path) -> None:
    edit(repo, "communities/wangjiang/key_items.yml", "    progress: 60\n", "    progress: 70\n")
    commit(repo, "2026-11-20")
    assert history_findings(repo) == []


def test_a_key_item_budget_changed_after_its_resolution_was_shown(repo: Path) -> None:
    edit(repo, "communities/wangjiang/key_items.yml", "    budget: 46800.00\n", "    budget: 48600.00\n")
    commit(repo, "2026-11-20")
    found = history_findings(repo)
    assert len(found) == 1 and "“望江菜场周边早高峰交通疏导”（编号 2026-03）" in found[0]
    assert "此时公示已于 2026-11-18 开始" in found[0]


def test_a_record_not_yet_shown_may_change_freely(repo: Path) -> None:
    # 2026-04's resolution is shown from 2026-12-01, after the change
    edit(repo, "communities/wangjiang/key_items.yml", "    budget: 32000.00\n", "    budget: 33000.00\n")
    commit(repo, "2026-11-20")
    assert history_findings(repo) == []


def test_an_unknown_starting_point_is_reported(repo: Path) -> None:
    edit(repo, PROFILE, 'history_since: "2026-01-01"', 'history_since: "上次审计"')
    found = history_findings(repo)
    assert len(found) == 1 and "修订检查起点“上次审计”既不是 git 提交，也不是日期" in found[0]
    assert found[0].startswith(f"{PROFILE}:")
