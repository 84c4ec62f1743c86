"""Ward → Ward settings…: every ward setting in one form, for ward administrators.

Each value is checked by the same rules as ``wardchart settings set`` (the session asks
storage, which asks the domain's parser); every changed value is checked before any is
saved, so a bad one saves nothing and is shown beside its own field. Each change is saved
and audited on its own, with its old and new value, as on the command line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from wardchart import i18n
from wardchart.domain.fever import FnRuleName
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.settings import SETTING_KEYS, SETTING_VALUES, setting_text
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import parse_decimal, plain
from wardchart.i18n import translate
from wardchart.session import changes
from wardchart.session.core import NotPermitted
from wardchart.ui.dialogs.entry import decimal_comma
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.session import ChartSession

#: The settings in the order shown, each with its label.
LABELS = {
    "ward_name": QT_TRANSLATE_NOOP("WardSettingsDialog", "Ward name:"),
    "ctcae_version": QT_TRANSLATE_NOOP("WardSettingsDialog", "CTCAE version:"),
    "fn_rule": QT_TRANSLATE_NOOP("WardSettingsDialog", "Fever rule:"),
    "recovery_anc": QT_TRANSLATE_NOOP("WardSettingsDialog", "Recovery ANC (×10⁹/L):"),
    "anc_lln_default": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "ANC lower limit if the lab gives none:"
    ),
    "wbc_lln_default": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "WBC lower limit if the lab gives none:"
    ),
    "lock_after_minutes": QT_TRANSLATE_NOOP("WardSettingsDialog", "Lock after idle minutes:"),
    "backup_keep_recent": QT_TRANSLATE_NOOP("WardSettingsDialog", "Backups kept, newest:"),
    "backup_keep_days": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "Backups kept, one a day for days:"
    ),
    "hl7_accept_test": QT_TRANSLATE_NOOP("WardSettingsDialog", "Chart HL7 test messages:"),
    "hl7_local_codes": QT_TRANSLATE_NOOP("WardSettingsDialog", "Laboratory's own codes:"),
    "hl7_inbox": QT_TRANSLATE_NOOP("WardSettingsDialog", "Lab inbox folder:"),
    "hub": QT_TRANSLATE_NOOP("WardSettingsDialog", "Ward hub address:"),
    "hub_warn_after_minutes": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "Warn when out of step with the hub after minutes:"
    ),
}
#: Settings chosen from a list: every value the setting accepts.
CHOICES = {
    "ctcae_version": tuple(v.value for v in CtcaeVersion),
    "fn_rule": tuple(r.value for r in FnRuleName),
    "hl7_accept_test": ("no", "yes"),
}
assert set(LABELS) == set(SETTING_KEYS), "every setting has a field"
#: Settings that are counts: typed with a decimal comma in German, as in the CBC dialog.
NUMBER_SETTINGS = ("recovery_anc", "anc_lln_default", "wbc_lln_default")
#: Answers shown in words in the language in use (saved as the command line types them).
ANSWERS = {
    "no": QT_TRANSLATE_NOOP("WardSettingsDialog", "no"),
    "yes": QT_TRANSLATE_NOOP("WardSettingsDialog", "yes"),
}
#: Shorter than the hint (which the tooltip gives whole), where that would not fit.
PLACEHOLDERS = {
    "hl7_local_codes": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "e.g. WBC=wbc; NEUT#=anc, or empty for LOINC only"
    ),
    "hub": QT_TRANSLATE_NOOP(
        "WardSettingsDialog", "e.g. postgresql://ward4a@db.example/ward4a, or empty for none"
    ),
}


class WardSettingsDialog(FormDialog):
    """Every ward setting, as it is now; Save saves the ones changed."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("WardSettingsDialog", "Ward settings"), parent, session.now)
        self.session = session
        self.saved_keys: list[str] = []
        note = QLabel(
            translate(
                "WardSettingsDialog",
                "Only ward administrators change these. Each change is recorded in the audit "
                "log with its old and new value; hover over a field for what it accepts.",
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        settings = session.settings
        # Counts as people read them in the language in use ("1,5" in German).
        self.opened_values = {
            key: i18n.number(setting_text(settings, key))
            if key in NUMBER_SETTINGS
            else setting_text(settings, key)
            for key in LABELS
        }
        self.locked = session.locked_settings()
        for key, label in LABELS.items():
            value = self.opened_values[key]
            widget: QWidget
            shown_label = i18n.shown(label)
            if key in CHOICES:
                box = QComboBox()
                for choice in CHOICES[key]:  # shown in words, saved as typed on the command line
                    box.addItem(i18n.shown(ANSWERS.get(choice, choice)), choice)
                box.setCurrentIndex(box.findData(value))
                widget = box
            else:
                widget = QLineEdit(value)
                widget.setPlaceholderText(i18n.shown(PLACEHOLDERS.get(key, SETTING_VALUES[key])))
            hint = f"{key}: {i18n.shown(SETTING_VALUES[key])}"
            if key in self.locked:  # IT fixed it for this computer: shown, not offered
                widget.setEnabled(False)
                hint = translate(
                    "WardSettingsDialog", "{key}: fixed for this computer by IT in {path}"
                ).format(key=key, path=self.locked[key])
                shown_label = translate("WardSettingsDialog", "{label} (fixed by IT):").format(
                    label=shown_label.rstrip(":")
                )
            self.add_field(key, shown_label, widget, hint)

    def value(self, key: str) -> str:
        """What the field for ``key`` holds, as it would be typed on the command line."""
        widget = self.fields[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def changed(self) -> dict[str, str]:
        """The settings whose field differs from how the dialog opened."""
        return {
            key: self.value(key) for key in LABELS if self.value(key) != self.opened_values[key]
        }

    def submit(self, confirmed: bool) -> None:
        changed = self.changed()
        problems: list[Problem] = []
        for key, value in list(changed.items()):
            if key in NUMBER_SETTINGS and value and decimal_comma():
                try:  # typed with a decimal comma: saved as the command line types it
                    changed[key] = plain(parse_decimal(value, key, decimal_comma=True))
                except InvalidEntry as error:
                    problems += error.problems
                    del changed[key]
        for key, value in changed.items():  # all checked before any is saved
            try:
                self.session.check_setting(key, value, confirm=confirmed)
            except NotPermitted:
                raise
            except InvalidEntry as error:
                problems += error.problems
        if problems:
            raise InvalidEntry(problems)
        for key, value in changed.items():
            self.session.save(changes.SetWardSetting(key, value, confirm=confirmed))
            self.saved_keys.append(key)
