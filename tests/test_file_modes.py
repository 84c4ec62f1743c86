"""On POSIX, everything wardchart creates is readable by its owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def run(*args: str, cwd: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # A permissive umask, as a shared workstation's login might have: wardchart must not
    # rely on it.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.umask(0o022); "
            "from wardchart.cli import main; sys.exit(main(sys.argv[1:]))",
            *args,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_chart_backups_exports_and_printouts_are_owner_only(tmp_path: Path) -> None:
    chart = tmp_path / "ward" / "chart.sqlite"
    chart.parent.mkdir(mode=0o755)
    db = ["--db", str(chart)]
    run(*db, "demo", cwd=tmp_path)
    run(*db, "backup", cwd=tmp_path)
    run(*db, "export", "--format", "csv", "--out", str(tmp_path / "export.csv"), cwd=tmp_path)
    run(*db, "report", "ward", "--out", str(tmp_path / "ward.pdf"), cwd=tmp_path)
    created = [chart, tmp_path / "export.csv", tmp_path / "ward.pdf"]
    backups = chart.parent / f"{chart.stem}-backups"
    created += list(backups.iterdir())
    assert len(created) > 3
    for path in created:
        assert mode(path) == 0o600, (path, oct(mode(path)))
    assert mode(backups) == 0o700
    for journal in chart.parent.glob("chart.sqlite-*"):
        if journal.is_file():
            assert mode(journal) == 0o600, journal
