"""How wide a table's plain text cell is, measured as Qt's own item delegate measures it.

Qt's ``sizeHintForColumn`` asks the model for every cell, role by role, through Python
(the census's first 40 lines: some 3,200 calls, ~17 ms on the way to the first chart); the
tables here show plain text, some rows bold, so the width is the text's advance (and what
its last letter overhangs it) rounded up, the style's text margin on either side and the
grid line (tests compare every column with Qt's own answer, in several fonts and sizes).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

#: Texts measured that a ``CellWidths`` remembers, at most (then it starts again).
REMEMBERED = 4096


class CellWidths:
    """Widths of text cells in ``view``, in its font or bold, each text measured once (a
    table refilled for the next patient shows many of the same texts: grades, sources,
    names, days). Made again when the view's font or style changes."""

    def __init__(self, view: QTableView) -> None:
        self._known: dict[tuple[str, bool], int] = {}
        font = view.font()
        bold = QFont(font)
        bold.setBold(True)
        self._metrics = (QFontMetricsF(font), QFontMetricsF(bold))
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._extra = 2 * margin + int(view.showGrid())

    def width(self, text: str, *, bold: bool = False) -> int:
        """The width a cell showing ``text`` asks for (an empty one: its margins)."""
        known = self._known.get((text, bold))
        if known is None:
            if len(self._known) >= REMEMBERED:
                self._known.clear()
            known = self._known[text, bold] = self._measure(text, bold)
        return known

    def _measure(self, text: str, bold: bool) -> int:
        metrics = self._metrics[bold]
        natural = metrics.horizontalAdvance(text)
        if text:  # Qt's text layout makes room for a last letter that overhangs its advance
            natural += max(0.0, -metrics.rightBearing(text[-1]))
        return math.ceil(natural) + self._extra
