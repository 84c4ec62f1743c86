"""``wardchart --self-test``: the packaged program's smoke test, through the real entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "wardchart", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_self_test_on_the_demo_ward(tmp_path: Path) -> None:
    chart = tmp_path / "demo.sqlite"
    assert _run(tmp_path, "demo", "--db", str(chart)).returncode == 0
    done = _run(tmp_path, "--db", str(chart), "--self-test")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wardchart self-test OK: 12 patients")
    assert "Traceback" not in done.stderr


def test_self_test_fails_in_one_line_on_an_empty_chart(tmp_path: Path) -> None:
    done = _run(tmp_path, "--db", str(tmp_path / "empty.sqlite"), "--self-test")
    assert done.returncode == 1
    assert "no patients" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_file_is_refused_without_a_traceback(tmp_path: Path) -> None:
    chart = tmp_path / "bad.sqlite"
    chart.write_bytes(b"not a chart" * 50)
    done = _run(tmp_path, "--db", str(chart), "--self-test")
    assert done.returncode == 2
    assert "not a plain SQLite database" in done.stderr
    assert "Traceback" not in done.stderr
    assert chart.read_bytes() == b"not a chart" * 50


def test_no_display_is_one_clear_line_not_an_abort(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "wardchart", "--db", str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "no display" in done.stderr
