"""Atomic output: a build that fails for any reason leaves the previous site/
byte for byte as it was, and no staging folder behind; no command but
`gongshi new` writes under communities/ or content/."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Callable

import mkdocs.utils
import pytest

from generator.publish import swap_in
from tests.conftest import EXAMPLES, apply_edits, run_cli
from tests.safety.conftest import project_of, tree_hashes

SLUG = "qingfeng"
AS_OF = ("--as-of", "2026-11-23")
SOURCES = ("communities", "content")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One community, built once with `gongshi build`: the 'previous site' every test tries to lose."""
    root = project_of(tmp_path_factory.mktemp("published"), EXAMPLES / SLUG)
    result = run_cli(root, "build", "--no-posters", *AS_OF)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(published: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(published, tmp_path / "project"))


def leftovers(root: Path) -> list[str]:
    """Staging or swapped-out folders beside site/."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def failing_write(after: int, error: BaseException) -> Callable[[bytes, str], None]:
    """mkdocs' file writer that writes `after` files, then half of the next, then raises."""
    real = mkdocs.utils.write_file
    calls = {"n": 0}

    def write(content: bytes, output_path: str) -> None:
        calls["n"] += 1
        if calls["n"] > after:
            real(content[: len(content) // 2], output_path)
            raise error
        real(content, output_path)

    return write


def assert_kept(root: Path, before: dict[str, str]) -> None:
    assert tree_hashes(root / "site") == before
    assert leftovers(root) == []


def test_a_data_error_keeps_the_previous_site(project: Path) -> None:
    before = tree_hashes(project / "site")
    apply_edits(project, SLUG, [{"file": "funds.yml", "find": "closing: 64198.58", "replace": "closing: 64198.85"}])
    result = run_cli(project, "build", "--no-posters", *AS_OF)
    assert result.exit_code == 1
    assert "communities/qingfeng/funds.yml:" in result.output and "site/ 保持上一次的内容" in result.output
    assert_kept(project, before)


def test_a_missing_font_keeps_the_previous_site(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree_hashes(project / "site")
    monkeypatch.setenv("GONGSHI_FONT", str(project / "no-such-font.otf"))
    result = run_cli(project, "build", *AS_OF)
    assert result.exit_code == 1
    assert "no-such-font.otf" in result.output and "site/ 保持上一次的内容" in result.output
    assert_kept(project, before)


# A full build (--force), and an update after one community's edit (site/update.py).
BUILDS = {"full": ("--force",), "update": ()}
EDIT = {"file": "activities.yml", "find": "title: ", "replace": "title: （改）", "count": "all"}


@pytest.mark.parametrize("kind", BUILDS)
def test_a_full_disk_keeps_the_previous_site(project: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    before = tree_hashes(project / "site")
    apply_edits(project, SLUG, [EDIT])
    monkeypatch.setattr(mkdocs.utils, "write_file",
                        failing_write(20, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "site/x/index.html")))
    result = run_cli(project, "build", "--no-posters", *BUILDS[kind], *AS_OF)
    assert result.exit_code == 2
    assert "无法写出网站" in result.output and "site/ 保持上一次的内容" in result.output
    assert "内部错误" not in result.output
    assert_kept(project, before)


@pytest.mark.parametrize("kind", BUILDS)
def test_ctrl_c_keeps_the_previous_site(project: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    before = tree_hashes(project / "site")
    apply_edits(project, SLUG, [EDIT])
    monkeypatch.setattr(mkdocs.utils, "write_file", failing_write(20, KeyboardInterrupt()))
    result = run_cli(project, "build", "--no-posters", *BUILDS[kind], *AS_OF)
    assert result.exit_code == 2
    assert "已中断" in result.output
    assert_kept(project, before)
    assert "SOURCE_DATE_EPOCH" not in os.environ      # the build's own clock setting is undone


def test_an_update_renders_only_the_edited_community(project: Path) -> None:
    """The update the two tests above interrupt is the one that runs without them."""
    apply_edits(project, SLUG, [EDIT])
    result = run_cli(project, "build", "--no-posters", *AS_OF)
    assert result.exit_code == 0 and f"只重新生成了改动的 {SLUG}" in result.output, result.output


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(errno.EXDEV, "cross-device link")],
                         ids=["ctrl-c", "oserror"])
def test_a_swap_stopped_halfway_puts_the_old_site_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       error: BaseException) -> None:
    site, staging = tmp_path / "site", tmp_path / ".site-new-1"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "index.html").write_text("new", encoding="utf-8")
    before = tree_hashes(site)
    rename = Path.rename

    def rename_but_not_staging(self: Path, target: Path) -> Path:
        if self == staging:
            raise error
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", rename_but_not_staging)
    with pytest.raises(type(error)):
        swap_in(staging, site)
    assert tree_hashes(site) == before
    assert not any(p.name.startswith(".site-old") for p in tmp_path.iterdir())


def source_snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Content and modification time of every source file: rewriting a file unchanged counts too."""
    snapshot = {}
    for folder in SOURCES:
        for path, digest in tree_hashes(root / folder).items():
            snapshot[f"{folder}/{path}"] = (digest, (root / folder / path).stat().st_mtime_ns)
    return snapshot


def test_no_command_but_new_writes_sources(project: Path) -> None:
    before = source_snapshot(project)
    commands = [
        ("validate",), ("validate", "--format", "json"), ("validate", f"communities/{SLUG}"),
        ("report",), ("report", "--format", "csv"), ("report", "--format", "json"),
        ("schema", "schemas-out"), ("build", "--no-posters"),
    ]
    for command in commands:
        result = run_cli(project, *command, *(AS_OF if command[0] in ("validate", "report", "build") else ()))
        assert result.exit_code in (0, 1), (command, result.output)
    assert source_snapshot(project) == before
    assert leftovers(project) == []
    result = run_cli(project, "new", "xinjian", "--profile", "renren", "--kind", "社区")
    assert result.exit_code == 0, result.output
    after = source_snapshot(project)
    assert {k: v for k, v in after.items() if not k.startswith("communities/xinjian/")} == before
    assert any(k.startswith("communities/xinjian/") for k in after)


def test_an_unchanged_project_is_not_built_again(project: Path) -> None:
    before = tree_hashes(project / "site")
    result = run_cli(project, "build", "--no-posters", *AS_OF)
    assert result.exit_code == 0 and "site/ 已是最新" in result.output
    assert_kept(project, before)
    apply_edits(project, SLUG, [{"file": "activities.yml", "find": "title: “人人社区”建设启动仪式", "replace": "title: “人人社区”建设启动大会"}])
    result = run_cli(project, "build", "--no-posters", *AS_OF)
    assert result.exit_code == 0 and "已发布到 site/" in result.output
    assert tree_hashes(project / "site") != before


def test_a_poster_that_fails_leaves_the_published_posters(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gongshi posters` draws beside the site and moves the files in only when all are drawn."""
    from generator.posters import render

    assert run_cli(project, "posters", "--community", SLUG, *AS_OF).exit_code == 0
    before = tree_hashes(project / "site")
    apply_edits(project, SLUG, [EDIT])

    def half_drawn(job, fonts, layout_dir, dpi, out_dir, **options):
        target = Path(out_dir) / job.pdf_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.7 half")
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "draw_job", half_drawn)
    result = run_cli(project, "posters", "--community", SLUG, *AS_OF)
    assert result.exit_code == 2 and "已中断" in result.output
    assert_kept(project, before)
