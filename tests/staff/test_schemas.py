"""The exported JSON Schemas accept every example file and reject a typo, as
judged by an independent validator (check-jsonschema), the way VS Code's YAML
extension will judge staff's files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.model.records import FILE_MODELS
from generator.model.schema_export import write_schemas
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    write_schemas(folder)
    return folder


def check(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("filename", list(FILE_MODELS))
def test_examples_match_the_published_schema(schemas: Path, filename: str) -> None:
    files = sorted(EXAMPLES.glob(f"*/{filename}"))
    assert files, filename
    done = check(schemas / filename.replace(".yml", ".schema.json"), files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_schema_underlines_an_unknown_field_and_a_wrong_enum(schemas: Path, tmp_path: Path) -> None:
    bad = tmp_path / "scenes.yml"
    bad.write_text("scenes:\n  - name: 邻里书巴\n    walk_minuts: 5\n", encoding="utf-8")
    done = check(schemas / "scenes.schema.json", [bad])
    assert done.returncode == 1
    assert "邻里书巴" in done.stdout and "walk_minuts" in done.stdout
