"""wardchart never touches the network: the window, printing, import and export all work
with socket creation made to fail, and the command line runs in a namespace with no network.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


class NetworkUsed(AssertionError):
    """Raised when anything tries to open a socket."""


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise NetworkUsed("wardchart tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_window_print_import_export_without_sockets(
    no_sockets: None,
    qtbot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from wardchart.cli import main
    from wardchart.storage import queries
    from wardchart.storage.database import open_chart
    from wardchart.ui.main_window import MainWindow
    from wardchart.ui.session import ChartSession

    chart = tmp_path / "ward.sqlite"
    assert main(["--db", str(chart), "demo"]) == 0
    csv = tmp_path / "labs.csv"
    csv.write_text("mrn,taken,wbc,anc\nMRN100231,2026-01-05 07:00,2.0,0.4\n")
    assert main(["--db", str(chart), "import", str(csv), "--confirm"]) == 0
    assert (
        main(["--db", str(chart), "export", "--format", "csv", "--out", str(tmp_path / "out.csv")])
        == 0
    )
    assert main(["--db", str(chart), "report", "ward", "--out", str(tmp_path / "w.pdf")]) == 0
    store = open_chart(chart)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(store, "nurse"))
    window.load_chart()
    patient = queries.find_patient(store.db, "MRN100231")
    assert patient is not None
    window.census.select(patient.id)
    assert window.print_patient("export", tmp_path / "p.pdf") == tmp_path / "p.pdf"
    window.close()
    store.close()
    assert "tried to use the network" not in capsys.readouterr().err


@pytest.mark.skipif(
    shutil.which("unshare") is None
    or subprocess.run(["unshare", "--net", "true"], check=False).returncode != 0,
    reason="needs unshare --net (root or user namespaces)",
)
def test_the_program_runs_in_a_namespace_with_no_network(tmp_path: Path) -> None:
    chart = tmp_path / "ward.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["unshare", "--net", sys.executable, "-m", "wardchart", "--db", str(chart), *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    for args in (
        ["demo"],
        ["report", "patient", "--mrn", "MRN100231", "--out", str(tmp_path / "p.pdf")],
        ["--self-test"],
        ["check"],
    ):
        done = run(*args)
        assert done.returncode == 0, (args, done.stderr)
