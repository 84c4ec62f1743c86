"""Merging another chart from the window, and the conflicts it brings: marked in the
census, the header and the record tables, and resolved in the review dialog (see
docs/merging.md). Real files, real widgets, real key events from each dialog's opening
state."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TypeVar

import pytest
from merge_fixture import LATER, laptop_with_conflicts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from ward_fixture import NOW

from wardchart.domain.merge_rules import REVIEW
from wardchart.storage import queries
from wardchart.storage.conflicts import conflicts
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.merge import merge_from
from wardchart.ui.census import FLAGS_COLUMN, shown_cells
from wardchart.ui.main_window import MainWindow
from wardchart.ui.records_panel import CONFLICT_HEADING

T = TypeVar("T")


def _census_flags(window: MainWindow, mrn: str) -> tuple[str, str]:
    """(the chips shown, the words in the tooltip) of a patient's census row."""
    model = window.census.model
    for row in range(model.rowCount()):
        data = model.row_data(row)
        if data.mrn == mrn:
            index = model.index(row, FLAGS_COLUMN)
            return shown_cells(data)[FLAGS_COLUMN], str(
                model.data(index, Qt.ItemDataRole.ToolTipRole)
            )
    raise AssertionError(mrn)


def _select(window: MainWindow, mrn: str) -> None:
    patient = queries.find_patient(window.session.store.db, mrn)  # type: ignore[union-attr]
    assert patient is not None
    assert window.census.select(patient.id)


def _marked_rows(window: MainWindow) -> list[str]:
    model = window.patient_view.records.models["results"]
    return [
        str(model.data(model.index(row, model.columnCount() - 1)))
        for row in range(model.rowCount())
        if model.mark(row)
    ]


def active(dialog: T | None) -> T:
    """Wait until a dialog just opened is the active window (so focus and Alt+letter
    work, as on a desktop)."""
    assert dialog is not None
    for _ in range(250):
        if QApplication.activeWindow() is dialog:
            return dialog
        QTest.qWait(20)
    raise AssertionError("the dialog never became the active window")


def _type(dialog: object, text: str) -> None:
    """Type into whatever has the focus in the dialog, as a nurse would."""
    widget = dialog.focusWidget()  # type: ignore[attr-defined]
    assert widget is not None
    QTest.keyClicks(widget, text)


def _press(qtbot, dialog: object, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    widget = dialog.focusWidget() or dialog  # type: ignore[attr-defined]
    qtbot.keyClick(widget, key, modifier)


@pytest.fixture
def merged(ward: ChartStore, tmp_path: Path) -> Path:
    """The ward file with a laptop's conflicting correction merged in."""
    laptop = laptop_with_conflicts(ward, tmp_path, same_mrn=True)
    merge_from(ward, laptop.path, actor="nurse b", now=LATER)
    assert len(conflicts(ward.db)) == 2
    return laptop.path


def test_a_conflict_is_marked_in_the_census_header_and_record_table(
    merged: Path, window: MainWindow
) -> None:
    chips, words = _census_flags(window, "A-1")
    assert "conflict" in chips
    assert "conflict — review" in words
    assert "conflict" not in _census_flags(window, "B-2")[0]
    _select(window, "A-1")
    header = window.patient_view.header.text()
    assert "CONFLICT — REVIEW" in header
    assert "CBC taken" in header
    assert "version shown: by nurse laptop" in window.patient_view.header.toolTip()
    window.patient_view.set_view("1")  # the first cycle holds the CBC corrected apart
    records = window.patient_view.records.models["results"]
    assert (
        records.headerData(records.columnCount() - 1, Qt.Orientation.Horizontal) == CONFLICT_HEADING
    )
    assert _marked_rows(window) == [REVIEW]
    _select(window, "B-2")
    assert "CONFLICT" not in window.patient_view.header.text()
    assert window.patient_view.records.models["results"].columnCount() == 9  # no marker


def test_the_review_dialog_keeps_one_version_and_the_mark_goes(
    qtbot,
    merged: Path,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _select(window, "A-1")
    dialog = active(window.open_conflicts())
    assert dialog.list.count() == 1  # A-1's only conflict (D-4 is another patient's)
    shown = [dialog.sides.item(r, 0).text() for r in range(dialog.sides.rowCount())]
    assert shown.count("shown") == 1
    by = {dialog.sides.item(r, 2).text() for r in range(dialog.sides.rowCount())}
    assert by == {"nurse ward", "nurse laptop"}
    # Tab to the versions, choose the one not shown (the ward's 0.61), give a reason, Enter.
    _press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.sides
    other = shown.index("")
    _press(qtbot, dialog, Qt.Key.Key_Down if other > shown.index("shown") else Qt.Key.Key_Up)
    assert dialog.chosen_side() == other
    _press(qtbot, dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert isinstance(dialog.focusWidget(), QLineEdit)
    _press(qtbot, dialog, Qt.Key.Key_Return)  # no reason: refused, said beside the field
    assert dialog.isVisible()
    assert "reason" in dialog.message("reason")
    _type(dialog, "checked with the lab")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert [c.kind for c in conflicts(ward.db)] == ["mrn"]
    assert "CONFLICT" not in window.patient_view.header.text()
    assert "conflict" not in _census_flags(window, "A-1")[0]
    assert _marked_rows(window) == []
    row = ward.conn.execute(
        "SELECT action, reason, recorded_by FROM resolutions ORDER BY recorded_at"
    ).fetchall()
    assert [tuple(r) for r in row] == [("keep", "checked with the lab", "nurse b")]
    audited = ward.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'resolve'")
    assert audited.fetchone()[0] == 1
    anc = ward.conn.execute(
        "SELECT anc FROM current_results WHERE anc IN ('0.61', '0.73')"
    ).fetchall()
    assert [r[0] for r in anc] == ["0.61"]


def test_the_review_dialog_links_one_mrn_admitted_twice(
    qtbot,
    merged: Path,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _select(window, "D-4")
    assert "conflict" in _census_flags(window, "D-4")[0]
    assert "MRN D-4" in window.patient_view.header.text()
    dialog = active(window.open_conflicts())
    assert dialog.link.isChecked()
    assert not dialog.keep.isEnabled()
    _press(qtbot, dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    _type(dialog, "same person, admitted on the laptop too")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert [c.kind for c in conflicts(ward.db)] == ["correction"]
    action = ward.conn.execute("SELECT action FROM resolutions").fetchone()[0]
    assert action == "link"
    assert "conflict" not in _census_flags(window, "D-4")[0]


def test_a_new_corrected_version_in_the_correction_dialog_resolves_it(
    qtbot,
    merged: Path,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _select(window, "A-1")
    dialog = active(window.open_conflicts())
    # Alt+E: "Enter a new corrected version…", then Enter opens the correction dialog.
    _press(qtbot, dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.new_version.isChecked)  # after the press is shown, as Space
    _press(qtbot, dialog, Qt.Key.Key_Return)
    correction = active(dialog.correction_dialog)
    anc = correction.fields["anc"]  # type: ignore[attr-defined]
    qtbot.keyClick(anc, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(anc, "0.67")
    qtbot.keyClicks(correction.fields["reason"], "lab rang with the right count")  # type: ignore[attr-defined]
    qtbot.keyClick(correction.fields["reason"], Qt.Key.Key_Return)  # type: ignore[attr-defined]
    # A CBC taken weeks ago is checked like any correction: the nurse confirms the date.
    assert "check the date" in correction.message("taken")  # type: ignore[attr-defined]
    _press(qtbot, correction, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(correction.confirm.isChecked)  # type: ignore[attr-defined]
    _press(qtbot, correction, Qt.Key.Key_Return)
    assert not correction.isVisible()
    assert not dialog.isVisible()  # nothing left for this patient
    assert [c.kind for c in conflicts(ward.db)] == ["mrn"]
    shown = ward.conn.execute(
        "SELECT anc FROM current_results WHERE anc IN ('0.61', '0.73', '0.67')"
    ).fetchall()
    assert [r[0] for r in shown] == ["0.67"]
    assert "CONFLICT" not in window.patient_view.header.text()


def _state(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merge_from_another_chart_previews_then_merges_by_keyboard(
    qtbot,
    ward: ChartStore,
    tmp_path: Path,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    laptop = laptop_with_conflicts(ward, tmp_path)
    window.refresh()
    assert "conflict" not in _census_flags(window, "A-1")[0]
    before = _state(laptop.path)
    window.actions_by_name["merge"].trigger()
    from wardchart.ui.dialogs.merge import MergeDialog

    (dialog,) = window.findChildren(MergeDialog)
    active(dialog)
    assert not dialog.fields["passphrase"].isVisible()  # a plain file: never asked
    _type(dialog, str(laptop.path))
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    preview = dialog.preview.text()
    assert "Comes in:" in preview
    assert "1 correction" in preview
    assert "Already here:" in preview
    assert "Conflicts it brings (1)" in preview
    assert "corrected differently on two computers" in preview
    assert conflicts(ward.db) == []  # a preview saves nothing
    assert dialog.save_button.text() == "&Merge"
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(conflicts(ward.db)) == 1
    assert "conflict" in _census_flags(window, "A-1")[0]
    assert "1 conflict to review" in window.statusBar().currentMessage()
    assert _state(laptop.path) == before  # the other file is read, never written
    detail = ward.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'merge' ORDER BY seq DESC"
    ).fetchone()[0]
    assert str(laptop.path) in detail


def test_an_encrypted_chart_asks_its_passphrase_only_then(
    qtbot,
    ward: ChartStore,
    tmp_path: Path,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    laptop = laptop_with_conflicts(ward, tmp_path, passphrase="a long passphrase")
    dialog = active(window.open_merge())
    _type(dialog, str(laptop.path))
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.fields["passphrase"].isVisible()
    assert dialog.focusWidget() is dialog.fields["passphrase"]
    assert "encrypted" in dialog.message("passphrase")
    _type(dialog, "not it")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert "wrong passphrase" in dialog.message("passphrase")
    assert "\n" not in dialog.message("passphrase")
    passphrase = dialog.fields["passphrase"]
    qtbot.keyClick(passphrase, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(dialog, "a long passphrase")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert "Conflicts it brings (1)" in dialog.preview.text()
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(conflicts(ward.db)) == 1


@pytest.mark.parametrize("damage", ["damaged", "newer"])
def test_a_file_that_cannot_be_merged_is_refused_in_one_line_and_nothing_changes(
    qtbot,
    ward: ChartStore,
    tmp_path: Path,
    window: MainWindow,
    damage: str,  # type: ignore[no-untyped-def]
) -> None:
    laptop = laptop_with_conflicts(ward, tmp_path)
    other = open_chart(laptop.path, create=False)
    if damage == "damaged":
        other.conn.execute("DROP TRIGGER results_no_update")
    else:
        other.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('wardchart', 'm999_future', 'x')"
        )
    other.close()
    rows = ward.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    dialog = active(window.open_merge())
    _type(dialog, str(laptop.path))
    _press(qtbot, dialog, Qt.Key.Key_Return)
    message = dialog.message("file")
    assert message
    assert "\n" not in message
    assert "Traceback" not in message
    assert "nothing was changed" in message
    assert dialog.preview.isHidden()
    assert dialog.save_button.text() == "&Preview"
    assert ward.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == rows
    assert conflicts(ward.db) == []
    dialog.reject()


def test_nothing_but_a_nurse_typing_reaches_storage(window: MainWindow) -> None:
    """The window's merge and review go through the session (no storage call in them)."""
    import inspect

    from wardchart.ui.dialogs import conflicts as review
    from wardchart.ui.dialogs import merge

    for module in (merge, review):
        source = inspect.getsource(module)
        assert "merge_from" not in source
        assert "resolve_conflict" not in source
    assert NOW is not None


@pytest.fixture
def charted_twice(ward: ChartStore, tmp_path: Path) -> str:
    """The ward file with a laptop's copy of one CBC (the same count, typed on both)
    merged in; returns the laptop's record id."""
    from datetime import timedelta
    from decimal import Decimal

    from ward_fixture import TODAY

    from wardchart.domain.plausibility import CbcEntry
    from wardchart.storage import operations
    from wardchart.storage.merge import copy_chart

    made = copy_chart(ward, tmp_path / "laptop.sqlite", actor="it", now=NOW)
    laptop = open_chart(made.path, create=False)
    taken = NOW - timedelta(hours=3)
    assert taken.date() == TODAY
    saved = ""
    for store in (ward, laptop):
        patient = queries.find_patient(store.db, "A-1")
        assert patient is not None
        entry = CbcEntry(taken=taken, wbc=Decimal("0.9"), anc=Decimal("0.25"))
        saved = operations.record_cbc(
            store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW
        ).record_id
    laptop.close()
    merge_from(ward, made.path, actor="nurse b", now=LATER)
    assert [c.kind for c in conflicts(ward.db)] == ["duplicate"]
    return saved


def test_a_count_charted_on_two_computers_is_marked_twice_and_kept_once(
    qtbot,
    charted_twice: str,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    assert "conflict" in _census_flags(window, "A-1")[0]
    _select(window, "A-1")
    assert "CONFLICT — REVIEW" in window.patient_view.header.text()
    assert "CBC taken" in window.patient_view.header.text()
    assert "charted twice on two computers" in window.patient_view.header.toolTip()
    assert _marked_rows(window) == [REVIEW, REVIEW]  # both stay on the chart, marked
    dialog = active(window.open_conflicts())
    assert dialog.list.count() == 1
    assert "charted twice on two computers" in dialog.list.item(0).text()
    shown = [dialog.sides.item(r, 0).text() for r in range(dialog.sides.rowCount())]
    assert shown == ["shown", "shown"]
    # the same values: the rule keeps one (charted first, then the smaller id), shown
    # selected; choosing the other changes nothing — every computer keeps the same one
    conflict = dialog.current()
    assert conflict is not None
    assert conflict.kept_by_rule is not None
    assert dialog.keep.text().replace("&", "") == "Keep once (the one charted first stays)"
    assert dialog.keep.isChecked()
    rule_row = next(r for r in range(2) if conflict.sides[r].record_id == conflict.kept_by_rule)
    assert dialog.chosen_side() == rule_row
    _press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.sides
    _press(qtbot, dialog, Qt.Key.Key_Down if rule_row == 0 else Qt.Key.Key_Up)
    assert dialog.chosen_side() == 1 - rule_row
    _press(qtbot, dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    _type(dialog, "typed on both")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert conflicts(ward.db) == []
    assert "conflict" not in _census_flags(window, "A-1")[0]
    assert _marked_rows(window) == []
    left = ward.conn.execute("SELECT origin_id FROM current_results WHERE anc = '0.25'")
    assert [r[0] for r in left] == [conflict.kept_by_rule]
    withdrawn = ward.conn.execute(
        "SELECT reason FROM results WHERE entered_in_error = 1 AND anc = '0.25'"
    ).fetchall()
    assert [r[0] for r in withdrawn] == ["typed on both"]


@pytest.fixture
def resolved_apart(ward: ChartStore, tmp_path: Path) -> str:
    """The ward file after two counts at one collection time were each kept on another
    computer apart (so neither is shown); returns the ward's record id (ANC 0.25)."""
    from datetime import timedelta
    from decimal import Decimal

    from wardchart.domain.plausibility import CbcEntry
    from wardchart.storage import operations
    from wardchart.storage.conflicts import resolve_conflict
    from wardchart.storage.merge import copy_chart

    made = copy_chart(ward, tmp_path / "laptop.sqlite", actor="it", now=NOW)
    laptop = open_chart(made.path, create=False)
    taken = NOW - timedelta(hours=3)
    saved = {}
    for store, anc in ((ward, "0.25"), (laptop, "0.52")):
        patient = queries.find_patient(store.db, "A-1")
        assert patient is not None
        entry = CbcEntry(taken=taken, wbc=Decimal("0.9"), anc=Decimal(anc))
        saved[anc] = operations.record_cbc(
            store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW
        ).record_id
    merge_from(laptop, ward.path, actor="nurse b", now=LATER)
    (conflict,) = conflicts(laptop.db)
    laptop.close()
    merge_from(ward, made.path, actor="nurse b", now=LATER)
    for path, anc in ((ward.path, "0.25"), (made.path, "0.52")):
        store = ward if path == ward.path else open_chart(path, create=False)
        side = next(s for s in conflict.sides if s.record_id == saved[anc])
        resolve_conflict(
            store, conflict.key, action="keep", keep=side.version_id, reason="checked",
            actor="n", now=LATER,
        )  # fmt: skip
        if store is not ward:
            store.close()
    merge_from(ward, made.path, actor="nurse b", now=LATER)
    assert [c.kind for c in conflicts(ward.db)] == ["resolved_apart"]
    return saved["0.25"]


def test_a_conflict_resolved_differently_apart_shows_one_count_again(
    qtbot,
    resolved_apart: str,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    assert "conflict" in _census_flags(window, "A-1")[0]
    _select(window, "A-1")
    assert "CONFLICT — REVIEW" in window.patient_view.header.text()
    assert (
        "resolved differently on two computers — nothing shown"
        in window.patient_view.header.toolTip()
    )
    dialog = active(window.open_conflicts())
    assert dialog.list.count() == 1
    assert "nothing shown" in dialog.list.item(0).text()
    assert dialog.keep.text().replace("&", "") == "Keep and show the selected record again"
    assert dialog.keep.isChecked()
    assert not dialog.new_version.isEnabled()
    # choose the ward's count (ANC 0.25) by keyboard, give a reason, Enter
    _press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.sides
    conflict = dialog.current()
    assert conflict is not None
    row = next(r for r in range(2) if conflict.sides[r].record_id == resolved_apart)
    if dialog.chosen_side() != row:
        _press(qtbot, dialog, Qt.Key.Key_Down if row else Qt.Key.Key_Up)
    assert dialog.chosen_side() == row
    _press(qtbot, dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    _type(dialog, "the lab's value")
    _press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert conflicts(ward.db) == []
    assert "conflict" not in _census_flags(window, "A-1")[0]
    shown = ward.conn.execute("SELECT origin_id FROM current_results WHERE anc IN ('0.25', '0.52')")
    assert [r[0] for r in shown] == [resolved_apart]
