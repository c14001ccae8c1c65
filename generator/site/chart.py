"""Bar charts as geometry: the template draws them as inline SVG (no script, no CDN)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.site.render import yuan

ROW = 34          # height of one bar row in SVG units
LABEL = 150       # width kept for the labels on the left
WIDTH = 640       # total width of the viewBox


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    text: str
    y: int
    width: int
    kind: str     # "income" or "expense": the CSS class that colours it


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    height: int
    label_width: int = LABEL
    width: int = WIDTH


def bar_chart(title: str, rows: list[tuple[str, Decimal, str]]) -> BarChart:
    """rows: (label, value in 元, kind). Bars share one scale; the value is written
    beside each bar, so the chart does not depend on colour."""
    largest = max((v for _, v, _ in rows), default=Decimal(0))
    room = WIDTH - LABEL - 130
    bars = tuple(
        Bar(label, value, yuan(value), 8 + i * ROW, int(room * value / largest) if largest > 0 else 0, kind)
        for i, (label, value, kind) in enumerate(rows))
    return BarChart(title, bars, 16 + len(rows) * ROW)
