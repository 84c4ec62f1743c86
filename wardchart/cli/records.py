"""Records in and out: CSV export and import, HL7 v2 result messages, FHIR R4 bundles,
and what the laboratory sent that waits for a person."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wardchart.cli.base import AddCommand, Context, dump_json
from wardchart.cli.common import chart, output_path, write_new_file
from wardchart.cli.output import csv_text, table
from wardchart.cli.words import shown, translate
from wardchart.domain.chart import PatientChart
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.records import Patient
from wardchart.domain.summary import chart_summary, export_rows
from wardchart.session.core import ChartingSession


def register_lab_held(lab_actions: Any, command: AddCommand) -> None:
    """lab held."""
    sub = command(lab_actions, "held", "every laboratory result held for a person: HL7 and FHIR")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=lab_held)


def register(commands: Any, command: AddCommand) -> None:
    """export, import, hl7, fhir."""
    sub = command(commands, "export", "every current record with its computed values")
    sub.add_argument("--format", required=True, choices=["csv", "json"])
    sub.add_argument("--mrn")
    sub.add_argument(
        "--kind",
        choices=["result", "cycle", "temperature", "gcsf", "precautions"],
        help="only records of this kind (a CSV of results can be imported again)",
    )
    sub.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    sub.set_defaults(handler=export)

    sub = command(commands, "import", "CBC results from a CSV file (all rows or none)")
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler=import_csv)

    hl7 = command(commands, "hl7", "laboratory results from HL7 v2 ORU^R01 messages")
    actions = hl7.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(
        actions, "import", "chart the CBCs of HL7 result files, or of every file in a folder"
    )
    sub.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=hl7_import)
    sub = command(actions, "held", "the messages held for a person to look at")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=hl7_held)
    sub = command(actions, "attach", "chart a held message's results to the right patient")
    sub.add_argument("--message", required=True, metavar="ID", help="from `wardchart hl7 held`")
    sub.add_argument("--mrn", required=True, help="the patient the results belong to")
    sub.add_argument("--reason", required=True, help="why this is the patient")
    sub.set_defaults(handler=hl7_attach)
    sub = command(actions, "dismiss", "take a held message off the list without charting it")
    sub.add_argument("--message", required=True, metavar="ID", help="from `wardchart hl7 held`")
    sub.add_argument("--reason", required=True, help="why it is not charted")
    sub.set_defaults(handler=hl7_dismiss)

    fhir = command(commands, "fhir", "FHIR R4 bundles: export the chart, import lab results")
    actions = fhir.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "export", "a FHIR R4 Bundle (collection) of one patient or the ward")
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--mrn")
    who.add_argument("--all", action="store_true", help="every patient on the ward")
    sub.add_argument("--out", metavar="FILE", required=True)
    sub.set_defaults(handler=fhir_export)
    sub = command(
        actions, "import", "chart the WBC, ANC, neutrophil %% and temperatures of a FHIR Bundle"
    )
    sub.add_argument("file", metavar="FILE.json")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=fhir_import)


# --- handlers ---------------------------------------------------------------------------


def lab_held(args: argparse.Namespace, context: Context) -> int:
    """Everything the laboratory sent that waits for a person: held HL7 messages and held
    FHIR bundle entries, oldest first, each with why it was held."""
    from wardchart.storage.fhir import held_entries
    from wardchart.storage.hl7_import import held_messages

    with chart(context, create=False, reads_only=True) as session:
        found = [
            {"kind": "HL7", "what": f"message {h['control_id']}".strip(), **h}
            for h in held_messages(session.store.db)
        ]
        message = translate("Interop", "message {control_id}")
        found += [
            {"kind": "FHIR", "what": f"{h['resource_type']} {h['entry_key']}".strip(), **h}
            for h in held_entries(session.store.db)
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
                message.format(control_id=h["control_id"]).strip()
                if h["kind"] == "HL7"
                else h["what"],
                h["mrn"],
                shown(h["reason"]),
            )
            for h in found
        ]
        headings = (
            translate("Interop", "Kind"),
            translate("Interop", "Id"),
            translate("Interop", "Received (UTC)"),
            translate("Interop", "File"),
            translate("Interop", "What"),
            translate("Interop", "MRN"),
            translate("Interop", "Why held"),
        )
        print(table(headings, rows))
    else:
        print(translate("Interop", "No held laboratory results."))
    return 0


def charts_to_export(
    session: ChartingSession, mrn: str | None
) -> tuple[list[Patient], list[PatientChart]]:
    """One patient's chart (``--mrn``) or every patient's, for an export."""
    patients = [session.require_patient(mrn)] if mrn else session.patients()
    return patients, [session.chart(p) for p in patients]


def export(args: argparse.Namespace, context: Context) -> int:
    """Export every current record (one patient or the ward) as CSV or JSON; audited."""
    if args.kind and args.format == "json":
        raise InvalidEntry(
            [
                Problem(
                    "--kind",
                    translate("Interop", "applies to --format csv; JSON holds each whole chart"),
                )
            ]
        )
    out = None if args.out is None else output_path(args.out, context)
    with chart(context, create=False) as session:
        patients, charts = charts_to_export(session, args.mrn)
        if args.format == "json":
            text = dump_json([chart_summary(c) for c in charts]) + "\n"
        else:
            rows = [row for c in charts for row in export_rows(c)]
            if args.kind:
                rows = [row for row in rows if row["kind"] == args.kind]
            text = csv_text(rows)
        if out is not None:
            write_new_file(out, text)
        session.log_event(
            action="export",
            entity="chart",
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
        said = (
            translate("Interop", "Exported 1 patient to {path}")
            if len(patients) == 1
            else translate("Interop", "Exported {count} patients to {path}")
        )
        print(said.format(count=len(patients), path=out), file=sys.stderr)
    return 0


def import_csv(args: argparse.Namespace, context: Context) -> int:
    """Import CBC results from CSV, all rows or none."""
    from wardchart.storage.csv_import import import_results

    path = Path(args.file)
    if not path.is_file():
        said = translate("Interop", "no file {path}").format(path=path)
        raise InvalidEntry([Problem("file", said)])
    with chart(context, create=False) as session:
        report = import_results(
            session.store, path, confirm=args.confirm, actor=context.actor, now=context.now
        )
    said = (
        translate("Interop", "Imported 1 result from {path}")
        if report.imported == 1
        else translate("Interop", "Imported {count} results from {path}")
    ).format(count=report.imported, path=path)
    if report.skipped_duplicates == 1:
        said += translate("Interop", "; 1 already on the chart was skipped")
    elif report.skipped_duplicates:
        said += translate("Interop", "; {count} already on the chart were skipped").format(
            count=report.skipped_duplicates
        )
    print(said)
    return 0


def hl7_import(args: argparse.Namespace, context: Context) -> int:
    """Chart the CBCs of HL7 v2 result messages; one line (or JSON) per message."""
    from wardchart.storage.hl7_import import import_files

    paths = [Path(p).expanduser() for p in args.paths]
    with chart(context, create=False) as session:
        outcomes = import_files(session.store, paths, actor=context.actor, now=context.now)
    if args.json:
        print(dump_json([o.as_json() for o in outcomes]))
        return 0
    for o in outcomes:
        what = (
            translate("Interop", "charted (1 result)")
            if o.results == 1
            else translate("Interop", "charted ({count} results)").format(count=o.results)
        )
        if o.outcome != "charted":
            what = f"{_outcome(o.outcome)}: {shown(o.reason)}"
        line = (
            translate("Interop", "{file} message {index} ({control_id}) MRN {mrn}: {outcome}")
            if o.mrn
            else translate("Interop", "{file} message {index} ({control_id}): {outcome}")
        )
        control_id = o.control_id or translate("Interop", "no control id")
        print(
            line.format(file=o.file, index=o.index, control_id=control_id, mrn=o.mrn, outcome=what)
        )
    counts = {k: sum(o.outcome == k for o in outcomes) for k in ("charted", "held")}
    said = (
        translate(
            "Interop", "1 message: {charted} charted, {held} held, {other} ignored or refused"
        )
        if len(outcomes) == 1
        else translate(
            "Interop",
            "{count} messages: {charted} charted, {held} held, {other} ignored or refused",
        )
    )
    print(
        said.format(
            count=len(outcomes),
            charted=counts["charted"],
            held=counts["held"],
            other=len(outcomes) - sum(counts.values()),
        ),
        file=sys.stderr,
    )
    return 0


def hl7_held(args: argparse.Namespace, context: Context) -> int:
    """The HL7 messages held for a person and not charted since."""
    from wardchart.storage.hl7_import import held_messages

    with chart(context, create=False, reads_only=True) as session:
        held = held_messages(session.store.db)
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
                shown(h["reason"]),
            )
            for h in held
        ]
        headings = (
            translate("Interop", "Id"),
            translate("Interop", "Received (UTC)"),
            translate("Interop", "File"),
            translate("Interop", "Control id"),
            translate("Interop", "MRN"),
            translate("Interop", "Why held"),
        )
        print(table(headings, rows))
    else:
        print(translate("Interop", "No held messages."))
    return 0


def fhir_export(args: argparse.Namespace, context: Context) -> int:
    """Write a FHIR R4 Bundle of one patient or the whole ward; audited like export."""
    from wardchart.storage.fhir import bundle_json, export_bundle, validate_bundle

    out = output_path(args.out, context)
    with chart(context, create=False) as session:
        patients, charts = charts_to_export(session, args.mrn)
        bundle = export_bundle(charts, context.now)
        validate_bundle(bundle)
        write_new_file(out, bundle_json(bundle))
        session.log_event(
            action="export",
            entity="chart",
            patient_id=patients[0].id if args.mrn else None,
            detail={
                "format": "fhir",
                "patients": [p.mrn for p in patients],
                "resources": len(bundle["entry"]),
                "to": str(out),
            },
        )
    resources = len(bundle["entry"])
    said = (
        translate("Interop", "Exported 1 patient, {resources} resources to {path}")
        if len(patients) == 1
        else translate("Interop", "Exported {count} patients, {resources} resources to {path}")
    )
    print(said.format(count=len(patients), resources=resources, path=out), file=sys.stderr)
    return 0


def fhir_import(args: argparse.Namespace, context: Context) -> int:
    """Chart a FHIR Bundle's counts and temperatures; one line (or JSON) per entry."""
    from wardchart.storage.fhir import import_bundle

    path = Path(args.file).expanduser()
    if not path.is_file():
        said = translate("Interop", "no file {path}").format(path=path)
        raise InvalidEntry([Problem("file", said)])
    with chart(context, create=False) as session:
        outcomes = import_bundle(session.store, path, actor=context.actor, now=context.now)
    if args.json:
        print(dump_json([o.as_json() for o in outcomes]))
        return 0
    for o in outcomes:
        what = _outcome(o.outcome) if not o.reason else f"{_outcome(o.outcome)}: {shown(o.reason)}"
        line = (
            translate("Interop", "{file} entry {index} ({resource}) MRN {mrn}: {outcome}")
            if o.mrn
            else translate("Interop", "{file} entry {index} ({resource}): {outcome}")
        )
        resource = o.resource_type or translate("Interop", "no resource")
        print(line.format(file=path, index=o.index, resource=resource, mrn=o.mrn, outcome=what))
    counts = {k: sum(o.outcome == k for o in outcomes) for k in ("charted", "held", "ignored")}
    said = (
        translate(
            "Interop",
            "1 entry: {charted} charted, {held} held, {ignored} ignored, {refused} refused",
        )
        if len(outcomes) == 1
        else translate(
            "Interop",
            "{count} entries: {charted} charted, {held} held, {ignored} ignored, {refused} refused",
        )
    )
    print(
        said.format(
            count=len(outcomes),
            charted=counts["charted"],
            held=counts["held"],
            ignored=counts["ignored"],
            refused=len(outcomes) - sum(counts.values()),
        ),
        file=sys.stderr,
    )
    return 0


def _outcome(outcome: str) -> str:
    """What became of an imported message or entry, in words ("held")."""
    words = {
        "charted": translate("Interop", "charted"),
        "held": translate("Interop", "held"),
        "ignored": translate("Interop", "ignored"),
        "refused": translate("Interop", "refused"),
    }
    return words.get(outcome, outcome)


def _decision_reason(reason: str) -> str:
    """A reason for attaching or dismissing: free text as everywhere (no invisible
    characters, see docs/identifiers.md)."""
    from wardchart.domain.hl7_rules import decision_reason_problem
    from wardchart.domain.plausibility import check_text

    raise_if_blocking(check_text("reason", reason, 500))
    why = decision_reason_problem(reason)
    if why:
        raise InvalidEntry([Problem("reason", shown(why))])
    return reason


def hl7_attach(args: argparse.Namespace, context: Context) -> int:
    """Chart a held message's results to the patient a nurse names, with a reason."""
    from wardchart.storage.hl7_held import held_message_id

    reason = _decision_reason(args.reason)
    with chart(context, create=False) as session:
        message_id = held_message_id(session.store.db, args.message)
        patient = session.require_patient(args.mrn)
        outcome = session.attach_lab_message(message_id, patient, reason)
    said = (
        translate("Interop", "Attached lab message {id} to MRN {mrn}: charted (1 result)")
        if outcome.results == 1
        else translate(
            "Interop", "Attached lab message {id} to MRN {mrn}: charted ({count} results)"
        )
    )
    print(said.format(id=message_id[:8], mrn=patient.mrn, count=outcome.results))
    return 0


def hl7_dismiss(args: argparse.Namespace, context: Context) -> int:
    """Take a held message off the held list without charting it, with a reason."""
    from wardchart.storage.hl7_held import held_message_id

    reason = _decision_reason(args.reason)
    with chart(context, create=False) as session:
        message_id = held_message_id(session.store.db, args.message)
        session.dismiss_lab_message(message_id, reason)
    print(
        translate(
            "Interop", "Dismissed lab message {id}; it stays in the chart file, not charted"
        ).format(id=message_id[:8])
    )
    return 0
