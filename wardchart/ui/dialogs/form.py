"""A dialog with fields, messages beside the fields, a confirm box for warnings, and Save.

Nothing is saved until ``submit`` succeeds: it raises ``InvalidEntry`` with problems
named by field, and the dialog shows each next to its field in words a nurse reads.

The keyboard: the dialog opens with the cursor in its first field; Tab goes through the
fields in the order they are shown, then Save, then Cancel; Enter saves from any field
(Save is the only default button: no button becomes the default by taking focus); Esc,
Cancel and closing the window ask before throwing away anything typed. Dates and times
are plain text typed exactly as shown (YYYY-MM-DD, YYYY-MM-DD HH:MM, 24-hour), checked by
the command line's own parser; see docs/dates-and-times.md.

Warnings: a save with "I have checked these values" ticked goes through only if the
warnings it would confirm are exactly the ones on screen when it was ticked. Any change to
any field unticks and hides the box and clears every message beside the fields, so no
message outlives the values it was about (see docs/plausibility.md).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.timeparse import local_date, parse_date, parse_datetime, shown_local
from wardchart.i18n import translate
from wardchart.storage.errors import ChartFileError
from wardchart.ui import colours

#: Typed into a time field, the current time; into a day-1 field, today's date.
NOW_WORD, TODAY_WORD = "now", "today"


def _now_word() -> str:
    return translate("FormDialog", "now", "typed into a time field for the current time")


def _today_word() -> str:
    return translate("FormDialog", "today", "typed into a date field for today's date")


def _is_word(text: str, word: str) -> bool:
    """Whether ``text`` is ``word`` ("now", "today"), in English or the language in use."""
    typed = text.strip().lower()
    local = _now_word() if word == NOW_WORD else _today_word()
    return typed in (word, local.lower())


def _value(widget: QWidget) -> object:
    """What a field holds, to tell whether anything was typed."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return None


def _when_changed(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the field's value changes, by typing or by choosing."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(lambda _: slot())
    elif isinstance(widget, QComboBox):
        widget.currentTextChanged.connect(lambda _: slot())
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(lambda _: slot())


def _warnings(problems: tuple[Problem, ...] | list[Problem]) -> frozenset[tuple[str, str]] | None:
    """The set of warnings, if the problems are warnings only (else None)."""
    if not problems or any(p.severity != "warning" for p in problems):
        return None
    return frozenset((p.field, p.message) for p in problems)


def key_order(widgets: list[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


def mnemonic_of(text: str) -> str:
    """The letter after a single "&" in a label (lower case), or "" if none."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an "&" before a letter no other label of the dialog uses: the first
    letter of a word if one is free, else any free letter; ``taken`` gains it. A text
    that already has one keeps it."""
    if mnemonic_of(text):
        taken.add(mnemonic_of(text))
        return text
    starts = [m.start() for m in re.finditer(r"\b[A-Za-z]", text)]
    others = [i for i, ch in enumerate(text) if ch.isalpha() and i not in starts]
    for i in [*starts, *others]:
        if text[i].lower() not in taken:
            taken.add(text[i].lower())
            return text[:i] + "&" + text[i:]
    return text  # every letter taken: Tab still reaches it


def announce(label: QLabel) -> None:
    """Tell assistive technology that ``label`` now shows something to read at once."""
    QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.Alert))


def one_default_button(default: QPushButton, *others: QPushButton) -> None:
    """``default`` answers Enter; no button becomes the default by taking focus."""
    for button in (default, *others):
        button.setAutoDefault(False)
    default.setDefault(True)


def day_first() -> bool:
    """Whether dates are also typed day first (26.11.2026): in a window in German, where
    a date is always written so (docs/translations.md, "Typing dates")."""
    return i18n.language() == "de"


class FormDialog(QDialog):
    """Base for every charting dialog."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(620)
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        #: Letters already used as Alt+letter in this dialog.
        self.mnemonics: set[str] = set()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(translate("FormDialog", "Why it was not saved"))
        self.banner.hide()
        confirm_text = with_mnemonic(
            translate("FormDialog", "I have checked these values: save them anyway"), set()
        )
        self.confirm = QCheckBox(confirm_text)
        self.mnemonics.add(mnemonic_of(confirm_text))
        self.confirm.setAccessibleName(translate("FormDialog", "Confirm the values flagged above"))
        self.confirm.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        one_default_button(self.save_button, self.cancel_button)
        for button in (self.save_button, self.cancel_button):
            if mnemonic_of(button.text()):
                self.mnemonics.add(mnemonic_of(button.text()))
        self.discard_box: QMessageBox | None = None
        self._opened_with: dict[str, object] | None = None
        #: The warnings on screen (field, message), the ones a tick confirms; None if none.
        self.shown_warnings: frozenset[tuple[str, str]] | None = None
        self._filling_in = False
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.banner)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    # --- building -----------------------------------------------------------------------

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        hint: str = "",
        beside: QWidget | None = None,
    ) -> QWidget:
        """Add a labelled field with a message line under it (and ``beside`` it, a button)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if beside is None:
            column.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(beside)
            column.addLayout(row)
        message = QLabel()
        message.setWordWrap(True)
        message.hide()
        column.addWidget(message)
        if hint:
            widget.setToolTip(hint)
        caption = QLabel()
        if isinstance(widget, QCheckBox):
            # A box says what it is itself: Alt+letter on its own text ticks it.
            widget.setText(with_mnemonic(widget.text(), self.mnemonics))
            caption.setText(label)
        else:
            caption.setText(with_mnemonic(label, self.mnemonics))
        caption.setBuddy(widget)  # the field itself, never its holder
        spoken = label.rstrip(":") or widget.property("text") or name
        widget.setAccessibleName(str(spoken).replace("&", ""))
        message.setAccessibleName(
            translate("FormDialog", "{field}: message").format(field=widget.accessibleName())
        )
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self.messages[name] = message
        _when_changed(widget, self._edited)
        return widget

    def add_time_field(self, name: str, label: str, value: datetime | None) -> QLineEdit:
        """A date and 24-hour time typed as shown; empty for a new entry, required.

        Typing "now" (or the Now button, for the mouse) fills in the current time, shown
        before it is saved.
        """
        edit = QLineEdit("" if value is None else i18n.date_text(shown_local(value)))
        edit.setPlaceholderText(
            translate("FormDialog", "YYYY-MM-DD HH:MM (24-hour), or {now}").format(now=_now_word())
        )
        edit.editingFinished.connect(lambda: self._fill_in(edit, NOW_WORD))
        self.add_field(
            name,
            label,
            edit,
            translate(
                "FormDialog",
                "Type the date and 24-hour time as shown, e.g. 2026-03-12 08:30, or type {now}",
            ).format(now=_now_word()),
            self._fill_button(translate("FormDialog", "Now"), edit, NOW_WORD),
        )
        return edit

    def add_date_field(
        self, name: str, label: str, value: date | None, *, today: bool = False
    ) -> QLineEdit:
        """A date typed as shown (YYYY-MM-DD); empty for a new entry, required.

        With ``today``, typing "today" (or the Today button) fills in today's date.
        """
        edit = QLineEdit("" if value is None else i18n.date_text(value))
        edit.setPlaceholderText(
            translate("FormDialog", "YYYY-MM-DD, or {today}").format(today=_today_word())
            if today
            else translate("FormDialog", "YYYY-MM-DD")
        )
        button = None
        if today:
            edit.editingFinished.connect(lambda: self._fill_in(edit, TODAY_WORD))
            button = self._fill_button(translate("FormDialog", "Today"), edit, TODAY_WORD)
        hint = translate("FormDialog", "Type the date as shown, e.g. 2026-03-02")
        self.add_field(name, label, edit, hint, button)
        return edit

    def _fill_button(self, text: str, edit: QLineEdit, word: str) -> QToolButton:
        # Off the Tab path (typing the word does the same from the keyboard).
        button = QToolButton()
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(
            translate("FormDialog", "{field}: {button}").format(
                field=edit.accessibleName() or text, button=text.lower()
            )
        )

        def fill() -> None:
            edit.setText(word)
            self._fill_in(edit, word)

        button.clicked.connect(fill)
        return button

    def _fill_in(self, edit: QLineEdit, word: str) -> None:
        """Replace "now" / "today" by the time or date it means, so the nurse sees it."""
        if not _is_word(edit.text(), word):
            return
        now = self.clock()
        self._filling_in = True  # the same value, shown as it will be saved: not an edit
        try:
            edit.setText(i18n.date_text(shown_local(now) if word == NOW_WORD else local_date(now)))
        finally:
            self._filling_in = False

    def _edited(self) -> None:
        """A field changed: what was shown about the old values no longer holds."""
        if self._filling_in:
            return
        self.clear_problems()

    @staticmethod
    def number_edit(placeholder: str = "") -> QLineEdit:
        """A text box for a number (parsed by the same rules as the command line)."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    # --- reading ------------------------------------------------------------------------

    def text(self, name: str) -> str:
        """A line edit's text."""
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def when(self, name: str) -> datetime:
        """A time field's value as an aware instant; empty, or not a real local time, is
        refused naming the field."""
        text = self.text(name)
        if not text:
            raise InvalidEntry(
                [
                    Problem(
                        name,
                        translate(
                            "FormDialog",
                            "required: type the date and 24-hour time, e.g. 2026-03-12 08:30",
                        ),
                    )
                ]
            )
        if _is_word(text, NOW_WORD):
            return self.clock().replace(second=0, microsecond=0)
        return parse_datetime(text, name, day_first=day_first())

    def day(self, name: str) -> date:
        """A date field's value; empty or not a date is refused naming the field."""
        text = self.text(name)
        if not text:
            message = translate("FormDialog", "required: type the date, e.g. 2026-03-02")
            raise InvalidEntry([Problem(name, message)])
        if _is_word(text, TODAY_WORD):
            return local_date(self.clock())
        return parse_date(text, name, day_first=day_first())

    def has_typed_content(self) -> bool:
        """Whether any field differs from how the dialog opened."""
        if self._opened_with is None:
            return False
        return any(
            _value(widget) != self._opened_with.get(name) for name, widget in self.fields.items()
        )

    # --- keyboard -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """On first showing: Tab order as shown, and the cursor in the first field."""
        super().showEvent(event)
        if self._opened_with is not None:
            return
        self._opened_with = {name: _value(w) for name, w in self.fields.items()}
        for widget in self.fields.values():
            if isinstance(widget, QComboBox) and widget.isEditable():
                widget.installEventFilter(self)  # its text box would swallow Enter
        fields = [w for w in self.fields.values() if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        key_order([*fields, self.confirm, self.save_button, self.cancel_button])
        first = next((w for w in fields if w.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a combo box one can type in saves, as in any other field."""
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not watched.view().isVisible()
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc is Cancel; Enter on the focused Cancel button is Cancel; Enter elsewhere saves."""
        key = event.key()
        on_cancel = self.focusWidget() is self.cancel_button
        if key == Qt.Key.Key_Escape or (on_cancel and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is Cancel: it asks before throwing away what was typed."""
        if self.isVisible() and self.has_typed_content():
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)

    def cancel(self) -> None:
        """Close without saving; if anything was typed, ask first (the default keeps it)."""
        if not self.has_typed_content():
            self.reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("FormDialog", "Discard this entry?"),
            translate("FormDialog", "What you typed here has not been saved. Discard it?"),
            parent=self,
        )
        discard = box.addButton(
            translate("FormDialog", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(
            translate("FormDialog", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_: int) -> None:
            if box.clickedButton() is discard:
                self.reject()

        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    # --- saving -------------------------------------------------------------------------

    def submit(self, confirmed: bool) -> None:
        """Check and save; raise ``InvalidEntry`` to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        """Save if the entry is valid; otherwise show why, beside each field.

        With the confirm box ticked, the entry is first checked unconfirmed: it is saved
        confirmed only if its warnings are exactly those shown when the box was ticked;
        any other warning is shown and needs a new tick.
        """
        try:
            if not self.confirm.isHidden() and self.confirm.isChecked():
                self._submit_confirmed()
            else:
                self.submit(False)
        except InvalidEntry as error:
            self.show_problems(error.problems)
            return
        except ChartFileError as error:  # disk full, read-only, locked: keep what was typed
            self.show_problems(
                [
                    Problem(
                        "file",
                        translate(
                            "FormDialog",
                            "Not saved — {error}. What you typed is still here; "
                            "try again or call IT.",
                        ).format(error=i18n.shown(error)),
                    )
                ]
            )
            return
        super().accept()

    def _submit_confirmed(self) -> None:
        try:
            self.submit(False)  # no warning any more: saved as it is, nothing to confirm
        except InvalidEntry as error:
            if _warnings(error.problems) != self.shown_warnings:
                raise
            self.submit(True)

    def clear_problems(self) -> None:
        """Hide every message and the confirm box, unticked."""
        for name, message in self.messages.items():
            if not message.isHidden():
                message.hide()
                self.fields[name].setAccessibleDescription(self._description(name, ""))
                message.setAccessibleDescription("")
        self.banner.hide()
        self.confirm.setChecked(False)
        self.confirm.hide()
        self.shown_warnings = None

    def show_problems(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        """Show each problem beside its field; warnings alone bring up the confirm box,
        unticked: a tick confirms only the warnings on screen."""
        self.clear_problems()
        general: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            if problem.severity == "warning":
                text = translate("FormDialog", "Check: {message}").format(
                    message=i18n.shown(problem.message)
                )
            else:
                text = i18n.shown(problem.message)
            label = self.messages.get(problem.field)
            if label is None:
                general.append(text)
                continue
            label.setText(text)
            warning = problem.severity == "warning"
            label.setStyleSheet(
                colours.style(colours.warning_text() if warning else colours.error_text())
            )
            label.show()
            # A screen reader reads the field's description when it takes focus below.
            label.setAccessibleDescription(text)
            field = self.fields[problem.field]
            field.setAccessibleDescription(self._description(problem.field, text))
            first = first or field
        self.shown_warnings = _warnings(problems)
        self.confirm.setVisible(self.shown_warnings is not None)
        self.banner.setText("\n".join(general))
        self.banner.setAccessibleDescription("\n".join(general))
        self.banner.setStyleSheet(colours.style(colours.error_text()))
        self.banner.setVisible(bool(general))
        if general:
            announce(self.banner)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def _description(self, name: str, message: str) -> str:
        """A field's description for screen readers: its message, then its hint."""
        hint = self.fields[name].toolTip()
        return "\n".join(part for part in (message, hint) if part)

    def message(self, name: str) -> str:
        """The message shown beside a field ("" if none): for tests and screen readers."""
        label = self.messages[name]
        return "" if label.isHidden() else label.text()
