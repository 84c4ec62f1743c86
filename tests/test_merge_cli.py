"""Merging, laptop copies and conflicts through the real command line, on real files
(see docs/merging.md): the laptop workflow end to end, every refusal leaving both files
as they were, and who may do what."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from wardchart.cli import main

Run = Callable[..., tuple[int, str, str]]
TODAY = datetime.now().astimezone().date()
DAY1 = (TODAY - timedelta(days=9)).isoformat()
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``wardchart --db FILE ARGS`` in this process: (status, stdout, stderr)."""

    def call(db: Path, *args: str) -> tuple[int, str, str]:
        status = main(["--db", str(db), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return call


def digest(path: Path) -> str:
    """The file's bytes, hashed (with what sits beside it: a journal, or nothing)."""
    found = []
    for name in sorted(p.name for p in path.parent.glob(path.name + "*")):
        found.append(f"{name}:{hashlib.sha256((path.parent / name).read_bytes()).hexdigest()}")
    return "\n".join(found)


def ok(result: tuple[int, str, str]) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def admit(run: Run, db: Path, mrn: str, name: str, bed: str = "") -> None:
    extra = ["--bed", bed] if bed else []
    ok(run(db, "patient", "add", "--mrn", mrn, "--name", name, "--dob", "1960-01-01", *extra))


def cbc(run: Run, db: Path, mrn: str, hours: int, anc: str) -> None:
    taken = (datetime.now().astimezone() - timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")
    ok(run(db, "lab", "add", "--mrn", mrn, "--taken", taken, "--anc", anc, "--wbc", "2"))


def open_conflicts(run: Run, db: Path) -> list[dict[str, object]]:
    found = json.loads(ok(run(db, "conflicts", "--json")))
    assert isinstance(found, list)
    return found


@pytest.fixture
def ward(run: Run, tmp_path: Path) -> Path:
    """The ward's chart: two patients, a cycle and a count."""
    db = tmp_path / "ward.sqlite"
    admit(run, db, "A-1", "Alpha, Ann", "4A-01")
    admit(run, db, "B-2", "Beta, Bob", "4A-02")
    ok(run(db, "cycle", "start", "--mrn", "A-1", "--regimen", "AC", "--day1", DAY1))
    cbc(run, db, "A-1", 30, "1.5")
    return db


@pytest.fixture
def laptop(run: Run, ward: Path, tmp_path: Path) -> Path:
    out = tmp_path / "laptop.sqlite"
    said = ok(run(ward, "copy", "--out", str(out)))
    assert str(out) in said
    assert "merge" in said
    return out


def test_the_laptop_workflow_end_to_end(run: Run, ward: Path, laptop: Path) -> None:
    # In clinic: a count for a ward patient, a new clinic patient, and one MRN admitted
    # on the laptop that the ward admits too, for a different record.
    cbc(run, laptop, "A-1", 5, "0.4")
    admit(run, laptop, "C-3", "Gamma, Cy")
    admit(run, laptop, "D-4", "Delta, Di")
    # On the ward meanwhile: another count for the same patient, and MRN D-4 again.
    cbc(run, ward, "A-1", 4, "0.6")
    admit(run, ward, "D-4", "Delta, Diana", "4A-03")

    before = digest(laptop)
    out = ok(run(ward, "merge", str(laptop)))
    assert digest(laptop) == before  # the other file is read, never written
    assert "new records: 2 patients, 1 blood count" in out
    assert "conflicts: 1 new, 1 open in all" in out
    assert "one MRN admitted as two patients: MRN D-4" in out
    ok(run(laptop, "merge", str(ward)))
    assert ok(run(ward, "patient", "list")) == ok(run(laptop, "patient", "list"))
    assert open_conflicts(run, ward) == open_conflicts(run, laptop)

    # Listed for a nurse: what, who and when on each side, and which is shown.
    listing = ok(run(ward, "conflicts"))
    assert "1 open conflict:" in listing
    assert "Delta, Di (MRN D-4)" in listing
    assert "Delta, Diana (MRN D-4)" in listing
    assert listing.count("SHOWN NOW") == 2
    assert f"{TODAY.isoformat()} " in listing  # local times, as the chart shows them
    (conflict,) = open_conflicts(run, ward)
    assert conflict["kind"] == "mrn"
    assert conflict["subject"] == "MRN D-4"
    sides = conflict["sides"]
    assert isinstance(sides, list)
    ward_side = next(s for s in sides if s["patient"] == "Delta, Diana (MRN D-4)")

    # Resolved on the ward (the ward's Diana has her own MRN), merged back to the laptop:
    # the conflict clears there too, and both show the same census.
    key = str(conflict["key"])[:8]
    record = str(ward_side["record_id"])[:8]
    for taken, holder in (("A-1", "Alpha, Ann"), ("d-4", "Delta, Di")):
        status, _, err = run(
            ward,
            "conflicts",
            "resolve",
            key,
            "--new-version",
            record,
            "--mrn",
            taken,
            "--reason",
            "typo",
        )
        assert status == 2
        assert err.startswith(f"wardchart: error: --mrn: MRN {taken.upper()} belongs to")
        assert holder in err or "Delta" in err
    out = ok(
        run(
            ward,
            "conflicts",
            "resolve",
            key,
            "--new-version",
            str(ward_side["record_id"])[:8],
            "--mrn",
            "D-40",
            "--reason",
            "two people: the ward typed the MRN wrong",
        )
    )
    assert f"Resolved conflict {key}" in out
    assert open_conflicts(run, ward) == []
    assert open_conflicts(run, laptop) != []
    out = ok(run(laptop, "merge", str(ward)))
    assert "conflicts: 0 new, 0 open in all" in out
    assert open_conflicts(run, laptop) == []
    assert ok(run(ward, "patient", "list")) == ok(run(laptop, "patient", "list"))
    assert "D-40" in ok(run(laptop, "patient", "list"))
    # Merging again brings nothing; both files pass their checks.
    ok(run(ward, "merge", str(laptop)))
    again = json.loads(ok(run(ward, "merge", str(laptop), "--json")))
    assert again["new_rows"] == {}
    assert again["new_records"] == {}
    for db in (ward, laptop):
        ok(run(db, "check"))
        ok(run(db, "audit", "verify"))


def test_merge_json_and_dry_run(run: Run, ward: Path, laptop: Path) -> None:
    admit(run, laptop, "C-3", "Gamma, Cy")
    before = digest(ward)
    dry = json.loads(ok(run(ward, "merge", str(laptop), "--dry-run", "--json")))
    assert digest(ward) == before
    assert dry["dry_run"] is True
    assert dry["new_records"] == {"patients": 1}
    assert dry["conflicts"] == 0
    assert dry["new_conflicts"] == []
    text = ok(run(ward, "merge", str(laptop), "--dry-run"))
    assert "a dry run: nothing was saved" in text
    assert "new records: 1 patient" in text
    done = json.loads(ok(run(ward, "merge", str(laptop), "--json")))
    assert done["dry_run"] is False
    assert done["new_records"] == {"patients": 1}
    assert done["already_present"]["patients"] == 2


def test_two_corrections_apart_are_listed_and_one_is_kept(
    run: Run, ward: Path, laptop: Path
) -> None:
    ok(run(ward, "correct", "patient", "--mrn", "B-2", "--bed", "5B-01", "--reason", "moved"))
    ok(run(laptop, "correct", "patient", "--mrn", "B-2", "--bed", "6C-01", "--reason", "moved"))
    ok(run(ward, "merge", str(laptop)))
    (conflict,) = open_conflicts(run, ward)
    assert conflict["kind"] == "correction"
    assert conflict["patient"] == "Beta, Bob (MRN B-2)"
    sides = conflict["sides"]
    assert isinstance(sides, list)
    assert sum(bool(s["shown"]) for s in sides) == 1
    hidden = next(s for s in sides if not s["shown"])
    status, _, err = run(
        ward,
        "conflicts",
        "resolve",
        str(conflict["key"])[:8],
        "--link",
        str(hidden["record_id"])[:8],
        "--reason",
        "x",
    )
    assert status == 2
    assert err.startswith("wardchart: error: action:")
    ok(
        run(
            ward,
            "conflicts",
            "resolve",
            str(conflict["key"])[:8],
            "--keep",
            str(hidden["version_id"])[:8],
            "--reason",
            "the laptop's bed is where he is",
        )
    )
    assert open_conflicts(run, ward) == []
    ok(run(laptop, "merge", str(ward)))
    assert open_conflicts(run, laptop) == []
    kept_bed = next(v for v in str(hidden["summary"]).split(", ") if v.startswith("bed="))
    assert kept_bed.removeprefix("bed=") in ok(run(laptop, "patient", "list"))
    assert ok(run(ward, "patient", "list")) == ok(run(laptop, "patient", "list"))


def _tamper(path: Path) -> None:
    """Change a count in place (as a file edited outside wardchart would be)."""
    conn = sqlite3.connect(path)
    try:
        keep = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'results_no_update'"
        ).fetchone()[0]
        conn.execute("DROP TRIGGER results_no_update")
        conn.execute("UPDATE results SET anc = '9.9' WHERE rowid = 1")
        conn.execute(keep)
        conn.commit()
    finally:
        conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('wardchart', 'm999_future', 'x')"
        )
        conn.commit()
    finally:
        conn.close()


def _damage(path: Path) -> None:
    """Overwrite bytes in the middle of the file: pages the quick check reads."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 3000] = b"\xa5" * 3000
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (_tamper, "different content"),
        (_newer, "newer wardchart"),
        (_damage, "damaged"),
    ],
)
def test_a_file_that_cannot_be_merged_leaves_both_files_byte_identical(
    run: Run, ward: Path, laptop: Path, spoil: Callable[[Path], None], said: str
) -> None:
    admit(run, laptop, "C-3", "Gamma, Cy")
    spoil(laptop)
    chart_before, other_before = digest(ward), digest(laptop)
    status, out, err = run(ward, "merge", str(laptop))
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: ")
    assert err.count("\n") == 1
    assert said in err
    assert "nothing was changed" in err
    assert digest(ward) == chart_before
    assert digest(laptop) == other_before


def test_refusals_before_anything_is_read(run: Run, ward: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a chart\n" * 200)
    plain_sqlite = tmp_path / "other.sqlite"
    sqlite3.connect(plain_sqlite).execute("CREATE TABLE t (x)").connection.close()
    cases = [
        ([str(tmp_path / "missing.sqlite")], "OTHER: no chart file"),
        ([str(ward)], "this chart file itself"),
        ([str(text)], "WARDCHART_OTHER_PASSPHRASE"),
        ([str(plain_sqlite)], "not a wardchart chart file"),
        ([], "OTHER"),
    ]
    for args, said in cases:
        before = digest(ward)
        status, out, err = run(ward, "merge", *args)
        assert (status, out) == (2, ""), args
        assert err.count("\n") == 1, (args, err)
        assert said in err, (args, err)
        assert digest(ward) == before


def _cli(db: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    variables = {k: v for k, v in os.environ.items() if not k.startswith("WARDCHART_")}
    variables |= {"PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "wardchart", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=variables,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_an_encrypted_laptop_copy_and_its_passphrase(run: Run, ward: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.sqlite"
    made = _cli(ward, "copy", "--out", str(laptop), "--encrypt")
    assert made.returncode == 2
    assert "WARDCHART_NEW_PASSPHRASE" in made.stderr
    assert not laptop.exists()
    made = _cli(ward, "copy", "--out", str(laptop), "--encrypt", WARDCHART_NEW_PASSPHRASE="k1 k1")
    assert made.returncode == 0, made.stderr
    assert "(encrypted;" in made.stdout
    assert laptop.read_bytes()[:16] != b"SQLite format 3\x00"
    again = _cli(ward, "copy", "--out", str(laptop), "--encrypt", WARDCHART_NEW_PASSPHRASE="k")
    assert again.returncode == 2
    assert "--out:" in again.stderr
    assert "already exists" in again.stderr

    added = _cli(
        laptop,
        "patient",
        "add",
        "--mrn",
        "C-3",
        "--name",
        "Gamma, Cy",
        "--dob",
        "1970-01-01",
        WARDCHART_PASSPHRASE="k1 k1",
    )
    assert added.returncode == 0, added.stderr
    chart_before, other_before = digest(ward), digest(laptop)
    for env, said in (
        ({}, "WARDCHART_OTHER_PASSPHRASE"),
        ({"WARDCHART_OTHER_PASSPHRASE": "wrong"}, "wrong passphrase"),
    ):
        refused = _cli(ward, "merge", str(laptop), **env)
        assert refused.returncode == 2
        assert refused.stdout == ""
        assert refused.stderr.count("\n") == 1
        assert said in refused.stderr
        assert digest(ward) == chart_before
        assert digest(laptop) == other_before
    merged = _cli(ward, "merge", str(laptop), "--json", WARDCHART_OTHER_PASSPHRASE="k1 k1")
    assert merged.returncode == 0, merged.stderr
    assert json.loads(merged.stdout)["new_records"] == {"patients": 1}
    assert digest(laptop) == other_before


def test_an_encrypted_chart_is_only_copied_encrypted(run: Run, ward: Path, tmp_path: Path) -> None:
    done = _cli(ward, "encrypt", WARDCHART_NEW_PASSPHRASE="ward key 123456")
    assert done.returncode == 0, done.stderr
    plain = _cli(
        ward, "copy", "--out", str(tmp_path / "l.sqlite"), WARDCHART_PASSPHRASE="ward key 123456"
    )
    assert plain.returncode == 2
    assert "--encrypt:" in plain.stderr
    assert not (tmp_path / "l.sqlite").exists()


NURSE = "nurse password 456"


def test_a_nurse_may_copy_merge_and_resolve(
    run: Run, ward: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", "admin password 123")
    ok(
        run(
            ward,
            "user",
            "add",
            "--username",
            "ada",
            "--name",
            "Ada Admin",
            "--initials",
            "AA",
            "--role",
            "admin",
        )
    )
    monkeypatch.setenv("WARDCHART_PASSWORD", "admin password 123")
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", NURSE)
    ok(
        run(
            ward,
            "--user",
            "ada",
            "user",
            "add",
            "--username",
            "nina",
            "--name",
            "Nina Nurse",
            "--initials",
            "NN",
            "--role",
            "nurse",
        )
    )
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE)
    laptop = tmp_path / "laptop.sqlite"
    ok(run(ward, "--user", "nina", "copy", "--out", str(laptop)))
    ok(
        run(
            laptop,
            "--user",
            "nina",
            "correct",
            "patient",
            "--mrn",
            "B-2",
            "--bed",
            "6C-01",
            "--reason",
            "moved",
        )
    )
    ok(
        run(
            ward,
            "--user",
            "nina",
            "correct",
            "patient",
            "--mrn",
            "B-2",
            "--bed",
            "5B-01",
            "--reason",
            "moved",
        )
    )
    ok(run(ward, "--user", "nina", "merge", str(laptop)))
    (conflict,) = json.loads(ok(run(ward, "--user", "nina", "conflicts", "--json")))
    assert {s["recorded_by"] for s in conflict["sides"]} == {"nina"}
    shown = next(s for s in conflict["sides"] if s["shown"])
    ok(
        run(
            ward,
            "--user",
            "nina",
            "conflicts",
            "resolve",
            conflict["key"][:8],
            "--keep",
            shown["version_id"][:8],
            "--reason",
            "checked at the bedside",
        )
    )
    assert json.loads(ok(run(ward, "--user", "nina", "conflicts", "--json"))) == []
    status, _, err = run(ward, "merge", str(laptop))  # nobody signed in
    assert status == 2
    assert "--user" in err


def test_a_count_charted_on_both_is_listed_and_kept_once(
    run: Run, ward: Path, laptop: Path, tmp_path: Path
) -> None:
    taken = (datetime.now().astimezone() - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    csv = tmp_path / "labs.csv"
    csv.write_text(f"MRN,taken,wbc,anc\nA-1,{taken},2.1,0.84\n", encoding="utf-8")
    for db in (ward, laptop):
        ok(run(db, "import", str(csv)))
    out = ok(run(ward, "merge", str(laptop)))
    assert "conflicts: 1 new, 1 open in all" in out
    assert "charted twice, on two charts: CBC taken" in out
    ok(run(laptop, "merge", str(ward)))
    assert open_conflicts(run, ward) == open_conflicts(run, laptop)
    listing = ok(run(ward, "conflicts"))
    assert "1 open conflict:" in listing
    assert f"charted twice, on two charts: CBC taken {taken} — patient Alpha, Ann" in listing
    assert listing.count("SHOWN NOW") == 2
    assert listing.count("anc=0.84") == 2
    (conflict,) = open_conflicts(run, ward)
    assert conflict["kind"] == "duplicate"
    sides = conflict["sides"]
    assert isinstance(sides, list)
    # the record charted first stays, whichever side is named: here the other one
    (kept,) = [s for s in sides if s["record_id"] == conflict["kept_by_rule"]]
    (named,) = [s for s in sides if s is not kept]
    said = ok(
        run(
            ward,
            "conflicts",
            "resolve",
            str(conflict["key"])[:8],
            "--keep",
            str(named["version_id"])[:8],
            "--reason",
            "the same lab file imported on both",
        )
    )
    assert f"kept version {str(kept['version_id'])[:8]}, the one charted first" in said
    assert open_conflicts(run, ward) == []
    ok(run(laptop, "merge", str(ward)))
    assert open_conflicts(run, laptop) == []
    for db in (ward, laptop):
        rows = ok(run(db, "export", "--format", "csv", "--mrn", "A-1", "--kind", "result"))
        assert [r for r in rows.splitlines() if ",0.84," in r] == [
            next(r for r in rows.splitlines() if str(kept["record_id"]) in r)
        ]
        ok(run(db, "check"))


def test_two_counts_kept_differently_on_each_chart_are_shown_again_from_the_command_line(
    run: Run, ward: Path, laptop: Path
) -> None:
    taken = (datetime.now().astimezone() - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    for db, anc in ((ward, "0.84"), (laptop, "0.48")):
        ok(run(db, "lab", "add", "--mrn", "A-1", "--taken", taken, "--anc", anc, "--wbc", "2"))
    ok(run(ward, "merge", str(laptop)))
    ok(run(laptop, "merge", str(ward)))
    (conflict,) = open_conflicts(run, ward)
    sides = conflict["sides"]
    assert isinstance(sides, list)
    for db, side in zip((ward, laptop), sides, strict=True):  # each keeps another, apart
        resolve = ("conflicts", "resolve", str(conflict["key"])[:8])
        ok(run(db, *resolve, "--keep", str(side["version_id"])[:8], "--reason", "checked"))
    ok(run(ward, "merge", str(laptop)))
    ok(run(laptop, "merge", str(ward)))
    assert open_conflicts(run, ward) == open_conflicts(run, laptop)
    listing = ok(run(ward, "conflicts"))
    assert f"resolved differently on two charts — nothing shown: CBC taken {taken}" in listing
    (apart,) = open_conflicts(run, ward)
    chosen = next(s for s in apart["sides"] if "anc=0.84" in s["summary"])  # type: ignore[union-attr]
    said = ok(
        run(
            ward,
            "conflicts",
            "resolve",
            str(apart["key"])[:8],
            "--keep",
            str(chosen["record_id"])[:8],
            "--reason",
            "the lab's value",
        )
    )
    assert "shown again as new version" in said
    ok(run(laptop, "merge", str(ward)))
    for db in (ward, laptop):
        assert open_conflicts(run, db) == []
        rows = ok(run(db, "export", "--format", "csv", "--mrn", "A-1", "--kind", "result"))
        assert [r for r in rows.splitlines() if ",0.84," in r or ",0.48," in r] == [
            next(r for r in rows.splitlines() if str(chosen["record_id"]) in r)
        ]
        ok(run(db, "check"))
