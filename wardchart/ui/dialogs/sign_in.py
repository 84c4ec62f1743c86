"""Sign in: who is charting, before any patient data is shown.

Wrong passwords are audited by storage; after a few in a row the Sign in button stays
disabled for the wait storage asks for, so nobody can hammer at it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.users import User
from wardchart.i18n import translate
from wardchart.storage import users
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import ChartFileError
from wardchart.ui import colours
from wardchart.ui.dialogs.form import announce


class SignInDialog(QDialog):
    """User name and password; ``user`` is set when the dialog is accepted."""

    def __init__(
        self,
        store: ChartStore,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        username: str = "",
        why: str = "",
    ) -> None:
        super().__init__(parent)
        self.store, self.clock = store, clock
        self.user: User | None = None
        self.setWindowTitle(translate("SignInDialog", "Sign in to wardchart"))
        self.setMinimumWidth(440)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(translate("SignInDialog", "User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("SignInDialog", "Password"))
        self.message = QLabel(why)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(colours.style(colours.error_text()))
        self.message.setAccessibleName(translate("SignInDialog", "Sign-in message"))
        self.message.setAccessibleDescription(why)
        form = QFormLayout()
        form.addRow(translate("SignInDialog", "&User name"), self.username)
        form.addRow(translate("SignInDialog", "&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(translate("SignInDialog", "Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate("SignInDialog", "Sign in to see and chart the patients in\n{path}").format(
                path=store.path
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> None:
        """Check the password; stay open with the reason if it is refused."""
        try:
            self.user = users.sign_in(
                self.store, self.username.text(), self.password.text(), now=self.clock()
            )
        except (InvalidEntry, ChartFileError) as error:
            reason = error.first.message if isinstance(error, InvalidEntry) else error
            text = i18n.shown(reason)
            self.message.setText(text[:1].upper() + text[1:] + ".")
            self.message.setAccessibleDescription(self.message.text())
            self.password.setAccessibleDescription(self.message.text())
            announce(self.message)
            self.password.clear()
            self.password.setFocus()
            if isinstance(error, users.SignInTooSoon):
                self._hold(error.wait)
            return
        self.accept()

    def _hold(self, seconds: int) -> None:
        self.sign_in_button.setEnabled(False)
        QTimer.singleShot(seconds * 1000, lambda: self.sign_in_button.setEnabled(True))


def ask_sign_in(
    store: ChartStore,
    clock: Callable[[], datetime],
    parent: QWidget | None,
    *,
    username: str = "",
    why: str = "",
) -> User | None:
    """Show the sign-in dialog; the account, or None if it was cancelled."""
    dialog = SignInDialog(store, clock, parent, username=username, why=why)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None
