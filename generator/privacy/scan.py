"""Find personal data in every value (and key) of a community's loaded files.

Each hit is located at the match itself: the loader gives where a value
starts; the file's text then gives the line and column of the matched
characters inside it, for plain, quoted, flow and block scalars alike. When
the match cannot be found literally in the source (a number split across
the lines of a folded block, escapes in double quotes) the hit is located at
the start of the value.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.findings import Location
from generator.load import Document
from generator.load.document import Positions
from generator.load.text import split_lines
from generator.model.community import Community
from generator.privacy.detect import Detection, allowlist, could_hold, detect

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Hit:
    detection: Detection
    filename: str       # "community.yml"
    path: Path_         # keys/indices of the value in the file
    is_key: bool        # the match is inside a mapping key, not a value
    location: Location


def allowed_numbers(community: Community) -> list[str]:
    return list(community.profile.settings.public_numbers) if community.profile else []


def scan_community(community: Community) -> list[Hit]:
    """Every piece of personal data in the community's files, in file order."""
    allowed = allowlist(allowed_numbers(community))
    hits: list[Hit] = []
    for filename, doc in community.docs.items():
        if doc.data is None:
            continue
        source: _Source | None = None
        for path, text, is_key in _candidates(doc.data):
            for detection in detect(text, allowed):
                source = source or _Source.read(community, filename, doc)
                where = doc.where(path, key=is_key)
                hits.append(Hit(detection, filename, path, is_key, source.locate(where, text, detection)))
    return sorted(hits, key=lambda h: (h.filename, h.location.line, h.location.column))


def _candidates(data: Any) -> list[tuple[Path_, str, bool]]:
    """(path, text, is_key) for every value and key that could hold personal data
    (see `could_hold`), in file order. A file has thousands of values and
    almost none qualify, so paths are only built for those that do."""
    found: list[tuple[Path_, str, bool]] = []
    if isinstance(data, (dict, list)):
        _walk(data, (), found)
    elif (text := _text(data)) is not None and could_hold(text):
        found.append(((), text, False))
    return found


def _walk(node: dict[Any, Any] | list[Any], path: Path_, found: list[tuple[Path_, str, bool]]) -> None:
    is_mapping = isinstance(node, dict)
    for step, value in (node.items() if is_mapping else enumerate(node)):
        if is_mapping and could_hold(key := str(step)):
            found.append((path + (step,), key, True))
        if isinstance(value, (dict, list)):
            _walk(value, path + (step,), found)
        elif (text := _text(value)) is not None and could_hold(text):
            found.append((path + (step,), text, False))


def _text(node: Any) -> str | None:
    """The text of a text-like value; numbers too, since an unquoted 13812345678 loads as an integer."""
    if isinstance(node, str):
        return node
    if isinstance(node, (int, Decimal)) and not isinstance(node, bool):
        return str(node)
    return None


@dataclass
class _Source:
    """A file's text, and where each loaded node starts, to place a match."""

    text: str
    line_offsets: list[int]
    starts: list[tuple[int, int]]     # (line, column) of every node and key, sorted

    @classmethod
    def read(cls, community: Community, filename: str, doc: Document) -> "_Source":
        path = community.folder / filename
        try:
            raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except (OSError, UnicodeDecodeError):
            raw = ""
        text = "\n".join(split_lines(raw))     # lines numbered as the loader numbers them (CR, CRLF)
        offsets = [0]
        for i, char in enumerate(text):
            if char == "\n":
                offsets.append(i + 1)
        starts = sorted({*_points(doc.positions), *_points(doc.key_positions)})
        return cls(text, offsets, starts)

    def locate(self, where: Location, value: str, detection: Detection) -> Location:
        """The match's own line and column: searched in the source between the value's
        start and the next node's start, taking the same occurrence as in the value."""
        if not self.text or not where.line or where.line > len(self.line_offsets):
            return where
        begin = self.line_offsets[where.line - 1] + max(where.column - 1, 0)
        after = bisect.bisect_right(self.starts, (where.line, where.column))
        end = self._offset(*self.starts[after]) if after < len(self.starts) else len(self.text)
        region = self.text[begin:end]
        nth = value.count(detection.text, 0, detection.start)
        found = -1
        for _ in range(nth + 1):
            found = region.find(detection.text, found + 1)
            if found < 0:
                return where
        offset = begin + found
        line = bisect.bisect_right(self.line_offsets, offset)
        return Location(where.file, line, offset - self.line_offsets[line - 1] + 1)

    def _offset(self, line: int, column: int) -> int:
        if line > len(self.line_offsets):
            return len(self.text)
        return self.line_offsets[line - 1] + max(column - 1, 0)


def _points(table: Mapping[Path_, Location]) -> Iterable[tuple[int, int]]:
    """(line, column) of every entry, without making a Location for each."""
    if isinstance(table, Positions):
        return table.points.values()
    return ((loc.line, loc.column) for loc in table.values())
