"""`gongshi build` after a few communities changed renders only those again
(generator/site/update.py) and leaves the same site as a full build would."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.publish import BuildFailed, BuildOptions, publish
from tests.conftest import AS_OF, apply_edits, copy_examples
from tests.site.conftest import SITE_INPUTS, copy_project

CASES = yaml.safe_load((Path(__file__).parent / "update_cases.yml").read_text(encoding="utf-8"))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(path for path in set(one) | set(other) if one.get(path) != other.get(path))


def options(root: Path, site: str = "site", posters: bool = False) -> BuildOptions:
    return BuildOptions(root=root, site_dir=root / site, as_of=AS_OF, posters=posters)


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, built in full once; each case works on a copy (site and caches included)."""
    root = copy_project(tmp_path_factory.mktemp("built"))
    assert publish(options(root)).updated == []
    return root


def matches_full_build(root: Path, posters: bool = False) -> None:
    """The site equals a full build of the same data into another folder."""
    publish(options(root, "site-full", posters), full=True)
    changed = differences(tree(root / "site"), tree(root / "site-full"))
    assert not changed, f"the updated site differs from a full build in {changed[:10]}"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_build_after_an_edit(built_project: Path, tmp_path: Path, case: dict[str, Any]) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_project, root)
    before = tree(root / "site")
    apply_edits(root, case["slug"], case["edits"])
    if case.get("refused"):
        with pytest.raises(BuildFailed) as refused:
            publish(options(root))
        assert refused.value.findings and all(f.community == case["slug"] for f in refused.value.findings)
        assert tree(root / "site") == before, "a refused update changed the site"
        assert not [p for p in root.iterdir() if p.name.startswith(".site-")], "a staging folder was left behind"
        return
    assert publish(options(root)).updated == case["updated"]
    assert tree(root / "site") != before
    matches_full_build(root)


def test_nothing_changed_twice_over(built_project: Path, tmp_path: Path) -> None:
    """Two edits one after the other: the second update starts from the first's manifest."""
    root = tmp_path / "project"
    shutil.copytree(built_project, root)
    for mark in ("（一）", "（二）"):
        apply_edits(root, "qingfeng", [{"file": "activities.yml", "find": "title: ", "replace": f"title: {mark}",
                                        "count": "all"}])
        assert publish(options(root)).updated == ["qingfeng"]
    matches_full_build(root)


def test_posters_of_the_edited_community_are_drawn_again(tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "project", ["qingfeng"])
    for name in SITE_INPUTS:
        source = Path(__file__).parents[2] / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    publish(options(root, posters=True))
    posters = root / "site" / "qingfeng" / "posters"
    before = {p.name: p.read_bytes() for p in posters.iterdir()}
    apply_edits(root, "qingfeng", [{"file": "activities.yml", "find": "title: ", "replace": "title: （改）", "count": "all"}])
    assert publish(options(root, posters=True)).updated == ["qingfeng"]
    after = {p.name: p.read_bytes() for p in posters.iterdir()}
    assert set(after) == set(before)
    redrawn = sorted(name for name in after if after[name] != before[name])
    assert redrawn and all(name.startswith("calendar-") for name in redrawn), redrawn
    matches_full_build(root, posters=True)

    # The posters are drawn in another process while the pages are written: its failure
    # still stops the update, with the message, and leaves the site as it was.
    from generator.posters import render
    from generator.posters.errors import PosterError

    def cannot_draw(*args: object, **options: object) -> None:
        raise PosterError("版式文件 calendar.yml 第 3 行：字号必须是数字")

    site = tree(root / "site")
    apply_edits(root, "qingfeng", [{"file": "activities.yml", "find": "title: （改）", "replace": "title: （再改）", "count": "all"}])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "draw_job", cannot_draw)
        with pytest.raises(BuildFailed) as failed:
            publish(options(root, posters=True))
    assert "字号必须是数字" in failed.value.findings[0].message
    assert tree(root / "site") == site


def git(root: Path, *args: str) -> None:
    import os
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+08:00", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+08:00",
           "GIT_AUTHOR_NAME": "staff", "GIT_AUTHOR_EMAIL": "staff@example.cn",
           "GIT_COMMITTER_NAME": "staff", "GIT_COMMITTER_EMAIL": "staff@example.cn"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_a_commit_renders_the_communities_it_touched(built_project: Path, tmp_path: Path) -> None:
    """A page's 修订记录 comes from git: committing an edit already published dates it,
    so the committed community is rendered again even though its files did not change."""
    root = tmp_path / "project"
    shutil.copytree(built_project, root)
    git(root, "init", "-q")
    git(root, "add", "communities", "content", "theme", "mkdocs.yml")
    git(root, "commit", "-q", "-m", "examples")
    assert publish(options(root)).updated == []            # a new history: every page may have changed
    apply_edits(root, "qingfeng", [{"file": "activities.yml", "find": "title: ", "replace": "title: （改）", "count": "all"}])
    assert publish(options(root)).updated == ["qingfeng"]
    git(root, "commit", "-q", "-am", "qingfeng activities")
    assert publish(options(root)).updated == ["qingfeng"]
    matches_full_build(root)
