"""Reading back what the posters' files hold: page sizes, colour operators,
text and QR codes, with poppler-utils (pdfinfo, pdftotext, pdftoppm) and zxing-cpp."""

from __future__ import annotations

import re
import subprocess
import tempfile
import zlib
from pathlib import Path

import zxingcpp
from PIL import Image

PT_TO_MM = 25.4 / 72


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w) * PT_TO_MM, float(h) * PT_TO_MM)
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def content_streams(pdf: Path) -> str:
    """The decompressed page content streams (not fonts, images or CMaps), as text."""
    data = pdf.read_bytes()
    found = []
    for header, stream in re.findall(rb"<<([^>]*)>>\s*stream\r?\n(.*?)\r?\nendstream", data, re.S):
        if any(key in header for key in (b"/Subtype", b"/Length1", b"/Type")):
            continue
        try:
            text = zlib.decompress(stream).decode("latin-1")
        except zlib.error:
            continue
        if "begincmap" not in text:
            found.append(text)
    return "\n".join(found)


def colour_operators(pdf: Path) -> set[str]:
    """Every fill/stroke colour operator with its operands, e.g. "0 0.71 1 0 k"."""
    ops = re.findall(r"(?<![\d.])((?:-?[\d.]+ )+)(k|K|rg|RG|g|G|sc|scn|SC|SCN)\b", content_streams(pdf))
    return {f"{numbers}{op}" for numbers, op in ops}


def qr_texts(image: Image.Image) -> list[str]:
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=False, try_invert=False)
    return [code.text for code in codes]


def qr_from_png(png: Path) -> list[str]:
    with Image.open(png) as image:
        return qr_texts(image.convert("RGB"))


def qr_from_pdf(pdf: Path, dpi: int = 150, longest: int = 0, page: int = 1) -> list[str]:
    """Rasterise one page with pdftoppm (at `dpi`, or scaled to `longest` pixels) and decode."""
    with tempfile.TemporaryDirectory() as folder:
        size = ["-scale-to", str(longest)] if longest else ["-r", str(dpi)]
        subprocess.run(["pdftoppm", *size, "-f", str(page), "-l", str(page), "-png", str(pdf), f"{folder}/page"],
                       check=True)
        page = next(Path(folder).glob("page*.png"))
        with Image.open(page) as image:
            return qr_texts(image.convert("RGB"))
