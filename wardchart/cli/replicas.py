"""One ward, many chart files: merging another chart file into this one, a copy for a
clinic laptop, and the conflicts two files charted apart can bring (docs/merging.md).

Who may: anyone signed in, nurse or ward administrator. Laptops come back in nurses'
hands, merging only adds what the other file holds (nothing is overwritten or lost), and a
conflict's resolution is itself a record with a reason, audited, that merges like any other.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from wardchart.cli.base import AddCommand, Context, dump_json
from wardchart.cli.common import chart, output_path, secret
from wardchart.domain.display import time_text
from wardchart.domain.identifiers import identifier_problems, normal_mrn
from wardchart.domain.problems import InvalidEntry, Problem

#: What each merged table holds, in the words of the ward.
KIND_WORDS = {
    "patients": "patients",
    "regimens": "regimens",
    "users": "accounts",
    "cycles": "cycles",
    "results": "blood counts",
    "temperatures": "temperatures",
    "gcsf_doses": "G-CSF doses",
    "precautions": "precautions",
    "ward_settings": "ward settings",
    "lab_messages": "laboratory messages",
    "lab_result_sources": "laboratory sources of counts",
    "fhir_entries": "FHIR entries",
    "lab_message_decisions": "decisions on held laboratory messages",
    "resolutions": "conflict resolutions",
    "resolution_set_aside": "versions set aside by resolutions",
    "audit_log": "audit entries",
}
#: Each kind of conflict, in words.
CONFLICT_WORDS = {
    "correction": "a record corrected apart on two charts",
    "regimen": "a regimen changed apart on two charts",
    "account": "an account changed apart on two charts",
    "mrn": "one MRN admitted as two patients",
    "cycle_number": "two cycles with one number",
    "bed": "one bed given to two patients",
    "username": "one user name on two accounts",
    "ward_setting": "a ward setting changed apart on two charts",
}
OTHER_PASSPHRASE = "WARDCHART_OTHER_PASSPHRASE"
#: The shortest prefix of a conflict key, a version id or a record id that is accepted.
SHORTEST_ID = 8


def register(commands: Any, command: AddCommand) -> None:
    """merge, copy, conflicts (and conflicts resolve)."""
    sub = command(
        commands,
        "merge",
        "bring every record of another chart file of this ward into this one "
        "(its passphrase: $WARDCHART_OTHER_PASSPHRASE)",
    )
    sub.add_argument("other", metavar="OTHER", help="the other chart file (read, never changed)")
    sub.add_argument("--dry-run", action="store_true", help="say what would come in; save nothing")
    sub.add_argument("--json", action="store_true", help="the result as one JSON object")
    sub.set_defaults(handler=merge)

    sub = command(
        commands,
        "copy",
        "make a chart file for a clinic laptop: a new chart of this ward, accounts included",
    )
    sub.add_argument("--out", required=True, metavar="FILE", help="a new file (never replaced)")
    sub.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the copy (passphrase: $WARDCHART_NEW_PASSPHRASE, else asked twice)",
    )
    sub.set_defaults(handler=copy)

    sub = command(commands, "conflicts", "list what was charted apart and needs review")
    sub.add_argument("--json", action="store_true", help="the open conflicts as JSON")
    sub.set_defaults(handler=list_conflicts)
    actions = sub.add_subparsers(dest="action", metavar="ACTION")
    sub = command(actions, "resolve", "settle one conflict, with a reason (it merges onwards)")
    sub.add_argument("key", metavar="KEY", help="the conflict's key (its first 8+ characters)")
    how = sub.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", metavar="VERSION", help="keep this version (first 8+ characters)")
    how.add_argument(
        "--link",
        metavar="RECORD",
        help="one MRN twice: the patient records are one person; keep this record",
    )
    how.add_argument(
        "--new-version",
        metavar="RECORD",
        help="one MRN twice: give this patient record its right MRN (with --mrn)",
    )
    sub.add_argument("--mrn", help="with --new-version: the patient's right MRN")
    sub.add_argument("--reason", required=True)
    sub.set_defaults(handler=resolve)


# --- merge ------------------------------------------------------------------------------


def _other_file(text: str, context: Context) -> Path:
    """The other chart file: one that exists and is not this chart file itself."""
    if not text.strip():
        raise InvalidEntry([Problem("OTHER", "is empty; give the other chart file")])
    other = Path(text).expanduser()
    if not other.is_file():
        raise InvalidEntry([Problem("OTHER", f"no chart file at {other}; nothing was changed")])
    here = context.db_path
    if here.exists() and other.samefile(here):
        raise InvalidEntry(
            [Problem("OTHER", f"{other} is this chart file itself; nothing was changed")]
        )
    return other


def other_passphrase(other: Path) -> str | None:
    """The other file's passphrase when it is encrypted (or not a plain chart file): from
    $WARDCHART_OTHER_PASSPHRASE, else typed; never from the command line."""
    from wardchart.storage.cipher import is_encrypted

    if not is_encrypted(other):
        return None
    return secret(
        f"passphrase for {other.name}",
        OTHER_PASSPHRASE,
        field="passphrase",
        missing=f"{other} is encrypted, or is not a wardchart chart file: if it is encrypted, "
        f"set {OTHER_PASSPHRASE} or run this in a terminal; nothing was changed",
    )


def merge(args: argparse.Namespace, context: Context) -> int:
    """Merge OTHER into the chart: exit 0 when merged (conflicts are reported, not
    errors), 2 with one line and nothing changed when OTHER cannot be merged."""
    from wardchart.storage.merge import merge_from

    other = _other_file(args.other, context)
    key = other_passphrase(other)
    with chart(context, create=False) as session:
        result = merge_from(
            session.store,
            other,
            passphrase=key,
            dry_run=args.dry_run,
            actor=session.actor,
            now=session.now(),
        )
        patients = _patient_names(session, result.conflicts)
    if args.json:
        print(dump_json(result.as_json()))
        return 0
    print("\n".join(_merge_lines(result, context.db_path, patients)))
    return 0


#: The singular of each word above.
_ONE = {
    "patients": "patient",
    "regimens": "regimen",
    "users": "account",
    "cycles": "cycle",
    "results": "blood count",
    "temperatures": "temperature",
    "gcsf_doses": "G-CSF dose",
    "precautions": "precaution",
    "ward_settings": "ward setting",
    "lab_messages": "laboratory message",
    "lab_result_sources": "laboratory source of a count",
    "fhir_entries": "FHIR entry",
    "lab_message_decisions": "decision on a held laboratory message",
    "resolutions": "conflict resolution",
    "resolution_set_aside": "version set aside by a resolution",
    "audit_log": "audit entry",
}


def _kind(table: str, count: int) -> str:
    return _ONE.get(table, table) if count == 1 else KIND_WORDS.get(table, table)


def _counts(by_table: dict[str, int]) -> str:
    shown = [f"{n:,} {_kind(t, n)}" for t, n in by_table.items() if n]
    return ", ".join(shown) if shown else "none"


def _merge_lines(result: Any, here: Path, patients: dict[str, str]) -> list[str]:
    from wardchart.storage.schema import VERSIONED_TABLES as _VERSIONED

    corrections = {
        table: n - result.new_records.get(table, 0)
        for table, n in result.new_rows.items()
        if table in result.new_records or table in _VERSIONED
    }
    other_rows = {
        t: n for t, n in result.new_rows.items() if t not in _VERSIONED and t != "audit_log"
    }
    verb = "Would merge" if result.dry_run else "Merged"
    lines = [
        f"{verb} {result.other} (chart {result.other_chart_id[:8]}) into {here} "
        f"(chart {result.chart_id[:8]})"
        + (" — a dry run: nothing was saved" if result.dry_run else ""),
        f"  new records: {_counts(result.new_records)}",
        f"  new corrections: {_counts(corrections)}",
        f"  also new: {_counts(other_rows)}; {result.new_rows.get('audit_log', 0):,} audit entries",
        f"  already here: {sum(result.already_present.values()):,} entries of {result.other.name}",
    ]
    new = result.new_conflicts
    lines.append(
        f"  conflicts: {len(new)} new, {len(result.conflicts)} open in all"
        + (" — review them: wardchart conflicts" if result.conflicts else "")
    )
    for conflict in new:
        lines.append(f"    {_conflict_title(conflict, patients)}")
    return lines


# --- copy -------------------------------------------------------------------------------


def copy(args: argparse.Namespace, context: Context) -> int:
    """A chart file for a clinic laptop: a new chart id, this ward, accounts included."""
    from wardchart.storage.cipher import is_encrypted
    from wardchart.storage.merge import copy_chart

    out = output_path(args.out, context)
    if out.exists() or out.is_symlink():
        raise InvalidEntry([Problem("out", f"{out} already exists; choose a new file")])
    here = context.db_path
    if not args.encrypt and here.is_file() and is_encrypted(here):
        raise InvalidEntry(
            [
                Problem(
                    "encrypt",
                    "this chart file is encrypted, so its copy must be too: add --encrypt",
                )
            ]
        )
    key = None
    if args.encrypt:
        key = secret("new passphrase", "WARDCHART_NEW_PASSPHRASE", twice=True, field="passphrase")
    with chart(context, create=False) as session:
        made = copy_chart(
            session.store, out, passphrase=key, actor=session.actor, now=session.now()
        )
    how = "encrypted" if made.encrypted else "not encrypted"
    print(
        f"Copied the chart to {made.path} ({how}; its chart id {made.chart_id[:8]}). "
        f"Bring it back with: wardchart merge {made.path}"
    )
    return 0


# --- conflicts --------------------------------------------------------------------------


def list_conflicts(args: argparse.Namespace, context: Context) -> int:
    """Every open conflict: what, which patient, each side (who, when, where), and which
    version the chart shows now."""
    from wardchart.storage.conflicts import conflicts

    with chart(context, create=False, reads_only=True) as session:
        found = conflicts(session.store.db)
        patients = _patient_names(session, found)
    if args.json:
        print(dump_json([_conflict_json(c, patients) for c in found]))
        return 0
    if not found:
        print("No open conflicts.")
        return 0
    lines = [f"{len(found)} open conflict{'s' if len(found) != 1 else ''}:"]
    for conflict in found:
        lines += ["", f"{_conflict_title(conflict, patients)}  [key {conflict.key[:8]}]"]
        for side in conflict.sides:
            lines.append(f"  {_side_line(side, patients)}")
        lines.append(f"  resolve: {_how_to_resolve(conflict)}")
    print("\n".join(lines))
    return 0


def _patient_names(session: Any, found: list[Any]) -> dict[str, str]:
    """Each patient record a conflict names: "Name (MRN x)"."""
    ids = {c.patient_id for c in found if c.patient_id}
    ids |= {s.record_id for c in found for s in c.sides if s.table == "patients"}
    names = {}
    for patient_id in sorted(ids):
        patient = session.patient(patient_id)
        if patient is not None:
            names[patient_id] = f"{patient.name} (MRN {patient.mrn})"
    return names


def _conflict_title(conflict: Any, patients: dict[str, str]) -> str:
    what = CONFLICT_WORDS.get(conflict.kind, conflict.kind)
    who = patients.get(conflict.patient_id or "")
    subject = conflict.subject
    if conflict.kind == "correction" and conflict.sides:
        subject = f"{_ONE.get(conflict.table, conflict.table)} {conflict.sides[0].record_id[:8]}"
    return f"{what}: {subject}" + (f" — patient {who}" if who else "")


def _when(text: str) -> str:
    try:
        return time_text(datetime.fromisoformat(text))
    except ValueError:
        return text


def _side_line(side: Any, patients: dict[str, str]) -> str:
    shown = "SHOWN NOW" if side.shown else "not shown"
    where = f"chart {side.replica_id[:8]}" if side.replica_id else "this chart before chart ids"
    record = patients.get(side.record_id) if side.table == "patients" else None
    what = f"patient {record}" if record else f"{KIND_WORDS.get(side.table, side.table)}"
    return (
        f"version {side.version_id[:8]} of {what} (record {side.record_id[:8]}): "
        f"{side.recorded_by}, {_when(side.recorded_at)}, on {where} — {shown}\n"
        f"    {side.summary}"
    )


def _how_to_resolve(conflict: Any) -> str:
    key = conflict.key[:8]
    if conflict.kind == "mrn":
        return (
            f"wardchart conflicts resolve {key} --link RECORD --reason TEXT (one person), or "
            f"--new-version RECORD --mrn RIGHT_MRN --reason TEXT"
        )
    return f"wardchart conflicts resolve {key} --keep VERSION --reason TEXT"


def _conflict_json(conflict: Any, patients: dict[str, str]) -> dict[str, Any]:
    return {
        "key": conflict.key,
        "kind": conflict.kind,
        "about": CONFLICT_WORDS.get(conflict.kind, conflict.kind),
        "subject": conflict.subject,
        "patient_id": conflict.patient_id,
        "patient": patients.get(conflict.patient_id or ""),
        "sides": [
            {
                "table": s.table,
                "record_id": s.record_id,
                "version_id": s.version_id,
                "recorded_by": s.recorded_by,
                "recorded_at": _when(s.recorded_at),
                "chart_id": s.replica_id,
                "entered_in_error": s.entered_in_error,
                "shown": s.shown,
                "summary": s.summary,
                "patient": patients.get(s.record_id) if s.table == "patients" else None,
            }
            for s in conflict.sides
        ],
    }


def _prefix(text: str, field: str) -> str:
    value = text.strip().lower()
    if len(value) < SHORTEST_ID or any(c not in "0123456789abcdef-" for c in value):
        raise InvalidEntry(
            [
                Problem(
                    field,
                    f"give at least the first {SHORTEST_ID} characters shown by "
                    "wardchart conflicts",
                )
            ]
        )
    return value


def _one(candidates: set[str], prefix: str, field: str, what: str) -> str:
    found = {c for c in candidates if c.lower().startswith(prefix)}
    if not found:
        raise InvalidEntry([Problem(field, f"no {what} {prefix}; see wardchart conflicts")])
    if len(found) > 1:
        raise InvalidEntry([Problem(field, f"{prefix} names more than one {what}; type more")])
    return found.pop()


def resolve(args: argparse.Namespace, context: Context) -> int:
    """Settle one open conflict with a resolution record and a reason."""
    from wardchart.storage.conflicts import conflicts, resolve_conflict

    key_prefix = _prefix(args.key, "KEY")
    reason = args.reason
    if not reason.strip():
        raise InvalidEntry([Problem("reason", "give a reason for the resolution")])
    field, chosen = next(
        (f, v)
        for f, v in (("keep", args.keep), ("link", args.link), ("new_version", args.new_version))
        if v is not None
    )
    chosen = _prefix(chosen, field)
    changes = None
    if field == "new_version":
        if args.mrn is None:
            raise InvalidEntry([Problem("mrn", "give the patient's right MRN with --mrn")])
        problems = identifier_problems("mrn", args.mrn)
        if problems or not normal_mrn(args.mrn):
            raise InvalidEntry(problems or [Problem("mrn", "is empty; give the right MRN")])
        changes = {"mrn": normal_mrn(args.mrn)}
    elif args.mrn is not None:
        raise InvalidEntry([Problem("mrn", "only with --new-version")])
    with chart(context, create=False) as session:
        found = conflicts(session.store.db)
        key = _one({c.key for c in found}, key_prefix, "KEY", "open conflict")
        conflict = next(c for c in found if c.key == key)
        if field == "keep" and conflict.kind == "mrn":
            raise InvalidEntry(
                [
                    Problem(
                        "keep",
                        "one MRN on two patients: --link RECORD if they are one person, "
                        "else --new-version RECORD --mrn RIGHT_MRN",
                    )
                ]
            )
        if field == "keep":
            ids = {s.version_id for s in conflict.sides} | {s.record_id for s in conflict.sides}
            target = _one(ids, chosen, "keep", "version of this conflict")
        else:
            ids = {s.record_id for s in conflict.sides}
            target = _one(ids, chosen, field, "record of this conflict")
        if field == "new_version":
            _check_new_mrn(session, conflict, str((changes or {}).get("mrn")))
        done = resolve_conflict(
            session.store,
            key,
            action=field,
            reason=reason,
            actor=session.actor,
            now=session.now(),
            keep=target if field != "new_version" else None,
            record_id=target if field == "new_version" else None,
            changes=changes,
        )
    words = {"keep": "kept version", "link": "linked as one person, keeping record"}
    what = words.get(field, "corrected the MRN of record")
    print(
        f"Resolved conflict {key[:8]} ({CONFLICT_WORDS.get(conflict.kind, conflict.kind)}): "
        f"{what} {target[:8]}; resolution {done.id[:8]} saved with its reason"
    )
    return 0


def _check_new_mrn(session: Any, conflict: Any, mrn: str) -> None:
    """A new MRN for one of two patient records sharing one: only for that conflict, and
    an MRN no current patient has."""
    from wardchart.storage.queries import find_patient

    if conflict.kind != "mrn":
        raise InvalidEntry(
            [
                Problem(
                    "new_version",
                    "only for one MRN admitted twice; otherwise keep one version (--keep), "
                    "then correct it with wardchart correct",
                )
            ]
        )
    holder = find_patient(session.store.db, mrn)
    if holder is not None:
        raise InvalidEntry([Problem("mrn", f"MRN {mrn} belongs to {holder.name}; give another")])
