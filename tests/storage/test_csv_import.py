"""CSV import: all rows or none, with the file's line numbers in every message."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.storage import operations, queries
from wardchart.storage.csv_import import import_results
from wardchart.storage.database import ChartStore

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


@pytest.fixture
def ward(store: ChartStore) -> ChartStore:
    for mrn in ("A1", "B2"):
        operations.admit_patient(
            store, mrn=mrn, name=f"Patient {mrn}", dob=date(1960, 1, 1), actor="n", now=NOW
        )
    return store


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "labs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def result_count(store: ChartStore) -> int:
    return int(store.db.execute("SELECT count(*) FROM results").fetchone()[0])


def test_a_good_file_imports_every_row(ward: ChartStore, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "MRN,taken,wbc,neut_pct,bands_pct,anc,unit\n"
        "A1,2026-03-10 07:00,2.1,40,5,,\n"
        "B2,2026-03-10T07:30+00:00,,,,840,cells/uL\n",
    )
    report = import_results(ward, path, confirm=False, actor="lab", now=NOW)
    assert (report.imported, report.skipped_duplicates) == (2, 0)
    patient = queries.find_patient(ward.db, "B2")
    assert patient is not None
    (result,) = queries.patient_records(ward.db, patient).results
    assert str(result.anc) == "0.84"
    assert result.source == "import"
    again = import_results(ward, path, confirm=False, actor="lab", now=NOW)
    assert (again.imported, again.skipped_duplicates) == (0, 2)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("A1,2026-03-10 07:00,2.1\nA1,2026-03-11 07:00,abc\n", "line 3: wbc"),
        ("A1,2026-03-10 07:00,2.1\nZZ,2026-03-11 07:00,2.0\n", "line 3: mrn"),
        ("A1,2026-03-10 07:00,2.1\nA1,yesterday,2.0\n", "line 3: taken"),
        ("A1,2026-03-10 07:00,2.1\nA1,2026-03-11 07:00,-1\n", "line 3: wbc"),
        ("A1,2026-03-10 07:00,600\n", "line 2: wbc"),  # a warning needs --confirm
        ("A1,2026-03-10 07:00,2100\n", "line 2: wbc"),  # impossible: refused
        ("A1,2026-03-10 07:00\n", "line 2: 2 values"),
        ("A1,2026-03-10 07:00,2.1\nA1,2026-03-10T01:30:00.9-05:00,2\n", "line 3: taken"),
        ("A1,2026-03-10 07:00:30.5,2.1\n", "line 2: taken"),
        ("A1,9999-12-31 23:59,2.1\n", "line 2: taken"),
        ("A1,0001-01-01 00:00+14:00,2.1\n", "line 2: taken"),
        ("A1,2026-03-10 07:00,-0\n", "line 2: wbc"),
        ("A1,2026-03-10 07:00,-0.0\n", "line 2: wbc"),
        ("A1,2026-03-10 07:00,0\n", "line 2: wbc"),  # a WBC of 0 needs --confirm
    ],
)
def test_one_bad_row_rejects_the_whole_file(
    ward: ChartStore, tmp_path: Path, body: str, message: str
) -> None:
    path = write(tmp_path, "mrn,taken,wbc\n" + body)
    with pytest.raises(InvalidEntry) as raised:
        import_results(ward, path, confirm=False, actor="lab", now=NOW)
    assert raised.value.first.message.startswith(message)
    assert result_count(ward) == 0


def test_confirm_accepts_warnings(ward: ChartStore, tmp_path: Path) -> None:
    path = write(tmp_path, "mrn,taken,wbc\nA1,2026-03-10 07:00,600\n")
    assert import_results(ward, path, confirm=True, actor="lab", now=NOW).imported == 1


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("mrn,taken,wbc,colour", "line 1: unknown column 'colour'"),
        ("mrn,wbc", "line 1: missing column 'taken'"),
        ("", "line 1:"),
    ],
)
def test_header_problems(ward: ChartStore, tmp_path: Path, header: str, message: str) -> None:
    path = write(tmp_path, header + ("\n" if header else ""))
    with pytest.raises(InvalidEntry) as raised:
        import_results(ward, path, confirm=False, actor="lab", now=NOW)
    assert raised.value.first.message.startswith(message)


def test_import_is_audited(ward: ChartStore, tmp_path: Path) -> None:
    path = write(tmp_path, "mrn,taken,anc\nA1,2026-03-10 07:00,0.4\n")
    import_results(ward, path, confirm=False, actor="lab", now=NOW)
    row = ward.db.execute("SELECT actor, detail FROM audit_log WHERE action = 'import'").fetchone()
    assert row[0] == "lab"
    assert '"imported": 1' in row[1]
