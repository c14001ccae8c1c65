"""Layout + content -> pages: the one generic renderer behind every poster and sign.

Each layer of the layout is drawn on every page (or only on the first or the
following pages, `pages: first|rest`); the body layer receives the content's
blocks, dealt onto as many pages as they need. Text that does not fit its box
is made smaller down to the layer's `min_size`, and past that is an error:
nothing is silently cut.
"""

from __future__ import annotations

from typing import Any

from PIL import Image

from generator.posters import brand
from generator.posters.content import PosterContent
from generator.posters.display import WHITE, Page, Picture, Rect, Shape, TextRun
from generator.posters.errors import PosterError
from generator.posters.flow import PT, BodyOverflow, BodyStyle, baseline, paginate, place, text_lines, units_for
from generator.posters.fonts import PosterFonts
from generator.posters.layout import Layout, LayoutError
from generator.posters.qr import QUIET_MODULES, qr_matrix


class PosterOverflow(PosterError):
    """Content that cannot be placed without cutting it; the message says which and where."""


def compose(layout: Layout, content: PosterContent, size: str, fonts: PosterFonts) -> list[Page]:
    scale = layout.scale(size)
    width, height = layout.paper(size)
    title = content.fields.get("title")
    label = f"海报“{title.value if title else layout.name}”（{layout.source}，{layout.size_label(size)}）"
    body_layers = [layer for layer in layout.layers if layer["type"] == "body"]
    if len(body_layers) > 1:
        raise LayoutError(f"{layout.source}：只能有一个 body 层")
    page_units: list[list[Any]] = [[]]
    if body_layers and content.body:
        body = body_layers[0]
        style = _body_style(layout, body, content.brand, scale)
        try:
            page_units = paginate(units_for(content.body, style, fonts), body["box"][3] * scale)
        except BodyOverflow as exc:
            raise PosterOverflow(f"{label}：{exc}") from None
    count = len(page_units)
    pages = []
    for number, units in enumerate(page_units, 1):
        values = {name: text.value for name, text in content.fields.items()}
        values["page_label"] = f"第 {number} 页 / 共 {count} 页" if count > 1 else ""
        values["url"] = content.url
        page = Page(width, height)
        for layer in layout.layers:
            if not _on_page(layer, number):
                continue
            if layer.get("when") and not values.get(layer["when"]):
                continue
            page.add(*_draw_layer(layer, layout, content, values, scale, fonts, units, label))
        pages.append(page)
    return pages


def _on_page(layer: dict[str, Any], number: int) -> bool:
    which = layer.get("pages", "all")
    return which == "all" or (which == "first" and number == 1) or (which == "rest" and number > 1)


def _box(layer: dict[str, Any], scale: float) -> tuple[float, float, float, float]:
    box = [float(v) * scale for v in layer["box"]]
    return (box[0], box[1], box[2], box[3]) if len(box) == 4 else (box[0], box[1], 0.0, 0.0)


def _draw_layer(layer: dict[str, Any], layout: Layout, content: PosterContent, values: dict[str, str],
                scale: float, fonts: PosterFonts, units: list[Any], label: str) -> list[Shape]:
    kind = layer["type"]
    x, y, w, h = _box(layer, scale)
    if kind == "rect":
        return [Rect(x, y, w, h, layout.colour(layer.get("fill", "accent"), content.brand))]
    if kind == "mark":
        return _mark(layer, layout, content, values, (x, y, w, h), fonts)
    if kind == "text":
        return _text(layer, layout, content, values, (x, y, w, h), scale, fonts, label)
    if kind == "body":
        return place(units, x, y)
    if kind == "qr":
        return _qr(layer, layout, content, (x, y, w, h), scale, fonts)
    raise LayoutError(f"{layout.source}：未知的层类型“{kind}”")


def fill_template(template: str, values: dict[str, str], source: str) -> str:
    try:
        return template.format_map(values)
    except KeyError as exc:
        raise LayoutError(f"{source}：模板“{template}”中的字段 {exc} 不存在（可用：{'、'.join(sorted(values))}）") from None


def _text(layer: dict[str, Any], layout: Layout, content: PosterContent, values: dict[str, str],
          box: tuple[float, float, float, float], scale: float, fonts: PosterFonts, label: str) -> list[Shape]:
    x, y, w, h = box
    text = fill_template(str(layer.get("text", "")), values, layout.source)
    if not text.strip():
        return []
    font = layer.get("font", "regular")
    size = float(layer.get("size", 14)) * scale
    smallest = float(layer.get("min_size", layer.get("size", 14))) * scale
    spacing = float(layer.get("line_height", 1.3))
    while True:
        line = size * PT * spacing
        allowed = min(int(layer.get("max_lines", 99)), max(1, int((h + 0.01) // line)))
        lines = text_lines(text, w, size, font, fonts)
        if len(lines) <= allowed:
            break
        if size - 0.5 * scale < smallest - 1e-6:
            raise PosterOverflow(f"{label}：“{layer.get('name') or layer.get('text')}”放不下（{len(lines)} 行，"
                                 f"只能放 {allowed} 行）：{text[:40]}…。请缩短文字，或在版式中调大文本框、调小 min_size。")
        size -= 0.5 * scale
    line = size * PT * spacing
    valign = layer.get("valign", "top")
    block_h = len(lines) * line
    top = y + (h - block_h) / 2 if valign == "middle" else y + h - block_h if valign == "bottom" else y
    colour = layout.colour(layer.get("colour", "text"), content.brand)
    align = layer.get("align", "left")
    face = fonts.face(font)
    shapes: list[Shape] = []
    for n, text_line in enumerate(lines):
        line_w = face.width(text_line, size)
        left = x + (w - line_w) / 2 if align == "center" else x + w - line_w if align == "right" else x
        shapes.append(TextRun(left, baseline(top + n * line, line, size), text_line, font, size, colour))
    return shapes


def _mark(layer: dict[str, Any], layout: Layout, content: PosterContent, values: dict[str, str],
          box: tuple[float, float, float, float], fonts: PosterFonts) -> list[Shape]:
    x, y, w, h = box
    if content.mark_image:
        with Image.open(content.mark_image) as image:
            ratio = image.width / image.height
        pw, ph = (w, w / ratio) if w / h < ratio else (h * ratio, h)
        return [Picture(content.mark_image, x + (w - pw) / 2, y + (h - ph) / 2, pw, ph)]
    pattern = layout.colour("pattern", content.brand)
    words = layout.colour("words", content.brand)
    if content.brand == "xingfuli":
        return brand.mark(x, y, w, h, fonts, str(layer.get("arrangement", "horizontal")), pattern, words)
    # A plain wordmark stands in for the brand mark: as tall as the brand's words would be.
    text = fill_template(str(layer.get("words", "{plain_mark}")), values, layout.source)
    height = h * 0.6
    return brand.words(x, y + (h - height) / 2, w, height, fonts, text, words) if text else []


def _qr(layer: dict[str, Any], layout: Layout, content: PosterContent, box: tuple[float, float, float, float],
        scale: float, fonts: PosterFonts) -> list[Shape]:
    x, y, w, _ = box
    matrix = qr_matrix(content.url, str(layer.get("level", "M")))
    module = float(layer["size"]) * scale / matrix.size
    total = module * (matrix.size + 2 * QUIET_MODULES)
    align = layer.get("align", "left")
    left = x + (w - total) / 2 if align == "center" and w else x + w - total if align == "right" and w else x
    black = layout.colour(layer.get("colour", "text"), content.brand)
    shapes: list[Shape] = [Rect(left, y, total, total, WHITE)]
    origin_x, origin_y = left + QUIET_MODULES * module, y + QUIET_MODULES * module
    shapes += [Rect(origin_x + c * module, origin_y + r * module, n * module, module, black)
               for r, c, n in matrix.runs()]
    caption_size = float(layer.get("caption_size", 8)) * scale
    if caption_size > 0:
        caption_w = max(w, total)
        caption_left = x if w else left
        face = fonts.regular
        line = caption_size * PT * 1.25
        colour = layout.colour(layer.get("caption_colour", "text"), content.brand)
        for n, text in enumerate(text_lines(content.url, caption_w, caption_size, "regular", fonts)):
            text_w = face.width(text, caption_size)
            tx = caption_left + (caption_w - text_w) / 2 if align == "center" or not w else (
                caption_left + caption_w - text_w if align == "right" else caption_left)
            shapes.append(TextRun(tx, baseline(y + total + n * line, line, caption_size), text, "regular",
                                  caption_size, colour))
    return shapes


def _body_style(layout: Layout, layer: dict[str, Any], brand_name: str, scale: float) -> BodyStyle:
    heading = layer.get("heading") or {}
    table = layer.get("table") or {}
    figures = layer.get("figures") or {}
    terms = layer.get("terms") or {}
    size = float(layer.get("size", 14)) * scale

    def colour(value: Any, default: str) -> Any:
        return layout.colour(value if value is not None else default, brand_name)

    return BodyStyle(
        width=float(layer["box"][2]) * scale,
        size=size,
        line_height=float(layer.get("line_height", 1.45)),
        colour=colour(layer.get("colour"), "text"),
        muted=colour(layer.get("note", {}).get("colour") if layer.get("note") else None, "muted"),
        heading_size=float(heading.get("size", 17)) * scale,
        heading_colour=colour(heading.get("colour"), "heading"),
        heading_space=float(heading.get("space_before", 2)) * scale,
        accent=colour(table.get("accent"), "accent"),
        tint=colour(table.get("header_fill"), "tint"),
        rule=colour(table.get("rule"), "rule"),
        padding=float(table.get("padding", 2)) * scale,
        gap=float(layer.get("gap", 4)) * scale,
        figure_value_size=float(figures.get("value_size", 20)) * scale,
        figure_label_size=float(figures.get("label_size", 14)) * scale,
        figure_columns=int(figures.get("columns", 4)),
        table_weights=layout.tables,
        term_fill=colour(terms.get("fill"), "tint"),
        term_max=int(terms.get("max", 4)),
    )
