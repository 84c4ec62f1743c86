"""Noticing that nobody has used the window for a while (automatic lock).

Any key press (one that triggers a shortcut too), click or wheel turn in the application
counts as use. Mouse movement does not: a cursor nudged by a passing trolley must not keep
patient data on screen.

Use is watched where it arrives: every key press, click and wheel turn from the system
comes to a window (the main window, a dialog, a menu; a widget with a native window of its
own) before Qt hands it to a widget. Watching each window, rather than the whole
application, keeps the thousands of events Qt sends to widgets (paint, layout, timers) out
of Python: an application-wide watch cost half a millisecond of every patient selected
(benchmarks/README.md, "A seventh pass"). A window is watched from when it takes the
focus, and every window from the next tick of the once-a-second check at the latest.

Time idle is counted on a clock that runs while the computer is suspended (Linux's boot
clock): a laptop closed on a patient's chart and opened an hour later locks at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_USE = {
    QEvent.Type.KeyPress,
    # A key that triggers a shortcut (F5, an arrow bound window-wide) reaches the window
    # only as this: Qt sends it no KeyPress.
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def awake_and_asleep() -> float:
    """Seconds on a clock that also runs while the computer is suspended, where there is
    one (Linux); elsewhere the monotonic clock (on Windows, Python 3.11 reads it from
    ``GetTickCount64``, which counts sleep too; macOS's is not checked)."""
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boot) if boot is not None else time.monotonic()


class IdleWatch(QObject):
    """Emits ``idle`` once when no use was seen for ``limit_s`` seconds; again only after
    ``restart()``."""

    idle = Signal()

    def __init__(self, limit_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_s = limit_s
        self._last = awake_and_asleep()
        self._fired = False
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._check)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._watch)

    def start(self) -> None:
        """Begin watching (from now)."""
        self.restart()
        self._watch_every_window()
        self.timer.start()

    def restart(self) -> None:
        """Count from now again (after an unlock, or an idle time that locked nothing)."""
        self._last, self._fired = awake_and_asleep(), False

    def idle_for(self) -> float:
        """Seconds since the last use seen."""
        return awake_and_asleep() - self._last

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _USE:
            self._last = awake_and_asleep()
        return False

    def _watch(self, window: QWindow | None) -> None:
        # Installing a watch twice leaves one (Qt moves it to the front of the list).
        if window is not None:
            window.installEventFilter(self)

    def _watch_every_window(self) -> None:
        for window in QGuiApplication.allWindows():  # a native child's clicks come to it
            self._watch(window)

    def _check(self) -> None:
        self._watch_every_window()  # a window opened without taking the focus
        if not self._fired and self.idle_for() >= self.limit_s:
            self._fired = True
            self.idle.emit()
