"""``python -m benchmarks`` (``make bench``): every benchmark figure beside its floor.

Generates the ward and hospital-scale chart files (cached for the day under
benchmarks/.data), measures, prints a table and writes JSON. ``--tiny`` runs every
figure on small files with two runs each, for the smoke test; its times mean nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="small files, 2 runs: smoke test")
    parser.add_argument("--runs", type=int, help="runs per figure (default 7; cold starts 5)")
    parser.add_argument("--data", type=Path, default=Path(__file__).with_name(".data"))
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from benchmarks import figures, generate
    from benchmarks.figures import Figure
    from wardchart.app import quiet_offscreen_warnings

    quiet_offscreen_warnings()

    now = figures.today()
    runs = args.runs or (2 if args.tiny else 7)
    cold_runs = args.runs or (2 if args.tiny else 5)
    ward_size = generate.TINY if args.tiny else generate.WARD
    hospital_size = (
        generate.Size(patients=12, cycles=(1, 2), template=4) if args.tiny else (generate.HOSPITAL)
    )
    print("Generating chart files (the hospital-scale file once a day) ...", flush=True)
    ward_file, ward_counts = generate.cached_file(
        args.data, "tiny-ward" if args.tiny else "ward", ward_size, now
    )
    hospital_file, hospital_counts = generate.cached_file(
        args.data, "tiny-hospital" if args.tiny else "hospital", hospital_size, now
    )
    long_mrn, other_mrn = "SYN000001", "SYN000002"  # the 10-cycle patient; another

    with tempfile.TemporaryDirectory(prefix="wardchart-bench-") as scratch:
        work = Path(scratch)
        env = figures.own_settings(work / "config")
        ward = generate.working_copy(ward_file, work)
        hospital = generate.working_copy(hospital_file, work)
        results: list[Figure] = []

        print("Cold starts ...", flush=True)
        results += figures.cold_starts(ward, cold_runs, env)

        print("Selecting a patient ...", flush=True)
        select = figures.select_patient(ward, hospital, long_mrn, runs)
        results.append(
            Figure(
                f"select a patient, ward file (patient with {ward_size.long_patient_cycles} "
                "cycles of daily CBCs)",
                "ms",
                select.ward,
                "the same query + bare PlotWidget setData of the same points, drawn",
                select.floor,
                "≤ 30 ms median and ≤ 2 × floor",
                [(30, "value"), (2, "ratio")],
            )
        )
        results.append(
            Figure(
                "select a patient, hospital-scale file (the same patient)",
                "ms",
                select.hospital,
                "the ward figure",
                select.ward,
                "≤ 1.2 × the ward figure",
                [(1.2, "ratio")],
            )
        )
        print("Opening the files in the window ...", flush=True)
        for label, path, count in (
            ("ward", ward, ward_counts["patients"]),
            ("hospital-scale", hospital, hospital_counts["patients"]),
        ):
            results.append(
                Figure(
                    f"open the {label} file in the window until all {count:,} census lines "
                    "are shown (informative)",
                    "ms",
                    figures.census_open(path, 1 if args.tiny else 3),
                )
            )
        print("Filtering the census ...", flush=True)
        results.append(
            Figure(
                "filter the census, one keystroke, hospital-scale file",
                "ms",
                figures.filter_keystrokes(hospital, "smith-12", 1 if args.tiny else 3),
                target="≤ 16 ms median",
                limits=[(16, "value")],
            )
        )
        print("Recording CBCs ...", flush=True)
        cbc, cbc_floor = figures.record_cbc(ward, other_mrn, runs, work / "floor.sqlite")
        results.append(
            Figure(
                "record a CBC (validate, commit durably, census and chart refreshed)",
                "ms",
                cbc,
                "raw sqlite3 insert + commit, same pragmas",
                cbc_floor,
                "≤ 50 ms median",
                [(50, "value")],
            )
        )
        print("Printing ...", flush=True)
        three = _patient_with_cycles(ward, 3) or long_mrn
        results.append(
            Figure(
                "patient summary PDF (3 cycles)",
                "ms",
                figures.pdf(ward, ["report", "patient", "--mrn", three], runs, work / "p.pdf"),
                target="≤ 300 ms",
                limits=[(300, "value")],
            )
        )
        results.append(
            Figure(
                f"ward sheet PDF ({ward_counts['patients']} patients)",
                "ms",
                figures.pdf(ward, ["report", "ward"], runs, work / "w.pdf"),
                target="≤ 500 ms",
                limits=[(500, "value")],
            )
        )

        print("Merging ...", flush=True)
        from benchmarks import merging

        results += merging.figures(
            hospital, hospital_counts["patients"], work, 2 if args.tiny else 3, now, tiny=args.tiny
        )

    by_name = {f.name: f for f in results}
    report = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "qt_platform": env["QT_QPA_PLATFORM"],
        },
        "files": {"ward": ward_counts, "hospital": hospital_counts},
        "tiny": args.tiny,
        "figures": [f.as_json(by_name) for f in results],
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(report["figures"]))
    print(f"\nFiles: ward {_counts(ward_counts)}; hospital {_counts(hospital_counts)}")
    print(f"Written to {args.json}")
    return 0


def _patient_with_cycles(db: Path, count: int) -> str | None:
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT p.mrn FROM current_patients p JOIN current_cycles c ON c.patient_id = p.id "
            "GROUP BY p.id HAVING count(*) = ? ORDER BY p.mrn LIMIT 1",
            (count,),
        ).fetchone()
    return None if row is None else str(row[0])


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {table}" for table, n in counts.items())


def _table(rows: list[dict[str, Any]]) -> str:
    def num(value: float | None, unit: str = "") -> str:
        return "—" if value is None else f"{value:,.1f}{unit}"

    header = ("figure", "median", "min", "max", "floor median", "ratio", "target", "met")
    lines = [
        (
            r["figure"],
            num(r["median"], " " + r["unit"]),
            num(r["min"]),
            num(r["max"]),
            num(r["floor_median"]),
            "—" if r["ratio"] is None else f"{r['ratio']:.2f}×",
            r["target"] or "—",
            {True: "yes", False: "NO", None: "—"}[r["met"]],
        )
        for r in rows
    ]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=True)]
    out = [" | ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out += [
        " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines
    ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
