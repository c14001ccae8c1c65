"""`gongshi posters` writes each community's posters under site/ where the 海报下载 page links them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import AS_OF, ROOT, copy_examples, run_cli


def test_posters_for_one_community(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    (root / "theme").symlink_to(ROOT / "theme")
    result = run_cli(root, "posters", "--community", "qingfeng", "--size", "A4", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 0, result.output
    assert "张海报" in result.output
    posters = root / "site/qingfeng/posters"
    assert (posters / "funds-2025-a4.pdf").is_file() and (posters / "funds-2025-a4.png").is_file()
    assert not (root / "site/wangjiang").exists()


def test_posters_for_an_unknown_community_is_exit_2(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    result = run_cli(root, "posters", "--community", "nosuch", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 2 and "找不到社区：nosuch" in result.output
