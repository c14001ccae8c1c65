"""A poster whose title or body uses glossary terms prints a 名词解释 box with
them; a poster without terms has none. Read back from the PDF's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.glossary import default_glossary
from tests.conftest import copy_examples
from tests.posters.conftest import render
from tests.posters.pdfread import text_of

# (community, poster kind, file, terms the box must explain; None = no box)
POSTERS = [
    ("wangjiang", "pledge", "wangjiang/posters/pledge-jumin-2024-a4.pdf", ["居民公约", "共享社·幸福里", "五议两公开"]),
    ("jinxiu", "calendar", "jinxiu/posters/calendar-2026-11-a4.pdf", None),
]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("glossary-posters")
    root = copy_examples(folder / "project", ["wangjiang", "jinxiu"])
    for slug, kind, _, _ in POSTERS:
        render(root, folder / "cache", folder / "out", slug, [kind], workers=1)
    return folder / "out"


@pytest.mark.parametrize("slug,kind,pdf,terms", POSTERS, ids=[p[2].split("/")[-1] for p in POSTERS])
def test_the_box_explains_the_terms_the_poster_uses(drawn: Path, slug: str, kind: str, pdf: str,
                                                    terms: list[str] | None) -> None:
    text = "".join(text_of(drawn / pdf).split())      # lines wrap inside the box
    if terms is None:
        assert "名词解释" not in text
        return
    assert "名词解释" in text
    for name in terms:
        term = default_glossary().by_name[name]
        assert f"{name}：{term.short}" in text, name


def test_the_box_prints_the_first_terms_used_up_to_the_layouts_max() -> None:
    """jinxiu's 业主公约 uses seven terms; _poster.yml's `terms: {max: 4}` prints the first four."""
    from generator.pipeline import validate
    from generator.posters.compose import compose
    from generator.posters.content import TermBox
    from generator.posters.display import TextRun
    from generator.posters.fonts import find_fonts
    from generator.posters.kinds import KINDS, kind_content
    from generator.posters.layout import load_layout
    from generator.posters.plan import contexts
    from tests.conftest import AS_OF, EXAMPLES

    ctx = next(c for c in contexts(validate(EXAMPLES.parent, AS_OF)) if c.slug == "jinxiu")
    content = kind_content(KINDS["pledge"], ctx, "yezhu-2025", "https://gongshi.example.cn/jinxiu/pledges/", None)
    box = next(b for b in content.body if isinstance(b, TermBox))
    labels = [term.value for term, _ in box.entries]
    assert len(labels) > 4
    pages = compose(load_layout("pledge"), content, "A4", find_fonts())
    printed = "".join(s.text for page in pages for s in page.shapes if isinstance(s, TextRun))
    assert all(f"{label}：" in printed for label in labels[:4])
    assert not any(f"{label}：" in printed for label in labels[4:])
