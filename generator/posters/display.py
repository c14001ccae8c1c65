"""What a composed page is: shapes and text runs in millimetres, y downwards.

Both drawers (pdf.py, png.py) read the same list, so the preview shows
exactly what the print shop gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cmyk:
    """A process colour, each channel 0..100 as annex A writes it (0/71/100/0)."""

    c: float
    m: float
    y: float
    k: float

    @classmethod
    def parse(cls, value: object) -> "Cmyk":
        if not (isinstance(value, (list, tuple)) and len(value) == 4
                and all(isinstance(v, (int, float)) and 0 <= v <= 100 for v in value)):
            raise ValueError(f"颜色应写成 CMYK 四个 0–100 的数，如 [0, 71, 100, 0]，而不是 {value!r}")
        return cls(*(float(v) for v in value))

    @property
    def fractions(self) -> tuple[float, float, float, float]:
        return (self.c / 100, self.m / 100, self.y / 100, self.k / 100)

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The naive conversion, for the screen preview only (print uses CMYK as is)."""
        c, m, y, k = self.fractions
        return tuple(round(255 * (1 - v) * (1 - k)) for v in (c, m, y))  # type: ignore[return-value]


BLACK = Cmyk(0, 0, 0, 100)
WHITE = Cmyk(0, 0, 0, 0)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: Cmyk


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    colour: Cmyk


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    colour: Cmyk


@dataclass(frozen=True)
class TextRun:
    """One line of text; (x, y) is the left end of its baseline."""

    x: float
    y: float
    text: str
    font: str          # "regular" or "bold"
    size: float        # points
    colour: Cmyk


@dataclass(frozen=True)
class Picture:
    """An image file fitted into the box (an official brand mark)."""

    path: str
    x: float
    y: float
    w: float
    h: float


Shape = Rect | Polygon | Ellipse | TextRun | Picture


@dataclass
class Page:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)
