"""Which characters a font face can draw, kept on disk between runs.

Reading the cmap of a Noto Sans CJK face takes about 0.2 s (its glyph names
come from the CFF charset), so `gongshi posters` after a one-line edit would
spend more time there than drawing. The code points are stored as ranges in
`<cache>/coverage/<digest>.json`, named after the font's path, face, size and
modification time: a font changed on disk gets a new entry, and the entry also
repeats that identity so a stale file is never taken for another font.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from generator.posters.fonts import FontFace

FORMAT = 1
_LOADED: dict[str, frozenset[int]] = {}        # by FontFace.key: each face's cmap is read once per process
_FACES: dict[str, int] = {}                    # chosen_face, by font file identity


def coverage(face: FontFace, cache: str | Path | None = None) -> frozenset[int]:
    """The code points `face` maps to a glyph (its best cmap)."""
    key = face.key
    if key not in _LOADED:
        data = _read(Path(cache), key) if cache else None
        if data is not None and isinstance(data.get("ranges"), list):
            _LOADED[key] = frozenset(code for start, end in data["ranges"] for code in range(start, end + 1))
        else:
            _LOADED[key] = _from_font(face)
            if cache:
                _write(Path(cache), key, {"ranges": list(_ranges(_LOADED[key]))})
    return _LOADED[key]


def chosen_face(path: str, cache: str | Path | None, choose: Callable[[str], int]) -> int:
    """`choose(path)`, the face of a collection to use, remembered like the coverage
    (choosing reads the name table of every face)."""
    stat = os.stat(path)
    key = f"{path}:{stat.st_size}:{stat.st_mtime_ns}:face"
    if key not in _FACES:
        data = _read(Path(cache), key) if cache else None
        if data is not None and isinstance(data.get("index"), int):
            _FACES[key] = data["index"]
        else:
            _FACES[key] = choose(path)
            if cache:
                _write(Path(cache), key, {"index": _FACES[key]})
    return _FACES[key]


def _from_font(face: FontFace) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset((TTFont(face.path, fontNumber=face.index, lazy=True).getBestCmap() or {}).keys())


def _entry(cache: Path, key: str) -> Path:
    return cache / "coverage" / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"


def _read(cache: Path, key: str) -> dict[str, Any] | None:
    """The stored entry for `key`, if there is one made for exactly that font."""
    try:
        data = json.loads(_entry(cache, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("font") != key:
        return None
    return data


def _write(cache: Path, key: str, values: dict[str, Any]) -> None:
    target = _entry(cache, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"format": FORMAT, "font": key, **values}), encoding="utf-8")
        temporary.replace(target)
    except OSError:
        pass                 # a read-only checkout still checks glyphs, reading the font each run


def _ranges(codes: Iterable[int]) -> Iterator[tuple[int, int]]:
    start = end = None
    for code in sorted(codes):
        if end is not None and code == end + 1:
            end = code
            continue
        if start is not None:
            yield start, end
        start = end = code
    if start is not None:
        yield start, end
