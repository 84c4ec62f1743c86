"""File → Merge from another chart…: bring a clinic laptop's chart (or any replica of this
ward's chart) into the open one (see docs/merging.md).

Choose the file, type its passphrase when it is encrypted (asked only then), look at what
would come in and the conflicts it would bring (a dry run: nothing saved), then Merge. A
file that cannot be merged is refused with one line and nothing changes. The merge is
audited by the engine (which file, the counts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from wardchart import i18n
from wardchart.domain.merge_rules import KIND_WORDS
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.i18n import translate
from wardchart.session.merging import subject_of
from wardchart.storage.errors import ChartFileError
from wardchart.storage.merge import MergeResult
from wardchart.ui.dialogs.form import FormDialog, mnemonic_of
from wardchart.ui.session import ChartSession

#: Records by kind, in a nurse's words (singular, plural).
KIND_NAMES = {
    "patients": ("patient", "patients"),
    "cycles": ("cycle", "cycles"),
    "results": ("CBC", "CBCs"),
    "temperatures": ("temperature", "temperatures"),
    "gcsf_doses": ("G-CSF dose", "G-CSF doses"),
    "precautions": ("precautions entry", "precautions entries"),
    "regimens": ("regimen", "regimens"),
    "users": ("account", "accounts"),
    "ward_settings": ("ward setting change", "ward setting changes"),
    "lab_messages": ("laboratory message", "laboratory messages"),
    "resolutions": ("conflict resolution", "conflict resolutions"),
}

#: Records kept in versions: a new version of one already here is a correction.
VERSIONED = ("patients", "cycles", "results", "temperatures", "gcsf_doses", "precautions")


def counted(table: str, count: int) -> str:
    """ "3 CBCs", "1 patient"."""
    # One source text each for one and for many (German, like English, has just these
    # two forms; lupdate cannot see a plural whose count is not a literal number).
    words = {
        "patients": (
            translate("MergeDialog", "1 patient"),
            translate("MergeDialog", "{count} patients"),
        ),
        "cycles": (
            translate("MergeDialog", "1 cycle"),
            translate("MergeDialog", "{count} cycles"),
        ),
        "results": (
            translate("MergeDialog", "1 CBC"),
            translate("MergeDialog", "{count} CBCs"),
        ),
        "temperatures": (
            translate("MergeDialog", "1 temperature"),
            translate("MergeDialog", "{count} temperatures"),
        ),
        "gcsf_doses": (
            translate("MergeDialog", "1 G-CSF dose"),
            translate("MergeDialog", "{count} G-CSF doses"),
        ),
        "precautions": (
            translate("MergeDialog", "1 precautions entry"),
            translate("MergeDialog", "{count} precautions entries"),
        ),
        "regimens": (
            translate("MergeDialog", "1 regimen"),
            translate("MergeDialog", "{count} regimens"),
        ),
        "users": (
            translate("MergeDialog", "1 account"),
            translate("MergeDialog", "{count} accounts"),
        ),
        "ward_settings": (
            translate("MergeDialog", "1 ward setting change"),
            translate("MergeDialog", "{count} ward setting changes"),
        ),
        "lab_messages": (
            translate("MergeDialog", "1 laboratory message"),
            translate("MergeDialog", "{count} laboratory messages"),
        ),
        "resolutions": (
            translate("MergeDialog", "1 conflict resolution"),
            translate("MergeDialog", "{count} conflict resolutions"),
        ),
        "corrections": (
            translate("MergeDialog", "1 correction"),
            translate("MergeDialog", "{count} corrections"),
        ),
    }
    if table in words:
        one, many = words[table]
        return one if count == 1 else many.format(count=count)
    return f"{count} {table.replace('_', ' ')}"


def preview_text(result: MergeResult) -> str:
    """What a merge brings in, in words (the dialog's preview, and its result)."""
    lines = [translate("MergeDialog", "Comes in: {what}").format(what=brought_in(result))]
    present = sum(result.already_present.values())
    lines.append(
        translate("MergeDialog", "Already here: {count} records and entries").format(
            count=i18n.locale().toString(present) if i18n.language() != "en" else f"{present:,}"
        )
    )
    if result.new_conflicts:
        lines.append(
            translate("MergeDialog", "Conflicts it brings ({count}), to review after:").format(
                count=len(result.new_conflicts)
            )
        )
        for conflict in result.new_conflicts:
            words = i18n.shown(KIND_WORDS.get(conflict.kind, conflict.kind))
            lines.append(f"  ⚑ {i18n.shown(subject_of(conflict))} — {words}")
    else:
        lines.append(translate("MergeDialog", "Conflicts it brings: none"))
    return "\n".join(lines)


def brought_in(result: MergeResult) -> str:
    """What a merge brings in, in one line: "3 CBCs, 1 correction"."""
    new = [counted(t, n) for t, n in result.new_records.items() if n and t in KIND_NAMES]
    corrections = sum(result.new_rows.get(t, 0) - result.new_records.get(t, 0) for t in VERSIONED)
    if corrections > 0:
        new.append(counted("corrections", corrections))
    if not new:
        return translate("MergeDialog", "nothing new — this chart has it all")
    return ", ".join(new)


class MergeDialog(FormDialog):
    """Choose another chart file, preview the merge, merge."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("MergeDialog", "Merge from another chart"), parent, session.now)
        self.session = session
        self.setMinimumWidth(640)
        # the button: Preview, then Merge
        self.mnemonics |= {
            mnemonic_of(translate("MergeDialog", "&Preview")),
            mnemonic_of(translate("MergeDialog", "&Merge")),
        }
        self.form.addRow(
            QLabel(
                translate(
                    "MergeDialog",
                    "Bring in everything charted in another copy of this ward's chart (a clinic\n"
                    "laptop's, say). Nothing is overwritten: records made apart that cannot both\n"
                    "stand are kept, shown as conflicts to review. The other file is not changed.",
                )
            )
        )
        self.browse_button = QPushButton(translate("MergeDialog", "Bro&wse…"))
        self.browse_button.setAccessibleName(
            translate("MergeDialog", "Choose the chart file to merge")
        )
        self.browse_button.setAutoDefault(False)  # Enter previews (then merges), never browses
        self.browse_button.clicked.connect(self.browse)
        self.mnemonics.add(mnemonic_of(self.browse_button.text()))
        self.add_field(
            "file",
            translate("MergeDialog", "Chart file:"),
            QLineEdit(placeholderText=translate("MergeDialog", "e.g. /media/usb/laptop.sqlite")),
            hint=translate("MergeDialog", "The other chart file: type its path, or Browse…"),
            beside=self.browse_button,
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("passphrase", translate("MergeDialog", "Its passphrase:"), self.passphrase)
        self._show_passphrase(False)
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(translate("MergeDialog", "What the merge brings in"))
        self.preview.hide()
        self.form.addRow(self.preview)
        self.save_button.setText(translate("MergeDialog", "&Preview"))
        #: The file and passphrase previewed (Merge is offered for exactly these).
        self.previewed: tuple[str, str] | None = None
        #: The merge done (None until then): for the status bar.
        self.merged: MergeResult | None = None
        self.fields["file"].textChanged.connect(self._changed)  # type: ignore[attr-defined]
        self.passphrase.textChanged.connect(self._changed)

    # --- choosing the file --------------------------------------------------------------

    def browse(self) -> None:
        """Choose the file with a file dialog (Qt's own, the same on every system)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("MergeDialog", "Merge from another chart"),
            str(self.session.store.path.parent),
            translate("MergeDialog", "Chart files (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.fields["file"].setText(chosen)  # type: ignore[attr-defined]

    def _show_passphrase(self, shown: bool) -> None:
        holder = self.passphrase.parentWidget()
        assert holder is not None
        for widget in (self.form.labelForField(holder), holder):
            if widget is not None:
                widget.setVisible(shown)

    def _changed(self) -> None:
        if self.previewed is not None:
            self.previewed = None
            self.preview.hide()
            self.save_button.setText(translate("MergeDialog", "&Preview"))

    def path(self) -> Path:
        """The file typed or chosen."""
        return Path(self.text("file")).expanduser()

    # --- preview, then merge --------------------------------------------------------------

    def submit(self, _confirmed: bool) -> None:
        """First Enter (or Preview): a dry run, shown; Enter again (Merge): the merge."""
        if not self.text("file"):
            message = translate("MergeDialog", "choose the chart file to merge")
            raise InvalidEntry([Problem("file", message)])
        path = self.path()
        key = self.passphrase.text() if self.session.needs_passphrase(path) else ""
        if self.session.needs_passphrase(path) and not key:
            self._show_passphrase(True)
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            raise InvalidEntry(
                [
                    Problem(
                        "passphrase",
                        translate(
                            "MergeDialog", "this chart file is encrypted: type its passphrase"
                        ),
                    )
                ]
            )
        try:
            if self.previewed != (str(path), key):
                result = self.session.merge_preview(path, key or None)
                self.preview.setText(preview_text(result))
                self.preview.show()
                self.previewed = (str(path), key)
                self.save_button.setText(translate("MergeDialog", "&Merge"))
                self.adjustSize()
                raise _Previewed
            self.merged = self.session.merge(path, key or None)
        except ChartFileError as error:  # refused (MergeRefused), or this file's trouble
            self.previewed = None
            self.preview.hide()
            self.save_button.setText(translate("MergeDialog", "&Preview"))
            field = "passphrase" if getattr(error, "why", "") == "passphrase" else "file"
            if field == "passphrase":
                self._show_passphrase(True)
            raise InvalidEntry([Problem(field, i18n.shown(error))]) from None

    def accept(self) -> None:
        try:
            super().accept()
        except _Previewed:
            self.clear_problems()  # the preview is on screen; Enter (or Merge) merges


class _Previewed(Exception):
    """The preview is on screen: the dialog stays open, offering Merge."""
