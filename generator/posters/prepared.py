"""The poster font cut down to the characters of one batch of posters, with
TrueType outlines, made once per batch and kept in the cache folder.

Why: Noto Sans CJK has 65,000 PostScript (CFF) glyphs; fpdf2 reads the whole
font and subsets its CFF for every PDF, about two seconds a font per poster.
A TrueType font of a few hundred glyphs loads and subsets in a fraction of
that, in every worker. The outlines are converted with a tolerance of one
font unit (a thousandth of the em), far below what print can show.
"""

from __future__ import annotations

import hashlib
import os
import string
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from generator.posters.coverage import coverage
from generator.posters.fonts import FontFace, PosterFonts

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

# Always present, so a batch that adds a digit or a common mark does not make a new font.
BASE_CHARACTERS = (string.printable.strip() + " 　、。，；：？！“”‘’（）《》【】「」—…·×÷±≥≤％℃㎡●○■□◎→"
                   + "第页共年月日")
FORMAT = "1"          # bump when the preparation below changes


def prepare_fonts(fonts: PosterFonts, characters: Iterable[str], folder: Path) -> PosterFonts:
    """`fonts` reduced to `characters` (plus BASE_CHARACTERS), as files under `folder`."""
    wanted = sorted({ord(ch) for ch in "".join(characters) + BASE_CHARACTERS
                     if unicodedata.category(ch) not in ("Cc", "Zl", "Zp")})
    regular = _prepared(fonts.regular, wanted, folder, fonts.cache)
    bold = regular if fonts.bold == fonts.regular else _prepared(fonts.bold, wanted, folder, fonts.cache)
    return PosterFonts(regular, bold)


def _prepared(face: FontFace, codepoints: list[int], folder: Path, cache: str | None) -> FontFace:
    cmap = coverage(face, cache)
    present = [c for c in codepoints if c in cmap]
    digest = hashlib.sha256(f"{FORMAT}|{face.key}|{present}".encode()).hexdigest()[:24]
    target = folder / f"{Path(face.path).stem}-{face.index}-{digest}.ttf"
    if not target.is_file():
        from fontTools import subset
        from fontTools.ttLib import TTFont

        folder.mkdir(parents=True, exist_ok=True)
        font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False)
        options = subset.Options(notdef_outline=True, recommended_glyphs=True, layout_features=[],
                                 name_IDs=["*"], name_languages=["*"])
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        _to_truetype(font)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(temporary)
        temporary.replace(target)
    return FontFace(str(target), 0)


def _to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic TrueType ones, in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attribute in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    del font["CFF "]
    font.sfntVersion = "\000\001\000\000"
