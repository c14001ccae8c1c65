"""The real clients the e2e and print tests drive, found on this machine.

`.ci/system-deps.sh` installs them: Debian's chromium, poppler's pdftoppm and a
Java runtime, and axe-core, vnu-jar and lighthouse under .ci/node from the npm
registry. Under CI (CI=true) a missing tool fails the test that needs it; on a
developer's machine it skips with the command that installs it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from tests.conftest import ROOT

NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "tests" / "artifacts"

# As root Chromium needs --no-sandbox; the next ones keep it from calling Google's
# hosts, which this machine's closed network refuses (machines/python.md); the
# resolver rule makes a page's request to any other host fail here, unsent.
CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


def missing(what: str) -> NoReturn:
    reason = f"{what} is missing: run `bash .ci/system-deps.sh`"
    if os.environ.get("CI") == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def executable(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        missing(f"{name} (Debian package {package})")
    return found


def python_module(name: str, package: str) -> None:
    if importlib.util.find_spec(name) is None:
        missing(f"the Python module {name} (pip package {package}, in the test extra)")


def node_file(path: Path, package: str) -> Path:
    if not path.is_file():
        missing(f"{path.relative_to(ROOT)} (npm package {package})")
    return path


def chromium() -> str:
    """Debian's chromium, by path: no test tool downloads a browser (decisions 14)."""
    return executable("chromium", "chromium")
