"""Corrections: a record replaced, or marked entered in error, with a reason; the old
version stays in the history, which ``history`` shows."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from wardchart.cli.base import AddCommand, Context, dump_json
from wardchart.cli.common import (
    add_cbc_options,
    add_temperature_options,
    cbc_entry,
    chart,
    temperature,
    whole,
)
from wardchart.cli.output import table, wrapped, wrapped_parts
from wardchart.cli.words import shown, translate
from wardchart.domain.display import field_items
from wardchart.domain.identifiers import normal_mrn
from wardchart.domain.records import RecordKind
from wardchart.domain.regimens import parse_window
from wardchart.domain.timeparse import parse_date, parse_datetime
from wardchart.session import changes
from wardchart.storage import queries

#: The record kinds a person names (``--kind``), and where each is kept.
KIND_TABLES = {
    "result": RecordKind.RESULTS,
    "temperature": RecordKind.TEMPERATURES,
    "gcsf": RecordKind.GCSF_DOSES,
    "cycle": RecordKind.CYCLES,
    "precaution": RecordKind.PRECAUTIONS,
    "patient": RecordKind.PATIENTS,
}
HISTORY_TABLES = (
    RecordKind.PATIENTS,
    RecordKind.CYCLES,
    RecordKind.RESULTS,
    RecordKind.TEMPERATURES,
    RecordKind.GCSF_DOSES,
    RecordKind.PRECAUTIONS,
)


def register(commands: Any, command: AddCommand) -> None:
    """correct, history."""
    correct = command(
        commands,
        "correct",
        "correct a record, or mark it entered in error (reason "
        "required; the old version stays in the history)",
    )
    kinds = correct.add_subparsers(dest="action", metavar="KIND", required=True)
    sub = command(kinds, "lab", "replace a CBC's values (the whole entry, as for lab add)")
    sub.add_argument("--id", required=True, help="the result's id (first 8+ characters)")
    sub.add_argument("--reason", required=True)
    sub.add_argument("--taken", help="default: the original time")
    add_cbc_options(sub)
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=correct_lab)
    sub = command(kinds, "temp", "replace a temperature")
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--taken", help="default: the original time")
    add_temperature_options(sub, route_default=None)
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=correct_temp)
    sub = command(kinds, "gcsf", "correct a G-CSF dose (unchanged fields keep their values)")
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--given")
    sub.add_argument("--drug")
    sub.add_argument("--dose")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=correct_gcsf)
    sub = command(kinds, "cycle", "correct a cycle's day 1, window or length")
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--day1")
    sub.add_argument("--nadir-window")
    sub.add_argument("--cycle-length")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=correct_cycle)
    sub = command(kinds, "patient", "correct a patient's details or record a new bed")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--new-mrn")
    sub.add_argument("--name")
    sub.add_argument("--dob")
    sub.add_argument("--sex", choices=["F", "M", "X"])
    sub.add_argument("--bed")
    sub.add_argument("--diagnosis")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=correct_patient)
    sub = command(kinds, "entered-in-error", "withdraw a record from the chart")
    sub.add_argument("--kind", required=True, choices=list(KIND_TABLES))
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.set_defaults(handler=entered_in_error)

    sub = command(commands, "history", "every version of a patient's records, who, when and why")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=history)


# --- handlers ---------------------------------------------------------------------------


def _when_or(text: str | None, field: str, stored: str) -> datetime:
    return datetime.fromisoformat(stored) if text is None else parse_datetime(text, field)


def correct_lab(args: argparse.Namespace, context: Context) -> int:
    """Replace a CBC's values; checked exactly like lab add."""
    taken_text = None if args.taken is None else parse_datetime(args.taken, "taken")
    with chart(context, create=False) as session:
        row = queries.resolve_record(session.store.db, RecordKind.RESULTS, args.id)
        patient = queries.patient_by_id(session.store.db, row["patient_id"])
        taken = taken_text or datetime.fromisoformat(row["taken_at"])
        session.save(
            changes.CorrectCbc(
                patient=patient,
                record_id=row["origin_id"],
                expected_version=row["id"],
                entry=cbc_entry(args, taken),
                reason=args.reason,
                confirm=args.confirm,
            )
        )
    print(
        translate("Corrections", "Corrected result {id} for MRN {mrn}").format(
            id=row["origin_id"][:8], mrn=patient.mrn
        )
    )
    return 0


def correct_temp(args: argparse.Namespace, context: Context) -> int:
    """Replace a temperature."""
    value, unit = temperature(args)
    with chart(context, create=False) as session:
        row = queries.resolve_record(session.store.db, RecordKind.TEMPERATURES, args.id)
        patient = queries.patient_by_id(session.store.db, row["patient_id"])
        session.save(
            changes.CorrectTemperature(
                patient=patient,
                record_id=row["origin_id"],
                expected_version=row["id"],
                value=value,
                unit=unit,
                taken=_when_or(args.taken, "taken", row["taken_at"]),
                route=args.route if args.route is not None else row["route"],
                reason=args.reason,
                confirm=args.confirm,
            )
        )
    print(
        translate("Corrections", "Corrected temperature {id} for MRN {mrn}").format(
            id=row["origin_id"][:8], mrn=patient.mrn
        )
    )
    return 0


def correct_gcsf(args: argparse.Namespace, context: Context) -> int:
    """Correct a G-CSF dose."""
    with chart(context, create=False) as session:
        row = queries.resolve_record(session.store.db, RecordKind.GCSF_DOSES, args.id)
        patient = queries.patient_by_id(session.store.db, row["patient_id"])
        session.save(
            changes.CorrectGcsf(
                patient=patient,
                record_id=row["origin_id"],
                expected_version=row["id"],
                given=_when_or(args.given, "given", row["given_at"]),
                drug=row["drug"] if args.drug is None else args.drug,
                dose=row["dose"] if args.dose is None else args.dose,
                reason=args.reason,
                confirm=args.confirm,
            )
        )
    print(
        translate("Corrections", "Corrected G-CSF dose {id} for MRN {mrn}").format(
            id=row["origin_id"][:8], mrn=patient.mrn
        )
    )
    return 0


def correct_cycle(args: argparse.Namespace, context: Context) -> int:
    """Correct a cycle's day 1, nadir window or length."""
    day1 = None if args.day1 is None else parse_date(args.day1, "day1")
    window = None if args.nadir_window is None else parse_window(args.nadir_window)
    length = whole(args.cycle_length, "cycle_length")
    with chart(context, create=False) as session:
        row = queries.resolve_record(session.store.db, RecordKind.CYCLES, args.id)
        patient = queries.patient_by_id(session.store.db, row["patient_id"])
        session.save(
            changes.CorrectCycle(
                patient=patient,
                record_id=row["origin_id"],
                expected_version=row["id"],
                day1=day1 or date.fromisoformat(row["day1"]),
                nadir_window=window or (row["nadir_start"], row["nadir_end"]),
                cycle_length_days=row["cycle_length_days"] if length is None else length,
                reason=args.reason,
                confirm=args.confirm,
            )
        )
    print(
        translate("Corrections", "Corrected cycle {number} for MRN {mrn}").format(
            number=row["number"], mrn=patient.mrn
        )
    )
    return 0


def correct_patient(args: argparse.Namespace, context: Context) -> int:
    """Correct a patient's details (or record a new bed)."""
    dob = None if args.dob is None else parse_date(args.dob, "dob")
    with chart(context, create=False) as session:
        p = session.require_patient(args.mrn)
        session.save(
            changes.CorrectPatient(
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
            )
        )
    print(
        translate("Corrections", "Corrected the details of MRN {mrn}").format(
            mrn=normal_mrn(args.new_mrn or p.mrn)
        )
    )
    return 0


def entered_in_error(args: argparse.Namespace, context: Context) -> int:
    """Withdraw a record from the chart; it stays in its history."""
    table_name = KIND_TABLES[args.kind]
    with chart(context, create=False) as session:
        row = queries.resolve_record(session.store.db, table_name, args.id)
        session.save(
            changes.MarkEnteredInError(
                table=table_name,
                record_id=row["origin_id"],
                expected_version=row["id"],
                reason=args.reason,
            )
        )
    said = {
        "result": translate("Corrections", "Marked result {id} entered in error"),
        "temperature": translate("Corrections", "Marked temperature {id} entered in error"),
        "gcsf": translate("Corrections", "Marked gcsf {id} entered in error"),
        "cycle": translate("Corrections", "Marked cycle {id} entered in error"),
        "precaution": translate("Corrections", "Marked precaution {id} entered in error"),
        "patient": translate("Corrections", "Marked patient {id} entered in error"),
    }[args.kind]
    print(said.format(id=row["origin_id"][:8]))
    return 0


def history(args: argparse.Namespace, context: Context) -> int:
    """Every version of every record of one patient."""
    with chart(context, create=False, reads_only=True) as session:
        patient = session.require_patient(args.mrn)
        versions = queries.patient_history(session.store.db, patient.id, HISTORY_TABLES)
    if args.json:
        print(dump_json(versions))
        return 0
    kinds = {
        "patients": translate("Corrections", "patients"),
        "cycles": translate("Corrections", "cycles"),
        "results": translate("Corrections", "results"),
        "temperatures": translate("Corrections", "temperatures"),
        "gcsf_doses": translate("Corrections", "gcsf_doses"),
        "precautions": translate("Corrections", "precautions"),
    }
    entered_in_error = translate("Corrections", "ENTERED IN ERROR")
    correction, original = (
        translate("Corrections", "correction"),
        translate("Corrections", "original"),
    )
    statuses = {
        "preliminary": translate("Corrections", "preliminary"),
        "final": translate("Corrections", "final"),
        "corrected": translate("Corrections", "corrected"),
    }
    rows = [
        (
            v["recorded_at"][:19].replace("T", " ") + "Z",
            kinds.get(v["table"], v["table"]),
            v["origin_id"][:8],
            v["recorded_by"],
            entered_in_error
            if v["entered_in_error"]
            else (correction if v["supersedes"] else original)
            + (
                f", {statuses.get(v['lab_status'], v['lab_status'])}" if v.get("lab_status") else ""
            ),
            wrapped(v["reason"] or "", 30),
            wrapped_parts([f"{shown(k)}: {shown(t)}" for k, t in field_items(v)]),
        )
        for v in versions
    ]
    # Every value whole, wrapped rather than cut; ids by their first 8 characters.
    headings = (
        translate("Corrections", "Recorded (UTC)"),
        translate("Corrections", "Kind"),
        translate("Corrections", "Record id (first 8)"),
        translate("Corrections", "By"),
        translate("Corrections", "Version"),
        translate("Corrections", "Why"),
        translate("Corrections", "Values"),
    )
    print(table(headings, rows))
    return 0
