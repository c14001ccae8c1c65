"""Projects and sites the safety tests share: each built once per session.

- `example_project` / `example_site`: the example communities, built with
  `gongshi build`'s own code path (generator.publish), posters left out;
- `hostile_site`: the hostile community alone (tests/safety/hostile/xss),
  every text field holding a payload from tests/safety/payloads.yml;
- `allowed`: what the theme itself writes into pages, learnt from `example_site`.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from generator.publish import BuildOptions, publish
from tests.safety.inert import Allowed
from tests.conftest import AS_OF, ROOT
from tests.site.conftest import SITE_INPUTS, copy_project

HERE = Path(__file__).resolve().parent
HOSTILE = HERE / "hostile"
HOSTILE_SLUG = "xss"
PAYLOADS: list[str] = yaml.safe_load((HERE / "payloads.yml").read_text(encoding="utf-8"))


def build(root: Path, site_dir: Path | None = None, posters: bool = False) -> Path:
    """`gongshi build --no-posters --as-of AS_OF` in `root`; returns the site folder."""
    site_dir = site_dir or root / "site"
    publish(BuildOptions(root=root, site_dir=site_dir, as_of=AS_OF, posters=posters))
    return site_dir


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path → SHA-256 of its bytes); empty if absent."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def project_of(target: Path, *communities: Path) -> Path:
    """A project in `target` with these community folders and the repository's content/, theme/, mkdocs.yml."""
    for folder in communities:
        shutil.copytree(folder, target / "communities" / folder.name)
    for name in SITE_INPUTS:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("examples"))


@pytest.fixture(scope="session")
def example_site(example_project: Path) -> Path:
    return build(example_project)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(project_of(tmp_path_factory.mktemp("hostile"), HOSTILE / HOSTILE_SLUG))


@pytest.fixture(scope="session")
def allowed(example_site: Path) -> Allowed:
    """The scripts, handlers and element shapes the theme writes, learnt from the clean example build."""
    known = Allowed()
    for page in example_site.rglob("*.html"):
        known.learn(page.read_text(encoding="utf-8"))
    return known
