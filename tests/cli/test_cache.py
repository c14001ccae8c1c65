"""`gongshi validate` keeps each community's findings by the content that produced
them (generator/checked.py): a second run reads them back, and any edit, in the
community's own files or in another community's profile, is checked again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import fingerprint
from tests.conftest import AS_OF, apply_edits, copy_examples, run_cli

UNBALANCED = {"file": "funds.yml", "find": "closing: 64198.58", "replace": "closing: 64198.85"}


def validate(root: Path) -> tuple[int, str]:
    result = run_cli(root, "validate", "--as-of", AS_OF.isoformat())
    return result.exit_code, result.output


def test_a_second_run_reads_the_cache_and_says_the_same(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["wangjiang", "lihua", "qingfeng"])
    first = validate(root)
    assert sorted(p.name for p in (root / ".cache" / "checked").iterdir()) == \
        ["lihua.pickle", "qingfeng.pickle", "wangjiang.pickle"]
    assert validate(root) == first
    assert first[0] == 0


def test_an_edit_after_a_cached_run_is_found_at_its_line(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    assert validate(root)[0] == 0
    apply_edits(root, "qingfeng", [UNBALANCED])
    code, output = validate(root)
    assert code == 1 and "communities/qingfeng/funds.yml:" in output
    apply_edits(root, "qingfeng", [{**UNBALANCED, "find": UNBALANCED["replace"], "replace": UNBALANCED["find"]}])
    assert validate(root)[0] == 0


def test_another_communitys_profile_is_part_of_the_key(tmp_path: Path) -> None:
    """lihua names wangjiang as its parent: making wangjiang a 小区 must show up in lihua."""
    root = copy_examples(tmp_path, ["wangjiang", "lihua"])
    assert validate(root)[0] == 0
    apply_edits(root, "wangjiang", [{"file": "community.yml", "find": "kind: 社区", "replace": "kind: 小区"}])
    code, output = validate(root)
    assert code == 1 and "communities/lihua/community.yml:" in output and "应为社区或村" in output


def test_an_edit_of_the_same_size_is_seen_when_file_hashes_are_kept(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are not read again while `stat` says they are unchanged (.cache/files.pickle);
    a rewrite keeping the size still moves the change time, and is checked."""
    monkeypatch.setattr(fingerprint, "RECENT_NS", 0)      # keep every hash, however fresh the file
    root = copy_examples(tmp_path, ["qingfeng"])
    assert validate(root)[0] == 0
    assert (root / ".cache" / "files.pickle").is_file()
    assert len(UNBALANCED["find"]) == len(UNBALANCED["replace"])
    apply_edits(root, "qingfeng", [UNBALANCED])
    code, output = validate(root)
    assert code == 1 and "communities/qingfeng/funds.yml:" in output
