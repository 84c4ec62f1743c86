"""Instructions a patient selection executes, counted by valgrind's callgrind.

Timings on this VM move by ±0.3 ms between rounds of the same code, as much as most single
changes to the selection save; an instruction count moves by a few hundredths of a percent.
Run under callgrind with collection off; this script turns it on for the clicks only:

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \\
        .venv/bin/python -m benchmarks.instructions [--pairs 10]

and read "Collected" (or ``callgrind_annotate /tmp/cg.out``). Each pair is the 10-cycle
patient of the ward file selected, then the line below it, each drawn, in the real window
at 1366×768. Compare two versions of the code by their counts, then confirm in time with
``make bench``: instructions are not time (numpy's and Qt's loops run many more an
instant than Python does), so this finds what to change, not what a nurse waits.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions", description=__doc__)
    parser.add_argument("--pairs", type=int, default=10, help="selections counted, in pairs")
    parser.add_argument("--data", type=Path, default=Path(__file__).with_name(".data"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from benchmarks import figures, generate
    from wardchart.app import quiet_offscreen_warnings
    from wardchart.storage import queries

    quiet_offscreen_warnings()
    ward_file, _ = generate.cached_file(args.data, "ward", generate.WARD, figures.today())
    with tempfile.TemporaryDirectory(prefix="wardchart-bench-") as scratch:
        work = Path(scratch)
        figures.own_settings(work / "config")
        ward = generate.working_copy(ward_file, work)
        with figures.main_window(ward) as window:
            assert window.session is not None
            chosen = queries.find_patient(window.session.store.db, "SYN000001")
            assert chosen is not None
            model = window.census.model
            row = model.row_of(chosen.id)
            assert row is not None
            below = model.row_data(row + 1).patient_id

            def click(patient_id: str) -> None:
                window.census.select(patient_id)
                QApplication.processEvents()  # laid out and painted (offscreen: at once)

            for _ in range(4):  # every lazy import and first-time set-up done
                click(chosen.id)
                click(below)
            gc.collect()
            _collect(on=True)
            for _ in range(args.pairs):
                click(chosen.id)
                click(below)
            _collect(on=False)
    return 0


def _collect(*, on: bool) -> None:
    """Turn callgrind's collection on or off for this process (nothing outside valgrind,
    or where valgrind is not installed)."""
    if shutil.which("callgrind_control") is None:
        return
    subprocess.run(
        ["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
        capture_output=True,
        check=False,
    )


if __name__ == "__main__":
    raise SystemExit(main())
