"""Printable posters and brand signs.

The flow, one module per step:

    plan.py     which posters exist (cheap: no drawing) -> PosterSpec
    kinds.py    a poster's words from the validated data  -> content.PosterContent
    signs.py    the same for the four brand-sign styles
    layout.py   theme/posters/*.yml, the layouts as data
    compose.py  layout + content -> pages of shapes and text runs (display.py),
                using flow.py (tables and lists across pages), linebreak.py
                (Chinese line breaking), qr.py and brand.py
    pdf.py      pages -> vector PDF in DeviceCMYK (fpdf2)
    png.py      pages -> RGB preview (Pillow)
    render.py   many posters on all cores, with a content-hash cache
    fonts.py    which CJK font, and whether it has every character
    prepared.py the font cut to a batch's characters, for fast drawing
    glyphs.py   missing characters as findings, for `gongshi validate`
"""
