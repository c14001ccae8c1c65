"""First-use links on HTML snippets: one YAML entry per case (link_cases.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.glossary import default_glossary, link_first_uses

CASES = yaml.safe_load((Path(__file__).parent / "link_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_first_use_is_linked(case: dict[str, str]) -> None:
    assert link_first_uses(case["html"], default_glossary(), "../glossary/") == case["expected"]
