"""One poster at a time: long text over several sheets, a character the font
lacks, identical files from identical data, the cache, A3, the brand-mark slot,
the plain sign of a 人人社区, and mistakes in a layout file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.pipeline import validate
from generator.posters import render as render_module
from generator.posters.errors import PosterError
from generator.posters.layout import LayoutError, load_layout
from tests.conftest import AS_OF, apply_edits, copy_examples
from tests.posters.conftest import SITE, render
from tests.posters.pdfread import colour_operators, content_streams, page_sizes_mm, qr_from_pdf, text_of

# Made of characters the examples already use, so the session's prepared font serves.
LONG_CLAUSE = "邻里互助，尊老爱幼，主动关心独居、高龄和困难邻居；爱护公共设施和绿化，不私搭乱建，不毁绿种菜。"


def fresh_cache(font_cache: Path, tmp_path: Path) -> Path:
    """A cache with the session's prepared fonts but no drawn posters."""
    cache = tmp_path / "cache"
    if (font_cache / "fonts").is_dir():
        shutil.copytree(font_cache / "fonts", cache / "fonts")
    return cache


def test_a_long_pledge_continues_on_numbered_pages(tmp_path: Path, font_cache: Path) -> None:
    root = copy_examples(tmp_path / "repo")
    clauses = "".join(f"      - （{n}）{LONG_CLAUSE}\n" for n in range(1, 41))
    apply_edits(root, "wangjiang", [{"file": "pledges.yml", "find": "    clauses:\n",
                                     "replace": "    clauses:\n" + clauses}])
    specs, _ = render(root, font_cache, tmp_path / "site", "wangjiang", ["pledge"])
    pdf = tmp_path / "site" / specs[0].path
    sizes = page_sizes_mm(pdf)
    assert len(sizes) >= 3
    flat = "".join(text_of(pdf).split())     # pdftotext spaces words its own way
    assert f"第2页/共{len(sizes)}页" in flat
    assert f"第{len(sizes)}页/共{len(sizes)}页" in flat
    for n in (1, 20, 40):
        assert f"（{n}）邻里互助" in flat                 # nothing is cut off
    assert "积极参加社区议事和志愿服务" in flat          # the original last clause follows on the last sheet
    for page in range(1, len(sizes) + 1):               # every sheet carries its own QR code
        assert qr_from_pdf(pdf, page=page) == [SITE + "wangjiang/pledges/"]


def test_a_character_missing_from_the_font_is_named_with_its_file_and_line(tmp_path: Path, font_cache: Path) -> None:
    root = copy_examples(tmp_path / "repo", ["wangjiang"])
    apply_edits(root, "wangjiang", [{"file": "pledges.yml", "find": "文明养犬，出门牵绳",
                                     "replace": "文明养犬🐕，出门牵绳"}])
    line = next(n for n, text in enumerate((root / "communities/wangjiang/pledges.yml").read_text(
        encoding="utf-8").splitlines(), 1) if "🐕" in text)
    with pytest.raises(PosterError) as raised:
        render(root, font_cache, tmp_path / "site", "wangjiang", ["pledge"])
    message = str(raised.value)
    assert "缺少字符“🐕”（U+1F415" in message
    assert f"communities/wangjiang/pledges.yml:{line}:" in message


def test_two_builds_give_identical_files(examples_root: Path, examples_validated, font_cache: Path,
                                         tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"site{n}"
        specs, _ = render(examples_root, fresh_cache(font_cache, tmp_path / str(n)), out, "wangjiang",
                          ["funds"], validated=examples_validated)
        outputs.append([(out / s.path).read_bytes() + (out / s.preview_path).read_bytes() for s in specs])
    assert outputs[0] == outputs[1]
    assert b"/CreationDate (D:20250115000000+08'00')" in outputs[0][0]    # the statement's disclosure date


def test_an_unchanged_poster_is_copied_from_the_cache(examples_root: Path, examples_validated, font_cache: Path,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = fresh_cache(font_cache, tmp_path)
    specs, _ = render(examples_root, cache, tmp_path / "first", "wangjiang", ["scenes"], validated=examples_validated,
                      workers=1)

    def must_not_draw(*args: object, **options: object) -> None:
        raise AssertionError("an unchanged poster was drawn again")

    monkeypatch.setattr(render_module, "draw_job", must_not_draw)
    render(examples_root, cache, tmp_path / "second", "wangjiang", ["scenes"], validated=examples_validated, workers=1)
    assert (tmp_path / "second" / specs[0].path).read_bytes() == (tmp_path / "first" / specs[0].path).read_bytes()

    root = copy_examples(tmp_path / "changed")
    apply_edits(root, "wangjiang", [{"file": "scenes.yml", "find": "每天 9:00-21:00", "replace": "每天 9:00-22:00"}])
    with pytest.raises(AssertionError, match="drawn again"):
        render(root, cache, tmp_path / "third", "wangjiang", ["scenes"], workers=1)


def test_a3_is_the_same_poster_at_a3(examples_root: Path, examples_validated, font_cache: Path,
                                     tmp_path: Path) -> None:
    specs, _ = render(examples_root, font_cache, tmp_path, "wangjiang", ["calendar"], sizes=("A3",),
                      validated=examples_validated)
    assert [s.path for s in specs] == ["wangjiang/posters/calendar-2026-11-a3.pdf"]
    sizes = page_sizes_mm(tmp_path / specs[0].path)
    assert sizes
    for width, height in sizes:
        assert abs(width - 297) <= 0.5 and abs(height - 420) <= 0.5
    assert qr_from_pdf(tmp_path / specs[0].path) == [SITE + "wangjiang/calendar/2026-11/"]


def test_an_official_mark_in_the_slot_replaces_the_drawn_one(tmp_path: Path, font_cache: Path) -> None:
    root = copy_examples(tmp_path / "repo")
    (root / "communities/lihua/brand").mkdir()
    Image.new("RGB", (600, 200), (20, 120, 200)).save(root / "communities/lihua/brand/mark.png")
    specs, _ = render(root, font_cache, tmp_path / "site", "lihua", ["sign-a3"])
    pdf = tmp_path / "site" / specs[0].path
    assert b"/Subtype /Image" in pdf.read_bytes()
    assert "0 0.6 0.8 0.6 k" not in colour_operators(pdf)        # the drawn words are gone


def test_a_renren_community_gets_plain_signs(examples_root: Path, examples_validated, font_cache: Path,
                                             tmp_path: Path) -> None:
    specs, _ = render(examples_root, font_cache, tmp_path, "qingfeng", ["sign-a1"], validated=examples_validated)
    assert specs[0].title == "青枫社区标牌（大门面）"
    pdf = tmp_path / specs[0].path
    operators = colour_operators(pdf)
    assert "0 0.71 1 0 k" not in operators and "0 0.6 0.8 0.6 k" not in operators
    assert "人人社区" in text_of(pdf) and "青枫社区" in text_of(pdf)


def test_renren_pledge_carries_the_four_lists(examples_root: Path, examples_validated, font_cache: Path,
                                             tmp_path: Path) -> None:
    specs, _ = render(examples_root, font_cache, tmp_path, "qingfeng", ["pledge"], validated=examples_validated)
    text = "".join(text_of(tmp_path / specs[0].path).split())
    for heading in ("“人人”责任清单", "“人人”正面行为清单", "“人人”负面行为清单", "“人人”积分清单"):
        assert heading in text


@pytest.mark.parametrize("edit, message", [
    ("size: 32, level: M", "二维码印在 A4 上只有 25.0 mm 宽，至少应为 30 mm"),
    ("size: 14                      # at least", "A4 海报正文字号至少 14 pt"),
    ("fill: accent}", "不认识的键"),
])
def test_layout_mistakes_are_explained(tmp_path: Path, edit: str, message: str) -> None:
    folder = tmp_path / "posters"
    shutil.copytree(render_module.DEFAULT_LAYOUT_DIR, folder)
    base = (folder / "_poster.yml").read_text(encoding="utf-8")
    replacement = {"size: 32, level: M": "size: 25, level: M",
                   "size: 14                      # at least": "size: 12                      # at least",
                   "fill: accent}": "fill: accent, colour: text}"}[edit]
    assert edit in base
    (folder / "_poster.yml").write_text(base.replace(edit, replacement, 1), encoding="utf-8")
    with pytest.raises(LayoutError, match=message):
        load_layout("funds", str(folder))


def test_content_streams_have_text_and_qr_in_pure_black(examples_root: Path, examples_validated, font_cache: Path,
                                                         tmp_path: Path) -> None:
    specs, _ = render(examples_root, font_cache, tmp_path, "wangjiang", ["scenes"], validated=examples_validated)
    stream = content_streams(tmp_path / specs[0].path)
    assert "BT" in stream and " re f" in stream.replace("\n", " ")
    assert "rg" not in stream.split() and "RG" not in stream.split()


def test_validate_can_report_missing_characters_before_drawing(tmp_path: Path) -> None:
    from generator.pipeline import validate
    from generator.posters.glyphs import project_glyph_check
    from tests.conftest import AS_OF

    root = copy_examples(tmp_path / "repo")
    apply_edits(root, "wangjiang", [{"file": "scenes.yml", "find": "place: 望江东路 230 号",
                                     "replace": "place: 望江东路 230 号🚒"}])
    check, no_font = project_glyph_check(root)
    assert no_font == []
    findings = validate(root, AS_OF, extra=check).extra_findings
    assert [(f.community, f.location.file) for f in findings] == [("wangjiang", "communities/wangjiang/scenes.yml")]
    line = next(n for n, text in enumerate((root / "communities/wangjiang/scenes.yml").read_text(
        encoding="utf-8").splitlines(), 1) if "🚒" in text)
    assert findings[0].location.line == line
    assert "缺少字符“🚒”" in findings[0].message


def test_a_font_prepared_for_more_characters_draws_the_same_bytes(examples_root: Path, examples_validated,
                                                                  tmp_path: Path) -> None:
    """An edit redraws a poster from whichever prepared font already holds its characters
    (no new font, about two seconds a face); the poster must not depend on which one."""
    alone = validate(examples_root, AS_OF, ["wangjiang"])     # its characters only: a font of its own
    exact, _ = render(examples_root, tmp_path / "exact", tmp_path / "a", "wangjiang", ["funds"], validated=alone)

    wider = tmp_path / "wider"
    render(examples_root, wider, tmp_path / "warm", "qingfeng", ["scenes"], validated=examples_validated)
    fonts_before = sorted((wider / "fonts").glob("*.ttf"))
    render(examples_root, wider, tmp_path / "b", "wangjiang", ["funds"], validated=alone)
    assert sorted((wider / "fonts").glob("*.ttf")) == fonts_before       # the city's font was used
    for spec in exact:
        for path in (spec.path, spec.preview_path):
            assert (tmp_path / "b" / path).read_bytes() == (tmp_path / "a" / path).read_bytes(), path


def test_an_edit_with_new_everyday_characters_finds_the_font_prepared(tmp_path: Path) -> None:
    """`gongshi watch` prepares, in the background, the fonts for the common characters and
    everything the data holds: an edit that brings characters the posters never had
    (a new place, a new title) draws from that font instead of preparing one (≈ 2 s a face)."""
    from tests.posters.pdfread import text_of

    root = copy_examples(tmp_path / "repo")
    render_module.prepare_common_fonts(root)
    cache = root / ".cache" / "posters"
    prepared = sorted((cache / "fonts").glob("*.ttf"))
    assert prepared
    apply_edits(root, "wangjiang", [{"file": "scenes.yml", "find": "place: 望江东路 230 号",
                                     "replace": "place: 望江东路 230 号（北门进，走无障碍坡道）"}])
    specs, _ = render(root, cache, tmp_path / "out", "wangjiang", ["scenes"])
    assert sorted((cache / "fonts").glob("*.ttf")) == prepared
    drawn = text_of(tmp_path / "out" / specs[0].path)
    assert "（北门" in drawn and "走无障碍坡道）" in drawn      # the place wraps in its table cell
