"""The "共享社·幸福里" brand mark, drawn from shapes (Wenzhou annex A).

Annex A describes the mark in words only: the words "共享社·幸福里" in CMYK
0/60/80/60 and a pattern of a house with one large and one small figure
hand in hand in CMYK 0/71/100/0. This is our drawing of that description,
made of plain shapes so that it prints as vector in the exact colours.

A community that has the official artwork puts it in its data folder as
`communities/<slug>/brand/mark.png` (or .jpg / .jpeg); the composer then
places that image instead of the drawing. The "瓯江红" party mark that
annex A pairs with it follows DB3303/T 015 and is not drawn here: put the
combined official artwork in the same slot.
"""

from __future__ import annotations

from pathlib import Path

from generator.posters.display import Cmyk, Ellipse, Polygon, Rect, Shape, TextRun
from generator.posters.fonts import PosterFonts

WORDS = "共享社·幸福里"
WORDS_COLOUR = Cmyk(0, 60, 80, 60)      # annex A: the words
PATTERN_COLOUR = Cmyk(0, 71, 100, 0)    # annex A: the pattern
MARK_FILES = ("brand/mark.png", "brand/mark.jpg", "brand/mark.jpeg")

# The pattern in a 100 x 100 box: roof with chimney, walls, ground, and two
# figures (an adult and a child) whose arms meet in a held hand.
_POLYGONS: tuple[tuple[tuple[float, float], ...], ...] = (
    ((50, 3), (99, 44), (91, 52), (50, 17), (9, 52), (1, 44)),          # roof
    ((31, 50), (49, 50), (47, 73), (33, 73)),                           # adult: body
    ((48, 51), (51, 53), (55.5, 66), (52.5, 68)),                       # adult: arm to the child
    ((31, 51), (34, 53), (29.5, 69), (26.5, 68)),                       # adult: other arm
    ((56, 63), (70, 63), (68.5, 79), (57.5, 79)),                       # child: body
    ((57.5, 64), (54.5, 65), (52.5, 68.5), (55.5, 69)),                 # child: arm to the adult
    ((68.5, 64), (71, 63.5), (74, 75), (71.5, 76)),                     # child: other arm
)
_RECTS: tuple[tuple[float, float, float, float], ...] = (
    (72, 9, 9, 17),                                                     # chimney
    (12, 49, 6, 46),                                                    # left wall
    (82, 49, 6, 46),                                                    # right wall
    (12, 91, 76, 4),                                                    # ground
    (34, 72, 5, 19), (41, 72, 5, 19),                                   # adult: legs
    (58, 78, 4, 13), (64, 78, 4, 13),                                   # child: legs
)
_CIRCLES: tuple[tuple[float, float, float], ...] = (
    (40, 40.5, 7.5),                                                    # adult: head
    (63, 55.5, 5.5),                                                    # child: head
    (54, 68, 2.6),                                                      # the held hands
)


def pattern(x: float, y: float, size: float, colour: Cmyk = PATTERN_COLOUR) -> list[Shape]:
    """The house-and-figures pattern scaled into a size x size square at (x, y)."""
    s = size / 100
    shapes: list[Shape] = [Polygon(tuple((x + px * s, y + py * s) for px, py in points), colour)
                           for points in _POLYGONS]
    shapes += [Rect(x + rx * s, y + ry * s, rw * s, rh * s, colour) for rx, ry, rw, rh in _RECTS]
    shapes += [Ellipse(x + cx * s, y + cy * s, r * s, r * s, colour) for cx, cy, r in _CIRCLES]
    return shapes


def words(x: float, y: float, w: float, h: float, fonts: PosterFonts, text: str = WORDS,
          colour: Cmyk = WORDS_COLOUR, align: str = "left") -> list[Shape]:
    """`text` in bold, as large as fits the box, vertically centred."""
    face = fonts.bold
    size = h / 25.4 * 72 / 1.0                         # one em as tall as the box
    width = face.width(text, size)
    if width > w:
        size *= w / width
        width = w
    em = size * 25.4 / 72
    baseline = y + (h - em) / 2 + em * 0.88            # CJK ideographs sit ~0.88 em above the baseline
    left = x + (w - width) / 2 if align == "center" else x
    return [TextRun(left, baseline, text, "bold", size, colour)]


def mark(x: float, y: float, w: float, h: float, fonts: PosterFonts, arrangement: str = "horizontal",
         pattern_colour: Cmyk = PATTERN_COLOUR, words_colour: Cmyk = WORDS_COLOUR) -> list[Shape]:
    """The whole mark in a box: "horizontal" (pattern left of the words), "stacked"
    (pattern above the words), "pattern" or "words" alone."""
    if arrangement == "pattern":
        side = min(w, h)
        return pattern(x + (w - side) / 2, y + (h - side) / 2, side, pattern_colour)
    if arrangement == "words":
        return words(x, y, w, h, fonts, colour=words_colour)
    if arrangement == "stacked":
        side = min(w, h * 0.68)
        gap = h * 0.04
        shapes = pattern(x + (w - side) / 2, y, side, pattern_colour)
        return shapes + words(x, y + side + gap, w, h - side - gap, fonts, colour=words_colour, align="center")
    if arrangement != "horizontal":
        raise ValueError(f"标识排列方式应为 horizontal、stacked、pattern 或 words，而不是“{arrangement}”")
    side = min(h, w * 0.4)
    gap = side * 0.12
    word_h = side * 0.52
    return pattern(x, y + (h - side) / 2, side, pattern_colour) + words(
        x + side + gap, y + (h - word_h) / 2, w - side - gap, word_h, fonts, colour=words_colour)


def official_mark(community_folder: Path) -> Path | None:
    """The community's official artwork, when it has put one in the slot."""
    for name in MARK_FILES:
        path = community_folder / name
        if path.is_file():
            return path
    return None
