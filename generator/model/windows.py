"""公示期 status against the build's one reference date (decisions 4).

Pages and posters print the same words, so both call `window_status`.
Nothing here reads the clock: the reference date is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from generator.model.values import Disclosable, Window


class WindowState(str, Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class WindowStatus:
    window: Window
    as_of: date
    state: WindowState
    days_left: int          # days of the window still to run, today included; 0 unless open

    @property
    def label(self) -> str:
        """公示中（还剩 N 天） / 公示期已结束 / 尚未开始"""
        if self.state is WindowState.OPEN:
            return f"公示中（还剩 {self.days_left} 天）"
        if self.state is WindowState.CLOSED:
            return "公示期已结束"
        return "尚未开始"

    @property
    def span(self) -> str:
        return f"{self.window.start.isoformat()} 至 {self.window.end.isoformat()}"

    @property
    def as_of_note(self) -> str:
        return f"状态截至 {self.as_of.isoformat()}"

    @property
    def is_open(self) -> bool:
        return self.state is WindowState.OPEN


def window_status(window: Window, as_of: date) -> WindowStatus:
    if as_of < window.start:
        return WindowStatus(window, as_of, WindowState.UPCOMING, 0)
    if as_of > window.end:
        return WindowStatus(window, as_of, WindowState.CLOSED, 0)
    return WindowStatus(window, as_of, WindowState.OPEN, (window.end - as_of).days + 1)


def effective_window(record: Disclosable) -> Window | None:
    """The window in force: the latest 重新公示 restarts it, else the record's own."""
    restarts = [c for c in record.changes if c.kind == "重新公示" and c.window is not None]
    if restarts:
        return max(restarts, key=lambda c: c.date).window
    return record.window


def record_window_status(record: Disclosable, as_of: date) -> WindowStatus | None:
    window = effective_window(record)
    return window_status(window, as_of) if window else None
