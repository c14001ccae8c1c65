"""Private data is refused in every text field, every key and every number: a
different full mobile number is put into each value and each key of every file of
the example and hostile communities, and each one must be found, once, at its
own line and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from generator.load import load_document
from generator.model.community import load_community
from generator.model.records import FILE_MODELS
from generator.privacy.scan import scan_community
from tests.conftest import EXAMPLES
from tests.safety.conftest import HOSTILE

COMMUNITIES = sorted(p for p in EXAMPLES.iterdir() if p.is_dir()) + [HOSTILE / "xss"]


class Dumper(yaml.SafeDumper):
    pass


Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)))


class Numbers:
    """Distinct valid mobile numbers, one per place."""

    def __init__(self) -> None:
        self.issued: list[str] = []

    def next(self) -> str:
        number = str(13900000000 + len(self.issued) * 7)
        self.issued.append(number)
        return number


def seeded(node: Any, numbers: Numbers) -> Any:
    """`node` with a mobile number appended to every text, replacing every number, and in every key."""
    if isinstance(node, dict):
        return {f"{key}：{numbers.next()}": seeded(value, numbers) for key, value in node.items()}
    if isinstance(node, list):
        return [seeded(value, numbers) for value in node]
    if isinstance(node, str):
        return f"{node}，电话：{numbers.next()}"
    if isinstance(node, (int, Decimal)) and not isinstance(node, bool):
        return int(numbers.next())
    return node           # dates, booleans, null: they cannot hold a number


def positions(text: str, numbers: list[str]) -> Iterator[tuple[str, int, int]]:
    for number in numbers:
        offset = text.index(number)
        line = text.count("\n", 0, offset) + 1
        yield number, line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("folder", COMMUNITIES, ids=[c.name for c in COMMUNITIES])
def test_a_number_anywhere_is_found_where_it_stands(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / folder.name
    target.mkdir()
    expected: set[tuple[str, str, int, int]] = set()
    numbers = Numbers()
    for filename in FILE_MODELS:
        if not (folder / filename).is_file():
            continue
        start = len(numbers.issued)
        data = seeded(load_document(folder / filename, filename).data, numbers)
        text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10**9)
        (target / filename).write_text(text, encoding="utf-8")
        display = f"communities/{folder.name}/{filename}"
        expected |= {(n, display, line, column) for n, line, column in positions(text, numbers.issued[start:])}
    hits = scan_community(load_community(target))
    found = {(h.detection.text, h.location.file, h.location.line, h.location.column) for h in hits}
    assert len(hits) == len(found)                                      # each number reported once
    assert sorted(expected - found)[:10] == [] and sorted(found - expected)[:10] == []
    assert len(expected) > 200
