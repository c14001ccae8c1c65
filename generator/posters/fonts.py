"""The poster font: where it is found, how wide its characters are, and
whether it has every character a poster needs.

Search order: the GONGSHI_FONT environment variable, then the `poster_font`
setting (passed in by the caller), then the system's Noto Sans CJK (Debian:
fonts-noto-cjk), then a font shipped by a pip package (noto-cjk-sans-otc or
pylopdf-fonts-zh-cn). A value is a path, optionally `path#index` for a face
in a .ttc collection; without an index the Simplified Chinese face is used.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Iterable

from generator.findings import Location
from generator.posters.coverage import chosen_face, coverage
from generator.posters.errors import PosterError

ENV_REGULAR = "GONGSHI_FONT"
ENV_BOLD = "GONGSHI_FONT_BOLD"

# (regular, bold or None); index None = pick the Simplified Chinese face by name.
SYSTEM_FONTS: tuple[tuple[str, str | None], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
     "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf"),
)
# pip packages that ship the font as package data: (module, attribute giving the path).
PACKAGE_FONTS: tuple[tuple[str, str], ...] = (
    ("noto_cjk_sans_otc", "FONT_PATH"),
    ("pylopdf_fonts_zh_cn", "sans_path"),
)
INSTALL_HINT = ("请安装中文字体：Debian/Ubuntu 运行 apt-get install fonts-noto-cjk，"
                "或 pip install noto-cjk-sans-otc；也可以用环境变量 GONGSHI_FONT 指定字体文件"
                "（.ttc 可写成 路径#序号）。")


class FontNotFound(PosterError):
    """No usable Chinese font: the message says how to install one."""


class MissingGlyph(PosterError):
    """A character the font cannot draw; the message names it and where it came from."""

    def __init__(self, char: str, face: "FontFace", where: str) -> None:
        self.char, self.face, self.where = char, face, where
        name = unicodedata.name(char, "")
        super().__init__(
            f"海报字体“{face.name}”缺少字符“{char}”（U+{ord(char):04X}{'，' + name if name else ''}），"
            f"出现在 {where}。请改用常用字或标点，或用环境变量 GONGSHI_FONT 指定一个包含该字的字体。")


@dataclass(frozen=True)
class FontFace:
    path: str
    index: int = 0

    @property
    def key(self) -> str:
        """Identity for the cache: a changed font file changes every poster."""
        stat = os.stat(self.path)
        return f"{self.path}#{self.index}:{stat.st_size}:{stat.st_mtime_ns}"

    @property
    def name(self) -> str:
        return _metrics(self.path, self.index).name

    def width(self, text: str, size: float) -> float:
        """Advance width of `text` at `size` points, in millimetres."""
        metrics = _metrics(self.path, self.index)
        units = sum(metrics.advances.get(ord(ch), metrics.default) for ch in text)
        return units / metrics.units_per_em * size * 25.4 / 72

    @property
    def ascent(self) -> float:
        """Ascender as a fraction of the em (for placing a first baseline)."""
        metrics = _metrics(self.path, self.index)
        return metrics.ascent / metrics.units_per_em


@dataclass(frozen=True)
class PosterFonts:
    regular: FontFace
    bold: FontFace
    # Where each face's character coverage is kept between runs (coverage.py); None = this process only.
    cache: str | None = field(default=None, compare=False)

    def face(self, style: str) -> FontFace:
        return self.bold if style == "bold" else self.regular

    @property
    def key(self) -> str:
        return f"{self.regular.key}|{self.bold.key}"

    @property
    def drawable(self) -> frozenset[str]:
        """Characters that need no check: both faces draw them, or they need no glyph."""
        return _drawable(self.regular, self.bold, self.cache)

    def missing(self, text: str) -> str | None:
        """The first character neither face can draw (controls and spaces need no glyph)."""
        if self.drawable.issuperset(text):
            return None
        for ch in text:
            if ch in "\n\t" or unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
                continue
            if not (self.has(self.regular, ch) and self.has(self.bold, ch)):
                return ch
        return None

    def has(self, face: FontFace, char: str) -> bool:
        return ord(char) in coverage(face, self.cache)

    def check(self, texts: Iterable[tuple[str, str]]) -> None:
        """Raise MissingGlyph for the first character of any (text, where) the font lacks."""
        drawable = self.drawable
        for text, where in texts:
            if drawable.issuperset(text):
                continue
            char = self.missing(text)
            if char is not None:
                face = self.regular if not self.has(self.regular, char) else self.bold
                raise MissingGlyph(char, face, where)


@dataclass(frozen=True)
class _Metrics:
    name: str
    units_per_em: int
    ascent: int
    default: int
    advances: dict[int, int]


@lru_cache(maxsize=8)
def _metrics(path: str, index: int) -> _Metrics:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"]
    advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    default = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else font["head"].unitsPerEm
    name = font["name"].getDebugName(4) or Path(path).stem
    return _Metrics(name, font["head"].unitsPerEm, font["hhea"].ascent, default, advances)


# Characters no poster draws with a glyph (see PosterFonts.missing): controls and line/paragraph separators.
_NO_GLYPH = frozenset({"\n", "\t"} | {chr(c) for c in range(0x2030)
                                       if unicodedata.category(chr(c)) in ("Cc", "Zl", "Zp")})


@lru_cache(maxsize=8)
def _drawable(regular: FontFace, bold: FontFace, cache: str | None) -> frozenset[str]:
    """PosterFonts.drawable: a superset test against it clears almost every text in one step."""
    both = coverage(regular, cache) & coverage(bold, cache)
    return frozenset(map(chr, both)) | _NO_GLYPH


def _face(spec: str, where: str, cache: Path | None = None) -> FontFace:
    path, _, index = spec.partition("#")
    if not Path(path).is_file():
        raise FontNotFound(f"找不到{where}指定的字体文件“{path}”。{INSTALL_HINT}")
    if index:
        if not index.isdigit():
            raise FontNotFound(f"{where}中的字体序号“{index}”应为数字，如 {path}#2")
        return FontFace(path, int(index))
    return FontFace(path, simplified_chinese_index(path, cache))


def simplified_chinese_index(path: str, cache: Path | None = None) -> int:
    """The face of a collection whose name says Simplified Chinese (SC), else 0."""
    if not path.lower().endswith((".ttc", ".otc")):
        return 0
    return chosen_face(path, cache, _simplified_chinese_face)


def _simplified_chinese_face(path: str) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(path, lazy=True)
    for index, font in enumerate(collection.fonts):
        name = font["name"].getDebugName(4) or ""
        if name.endswith(" SC") and "Mono" not in name:
            return index
    return 0


def _bold_sibling(face: FontFace) -> FontFace:
    path = Path(face.path)
    sibling = path.with_name(path.name.replace("Regular", "Bold"))
    if sibling != path and sibling.is_file():
        return FontFace(str(sibling), face.index)
    return face


def _package_font(cache: Path | None) -> FontFace | None:
    for module_name, attribute in PACKAGE_FONTS:
        try:
            module = import_module(module_name)
        except ImportError:
            continue
        value = getattr(module, attribute)
        path = str(value() if callable(value) else value)
        if Path(path).is_file():
            return FontFace(path, simplified_chinese_index(path, cache))
    return None


def project_fonts(root: Path) -> PosterFonts:
    """The fonts for the project at `root`, their coverage kept in its .cache/posters."""
    return find_fonts(poster_font_setting(root), root / ".cache" / "posters")


def find_fonts(setting: str | None = None, cache: Path | None = None) -> PosterFonts:
    """The poster fonts, by the search order in the module docstring; `cache` is where
    their character coverage is kept between runs."""
    env = os.environ.get(ENV_REGULAR, "").strip()
    if env:
        regular = _face(env, f"环境变量 {ENV_REGULAR} ", cache)
    elif setting:
        regular = _face(setting, "设置 poster_font ", cache)
    else:
        regular = next((FontFace(r, simplified_chinese_index(r, cache)) for r, _ in SYSTEM_FONTS
                        if Path(r).is_file()), None) or _package_font(cache)
        if regular is None:
            raise FontNotFound(f"没有找到可以显示中文的字体，无法生成海报。{INSTALL_HINT}")
    bold_env = os.environ.get(ENV_BOLD, "").strip()
    bold = _face(bold_env, f"环境变量 {ENV_BOLD} ", cache) if bold_env else _bold_sibling(regular)
    return PosterFonts(regular, bold, str(cache) if cache else None)


def poster_font_setting(root: Path) -> str | None:
    """`poster_font` from the gongshi plugin's options in mkdocs.yml, when set."""
    from generator.config import mkdocs_config

    for plugin in mkdocs_config(root).get("plugins") or ():
        if isinstance(plugin, dict) and isinstance(plugin.get("gongshi"), dict):
            value = plugin["gongshi"].get("poster_font")
            if not value:
                return None
            path, _, index = str(value).partition("#")
            full = Path(path) if Path(path).is_absolute() else root / path
            return f"{full}#{index}" if index else str(full)
    return None


def located(location: Location | None, fallback: str) -> str:
    """Where a text came from, for MissingGlyph: "communities/x/funds.yml:12:9" or a description."""
    return str(location) if location else fallback
