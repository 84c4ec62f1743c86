"""The printouts, the command line and the chart file's refusals in German: made by the real
code from a real chart file, the PDFs read back with pdftotext."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ward_fixture import A_DAY1S, at

from wardchart import i18n
from wardchart.storage import queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.errors import ChartFileError

Cli = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[2]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``wardchart ARGS`` in a process of its own, in the environment given."""
    return subprocess.run(
        [sys.executable, "-m", "wardchart", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        check=False,
    )


def test_patient_summary_prints_in_german_with_german_dates_and_numbers(
    ward: ChartStore, cli: Cli, tmp_path: Path, german: None
) -> None:
    out = tmp_path / "zusammenfassung.pdf"
    status, stdout, err = cli(
        "report", "patient", "--mrn", "A-1", "--cycle", "1", "--out", str(out)
    )
    assert status == 0, err
    assert "geschrieben (" in stdout
    text = pdf_text(out)
    assert "Neutropenie-Verlauf – Zusammenfassung" in text
    assert "Alpha, Ann · MRN A-1 · geb. 01.05.1950" in text
    assert "Seite 1 von" in text
    assert "gedruckt von" in text
    assert "Nadir: ANC 0,45 ×10⁹/L an Tag 11" in text
    assert "Erholung (erste ANC ≥ 1,5 ×10⁹/L nach dem Nadir): Tag 15" in text
    assert f"{at(A_DAY1S[0], 10):%d.%m.%Y} 07:00" in text  # the collection time, German date
    assert "Abnahme (24 h)" in text
    assert "Eingetragen von" in text
    assert "Zyklustag" in text  # the chart's axis titles
    assert "Zahl (×10⁹/L)" in text
    assert "erwarteter Nadir d10–d14" in text  # the chart's band label
    for english in ("page 1 of", "DOB", "Results", "Entered by", "cycle day", "1950-05-01"):
        assert english not in text


def test_handover_sheet_prints_in_german(
    ward: ChartStore, cli: Cli, tmp_path: Path, german: None
) -> None:
    out = tmp_path / "uebergabe.pdf"
    status, _stdout, err = cli("report", "ward", "--out", str(out))
    assert status == 0, err
    text = pdf_text(out)
    assert "Übergabebogen der Station" in text
    assert "2 Patienten, nach Bett sortiert" in text
    for heading in ("Bett", "Nächster Zyklus", "Hinweise und Alarme"):
        assert heading in text
    assert "01.05.1950" in text
    assert "0,3" in text  # the latest ANC of A-1 with a decimal comma
    for english in ("Ward handover sheet", "sorted by bed", "1950-05-01", "page 1 of"):
        assert english not in text


def test_a_german_command_names_the_field_in_german_and_writes_nothing(
    ward: ChartStore, chart_path: Path
) -> None:
    patient = queries.find_patient(ward.db, "A-1")
    assert patient is not None
    before = len(queries.patient_records(ward.db, patient).cycles)
    done = run(
        {"WARDCHART_LANGUAGE": "de"},
        *("--db", str(chart_path), "cycle", "start", "--mrn", "A-1", "--regimen", "AC"),
        *("--day1", "2026-06-01", "--cycle-length", "x"),
    )
    assert done.returncode == 2
    assert done.stderr == (
        "wardchart: error: --cycle-length: 'x' ist keine ganze Zahl (Ziffern 0-9, höchstens 4)\n"
    )
    assert len(queries.patient_records(ward.db, patient).cycles) == before


def test_the_system_locale_chooses_german_and_english_needs_no_qt(
    ward: ChartStore, chart_path: Path
) -> None:
    german = run(
        {"WARDCHART_LANGUAGE": "", "LANGUAGE": "", "LC_ALL": "", "LANG": "de_DE.UTF-8"},
        *("--db", str(chart_path), "patient", "list"),
    )
    assert german.returncode == 0, german.stderr
    assert german.stdout.splitlines()[0].split()[:3] == ["Bett", "Name", "MRN"]
    probe = (
        "import sys; from wardchart.cli import main; "
        f"main(['--db', {str(chart_path)!r}, 'patient', 'list']); "
        "print('Qt' if 'PySide6.QtCore' in sys.modules else 'no Qt')"
    )
    english = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WARDCHART_LANGUAGE": "", "LANG": "C"},
        check=True,
    )
    assert english.stdout.splitlines()[0].split()[:3] == ["Bed", "Name", "MRN"]
    assert english.stdout.splitlines()[-1] == "no Qt"


def test_a_file_that_is_not_a_chart_is_refused_in_german(
    tmp_path: Path, cli: Cli, chart_path: Path, german: None
) -> None:
    chart_path.write_bytes(b"SQLite format 3\x00" + bytes(200))
    said = f"Kurvendatei {chart_path} ist beschädigt oder keine wardchart-Kurvendatei"
    with pytest.raises(ChartFileError) as refused:
        open_chart(chart_path, create=False)
    assert str(refused.value).startswith(f"chart file {chart_path} ")  # English underneath
    assert i18n.shown(refused.value) == said
    status, _out, err = cli("patient", "list")
    assert status == 2
    assert err == f"wardchart: error: {said}\n"
