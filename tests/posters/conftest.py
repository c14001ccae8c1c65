"""Posters render from a copy of the example communities; the prepared font and
the poster cache are shared by the whole session so each test draws only what it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import validate
from generator.posters.plan import poster_plan
from generator.posters.render import render_posters
from tests.conftest import AS_OF, copy_examples

SITE = "https://gongshi.example.cn/"


@pytest.fixture(scope="session")
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("poster-cache")


@pytest.fixture(scope="session")
def examples_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_examples(tmp_path_factory.mktemp("examples"))


@pytest.fixture(scope="session")
def examples_validated(examples_root: Path):
    return validate(examples_root, AS_OF)


def render(root: Path, cache: Path, out: Path, slug: str, kinds: list[str] | None = None,
           sizes: tuple[str, ...] = ("A4",), validated=None, **options):
    """Plan and draw posters of one community; returns (specs, validated)."""
    validated = validated or validate(root, AS_OF)
    specs = poster_plan(validated, SITE, sizes, [slug], kinds=kinds)
    render_posters(validated, specs, out, cache_dir=cache, **options)
    return specs, validated
