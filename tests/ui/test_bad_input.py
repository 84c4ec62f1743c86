"""More than a hundred malformed inputs through the command line and the window's dialog.

Each must get one clear line naming the field, and the chart file must not change by a byte.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]
TODAY = datetime.now().astimezone().date()
TAKEN = f"{TODAY - timedelta(days=1)} 07:30"
DAY1 = (TODAY - timedelta(days=9)).isoformat()

BAD_NUMBERS = [
    "",
    "abc",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "9" * 400,
    "1,5",
    "1.2.3",
    "\x07",
    "0x1F",
    "1; DROP TABLE results",
    "=1+1",
    "٣",
]
COUNT_FLAGS = [
    "--wbc",
    "--anc",
    "--neut-pct",
    "--bands-pct",
    "--platelets",
    "--anc-lln",
    "--wbc-lln",
]

CASES: list[tuple[list[str], str]] = []
for flag in COUNT_FLAGS:
    for value in BAD_NUMBERS:
        base = ["--wbc=5"] if flag != "--wbc" else []
        if flag == "--bands-pct":
            base.append("--neut-pct=40")
        CASES.append(
            (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, *base, f"{flag}={value}"], flag)
        )
for flag, value in [
    ("--wbc", "-1"),
    ("--anc", "-0.1"),
    ("--neut-pct", "100.5"),
    ("--bands-pct", "101"),
    ("--platelets", "-5"),
    ("--anc-lln", "-2"),
]:
    CASES.append(
        (
            [
                "lab",
                "add",
                "--mrn",
                "A-1",
                "--taken",
                TAKEN,
                "--wbc=5",
                "--neut-pct=40",
                f"{flag}={value}",
            ],
            flag,
        )
    )
CASES.append((["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=1", "--anc=2"], "--anc"))
CASES.append(
    (
        [
            "lab",
            "add",
            "--mrn",
            "A-1",
            "--taken",
            TAKEN,
            "--wbc=2",
            "--neut-pct=96",
            "--bands-pct=5",
        ],
        "--bands-pct",
    )
)
for value in [
    "",
    "tomorrow",
    "2999-01-01 00:00",
    "1900-01-01 08:00",
    "2026-02-30 08:00",
    "2026-13-01 08:00",
    "25:00",
    "2026-03-01 24:61",
    "'; DROP TABLE results; --",
    "\x00",
    "2026-03-01T08:00+25:00",
    "=NOW()",
]:
    CASES.append((["lab", "add", "--mrn", "A-1", f"--taken={value}", "--wbc=5"], "--taken"))
for value in ["", "mmol/L", "10^6/L", "=cmd|'/C calc'!A0", "x" * 500, "\t"]:
    CASES.append(
        (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", f"--unit={value}"], "--unit")
    )
for value in ["nobody", "", "' OR 1=1 --", '=HYPERLINK("x")', "\t", "a" * 300]:
    CASES.append((["lab", "add", f"--mrn={value}", "--taken", TAKEN, "--wbc=5"], "--mrn"))
for value in ["abc", "NaN", "inf", "-5", "0", "1,5", "9" * 50]:
    CASES.append(
        (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, f"--celsius={value}"], "--celsius")
    )
for value in ["", "x" * 300, "Bad\x1bName", "Tab\tName"]:
    CASES.append(
        (["patient", "add", "--mrn", "NEW", f"--name={value}", "--dob", "1970-01-01"], "--name")
    )
for value in ["", "2999-01-01", "1970-02-30", "01/02/1970", "yesterday"]:
    CASES.append(
        (["patient", "add", "--mrn", "NEW", "--name", "New, Ned", f"--dob={value}"], "--dob")
    )
for value in ["", "7", "14-7", "0-5", "a-b", "7-14-21"]:
    CASES.append(
        (
            [
                "cycle",
                "start",
                "--mrn",
                "B-2",
                "--regimen",
                "Trial",
                "--day1",
                DAY1,
                f"--nadir-window={value}",
            ],
            "--nadir-window",
        )
    )
for value in ["\x07", "d" * 200]:
    CASES.append((["gcsf", "add", "--mrn", "A-1", "--given", TAKEN, f"--drug={value}"], "--drug"))
# Local times the clocks skipped (spring) or showed twice (autumn) in America/New_York; the
# test runs these cases in that zone.
DAYLIGHT_SAVING = ("2026-03-08 02:30", "2026-11-01 01:30", "2026-03-08 02:00", "2026-11-01 01:59")
for value in DAYLIGHT_SAVING:
    CASES.append(
        (["lab", "add", "--mrn", "A-1", f"--taken={value}", "--wbc=5", "--confirm"], "--taken")
    )
    CASES.append(
        (
            ["temp", "add", "--mrn", "A-1", f"--taken={value}", "--celsius=37", "--confirm"],
            "--taken",
        )
    )
    CASES.append(
        (["gcsf", "add", "--mrn", "A-1", f"--given={value}", "--drug=filgrastim"], "--given")
    )

# An anchor to verify the audit history against that is missing, not a file, or not one.
for value in ["", "/nonexistent/ward-backup.sqlite", ".", "/dev/null", "12-zz"]:
    CASES.append((["audit", "verify", f"--against={value}"], "--against"))
# Text that looks the same is the same: hidden and direction-changing characters refused,
# an MRN that differs only in case or width is the patient already on the chart.
NEW_PATIENT = ["patient", "add", "--dob", "1970-01-01"]
CASES += [
    ([*NEW_PATIENT, "--mrn", "A-1\u200b", "--name", "Alpha, Ann"], "--mrn"),
    ([*NEW_PATIENT, "--mrn", "\ufeffNEW", "--name", "New, Ned"], "--mrn"),
    ([*NEW_PATIENT, "--mrn", "a-1", "--name", "Alpha, Ann"], "--mrn"),
    ([*NEW_PATIENT, "--mrn", "Ａ－１", "--name", "Alpha, Ann"], "--mrn"),
    ([*NEW_PATIENT, "--mrn", "NEW", "--name", "Okafor\u202e, Grace"], "--name"),
    ([*NEW_PATIENT, "--mrn", "NEW", "--name", "Okafor, \u2066Grace"], "--name"),
    ([*NEW_PATIENT, "--mrn", "NEW", "--name", "New, Ned", "--bed", "4A-\u200b01"], "--bed"),
    (["lab", "add", "--mrn", "A-1\u200b", "--taken", TAKEN, "--wbc=5"], "--mrn"),
    (["summary", "--mrn", "A\u00ad-1"], "--mrn"),
    (["cycle", "start", "--mrn", "B-2", "--regimen", "AC\u200b", "--day1", DAY1], "--regimen"),
    (["precautions", "set", "--mrn", "A-1", "--note", "wash \u202ehands"], "--note"),
    (["correct", "patient", "--mrn", "A-1", "--reason", "bed \u202e"], "--reason"),
]
# Plausibility: impossible values are refused and implausible ones need --confirm, for every
# numeric and date field (see docs/plausibility.md).
STALE = f"{TODAY - timedelta(days=8)} 07:30"
for args, field in [
    (
        ["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", "--platelets=50000"],
        "--platelets",
    ),
    (
        ["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", "--platelets=5000"],
        "--platelets",
    ),
    (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", "--neut-pct=140"], "--neut-pct"),
    (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", "--anc-lln=0"], "--anc-lln"),
    (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", "--wbc-lln=40"], "--wbc-lln"),
    (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=2.1", "--unit=cells/uL"], "--wbc"),
    (["lab", "add", "--mrn", "A-1", "--taken", STALE, "--wbc=5"], "--taken"),
    (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, "--celsius=3.8"], "--celsius"),
    (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, "--celsius=30"], "--celsius"),
    (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, "--fahrenheit=1000"], "--fahrenheit"),
    (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, "--fahrenheit=38.5"], "--fahrenheit"),
    (["temp", "add", "--mrn", "A-1", "--taken", STALE, "--celsius=37"], "--taken"),
    (["gcsf", "add", "--mrn", "A-1", "--given", STALE, "--drug=filgrastim"], "--given"),
    (["patient", "add", "--mrn", "NEW", "--name", "New, Ned", f"--dob={TODAY}"], "--dob"),
    (["patient", "add", "--mrn", "NEW", "--name", "New, Ned", "--dob=1900-01-01"], "--dob"),
    (["patient", "add", "--mrn", "NEW", "--name", "New, Ned", "--dob=1850-01-01"], "--dob"),
    (["settings", "set", "recovery_anc", "1500"], "recovery_anc"),
    (["settings", "set", "anc_lln_default", "20"], "anc_lln_default"),
    (
        [
            "regimen",
            "set",
            "--name=Q",
            "--cycle-length=21",
            "--nadir-window=7-14",
            "--anc-threshold=1500",
        ],
        "--anc-threshold",
    ),
    (["regimen", "set", "--name=Q", "--cycle-length=0", "--nadir-window=7-14"], "--cycle-length"),
]:
    CASES.append((args, field))
for value in ["0", "400", "3"]:
    CASES.append(
        (
            [
                "cycle",
                "start",
                "--mrn",
                "A-1",
                "--regimen",
                "AC",
                "--day1",
                f"{TODAY}",
                f"--cycle-length={value}",
            ],
            "--cycle-length",
        )
    )
CASES.append(
    (
        [
            "cycle",
            "start",
            "--mrn",
            "A-1",
            "--regimen",
            "AC",
            "--day1",
            f"{TODAY}",
            "--nadir-window=7-400",
        ],
        "--nadir-window",
    )
)

# Files and commands: no output over the chart, odd --db paths, whole numbers that would
# reach Python's int() (see docs/files.md).
CYCLE_START = ["cycle", "start", "--mrn", "B-2", "--regimen", "AC", "--day1", DAY1]
CASES += [
    ([*CYCLE_START, "--cycle-length=²"], "--cycle-length"),
    ([*CYCLE_START, "--cycle-length=" + "9" * 23], "--cycle-length"),
    ([*CYCLE_START, "--nadir-window=1-" + "9" * 23], "--nadir-window"),
    ([*CYCLE_START, "--nadir-window=²-⁹"], "--nadir-window"),
    (["regimen", "set", "--name=X", "--cycle-length=٢١", "--nadir-window=7-14"], "--cycle-length"),
    (["settings", "set", "lock_after_minutes", "²"], "lock_after_minutes"),
    (["settings", "set", "backup_keep_days", "9" * 5000], "backup_keep_days"),
    (["report", "patient", "--mrn=A-1", "--cycle=³", "--out=never.pdf"], "--cycle"),
    (["patient", "list", "--db="], "--db"),
    (["lab", "add", "--db=/dev/null", "--mrn=A-1", f"--taken={TAKEN}", "--wbc=5"], "--db"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=typo.sqlite"], "--out"),
    (["export", "--format=json", "--db=typo.sqlite", "--out=typo.sqlite-wal"], "--out"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=typo-backups/x.csv"], "--out"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=./x/../typo.sqlite"], "--out"),
]
# Warnings: --confirm accepts every warning, so the one line names each of them (the second
# here, not only the first).
CASES += [
    (
        ["lab", "add", "--mrn=A-1", f"--taken={TAKEN}", "--wbc=600", "--neut-pct=0.5"],
        "--neut-pct",
    ),
    (
        ["temp", "add", "--mrn=A-1", f"--taken={STALE}", "--celsius=101.3"],
        "--celsius",
    ),
]

# Times: a fraction of a second is refused (the time is kept to the minute or whole
# second), and so is a year outside 1900-2999 (see docs/dates-and-times.md). Counts: a minus
# sign is refused, -0 included; a WBC of 0 needs --confirm. Invisible characters and
# direction overrides are refused in every identifier, name and free-text field, settings
# included (see docs/identifiers.md).
YESTERDAY = TODAY - timedelta(days=1)
LAB = ["lab", "add", "--mrn", "A-1", "--taken"]
CASES += [
    ([*LAB, f"{YESTERDAY} 09:10:30.5", "--wbc=2", "--neut-pct=40"], "--taken"),
    (["temp", "add", "--mrn=A-1", f"--taken={YESTERDAY} 09:10:00.5", "--celsius=37"], "--taken"),
    (["gcsf", "add", "--mrn=A-1", f"--given={YESTERDAY}T09:10:00.9", "--drug=x"], "--given"),
    (["correct", "lab", "--id=abc", f"--taken={YESTERDAY} 09:10:00.5", "--reason=x"], "--taken"),
    ([*LAB, "9999-12-31 23:59", "--wbc=2", "--neut-pct=40"], "--taken"),
    ([*LAB, "0001-01-01 00:00", "--wbc=2", "--neut-pct=40"], "--taken"),
    (["temp", "add", "--mrn=A-1", "--taken=0001-01-01 00:00 +14:00", "--celsius=37"], "--taken"),
    (["gcsf", "add", "--mrn=A-1", "--given=9999-12-31 23:59 -14:00", "--drug=x"], "--given"),
    (["gcsf", "add", "--mrn=A-1", "--given=0001-01-01 00:00", "--drug=x"], "--given"),
    (["correct", "lab", "--id=abc", "--taken=9999-12-31 23:00", "--reason=x"], "--taken"),
    (["cycle", "start", "--mrn=B-2", "--regimen=AC", "--day1=9999-12-31"], "--day1"),
    (["patient", "add", "--mrn=NEW", "--name=New, Ned", "--dob=0001-01-01"], "--dob"),
    (["audit", "show", "--since=0001-01-01"], "--since"),
    ([*LAB, TAKEN, "--wbc=-0", "--neut-pct=40"], "--wbc"),
    ([*LAB, TAKEN, "--wbc=-0.0", "--neut-pct=40"], "--wbc"),
    ([*LAB, TAKEN, "--wbc=0", "--neut-pct=40"], "--wbc"),
    ([*LAB, TAKEN, "--wbc=2", "--neut-pct=-0"], "--neut-pct"),
    ([*LAB, TAKEN, "--wbc=2", "--neut-pct=40", "--bands-pct=-0.0"], "--bands-pct"),
    ([*LAB, TAKEN, "--wbc=2", "--anc=-0"], "--anc"),
    ([*LAB, TAKEN, "--wbc=2", "--platelets=-0"], "--platelets"),
    ([*LAB, TAKEN, "--wbc=2", "--anc-lln=-0"], "--anc-lln"),
    (["settings", "set", "recovery_anc", "-0"], "recovery_anc"),
]
for hidden in ["\U000e0100", "\U00016fe4", "\u2800"]:
    CASES += [
        ([*NEW_PATIENT, "--mrn", f"N{hidden}EW", "--name", "New, Ned"], "--mrn"),
        ([*NEW_PATIENT, "--mrn", "NEW", "--name", f"New,{hidden}Ned"], "--name"),
        ([*NEW_PATIENT, "--mrn", "NEW", "--name", "New, Ned", "--bed", f"4A{hidden}"], "--bed"),
        (
            ["regimen", "set", f"--name=Q{hidden}", "--cycle-length=21", "--nadir-window=7-14"],
            "--name",
        ),
        (
            [
                "regimen",
                "set",
                "--name=Q",
                "--cycle-length=21",
                "--nadir-window=7-14",
                f"--notes=see{hidden}",
            ],
            "--notes",
        ),
        (["settings", "set", "ward_name", f"4A{hidden}"], "ward_name"),
        (["correct", "patient", "--mrn=A-1", f"--reason=typo{hidden}"], "--reason"),
    ]
CASES += [
    (["settings", "set", "ward_name", "4A\u202eX"], "ward_name"),
    (["settings", "set", "ward_name", "4A\x07"], "ward_name"),
    (["precautions", "set", "--mrn=A-1", "--note=wash\u2800hands"], "--note"),
]

# HL7 result import: a file that is not HL7, and a missing one (see docs/hl7-import.md).
CASES += [
    (["hl7", "import", "/etc/passwd"], "file"),
    (["hl7", "import", "/nonexistent/lab-inbox"], "file"),
]

# FHIR: a file that is not a Bundle, a missing one, an unknown MRN, a folder that does not
# exist (see docs/fhir.md).
CASES += [
    (["fhir", "import", "/etc/passwd"], "file"),
    (["fhir", "import", "/nonexistent/bundle.json"], "file"),
    (["fhir", "export", "--mrn=NOBODY", "--out=/tmp/wardchart-never.json"], "mrn"),
    (["fhir", "export", "--all", "--out=/nonexistent/folder/bundle.json"], "out"),
]

# The window's lab inbox folder: it must exist and be a folder (see docs/hl7-inbox.md).
CASES += [
    (["settings", "set", "hl7_inbox", "/nonexistent/lab-inbox"], "hl7_inbox"),
    (["settings", "set", "hl7_inbox", "/etc/passwd"], "hl7_inbox"),
    (["settings", "set", "hl7_inbox", "lab-inbox"], "hl7_inbox"),
    (["settings", "set", "hl7_inbox", "/tmp/in\u202ebox"], "hl7_inbox"),
]

# Export of one kind of record: CSV only, and only the kinds a chart holds (docs/csv.md).
CASES += [
    (["export", "--format=json", "--kind=result"], "--kind"),
    (["export", "--format=csv", "--kind=alert"], "--kind"),
]

# A decision about a held lab message: the message id, the patient and the reason.
CASES += [
    (["hl7", "attach", "--message=1234", "--mrn=A-1", "--reason=lab typo"], "--message"),
    (["hl7", "attach", "--message=deadbeef", "--mrn=A-1", "--reason=lab typo"], "--message"),
    (["hl7", "attach", "--message=deadbeef", "--mrn=A-1", "--reason= "], "--reason"),
    (["hl7", "dismiss", "--message=deadbeef", "--reason=dup\u200blicate"], "--reason"),
    (["hl7", "dismiss", "--message=../../etc", "--reason=duplicate"], "--message"),
]

# The ward hub: an address never holds a password; sync needs a hub to sync with; the
# setting is a libpq address (docs/hub.md). Nothing is written, nothing is sent.
CASES += [
    (["sync"], "--hub"),
    (["sync", "--hub", ""], "--hub"),
    (["sync", "--hub", "postgresql://nurse:secret@db.example/ward4a"], "--hub"),
    (["sync", "--hub", "host=db.example password=secret"], "--hub"),
    (["sync", "--hub", "postgresql://db.example/ward4a?password=secret"], "--hub"),
    (["sync", "--hub", "not a=valid=address"], "--hub"),
    (["hub", "init", "postgresql://owner:secret@db.example/ward4a"], "URL"),
    (["hub", "init", "postgresql://owner@db.example/ward4a", "--ward-role", " "], "--ward-role"),
    (["settings", "set", "hub", "postgresql://nurse:secret@db.example/ward4a"], "hub"),
    (["settings", "set", "hub", "ward4a"], "hub"),
    (["settings", "set", "hub", "service=ward\u202e4a"], "hub"),
]

# How long the window may be out of step with the ward hub before it warns.
CASES += [
    (["settings", "set", "hub_warn_after_minutes", "0"], "hub_warn_after_minutes"),
    (["settings", "set", "hub_warn_after_minutes", "1441"], "hub_warn_after_minutes"),
    (["settings", "set", "hub_warn_after_minutes", "²"], "hub_warn_after_minutes"),
]

# Merging another chart file, a laptop's copy, conflicts (docs/merging.md). "{chart}" is
# the chart file itself.
CASES += [
    (["merge"], "OTHER"),
    (["merge", "/nonexistent/laptop.sqlite"], "OTHER"),
    (["merge", "/etc"], "OTHER"),
    (["merge", "{chart}"], "OTHER"),
    (["merge", "/etc/passwd"], "WARDCHART_OTHER_PASSPHRASE"),
    (["merge", "/etc/passwd", "--dry-run", "--json"], "WARDCHART_OTHER_PASSPHRASE"),
    (["copy"], "--out"),
    (["copy", "--out=/etc/passwd"], "--out"),
    (["copy", "--out={chart}"], "--out"),
    (["copy", "--out=/nonexistent/folder/laptop.sqlite"], "--out"),
    (["copy", "--out= "], "--out"),
    (["conflicts", "resolve", "deadbeef", "--keep=12345678", "--reason=checked"], "KEY"),
    (["conflicts", "resolve", "dead", "--keep=12345678", "--reason=checked"], "KEY"),
    (["conflicts", "resolve", "deadbeef", "--keep=12345678"], "--reason"),
    (["conflicts", "resolve", "deadbeef", "--keep=12345678", "--reason= "], "--reason"),
    (["conflicts", "resolve", "deadbeef", "--reason=checked"], "--keep"),
    (["conflicts", "resolve", "deadbeef", "--keep=1234", "--reason=checked"], "--keep"),
    (["conflicts", "resolve", "deadbeef", "--new-version=12345678", "--reason=x"], "--mrn"),
    (
        ["conflicts", "resolve", "deadbeef", "--keep=12345678", "--mrn=X-1", "--reason=x"],
        "--mrn",
    ),
    (
        [
            "conflicts",
            "resolve",
            "deadbeef",
            "--new-version=12345678",
            "--mrn=X\u202e1",
            "--reason=x",
        ],
        "--mrn",
    ),
]

# Who may: on a chart file with accounts, a nurse signed in is refused every ward setting
# but the ward's name, and the regimen library; the one line says who may (see
# docs/accounts.md). These cases sign in as the nurse nina (``--user nina``).
AS_NURSE = ["--user", "nina"]
CASES += [
    ([*AS_NURSE, "settings", "set", "lock_after_minutes", "240"], "lock_after_minutes"),
    ([*AS_NURSE, "settings", "set", "backup_keep_recent", "1"], "backup_keep_recent"),
    ([*AS_NURSE, "settings", "set", "backup_keep_days", "1"], "backup_keep_days"),
    ([*AS_NURSE, "settings", "set", "fn_rule", "nice"], "fn_rule"),
    ([*AS_NURSE, "settings", "set", "ctcae_version", "6.0"], "ctcae_version"),
    ([*AS_NURSE, "settings", "set", "recovery_anc", "0.5"], "recovery_anc"),
    ([*AS_NURSE, "settings", "set", "anc_lln_default", "1.8"], "anc_lln_default"),
    ([*AS_NURSE, "settings", "set", "hl7_accept_test", "yes"], "hl7_accept_test"),
    ([*AS_NURSE, "settings", "set", "hl7_local_codes", "X1=anc"], "hl7_local_codes"),
    ([*AS_NURSE, "settings", "set", "hl7_inbox", ""], "hl7_inbox"),
    (
        [*AS_NURSE, "regimen", "set", "--name=AC", "--cycle-length=21", "--nadir-window=7-14"],
        "regimen library",
    ),
    ([*AS_NURSE, "user", "role", "--username=nina", "--role=admin", "--reason=x"], "--user"),
]

# Points between thousands and a point with a comma are no number on the command line, in
# any language (docs/translations.md).
CASES += [
    (["lab", "add", "--mrn=A-1", f"--taken={TAKEN}", "--anc=1.000.000"], "--anc"),
    (
        ["lab", "add", "--mrn=A-1", f"--taken={TAKEN}", "--wbc=5", "--platelets=1.000,5"],
        "--platelets",
    ),
    (["settings", "set", "recovery_anc", "1.500.000"], "recovery_anc"),
]

# Joining a ward's hub needs a hub to join (docs/hub.md, "The ward's identity").
CASES += [
    (["sync", "--join-ward"], "--hub"),
]

# Listing the computers' roles on a hub: its address never holds a password either.
CASES += [
    (["hub", "senders", "postgresql://owner:secret@db.example/ward4a"], "URL"),
    (["hub", "senders", "not a=valid=address"], "URL"),
]

# Making a lost hub again names the ward by its whole id.
CASES += [
    (["hub", "init", "postgresql://owner@db.example/ward4a", "--ward-id", "ward 4a"], "--ward-id"),
    (["hub", "init", "postgresql://owner@db.example/ward4a", "--ward-id", ""], "--ward-id"),
    (
        ["hub", "init", "postgresql://owner@db.example/ward4a", "--ward-id", f"{0:032x}"],
        "--ward-id",
    ),
]


def test_there_are_more_than_a_hundred_cases() -> None:
    assert len(CASES) > 100


def _in_new_york(request: pytest.FixtureRequest) -> None:
    """Run the rest of the test in America/New_York, as the process's own zone."""
    old = os.environ.get("TZ")

    def restore() -> None:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()

    request.addfinalizer(restore)
    os.environ["TZ"] = "America/New_York"
    time.tzset()


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


@pytest.mark.parametrize(("args", "field"), CASES, ids=[f"{i:03d}" for i in range(len(CASES))])
def test_bad_input_on_the_command_line(
    ward: ChartStore,
    cli: Cli,
    chart_path: Path,
    args: list[str],
    field: str,
    request: pytest.FixtureRequest,
) -> None:
    if any(value in arg for arg in args for value in DAYLIGHT_SAVING):
        _in_new_york(request)
    signs_in = args[:1] == ["--user"]
    if signs_in:
        _accounts(ward, request)
    ward.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the fixture's own saves, on disk
    args = [arg.replace("{chart}", str(chart_path)) for arg in args]
    before = _records(chart_path) if signs_in else _files(chart_path)
    status, out, err = cli(*args)
    assert status == 2, (args, out)
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("wardchart: error: ")
    assert field in err
    assert len(err) < 400
    if signs_in:  # the sign-in itself is audited: nothing else may be written
        assert "only a ward administrator can" in err
        assert _records(chart_path) == before
    else:
        assert _files(chart_path) == before


def _accounts(store: ChartStore, request: pytest.FixtureRequest) -> None:
    """A ward administrator and the nurse nina, who signs in (password from the
    environment, as in a script)."""
    from wardchart.storage import users

    for name, role in (("ada", "admin"), ("nina", "nurse")):
        users.add_user(
            store,
            username=name,
            full_name=f"{name.title()} Example",
            initials=name[:2],
            role=role,
            password=NURSE_PASSWORD,
            actor="setup",
            now=datetime.now().astimezone(),
        )
    monkeypatch = request.getfixturevalue("monkeypatch")
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE_PASSWORD)


NURSE_PASSWORD = "nurse password 2026"


def _records(path: Path) -> list[tuple[object, ...]]:
    """Every row of the chart file but the audit rows of signing in."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        rows: list[tuple[object, ...]] = []
        for table in tables:
            where = " WHERE action NOT LIKE 'sign_in%'" if table == "audit_log" else ""
            rows += [(table, *r) for r in connection.execute(f"SELECT * FROM {table}{where}")]
        return rows
    finally:
        connection.close()


DIALOG_FIELDS = ["wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln"]


@pytest.mark.parametrize("field", DIALOG_FIELDS)
def test_bad_input_in_the_cbc_dialog(
    qtbot,
    window: object,
    ward: object,  # type: ignore[no-untyped-def]
    chart_path: Path,
    field: str,
) -> None:
    from ward_fixture import NOW  # noqa: F401  (the window fixture's clock)

    from wardchart.storage import queries
    from wardchart.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, "A-1")
    assert patient is not None
    window.census.select(patient.id)
    window.session.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _files(chart_path)
    for value in BAD_NUMBERS[1:]:  # a blank box in the dialog means "not measured"
        dialog = window.open_cbc()
        assert dialog is not None
        for name in DIALOG_FIELDS:
            edit = dialog.fields[name]
            assert isinstance(edit, QLineEdit)
            edit.setText("5" if name == "wbc" and field != "wbc" else "")
        target = dialog.fields[field]
        assert isinstance(target, QLineEdit)
        target.setText(value)
        dialog.accept()
        assert dialog.isVisible(), (field, value)
        assert dialog.message(field) or dialog.message("wbc"), (field, value)
        dialog.reject()
    assert _files(chart_path) == before
