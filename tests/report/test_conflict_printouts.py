"""Every printout says which records are in conflict after merging charts, and which
version it prints (see docs/merging.md): the patient summary and the ward sheet, made by
the report functions and read back with pdftotext."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from merge_fixture import LATER, laptop_with_conflicts

from wardchart.storage.database import ChartStore
from wardchart.storage.merge import merge_from

Cli = Callable[..., tuple[int, str, str]]


def pdf_text(path: Path) -> str:
    """The PDF's text, whitespace made single spaces."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _conflicted(ward: ChartStore, tmp_path: Path) -> None:
    laptop = laptop_with_conflicts(ward, tmp_path)
    merge_from(ward, laptop.path, actor="nurse b", now=LATER)


def test_the_patient_summary_names_the_conflict_and_the_version_printed(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    _conflicted(ward, tmp_path)
    out = tmp_path / "alpha.pdf"
    status, _, err = cli("report", "patient", "--mrn", "A-1", "--cycle", "1", "--out", str(out))
    assert status == 0, err
    text = pdf_text(out)
    assert "CONFLICT — REVIEW" in text
    assert "charted differently on two computers" in text
    assert "CBC taken" in text
    assert "version shown: by nurse laptop" in text
    assert "anc=0.73" in text
    # the results table marks the row too
    assert text.count("conflict — review") >= 2


def test_the_ward_sheet_names_the_patient_in_conflict(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    _conflicted(ward, tmp_path)
    out = tmp_path / "ward.pdf"
    status, _, err = cli("report", "ward", "--out", str(out))
    assert status == 0, err
    text = pdf_text(out)
    assert "CONFLICT — REVIEW" in text
    assert "Alpha, Ann (MRN A-1, bed 4A-01): conflict — review: CBC taken" in text
    assert "version shown: by nurse laptop" in text
    assert "Beta, Ben (MRN B-2" not in text


def test_a_chart_with_no_conflict_prints_no_mark(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "ward.pdf"
    status, _, err = cli("report", "ward", "--out", str(out))
    assert status == 0, err
    assert "CONFLICT" not in pdf_text(out)
