"""terms.yml itself: it loads, a broken copy stops with a clear Chinese error,
and every character in it can be printed with the poster font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.glossary import GlossaryError, default_glossary, load_glossary
from generator.glossary.load import DEFAULT_FILE, DISPLAY
from generator.posters.fonts import find_fonts

CASES = yaml.safe_load((Path(__file__).parent / "broken_cases.yml").read_text(encoding="utf-8"))
# The terms issue 13 names, and ones residents meet on the example pages.
REQUIRED = ["五议两公开", "三审两公开一备案", "业财代理", "公共收益", "专项维修资金", "公示期", "异议", "业主大会",
            "业主委员会", "共有资金", "物业服务费", "低保", "功能场景", "居民公约", "关键事项", "达标自评", "知晓率",
            "满意度", "双过半", "双四分之三", "议事协商"]


def test_the_glossary_has_the_terms_residents_meet() -> None:
    names = set(default_glossary().by_name)
    assert not [term for term in REQUIRED if term not in names]
    for term in default_glossary().terms:
        assert term.source and term.where and term.short.endswith("。"), term.id


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_broken_terms_file_is_a_clear_error(tmp_path: Path, case: dict) -> None:
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    assert text.count(case["find"]) == 1, case["find"]
    broken = text.replace(case["find"], case["replace"])
    path = tmp_path / "terms.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path, DISPLAY)
    lines = broken.splitlines()
    for expected in case["expect"]:
        # {line:TEXT} stands for the number of the line that starts with TEXT.
        expected = re.sub(r"\{line:(.*)\}", lambda m: str(next(n for n, line in enumerate(lines, 1)
                                                               if line.startswith(m.group(1)))), expected)
        assert expected in str(raised.value)


def test_every_character_of_the_glossary_is_in_the_poster_font() -> None:
    fonts = find_fonts()
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    missing = sorted({char for char in text if char not in "\n\t" and fonts.missing(char)})
    assert not missing, f"海报字体缺少 terms.yml 中的字符：{missing}"
