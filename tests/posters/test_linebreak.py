"""Kinsoku: the line-breaking cases in linebreak_cases.yml, and the rule on random text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.posters.linebreak import NO_END, NO_START, wrap

CASES = yaml.safe_load((Path(__file__).parent / "linebreak_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    assert wrap(case["text"], case["width"], len) == case["lines"]


CLOSING = "。，、；：？！）」』》”…"
OPENING = "（「『《“"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="共享社幸福里望江公示期" + CLOSING + OPENING, max_size=80), st.integers(6, 14))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(text: str, width: int) -> None:
    punctuation = set(CLOSING + OPENING)
    run = longest = 0
    for ch in text:
        run = run + 1 if ch in punctuation else 0
        longest = max(longest, run)
    assume(longest <= 2)
    lines = wrap(text, width, len)
    assert "".join(lines) == text
    assert all(len(line) <= width for line in lines)
    assert all(line[0] not in NO_START for line in lines[1:]), lines
    assert all(line[-1] not in NO_END for line in lines[:-1]), lines
