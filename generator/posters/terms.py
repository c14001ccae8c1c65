"""The 名词解释 box: which glossary terms a poster explains.

Rule: the terms used in the poster's title and body (not the header and
footer every poster shares: issuer, contact, the 公示期 line), in the order
a reader meets them. All of them are in the content, so the glyph check
covers every one; the layout's `terms: {max: N}` decides how many are
printed (the first N), so a long list never crowds out the disclosure.
"""

from __future__ import annotations

from generator.findings import Location
from generator.glossary import default_glossary
from generator.glossary.load import DISPLAY
from generator.posters.content import Block, PosterContent, TermBox, Text

SOURCE = Location(DISPLAY)


def term_box(title: Text, body: tuple[Block, ...]) -> TermBox | None:
    texts = [title.value] + [text.value for text, _ in PosterContent({}, body).texts()]
    uses = default_glossary().first_uses(texts)
    if not uses:
        return None
    return TermBox(tuple((Text(label(term.term, spelling), SOURCE), Text(term.short, SOURCE))
                         for term, spelling in uses))


def label(term: str, spelling: str) -> str:
    """The words as the poster wrote them, with the full term when that was another spelling."""
    return term if spelling == term else f"{spelling}（{term}）"
