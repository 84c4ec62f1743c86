"""Smoke test of the built program (packaging/build.sh --smoke, or `make dist-smoke`).

Runs only when WARDCHART_FROZEN names the built folder; with no Python on the PATH it must
print its version, write a demo ward, print a patient summary PDF and pass --self-test.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

FROZEN = os.environ.get("WARDCHART_FROZEN", "")
pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not FROZEN, reason="set WARDCHART_FROZEN=dist/wardchart after a build"),
]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    program = Path(FROZEN).resolve() / "wardchart"
    env = {
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PATH": str(tmp_path / "no-python"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, check=False, timeout=120
    )


def test_the_frozen_program_works_without_python(tmp_path: Path) -> None:
    chart = tmp_path / "demo.sqlite"
    version = _run(tmp_path, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("wardchart ")
    assert _run(tmp_path, "demo", "--db", str(chart)).returncode == 0
    pdf = tmp_path / "summary.pdf"
    report = _run(
        tmp_path, "--db", str(chart), "report", "patient", "--mrn", "MRN100231", "--out", str(pdf)
    )
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    bundle = tmp_path / "bundle.json"  # the FHIR models load from the frozen folder
    fhir = _run(tmp_path, "--db", str(chart), "fhir", "export", "--all", "--out", str(bundle))
    assert fhir.returncode == 0, fhir.stderr
    assert '"resourceType": "Bundle"' in bundle.read_text(encoding="utf-8")
    message = tmp_path / "lab.hl7"  # so does the HL7 message library
    message.write_text(
        "MSH|^~\\&|LAB|H|WARD|H|202611260900||ORU^R01|C1|P|2.5.1\r"
        "PID|1||NOBODY^^^H^MR||Doe^Jane||19650412|F\r"
        "OBR|1||ORD1|58410-2^CBC^LN|||202611260830\r"
        "OBX|1|NM|751-8^ANC^LN||0.45|10*9/L|2.0-7.5|L|||F\r",
        encoding="utf-8",
    )
    lab = _run(tmp_path, "--db", str(chart), "hl7", "import", str(message))
    assert lab.returncode == 0, lab.stderr
    assert "held" in lab.stdout  # nobody of that MRN on the demo ward
    selftest = _run(tmp_path, "--db", str(chart), "--self-test")
    assert selftest.returncode == 0, selftest.stderr
    assert "self-test OK" in selftest.stdout
