"""The benchmarks run end to end at a tiny size, so they never rot (times mean nothing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORED = {
    "cold start to main window shown (ward file)",
    "cold start to first chart drawn (ward file)",
    "peak memory, ward file, chart shown",
    "record a CBC (validate, commit durably, census and chart refreshed)",
    "select a patient, hospital-scale file (the same patient)",
    "merge a clinic laptop (40 patients × 3 cycles) into the hospital-scale file",
    "merge two hospital-scale replicas differing by 5 % of their records",
}


def _run(*args: str, **env: str) -> str:
    """``python -m`` ``args`` from the repository, offscreen; it must succeed. Its output."""
    done = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_benchmarks_run_at_tiny_size_and_report_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    printed = _run("benchmarks", "--tiny", "--data", str(tmp_path), "--json", str(out))
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["tiny"] is True
    assert report["files"]["ward"]["patients"] == 6
    assert report["files"]["hospital"]["results"] > report["files"]["ward"]["results"]
    names = [f["figure"] for f in report["figures"]]
    assert len(names) == 13
    assert set(names) >= FLOORED
    assert any(n.startswith("select a patient, ward file") for n in names)
    for figure in report["figures"]:
        assert figure["runs"] >= 1
        assert figure["min"] <= figure["median"] <= figure["max"]
        assert figure["unit"] in {"ms", "MiB"}
        if figure["figure"] in FLOORED:
            assert figure["floor_median"] > 0
            assert figure["ratio"] == figure["median"] / figure["floor_median"]
        if figure["target"]:
            assert figure["met"] in (True, False)
        else:
            assert figure["met"] is None
    assert "figure" in printed  # the table's header was printed


def test_the_instruction_count_runs_outside_valgrind(tmp_path: Path) -> None:
    """``python -m benchmarks.instructions`` selects the patient in the real window; outside
    valgrind its switches do nothing and it still runs to the end."""
    _run("benchmarks.instructions", "--pairs", "1", "--data", str(tmp_path), PATH="/usr/bin:/bin")
    assert list(tmp_path.glob("ward-*"))  # the ward file was made (cached for the day)
