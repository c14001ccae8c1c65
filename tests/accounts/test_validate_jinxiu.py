"""`gongshi validate` on the real-shaped example and its broken variants:
the exit code and the located message staff see (scenarios.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AS_OF, apply_edits, copy_examples, run_cli

SCENARIOS = yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SCENARIOS, ids=[c["name"] for c in SCENARIOS])
def test_validate_scenario(case: dict[str, Any], tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["jinxiu", "wangjiang"])
    apply_edits(root, "jinxiu", case.get("edits", []))
    result = run_cli(root, "validate", "--as-of", AS_OF.isoformat())
    assert result.exit_code == case["exit"], result.output
    for expected in case["output"]:
        assert expected in result.output, f"missing {expected!r} in:\n{result.output}"
