"""The printed documents, made from a real chart file and read back from the PDF."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from ward_fixture import A_DAY1S, NOW, at

from wardchart import __version__
from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]
A4 = (595, 842)


def pages_text(path: Path) -> list[str]:
    """Each page's text with whitespace normalised (pypdf separates words with tabs)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def assert_vector_with_fonts(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data
    assert b"/FontFile2" in data  # TrueType fonts embedded


def test_patient_summary_holds_identifiers_values_and_footer_on_every_page(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "alpha.pdf"
    status, stdout, err = cli(
        "report", "patient", "--mrn", "A-1", "--paper", "a4", "--cycle", "1", "--out", str(out)
    )
    assert status == 0, err
    assert "Wrote" in stdout
    assert_vector_with_fonts(out)
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    texts = pages_text(out)
    for number, text in enumerate(texts, start=1):
        assert "Alpha, Ann · MRN A-1 · DOB 1950-05-01" in text
        assert "bed 4A-01" in text
        assert "AC · cycle 1" in text
        assert f"page {number} of {len(texts)}" in text
        assert f"wardchart {__version__}" in text
        assert "chart file ward.sqlite" in text
    body = " ".join(texts)
    assert "Nadir: ANC 0.45 ×10⁹/L on day 11" in body
    assert "grade 4, CTCAE v5.0" in body
    assert "Recovery (first ANC ≥ 1.5 ×10⁹/L after the nadir): day 15" in body
    assert "expected nadir window days 10–14" in body
    assert f"{at(A_DAY1S[0], 10):%Y-%m-%d} 07:00" in body  # 24-hour collection time
    assert "G4 (v5.0)" in body
    assert "D1" in body  # the chart's axis labels are text too
    assert "count (×10⁹/L)" in body


def test_current_cycle_summary_lists_alert_rule_and_gcsf(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "current.pdf"
    assert cli("report", "patient", "--mrn", "A-1", "--out", str(out))[0] == 0
    body = " ".join(pages_text(out))
    assert "Lowest ANC so far: ANC 0.3" in body  # cycle 2, day 12 of a 10–14 window
    assert "FEBRILE NEUTROPENIA [IDSA 2010]" in body
    assert "within 1 hour of triage" in body
    assert "pegfilgrastim" in body
    assert "38.5 °C" in body


def test_a_long_chart_continues_with_headers_and_no_split_rows(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    patient = queries.find_patient(ward.db, "B-2")
    assert patient is not None
    day1 = NOW.date() - timedelta(days=4)
    times = []
    for i in range(90):
        taken = at(day1, 1) - timedelta(hours=8 * (i + 1))  # baseline, every 8 hours
        times.append(taken)
        operations.record_cbc(
            ward,
            patient=patient,
            entry=CbcEntry(taken=taken, wbc=Decimal("5.0"), anc=Decimal("3.0")),
            confirm=True,  # a month of history at once: the old dates are confirmed
            actor="lab",
            now=NOW,
        )
    out = tmp_path / "long.pdf"
    assert cli("report", "patient", "--mrn", "B-2", "--out", str(out))[0] == 0
    texts = pages_text(out)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "Beta, Ben · MRN B-2" in text
        assert f"page {number} of {len(texts)}" in text
    assert "Results — cycle 1 (continued)" in texts[1]
    assert "Collected (24 h)" in texts[1]  # the table header is repeated
    body = " ".join(texts)
    for taken in times:
        stamp = taken.astimezone().strftime("%Y-%m-%d %H:%M")
        assert len(re.findall(re.escape(stamp), body)) == 1, stamp


def test_ward_sheet_is_landscape_sorted_by_bed_with_footer(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "ward.pdf"
    status, _, err = cli("report", "ward", "--paper", "letter", "--out", str(out))
    assert status == 0, err
    assert_vector_with_fonts(out)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    (text,) = pages_text(out)
    assert "Ward handover sheet" in text
    assert text.index("Alpha, Ann") < text.index("Beta, Ben")
    for expected in (
        "A-1",
        "B-2",
        "1950-05-01",
        "C2 D12",
        "C1 D5",
        "febrile neutropenia",
        "page 1 of 1",
        "the bed is location only",
    ):
        assert expected in text


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["patient", "--mrn", "nobody"], "--mrn"),
        (["patient", "--mrn", "A-1", "--cycle", "9"], "--cycle"),
    ],
)
def test_report_errors_leave_no_file(
    ward: ChartStore, cli: Cli, tmp_path: Path, args: list[str], field: str
) -> None:
    out = tmp_path / "x.pdf"
    status, _, err = cli("report", *args, "--out", str(out))
    assert status == 2
    assert err.count("\n") == 1
    assert field in err
    assert list(tmp_path.glob("*.pdf")) == []
    assert list(tmp_path.glob(".*.part")) == []


def test_a_missing_folder_is_refused(ward: ChartStore, cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "w.pdf"
    status, _, err = cli("report", "ward", "--out", str(missing))
    assert status == 2
    assert "--out" in err
    assert not missing.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="file modes do not bind root")
def test_a_read_only_folder_is_refused(ward: ChartStore, cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        status, _, err = cli("report", "ward", "--out", str(locked / "w.pdf"))
        assert status == 2
        assert "--out" in err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_every_export_is_audited(ward: ChartStore, cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "audited.pdf"
    assert cli("report", "patient", "--mrn", "B-2", "--out", str(out))[0] == 0
    check = ward.db.execute(
        "SELECT actor, entity, patient_id, detail FROM audit_log WHERE action = 'export' "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    patient = queries.find_patient(ward.db, "B-2")
    assert patient is not None
    assert check[1] == "patient_summary"
    assert check[2] == patient.id
    assert str(out) in check[3]
    assert '"pages": 1' in check[3]


def test_a_count_just_below_a_grade_line_is_never_shown_on_it(
    ward: ChartStore, cli: Cli, tmp_path: Path
) -> None:
    # ANC 0.995 is grade 3 (< 1.0); "1.00" beside "G3" would read as a contradiction. No
    # platelet count was sent, so the next cycle cannot be judged for want of platelets.
    patient = queries.find_patient(ward.db, "B-2")
    assert patient is not None
    operations.record_cbc(
        ward,
        patient=patient,
        entry=CbcEntry(taken=NOW - timedelta(hours=1), wbc=Decimal("2.1"), anc=Decimal("0.995")),
        actor="lab",
        now=NOW,
    )
    sheet = tmp_path / "ward.pdf"
    assert cli("report", "ward", "--out", str(sheet))[0] == 0
    (text,) = pages_text(sheet)
    assert "0.995" in text
    assert "1.00 " not in text
    assert "no platelet count" in text
    summary = tmp_path / "b.pdf"
    assert cli("report", "patient", "--mrn", "B-2", "--out", str(summary))[0] == 0
    body = " ".join(pages_text(summary))
    assert "0.995" in body
    assert "Next cycle: no platelet count" in body
    status, stdout, _ = cli("patient", "list")
    assert status == 0
    assert "0.995" in stdout
    assert "no platelet count" in stdout
    assert "1.00 " not in stdout


def test_the_footer_never_wraps_even_for_a_long_chart_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    from ward_fixture import write_ward

    from wardchart.cli import main
    from wardchart.storage.database import open_chart

    long_name = tmp_path / ("ward-4A-oncology-haematology-day-unit-" * 4 + "chart.sqlite")
    store = open_chart(long_name)
    write_ward(store)
    store.close()
    for kind, out in (("patient", tmp_path / "p.pdf"), ("ward", tmp_path / "w.pdf")):
        args = ["--mrn", "A-1"] if kind == "patient" else []
        assert main(["--db", str(long_name), "report", kind, *args, "--out", str(out)]) == 0
        capsys.readouterr()
        layout = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = len(PdfReader(out).pages)
        lines = layout.splitlines()
        for number in range(1, pages + 1):
            assert any(f"page {number} of {pages}" in line for line in lines), (kind, number)
        head_lines = [line for line in lines if "audit head" in line]
        assert len(head_lines) == pages
        # The chain head is printed whole on the same line as its name.
        assert all(re.search(r"audit head \d+-[0-9a-f]{16}\b", line) for line in head_lines)
