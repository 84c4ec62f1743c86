"""The command line run by a German-speaking nurse, as real processes on real chart files:
it takes and shows numbers with a point and dates in ISO (what it suggests can be typed
back), refuses a point before three digits as ambiguous, follows the machine file's
language as the window does, and keeps the English failure prefix for scripts
(docs/translations.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

#: Two days ago: a recent entry on any date the suite runs (one over a week old, or in the
#: future, needs --confirm).
DAY = date.today() - timedelta(days=2)
TAKEN = f"{DAY.isoformat()} 08:00"
#: Every variable that may choose a language, cleared so that each test sets its own.
LANGUAGE_VARIABLES = ("WARDCHART_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def wardchart(
    db: Path, *args: str, lang: str = "de_DE.UTF-8", **env: str
) -> subprocess.CompletedProcess[str]:
    """``wardchart --db DB ARGS`` as a process in the language ``lang`` gives."""
    base = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "wardchart", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={**base, "LANG": lang, **env},
        check=False,
        timeout=120,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The one failure line, after its English prefix."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith("wardchart: error: "), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    return done.stderr.removeprefix("wardchart: error: ").strip()


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    db = tmp_path / "ward.sqlite"
    ok(wardchart(db, "patient", "add", "--mrn", "X-1", "--name", "Xe, Xa", "--dob", "1950-01-01"))
    return db


def results(db: Path) -> list[object]:
    summary = json.loads(ok(wardchart(db, "summary", "--mrn", "X-1", "--json")))
    return [*summary["baseline"], *(r for c in summary["cycles"] for r in c["results"])]


@pytest.mark.parametrize(
    ("flag", "typed", "readings"),
    [
        ("--anc", "2.100", "2.1 für eine Dezimalzahl oder 2100 für eine ganze Zahl"),
        ("--platelets", "1.200", "1.2 für eine Dezimalzahl oder 1200 für eine ganze Zahl"),
        ("--wbc", "4.500", "4.5 für eine Dezimalzahl oder 4500 für eine ganze Zahl"),
        ("--anc", "0.450", "0.45 für eine Dezimalzahl oder 450 für eine ganze Zahl"),
    ],
)
def test_a_point_before_three_digits_is_refused_in_german(
    chart: Path, flag: str, typed: str, readings: str
) -> None:
    args = ("lab", "add", "--mrn", "X-1", "--taken", TAKEN, "--unit", "cells/uL", flag, typed)
    said = refused(wardchart(chart, *args))
    assert said.startswith(f"{flag}: '{typed}' ist mehrdeutig")
    assert readings in said
    assert results(chart) == []  # nothing written
    # English reads the point as the decimal point, as it always has.
    anc = ("--anc", "2") if flag == "--platelets" else ()
    ok(wardchart(chart, *args, *anc, "--confirm", lang="en_GB.UTF-8"))
    assert len(results(chart)) == 1


def test_the_readings_it_suggests_are_taken_back(chart: Path) -> None:
    lab = ("lab", "add", "--mrn", "X-1", "--platelets", "200", "--anc")
    said = refused(wardchart(chart, *lab, "1.000.000", "--taken", TAKEN))
    assert said == (
        "--anc: '1.000.000' hat Punkte zwischen Tausendern; geben Sie 1000000 für die ganze "
        "Zahl ein"
    )
    said = refused(wardchart(chart, *lab, "2.100", "--taken", TAKEN))
    assert "geben Sie 2.1 für eine Dezimalzahl oder 2100 für eine ganze Zahl ein" in said
    ok(wardchart(chart, *lab, "2.1", "--taken", TAKEN))
    ok(wardchart(chart, *lab, "2100", "--taken", f"{DAY.isoformat()} 09:00", "--unit", "cells/uL"))
    assert [r["anc"] for r in results(chart)] == [2.1, 2.1]  # type: ignore[index]


def test_settings_and_regimen_thresholds_refuse_the_point_too(chart: Path) -> None:
    said = refused(wardchart(chart, "settings", "set", "recovery_anc", "1.500"))
    assert said.startswith("recovery_anc: '1.500' ist mehrdeutig")
    assert "1.5 für eine Dezimalzahl oder 1500" in said
    regimen = ("regimen", "set", "--name", "X", "--cycle-length", "21", "--nadir-window", "7-14")
    said = refused(wardchart(chart, *regimen, "--anc-threshold", "1.500"))
    assert said.startswith("--anc-threshold: '1.500' ist mehrdeutig")
    assert "recovery_anc = 1.5" in ok(wardchart(chart, "settings", "show"))
    ok(wardchart(chart, *regimen, "--anc-threshold", "1.5"))


def test_what_the_command_line_suggests_can_be_typed_back(chart: Path) -> None:
    temp = ("temp", "add", "--mrn", "X-1", "--taken", TAKEN)
    said = refused(wardchart(chart, *temp, "--celsius", "3.85"))
    assert said.endswith("meinten Sie 38.5?"), said
    ok(wardchart(chart, *temp, "--celsius", "38.5"))
    lab = ("lab", "add", "--mrn", "X-1", "--taken", TAKEN)
    said = refused(wardchart(chart, *lab, "--wbc", "600"))
    assert "als Zellen/µL wären das 0.600 ×10⁹/L" in said
    assert "fügen Sie --confirm hinzu" in said  # formal, as the window


def test_tables_show_points_and_iso_dates_in_german(chart: Path) -> None:
    ok(wardchart(chart, "lab", "add", "--mrn", "X-1", "--taken", TAKEN, "--anc", "0.45"))
    ok(
        wardchart(
            chart,
            "cycle",
            "start",
            "--mrn",
            "X-1",
            "--regimen",
            "AC",
            "--day1",
            (DAY + timedelta(days=1)).isoformat(),
        )
    )
    summary = ok(wardchart(chart, "summary", "--mrn", "X-1"))
    assert "geb. 1950-01-01" in summary
    assert TAKEN in summary
    assert "0.45" in summary
    assert "0,45" not in summary
    assert DAY.strftime("%d.%m.%Y") not in summary
    assert ">= 1.5" in ok(wardchart(chart, "regimen", "list"))


def test_a_baseline_result_is_in_the_text_summary_as_in_json(chart: Path) -> None:
    ok(wardchart(chart, "lab", "add", "--mrn", "X-1", "--taken", TAKEN, "--anc", "2.5"))
    english = ok(wardchart(chart, "summary", "--mrn", "X-1", lang="C"))
    assert "Before the first cycle" in english
    assert TAKEN in english
    assert "2.50" in english
    german = ok(wardchart(chart, "summary", "--mrn", "X-1"))
    assert "Vor dem ersten Zyklus" in german
    assert "2.50" in german


def test_the_census_words_are_german(tmp_path: Path) -> None:
    db = tmp_path / "ward.sqlite"
    ok(wardchart(db, "demo", lang="C"))
    listing = ok(wardchart(db, "patient", "list"))
    english = ok(wardchart(db, "patient", "list", lang="C"))
    for word in ("in window", "not ready", "FN alert", "age≥65", "precautions", "before"):
        if word in english:
            assert word not in listing, listing
    german_words = ("im Fenster", "nicht bereit", "bereit", "FN-Alarm", "Alter≥65", "davor")
    assert any(word in listing for word in german_words), listing


@pytest.mark.parametrize(
    ("machine", "lang", "expected"),
    [
        ('language = "de"\nlock = ["language"]\n', "C", "de"),
        ('language = "en"\nlock = ["language"]\n', "de_DE.UTF-8", "en"),
        ('language = "de"\n', "C", "de"),  # this computer's default, no user's choice
        ("", "de_DE.UTF-8", "de"),
        ("", "C", "en"),
    ],
)
def test_the_machine_files_language_chooses_the_command_lines(
    chart: Path, tmp_path: Path, machine: str, lang: str, expected: str
) -> None:
    path = tmp_path / "wardchart.toml"
    path.write_text(machine, encoding="utf-8")
    lab = ("lab", "add", "--mrn", "X-9", "--taken", TAKEN, "--anc", "2")
    said = refused(wardchart(chart, *lab, lang=lang, WARDCHART_MACHINE_CONFIG=str(path)))
    assert (
        said
        == {
            "de": "--mrn: kein Patient mit MRN 'X-9' in dieser Kurve",
            "en": "--mrn: no patient with MRN 'X-9' on this chart",
        }[expected]
    )


def test_wardchart_language_wins_over_the_machine_file_and_c_is_english(
    chart: Path, tmp_path: Path
) -> None:
    path = tmp_path / "wardchart.toml"
    path.write_text('language = "de"\nlock = ["language"]\n', encoding="utf-8")
    for value in ("en", "C", "POSIX"):
        listing = ok(
            wardchart(
                chart,
                "patient",
                "list",
                WARDCHART_LANGUAGE=value,
                WARDCHART_MACHINE_CONFIG=str(path),
            )
        )
        assert listing.startswith("Bed"), (value, listing)
    german = ok(wardchart(chart, "patient", "list", lang="C", WARDCHART_LANGUAGE="de"))
    assert german.startswith("Bett")


def test_an_unknown_wardchart_language_falls_back_and_is_logged(
    chart: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    listing = ok(
        wardchart(chart, "patient", "list", WARDCHART_LANGUAGE="klingon", XDG_STATE_HOME=str(state))
    )
    assert listing.startswith("Bett")  # the system's language: German
    log = next(state.rglob("wardchart.log")).read_text(encoding="utf-8")
    assert log.count("WARDCHART_LANGUAGE='klingon' is not a language wardchart has") == 1
    english = wardchart(chart, "patient", "list", lang="C", WARDCHART_LANGUAGE="fr")
    assert ok(english).startswith("Bed")
    assert english.stderr == ""  # the log says so, never the screen


def test_without_a_display_the_failure_keeps_its_english_prefix(chart: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wardchart", "--db", str(chart)],
        capture_output=True,
        text=True,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if k not in (*LANGUAGE_VARIABLES, "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
            },
            "LANG": "de_DE.UTF-8",
        },
        check=False,
        timeout=120,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("the no-display check is Linux's")
    assert done.returncode == 2
    assert done.stderr.startswith("wardchart: error: kein Bildschirm"), done.stderr


def test_paths_units_fhir_and_version_read_german(chart: Path, tmp_path: Path) -> None:
    said = refused(wardchart(tmp_path, "patient", "list"))
    assert said == f"--db: {tmp_path} ist ein Ordner, keine Kurvendatei"
    said = refused(
        wardchart(
            chart, "lab", "add", "--mrn", "X-1", "--taken", TAKEN, "--anc", "2", "--unit", "x"
        )
    )
    assert said.endswith("cells/uL, /uL oder /mm3"), said
    bundle = tmp_path / "bundle.json"
    bundle.write_text('{"resourceType": "Bundle"}', encoding="utf-8")
    said = refused(wardchart(chart, "fhir", "import", str(bundle)))
    assert said.startswith(f"file: {bundle} ist ein FHIR-Bundle ohne Typ; wardchart liest ")
    assert "None" not in said
    english = refused(wardchart(chart, "fhir", "import", str(bundle), lang="C"))
    assert english.startswith(f"file: {bundle} is a FHIR Bundle without a type;")
    assert "DejaVu-Schriften (vom System)" in ok(wardchart(chart, "--version"))


def test_german_messages_say_sie(chart: Path) -> None:
    said = refused(wardchart(chart, "--user", "nobody", "patient", "list"))
    assert said.endswith("lassen Sie --user weg"), said
