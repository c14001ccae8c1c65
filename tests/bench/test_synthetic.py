"""The synthetic city of bench/city.py: valid, never smaller than the examples, parents resolved."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import AS_OF, EXAMPLES, ROOT, run_cli

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import edit_one_community, make_city  # noqa: E402  (bench/ is scripts, not a package)

FILES = ("activities.yml", "funds.yml", "key_items.yml", "lists.yml")


def count_entries(path: Path) -> int:
    return len(re.findall(r"(?m)^  - ", path.read_text(encoding="utf-8")))


def test_two_blocks_of_synthetic_communities_pass_validate_also_after_the_benchmark_edit(tmp_path: Path) -> None:
    """Two twins of every example: what one twin claims (an old folder name) must not clash with the other's."""
    make_city(tmp_path, 8)
    edit_one_community(tmp_path, "lihua-0000", "2026-11")

    result = run_cli(tmp_path, "validate", "--as-of", AS_OF.isoformat(), "communities")

    assert result.exit_code == 0, result.output
    assert "错误 0，警告 0" in result.output
    assert result.output.count("错误 0，警告 0") == 8
    names = re.findall(r"^(\S+)（[a-z]+-\d{4}）", result.output, re.M)
    assert len(set(names)) == 8


def test_parents_point_at_the_blocks_twin(tmp_path: Path) -> None:
    twins = make_city(tmp_path, 6)

    parents = {t.slug: re.search(r"(?m)^parent: (.*)$", (tmp_path / "communities" / t.slug / "community.yml")
                                 .read_text(encoding="utf-8")) for t in twins}

    assert {slug: m.group(1) for slug, m in parents.items() if m} == {
        "lihua-0000": "wangjiang-0000", "jinxiu-0000": "wangjiang-0000", "lihua-0001": "wangjiang-0001"}


def test_no_synthetic_community_is_smaller_than_its_example(tmp_path: Path) -> None:
    twins = make_city(tmp_path, 8)

    for twin in twins:
        for name in FILES:
            synthetic = count_entries(tmp_path / "communities" / twin.slug / name)
            assert synthetic >= count_entries(EXAMPLES / twin.template / name), (twin.slug, name)


def test_the_benchmark_edit_changes_one_activity_title(tmp_path: Path) -> None:
    make_city(tmp_path, 1)
    before = (tmp_path / "communities" / "wangjiang-0000" / "activities.yml").read_text(encoding="utf-8")

    edit_one_community(tmp_path, "wangjiang-0000", "2026-11")

    after = (tmp_path / "communities" / "wangjiang-0000" / "activities.yml").read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 1 and "date: 2026-11-" in changed[0] and "（已更新）" in changed[0]
