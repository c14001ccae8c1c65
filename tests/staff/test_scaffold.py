"""`gongshi new` → validate → build, for each profile and kind, in a fresh project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.pipeline import validate
from tests.conftest import AS_OF, ROOT, run_cli

KINDS = [("xingfuli", "社区", []), ("xingfuli", "小区", ["--old-estate", "--parent", "base"]),
         ("xingfuli", "村", []), ("renren", "社区", []), ("renren", "村", [])]


def fresh_project(target: Path) -> Path:
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "communities").mkdir()
    return target


@pytest.mark.parametrize("profile,kind,extra", KINDS, ids=[f"{p}-{k}" for p, k, _ in KINDS])
def test_new_validates_with_missing_data_only_and_builds(tmp_path: Path, profile: str, kind: str,
                                                         extra: list[str]) -> None:
    root = fresh_project(tmp_path)
    if "--parent" in extra:
        assert run_cli(root, "new", "base", "--profile", profile, "--kind", "社区").exit_code == 0
    created = run_cli(root, "new", "fresh", "--profile", profile, "--kind", kind, *extra)
    assert created.exit_code == 0, created.output
    assert "已创建 communities/fresh/community.yml" in created.output and "下一步" in created.output

    first_line = (root / "communities/fresh/funds.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=https://gongshi.example.cn/schemas/funds.schema.json"
    for path in (root / "communities/fresh").glob("*.yml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path.name

    checked = run_cli(root, "validate", "--as-of", AS_OF.isoformat(), "communities/fresh")
    assert checked.exit_code == 1
    findings = [f for f in validate(root, AS_OF).findings if f.community == "fresh"]
    assert findings and all(f.rule_id == "schema.missing" for f in findings), [f.format() for f in findings]
    assert {f.location.file for f in findings} == {"communities/fresh/community.yml"}
    assert "缺少必填字段“population”（人口）" in checked.output

    built = run_cli(root, "build", "--as-of", AS_OF.isoformat(), "--no-posters")
    assert built.exit_code == 0, built.output
    assert (root / "site/index.html").is_file()
    assert not (root / "site/fresh").exists()        # a draft is validated, never published


def test_new_refuses_an_existing_folder_and_a_bad_name(tmp_path: Path) -> None:
    root = fresh_project(tmp_path)
    assert run_cli(root, "new", "base", "--profile", "renren", "--kind", "社区").exit_code == 0
    again = run_cli(root, "new", "base", "--profile", "renren", "--kind", "社区")
    assert again.exit_code == 2 and "已经存在" in again.output
    bad = run_cli(root, "new", "望江", "--profile", "renren", "--kind", "社区")
    assert bad.exit_code == 2 and "只用小写字母" in bad.output
