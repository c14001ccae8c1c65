"""The documented staff CI workflow and pre-commit hook run the commands they promise."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT


def test_staff_workflow_validates_every_push_and_publishes_main_daily() -> None:
    flow = yaml.safe_load((ROOT / "content/guide/gongshi-ci.yml").read_text(encoding="utf-8"))
    triggers = flow[True]                     # YAML 1.1 reads the key `on` as true
    assert {"push", "pull_request", "schedule"} <= set(triggers)
    validate_steps = [s.get("run", "") for s in flow["jobs"]["validate"]["steps"]]
    assert any(run.strip() == "gongshi validate" for run in validate_steps)
    publish = flow["jobs"]["publish"]
    assert publish["needs"] == "validate" and "refs/heads/main" in publish["if"]
    assert any(s.get("run", "").strip() == "gongshi build" for s in publish["steps"])
    assert any(s.get("with", {}).get("path") == "site" for s in publish["steps"])


def test_pre_commit_hook_runs_validate_on_community_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "gongshi-validate")
    assert hook["entry"] == "gongshi validate" and hook["files"] == "^communities/"
