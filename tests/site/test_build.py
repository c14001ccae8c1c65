"""A build with blocking findings fails and prints what `gongshi validate` prints."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.pipeline import validate
from generator.publish import BuildFailed
from generator.site.build import build_site
from tests.conftest import AS_OF, apply_edits
from tests.site.conftest import copy_project


def test_blocking_findings_stop_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = copy_project(tmp_path / "project")
    apply_edits(root, "qingfeng", [{"file": "community.yml", "find": "kind: 社区", "replace": "kind: [社区"}])
    expected = [f.format() for f in validate(root, AS_OF).blocking()]
    assert expected
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.gongshi"):
        with pytest.raises(BuildFailed) as failed:
            build_site(root, tmp_path / "site", AS_OF)
    assert [f.format() for f in failed.value.findings] == expected
    logged = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.gongshi"]
    assert logged[:len(expected)] == expected
    assert not (tmp_path / "site" / "qingfeng").exists()


def test_mkdocs_serve_watches_the_community_data(tmp_path: Path) -> None:
    """`mkdocs serve` reloads when a YAML file under communities/ changes."""
    from generator.site.plugin import GongshiPlugin

    class Server:
        watched: list[str] = []

        def watch(self, path: str, *args: object, **kwargs: object) -> None:
            self.watched.append(path)

    plugin = GongshiPlugin()
    plugin.root = tmp_path
    server = Server()
    assert plugin.on_serve(server, config=None, builder=None) is server
    assert str(tmp_path / "communities") in server.watched


SETTINGS_CASES = [
    ("没有 mkdocs.yml", None, ["里没有 mkdocs.yml", "site/ 保持上一次的内容"]),
    ("mkdocs.yml 写错", "site_name: [\n", ["mkdocs.yml 第 2 行写法有误", "site/ 保持上一次的内容"]),
]


@pytest.mark.parametrize("name, settings, expected", SETTINGS_CASES, ids=[c[0] for c in SETTINGS_CASES])
def test_missing_or_broken_settings_are_explained(name: str, settings: str | None, expected: list[str],
                                                 tmp_path: Path) -> None:
    from tests.conftest import run_cli

    root = copy_project(tmp_path / "project")
    if settings is None:
        (root / "mkdocs.yml").unlink()
    else:
        (root / "mkdocs.yml").write_text(settings, encoding="utf-8")
    result = run_cli(root, "build", "--no-posters", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    for words in expected:
        assert words in result.output
    assert "内部错误" not in result.output and not (root / "site").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_build_reports_how_far_its_long_steps_have_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          workers: str) -> None:
    """A city's build takes minutes: checking and page writing report each community
    as it is done, in one process or in several (gongshi build shows them as bars)."""
    monkeypatch.setenv("GONGSHI_WORKERS", workers)
    root = copy_project(tmp_path / "project")
    heard: dict[str, list[tuple[int, int]]] = {}
    validated, _ = build_site(root, tmp_path / "site", AS_OF,
                              lambda step, done, total: heard.setdefault(step, []).append((done, total)))
    assert list(heard) == ["检查数据", "生成网页"]
    for step, reports in heard.items():
        total = reports[-1][1]
        assert reports == [(done, total) for done in range(1, total + 1)], step     # each one as it is done
    assert heard["生成网页"][-1][1] == len(validated.city.published()) > 1


def test_gongshi_build_names_each_step_it_shows_a_bar_for(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    root = copy_project(tmp_path / "project")
    result = run_cli(root, "build", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 0, result.output
    shown = result.stderr.splitlines()
    assert [line for line in shown if line in ("检查数据", "生成网页", "生成海报")] == ["检查数据", "生成网页", "生成海报"]
