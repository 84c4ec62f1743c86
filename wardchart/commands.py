"""The command handlers behind ``wardchart COMMAND``: parse text, call storage, print.

Every text value is parsed (and refused, naming its flag) before the chart file is
opened for writing, so a typing error never touches the file.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from wardchart.cli import Context, dump_json
from wardchart.cli_output import (
    CENSUS_HEADINGS,
    census_cells,
    census_json,
    chart_text,
    csv_text,
    table,
    wrapped,
    wrapped_parts,
)
from wardchart.domain.census import census_row
from wardchart.domain.chart import PatientChart
from wardchart.domain.display import count_text, field_items
from wardchart.domain.fever import FnRuleName
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.identifiers import normal_mrn, normal_text, normal_username
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.records import Patient, Regimen
from wardchart.domain.regimens import check_regimen, parse_window
from wardchart.domain.summary import chart_summary, export_rows
from wardchart.domain.timeparse import parse_date, parse_datetime
from wardchart.domain.units import PER_LITRE_E9, parse_count_unit, parse_decimal, shown
from wardchart.paths import default_chart_path
from wardchart.storage import audit, operations, queries
from wardchart.storage.database import ChartStore, check_before_writing, open_chart
from wardchart.storage.errors import ChartBusyError, ChartFileError


@contextmanager
def _chart(
    context: Context,
    *,
    create: bool,
    verify: bool = True,
    key: str | None = None,
    rewriting: bool = False,
    reads_only: bool = False,
) -> Iterator[ChartStore]:
    """The chart file, signed in. Only commands that can start a chart (``create``) make
    a new file, and a new file is removed again if the command fails before saving
    anything. An existing file is checked (``verify``: quick integrity check and schema)
    before anything is written to it: unless the command ``reads_only`` on a file without
    accounts, since signing in writes to the audit log (see docs/files.md)."""
    from wardchart.storage.encryption import pending_rewrite
    from wardchart.storage.users import has_accounts

    path = context.db_path
    pending = pending_rewrite(path)
    if pending is not None and not rewriting:
        job = {"decrypt": "decryption"}.get(pending, "encryption")
        raise ChartFileError(
            f"chart file {path}: an {job} of it and its backups was interrupted; "
            f"finish it first with wardchart {pending}; nothing was done"
        )
    new = create and not path.exists()
    made_folder = None
    if new and not path.parent.exists() and path == default_chart_path():
        made_folder = path.parent
        made_folder.mkdir(parents=True, exist_ok=True)
    try:
        store = open_chart(path, create=create, passphrase=key or _passphrase(context))
    except BaseException:
        if new:
            _remove_new_chart(path, made_folder, None)
        raise
    mark = _last_audit_row(store) if new else None
    signed_in = store.commits
    try:
        if verify and not new and not (reads_only and not has_accounts(store.db)):
            check_before_writing(store)
        _sign_in(store, context)
        signed_in = store.commits  # signing in may itself write to the audit log
        yield store
    except BaseException:
        context.saved = context.saved or store.commits > signed_in
        store.close()
        if new:
            _remove_new_chart(path, made_folder, mark)
        raise
    context.saved = context.saved or store.commits > signed_in
    store.close()


def _last_audit_row(store: ChartStore) -> int:
    row = store.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
    return int(row[0])


def _remove_new_chart(path: Path, folder: Path | None, mark: int | None) -> None:
    """A chart file this command created, then failed: remove it (and its journal, and the
    folder made for it), unless something was saved in it meanwhile."""
    if mark is not None and path.exists():
        try:
            store = open_chart(path, create=False)
        except ChartFileError:
            return
        try:
            if _last_audit_row(store) != mark:
                return
        finally:
            store.close()
    for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    if folder is not None:
        with suppress(OSError):
            folder.rmdir()


def _sign_in(store: ChartStore, context: Context) -> None:
    """A file with accounts: sign in as --user (every try audited); without: the
    operating-system user charts, and --user is refused rather than ignored."""
    from wardchart.storage import users

    if not users.has_accounts(store.db):
        if context.user is not None:
            raise InvalidEntry(
                [Problem("user", "this chart file has no accounts yet; leave out --user")]
            )
        context.admin = True  # no accounts: whoever runs wardchart may do everything
        return
    if context.user is None:
        raise InvalidEntry(
            [
                Problem(
                    "user",
                    "this chart file has accounts: sign in with --user NAME "
                    "(password from WARDCHART_PASSWORD or the prompt)",
                )
            ]
        )
    password = _password(f"password for {context.user}", "WARDCHART_PASSWORD")
    user = users.sign_in(store, context.user, password, now=context.now)
    context.actor, context.admin = user.username, user.is_admin


def _passphrase(context: Context) -> str | None:
    """An encrypted chart file's passphrase (None for a plain or a new file)."""
    from wardchart.storage.cipher import is_encrypted

    path = context.db_path
    if not (path.is_file() and is_encrypted(path)):
        return None
    return _password(
        f"passphrase for {path.name}",
        "WARDCHART_PASSPHRASE",
        field="passphrase",
        missing=f"chart file {path} is encrypted, or damaged, or not a chart file: if it is "
        "encrypted, set WARDCHART_PASSPHRASE or run this in a terminal; it was left untouched",
    )


def _password(
    prompt: str,
    variable: str,
    *,
    twice: bool = False,
    field: str = "password",
    missing: str | None = None,
) -> str:
    """A secret from the environment, else typed (not echoed), else an error: never
    from the command line, where other users of the computer could read it."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        text = missing or f"no {field}: set {variable} or run this in a terminal"
        raise InvalidEntry([Problem(field, text)])
    import getpass

    typed = getpass.getpass(f"{prompt}: ")
    if twice and getpass.getpass("the same again: ") != typed:
        raise InvalidEntry([Problem(field, f"the two {field}s differ")])
    return typed


_DIGITS = re.compile(r"[0-9]{1,4}")


def _output_path(text: str, context: Context, field: str = "out") -> Path:
    """Where to write an output file: never the chart, its journal or a backup (checked
    on the real file, links resolved), and in a folder that exists."""
    from wardchart.storage.files import check_output_path

    if not text.strip():
        raise InvalidEntry([Problem(field, "is empty; give a file name")])
    out = Path(text).expanduser()
    check_output_path(out, context.db_path, field)
    if not out.parent.is_dir():
        raise InvalidEntry([Problem(field, f"the folder {out.parent} does not exist")])
    return out


def _number(text: str | None, field: str) -> Decimal | None:
    return None if text is None else parse_decimal(text, field)


def _int(text: str | None, field: str) -> int | None:
    """A whole number typed in plain digits 0-9 (at most four): "²", "٣" or a 23-digit
    number is refused naming the field, never handed to Python's int()."""
    if text is None:
        return None
    if not _DIGITS.fullmatch(text.strip()):
        raise InvalidEntry(
            [Problem(field, f"{shown(text)} is not a whole number (digits 0-9, at most 4)")]
        )
    return int(text.strip())


# --- patients ---------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace, context: Context) -> int:
    """Write the demo ward and print its census."""
    from wardchart.demo import write_demo_ward

    with _chart(context, create=True) as store:
        count = write_demo_ward(store, now=context.now)
    print(f"Demo ward of {count} patients written to {context.db_path}", file=sys.stderr)
    return print_census(context, as_json=False)


def cmd_patient_add(args: argparse.Namespace, context: Context) -> int:
    """Admit a patient."""
    dob = parse_date(args.dob, "dob")
    with _chart(context, create=True) as store:
        operations.admit_patient(
            store,
            mrn=args.mrn,
            name=args.name,
            dob=dob,
            sex=args.sex,
            bed=args.bed,
            diagnosis=args.diagnosis,
            marrow_involved=args.marrow_involved,
            immune_disorder=args.immune_disorder,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Admitted {normal_text(args.name)} (MRN {normal_mrn(args.mrn)})")
    return 0


def cmd_patient_list(args: argparse.Namespace, context: Context) -> int:
    """Print the census."""
    return print_census(context, as_json=args.json)


def print_census(context: Context, *, as_json: bool) -> int:
    """The census as a table or JSON, sorted by bed."""
    with _chart(context, create=False, reads_only=True) as store:
        settings = queries.ward_settings(store.db)
        rows = [
            census_row(queries.load_chart(store.db, p, settings, context.now))
            for p in queries.all_patients(store.db)
        ]
    if as_json:
        print(dump_json([census_json(r) for r in rows]))
    elif rows:
        print(table(CENSUS_HEADINGS, [census_cells(r) for r in rows]))
    else:
        print(
            "No patients yet. Admit one with: wardchart patient add --mrn MRN --name NAME "
            "--dob YYYY-MM-DD   (or try the demo ward: wardchart demo --db demo.sqlite)"
        )
    return 0


# --- charting ---------------------------------------------------------------------------


def cmd_cycle_start(args: argparse.Namespace, context: Context) -> int:
    """Start the patient's next cycle."""
    day1 = parse_date(args.day1, "day1")
    window = None if args.nadir_window is None else parse_window(args.nadir_window)
    length = _int(args.cycle_length, "cycle_length")
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name=args.regimen,
            day1=day1,
            nadir_window=window,
            cycle_length_days=length,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
        number = len(queries.patient_records(store.db, patient).cycles)
    print(f"Cycle {number} of {args.regimen} started for MRN {patient.mrn}, day 1 {day1}")
    return 0


def cmd_lab_add(args: argparse.Namespace, context: Context) -> int:
    """Record a CBC."""
    entry = _cbc_entry(args, parse_datetime(args.taken, "taken"))
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        record = operations.record_cbc(
            store,
            patient=patient,
            entry=entry,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
        settings = queries.ward_settings(store.db)
        chart = queries.load_chart(store.db, patient, settings, context.now)
    # The saved result is found by the id the save returned, never by a value that
    # storage may have normalised (see docs/dates-and-times.md, "A save is reported as a save").
    saved = [r for r in chart.all_results if r.result.id == record.record_id]
    if not saved:  # stored, but outside the chart's view (e.g. before the first cycle)
        print(f"Recorded CBC for MRN {patient.mrn}")
        return 0
    result = saved[0]
    anc = result.result.anc
    text = "no ANC" if anc is None else f"ANC {count_text(anc)} ×10⁹/L ({result.result.anc_source})"
    grade = "" if result.anc_grade is None else f", {result.anc_grade}"
    print(f"Recorded CBC for MRN {patient.mrn}: {text}{grade}")
    return 0


def cmd_temp_add(args: argparse.Namespace, context: Context) -> int:
    """Record a temperature."""
    unit = "C" if args.celsius is not None else "F"
    field = "celsius" if unit == "C" else "fahrenheit"
    value = parse_decimal(args.celsius if unit == "C" else args.fahrenheit, field)
    taken = parse_datetime(args.taken, "taken")
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        operations.record_temperature(
            store,
            patient=patient,
            value=value,
            unit=unit,
            taken=taken,
            route=args.route,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Recorded temperature {value} °{unit} for MRN {patient.mrn}")
    return 0


def cmd_gcsf_add(args: argparse.Namespace, context: Context) -> int:
    """Record a G-CSF dose."""
    given = parse_datetime(args.given, "given")
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        operations.record_gcsf(
            store,
            patient=patient,
            given=given,
            drug=args.drug,
            dose=args.dose,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Recorded {args.drug.strip()} for MRN {patient.mrn}")
    return 0


def cmd_precautions(args: argparse.Namespace, context: Context) -> int:
    """Set or clear neutropenic precautions."""
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        operations.set_precautions(
            store,
            patient=patient,
            active=args.active,
            note=args.note,
            actor=context.actor,
            now=context.now,
        )
    print(f"Neutropenic precautions {'set' if args.active else 'cleared'} for MRN {patient.mrn}")
    return 0


# --- reading out ------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace, context: Context) -> int:
    """Print a patient's computed chart."""
    with _chart(context, create=False, reads_only=True) as store:
        patient = queries.require_patient(store.db, args.mrn)
        settings = queries.ward_settings(store.db)
        if args.ctcae:
            settings = replace(settings, ctcae_version=CtcaeVersion(args.ctcae))
        if args.fn_rule:
            settings = replace(settings, fn_rule=FnRuleName(args.fn_rule))
        chart = queries.load_chart(store.db, patient, settings, context.now)
    print(dump_json(chart_summary(chart)) if args.json else chart_text(chart))
    return 0


def _charts_to_export(
    store: ChartStore, mrn: str | None, context: Context
) -> tuple[list[Patient], list[PatientChart]]:
    """One patient's chart (``--mrn``) or every patient's, for an export."""
    settings = queries.ward_settings(store.db)
    patients = [queries.require_patient(store.db, mrn)] if mrn else queries.all_patients(store.db)
    return patients, [queries.load_chart(store.db, p, settings, context.now) for p in patients]


def cmd_export(args: argparse.Namespace, context: Context) -> int:
    """Export every current record (one patient or the ward) as CSV or JSON; audited."""
    if args.kind and args.format == "json":
        raise InvalidEntry(
            [Problem("--kind", "applies to --format csv; JSON holds each whole chart")]
        )
    out = None if args.out is None else _output_path(args.out, context)
    with _chart(context, create=False) as store:
        patients, charts = _charts_to_export(store, args.mrn, context)
        if args.format == "json":
            text = dump_json([chart_summary(c) for c in charts]) + "\n"
        else:
            rows = [row for c in charts for row in export_rows(c)]
            if args.kind:
                rows = [row for row in rows if row["kind"] == args.kind]
            text = csv_text(rows)
        if out is not None:
            _write_new_file(out, text)
        operations.log_event(
            store,
            action="export",
            entity="chart",
            actor=context.actor,
            now=context.now,
            patient_id=patients[0].id if args.mrn else None,
            detail={
                "format": args.format,
                **({"kind": args.kind} if args.kind else {}),
                "patients": [p.mrn for p in patients],
                "to": str(out) if out else "standard output",
            },
        )
    if out is None:
        sys.stdout.write(text)
    else:
        print(f"Exported {len(patients)} patient(s) to {out}", file=sys.stderr)
    return 0


def _write_new_file(path: Path, text: str) -> None:
    """Write an export completely or not at all (a temporary file, then rename)."""
    from wardchart.storage.files import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise InvalidEntry(
            [Problem("out", f"cannot write {path}: {error.strerror or error}; nothing was saved")]
        ) from None


def cmd_import(args: argparse.Namespace, context: Context) -> int:
    """Import CBC results from CSV, all rows or none."""
    from wardchart.storage.csv_import import import_results

    path = Path(args.file)
    if not path.is_file():
        raise InvalidEntry([Problem("file", f"no file {path}")])
    with _chart(context, create=False) as store:
        report = import_results(
            store, path, confirm=args.confirm, actor=context.actor, now=context.now
        )
    skipped = (
        f"; {report.skipped_duplicates} already on the chart were skipped"
        if (report.skipped_duplicates)
        else ""
    )
    print(f"Imported {report.imported} result(s) from {path}{skipped}")
    return 0


def cmd_hl7_import(args: argparse.Namespace, context: Context) -> int:
    """Chart the CBCs of HL7 v2 result messages; one line (or JSON) per message."""
    from wardchart.storage.hl7_import import import_files

    paths = [Path(p).expanduser() for p in args.paths]
    with _chart(context, create=False) as store:
        outcomes = import_files(store, paths, actor=context.actor, now=context.now)
    if args.json:
        print(dump_json([o.as_json() for o in outcomes]))
        return 0
    for o in outcomes:
        what = f"charted ({o.results} result{'s' if o.results != 1 else ''})"
        if o.outcome != "charted":
            what = f"{o.outcome}: {o.reason}"
        who = f" MRN {o.mrn}" if o.mrn else ""
        print(f"{o.file} message {o.index} ({o.control_id or 'no control id'}){who}: {what}")
    counts = {k: sum(o.outcome == k for o in outcomes) for k in ("charted", "held")}
    print(
        f"{len(outcomes)} message(s): {counts['charted']} charted, {counts['held']} held, "
        f"{len(outcomes) - sum(counts.values())} ignored or refused",
        file=sys.stderr,
    )
    return 0


def cmd_hl7_held(args: argparse.Namespace, context: Context) -> int:
    """The HL7 messages held for a person and not charted since."""
    from wardchart.storage.hl7_import import held_messages

    with _chart(context, create=False, reads_only=True) as store:
        held = held_messages(store.db)
    if args.json:
        print(dump_json(held))
    elif held:
        rows = [
            (
                h["id"][:8],
                h["received_at"][:16].replace("T", " ") + "Z",
                h["file"],
                h["control_id"],
                h["mrn"],
                h["reason"],
            )
            for h in held
        ]
        print(table(("Id", "Received (UTC)", "File", "Control id", "MRN", "Why held"), rows))
    else:
        print("No held messages.")
    return 0


def cmd_lab_held(args: argparse.Namespace, context: Context) -> int:
    """Everything the laboratory sent that waits for a person: held HL7 messages and held
    FHIR bundle entries, oldest first, each with why it was held."""
    from wardchart.storage.fhir import held_entries
    from wardchart.storage.hl7_import import held_messages

    with _chart(context, create=False, reads_only=True) as store:
        found = [
            {"kind": "HL7", "what": f"message {h['control_id']}".strip(), **h}
            for h in held_messages(store.db)
        ]
        found += [
            {"kind": "FHIR", "what": f"{h['resource_type']} {h['entry_key']}".strip(), **h}
            for h in held_entries(store.db)
        ]
    found.sort(key=lambda h: str(h["received_at"]))
    if args.json:
        print(dump_json(found))
    elif found:
        rows = [
            (
                h["kind"],
                h["id"][:8],
                h["received_at"][:16].replace("T", " ") + "Z",
                h["file"],
                h["what"],
                h["mrn"],
                h["reason"],
            )
            for h in found
        ]
        print(table(("Kind", "Id", "Received (UTC)", "File", "What", "MRN", "Why held"), rows))
    else:
        print("No held laboratory results.")
    return 0


def cmd_fhir_export(args: argparse.Namespace, context: Context) -> int:
    """Write a FHIR R4 Bundle of one patient or the whole ward; audited like export."""
    from wardchart.storage.fhir import bundle_json, export_bundle, validate_bundle

    out = _output_path(args.out, context)
    with _chart(context, create=False) as store:
        patients, charts = _charts_to_export(store, args.mrn, context)
        bundle = export_bundle(charts, context.now)
        validate_bundle(bundle)
        _write_new_file(out, bundle_json(bundle))
        operations.log_event(
            store,
            action="export",
            entity="chart",
            actor=context.actor,
            now=context.now,
            patient_id=patients[0].id if args.mrn else None,
            detail={
                "format": "fhir",
                "patients": [p.mrn for p in patients],
                "resources": len(bundle["entry"]),
                "to": str(out),
            },
        )
    print(
        f"Exported {len(patients)} patient(s), {len(bundle['entry'])} resource(s) to {out}",
        file=sys.stderr,
    )
    return 0


def cmd_fhir_import(args: argparse.Namespace, context: Context) -> int:
    """Chart a FHIR Bundle's counts and temperatures; one line (or JSON) per entry."""
    from wardchart.storage.fhir import import_bundle

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise InvalidEntry([Problem("file", f"no file {path}")])
    with _chart(context, create=False) as store:
        outcomes = import_bundle(store, path, actor=context.actor, now=context.now)
    if args.json:
        print(dump_json([o.as_json() for o in outcomes]))
        return 0
    for o in outcomes:
        what = o.outcome if not o.reason else f"{o.outcome}: {o.reason}"
        who = f" MRN {o.mrn}" if o.mrn else ""
        print(f"{path} entry {o.index} ({o.resource_type or 'no resource'}){who}: {what}")
    counts = {k: sum(o.outcome == k for o in outcomes) for k in ("charted", "held", "ignored")}
    print(
        f"{len(outcomes)} entr{'y' if len(outcomes) == 1 else 'ies'}: {counts['charted']} "
        f"charted, {counts['held']} held, {counts['ignored']} ignored, "
        f"{len(outcomes) - sum(counts.values())} refused",
        file=sys.stderr,
    )
    return 0


def _decision_reason(reason: str) -> str:
    """A reason for attaching or dismissing: free text as everywhere (no invisible
    characters, see docs/identifiers.md)."""
    from wardchart.domain.hl7_rules import decision_reason_problem
    from wardchart.domain.plausibility import check_text

    raise_if_blocking(check_text("reason", reason, 500))
    why = decision_reason_problem(reason)
    if why:
        raise InvalidEntry([Problem("reason", why)])
    return reason


def cmd_hl7_attach(args: argparse.Namespace, context: Context) -> int:
    """Chart a held message's results to the patient a nurse names, with a reason."""
    from wardchart.storage.hl7_held import held_message_id
    from wardchart.storage.hl7_import import attach_held_message

    reason = _decision_reason(args.reason)
    with _chart(context, create=False) as store:
        message_id = held_message_id(store.db, args.message)
        patient = queries.require_patient(store.db, args.mrn)
        outcome = attach_held_message(
            store, message_id, patient, reason, context.actor, context.now
        )
    count = f"{outcome.results} result{'s' if outcome.results != 1 else ''}"
    print(f"Attached lab message {message_id[:8]} to MRN {patient.mrn}: charted ({count})")
    return 0


def cmd_hl7_dismiss(args: argparse.Namespace, context: Context) -> int:
    """Take a held message off the held list without charting it, with a reason."""
    from wardchart.storage.hl7_held import held_message_id
    from wardchart.storage.hl7_import import dismiss_held_message

    reason = _decision_reason(args.reason)
    with _chart(context, create=False) as store:
        message_id = held_message_id(store.db, args.message)
        dismiss_held_message(store, message_id, reason, context.actor, context.now)
    print(f"Dismissed lab message {message_id[:8]}; it stays in the chart file, not charted")
    return 0


# --- ward administration ----------------------------------------------------------------


def cmd_regimen_list(args: argparse.Namespace, context: Context) -> int:
    """Print the ward's regimen library."""
    with _chart(context, create=False, reads_only=True) as store:
        regimens = queries.regimens(store.db)
    if args.json:
        print(
            dump_json(
                [
                    {
                        "name": r.name,
                        "cycle_length_days": r.cycle_length_days,
                        "nadir_window": [r.nadir_start, r.nadir_end],
                        "anc_threshold": None
                        if r.anc_threshold is None
                        else float(r.anc_threshold),
                        "anc_op": r.anc_op,
                        "plt_threshold": None
                        if r.plt_threshold is None
                        else float(r.plt_threshold),
                        "plt_op": r.plt_op,
                        "gcsf_required": r.gcsf_required,
                        "notes": r.notes,
                    }
                    for r in regimens
                ]
            )
        )
        return 0

    def threshold(value: Decimal | None, op: str) -> str:
        return "irrespective" if value is None else f"{op} {value}"

    print(
        table(
            ("Regimen", "Cycle", "Nadir window", "Day-1 ANC", "Day-1 PLT", "G-CSF"),
            [
                (
                    r.name,
                    f"{r.cycle_length_days} d",
                    f"days {r.nadir_start}–{r.nadir_end}",
                    threshold(r.anc_threshold, r.anc_op),
                    threshold(r.plt_threshold, r.plt_op),
                    "required" if r.gcsf_required else "",
                )
                for r in regimens
            ],
        )
    )
    return 0


def cmd_regimen_set(args: argparse.Namespace, context: Context) -> int:
    """Add or replace a regimen in the ward's library."""

    def threshold(text: str | None, field: str, default: Decimal) -> Decimal | None:
        if text is None:
            return default
        return None if text.strip().lower() == "none" else parse_decimal(text, field)

    start, end = parse_window(args.nadir_window)
    length = _int(args.cycle_length, "cycle_length")
    assert length is not None
    regimen = Regimen(
        name=args.name.strip(),
        cycle_length_days=length,
        nadir_start=start,
        nadir_end=end,
        anc_threshold=threshold(args.anc_threshold, "anc_threshold", Decimal("1.5")),
        anc_op=args.anc_op,
        plt_threshold=threshold(args.plt_threshold, "plt_threshold", Decimal(100)),
        plt_op=args.plt_op,
        gcsf_required=args.gcsf_required,
        notes=args.notes,
    )
    check_regimen(regimen, confirmed=args.confirm)
    with _chart(context, create=True) as store:
        operations.save_regimen(
            store, regimen, confirm=args.confirm, actor=context.actor, now=context.now
        )
    print(f"Regimen {regimen.name} saved")
    return 0


def cmd_settings_show(args: argparse.Namespace, context: Context) -> int:
    """Print the ward settings."""
    with _chart(context, create=False, reads_only=True) as store:
        settings = queries.ward_settings(store.db)
    for key, value in vars(settings).items():
        print(f"{key} = {'' if value is None else getattr(value, 'value', value)}")
    return 0


def cmd_settings_set(args: argparse.Namespace, context: Context) -> int:
    """Change one ward setting."""
    with _chart(context, create=True) as store:
        operations.set_ward_setting(
            store, args.key, args.value, confirm=args.confirm, actor=context.actor, now=context.now
        )
    print(f"{args.key} = {args.value}")
    return 0


def cmd_audit_verify(args: argparse.Namespace, context: Context) -> int:
    """Check the audit hash chain, that every record has its audit row and, with
    ``--against``, that the history extends a backup's (see docs/tamper-evidence.md)."""
    from wardchart.storage.health import describe_history, verify_against, verify_history

    with _chart(context, create=False, reads_only=True) as store:
        check = verify_history(store.db)
        anchored = None
        if check.ok and args.against is not None:
            try:
                anchored = verify_against(store, args.against)
            except ChartFileError as error:  # no sound anchor to compare with
                raise InvalidEntry([Problem("--against", str(error))]) from None
    if not check.ok:
        print(f"BROKEN: {describe_history(check)}")
        return 1
    if anchored is not None:
        print(f"{'OK' if anchored[0] else 'BROKEN'}: {anchored[1]}")
        return 0 if anchored[0] else 1
    print(f"OK: {check.rows} audit rows, chain intact, every record audited")
    return 0


def cmd_audit_show(args: argparse.Namespace, context: Context) -> int:
    """List audit entries, optionally for one patient or since a date."""
    since = None if args.since is None else parse_date(args.since, "since")
    with _chart(context, create=False, reads_only=True) as store:
        where, params = ["1"], []
        if args.mrn:
            patient = queries.require_patient(store.db, args.mrn)
            where.append("patient_id = ?")
            params.append(patient.id)
        rows = list(
            store.db.query(
                f"SELECT seq, at_local, actor, action, entity, detail FROM audit_log "
                f"WHERE {' AND '.join(where)} ORDER BY seq",
                params,
            )
        )
    if since is not None:
        rows = [r for r in rows if date.fromisoformat(r["at_local"][:10]) >= since]
    print(
        table(
            ("#", "When", "Who", "Action", "What", "Detail"),
            [
                (
                    str(r["seq"]),
                    r["at_local"],
                    r["actor"],
                    r["action"],
                    r["entity"],
                    r["detail"][:80],
                )
                for r in rows
            ],
        )
    )
    return 0


# --- printouts ---------------------------------------------------------------------------


def _pdf_target(text: str, context: Context) -> Path:
    out = _output_path(text, context)
    if out.suffix.lower() != ".pdf":
        raise InvalidEntry([Problem("out", f"{out} does not end in .pdf")])
    if not out.parent.is_dir() or not os.access(out.parent, os.W_OK):
        raise InvalidEntry([Problem("out", f"cannot write to the folder {out.parent}")])
    return out


def _write_report(
    store: ChartStore,
    context: Context,
    out: Path,
    charts: list[Any],
    *,
    paper: str | None,
    ward: bool = False,
    view: str = "current",
) -> int:
    """Write a report PDF (all or nothing) and audit who exported what, where to."""
    _qt_for_printing()
    from wardchart.report.documents import PrintContext
    from wardchart.report.jobs import PrintJob
    from wardchart.report.output import ReportError, default_paper, write_pdf

    settings = queries.ward_settings(store.db)
    job = PrintJob(
        PrintContext(
            context.actor,
            context.now,
            store.path,
            settings.ward_name,
            audit_head=audit.head(store.db).short(),
        ),
        charts,
        ward=ward,
        view=view,
    )
    try:
        pages = write_pdf(
            out, job.paint, title=job.title, paper=paper or default_paper(), landscape=job.landscape
        )
    except ReportError as error:
        raise InvalidEntry([Problem("out", str(error))]) from None
    operations.log_event(
        store,
        action="export",
        entity=job.entity,
        actor=context.actor,
        now=context.now,
        patient_id=job.patient_id,
        detail=job.audit_detail(str(out), pages),
    )
    return pages


def _qt_for_printing() -> None:
    """Printing needs Qt but never a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from wardchart.app import quiet_offscreen_warnings

    quiet_offscreen_warnings()
    if QApplication.instance() is None:
        QApplication(["wardchart"])


def cmd_report_patient(args: argparse.Namespace, context: Context) -> int:
    """wardchart report patient: a patient's chart summary as a PDF."""
    out = _pdf_target(args.out, context)
    cycle = _int(args.cycle, "cycle")
    with _chart(context, create=False) as store:
        patient = queries.require_patient(store.db, args.mrn)
        chart = queries.load_chart(store.db, patient, queries.ward_settings(store.db), context.now)
        if cycle is not None and all(c.cycle.number != cycle for c in chart.cycles):
            raise InvalidEntry([Problem("cycle", f"MRN {patient.mrn} has no cycle {cycle}")])
        view = "overlay" if args.overlay_previous else str(cycle or "current")
        pages = _write_report(store, context, out, [chart], paper=args.paper, view=view)
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''})")
    return 0


def cmd_report_ward(args: argparse.Namespace, context: Context) -> int:
    """wardchart report ward: the ward handover sheet as a PDF."""
    out = _pdf_target(args.out, context)
    with _chart(context, create=False) as store:
        settings = queries.ward_settings(store.db)
        charts = [
            queries.load_chart(store.db, p, settings, context.now)
            for p in queries.all_patients(store.db)
        ]
        pages = _write_report(store, context, out, charts, paper=args.paper, ward=True)
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''})")
    return 0


# --- the record's safety ------------------------------------------------------------------

HISTORY_TABLES = ("patients", "cycles", "results", "temperatures", "gcsf_doses", "precautions")


def cmd_history(args: argparse.Namespace, context: Context) -> int:
    """Every version of every record of one patient."""
    with _chart(context, create=False, reads_only=True) as store:
        patient = queries.require_patient(store.db, args.mrn)
        versions = queries.patient_history(store.db, patient.id, HISTORY_TABLES)
    if args.json:
        print(dump_json(versions))
        return 0
    rows = [
        (
            v["recorded_at"][:19].replace("T", " ") + "Z",
            v["table"],
            v["origin_id"][:8],
            v["recorded_by"],
            "ENTERED IN ERROR"
            if v["entered_in_error"]
            else ("correction" if v["supersedes"] else "original")
            + (f", {v['lab_status']}" if v.get("lab_status") else ""),
            wrapped(v["reason"] or "", 30),
            wrapped_parts([f"{k}: {t}" for k, t in field_items(v)]),
        )
        for v in versions
    ]
    # Every value whole, wrapped rather than cut; ids by their first 8 characters.
    headings = ("Recorded (UTC)", "Kind", "Record id (first 8)", "By", "Version", "Why", "Values")
    print(table(headings, rows))
    return 0


def cmd_backup(args: argparse.Namespace, context: Context) -> int:
    """Write a verified backup now."""
    from wardchart.storage.backup import make_backup

    out = None if args.out is None else _output_path(args.out, context)
    with _chart(context, create=False) as store:
        info = make_backup(store, reason="manual", actor=context.actor, now=context.now, out=out)
    print(f"Backup written and verified: {info.path} ({info.size} bytes)")
    return 0


def cmd_backups(args: argparse.Namespace, context: Context) -> int:
    """List the backups beside the chart file, newest first, each checked."""
    from wardchart.storage.backup import list_backups, verify_backup

    backups = list_backups(context.db_path)
    key = _passphrase(context)  # an encrypted chart's backups open with its passphrase
    if not backups:
        print(f"No backups yet beside {context.db_path}")
        return 0
    print(
        table(
            ("Taken", "Why", "Size", "Verified", "File"),
            [
                (
                    b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z"),
                    b.reason,
                    f"{b.size:,} B",
                    "yes" if verify_backup(b.path, key) == "ok" else "NO — damaged",
                    str(b.path),
                )
                for b in backups
            ],
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace, context: Context) -> int:
    """Restore a backup over the chart file, after backing the current one up."""
    from wardchart.storage.backup import restore

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise InvalidEntry([Problem("file", f"no backup file {source}")])
    try:  # a chart with accounts: only a ward administrator replaces it
        with _chart(context, create=False, verify=False):
            pass
    except ChartBusyError:
        raise  # busy: who may restore cannot be checked, so nobody may
    except ChartFileError:
        # Too damaged to open (restoring is how it is mended): the chart cannot say who
        # may restore it, so the backup's accounts do.
        _sign_in_to_backup(source, context)
    if not context.admin:
        raise InvalidEntry([Problem("user", "only a ward administrator can restore a backup")])
    saved = restore(
        context.db_path,
        source,
        actor=context.actor,
        now=context.now,
        passphrase=_passphrase(context),
    )
    print(
        f"Restored {source} into {context.db_path}; the previous contents were saved as "
        f"{saved.path}"
    )
    return 0


def _sign_in_to_backup(source: Path, context: Context) -> None:
    """Sign in against a backup's accounts, reading it only (nothing is recorded in it)."""
    from sqlite_utils import Database

    from wardchart.storage.cipher import connect, is_encrypted
    from wardchart.storage.errors import db_errors

    key = os.environ.get("WARDCHART_PASSPHRASE") if is_encrypted(source) else None
    try:
        conn = connect(f"file:{source}?mode=ro", key, uri=True)
        store = ChartStore(source, Database(conn, execute_plugins=False), read_only=True)
        try:
            _sign_in(store, context)
        finally:
            store.close()
    except db_errors() as error:
        raise ChartFileError(
            f"neither the chart file nor {source} can be read to check who may restore "
            f"({error}); nothing was restored"
        ) from error


def cmd_check(args: argparse.Namespace, context: Context) -> int:
    """One line per check; exit 0 only if all pass."""
    from wardchart.storage.health import check_chart

    with _chart(context, create=False, verify=False) as store:
        findings = check_chart(store)
    for finding in findings:
        print(f"{finding.name}: {'OK' if finding.ok else 'FAILED'} — {finding.detail}")
    return 0 if all(f.ok for f in findings) else 1


# --- corrections -----------------------------------------------------------------------------

KIND_TABLES = {
    "result": "results",
    "temperature": "temperatures",
    "gcsf": "gcsf_doses",
    "cycle": "cycles",
    "precaution": "precautions",
    "patient": "patients",
}


def _cbc_entry(args: argparse.Namespace, taken: datetime) -> CbcEntry:
    return CbcEntry(
        taken=taken,
        unit=PER_LITRE_E9 if args.unit is None else parse_count_unit(args.unit),
        wbc=_number(args.wbc, "wbc"),
        anc=_number(args.anc, "anc"),
        neut_pct=_number(args.neut_pct, "neut_pct"),
        bands_pct=_number(args.bands_pct, "bands_pct"),
        platelets=_number(args.platelets, "platelets"),
        anc_lln=_number(args.anc_lln, "anc_lln"),
        wbc_lln=_number(args.wbc_lln, "wbc_lln"),
    )


def _when_or(text: str | None, field: str, stored: str) -> datetime:
    return datetime.fromisoformat(stored) if text is None else parse_datetime(text, field)


def cmd_correct_lab(args: argparse.Namespace, context: Context) -> int:
    """Replace a CBC's values; checked exactly like lab add."""
    taken_text = None if args.taken is None else parse_datetime(args.taken, "taken")
    with _chart(context, create=False) as store:
        row = queries.resolve_record(store.db, "results", args.id)
        patient = queries.patient_by_id(store.db, row["patient_id"])
        taken = taken_text or datetime.fromisoformat(row["taken_at"])
        operations.correct_cbc(
            store,
            patient=patient,
            record_id=row["origin_id"],
            expected_version=row["id"],
            entry=_cbc_entry(args, taken),
            reason=args.reason,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Corrected result {row['origin_id'][:8]} for MRN {patient.mrn}")
    return 0


def cmd_correct_temp(args: argparse.Namespace, context: Context) -> int:
    """Replace a temperature."""
    unit = "C" if args.celsius is not None else "F"
    value = parse_decimal(
        args.celsius if unit == "C" else args.fahrenheit, "celsius" if unit == "C" else "fahrenheit"
    )
    with _chart(context, create=False) as store:
        row = queries.resolve_record(store.db, "temperatures", args.id)
        patient = queries.patient_by_id(store.db, row["patient_id"])
        operations.correct_temperature(
            store,
            patient=patient,
            record_id=row["origin_id"],
            expected_version=row["id"],
            value=value,
            unit=unit,
            taken=_when_or(args.taken, "taken", row["taken_at"]),
            route=args.route if args.route is not None else row["route"],
            reason=args.reason,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Corrected temperature {row['origin_id'][:8]} for MRN {patient.mrn}")
    return 0


def cmd_correct_gcsf(args: argparse.Namespace, context: Context) -> int:
    """Correct a G-CSF dose."""
    with _chart(context, create=False) as store:
        row = queries.resolve_record(store.db, "gcsf_doses", args.id)
        patient = queries.patient_by_id(store.db, row["patient_id"])
        operations.correct_gcsf(
            store,
            patient=patient,
            record_id=row["origin_id"],
            expected_version=row["id"],
            given=_when_or(args.given, "given", row["given_at"]),
            drug=row["drug"] if args.drug is None else args.drug,
            dose=row["dose"] if args.dose is None else args.dose,
            reason=args.reason,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Corrected G-CSF dose {row['origin_id'][:8]} for MRN {patient.mrn}")
    return 0


def cmd_correct_cycle(args: argparse.Namespace, context: Context) -> int:
    """Correct a cycle's day 1, nadir window or length."""
    day1 = None if args.day1 is None else parse_date(args.day1, "day1")
    window = None if args.nadir_window is None else parse_window(args.nadir_window)
    length = _int(args.cycle_length, "cycle_length")
    with _chart(context, create=False) as store:
        row = queries.resolve_record(store.db, "cycles", args.id)
        patient = queries.patient_by_id(store.db, row["patient_id"])
        operations.correct_cycle(
            store,
            patient=patient,
            record_id=row["origin_id"],
            expected_version=row["id"],
            day1=day1 or date.fromisoformat(row["day1"]),
            nadir_window=window or (row["nadir_start"], row["nadir_end"]),
            cycle_length_days=row["cycle_length_days"] if length is None else length,
            reason=args.reason,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Corrected cycle {row['number']} for MRN {patient.mrn}")
    return 0


def cmd_correct_patient(args: argparse.Namespace, context: Context) -> int:
    """Correct a patient's details (or record a new bed)."""
    dob = None if args.dob is None else parse_date(args.dob, "dob")
    with _chart(context, create=False) as store:
        p = queries.require_patient(store.db, args.mrn)
        operations.correct_patient(
            store,
            patient=p,
            expected_version=p.version,
            mrn=args.new_mrn or p.mrn,
            name=args.name or p.name,
            dob=dob or p.dob,
            sex=p.sex if args.sex is None else args.sex,
            bed=p.bed if args.bed is None else args.bed,
            diagnosis=p.diagnosis if args.diagnosis is None else args.diagnosis,
            marrow_involved=p.marrow_involved,
            immune_disorder=p.immune_disorder,
            high_risk_notes=p.high_risk_notes,
            reason=args.reason,
            confirm=args.confirm,
            actor=context.actor,
            now=context.now,
        )
    print(f"Corrected the details of MRN {normal_mrn(args.new_mrn or p.mrn)}")
    return 0


def cmd_entered_in_error(args: argparse.Namespace, context: Context) -> int:
    """Withdraw a record from the chart; it stays in its history."""
    table = KIND_TABLES[args.kind]
    with _chart(context, create=False) as store:
        row = queries.resolve_record(store.db, table, args.id)
        operations.mark_entered_in_error(
            store,
            table=table,
            record_id=row["origin_id"],
            expected_version=row["id"],
            reason=args.reason,
            actor=context.actor,
            now=context.now,
        )
    print(f"Marked {args.kind} {row['origin_id'][:8]} entered in error")
    return 0


# --- accounts ---------------------------------------------------------------------------


def _admin_only(context: Context) -> None:
    if not context.admin:
        raise InvalidEntry([Problem("user", "only a ward administrator can manage accounts")])


def cmd_user_add(args: argparse.Namespace, context: Context) -> int:
    """Create an account; its password from WARDCHART_NEW_PASSWORD or typed twice."""
    from wardchart.storage import users

    with _chart(context, create=True) as store:
        _admin_only(context)
        password = _password(
            f"new password for {args.username}", "WARDCHART_NEW_PASSWORD", twice=True
        )
        user = users.add_user(
            store,
            username=args.username,
            full_name=args.name,
            initials=args.initials,
            role=args.role,
            password=password,
            actor=context.actor,
            now=context.now,
        )
    print(f"Added account {users.describe(user)}")
    return 0


def cmd_user_list(args: argparse.Namespace, context: Context) -> int:
    """Every account; disabled ones are marked."""
    from wardchart.storage import users

    with _chart(context, create=False, reads_only=True) as store:
        found = users.list_users(store.db)
    for user in found:
        print(users.describe(user))
    if not found:
        print("No accounts: entries are recorded as the operating-system user.")
    return 0


def _change_user(args: argparse.Namespace, context: Context, **change: Any) -> int:
    from wardchart.storage import users

    with _chart(context, create=False) as store:
        own = normal_username(args.username) == context.actor
        if not (context.admin or ("password" in change and own)):
            _admin_only(context)
        if "password" in change:
            change["password"] = _password(
                f"new password for {args.username}", "WARDCHART_NEW_PASSWORD", twice=True
            )
        user = users.change_user(
            store,
            args.username,
            reason=args.reason,
            actor=context.actor,
            now=context.now,
            **change,
        )
    print(f"Changed account {users.describe(user)}")
    return 0


def cmd_user_disable(args: argparse.Namespace, context: Context) -> int:
    """Stop an account signing in; nothing it entered changes."""
    return _change_user(args, context, disabled=True)


def cmd_user_enable(args: argparse.Namespace, context: Context) -> int:
    """Let a disabled account sign in again."""
    return _change_user(args, context, disabled=False)


def cmd_user_password(args: argparse.Namespace, context: Context) -> int:
    """A new password: administrators for anyone, others for themselves."""
    return _change_user(args, context, password="")


# --- encryption -------------------------------------------------------------------------


def cmd_encrypt(args: argparse.Namespace, context: Context) -> int:
    """Encrypt the chart file and its backups with a new passphrase."""
    return _rewrite(context, encrypt=True)


def cmd_decrypt(args: argparse.Namespace, context: Context) -> int:
    """Turn an encrypted chart file and its backups back into plain SQLite."""
    return _rewrite(context, encrypt=False)


def _rewrite(context: Context, *, encrypt: bool) -> int:
    from wardchart.storage.cipher import is_encrypted
    from wardchart.storage.encryption import pending_rewrite, rewrite_chart

    wanted = "encrypt" if encrypt else "decrypt"
    pending = pending_rewrite(context.db_path)
    if pending is not None and pending != wanted:
        raise InvalidEntry(
            [
                Problem(
                    "db",
                    f"an interrupted {pending} of {context.db_path} must be finished "
                    f"first: run wardchart {pending} again; nothing was done",
                )
            ]
        )
    encrypted = is_encrypted(context.db_path) if context.db_path.is_file() else False
    if pending is None and encrypt == encrypted:
        state = "already encrypted" if encrypted else "not encrypted"
        raise InvalidEntry([Problem("db", f"{context.db_path} is {state}; nothing was done")])
    resumed_encrypted = encrypt and encrypted  # an interrupted encryption did the chart
    new = None
    if resumed_encrypted:
        new = _password("new passphrase", "WARDCHART_NEW_PASSPHRASE", field="passphrase")
    with _chart(context, create=False, key=new, rewriting=True):  # with accounts: admins
        if not context.admin:
            raise InvalidEntry(
                [Problem("user", "only a ward administrator can encrypt or decrypt")]
            )
    old = None
    if not encrypt:  # the backups' passphrase, even when the chart itself is plain again
        old = (
            _passphrase(context)
            if encrypted
            else _password("passphrase", "WARDCHART_PASSPHRASE", field="passphrase")
        )
    if encrypt and new is None:
        new = _password(
            "new passphrase", "WARDCHART_NEW_PASSPHRASE", twice=True, field="passphrase"
        )
    backups = rewrite_chart(context.db_path, old=old, new=new, actor=context.actor, now=context.now)
    done = "Encrypted" if encrypt else "Decrypted"
    print(f"{done} {context.db_path} and {len(backups)} backup{'s' if len(backups) != 1 else ''}")
    return 0
