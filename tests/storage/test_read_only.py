"""Read-only chart files and folders: reading works, saving says why, nothing changes.

The file or folder is made immutable with chattr, which binds root too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fs_helpers import immutable

from wardchart.cli import main


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "charts"
    folder.mkdir()
    path = folder / "ward.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_chart(demo: Path, capsys: pytest.CaptureFixture[str], what: str) -> None:
    capsys.readouterr()
    before = demo.read_bytes()
    with immutable(demo if what == "file" else demo.parent):
        assert main(["--db", str(demo), "patient", "list"]) == 0
        assert "Okafor, Grace" in capsys.readouterr().out
        status = main(
            [
                "--db",
                str(demo),
                "lab",
                "add",
                "--mrn",
                "MRN100231",
                "--taken",
                "2026-01-01 08:00",
                "--wbc",
                "2",
                "--confirm",
            ]
        )
        err = capsys.readouterr().err
        assert status == 2
        assert err.count("\n") == 1
        assert "read-only" in err
        assert "nothing was saved" in err
    assert demo.read_bytes() == before
