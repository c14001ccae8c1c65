"""Reproducible: two builds of the same data give byte-identical site/ trees, even
when the clock has moved on between them (dates come from the data, the
reference date or SOURCE_DATE_EPOCH; no random ids; stable ordering) and when
the second spreads the communities over worker processes (a city's build does)."""

from __future__ import annotations

import gzip
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

import mkdocs.utils
import pytest

from tests.conftest import AS_OF
from tests.safety.conftest import build, tree_hashes


class LaterClock(datetime):
    """The wall clock of a build on another day, years later."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)


def stamped_day() -> date:
    """The day MkDocs stamps: SOURCE_DATE_EPOCH when the caller set it, else the reference date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else AS_OF


def test_two_builds_are_byte_identical(example_project: Path, example_site: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mkdocs.utils, "datetime", LaterClock)
    monkeypatch.setenv("GONGSHI_WORKERS", "3")      # each community validated, its files and pages written, apart
    again = build(example_project, example_project / "site-again")
    first, second = tree_hashes(example_site), tree_hashes(again)
    assert len(first) > 200
    assert sorted(set(first) ^ set(second)) == []
    assert [path for path in first if first[path] != second[path]] == []


def test_the_sitemap_is_dated_by_the_reference_date(example_site: Path) -> None:
    day = stamped_day()
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day.isoformat()}
    with gzip.open(example_site / "sitemap.xml.gz") as packed:
        packed.read()
        stamp = packed.mtime
    assert datetime.fromtimestamp(stamp, timezone.utc).date() == day
