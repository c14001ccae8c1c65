"""Draw composed pages as an RGB preview with Pillow (the print file is pdf.py's)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.posters.display import Ellipse, Page, Picture, Polygon, Rect, TextRun
from generator.posters.fonts import PosterFonts

MM_PER_INCH = 25.4
MAX_PREVIEW_PIXELS = 2480      # the longest side of a preview: a 1.5 m sign is not previewed at print resolution


@lru_cache(maxsize=64)
def _font(path: str, index: int, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(pixels, 1), index=index)


def draw_page(page: Page, fonts: PosterFonts, dpi: float) -> Image.Image:
    scale = dpi / MM_PER_INCH
    size = (round(page.width * scale), round(page.height * scale))
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)

    def px(value: float) -> int:
        return round(value * scale)

    for shape in page.shapes:
        if isinstance(shape, Rect):
            x0, y0, x1, y1 = px(shape.x), px(shape.y), px(shape.x + shape.w), px(shape.y + shape.h)
            if x1 > x0 and y1 > y0:
                draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=shape.colour.rgb)
        elif isinstance(shape, Polygon):
            draw.polygon([(x * scale, y * scale) for x, y in shape.points], fill=shape.colour.rgb)
        elif isinstance(shape, Ellipse):
            draw.ellipse(((shape.cx - shape.rx) * scale, (shape.cy - shape.ry) * scale,
                          (shape.cx + shape.rx) * scale, (shape.cy + shape.ry) * scale), fill=shape.colour.rgb)
        elif isinstance(shape, TextRun):
            face = fonts.face(shape.font)
            font = _font(face.path, face.index, round(shape.size / 72 * dpi))
            draw.text((shape.x * scale, shape.y * scale), shape.text, font=font, fill=shape.colour.rgb, anchor="ls")
        elif isinstance(shape, Picture):
            _paste(image, shape, scale)
    return image


def _paste(image: Image.Image, picture: Picture, scale: float) -> None:
    with Image.open(picture.path) as source:
        art = source.convert("RGBA").resize((max(1, round(picture.w * scale)), max(1, round(picture.h * scale))),
                                            Image.LANCZOS)
    image.paste(art, (round(picture.x * scale), round(picture.y * scale)), art)


def write_png(pages: list[Page], fonts: PosterFonts, dpi: float, path: Path) -> None:
    """The first page is the preview; further pages are stacked below it with a gap
    so a multi-page poster shows as one image."""
    longest = max(max(p.width, p.height) for p in pages) / MM_PER_INCH
    dpi = min(dpi, MAX_PREVIEW_PIXELS / longest)
    images = [draw_page(page, fonts, dpi) for page in pages]
    if len(images) == 1:
        sheet = images[0]
    else:
        gap = round(dpi / MM_PER_INCH * 6)
        width = max(i.width for i in images)
        sheet = Image.new("RGB", (width, sum(i.height for i in images) + gap * (len(images) - 1)), (200, 200, 200))
        top = 0
        for image in images:
            sheet.paste(image, (0, top))
            top += image.height + gap
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path, format="PNG", dpi=(round(dpi), round(dpi)), compress_level=6)
