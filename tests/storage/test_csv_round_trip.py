"""The results CSV that ``export`` writes is the CSV that ``import`` reads (docs/csv.md)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from wardchart.cli import main
from wardchart.demo import write_demo_ward
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.storage import operations, queries
from wardchart.storage.csv_import import import_results
from wardchart.storage.database import ChartStore, open_chart

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
KEPT = ("time", "wbc", "anc", "anc_source", "neut_pct", "bands_pct", "platelets")
KEPT += ("anc_lln", "wbc_lln", "unit", "ucum", "lab_status")


def export_csv(chart: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["--db", str(chart), "export", "--format", "csv", *extra]) == 0
    return capsys.readouterr().out


def results_of(text: str) -> list[tuple[str, ...]]:
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["kind"] == "result"]
    return sorted((r["mrn"], r["name"], r["dob"], *(r[k] for k in KEPT)) for r in rows)


def same_patients(source: ChartStore, target: Path) -> ChartStore:
    fresh = open_chart(target)
    for p in queries.all_patients(source.db):
        operations.admit_patient(
            fresh, mrn=p.mrn, name=p.name, dob=p.dob, confirm=True, actor="n", now=NOW
        )
    return fresh


@pytest.fixture
def demo(store: ChartStore) -> ChartStore:
    write_demo_ward(store, now=datetime.now().astimezone())
    return store


def test_a_demo_wards_results_round_trip(
    demo: ChartStore, chart_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    patient = queries.all_patients(demo.db)[0]
    operations.record_cbc(  # a preliminary laboratory result keeps its status
        demo,
        patient=patient,
        entry=CbcEntry(taken=datetime.now().astimezone(), wbc=Decimal("1.234"), anc=Decimal("0.5")),
        lab_status="preliminary",
        source="import",
        actor="lab",
        now=datetime.now().astimezone(),
    )
    exported = tmp_path / "results.csv"
    exported.write_text(export_csv(chart_path, capsys, "--kind", "result"), encoding="utf-8")
    header = exported.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"unit", "ucum", "wbc_loinc", "anc_loinc", "time", "name", "dob"} <= set(header)
    fresh_path = tmp_path / "fresh.sqlite"
    fresh = same_patients(demo, fresh_path)
    fresh.close()

    assert main(["--db", str(fresh_path), "import", str(exported), "--confirm"]) == 0
    assert main(["--db", str(fresh_path), "import", str(exported), "--confirm"]) == 0
    out = capsys.readouterr().out
    assert "Imported 0 results" in out
    assert "already on the chart were skipped" in out

    before = results_of(exported.read_text(encoding="utf-8"))
    after = results_of(export_csv(fresh_path, capsys, "--kind", "result"))
    assert len(before) > 100
    assert after == before
    assert any(row[-1] == "preliminary" for row in after)
    assert any(row[6] == "computed" for row in after)
    assert any(row[6] == "lab" for row in after)


def test_the_whole_export_is_refused_naming_the_first_other_kind(
    demo: ChartStore, chart_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "everything.csv"
    exported.write_text(export_csv(chart_path, capsys), encoding="utf-8")
    fresh = same_patients(demo, tmp_path / "fresh.sqlite")
    with pytest.raises(InvalidEntry) as raised:
        import_results(fresh, exported, confirm=True, actor="n", now=datetime.now().astimezone())
    message = raised.value.first.message
    assert message.startswith("line 2: kind: 'cycle' rows cannot be imported")
    assert "--kind result" in message
    assert int(fresh.db.execute("SELECT count(*) FROM results").fetchone()[0]) == 0
    fresh.close()


# --- the rows of an export, checked one by one -------------------------------------------

HEADER = (
    "mrn,name,dob,kind,id,time,cycle,cycle_day,wbc,anc,anc_source,neut_pct,bands_pct,"
    "platelets,anc_lln,wbc_lln,anc_grade,wbc_grade,source,recorded_by,corrected,lab_status,"
    "unit,ucum,wbc_loinc,anc_loinc,neut_pct_loinc,bands_pct_loinc,platelets_loinc,"
    "ctcae_version\n"
)
LAB = (
    'A1,"Patient, A1",1960-01-01,result,x,2026-03-10T07:00:00+00:00,1,5,2.1,0.84,lab,,,'
    "150,2,4,3,2,manual,n,False,,10^9/L,10*9/L,26464-8,26499-4,,,26515-7,5.0\n"
)
COMPUTED = (
    'A1,"Patient, A1",1960-01-01,result,y,2026-03-11T07:00:00+00:00,1,6,2,0.9,computed,40,5,'
    ",,,3,2,manual,n,False,,10^9/L,10*9/L,26464-8,26499-4,26511-6,26508-2,,5.0\n"
)


@pytest.fixture
def admitted(store: ChartStore) -> ChartStore:
    operations.admit_patient(
        store, mrn="A1", name="Patient, A1", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    return store


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_exported_rows_chart_their_values_and_the_anc_source(
    admitted: ChartStore, tmp_path: Path
) -> None:
    report = import_results(
        admitted, write(tmp_path, HEADER + LAB + COMPUTED), confirm=False, actor="n", now=NOW
    )
    assert report.imported == 2
    patient = queries.find_patient(admitted.db, "A1")
    assert patient is not None
    lab, computed = sorted(queries.patient_records(admitted.db, patient).results, key=str)[:2]
    by_source = {r.anc_source: r for r in (lab, computed)}
    assert by_source["lab"].anc == Decimal("0.84")
    assert by_source["lab"].anc_lln == 2
    assert by_source["computed"].anc == Decimal("0.9")
    assert by_source["computed"].neut_pct == 40


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (LAB.replace("1960-01-01", "1961-01-01"), "line 2: dob: 1961-01-01 is not the date"),
        (LAB.replace('"Patient, A1"', '"Other, Person"'), "line 2: name: 'Other, Person'"),
        (LAB.replace(",result,", ",temperature,"), "line 2: kind: 'temperature' rows"),
        (LAB.replace(",result,", ",gcsf,"), "line 2: kind: 'gcsf' rows"),
        (COMPUTED.replace(",0.9,", ",0.8,"), "line 2: anc: 0.8 is not the ANC computed"),
        (LAB.replace(",0.84,lab,", ",,lab,"), "line 2: anc: is empty"),
        (LAB.replace(",lab,", ",guess,"), "line 2: anc_source"),
        (LAB.replace(",10*9/L,", ",10*3/L,"), "line 2: ucum"),
        (LAB.replace(",10*9/L,", ",/uL,"), "line 2: ucum: '/uL' is not the same unit"),
        (LAB.replace("False,,", "False,maybe,"), "line 2: lab_status"),
        (LAB.replace("2026-03-10T07:00:00+00:00", "2026-03-10T07:00:00.5+00:00"), "line 2: taken"),
    ],
)
def test_an_export_row_that_does_not_fit_the_chart_is_refused(
    admitted: ChartStore, tmp_path: Path, row: str, message: str
) -> None:
    with pytest.raises(InvalidEntry) as raised:
        import_results(admitted, write(tmp_path, HEADER + row), confirm=True, actor="n", now=NOW)
    assert raised.value.first.message.startswith(message)
    assert int(admitted.db.execute("SELECT count(*) FROM results").fetchone()[0]) == 0


def test_a_name_is_compared_as_it_looks(admitted: ChartStore, tmp_path: Path) -> None:
    row = LAB.replace('"Patient, A1"', '"  PATIENT,   a1 "')
    report = import_results(
        admitted, write(tmp_path, HEADER + row), confirm=False, actor="n", now=NOW
    )
    assert report.imported == 1


def test_time_and_taken_together_are_refused(admitted: ChartStore, tmp_path: Path) -> None:
    path = write(tmp_path, "mrn,taken,time,wbc\nA1,2026-03-10 07:00,2026-03-10 07:00,2\n")
    with pytest.raises(InvalidEntry) as raised:
        import_results(admitted, path, confirm=False, actor="n", now=NOW)
    assert raised.value.first.message.startswith("line 1: columns 'taken' and 'time'")


def test_a_withdrawn_result_is_not_brought_back(admitted: ChartStore, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + LAB)
    import_results(admitted, path, confirm=False, actor="n", now=NOW)
    (row_id,) = admitted.db.execute("SELECT origin_id FROM results").fetchone()
    operations.mark_entered_in_error(
        admitted,
        table="results",
        record_id=row_id,
        expected_version=row_id,
        reason="wrong patient",
        actor="n",
        now=NOW,
    )
    again = import_results(admitted, path, confirm=False, actor="n", now=NOW)
    assert (again.imported, again.skipped_duplicates) == (0, 1)


def test_both_times_of_the_repeated_hour_import_apart(admitted: ChartStore, tmp_path: Path) -> None:
    """Times with their offset are exact even in the hour a clock repeats."""
    first = LAB.replace("2026-03-10T07:00:00+00:00", "2026-03-08T01:30:00-04:00")
    second = LAB.replace("2026-03-10T07:00:00+00:00", "2026-03-08T01:30:00-05:00")
    report = import_results(
        admitted, write(tmp_path, HEADER + first + second), confirm=False, actor="n", now=NOW
    )
    assert report.imported == 2
    taken = [r[0] for r in admitted.db.execute("SELECT taken_utc FROM results ORDER BY 1")]
    assert len(set(taken)) == 2


def test_export_json_with_a_kind_is_refused(
    admitted: ChartStore, chart_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(chart_path), "export", "--format", "json", "--kind", "result"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wardchart: error: --kind")
    assert err.count("\n") == 1


Run = Callable[..., subprocess.CompletedProcess[str]]


def test_round_trip_through_the_real_program(
    admitted: ChartStore, chart_path: Path, tmp_path: Path
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wardchart", *args],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            check=False,
        )

    now = datetime.now().astimezone()
    operations.record_cbc(
        admitted,
        patient=queries.require_patient(admitted.db, "A1"),
        entry=CbcEntry(taken=now, wbc=Decimal("2.5"), neut_pct=Decimal("30"), unit=_k_per_ul()),
        actor="n",
        now=now,
    )
    out = tmp_path / "out.csv"
    exported = run(
        "--db", str(chart_path), "export", "--format", "csv", "--kind", "result", "--out", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.sqlite"
    added = run(
        "--db",
        str(fresh),
        "patient",
        "add",
        "--mrn",
        "a1",
        "--name",
        "Patient, A1",
        "--dob",
        "1960-01-01",
    )
    assert added.returncode == 0, added.stderr
    imported = run("--db", str(fresh), "import", str(out))
    assert (imported.returncode, imported.stdout.strip()) == (0, f"Imported 1 result from {out}")
    wrong = tmp_path / "wrong.sqlite"
    run(
        "--db",
        str(wrong),
        "patient",
        "add",
        "--mrn",
        "A1",
        "--name",
        "Other, Person",
        "--dob",
        "1960-01-01",
    )
    refused = run("--db", str(wrong), "import", str(out))
    assert refused.returncode == 2
    assert refused.stderr.startswith("wardchart: error: line 2: name: ")
    assert refused.stderr.count("\n") == 1


def _k_per_ul():  # type: ignore[no-untyped-def]
    from wardchart.domain.units import parse_count_unit

    return parse_count_unit("K/uL")


# --- an exported row edited and imported again --------------------------------------------------


def _charted(store: ChartStore) -> list[tuple[str, str]]:
    rows = store.db.execute("SELECT taken_utc, anc FROM current_results ORDER BY 1").fetchall()
    return [(str(t), str(a)) for t, a in rows]


def test_an_edited_row_keeping_its_id_is_refused_naming_the_line(
    admitted: ChartStore, tmp_path: Path
) -> None:
    import_results(admitted, write(tmp_path, HEADER + LAB), confirm=False, actor="n", now=NOW)
    (origin,) = admitted.db.execute("SELECT origin_id FROM results").fetchone()
    exported = LAB.replace(",x,", f",{origin},")
    # Exported as it is, it is already on the chart.
    again = import_results(
        admitted, write(tmp_path, HEADER + exported), confirm=False, actor="n", now=NOW
    )
    assert (again.imported, again.skipped_duplicates) == (0, 1)
    edited = exported.replace(",0.84,lab,", ",0.08,lab,")
    with pytest.raises(InvalidEntry) as raised:
        import_results(
            admitted,
            write(tmp_path, HEADER + LAB.replace("2026-03-10", "2026-03-09") + edited),
            confirm=True,
            actor="n",
            now=NOW,
        )
    message = raised.value.first.message
    assert message.startswith(f"line 3: id: {origin} names a result on this chart")
    assert f"wardchart correct lab --id {origin}" in message
    assert len(_charted(admitted)) == 1  # nothing of the file was saved


def test_a_row_at_a_charted_time_with_other_values_is_refused(
    admitted: ChartStore, tmp_path: Path
) -> None:
    import_results(admitted, write(tmp_path, HEADER + LAB), confirm=False, actor="n", now=NOW)
    other = LAB.replace(",x,", ",z,").replace(",0.84,lab,", ",0.08,lab,")
    with pytest.raises(InvalidEntry) as raised:
        import_results(admitted, write(tmp_path, HEADER + other), confirm=True, actor="n", now=NOW)
    message = raised.value.first.message
    assert message.startswith("line 2: time: the patient already has a result at the same")
    assert "wardchart correct lab" in message
    assert len(_charted(admitted)) == 1
