"""The rules' words on the German printouts: readiness, the nadir window, the census
flags and the febrile-neutropenia alert read German, with decimal commas."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from ward_fixture import A_DAY1S, at

from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_the_handover_sheet_gives_the_rules_in_german(
    ward: ChartStore, cli: Cli, tmp_path: Path, german: None
) -> None:
    out = tmp_path / "uebergabe.pdf"
    status, _stdout, err = cli("report", "ward", "--out", str(out))
    assert status == 0, err
    text = pdf_text(out)
    assert "Z2 d12" in text  # cycle 2, day 12, as the chart writes cycle days
    assert "im Fenster" in text
    assert "nicht bereit" in text
    # The command line reports at the real time; the fixture charted A-1's last CBC at
    # 07:00 yesterday, in its nadir window: overdue from 07:00 today.
    overdue = datetime.now().astimezone() - at(A_DAY1S[1], 11) > timedelta(hours=24)
    assert ("kein BB 24 h, ≥65 J." if overdue else "≥65 J.") in text
    assert ("kein BB 24 h" in text) == overdue
    for english in ("in window", "not ready", "no CBC 24 h", "age≥65"):
        assert english not in text, english


def test_the_patient_summary_gives_the_alert_and_readiness_in_german(
    ward: ChartStore, cli: Cli, tmp_path: Path, german: None
) -> None:
    out = tmp_path / "zusammenfassung.pdf"
    status, _stdout, err = cli("report", "patient", "--mrn", "A-1", "--out", str(out))
    assert status == 0, err
    text = pdf_text(out)
    assert "Temperatur 38,5 °C; ANC 0,30 ×10⁹/L am" in text
    assert "einmalige Temperatur ≥ 38,3 °C oder ≥ 38,0 °C anhaltend ≥ 60 min" in text
    assert "Nächster Zyklus: nicht bereit – erfordert ANC ≥ 1,5 und Thrombozyten ≥ 100" in text
    assert "65 oder älter" in text
    assert "Grad 4, CTCAE v5.0" in text  # the nadir's grade
    for english in ("temperature 38", "single", "needs ANC", "65 or over", "grade 4"):
        assert english not in text, english
