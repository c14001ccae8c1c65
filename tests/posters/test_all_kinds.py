"""Every poster kind and sign style of one community, at A4: what a resident
scans, what a print shop receives."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.posters.layout import load_layout
from generator.posters.plan import ALL_KINDS
from tests.posters.conftest import SITE, render
from tests.posters.pdfread import colour_operators, page_sizes_mm, qr_from_pdf, qr_from_png, text_of

PATTERN = "0 0.71 1 0 k"      # annex A: the pattern, CMYK 0/71/100/0
WORDS = "0 0.6 0.8 0.6 k"     # annex A: the words, CMYK 0/60/80/60
BLACK = "0 0 0 1 k"


@pytest.fixture(scope="module")
def wangjiang(examples_root: Path, examples_validated, font_cache: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("site")
    specs, _ = render(examples_root, font_cache, out, "wangjiang", validated=examples_validated)
    return specs, out


def test_every_kind_and_sign_style_is_planned(wangjiang) -> None:
    specs, _ = wangjiang
    assert {s.kind for s in specs} == set(ALL_KINDS)
    assert {(s.kind, s.key) for s in specs} >= {("funds", "2024"), ("funds", "2025"), ("calendar", "2026-11"),
                                                ("pledge", "jumin-2024"), ("scenes", ""), ("assessment", "")}
    funds = next(s for s in specs if s.kind == "funds" and s.key == "2025")
    assert funds.page_path == "wangjiang/funds/2025/"
    assert funds.url == SITE + "wangjiang/funds/2025/"
    assert funds.path == "wangjiang/posters/funds-2025-a4.pdf"
    assert funds.preview_path == "wangjiang/posters/funds-2025-a4.png"
    assert funds.title == "望江社区共有资金收支公示（2025 年度）"


def test_qr_codes_in_png_and_pdf_hold_the_page_url(wangjiang) -> None:
    specs, out = wangjiang

    def from_pdf(spec):      # posters at 150 dpi; a 1.5 m sign scaled to 2400 pixels
        return qr_from_pdf(out / spec.path, longest=2400) if spec.is_sign else qr_from_pdf(out / spec.path, dpi=150)

    with ThreadPoolExecutor() as pool:
        decoded = list(pool.map(from_pdf, specs))
    for spec, found in zip(specs, decoded):
        expected = SITE + spec.page_path
        assert expected in qr_from_png(out / spec.preview_path), spec.preview_path
        assert found and set(found) == {expected}, spec.path


def test_the_url_is_printed_under_the_qr_code(wangjiang) -> None:
    specs, out = wangjiang
    spec = next(s for s in specs if s.kind == "scenes")
    text = "".join(text_of(out / spec.path).split())
    assert spec.url in text


def test_paper_sizes(wangjiang) -> None:
    specs, out = wangjiang
    for spec in specs:
        layout = load_layout(ALL_KINDS[spec.kind].layout)
        expected = (layout.width, layout.height) if spec.is_sign else (210, 297)
        sizes = page_sizes_mm(out / spec.path)
        assert sizes, spec.path
        for width, height in sizes:
            assert abs(width - expected[0]) <= 0.5 and abs(height - expected[1]) <= 0.5, spec.path


def test_colours_are_exact_cmyk_with_pure_black_text(wangjiang) -> None:
    specs, out = wangjiang
    for spec in specs:
        operators = colour_operators(out / spec.path)
        assert operators, spec.path
        assert all(op.endswith((" k", " K")) for op in operators), f"{spec.path}: not DeviceCMYK: {operators}"
        assert PATTERN in operators and WORDS in operators, spec.path
        rich_black = [op for op in operators if op.split()[3] == "1" and op.split()[:3] != ["0", "0", "0"]]
        assert not rich_black, spec.path
        assert BLACK in operators, spec.path


def test_text_is_real_text_with_the_poster_facts(wangjiang) -> None:
    specs, out = wangjiang
    funds = next(s for s in specs if s.kind == "funds" and s.key == "2024")
    text = text_of(out / funds.path)
    for expected in ("望江社区居民委员会", "公示期：2025年1月15日 至 2025年1月24日", "公布日期：2025年1月15日",
                     "0577-88012345", "期初余额", "186,452.30 元", "收入明细", "支出明细"):
        assert expected in text, expected
