"""A street with more communities than fit one page continues on numbered pages
(issue 6: no page over 40 KB at a city's scale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import addresses
from generator.site.builders import portal
from tests.conftest import AS_OF
from tests.lifecycle.pages import build, text


def test_a_long_street_is_split_into_numbered_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portal, "STREET_PAGE", 2)
    pages, _ = build(tmp_path, AS_OF, slugs=["wangjiang", "lihua", "jinxiu"])
    first, second = (addresses.street("温州市", "鹿城区", "南郊街道", n) for n in (1, 2))
    assert second == first + "2/"
    one, two = text(pages[first]), text(pages[second])
    assert "第 1 页 / 共 2 页" in one and "第 2 页 / 共 2 页" in two
    assert one.count("达标自评：达标") == 2 and two.count("达标自评：达标") == 1
    assert addresses.street("温州市", "鹿城区", "南郊街道", 3) not in pages
