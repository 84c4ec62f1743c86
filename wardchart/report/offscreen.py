"""Qt for printing without a display: the offscreen platform, quietly."""

from __future__ import annotations

import os
import sys


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's harmless "propagateSizeHints" notice so a command
    prints only what it means to; every other message passes."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def qt_for_printing() -> None:
    """Printing needs Qt but never a display: an application on the offscreen platform
    (unless one is running already)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from wardchart.plot.painting_threads import paint_on_one_thread

    quiet_offscreen_warnings()
    if QApplication.instance() is None:
        paint_on_one_thread()
        QApplication(["wardchart"])
