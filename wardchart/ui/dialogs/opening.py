"""Opening a dialog of the main window so that it is gone once it is done.

A dialog made with the main window as its parent lives as long as the window, a whole
shift, unless it is deleted: twenty print previews kept some 34 MB. A dialog opened here
is deleted once it is done (accepted, rejected or closed), after the signals that say so
have been answered. A dialog hidden by the lock is not done: it waits for its nurse.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_until_done(dialog: D) -> D:
    """``dialog.open()``, deleted when done."""
    # Not at import: the first use of ``Qt`` makes PySide6 build its enums (~17 ms), and
    # this module is imported on the way to the window.
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
