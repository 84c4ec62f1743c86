"""A dialog of the main window is deleted once it is done: the window lives a whole shift,
and each dialog kept hidden held its memory (a print preview some 1.7 MB)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from wardchart.ui.main_window import MainWindow

OPENERS: dict[str, Callable[[MainWindow], object]] = {
    "CBC": lambda w: w.open_cbc(),
    "temperature": lambda w: w.open_temperature(),
    "print preview": lambda w: w.print_patient("preview"),
    "print": lambda w: w.print_patient("print"),
    "backups": lambda w: w.open_backups(),
    "admit": lambda w: w.open_admit(),
}


def _gone_after(window: MainWindow, finish: Callable[[QDialog], None], which: str) -> bool:
    window.census.table.selectRow(0)
    dialog = OPENERS[which](window)
    assert isinstance(dialog, QDialog)
    assert dialog.isVisible()
    finish(dialog)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    return not shiboken6.isValid(dialog)


@pytest.mark.parametrize("which", OPENERS)
def test_a_dialog_cancelled_is_deleted(window: MainWindow, which: str) -> None:
    assert _gone_after(window, lambda d: d.reject(), which)
    left = [d for d in window.findChildren(QDialog) if shiboken6.isValid(d)]
    assert left == []


def test_twenty_previews_leave_nothing_behind(window: MainWindow) -> None:
    for _ in range(20):
        assert _gone_after(window, lambda d: d.reject(), "print preview")
    assert window.findChildren(QDialog) == []


def test_a_dialog_hidden_by_the_lock_is_kept_for_its_nurse(window: MainWindow) -> None:
    """Hidden is not done: the lock hides a dialog, and only its nurse's return (or
    someone else's) ends it."""
    window.census.table.selectRow(0)
    dialog = window.open_cbc()
    assert isinstance(dialog, QDialog)
    dialog.hide()  # as the lock hides it
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert shiboken6.isValid(dialog)
    dialog.show()
    dialog.reject()
