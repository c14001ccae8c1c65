"""Every poster PDF of the example communities, rasterised by poppler's
pdftoppm at 150 dpi (every page), still yields its page's URL through two
independent decoders: zxing-cpp and OpenCV. The posters are those
`gongshi build` draws: A4 and the four signs.

OpenCV's detector is QRCodeDetectorAruco (OpenCV ≥ 4.8). The older
QRCodeDetector misses valid, cleanly printed codes erratically: at 150 dpi it
could not decode 3 of 104 pages of the examples, and enlarging the code to 34
or 36 mm made it miss 13, while zxing-cpp and the ArUco-based detector read
every one of them."""

from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AS_OF, copy_examples
from tests.e2e import tools

pytestmark = pytest.mark.e2e
SITE_URL = "https://gongshi.example.cn/"
DPI = 150


@dataclass(frozen=True)
class PrintedPage:
    pdf: str            # site-relative, as the posters page links it
    page: int
    url: str            # what the QR code must hold
    zxing: tuple[str, ...]
    opencv: tuple[str, ...]


def rasterise(pdf: Path, folder: Path) -> list[Path]:
    pdftoppm = tools.executable("pdftoppm", "poppler-utils")
    # Raw greyscale (PGM), not PNG: encoding PNGs took ten times as long as drawing the pages.
    subprocess.run([pdftoppm, "-r", str(DPI), "-gray", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def decode(page: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    import cv2
    import zxingcpp

    image = cv2.imread(str(page), cv2.IMREAD_GRAYSCALE)
    zxing = tuple(code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))
    found, texts, _, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(image)
    return zxing, tuple(texts) if found else ()


def read_back(out: Path, spec: Any) -> list[PrintedPage]:
    with tempfile.TemporaryDirectory() as folder:
        return [PrintedPage(spec.path, number, spec.url, *decode(page))
                for number, page in enumerate(rasterise(out / spec.path, Path(folder)), start=1)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[PrintedPage]:
    tools.executable("pdftoppm", "poppler-utils")
    tools.python_module("cv2", "opencv-python-headless")
    import cv2

    from generator.pipeline import validate
    from generator.posters.plan import poster_plan
    from generator.posters.render import render_posters

    root = copy_examples(tmp_path_factory.mktemp("print"))
    validated = validate(root, AS_OF)
    specs = poster_plan(validated, SITE_URL, ("A4",), None)
    out = root / "site"
    render_posters(validated, specs, out, cache_dir=root / "cache")
    # One page per core, each decoded on one thread: less contention on a small machine.
    # pdftoppm runs in its own process, and both decoders release the GIL.
    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        with ThreadPoolExecutor(os.cpu_count()) as pool:
            return [page for pages in pool.map(lambda spec: read_back(out, spec), specs) for page in pages]
    finally:
        cv2.setNumThreads(threads)


def test_every_poster_is_printed(printed: list[PrintedPage]) -> None:
    assert {p.pdf for p in printed} and all(p.url.startswith(SITE_URL) for p in printed)


@pytest.mark.parametrize("decoder", ["zxing", "opencv"])
def test_every_page_yields_its_url(printed: list[PrintedPage], decoder: str) -> None:
    wrong = [f"{p.pdf} page {p.page}: read {list(getattr(p, decoder))}, expected {p.url}"
             for p in printed if set(getattr(p, decoder)) != {p.url}]
    assert not wrong, f"{decoder} at {DPI} dpi, {len(wrong)} of {len(printed)} pages:\n  " + "\n  ".join(wrong)
