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
    selftest = _run(tmp_path, "--db", str(chart), "--self-test")
    assert selftest.returncode == 0, selftest.stderr
    assert "self-test OK" in selftest.stdout
