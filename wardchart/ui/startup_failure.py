"""When the window cannot start on its chart file: a dialog with the reason and what to do.

Started from a menu (or as the Windows program without a console) nobody sees the
command line's one line on stderr, so the window says it before the program ends; the
line on stderr is still printed for a terminal and for scripts.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import shown, translate

TITLE = QT_TRANSLATE_NOOP("StartupFailure", "wardchart cannot open the chart file")


def advice_for(reason: object) -> str:
    """What a nurse or IT can do about ``reason`` (the command line's message, read in
    English: a translated message keeps its English text), in the language in use."""
    text = str(reason).lower()
    if "machine configuration" in text or "fixed for this computer" in text:
        return translate(
            "StartupFailure",
            "This computer's wardchart configuration (set up by IT) does not allow this. "
            "Ask IT to check the machine configuration file named above.",
        )
    if "newer wardchart" in text:
        return translate(
            "StartupFailure",
            "The chart was written by a newer version of wardchart. Install that version "
            "(or a newer one) on this computer. The file was left untouched.",
        )
    if "network" in text:
        return translate(
            "StartupFailure",
            "Keep the chart on this computer's own disk. To share one chart between "
            "computers, IT sets up the ward hub.",
        )
    if "passphrase" in text or "encrypted" in text:
        return translate(
            "StartupFailure",
            "If the chart is encrypted, start wardchart again and type its passphrase. "
            "If it is not, it may be damaged: ask IT to restore the latest backup.",
        )
    if "permission" in text or "not permitted" in text or "read-only" in text:
        return translate(
            "StartupFailure",
            "Your login may not read or write this file or its folder. Ask IT to give "
            "your login access to it (on a shared workstation, through the ward's group).",
        )
    if "damaged" in text or "not a wardchart" in text or "malformed" in text:
        return translate(
            "StartupFailure",
            "The file is damaged or is not a wardchart chart. It was left as it is. Ask IT "
            "to restore the latest verified backup (wardchart restore; see the README).",
        )
    if "no chart file" in text or "folder" in text:
        return translate(
            "StartupFailure",
            "Check that the chart file's folder exists and is reachable, or ask IT.",
        )
    return translate("StartupFailure", "Nothing was changed. Ask IT, and give them this message.")


def show_startup_failure(reason: object, parent: QWidget | None = None) -> None:
    """Show the reason and the advice, and wait for the nurse to close the dialog."""
    from wardchart.logs import log_folder

    if QApplication.instance() is None:
        from wardchart.plot.painting_threads import paint_on_one_thread

        paint_on_one_thread()
        QApplication([sys.argv[0]])
    box = QMessageBox(
        QMessageBox.Icon.Critical, shown(TITLE), shown(reason), QMessageBox.StandardButton.Ok
    )
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    box.setObjectName("startup_failure")
    box.setInformativeText(
        translate("StartupFailure", "{advice}\n\nThe program's log is in {folder}.").format(
            advice=advice_for(reason), folder=log_folder()
        )
    )
    box.exec()
