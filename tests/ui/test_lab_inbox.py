"""The window's laboratory inbox and held messages, with real files and real widgets: a
file dropped into the ward's inbox folder is charted within a look and moved to done/; a
held one waits in "Lab messages held", where a nurse attaches or dismisses it by keyboard."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ward_fixture import NOW

from wardchart.storage import operations
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import held_messages
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


def oru(
    mrn: str, control: str, anc: str = "0.45", status: str = "F", dob: str = "19500501"
) -> bytes:
    taken = (NOW - timedelta(hours=2)).strftime("%Y%m%d%H%M%z")
    return (
        "\r".join(
            [
                f"MSH|^~\\&|LIS|LAB|WARDCHART|4A|{taken}||ORU^R01|{control}|P|2.5.1",
                f"PID|1||{mrn}^^^HOSP^MR||PATIENT^TEST||{dob}",
                f"OBR|1||F-{control}^LAB|57021-8^CBC^LN|||{taken}",
                f"OBX|1|NM|6690-2^WBC^LN||1.9|10*9/L|4.0-11.0|L|||{status}",
                f"OBX|2|NM|751-8^ANC^LN||{anc}|10*9/L|2.0-7.5|L|||{status}",
            ]
        ).encode()
        + b"\r"
    )


def drop(folder: Path, name: str, data: bytes, age: float = 10.0) -> Path:
    """A file that finished arriving ``age`` seconds ago."""
    path = folder / name
    path.write_bytes(data)
    old = time.time() - age
    os.utime(path, (old, old))
    return path


@pytest.fixture
def inbox(ward: ChartStore, tmp_path: Path) -> Path:
    folder = tmp_path / "lab-inbox"
    folder.mkdir()
    operations.set_ward_setting(ward, "hl7_inbox", str(folder), actor="admin", now=NOW)
    return folder


@pytest.fixture
def window(qtbot, ward: ChartStore, inbox: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    win.load_chart()
    win.show()
    yield win
    win.close()


def anc_of(store: ChartStore, mrn: str) -> list[tuple[str, str]]:
    return [
        (str(r[0]), str(r[1]))
        for r in store.conn.execute(
            "SELECT r.anc, r.lab_status FROM current_results r JOIN current_patients p "
            "ON p.origin_id = r.patient_id WHERE p.mrn = ? AND r.source = 'import'",
            [mrn],
        )
    ]


def test_a_dropped_file_is_charted_within_a_look_and_moved_to_done(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    inbox: Path,  # type: ignore[no-untyped-def]
) -> None:
    drop(inbox, "cbc.hl7", oru("A-1", "M1"))
    # The real folder watcher, then the look 2.3 s later: generous on a loaded machine.
    qtbot.waitUntil(lambda: (inbox / "done" / "cbc.hl7").exists(), timeout=30_000)
    assert not (inbox / "cbc.hl7").exists()
    assert anc_of(ward, "A-1") == [("0.45", "final")]
    qtbot.waitUntil(
        lambda: "1 result from the lab charted" in window.statusBar().currentMessage(),
        timeout=5_000,
    )


def test_a_name_already_in_done_gets_a_number_and_nothing_is_lost(
    window: MainWindow, ward: ChartStore, inbox: Path
) -> None:
    drop(inbox, "cbc.hl7", oru("A-1", "M1"))
    window.poll_inbox()
    drop(inbox, "cbc.hl7", oru("B-2", "M2"))
    window.poll_inbox()
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["cbc-2.hl7", "cbc.hl7"]
    assert anc_of(ward, "B-2") == [("0.45", "final")]


def test_a_file_still_being_written_is_left_for_the_next_look(
    window: MainWindow, ward: ChartStore, inbox: Path
) -> None:
    young = drop(inbox, "young.hl7", oru("A-1", "M1"), age=0)
    window.poll_inbox()
    assert young.exists()
    assert anc_of(ward, "A-1") == []
    growing = drop(inbox, "growing.hl7", oru("B-2", "M2")[:40])
    assert window.inbox.next_file() == growing  # seen once, with its size
    with growing.open("ab") as f:
        f.write(oru("B-2", "M2")[40:])
    old = time.time() - 10
    os.utime(growing, (old, old))
    assert window.inbox.next_file() != growing  # its size changed since the last look
    assert growing.exists()


def test_a_file_that_is_not_hl7_goes_to_held_with_the_reason(
    window: MainWindow, ward: ChartStore, inbox: Path
) -> None:
    drop(inbox, "notes.txt", b"Dear ward, results to follow.\n")
    window.poll_inbox()
    assert (inbox / "held" / "notes.txt").exists()
    why = (inbox / "held" / "notes.txt.why.txt").read_text()
    assert "not an HL7 v2 message file" in why
    window.poll_inbox()  # nothing left: no loop, no crash
    assert "1 held" in window.statusBar().currentMessage()


def test_a_held_message_is_listed_and_attached_by_keyboard(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    inbox: Path,  # type: ignore[no-untyped-def]
) -> None:
    drop(inbox, "unknown.hl7", oru("B-9", "M9"))
    window.poll_inbox()
    assert (inbox / "held" / "unknown.hl7").exists()
    assert "1 lab message held" in window.held_count.text()
    dialog = window.open_held_messages()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 1
    assert "B-9" in dialog.table.item(0, 1).text()
    assert "no patient on this chart has MRN B-9" in dialog.table.item(0, 2).text()
    target = next(i for i, p in enumerate(dialog.patients) if p.mrn == "B-2")
    dialog.grab().save(str(Path(os.environ.get("WARDCHART_SHOTS", "/tmp")) / "held-dialog.png"))
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.table)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.patient
    for _ in range(target + 1):
        QTest.keyClick(dialog.patient, Qt.Key.Key_Down)
    assert "MRN DIFFERS: message B-9, chart B-2" in dialog.comparison.text()
    assert "date of birth matches" in dialog.comparison.text()
    QTest.keyClick(dialog.patient, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.focusWidget(), "lab mistyped MRN, phoned")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.attach_button
    QTest.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    assert anc_of(ward, "B-2") == [("0.45", "final")]
    assert dialog.table.rowCount() == 0
    assert held_messages(ward.db) == []
    action, detail = ward.conn.execute(
        "SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert (action, json.loads(detail)["reason"]) == ("hl7_attached", "lab mistyped MRN, phoned")
    dialog.accept()
    assert window.held_count.text() == ""


def test_dismiss_needs_a_reason_then_takes_it_off_the_list(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    inbox: Path,  # type: ignore[no-untyped-def]
) -> None:
    drop(inbox, "dob.hl7", oru("A-1", "M7", dob="19500502"))  # date of birth differs
    window.poll_inbox()
    dialog = window.open_held_messages()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "date of birth 1950-05-02" in dialog.table.item(0, 2).text()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.table)
    for _ in range(4):  # patient, reason, attach, dismiss
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.dismiss_button
    QTest.keyClick(dialog.dismiss_button, Qt.Key.Key_Space)
    assert dialog.message.text().startswith("reason:")
    assert dialog.table.rowCount() == 1
    assert dialog.focusWidget() is dialog.reason
    QTest.keyClicks(dialog.reason, "duplicate, lab resent with the right date")
    for _ in range(2):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(dialog.dismiss_button, Qt.Key.Key_Space)
    assert dialog.table.rowCount() == 0
    assert anc_of(ward, "A-1") == []
    (action,) = ward.conn.execute(
        "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert action == "hl7_dismissed"


def test_a_preliminary_result_is_marked_in_census_table_chart_and_printouts(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    inbox: Path,  # type: ignore[no-untyped-def]
) -> None:
    from wardchart.report.documents import patient_blocks, ward_blocks
    from wardchart.report.layout import Paragraph, Table
    from wardchart.ui.census import COLUMNS, CensusModel

    drop(inbox, "prelim.hl7", oru("A-1", "P1", status="P"))
    window.poll_inbox()
    assert anc_of(ward, "A-1") == [("0.45", "preliminary")]
    model = window.census.model
    rows = [CensusModel.cells(model.row_data(r)) for r in range(model.rowCount())]
    (a_row,) = [r for r in rows if r[COLUMNS.index("MRN")] == "A-1"]
    assert a_row[COLUMNS.index("Latest ANC")].startswith("0.45 P · ")
    session = window.session
    assert session is not None
    patient = next(p for p in session.patients() if p.mrn == "A-1")
    assert window.census.select(patient.id)
    results = window.patient_view.records.models["results"]
    cells = [results.cells(r) for r in range(results.rowCount())]
    assert ("1.90 P", "0.45 P") in [(c[2], c[3]) for c in cells]
    assert "preliminary" in [c[-1] for c in cells]
    view = window.patient_view.chart_view
    assert view is not None
    points = list(view.anc_curve.scatter.points())
    hollow = [p for p in points if "PRELIMINARY" in str(p.data())]
    assert len(hollow) == 1
    assert hollow[0].brush().color().name() == "#ffffff"
    assert all(p.brush().color().name() != "#ffffff" for p in points if p not in hollow)
    window.grab().save(
        str(Path(os.environ.get("WARDCHART_SHOTS", "/tmp")) / "preliminary-point.png")
    )
    chart = session.chart(patient)
    summary = patient_blocks(chart, None, None)
    assert any(isinstance(b, Paragraph) and "P = preliminary" in b.text for b in summary)
    table_rows = [row for b in summary if isinstance(b, Table) for row in b.rows]
    assert any("0.45 P" in row for row in table_rows)
    sheet = ward_blocks([session.chart(p) for p in session.patients()])
    sheet_rows = [row for b in sheet if isinstance(b, Table) for row in b.rows]
    assert any(cell.startswith("0.45 P at") for row in sheet_rows for cell in row)
    assert isinstance(sheet[0], Paragraph)
