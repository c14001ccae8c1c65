"""The characters a font can draw are kept on disk between runs, and an entry
is only used for the very font file it was made from (path, face, size, time)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from generator.posters import coverage as coverage_module
from generator.posters.coverage import coverage
from generator.posters.fonts import FontFace, MissingGlyph, PosterFonts


def tiny_font(path: Path, characters: str) -> Path:
    """A TrueType font with a square glyph for each of `characters`."""
    names = [".notdef"] + [f"u{ord(ch):04X}" for ch in characters]
    pen = TTGlyphPen(None)
    for x, y in ((100, 0), (100, 700), (600, 700), (600, 0)):
        (pen.moveTo if x == 100 and y == 0 else pen.lineTo)((x, y))
    pen.closePath()
    square = pen.glyph()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(ch): name for ch, name in zip(characters, names[1:])})
    builder.setupGlyf({name: square for name in names})
    builder.setupHorizontalMetrics({name: (700, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new run would: nothing read yet in this process."""
    monkeypatch.setattr(coverage_module, "_LOADED", {})


def forget_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coverage_module, "_LOADED", {})


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "coverage").glob("*.json"))


def test_the_coverage_is_the_fonts_characters_and_is_stored(tmp_path: Path) -> None:
    face = FontFace(str(tiny_font(tmp_path / "tiny.ttf", "公示ABC")))
    assert coverage(face, tmp_path / "cache") == frozenset(map(ord, "公示ABC"))
    assert len(entries(tmp_path / "cache")) == 1


def test_a_stored_entry_is_used_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    face = FontFace(str(tiny_font(tmp_path / "tiny.ttf", "公示ABC")))
    coverage(face, tmp_path / "cache")
    entry = entries(tmp_path / "cache")[0]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["ranges"] = [[ord("A"), ord("A")]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    forget_in_process(monkeypatch)
    assert coverage(face, tmp_path / "cache") == {ord("A")}


@pytest.mark.parametrize("change", ["mtime", "size"])
def test_an_entry_for_another_state_of_the_font_file_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                change: str) -> None:
    path = tiny_font(tmp_path / "tiny.ttf", "公示ABC")
    face = FontFace(str(path))
    coverage(face, tmp_path / "cache")
    for entry in entries(tmp_path / "cache"):          # make the stored entry wrong, to see whether it is read
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["ranges"] = [[ord("A"), ord("A")]]
        entry.write_text(json.dumps(data), encoding="utf-8")
    stat = path.stat()
    if change == "mtime":
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        expected = "公示ABC"
    else:
        tiny_font(path, "公示ABCD")
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert path.stat().st_size != stat.st_size
        expected = "公示ABCD"
    forget_in_process(monkeypatch)
    assert coverage(face, tmp_path / "cache") == frozenset(map(ord, expected))


def test_an_entry_naming_another_font_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    face = FontFace(str(tiny_font(tmp_path / "tiny.ttf", "公示ABC")))
    coverage(face, tmp_path / "cache")
    entry = entries(tmp_path / "cache")[0]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data.update(font="/elsewhere/other.ttf#0:1:2", ranges=[[ord("A"), ord("A")]])
    entry.write_text(json.dumps(data), encoding="utf-8")
    forget_in_process(monkeypatch)
    assert coverage(face, tmp_path / "cache") == frozenset(map(ord, "公示ABC"))


def test_a_missing_character_is_still_named_with_the_cache(tmp_path: Path) -> None:
    face = FontFace(str(tiny_font(tmp_path / "tiny.ttf", "公示ABC")))
    fonts = PosterFonts(face, face, str(tmp_path / "cache"))
    fonts.check([("公示AB", "标题")])
    with pytest.raises(MissingGlyph) as raised:
        fonts.check([("公示AB", "标题"), ("公开栏", "第 3 行")])
    assert "缺少字符“开”（U+5F00" in str(raised.value)
    assert "出现在 第 3 行" in str(raised.value)
