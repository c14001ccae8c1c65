"""Chinese line breaking with the usual prohibitions (禁则, kinsoku).

A line never starts with closing punctuation (。，、；：？！」）…) and never
ends with opening punctuation (「（《“…). Runs of Latin letters and digits
("0577-88012345", "98,360.00", a URL) are kept whole when they fit on a line.
The offending character is pushed out to the next line together with the
character it belongs to, so lines may end a little short; nothing is dropped.
"""

from __future__ import annotations

import re
from typing import Callable

# Characters that must not begin a line.
NO_START = frozenset(
    "。．，、；：？！）)］]｝}〕〉》」』】〙〗〟’”｠»"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～?!‼⁇⁈⁉・·:;,.%％‰℃°′″…‥—"
)
# Characters that must not end a line.
NO_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
# Runs kept together: Latin letters, digits and the punctuation inside numbers, dates, phones and URLs.
_WORD = re.compile(r"[A-Za-z0-9@#$&*+=/\\_~^|<>'\"\-.,:;%?!()\[\]{}]+")

Measure = Callable[[str], float]


def units(text: str) -> list[str]:
    """Split `text` into pieces that may not be broken inside; spaces are their own pieces."""
    pieces: list[str] = []
    pos = 0
    while pos < len(text):
        match = _WORD.match(text, pos)
        if match:
            pieces.append(match.group())
            pos = match.end()
        else:
            pieces.append(text[pos])
            pos += 1
    return _glue(pieces)


def _glue(pieces: list[str]) -> list[str]:
    """Attach closing punctuation to the piece before it and opening punctuation to the piece after."""
    glued: list[str] = []
    pending_open = ""
    for piece in pieces:
        if piece.isspace():
            if pending_open:
                pending_open += piece
            else:
                glued.append(piece)
            continue
        if glued and not pending_open and piece[0] in NO_START and not glued[-1].isspace():
            glued[-1] += piece
            continue
        if piece[-1] in NO_END and len(piece) == 1:
            pending_open += piece
            continue
        glued.append(pending_open + piece)
        pending_open = ""
    if pending_open:
        glued.append(pending_open)
    return glued


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Break `text` into lines no wider than `width` (as `measure` counts).
    Explicit newlines start new lines; an empty text gives no lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    line = ""
    for piece in units(text):
        if piece.isspace() and not line:
            continue
        candidate = line + piece
        if measure(candidate.rstrip()) <= width:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
            piece = piece.lstrip()
            if measure(piece) <= width:
                line = piece
                continue
        # A piece wider than a whole line (a long URL): split it by characters.
        for part in _split_long(piece, width, measure):
            if measure(line + part) <= width:
                line += part
            else:
                if line:
                    lines.append(line)
                line = part
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _split_long(piece: str, width: float, measure: Measure) -> list[str]:
    """Cut an over-long piece into line-sized parts, preferring a cut after "/" or "-",
    and never leaving a prohibited character at the start of a part."""
    parts: list[str] = []
    rest = piece
    while rest:
        cut = len(rest)
        while cut > 1 and measure(rest[:cut]) > width:
            cut -= 1
        if cut < len(rest):
            soft = max(rest.rfind("/", 0, cut), rest.rfind("-", 0, cut))
            if soft > cut // 2:
                cut = soft + 1
            while 1 < cut < len(rest) and (rest[cut] in NO_START or rest[cut - 1] in NO_END):
                cut -= 1
        parts.append(rest[:cut])
        rest = rest[cut:]
    return parts
