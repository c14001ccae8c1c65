"""The body of a poster as a column of units (lines, table rows, figure boxes)
that are dealt onto as many pages as they need: headings stay with what
follows them, a table's header row is repeated at the top of a new page, and
nothing is ever cut off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from generator.posters.content import Block, Heading, Items, KeyFigures, Paragraph, Table, TermBox
from generator.posters.display import Cmyk, Rect, Shape, TextRun
from generator.posters.errors import PosterError
from generator.posters.fonts import PosterFonts
from generator.posters.linebreak import wrap

PT = 25.4 / 72          # millimetres per point
EM_ASCENT = 0.88        # where a CJK em box sits above its baseline, as a fraction of the em

Draw = Callable[[float, float], list[Shape]]   # (left, top) -> shapes


class BodyOverflow(PosterError):
    """One unit (a table row, a figure box) is taller than a whole page's body."""


@dataclass
class Unit:
    height: float
    draw: Draw
    space_before: float = 0.0
    keep_with_next: bool = False
    header: "Unit | None" = None    # a table row's header, repeated when the row starts a page


@dataclass
class BodyStyle:
    """The body layer's typography, already scaled to the paper (sizes in points, lengths in mm)."""

    width: float
    size: float
    line_height: float
    colour: Cmyk
    muted: Cmyk
    heading_size: float
    heading_colour: Cmyk
    heading_space: float
    accent: Cmyk
    tint: Cmyk
    rule: Cmyk
    padding: float
    gap: float
    figure_value_size: float
    figure_label_size: float
    figure_columns: int = 4
    table_weights: dict[str, tuple[float, ...]] = field(default_factory=dict)
    term_fill: Cmyk | None = None        # the 名词解释 box's background (None: the tint)
    term_max: int = 4                    # how many terms the box prints, the first ones used


def text_lines(text: str, width: float, size: float, style: str, fonts: PosterFonts) -> list[str]:
    face = fonts.face(style)
    return wrap(text, width, lambda s: face.width(s, size))


def baseline(top: float, line: float, size: float) -> float:
    """The baseline of a line whose slot starts at `top` and is `line` mm tall."""
    em = size * PT
    return top + (line - em) / 2 + em * EM_ASCENT


def units_for(blocks: tuple[Block, ...], style: BodyStyle, fonts: PosterFonts) -> list[Unit]:
    units: list[Unit] = []
    for index, block in enumerate(blocks):
        draw = BLOCK_UNITS.get(type(block))
        if draw is not None:
            units += draw(block, style, fonts, style.gap if index else 0.0)
    return units


def _line_units(lines: list[str], x_offset: float, size: float, font: str, colour: Cmyk,
                line_height: float) -> list[Unit]:
    line = size * PT * line_height

    def draw_line(text: str) -> Draw:
        return lambda x, y: [TextRun(x + x_offset, baseline(y, line, size), text, font, size, colour)]

    return [Unit(line, draw_line(text)) for text in lines]


def _heading(block: Heading, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    lines = text_lines(block.text.value, style.width - 3, style.heading_size, "bold", fonts)
    units = _line_units(lines, 3, style.heading_size, "bold", style.heading_colour, 1.35)
    bar_h = style.heading_size * PT * 0.9
    first = units[0].draw
    line = units[0].height
    units[0].draw = lambda x, y: [Rect(x, y + (line - bar_h) / 2, 1.2, bar_h, style.accent)] + first(x, y)
    units[0].space_before = space + style.heading_space
    for unit in units:
        unit.keep_with_next = True
    return units


def _keep_lines(units: list[Unit]) -> list[Unit]:
    """No single line of a paragraph alone at the foot or the head of a page."""
    if len(units) <= 3:
        for unit in units[:-1]:
            unit.keep_with_next = True
    else:
        units[0].keep_with_next = True
        units[-2].keep_with_next = True
    return units


def _paragraph(block: Paragraph, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    colour = style.muted if block.style == "note" else style.colour
    units = _line_units(text_lines(block.text.value, style.width, style.size, "regular", fonts), 0,
                        style.size, "regular", colour, style.line_height)
    if units:
        units[0].space_before = space
    return _keep_lines(units)


def _items(block: Items, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    face = fonts.regular
    markers = [f"{n}." if block.numbered else "●" for n in range(1, len(block.items) + 1)]
    indent = max(face.width(m, style.size) for m in markers) + style.size * PT * 0.5 if markers else 0
    units: list[Unit] = []
    for marker, item in zip(markers, block.items):
        lines = text_lines(item.value, style.width - indent, style.size, "regular", fonts)
        item_units = _line_units(lines, indent, style.size, "regular", style.colour, style.line_height)
        if not item_units:
            continue
        first, line = item_units[0].draw, item_units[0].height
        size = style.size * (0.6 if marker == "●" else 1)
        item_units[0].draw = (lambda first, marker, size: lambda x, y: [
            TextRun(x, baseline(y, line, style.size), marker, "regular", size, style.accent)] + first(x, y))(
            first, marker, size)
        item_units[0].space_before = style.size * PT * 0.25
        units += _keep_lines(item_units)
    if units:
        units[0].space_before = space
    return units


def _table(block: Table, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    weights = style.table_weights.get(block.name) or tuple(c.weight for c in block.columns)
    if len(weights) != len(block.columns):
        raise ValueError(f"表格“{block.name}”有 {len(block.columns)} 列，版式给了 {len(weights)} 个列宽")
    total = sum(weights)
    widths = [style.width * w / total for w in weights]
    aligns = [c.align for c in block.columns]
    header = _joined(_row([c.header for c in block.columns], widths, aligns, style, fonts, "bold", style.tint))
    header.keep_with_next = True
    header.space_before = space
    units = [header]
    rows = [([cell.value for cell in row], "regular") for row in block.rows]
    if block.total:
        rows.append(([cell.value for cell in block.total], "bold"))
    for cells, font in rows:
        bands = _row(cells, widths, aligns, style, fonts, font, None)
        for band in bands:
            band.header = header
        units += bands
    return units


def _joined(bands: list[Unit]) -> Unit:
    """Bands of one row as a single unit (a header row is never split)."""
    offsets = [sum(b.height for b in bands[:n]) for n in range(len(bands))]
    return Unit(sum(b.height for b in bands),
                lambda x, y: [shape for band, off in zip(bands, offsets) for shape in band.draw(x, y + off)])


def _row(cells: list[str], widths: list[float], aligns: list[str], style: BodyStyle, fonts: PosterFonts,
         font: str, fill: Cmyk | None) -> list[Unit]:
    """A table row as bands of one text line each: a row that is taller than what is
    left of a page continues on the next one instead of being cut."""
    pad = style.padding
    face = fonts.face(font)
    line = style.size * PT * style.line_height
    wrapped = [text_lines(text, w - 2 * pad, style.size, font, fonts) or [""] for text, w in zip(cells, widths)]
    count = max(len(lines) for lines in wrapped)
    rule_h = max(0.2, style.size * PT * 0.04)
    row_w = sum(widths)

    def band(n: int) -> Unit:
        top_pad = pad / 2 if n == 0 else 0.0
        bottom_pad = pad / 2 if n == count - 1 else 0.0
        height = top_pad + line + bottom_pad

        def draw(x: float, y: float) -> list[Shape]:
            shapes: list[Shape] = [Rect(x, y, row_w, height, fill)] if fill is not None else []
            left = x
            for lines, width, align in zip(wrapped, widths, aligns):
                if n < len(lines):
                    text = lines[n]
                    text_w = face.width(text, style.size)
                    tx = (left + width - pad - text_w if align == "right"
                          else left + (width - text_w) / 2 if align == "center" else left + pad)
                    shapes.append(TextRun(tx, baseline(y + top_pad, line, style.size), text, font, style.size,
                                          style.colour))
                left += width
            if n == count - 1:
                shapes.append(Rect(x, y + height - rule_h, row_w, rule_h, style.rule))
            return shapes

        return Unit(height, draw, keep_with_next=n < count - 1)

    return [band(n) for n in range(count)]


def _figures(block: KeyFigures, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    """Boxes of label + large value, `figure_columns` to a row."""
    columns = max(1, min(style.figure_columns, len(block.figures)))
    gap = style.padding * 1.5
    box_w = (style.width - gap * (columns - 1)) / columns
    label_line = style.figure_label_size * PT * 1.3
    value_line = style.figure_value_size * PT * 1.3
    height = style.padding * 2 + label_line + value_line
    for label, value in block.figures:
        for text, size, font in ((label.value, style.figure_label_size, "regular"),
                                 (value.value, style.figure_value_size, "bold")):
            if fonts.face(font).width(text, size) > box_w - 3 * style.padding:
                raise BodyOverflow(f"数字栏中的“{text}”太长，放不进 {box_w:.0f} mm 宽的格子")

    def draw_row(figures: tuple) -> Draw:
        def draw(x: float, y: float) -> list[Shape]:
            shapes: list[Shape] = []
            for n, (label, value) in enumerate(figures):
                left = x + n * (box_w + gap)
                text_x = left + style.padding * 1.5
                shapes += [
                    Rect(left, y, box_w, height, style.tint),
                    Rect(left, y, 1.2, height, style.accent),
                    TextRun(text_x, baseline(y + style.padding, label_line, style.figure_label_size), label.value,
                            "regular", style.figure_label_size, style.colour),
                    TextRun(text_x, baseline(y + style.padding + label_line, value_line, style.figure_value_size),
                            value.value, "bold", style.figure_value_size, style.colour),
                ]
            return shapes
        return draw

    rows = [block.figures[i:i + columns] for i in range(0, len(block.figures), columns)]
    return [Unit(height, draw_row(row), space_before=space if n == 0 else gap) for n, row in enumerate(rows)]


def _term_box(block: TermBox, style: BodyStyle, fonts: PosterFonts, space: float) -> list[Unit]:
    """A tinted box with an accent bar: the heading 名词解释, then "term：explanation"
    for the first `term_max` terms. The lines are kept together: a box that does not
    fit below the body starts on a new page; one taller than a page continues boxed."""
    entries = block.entries[:style.term_max]
    if not entries:
        return []
    pad = style.padding * 1.5
    inner = style.width - 2 * pad - 1.2
    fill = style.term_fill if style.term_fill is not None else style.tint
    line = style.size * PT * style.line_height

    def boxed(shapes: Draw, height: float, top_pad: float = 0.0) -> Draw:
        return lambda x, y: [Rect(x, y, style.width, height, fill), Rect(x, y, 1.2, height, style.accent)] +             shapes(x + 1.2 + pad, y + top_pad)

    heading_h = pad + line
    heading = Unit(heading_h, boxed(lambda x, y: [TextRun(x, baseline(y, line, style.size), block.heading.value,
                                                          "bold", style.size, style.heading_colour)],
                                    heading_h, pad), space_before=space, keep_with_next=True)
    units = [heading]
    bold = fonts.face("bold")
    for term, explanation in entries:
        lead = f"{term.value}："
        # CJK characters are one em wide in both weights: the line is wrapped in the
        # regular face and its lead drawn in bold over the same width.
        lines = text_lines(lead + explanation.value, inner, style.size, "regular", fonts)
        for n, text in enumerate(lines):
            def draw(x: float, y: float, text: str = text, first: bool = n == 0) -> list[Shape]:
                base = baseline(y, line, style.size)
                if not first or not text.startswith(lead):
                    return [TextRun(x, base, text, "regular", style.size, style.colour)]
                rest_x = x + bold.width(lead, style.size)
                return [TextRun(x, base, lead, "bold", style.size, style.colour),
                        TextRun(rest_x, base, text[len(lead):], "regular", style.size, style.colour)]
            units.append(Unit(line, boxed(draw, line), keep_with_next=True))
    units.append(Unit(pad, boxed(lambda x, y: [], pad)))
    return units


def paginate(units: list[Unit], capacity: float) -> list[list[tuple[float, Unit]]]:
    """Deal units onto pages: [(offset from the body's top, unit), ...] per page.

    A unit that does not fit starts a new page; so does a chain of units kept
    together (a heading and its first line, the lines of a table row) when the
    whole chain would fit on a fresh page. A chain longer than a page just
    continues, and a table's header row is repeated above its continuation."""
    pages: list[list[tuple[float, Unit]]] = [[]]
    y = 0.0
    for index, unit in enumerate(units):
        header = unit.header.height if unit.header is not None else 0.0
        if unit.height + header > capacity:
            raise BodyOverflow(f"一段内容高 {unit.height:.0f} mm，超过整页正文区的 {capacity:.0f} mm")
        space = unit.space_before if pages[-1] else 0.0
        chain = space + unit.height
        follower = index + 1
        while units[follower - 1].keep_with_next and follower < len(units) and chain <= capacity:
            chain += units[follower].space_before + units[follower].height
            follower += 1
        starts_chain = index == 0 or not units[index - 1].keep_with_next
        too_tall = y + space + unit.height > capacity
        chain_moves = starts_chain and chain + header <= capacity and y + chain > capacity
        if pages[-1] and (too_tall or chain_moves):
            pages.append([])
            y, space = 0.0, 0.0
            if unit.header is not None:
                pages[-1].append((0.0, unit.header))
                y = unit.header.height
        pages[-1].append((y + space, unit))
        y += space + unit.height
    return pages


def place(page_units: list[tuple[float, Unit]], left: float, top: float) -> list[Shape]:
    shapes: list[Shape] = []
    for offset, unit in page_units:
        shapes += unit.draw(left, top + offset)
    return shapes


# How each kind of content block becomes units (the block's class → its function).
BLOCK_UNITS: dict[type, Callable[[Any, BodyStyle, PosterFonts, float], list[Unit]]] = {
    Heading: _heading, Paragraph: _paragraph, Items: _items, Table: _table, KeyFigures: _figures, TermBox: _term_box,
}
