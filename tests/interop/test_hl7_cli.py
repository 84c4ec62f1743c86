"""wardchart hl7 import / hl7 held through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hl7_messages import MRN, cbc, message, msh, obr, pid, standard

Cli = Callable[..., tuple[int, str, str]]


def test_import_held_and_summary(cli: Cli, tmp_path: Path) -> None:
    assert cli("patient", "add", "--mrn", MRN, "--name", "Doe, Jane", "--dob", "1965-04-12")[0] == 0
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "1.hl7").write_bytes(standard("P1", status="P"))
    (inbox / "2.hl7").write_bytes(message(msh("X1"), pid("77777777"), obr(), *cbc()))
    status, out, err = cli("hl7", "import", str(inbox), "--json")
    assert status == 0, err
    outcomes = json.loads(out)
    assert [(o["control_id"], o["outcome"], o["results"]) for o in outcomes] == [
        ("P1", "charted", 1),
        ("X1", "held", 0),
    ]
    status, out, _ = cli("hl7", "held", "--json")
    (held,) = json.loads(out)
    assert (held["control_id"], held["mrn"]) == ("X1", "77777777")
    status, out, _ = cli("summary", "--mrn", MRN, "--json")
    (result,) = json.loads(out)["baseline"]  # no cycle yet: a baseline result
    assert (result["lab_status"], result["source"]) == ("preliminary", "import")
    final = tmp_path / "final.hl7"
    final.write_bytes(standard("F1"))
    status, out, _ = cli("hl7", "import", str(final))
    assert status == 0
    assert "charted (1 result)" in out
    status, out, _ = cli("history", "--mrn", MRN)
    assert "original, preliminary" in out
    assert "final result from laboratory" in out


def test_a_file_that_is_not_hl7_exits_2_in_one_line(cli: Cli, tmp_path: Path) -> None:
    assert cli("patient", "add", "--mrn", MRN, "--name", "Doe, Jane", "--dob", "1965-04-12")[0] == 0
    text = tmp_path / "results.csv"
    text.write_text("mrn,taken,wbc\n")
    status, out, err = cli("hl7", "import", str(text))
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: file: ")
    assert err.count("\n") == 1


def test_the_message_library_is_not_loaded_at_start_up() -> None:
    code = (
        "import sys, wardchart.cli, wardchart.cli.parser, wardchart.domain.settings; "
        "print('hl7' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
