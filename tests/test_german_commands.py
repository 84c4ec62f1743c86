"""The command line in German: merging and conflicts, records in and out, corrections,
accounts, the regimen library and ward settings, check and audit, and the machine file's
refusals, each through the real command on real chart files. Machine output (CSV, --json)
stays English; the error prefix stays English for scripts (docs/translations.md)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from wardchart.cli import main
from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]
Run = Callable[..., tuple[int, str, str]]
#: The command line prints dates as they are typed on it, ISO, in every language.
TYPED_TIME = re.compile(r"\b\d{4}-\d\d-\d\d \d\d:\d\d\b")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``wardchart --db FILE ARGS`` in this process: (status, stdout, stderr)."""

    def call(db: Path, *args: str) -> tuple[int, str, str]:
        status = main(["--db", str(db), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return call


def ok(result: tuple[int, str, str]) -> str:
    status, out, err = result
    assert status == 0, err
    return out + err


def refused(result: tuple[int, str, str]) -> str:
    status, out, err = result
    assert status == 2, (out, err)
    assert err.startswith("wardchart: error: ")  # English for scripts in every language
    assert err.count("\n") == 1, err
    return err


def admit(run: Run, db: Path, mrn: str, name: str) -> None:
    ok(run(db, "patient", "add", "--mrn", mrn, "--name", name, "--dob", "1960-01-01"))


def test_merge_and_conflicts_speak_german(run: Run, tmp_path: Path, german: None) -> None:
    ward, laptop = tmp_path / "ward.sqlite", tmp_path / "laptop.sqlite"
    admit(run, ward, "A-1", "Alpha, Ann")
    copied = ok(run(ward, "copy", "--out", str(laptop)))
    assert f"Kurve nach {laptop} kopiert (nicht verschlüsselt; ihre Kurven-ID " in copied
    assert f"Zurückholen mit: wardchart merge {laptop}" in copied
    admit(run, laptop, "C-3", "Gamma, Cy")
    admit(run, laptop, "D-4", "Delta, Di")
    admit(run, ward, "D-4", "Delta, Diana")
    dry = ok(run(ward, "merge", str(laptop), "--dry-run"))
    assert "– ein Probelauf: nichts wurde gespeichert" in dry
    merged = ok(run(ward, "merge", str(laptop)))
    assert f"{laptop} (Kurve " in merged
    assert "zusammengeführt" in merged
    assert "neue Einträge: 2 Patienten" in merged
    assert "bereits hier: " in merged
    assert "Konflikte: 1 neu, 1 insgesamt offen – prüfen Sie sie: wardchart conflicts" in merged
    assert "eine MRN als zwei Patienten aufgenommen: MRN D-4" in merged
    listing = ok(run(ward, "conflicts"))
    assert listing.startswith("1 offener Konflikt:")
    assert "[Schlüssel " in listing
    assert "Delta, Diana (MRN D-4)" in listing
    assert listing.count("JETZT ANGEZEIGT") == 2
    assert TYPED_TIME.search(listing), listing  # when each side was written
    assert "auflösen: wardchart conflicts resolve " in listing
    for english in ("open conflict", "SHOWN NOW", "not shown", "resolve:"):
        assert english not in listing
    # --json stays English for scripts.
    (conflict,) = json.loads(ok(run(ward, "conflicts", "--json")))
    assert conflict["about"] == "one MRN admitted as two patients"
    key = str(conflict["key"])[:8]
    err = refused(run(ward, "conflicts", "resolve", key, "--keep", "0" * 8, "--reason", "x"))
    assert "--keep: eine MRN bei zwei Patienten: --link EINTRAG, wenn es eine Person ist" in err
    side = next(s for s in conflict["sides"] if s["patient"] == "Delta, Diana (MRN D-4)")
    record = str(side["record_id"])[:8]
    err = refused(
        run(ward, "conflicts", "resolve", key, "--new-version", record, "--reason", "Tippfehler")
    )
    assert err == (
        "wardchart: error: --mrn: geben Sie die richtige MRN des Patienten mit --mrn an\n"
    )
    done = ok(
        run(
            ward,
            *("conflicts", "resolve", key, "--new-version", record, "--mrn", "D-40"),
            *("--reason", "zwei Personen"),
        )
    )
    assert done.startswith(f"Konflikt {key} (eine MRN als zwei Patienten aufgenommen) aufgelöst:")
    assert f"MRN von Eintrag {record} korrigiert" in done
    assert ok(run(ward, "conflicts")) == "Keine offenen Konflikte.\n"


def test_export_and_import_summaries_speak_german(
    ward: ChartStore, cli: Cli, tmp_path: Path, german: None
) -> None:
    out = tmp_path / "befunde.csv"
    status, _, err = cli("export", "--format", "csv", "--kind", "result", "--out", str(out))
    assert status == 0, err
    assert err == f"2 Patienten nach {out} exportiert\n"
    with out.open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    assert "kind" in header  # the file itself stays English
    one = tmp_path / "eine.csv"
    status, _, err = cli(
        "export", "--format", "csv", "--kind", "result", "--mrn", "A-1", "--out", str(one)
    )
    assert err == f"1 Patient nach {one} exportiert\n"
    status, stdout, err = cli("import", str(one), "--confirm")
    assert status == 0, err
    assert stdout.startswith(f"0 Befunde aus {one} importiert; ")
    assert stdout.rstrip().endswith("bereits in der Kurve vorhandene wurden übersprungen")
    fhir = tmp_path / "station.json"
    status, _, err = cli("fhir", "export", "--all", "--out", str(fhir))
    assert status == 0, err
    assert re.fullmatch(
        rf"2 Patienten, \d+ Ressourcen nach {re.escape(str(fhir))} exportiert\n", err
    )
    status, stdout, err = cli("fhir", "import", str(fhir))
    assert status == 0, err
    assert " Einträge: 0 eingetragen, " in err
    assert "ignoriert: bereits in dieser Kurve (aus ihr exportiert)" in stdout
    assert cli("lab", "held")[1] == "Keine zurückgehaltenen Laborbefunde.\n"
    status, _, err = cli("export", "--format", "json", "--kind", "result")
    assert err == (
        "wardchart: error: --kind: gilt für --format csv; JSON enthält jeweils die ganze Kurve\n"
    )


def test_corrections_and_history_speak_german(ward: ChartStore, cli: Cli, german: None) -> None:
    rows = json.loads(cli("history", "--mrn", "A-1", "--json")[1])
    temperature = next(r for r in rows if r["table"] == "temperatures")
    result = next(r for r in rows if r["table"] == "results")
    status, out, err = cli(
        *("correct", "temp", "--id", temperature["origin_id"][:8], "--celsius", "37.2"),
        *("--reason", "falsch abgelesen"),
    )
    assert status == 0, err
    assert out == f"Temperatur {temperature['origin_id'][:8]} für MRN A-1 korrigiert\n"
    status, out, err = cli(
        *("correct", "entered-in-error", "--kind", "result", "--id", result["origin_id"][:8]),
        *("--reason", "falscher Patient"),
    )
    assert status == 0, err
    assert out == f"Befund {result['origin_id'][:8]} als irrtümlich eingetragen markiert\n"
    status, out, err = cli("history", "--mrn", "A-1")
    assert status == 0, err
    headings = out.splitlines()[0]
    for heading in ("Gespeichert (UTC)", "Art", "Eintrags-ID (erste 8)", "Von", "Grund", "Werte"):
        assert heading in headings
    assert "IRRTÜMLICH EINGETRAGEN" in out
    assert "Korrektur" in out
    assert "Temperaturen" in out
    for english in ("Recorded (UTC)", "ENTERED IN ERROR", "correction", "original"):
        assert english not in out


@pytest.fixture
def accounts(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A chart file with a ward administrator (ada) and a nurse (nina)."""
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", "admin password 123")
    new = ("--name", "Ada Admin", "--initials", "AA", "--role", "admin")
    assert cli("user", "add", "--username", "ada", *new)[0] == 0
    monkeypatch.setenv("WARDCHART_PASSWORD", "admin password 123")
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", "nurse password 456")
    new = ("--name", "Nina Nurse", "--initials", "NN", "--role", "nurse")
    assert cli("--user", "ada", "user", "add", "--username", "nina", *new)[0] == 0
    monkeypatch.setenv("WARDCHART_PASSWORD", "nurse password 456")
    return cli


def test_accounts_and_what_only_an_administrator_may_do_speak_german(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch, german: None
) -> None:
    status, out, err = accounts("--user", "nina", "user", "list")
    assert status == 0, err
    assert out == "ada  Ada Admin (AA), Administrator\nnina  Nina Nurse (NN), Pflegekraft\n"
    err = refused(
        accounts("--user", "nina", "user", "disable", "--username", "ada", "--reason", "x")
    )
    assert err == "wardchart: error: --user: nur ein Stationsadministrator darf: Konten verwalten\n"
    err = refused(accounts("--user", "nina", "settings", "set", "lock_after_minutes", "30"))
    assert err == (
        "wardchart: error: --user: nur ein Stationsadministrator darf: "
        "die Stationseinstellung lock_after_minutes ändern\n"
    )
    window = ("--cycle-length", "21", "--nadir-window", "7-14")
    err = refused(accounts("--user", "nina", "regimen", "set", "--name", "AC", *window))
    assert err == (
        "wardchart: error: --user: nur ein Stationsadministrator darf: "
        "die Bibliothek der Therapieschemata ändern\n"
    )
    monkeypatch.setenv("WARDCHART_PASSWORD", "admin password 123")
    status, out, err = accounts(
        "--user", "ada", "user", "disable", "--username", "nina", "--reason", "gegangen"
    )
    assert status == 0, err
    assert out == "Konto geändert: nina  Nina Nurse (NN), Pflegekraft, GESPERRT\n"


def test_the_regimen_library_and_ward_settings_speak_german(cli: Cli, german: None) -> None:
    status, out, err = cli(
        *("regimen", "set", "--name", "CHOP-21", "--cycle-length", "21"),
        *("--nadir-window", "7-14", "--anc-threshold", "1.5", "--gcsf-required"),
    )
    assert status == 0, err
    assert out == "Therapieschema CHOP-21 gespeichert\n"
    status, out, err = cli("regimen", "list")
    assert status == 0, err
    assert out.splitlines()[0].split("  ")[0] == "Therapieschema"
    line = next(line for line in out.splitlines() if line.startswith("CHOP-21"))
    for german_cell in ("21 Tage", "Tag 7–14", ">= 1.5", "erforderlich"):
        assert german_cell in line
    listed = json.loads(cli("regimen", "list", "--json")[1])
    assert next(r for r in listed if r["name"] == "CHOP-21")["anc_threshold"] == 1.5


def test_check_and_audit_speak_german(ward: ChartStore, cli: Cli, german: None) -> None:
    status, out, err = cli("check")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Integrität: OK – in Ordnung"
    assert lines[1] == "Fremdschlüssel: OK – in Ordnung"
    assert re.fullmatch(r"Audit-Kette: OK – in Ordnung, \d+ Zeilen", lines[2])
    assert lines[3].startswith("Schema: OK – m0")
    assert lines[4] == "Schema-Objekte: OK – in Ordnung, wie diese Version sie anlegt"
    status, out, err = cli("audit", "verify")
    assert status == 0, err
    assert re.fullmatch(r"OK: \d+ Audit-Zeilen, Kette intakt, jeder Eintrag protokolliert\n", out)
    status, out, err = cli("audit", "verify", "--against", "5-0000000000000000")
    assert status == 1
    assert out.startswith("UNTERBROCHEN: Verlauf wurde umgeschrieben: Audit-Zeile 5 weicht")
    status, out, err = cli("audit", "show", "--mrn", "A-1")
    assert status == 0, err
    assert out.splitlines()[0].split()[:4] == ["#", "Wann", "Wer", "Aktion"]


def test_the_machine_files_reasons_speak_german(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, german: None
) -> None:
    machine_file = tmp_path / "wardchart.toml"
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine_file))
    for text, reason in (
        ('shared = "yes"', "shared: geben Sie bitte true oder false an"),
        ('chart = "ward.sqlite"', "chart: 'ward.sqlite' ist kein vollständiger Pfad"),
        ("colour = 1", "colour: unbekannter Schlüssel; bekannt: "),
        ('lock = ["backup_keep_days"]', "lock: 'backup_keep_days' kann nicht festgelegt werden"),
    ):
        machine_file.write_text(text + "\n")
        err = refused(cli("patient", "list"))
        assert err.startswith(f"wardchart: error: Rechnerkonfiguration {machine_file}: {reason}")


def test_a_hub_that_cannot_be_reached_is_said_in_german(
    ward: ChartStore, cli: Cli, german: None
) -> None:
    before = Path(ward.path).read_bytes()
    err = refused(cli("sync", "--hub", "postgresql://ward@127.0.0.1:1/ward"))
    assert err.startswith("wardchart: error: Stations-Hub 127.0.0.1:1/ward ist nicht erreichbar (")
    assert Path(ward.path).read_bytes() == before
    err = refused(cli("sync"))
    assert err.startswith(
        "wardchart: error: --hub: kein Stations-Hub angegeben: verwenden Sie --hub URL"
    )


def test_english_stays_as_it_was(ward: ChartStore, cli: Cli, tmp_path: Path) -> None:
    status, out, _ = cli("check")
    assert status == 0
    assert out.splitlines()[0] == "integrity: OK — ok"
    out_file = tmp_path / "one.csv"
    status, _, err = cli("export", "--format", "csv", "--mrn", "A-1", "--out", str(out_file))
    assert (status, err) == (0, f"Exported 1 patient to {out_file}\n")
