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
    again = run_cli(root, "posters", "--community", "qingfeng", "--size", "A4", "--as-of", AS_OF.isoformat())
    assert again.exit_code == 0 and "海报已是最新" in again.output
    edited = root / "communities/qingfeng/activities.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("“人人社区”建设启动仪式", "“人人社区”建设启动大会"),
                      encoding="utf-8")
    after_edit = run_cli(root, "posters", "--community", "qingfeng", "--size", "A4", "--as-of", AS_OF.isoformat())
    assert after_edit.exit_code == 0 and "张海报" in after_edit.output


def test_posters_for_an_unknown_community_is_exit_2(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    result = run_cli(root, "posters", "--community", "nosuch", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 2 and "找不到社区：nosuch" in result.output
