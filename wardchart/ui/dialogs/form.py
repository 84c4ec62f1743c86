"""A dialog with fields, messages beside the fields, a confirm box for warnings, and Save.

Nothing is saved until ``submit`` succeeds: it raises ``InvalidEntry`` with problems
named by field, and the dialog shows each next to its field in words a nurse reads.
Enter saves, Esc cancels.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.timeparse import as_aware
from wardchart.storage.errors import ChartFileError

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"


class FormDialog(QDialog):
    """Base for every charting dialog."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(620)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.confirm = QCheckBox("I have checked these values: save them anyway")
        self.confirm.setAccessibleName("Confirm the values flagged above")
        self.confirm.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    # --- building -----------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add a labelled field with a message line under it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = QLabel()
        message.setWordWrap(True)
        message.hide()
        column.addWidget(message)
        if hint:
            widget.setToolTip(hint)
        widget.setAccessibleName(label.rstrip(":"))
        self.form.addRow(label, holder)
        self.fields[name] = widget
        self.messages[name] = message
        return widget

    @staticmethod
    def number_edit(placeholder: str = "") -> QLineEdit:
        """A text box for a number (parsed by the same rules as the command line)."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def time_edit(value: datetime) -> QDateTimeEdit:
        """A 24-hour date-time box."""
        local = value.astimezone()
        edit = QDateTimeEdit(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    @staticmethod
    def date_edit(value: date) -> QDateEdit:
        """A date box."""
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    # --- reading ------------------------------------------------------------------------

    def text(self, name: str) -> str:
        """A line edit's text."""
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def when(self, name: str) -> datetime:
        """A date-time box's value as an aware local time."""
        widget = self.fields[name]
        assert isinstance(widget, QDateTimeEdit)
        value = widget.dateTime().toPython()
        assert isinstance(value, datetime)
        return as_aware(value.replace(second=0, microsecond=0))

    def day(self, name: str) -> date:
        """A date box's value."""
        widget = self.fields[name]
        assert isinstance(widget, QDateEdit)
        value = widget.date().toPython()
        assert isinstance(value, date)
        return value

    # --- saving -------------------------------------------------------------------------

    def submit(self, confirmed: bool) -> None:
        """Check and save; raise ``InvalidEntry`` to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        """Save if the entry is valid; otherwise show why, beside each field."""
        try:
            self.submit(self.confirm.isVisible() and self.confirm.isChecked())
        except InvalidEntry as error:
            self.show_problems(error.problems)
            return
        except ChartFileError as error:  # disk full, read-only, locked: keep what was typed
            self.show_problems(
                [
                    Problem(
                        "file",
                        f"Not saved — {error}. What you typed is still here; try again or call IT.",
                    )
                ]
            )
            return
        super().accept()

    def show_problems(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        """Show each problem beside its field; warnings bring up the confirm box."""
        for message in self.messages.values():
            message.hide()
        general: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            prefix = "Check: " if problem.severity == "warning" else ""
            label = self.messages.get(problem.field)
            if label is None:
                general.append(prefix + problem.message)
                continue
            label.setText(prefix + problem.message)
            label.setStyleSheet(WARNING_STYLE if problem.severity == "warning" else ERROR_STYLE)
            label.show()
            first = first or self.fields[problem.field]
        warnings_only = all(p.severity == "warning" for p in problems)
        self.confirm.setVisible(warnings_only)
        if not warnings_only:
            self.confirm.setChecked(False)
        self.banner.setText("\n".join(general))
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setVisible(bool(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def message(self, name: str) -> str:
        """The message shown beside a field ("" if none): for tests and screen readers."""
        label = self.messages[name]
        return "" if label.isHidden() else label.text()
