"""The lock screen: patient data hidden after a time without use (or when the chart file
was replaced by another program), and signing in again.

Dialogs open at the lock are hidden, not closed: the same nurse signing in again gets them
back as they were; anyone else's sign-in, or closing wardchart, discards them unsaved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wardchart.i18n import translate
from wardchart.ui.actions import STAY_ENABLED_WHEN_LOCKED
from wardchart.ui.dialogs.opening import open_until_done

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QSplitter

    from wardchart.ui.actions import WindowActions
    from wardchart.ui.idle_lock import IdleWatch
    from wardchart.ui.session import ChartSession

    _Window = QMainWindow
else:
    _Window = object


class LockScreen(QWidget):
    """The page put in place of the census and patient view: a message and one button."""

    def __init__(self, slot: Callable[[], object]) -> None:
        from PySide6.QtCore import Qt  # not at the top: see the main window's "Opening…"

        super().__init__()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 14pt; padding: 40px")
        self.button = QPushButton(translate("LockScreen", "Sign in…"))
        self.button.clicked.connect(slot)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()


class LockingWindow(_Window):
    """The main window's lock: what it hides, and who may bring it back."""

    session: ChartSession | None
    views_built: bool
    splitter: QSplitter
    action_table: WindowActions
    idle_watch: IdleWatch
    refresh_timer: QTimer
    watch_timer: QTimer
    backup_timer: QTimer
    inbox_timer: QTimer
    inbox_soon: QTimer
    inbox_next: QTimer
    lock_page: LockScreen
    lock_text: QLabel
    unlock_button: QPushButton
    held_dialogs: list[QDialog]
    held_for: str
    discarded_box: QMessageBox | None

    if TYPE_CHECKING:
        reopen_requested: SignalInstance

        def refresh(self) -> None: ...
        def _show_status(self) -> None: ...
        def _has_patient(self) -> bool: ...

    def switch_user(self) -> None:
        """File → Switch user…: another nurse takes over the shared workstation."""
        if self.session is None:
            return
        from wardchart.ui.dialogs.sign_in import ask_sign_in

        if not self.session.has_accounts():
            QMessageBox.information(
                self,
                translate("LockScreen", "Switch user"),
                translate(
                    "LockScreen",
                    "This chart file has no accounts yet, so entries are recorded as "
                    "{actor}.\n\nA ward administrator adds accounts under "
                    "Ward → Accounts… or with wardchart user add (see docs/accounts.md).",
                ).format(actor=self.session.actor),
            )
            return
        account = ask_sign_in(
            self.session.store,
            self.session.now,
            self,
            username=self.session.actor if self.locked else "",
        )
        if account is None:
            return
        if self.locked:
            self.unlock(account.username)
        else:
            self.session.signed_in(account)
            self._show_status()

    @property
    def locked(self) -> bool:
        """Whether patient data is hidden behind the lock screen."""
        return self.views_built and self.centralWidget() is self.lock_page

    def lock(self) -> None:
        """Hide every patient until someone signs in (only on a file with accounts:
        without them there is nobody to sign in as). Open dialogs are hidden, not closed:
        what was typed in them comes back when the same nurse signs in again."""
        if self.session is None or self.locked:
            return
        if not self.session.has_accounts():
            # Idle again from now: accounts added later (here, or merged or synced in)
            # lock the window one idle time on, not only after a restart.
            self.idle_watch.restart()
            return
        self.held_dialogs = open_dialogs()
        self.held_for = self.session.actor
        for dialog in reversed(self.held_dialogs):  # dialogs show patient data too
            dialog.hide()
        minutes = self.session.settings.lock_after_minutes
        unsaved = unsaved_entries(self.held_dialogs)
        if unsaved:
            kept = (
                translate(
                    "LockScreen",
                    "1 entry not yet saved ({entries}) is kept for {nurse} until they sign in "
                    "again. If someone else signs in or wardchart is closed, it is discarded, "
                    "never saved.",
                )
                if len(unsaved) == 1
                else translate(
                    "LockScreen",
                    "{count} entries not yet saved ({entries}) are kept for {nurse} until they "
                    "sign in again. If someone else signs in or wardchart is closed, they are "
                    "discarded, never saved.",
                )
            ).format(count=len(unsaved), entries="; ".join(unsaved), nurse=self.held_for)
        else:
            kept = translate("LockScreen", "Nothing typed is waiting to be saved.")
        self.lock_text.setText(
            "<center>{}</center>".format(
                (
                    translate(
                        "LockScreen",
                        "<b>wardchart is locked</b><br><br>Patient data is hidden after 1 "
                        "minute without use. {kept}<br><br>Sign in to continue (Ctrl+Shift+S).",
                    )
                    if minutes == 1
                    else translate(
                        "LockScreen",
                        "<b>wardchart is locked</b><br><br>Patient data is hidden after "
                        "{minutes} minutes without use. {kept}<br><br>Sign in to continue "
                        "(Ctrl+Shift+S).",
                    )
                ).format(minutes=minutes, kept=_escape(kept))
            )
        )
        self._hide_chart_views(
            translate("LockScreen", "Sign in…"), self.switch_user, STAY_ENABLED_WHEN_LOCKED
        )
        self.idle_watch.timer.stop()

    def _drop_held_dialogs(self) -> list[str]:
        """Close the dialogs hidden behind the lock without saving them; what was typed
        in them, described for the notice that says so."""
        held, self.held_dialogs = _still_there(self.held_dialogs), []
        unsaved = unsaved_entries(held)
        for dialog in reversed(held):
            if shiboken6.isValid(dialog):  # not gone with the dialog it belonged to
                dialog.reject()
        return [
            translate("LockScreen", "an unsaved entry ({what}) by {nurse}").format(
                what=what, nurse=self.held_for
            )
            for what in unsaved
        ]

    def _file_replaced(self) -> None:
        """Another program put a new file where ours was: what is on screen may be out of
        date and nothing can be saved to it, so hide it and ask to open the file again."""
        session, self.session = self.session, None
        for timer in (
            self.refresh_timer,
            self.watch_timer,
            self.backup_timer,
            self.inbox_timer,
            self.inbox_soon,
            self.inbox_next,
        ):
            timer.stop()
        self.idle_watch.timer.stop()
        if session is not None:
            session.close()
        if not self.held_dialogs and session is not None:
            self.held_dialogs, self.held_for = open_dialogs(), session.actor
        discarded = self._drop_held_dialogs()
        lost = (
            translate("LockScreen", "{entries} could not be saved to it and was discarded.").format(
                entries=_escape("; ".join(discarded))
            )
            if discarded
            else translate("LockScreen", "nothing was lost.")
        )
        self.lock_text.setText(
            "<center>{}</center>".format(
                translate(
                    "LockScreen",
                    "<b>The chart file was replaced by another program</b><br><br>"
                    "(encrypted, decrypted or copied over). What was shown may be out of date, "
                    "so it is hidden; {lost}<br><br>Open the file again to continue.",
                ).format(lost=lost)
            )
        )
        self._hide_chart_views(
            translate("LockScreen", "Open it again…"), self.reopen_requested.emit, {"quit"}
        )

    def _hide_chart_views(
        self, button: str, slot: Callable[[], object], enabled: Iterable[str]
    ) -> None:
        """Put the lock page (already worded) where census and patient view were; its
        button does ``slot``; only the ``enabled`` actions work meanwhile."""
        self.unlock_button.setText(button)
        self.unlock_button.clicked.disconnect()
        self.unlock_button.clicked.connect(slot)
        if self.centralWidget() is not self.lock_page:
            self.takeCentralWidget()  # the census and patient view, kept to come back
            self.setCentralWidget(self.lock_page)
        self.lock_page.show()
        self.action_table.only(enabled)
        self.unlock_button.setFocus()

    def _show_chart_views(self) -> None:
        """Census and patient view back in place of the lock page, every action back."""
        self.takeCentralWidget()  # the lock page, kept for next time
        self.setCentralWidget(self.splitter)
        self.splitter.show()
        self.action_table.all_back(self._has_patient())

    def unlock(self, username: str) -> None:
        """Show the chart again, charting as ``username`` (a signed-in account)."""
        if self.session is None or not self.locked:
            return
        self.session.charting_as(username)
        self._show_chart_views()
        self._show_status()
        self.idle_watch.start()
        self.refresh()
        if username == self.held_for:  # the same nurse: every dialog back as it was
            held, self.held_dialogs = _still_there(self.held_dialogs), []
            if held:
                self.activateWindow()  # the dialogs belong to this window
            for dialog in held:
                dialog.show()
            if held:  # the keys go where they went before the lock
                held[-1].activateWindow()
            return
        from PySide6.QtCore import Qt

        discarded = self._drop_held_dialogs()  # never saved under another nurse's name
        if discarded:
            notice = translate(
                "LockScreen", "{entries} was discarded at the lock, not saved."
            ).format(entries="; ".join(discarded))
            notice = notice[0].upper() + notice[1:]
            self.statusBar().showMessage(notice)
            box = QMessageBox(
                QMessageBox.Icon.Warning, translate("LockScreen", "Not saved"), notice, parent=self
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            self.discarded_box = box
            open_until_done(box)


def _still_there(dialogs: list[QDialog]) -> list[QDialog]:
    """The held dialogs that still exist. A dialog that waited for an answer in a loop of
    its own (Qt's question boxes, its file and print dialogs) ended its wait when the lock
    hid it, as if cancelled, and was deleted by the code that asked."""
    return [dialog for dialog in dialogs if shiboken6.isValid(dialog)]


def open_dialogs() -> list[QDialog]:
    """Every dialog on screen, each after the dialog it belongs to."""

    def depth(dialog: QDialog) -> int:
        parent, n = dialog.parentWidget(), 0
        while parent is not None:
            n, parent = n + 1, parent.parentWidget()
        return n

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return sorted(shown, key=depth)


def unsaved_entries(dialogs: list[QDialog]) -> list[str]:
    """Which of these dialogs hold typed content (by their titles: kind and patient)."""
    from wardchart.ui.dialogs.form import FormDialog

    return [d.windowTitle() for d in dialogs if isinstance(d, FormDialog) and d.has_typed_content()]


def _escape(text: str) -> str:
    """Text for rich text (the ``html`` module is not loaded before the window shows)."""
    from html import escape

    return escape(text)
