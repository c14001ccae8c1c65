"""Bar charts as geometry: the template draws them as inline SVG (no script, no CDN).

Each row is the label on its own line, then the bar with its value written after
it: the chart reads on a 360 px phone without shrinking its words, and it does not
depend on colour. The viewBox is about as wide as a phone's text column, so an SVG
unit is about a CSS pixel and the label size set in gongshi.css is the size read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.site.render import yuan

WIDTH = 288        # of the viewBox, in SVG units: a 360 px phone draws it about 300 px wide
VALUE_ROOM = 136   # kept right of the longest bar for "328,468.72 元" at 19 units
LABEL_LINE = 24    # the label's line, baseline at 19
BAR = 20           # bar height; the value's baseline sits 16 below the bar's top
GAP = 12           # between rows
ROW = LABEL_LINE + BAR + GAP
TOP = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    text: str
    y: int         # top of the row
    width: int
    kind: str      # "income" or "expense": the CSS class that colours it

    @property
    def label_y(self) -> int:
        return self.y + 19

    @property
    def bar_y(self) -> int:
        return self.y + LABEL_LINE

    @property
    def value_x(self) -> int:
        return self.width + 6

    @property
    def value_y(self) -> int:
        return self.bar_y + 16


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    height: int
    width: int = WIDTH


def bar_chart(title: str, rows: list[tuple[str, Decimal, str]]) -> BarChart:
    """rows: (label, value in 元, kind). Bars share one scale; the value is written
    beside each bar, so the chart does not depend on colour."""
    largest = max((v for _, v, _ in rows), default=Decimal(0))
    room = WIDTH - VALUE_ROOM
    bars = tuple(
        Bar(label, value, yuan(value), TOP + i * ROW, int(room * value / largest) if largest > 0 else 0, kind)
        for i, (label, value, kind) in enumerate(rows))
    return BarChart(title, bars, TOP + len(rows) * ROW)
