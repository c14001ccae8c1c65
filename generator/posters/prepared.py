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
import json
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
# GB 2312's level-1 hanzi, the 3,755 most used characters: prepared once in the
# background by `gongshi watch`, so that an edit bringing a character the
# community's posters did not have yet (a new activity's title) finds it
# prepared instead of waiting about two seconds a face for a new font.
COMMON_CHARACTERS = "".join(
    bytes([high, low]).decode("gb2312") for high in range(0xB0, 0xD8) for low in range(0xA1, 0xFF)
    if (high, low) < (0xD7, 0xFA))
FORMAT = "2"          # bump when the preparation below changes
INDEX = "prepared.json"   # in the fonts folder: which characters each prepared file holds


def prepare_fonts(fonts: PosterFonts, characters: Iterable[str], folder: Path) -> PosterFonts:
    """`fonts` reduced to `characters` (plus BASE_CHARACTERS), as files under `folder`.

    A prepared file that already holds every wanted character is used as it is:
    a poster embeds only the glyphs it draws (fpdf2 subsets again), so the PDF is
    the same from any file that has them, and an edit that brings no new
    character costs no new font (about two seconds a face)."""
    wanted = sorted({ord(ch) for ch in "".join(characters) + BASE_CHARACTERS
                     if unicodedata.category(ch) not in ("Cc", "Zl", "Zp")})
    faces = [fonts.regular] if fonts.bold == fonts.regular else [fonts.regular, fonts.bold]
    present = [[c for c in wanted if c in coverage(face, fonts.cache)] for face in faces]
    index = _read_index(folder)
    found = [_covering(index, folder, face, codes) for face, codes in zip(faces, present)]
    missing = [i for i, target in enumerate(found) if target is None]
    if len(missing) > 1:          # both faces at once, on two cores
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=len(missing)) as pool:
            made = list(pool.map(_prepare, [faces[i] for i in missing], [present[i] for i in missing],
                                 [folder] * len(missing)))
    else:
        made = [_prepare(faces[i], present[i], folder) for i in missing]
    for i, target in zip(missing, made):
        found[i] = target
        index[target.name] = {"face": faces[i].key, "codepoints": present[i]}
    if missing:
        _write_index(folder, index)
    prepared = [FontFace(str(target), 0) for target in found]
    return PosterFonts(prepared[0], prepared[-1])


def _covering(index: dict[str, dict], folder: Path, face: FontFace, codepoints: list[int]) -> Path | None:
    """The smallest prepared file of `face` holding every one of `codepoints`."""
    wanted = set(codepoints)
    fits = sorted((len(entry["codepoints"]), name) for name, entry in index.items()
                  if isinstance(entry, dict) and entry.get("face") == face.key and (folder / name).is_file()
                  and wanted <= set(entry["codepoints"]))
    return folder / fits[0][1] if fits else None


def _read_index(folder: Path) -> dict[str, dict]:
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = index.get("files") if isinstance(index, dict) and index.get("format") == FORMAT else None
    return files if isinstance(files, dict) else {}


def _write_index(folder: Path, files: dict[str, dict]) -> None:
    """`files` added to the index on disk (another process may have prepared a font meanwhile)."""
    files = {**_read_index(folder), **files}
    try:
        temporary = folder / f"{INDEX}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps({"format": FORMAT, "files": files}, sort_keys=True), encoding="utf-8")
        temporary.replace(folder / INDEX)
    except OSError:           # a read-only cache: the next run prepares again
        pass


def _prepare(face: FontFace, present: list[int], folder: Path) -> Path:
    digest = hashlib.sha256(f"{FORMAT}|{face.key}|{present}".encode()).hexdigest()[:24]
    target = folder / f"{Path(face.path).stem}-{face.index}-{digest}.ttf"
    if not target.is_file():
        from fontTools import subset
        from fontTools.ttLib import TTFont

        folder.mkdir(parents=True, exist_ok=True)
        font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False, recalcBBoxes=False)
        head = font["head"]
        whole = (head.xMin, head.yMin, head.xMax, head.yMax)
        options = subset.Options(notdef_outline=True, recommended_glyphs=True, layout_features=[],
                                 name_IDs=["*"], name_languages=["*"])
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        _to_truetype(font)
        # The whole font's box, not this subset's: fpdf2 writes it into each PDF, which
        # must not depend on which prepared file drew it.
        head.xMin, head.yMin, head.xMax, head.yMax = whole
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(temporary)
        temporary.replace(target)
    return target


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
        glyf.glyphs[name].recalcBounds(glyf)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attribute in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    maxp.recalc(font)          # saved without recalculation (see _prepare): the glyph counts and bounds now
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    del font["CFF "]
    font.sfntVersion = "\000\001\000\000"
