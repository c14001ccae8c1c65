"""QR codes as a module matrix, drawn by the page composer as vector squares.

Error correction M (15 % of the code may be soiled or torn) is the floor the
posters issue sets; the quiet zone of four modules is part of what is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M, ERROR_CORRECT_Q

QUIET_MODULES = 4
LEVELS = {"M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}


@dataclass(frozen=True)
class QrMatrix:
    rows: tuple[tuple[bool, ...], ...]     # the symbol only, without the quiet zone

    @property
    def size(self) -> int:
        return len(self.rows)

    def runs(self) -> list[tuple[int, int, int]]:
        """Dark modules merged into horizontal runs (row, first column, length): fewer
        shapes to draw, and no hairline seams between neighbours."""
        found = []
        for r, row in enumerate(self.rows):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    found.append((r, start, c - start))
                else:
                    c += 1
        return found


def qr_matrix(data: str, level: str = "M") -> QrMatrix:
    if level not in LEVELS:
        raise ValueError(f"二维码纠错等级应为 M、Q 或 H，而不是“{level}”")
    code = qrcode.QRCode(error_correction=LEVELS[level], border=0)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    return QrMatrix(tuple(tuple(bool(v) for v in row) for row in code.get_matrix()))
