"""Ward → Accounts…: who may chart, managed by ward administrators in the window.

The list shows every account; its buttons add one (with a role and a first password),
disable or enable one, reset a password and change a role, each in a small form that
asks why (the reason goes into the audit log, as with ``wardchart user …``). Every change
goes through the session, which decides who may make it (docs/accounts.md); storage
refuses disabling, or making a nurse of, the last enabled ward administrator.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.users import MIN_PASSWORD, ROLE_NAMES, ROLES, User
from wardchart.i18n import translate
from wardchart.ui.dialogs.form import FormDialog, announce
from wardchart.ui.session import ChartSession

COLUMNS = ("User name", "Name", "Initials", "Role", "State")


def _columns() -> list[str]:
    return [
        translate("AccountsDialog", "User name"),
        translate("AccountsDialog", "Name"),
        translate("AccountsDialog", "Initials"),
        translate("AccountsDialog", "Role"),
        translate("AccountsDialog", "State"),
    ]


def _title(what: str) -> str:
    """The title of each change's form, with ``{user}`` to fill in."""
    return {
        "disable": translate("AccountsDialog", "Disable the account {user}"),
        "enable": translate("AccountsDialog", "Enable the account {user}"),
        "password": translate("AccountsDialog", "Reset the password of {user}"),
        "role": translate("AccountsDialog", "Change the role of {user}"),
    }[what]


def _role_name(role: str) -> str:
    return i18n.shown(ROLE_NAMES.get(role, role))


def _different_passwords() -> str:
    return translate("AccountsDialog", "the two passwords differ")


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(
        translate("AccountsDialog", "at least {count} characters").format(count=MIN_PASSWORD)
    )
    return edit


def _role_box(current: str = "nurse") -> QComboBox:
    box = QComboBox()
    for role in ROLES:
        box.addItem(_role_name(role), role)
    box.setCurrentIndex(list(ROLES).index(current) if current in ROLES else 0)
    return box


class AddAccountDialog(FormDialog):
    """A new account: user name, name, initials, role and a first password typed twice."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("AccountsDialog", "Add an account"), parent, session.now)
        self.session = session
        self.added: User | None = None
        first = not session.has_accounts()
        self.add_field(
            "username",
            translate("AccountsDialog", "User name:"),
            QLineEdit(
                placeholderText=translate(
                    "AccountsDialog", "e.g. akim: lower-case letters and digits"
                )
            ),
        )
        self.add_field(
            "full_name",
            translate("AccountsDialog", "Full name:"),
            QLineEdit(placeholderText=translate("AccountsDialog", "e.g. Anna Kim")),
        )
        self.add_field(
            "initials",
            translate("AccountsDialog", "Initials:"),
            QLineEdit(placeholderText=translate("AccountsDialog", "1–4 letters")),
        )
        self.role = _role_box("admin" if first else "nurse")
        self.add_field(
            "role",
            translate("AccountsDialog", "Role:"),
            self.role,
            translate("AccountsDialog", "A ward administrator manages the ward"),
        )
        self.add_field("password", translate("AccountsDialog", "Password:"), _password_edit())
        self.add_field(
            "password_again", translate("AccountsDialog", "Password again:"), _password_edit()
        )
        if first:
            self.form.insertRow(
                0,
                QLabel(
                    translate(
                        "AccountsDialog",
                        "This chart file has no accounts yet: the first must be a ward "
                        "administrator. From then on everyone signs in.",
                    )
                ),
            )

    def submit(self, _confirmed: bool) -> None:
        password = self._secret("password")
        if password != self._secret("password_again"):
            raise InvalidEntry([Problem("password_again", _different_passwords())])
        self.added = self.session.add_account(
            username=self.text("username"),
            full_name=self.text("full_name"),
            initials=self.text("initials"),
            role=str(self.role.currentData()),
            password=password,
        )

    def _secret(self, name: str) -> str:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()  # as typed: spaces are part of a password


class ChangeAccountDialog(FormDialog):
    """One change to an account, with the reason: "disable", "enable", "password" (a new
    one typed twice) or "role"."""

    def __init__(
        self, session: ChartSession, user: User, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(_title(what).format(user=user.username), parent, session.now)
        self.session, self.user, self.what = session, user, what
        self.changed: User | None = None
        explain = {
            "disable": translate(
                "AccountsDialog",
                "{name} can no longer sign in. Their entries stay attributed to them; "
                "nothing is deleted.",
            ),
            "enable": translate("AccountsDialog", "{name} can sign in again."),
            "password": translate(
                "AccountsDialog",
                "Give {name} the new password; they can change it themselves with "
                "wardchart user password.",
            ),
            "role": translate(
                "AccountsDialog",
                "A ward administrator manages accounts, ward settings and the regimen "
                "library; a nurse charts.",
            ),
        }[what].format(name=user.full_name)
        note = QLabel(explain)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.role: QComboBox | None = None
        if what == "password":
            self.add_field(
                "password", translate("AccountsDialog", "New password:"), _password_edit()
            )
            self.add_field(
                "password_again", translate("AccountsDialog", "Password again:"), _password_edit()
            )
        elif what == "role":
            self.role = _role_box("nurse" if user.role == "admin" else "admin")
            self.add_field("role", translate("AccountsDialog", "New role:"), self.role)
        self.add_field(
            "reason",
            translate("AccountsDialog", "Reason:"),
            QLineEdit(
                placeholderText=translate("AccountsDialog", "for the audit log, e.g. left the ward")
            ),
        )

    def submit(self, _confirmed: bool) -> None:
        password: str | None = None
        if self.what == "password":
            password = self._secret("password")
            if password != self._secret("password_again"):
                raise InvalidEntry([Problem("password_again", _different_passwords())])
        self.changed = self.session.change_account(
            self.user.username,
            reason=self.text("reason"),
            password=password,
            disabled={"disable": True, "enable": False}.get(self.what),
            role=None if self.role is None else str(self.role.currentData()),
        )

    def _secret(self, name: str) -> str:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()


class AccountsDialog(QDialog):
    """Every account, and the buttons that change them."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("AccountsDialog", "Accounts"))
        self.setAccessibleName(translate("AccountsDialog", "Accounts"))
        self.setMinimumWidth(760)
        self.users: list[User] = []
        self.child: FormDialog | None = None
        intro = QLabel(
            translate(
                "AccountsDialog",
                "Everyone charting signs in with their own account. Only ward administrators "
                "manage accounts; every change is recorded in the audit log with its reason. "
                "A disabled account's entries stay attributed to it, and the last enabled ward "
                "administrator can be neither disabled nor made a nurse.",
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(translate("AccountsDialog", "Accounts, by user name"))
        self.table.setHorizontalHeaderLabels(_columns())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("AccountsDialog", "What happened"))
        self.add_button = QPushButton(translate("AccountsDialog", "&Add account…"))
        self.disable_button = QPushButton(translate("AccountsDialog", "&Disable…"))
        self.enable_button = QPushButton(translate("AccountsDialog", "&Enable…"))
        self.password_button = QPushButton(translate("AccountsDialog", "Reset &password…"))
        self.role_button = QPushButton(translate("AccountsDialog", "Change &role…"))
        self.close_button = QPushButton(translate("AccountsDialog", "&Close"))
        self.add_button.clicked.connect(self.add)
        self.disable_button.clicked.connect(lambda: self.change("disable"))
        self.enable_button.clicked.connect(lambda: self.change("enable"))
        self.password_button.clicked.connect(lambda: self.change("password"))
        self.role_button.clicked.connect(lambda: self.change("role"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.disable_button,
            self.enable_button,
            self.password_button,
            self.role_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """The list has the keyboard: arrows choose an account, Alt+letter acts on it."""
        super().showEvent(event)
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def refresh(self, select: str = "") -> None:
        """Read the accounts again, keeping (or moving to) the selected one."""
        keep = select or self.selected_username()
        self.users = self.session.accounts()
        self.table.setRowCount(len(self.users))
        for r, user in enumerate(self.users):
            cells = (
                user.username,
                user.full_name,
                user.initials,
                _role_name(user.role),
                translate("AccountsDialog", "disabled")
                if user.disabled
                else translate("AccountsDialog", "can sign in"),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        names = [u.username for u in self.users]
        if self.users:
            self.table.selectRow(names.index(keep) if keep in names else 0)
        self._enable_buttons()

    def selected(self) -> User | None:
        """The account selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def selected_username(self) -> str:
        user = self.selected()
        return "" if user is None else user.username

    def _enable_buttons(self) -> None:
        user = self.selected()
        self.disable_button.setEnabled(user is not None and not user.disabled)
        self.enable_button.setEnabled(user is not None and user.disabled)
        for button in (self.password_button, self.role_button):
            button.setEnabled(user is not None)

    def add(self) -> FormDialog:
        """Add an account (a form of its own)."""
        dialog = AddAccountDialog(self.session, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.added is not None:
                added = dialog.added
                self.refresh(added.username)
                self.say(
                    translate("AccountsDialog", "Added {user} ({role}).").format(
                        user=added.username, role=_role_name(added.role)
                    )
                )

        return self._open(dialog, finished)

    def change(self, what: str) -> FormDialog | None:
        """Disable, enable, reset the password of, or change the role of the selected
        account (a form of its own, asking why)."""
        user = self.selected()
        if user is None:
            self.say(translate("AccountsDialog", "Select an account first."))
            return None
        dialog = ChangeAccountDialog(self.session, user, what, self)
        done = {
            "disable": translate("AccountsDialog", "Disabled {user}: they can no longer sign in."),
            "enable": translate("AccountsDialog", "Enabled {user}: they can sign in again."),
            "password": translate("AccountsDialog", "New password set for {user}."),
            "role": translate("AccountsDialog", "{user} is now a {role}."),
        }[what]

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.changed is not None:
                changed = dialog.changed
                self.refresh(changed.username)
                self.say(done.format(user=changed.username, role=_role_name(changed.role)))

        return self._open(dialog, finished)

    def _open(self, dialog: FormDialog, finished: Callable[[int], None]) -> FormDialog:
        def back(result: int) -> None:
            finished(result)
            self.back_to_list()

        dialog.finished.connect(back)
        self.child = dialog
        dialog.open()
        return dialog

    def back_to_list(self) -> None:
        """A form closed: the keys go back to the list."""
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def say(self, text: str) -> None:
        """Show what happened under the list (and tell a screen reader)."""
        self.message.setText(text)
        announce(self.message)
