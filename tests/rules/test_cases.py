"""Every rule's passing and failing cases, kept as data in cases/*.yml.

A case names an example community, applies text edits to a copy of it,
and says whether the rule must fire, and where (file and line).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.pipeline import validate
from generator.rules import RULES, Status
from tests.conftest import AS_OF, apply_edits, copy_examples

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        for index, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            case["_id"] = f"{path.stem}:{index}:{case['rule']}:{case['expect']}"
            cases.append(case)
    return cases


CASES = load_cases()
# A case copies only its community and the ones it refers to, to keep the suite fast.
PARENTS = {"lihua": ("wangjiang",), "jinxiu": ("wangjiang",)}


@pytest.mark.parametrize("case", CASES, ids=[c["_id"] for c in CASES])
def test_rule_case(case: dict[str, Any], tmp_path: Path) -> None:
    slug = case["community"]
    root = copy_examples(tmp_path, [slug, *PARENTS.get(slug, ())])
    apply_edits(root, slug, case.get("edits", []))
    as_of = case.get("as_of", AS_OF)
    result = validate(root, as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of)))
    fired = [f for f in result.findings if f.rule_id == case["rule"] and f.community == slug]
    if case["expect"] == "pass":
        assert not fired, "\n".join(f.format() for f in fired)
        rows = [a for a in result.assessments.get(slug, []) if a.rule.id == case["rule"]]
        assert rows, f"rule {case['rule']} did not apply to {slug}"
        assert rows[0].status in (Status.MET, Status.DECLARED, Status.NOT_APPLICABLE)
        return
    assert fired, f"rule {case['rule']} did not fire; findings:\n" + "\n".join(
        f.format() for f in result.findings if f.community == slug)
    expected_file = f"communities/{slug}/{case['file']}" if "file" in case else None
    matching = [f for f in fired
                if (expected_file is None or (f.location and f.location.file == expected_file))
                and ("line" not in case or (f.location and f.location.line == case["line"]))
                and case.get("message", "") in f.message]
    assert matching, (f"expected {case['rule']} at {expected_file}:{case.get('line')} "
                      f"with {case.get('message', '')!r}; got:\n" + "\n".join(f.format() for f in fired))


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    covered = {(c["rule"], c["expect"]) for c in CASES}
    missing = [f"{rule_id} ({expect})" for rule_id in RULES for expect in ("pass", "fail")
               if (rule_id, expect) not in covered]
    assert not missing, "rules without cases: " + ", ".join(missing)
