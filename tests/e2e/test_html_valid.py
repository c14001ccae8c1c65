"""Every HTML page of the e2e site (the examples and pages.yml's edits) passes the Nu HTML Checker (vnu-jar from
npm, run with the machine's Java), but for mkdocs-material's own errors, each
listed with its reason in vnu_allowlist.yml."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.e2e import tools

pytestmark = pytest.mark.e2e
ALLOWLIST: list[dict[str, str]] = yaml.safe_load(
    (Path(__file__).parent / "vnu_allowlist.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vnu_errors(e2e_site: Path) -> list[dict[str, Any]]:
    java = tools.executable("java", "default-jre-headless")
    jar = tools.node_file(tools.VNU_JAR, "vnu-jar")
    pages = sorted(str(p) for p in e2e_site.rglob("*.html"))
    # The checker's schema needs a deep stack (its own advice: -Xss512k or more);
    # stopping at the first JIT tier starts it faster than it would gain later.
    run = subprocess.run([java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", str(jar), "--format", "json",
                          "--errors-only", *pages], capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1) and run.stderr.lstrip().startswith("{"), f"vnu did not run: {run.stderr[:500]}"
    messages = json.loads(run.stderr)["messages"]
    for message in messages:
        message["page"] = "/" + Path(message["url"].removeprefix("file:")).relative_to(e2e_site).as_posix()
    return messages


def allowed_by(message: dict[str, Any]) -> dict[str, str] | None:
    return next((entry for entry in ALLOWLIST if message.get("message", "").startswith(entry["message"])
                 and entry["markup"] in message.get("extract", "")), None)


def describe(message: dict[str, Any]) -> str:
    extract = " ".join(message.get("extract", "").split())
    return f"{message['page']}:{message.get('lastLine', '?')}: {message.get('message')} — {extract}"


def test_gongshi_templates_produce_valid_html(vnu_errors: list[dict[str, Any]]) -> None:
    errors = [describe(m) for m in vnu_errors if allowed_by(m) is None]
    assert not errors, f"{len(errors)} HTML errors:\n  " + "\n  ".join(errors[:40])


def test_every_allowlisted_error_still_occurs(vnu_errors: list[dict[str, Any]]) -> None:
    used = {id(allowed_by(m)) for m in vnu_errors}
    stale = [entry["message"] for entry in ALLOWLIST if id(entry) not in used]
    assert not stale, f"vnu_allowlist.yml lists errors that no page has any more: {stale}"
