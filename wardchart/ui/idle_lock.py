"""Noticing that nobody has used the window for a while (automatic lock).

Any key press, click or wheel turn in the application counts as use. Mouse movement does
not: a cursor nudged by a passing trolley must not keep patient data on screen. Use is
watched from the first second after the start (the idle timer's first tick): every event
of the application passes through the watch, and the window's start alone makes
thousands (benchmarks/README.md).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_USE = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatch(QObject):
    """Emits ``idle`` once when no use was seen for ``limit_s`` seconds; again only after
    ``restart()``."""

    idle = Signal()

    def __init__(self, limit_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_s = limit_s
        self._last = time.monotonic()
        self._fired = False
        self._watching = False
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._check)

    def start(self) -> None:
        """Begin watching (from now)."""
        self.restart()
        self.timer.start()

    def restart(self) -> None:
        """Count from now again (after an unlock)."""
        self._last, self._fired = time.monotonic(), False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _USE:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if not self._watching:
            # Use is watched from the first tick, a second after the start: the thousands
            # of events of the window's start (polish, layout, paint) are not all passed
            # through Python for nothing.
            self._watching = True
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)
        if not self._fired and time.monotonic() - self._last >= self.limit_s:
            self._fired = True
            self.idle.emit()
