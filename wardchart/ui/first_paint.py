"""Run something once a widget has been painted for the first time.

Work that can wait (opening the chart file, the backup taken on open) starts only
after the nurse can see the window, whatever order the platform delivers events in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], timeout_ms: int) -> None:
        super().__init__(widget)
        self._widget, self._callback, self._done = widget, callback, False
        widget.installEventFilter(self)
        # A window that is never painted (minimised at start) must still get its work.
        QTimer.singleShot(timeout_ms, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], None], *, timeout_ms: int = 1000
) -> None:
    """Call ``callback`` once, just after ``widget`` is first painted (or after
    ``timeout_ms`` if it is not painted by then)."""
    _FirstPaint(widget, callback, timeout_ms)
