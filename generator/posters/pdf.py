"""Draw composed pages as a print-ready vector PDF with fpdf2.

Every colour is written as a DeviceCMYK operator with the layout's exact
values (text and QR codes 0/0/0/100, the brand colours as annex A gives
them); the font is embedded as a subset; the creation date comes from the
data, so building twice gives the same bytes (decisions 11).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.drawing import DeviceCMYK

from generator.posters.display import Cmyk, Ellipse, Page, Picture, Polygon, Rect, TextRun
from generator.posters.errors import PosterError
from generator.posters.fonts import PosterFonts

CHINA = timezone(timedelta(hours=8))


def _cmyk(colour: Cmyk) -> DeviceCMYK:
    return DeviceCMYK(*colour.fractions)


def write_pdf(pages: list[Page], fonts: PosterFonts, path: Path, *, title: str, author: str, created: date) -> None:
    pdf = FPDF(unit="mm", format=(pages[0].width, pages[0].height))
    pdf.set_creation_date(datetime.combine(created, time(0, 0), tzinfo=CHINA))
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("gongshi")
    pdf.set_producer("gongshi")
    pdf.set_lang("zh-CN")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font("regular", fname=fonts.regular.path, collection_font_number=fonts.regular.index)
    if fonts.bold != fonts.regular:
        pdf.add_font("bold", fname=fonts.bold.path, collection_font_number=fonts.bold.index)
    for page in pages:
        pdf.add_page(format=(page.width, page.height))
        for shape in page.shapes:
            _draw(pdf, shape, fonts)
    for font in pdf.fonts.values():
        missing = getattr(font, "missing_glyphs", None)
        if missing:
            raise PosterError(f"内部错误：绘制用的字体子集缺少“{''.join(map(chr, missing[:10]))}”（{title}）")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def _draw(pdf: FPDF, shape: object, fonts: PosterFonts) -> None:
    if isinstance(shape, Rect):
        pdf.set_fill_color(_cmyk(shape.colour))
        pdf.rect(shape.x, shape.y, shape.w, shape.h, style="F")
    elif isinstance(shape, Polygon):
        pdf.set_fill_color(_cmyk(shape.colour))
        pdf.polygon(list(shape.points), style="F")
    elif isinstance(shape, Ellipse):
        pdf.set_fill_color(_cmyk(shape.colour))
        pdf.ellipse(shape.cx - shape.rx, shape.cy - shape.ry, 2 * shape.rx, 2 * shape.ry, style="F")
    elif isinstance(shape, TextRun):
        family = "bold" if shape.font == "bold" and fonts.bold != fonts.regular else "regular"
        pdf.set_font(family, size=shape.size)
        pdf.set_text_color(_cmyk(shape.colour))
        pdf.text(shape.x, shape.y, shape.text)
    elif isinstance(shape, Picture):
        pdf.image(shape.path, x=shape.x, y=shape.y, w=shape.w, h=shape.h)
