"""The admit dialog: an MRN that looks like one on the chart is that patient; hidden and
direction-changing characters are refused beside their field, and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow


def _field(dialog: object, name: str) -> QLineEdit:
    field = dialog.fields[name]  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def _type(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses for every character, as a keyboard layout or input method sends them
    (QTest's keyClicks cannot send characters outside Latin-1)."""
    for char in text:
        if ord(char) < 0x100:
            qtbot.keyClick(edit, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, event)


def _patients(store: ChartStore) -> int:
    return int(store.db.execute("SELECT count(*) FROM patients").fetchone()[0])


def test_the_admit_dialog_refuses_look_alike_mrns_and_hidden_characters(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    ward: ChartStore,
) -> None:
    before = _patients(ward)
    dialog = window.open_admit()
    assert dialog is not None
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)  # type: ignore[attr-defined]
    _type(qtbot, _field(dialog, "dob"), "1970-01-01")  # required, and starts empty
    for mrn, name, field, expected in (
        ("a-1", "Alpha, Ann", "mrn", "already on this chart"),  # the ward's A-1
        ("C-3\u200b", "Gamma, Gail", "mrn", "U+200B"),
        ("C-3", "Gamma\u202e, Gail", "name", "U+202E"),
        ("C-3\u2800", "Gamma, Gail", "mrn", "U+2800"),  # Braille blank
        ("C-3", "Gamma\U00016fe4, Gail", "name", "U+16FE4"),  # Khitan filler
        ("C-3\U000e0100", "Gamma, Gail", "mrn", "U+E0100"),  # variation selector 17
    ):
        _field(dialog, "mrn").clear()
        _field(dialog, "name").clear()
        _type(qtbot, _field(dialog, "mrn"), mrn)
        _type(qtbot, _field(dialog, "name"), name)
        if not _field(dialog, "dob").text():
            _type(qtbot, _field(dialog, "dob"), "1970-01-31")
        assert _field(dialog, "name").text() == name
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), mrn
        assert expected in dialog.message(field), (mrn, name)  # type: ignore[attr-defined]
    assert _patients(ward) == before
    dialog.reject()
