"""Characters the poster font cannot draw, as findings for `gongshi validate`
(decisions 13): reported with their file and line before any poster is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.findings import Finding, Location, Severity
from generator.posters.content import PosterContent
from generator.posters.fields import PosterContext
from generator.posters.errors import PosterError
from generator.posters.fonts import PosterFonts, project_fonts
from generator.posters.plan import ALL_KINDS

if TYPE_CHECKING:
    from generator.shares import Checked, ExtraCheck

RULE_ID = "posters.glyph"
HINT = "换用常用字或标点（如把表情符号改为文字）；或用环境变量 GONGSHI_FONT 指定一个包含该字的字体。"


def project_glyph_check(root: Path) -> tuple["ExtraCheck | None", list[Finding]]:
    """The glyph check with the project's poster font, for validate()'s `extra`;
    without a font, no check and the finding that says so."""
    try:
        return glyph_check(project_fonts(root)), []
    except PosterError as exc:
        return None, [Finding(RULE_ID, Severity.WARNING, str(exc), Location("mkdocs.yml"), "海报需要中文字体。")]


def community_glyph_findings(ctx: PosterContext, fonts: PosterFonts) -> list[Finding]:
    """The characters missing from one community's posters."""
    found: dict[tuple[str, Location | None], Finding] = {}
    drawable = fonts.drawable
    for kind in ALL_KINDS.values():
        for entry in kind.entries(ctx, ()):
            fields, body, _, _ = kind.content(ctx, entry.key)
            for text, _ in PosterContent(fields, body).texts():
                if drawable.issuperset(text.value):
                    continue
                char = fonts.missing(text.value)
                if char is None:
                    continue
                key = (char, text.source)
                if key not in found:
                    found[key] = Finding(
                        RULE_ID, Severity.ERROR,
                        f"海报字体“{fonts.regular.name}”缺少字符“{char}”（U+{ord(char):04X}），海报上无法显示",
                        text.source or ctx.loc("community.yml"), HINT, community=ctx.slug)
    return list(found.values())


def glyph_check(fonts: PosterFonts) -> "ExtraCheck":
    """The glyph check as validate()'s extra check: run beside the rules, on every core."""
    def run(checked: "Checked", city, as_of) -> list[Finding]:
        c = checked.community
        if c.profile is None or c.is_draft:
            return []
        return community_glyph_findings(
            PosterContext(c, city, as_of, checked.figures, tuple(checked.assessments or ())), fonts)
    return run
