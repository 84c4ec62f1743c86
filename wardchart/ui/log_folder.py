"""Help → Show log folder: open the folder holding the program's log (wardchart/logs.py) in
the system's file manager, for IT or for a nurse asked to send it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def show_log_folder() -> bool:
    """Open the log folder (made first if no log was written yet); whether it opened."""
    from wardchart.logs import log_folder

    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
