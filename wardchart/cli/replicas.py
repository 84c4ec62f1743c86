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
from wardchart.cli.words import date_text, shown, translate, whole_number
from wardchart.domain.display import time_text
from wardchart.domain.identifiers import identifier_problems, normal_mrn
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: What each merged table holds, in the words of the ward.
KIND_WORDS = {
    "patients": QT_TRANSLATE_NOOP("MergeCommand", "patients"),
    "regimens": QT_TRANSLATE_NOOP("MergeCommand", "regimens"),
    "users": QT_TRANSLATE_NOOP("MergeCommand", "accounts"),
    "cycles": QT_TRANSLATE_NOOP("MergeCommand", "cycles"),
    "results": QT_TRANSLATE_NOOP("MergeCommand", "blood counts"),
    "temperatures": QT_TRANSLATE_NOOP("MergeCommand", "temperatures"),
    "gcsf_doses": QT_TRANSLATE_NOOP("MergeCommand", "G-CSF doses"),
    "precautions": QT_TRANSLATE_NOOP("MergeCommand", "precautions"),
    "ward_settings": QT_TRANSLATE_NOOP("MergeCommand", "ward settings"),
    "lab_messages": QT_TRANSLATE_NOOP("MergeCommand", "laboratory messages"),
    "lab_result_sources": QT_TRANSLATE_NOOP("MergeCommand", "laboratory sources of counts"),
    "fhir_entries": QT_TRANSLATE_NOOP("MergeCommand", "FHIR entries"),
    "lab_message_decisions": QT_TRANSLATE_NOOP(
        "MergeCommand", "decisions on held laboratory messages"
    ),
    "resolutions": QT_TRANSLATE_NOOP("MergeCommand", "conflict resolutions"),
    "resolution_set_aside": QT_TRANSLATE_NOOP("MergeCommand", "versions set aside by resolutions"),
    "audit_log": QT_TRANSLATE_NOOP("MergeCommand", "audit entries"),
}
#: Each kind of conflict, in words.
CONFLICT_WORDS = {
    "correction": QT_TRANSLATE_NOOP("MergeCommand", "a record corrected apart on two charts"),
    "regimen": QT_TRANSLATE_NOOP("MergeCommand", "a regimen changed apart on two charts"),
    "account": QT_TRANSLATE_NOOP("MergeCommand", "an account changed apart on two charts"),
    "mrn": QT_TRANSLATE_NOOP("MergeCommand", "one MRN admitted as two patients"),
    "cycle_number": QT_TRANSLATE_NOOP("MergeCommand", "two cycles with one number"),
    "bed": QT_TRANSLATE_NOOP("MergeCommand", "one bed given to two patients"),
    "username": QT_TRANSLATE_NOOP("MergeCommand", "one user name on two accounts"),
    "ward_setting": QT_TRANSLATE_NOOP("MergeCommand", "a ward setting changed apart on two charts"),
    "duplicate": QT_TRANSLATE_NOOP("MergeCommand", "charted twice, on two charts"),
    "same_time": QT_TRANSLATE_NOOP(
        "MergeCommand", "two different counts at one collection time, on two charts"
    ),
    "resolved_apart": QT_TRANSLATE_NOOP(
        "MergeCommand", "resolved differently on two charts — nothing shown"
    ),
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
        raise InvalidEntry(
            [Problem("OTHER", translate("MergeCommand", "is empty; give the other chart file"))]
        )
    other = Path(text).expanduser()
    if not other.is_file():
        said = translate("MergeCommand", "no chart file at {path}; nothing was changed")
        raise InvalidEntry([Problem("OTHER", said.format(path=other))])
    here = context.db_path
    if here.exists() and other.samefile(here):
        said = translate("MergeCommand", "{path} is this chart file itself; nothing was changed")
        raise InvalidEntry([Problem("OTHER", said.format(path=other))])
    return other


def other_passphrase(other: Path) -> str | None:
    """The other file's passphrase when it is encrypted (or not a plain chart file): from
    $WARDCHART_OTHER_PASSPHRASE, else typed; never from the command line."""
    from wardchart.storage.cipher import is_encrypted

    if not is_encrypted(other):
        return None
    return secret(
        translate("Commands", "passphrase for {file}").format(file=other.name),
        OTHER_PASSPHRASE,
        field="passphrase",
        missing=translate(
            "MergeCommand",
            "{path} is encrypted, or is not a wardchart chart file: if it is encrypted, "
            "set {variable} or run this in a terminal; nothing was changed",
        ).format(path=other, variable=OTHER_PASSPHRASE),
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
    "patients": QT_TRANSLATE_NOOP("MergeCommand", "patient"),
    "regimens": QT_TRANSLATE_NOOP("MergeCommand", "regimen"),
    "users": QT_TRANSLATE_NOOP("MergeCommand", "account"),
    "cycles": QT_TRANSLATE_NOOP("MergeCommand", "cycle"),
    "results": QT_TRANSLATE_NOOP("MergeCommand", "blood count"),
    "temperatures": QT_TRANSLATE_NOOP("MergeCommand", "temperature"),
    "gcsf_doses": QT_TRANSLATE_NOOP("MergeCommand", "G-CSF dose"),
    "precautions": QT_TRANSLATE_NOOP("MergeCommand", "precaution"),
    "ward_settings": QT_TRANSLATE_NOOP("MergeCommand", "ward setting"),
    "lab_messages": QT_TRANSLATE_NOOP("MergeCommand", "laboratory message"),
    "lab_result_sources": QT_TRANSLATE_NOOP("MergeCommand", "laboratory source of a count"),
    "fhir_entries": QT_TRANSLATE_NOOP("MergeCommand", "FHIR entry"),
    "lab_message_decisions": QT_TRANSLATE_NOOP(
        "MergeCommand", "decision on a held laboratory message"
    ),
    "resolutions": QT_TRANSLATE_NOOP("MergeCommand", "conflict resolution"),
    "resolution_set_aside": QT_TRANSLATE_NOOP("MergeCommand", "version set aside by a resolution"),
    "audit_log": QT_TRANSLATE_NOOP("MergeCommand", "audit entry"),
}


def _kind(table: str, count: int) -> str:
    return shown(_ONE.get(table, table) if count == 1 else KIND_WORDS.get(table, table))


def _counts(by_table: dict[str, int]) -> str:
    said = [f"{whole_number(n)} {_kind(t, n)}" for t, n in by_table.items() if n]
    return ", ".join(said) if said else translate("MergeCommand", "none")


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
    headline = (
        translate(
            "MergeCommand",
            "Would merge {other} (chart {other_chart}) into {here} (chart {chart})"
            " — a dry run: nothing was saved",
        )
        if result.dry_run
        else translate(
            "MergeCommand", "Merged {other} (chart {other_chart}) into {here} (chart {chart})"
        )
    )
    audit_entries = result.new_rows.get("audit_log", 0)
    lines = [
        headline.format(
            other=result.other,
            other_chart=result.other_chart_id[:8],
            here=here,
            chart=result.chart_id[:8],
        ),
        "  "
        + translate("MergeCommand", "new records: {counts}").format(
            counts=_counts(result.new_records)
        ),
        "  "
        + translate("MergeCommand", "new corrections: {counts}").format(
            counts=_counts(corrections)
        ),
        "  "
        + (
            translate("MergeCommand", "also new: {counts}; 1 audit entry")
            if audit_entries == 1
            else translate("MergeCommand", "also new: {counts}; {count} audit entries")
        ).format(counts=_counts(other_rows), count=whole_number(audit_entries)),
        "  "
        + translate("MergeCommand", "already here: {count} entries of {file}").format(
            count=whole_number(sum(result.already_present.values())), file=result.other.name
        ),
    ]
    new = result.new_conflicts
    conflicts = (
        translate(
            "MergeCommand",
            "conflicts: {new} new, {open} open in all — review them: wardchart conflicts",
        )
        if result.conflicts
        else translate("MergeCommand", "conflicts: {new} new, {open} open in all")
    )
    lines.append("  " + conflicts.format(new=len(new), open=len(result.conflicts)))
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
        said = translate("MergeCommand", "{path} already exists; choose a new file")
        raise InvalidEntry([Problem("out", said.format(path=out))])
    here = context.db_path
    if not args.encrypt and here.is_file() and is_encrypted(here):
        raise InvalidEntry(
            [
                Problem(
                    "encrypt",
                    translate(
                        "MergeCommand",
                        "this chart file is encrypted, so its copy must be too: add --encrypt",
                    ),
                )
            ]
        )
    key = None
    if args.encrypt:
        key = secret(
            translate("Commands", "new passphrase"),
            "WARDCHART_NEW_PASSPHRASE",
            twice=True,
            field="passphrase",
        )
    with chart(context, create=False) as session:
        made = copy_chart(
            session.store, out, passphrase=key, actor=session.actor, now=session.now()
        )
    said = (
        translate(
            "MergeCommand",
            "Copied the chart to {path} (encrypted; its chart id {chart}). "
            "Bring it back with: wardchart merge {path}",
        )
        if made.encrypted
        else translate(
            "MergeCommand",
            "Copied the chart to {path} (not encrypted; its chart id {chart}). "
            "Bring it back with: wardchart merge {path}",
        )
    )
    print(said.format(path=made.path, chart=made.chart_id[:8]))
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
        print(translate("MergeCommand", "No open conflicts."))
        return 0
    lines = [
        translate("MergeCommand", "1 open conflict:")
        if len(found) == 1
        else translate("MergeCommand", "{count} open conflicts:").format(count=len(found))
    ]
    for conflict in found:
        lines += [
            "",
            translate("MergeCommand", "{conflict}  [key {key}]").format(
                conflict=_conflict_title(conflict, patients), key=conflict.key[:8]
            ),
        ]
        for side in conflict.sides:
            lines.append(f"  {_side_line(side, patients)}")
        lines.append(
            "  " + translate("MergeCommand", "resolve: {how}").format(how=_how_to_resolve(conflict))
        )
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
            names[patient_id] = translate("MergeCommand", "{name} (MRN {mrn})").format(
                name=patient.name, mrn=patient.mrn
            )
    return names


def _conflict_title(conflict: Any, patients: dict[str, str]) -> str:
    what = shown(CONFLICT_WORDS.get(conflict.kind, conflict.kind))
    who = patients.get(conflict.patient_id or "")
    subject = shown(conflict.subject)
    if conflict.kind == "correction" and conflict.sides:
        subject = translate("MergeCommand", "{kind} {record}").format(
            kind=shown(_ONE.get(conflict.table, conflict.table)),
            record=conflict.sides[0].record_id[:8],
        )
    if who:
        return translate("MergeCommand", "{conflict}: {subject} — patient {patient}").format(
            conflict=what, subject=subject, patient=who
        )
    return translate("MergeCommand", "{conflict}: {subject}").format(conflict=what, subject=subject)


def _when(text: str) -> str:
    try:
        return time_text(datetime.fromisoformat(text))
    except ValueError:
        return text


def _side_line(side: Any, patients: dict[str, str]) -> str:
    now = (
        translate("MergeCommand", "SHOWN NOW")
        if side.shown
        else translate("MergeCommand", "not shown")
    )
    where = (
        translate("MergeCommand", "chart {chart}").format(chart=side.replica_id[:8])
        if side.replica_id
        else translate("MergeCommand", "this chart before chart ids")
    )
    record = patients.get(side.record_id) if side.table == "patients" else None
    what = (
        translate("MergeCommand", "patient {patient}").format(patient=record)
        if record
        else shown(KIND_WORDS.get(side.table, side.table))
    )
    return (
        translate(
            "MergeCommand",
            "version {version} of {what} (record {record}): {who}, {when}, on {where} — {now}",
        ).format(
            version=side.version_id[:8],
            what=what,
            record=side.record_id[:8],
            who=side.recorded_by,
            when=date_text(_when(side.recorded_at)),
            where=where,
            now=now,
        )
        + f"\n    {shown(side.summary)}"
    )


def _how_to_resolve(conflict: Any) -> str:
    key = conflict.key[:8]
    if conflict.kind == "mrn":
        return translate(
            "MergeCommand",
            "wardchart conflicts resolve {key} --link RECORD --reason TEXT (one person), or "
            "--new-version RECORD --mrn RIGHT_MRN --reason TEXT",
        ).format(key=key)
    return translate(
        "MergeCommand", "wardchart conflicts resolve {key} --keep VERSION --reason TEXT"
    ).format(key=key)


def _conflict_json(conflict: Any, patients: dict[str, str]) -> dict[str, Any]:
    return {
        "key": conflict.key,
        "kind": conflict.kind,
        "about": CONFLICT_WORDS.get(conflict.kind, conflict.kind),
        "subject": conflict.subject,
        "patient_id": conflict.patient_id,
        "patient": patients.get(conflict.patient_id or ""),
        "kept_by_rule": conflict.kept_by_rule,
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
                    translate(
                        "MergeCommand",
                        "give at least the first {count} characters shown by wardchart conflicts",
                    ).format(count=SHORTEST_ID),
                )
            ]
        )
    return value


#: What a typed prefix names, for "no … ID" and "ID names more than one …".
_PREFIX_OF = {
    "conflict": (
        QT_TRANSLATE_NOOP("MergeCommand", "no open conflict {prefix}; see wardchart conflicts"),
        QT_TRANSLATE_NOOP("MergeCommand", "{prefix} names more than one open conflict; type more"),
    ),
    "version": (
        QT_TRANSLATE_NOOP(
            "MergeCommand", "no version of this conflict {prefix}; see wardchart conflicts"
        ),
        QT_TRANSLATE_NOOP(
            "MergeCommand", "{prefix} names more than one version of this conflict; type more"
        ),
    ),
    "record": (
        QT_TRANSLATE_NOOP(
            "MergeCommand", "no record of this conflict {prefix}; see wardchart conflicts"
        ),
        QT_TRANSLATE_NOOP(
            "MergeCommand", "{prefix} names more than one record of this conflict; type more"
        ),
    ),
}


def _one(candidates: set[str], prefix: str, field: str, what: str) -> str:
    found = {c for c in candidates if c.lower().startswith(prefix)}
    none, several = _PREFIX_OF[what]
    if not found:
        raise InvalidEntry([Problem(field, shown(none.format(prefix=prefix)))])
    if len(found) > 1:
        raise InvalidEntry([Problem(field, shown(several.format(prefix=prefix)))])
    return found.pop()


def resolve(args: argparse.Namespace, context: Context) -> int:
    """Settle one open conflict with a resolution record and a reason."""
    from wardchart.storage.conflicts import conflicts, resolve_conflict

    key_prefix = _prefix(args.key, "KEY")
    reason = args.reason
    if not reason.strip():
        raise InvalidEntry(
            [Problem("reason", translate("MergeCommand", "give a reason for the resolution"))]
        )
    field, chosen = next(
        (f, v)
        for f, v in (("keep", args.keep), ("link", args.link), ("new_version", args.new_version))
        if v is not None
    )
    chosen = _prefix(chosen, field)
    changes = None
    if field == "new_version":
        if args.mrn is None:
            raise InvalidEntry(
                [
                    Problem(
                        "mrn", translate("MergeCommand", "give the patient's right MRN with --mrn")
                    )
                ]
            )
        problems = identifier_problems("mrn", args.mrn)
        if problems or not normal_mrn(args.mrn):
            raise InvalidEntry(
                problems
                or [Problem("mrn", translate("MergeCommand", "is empty; give the right MRN"))]
            )
        changes = {"mrn": normal_mrn(args.mrn)}
    elif args.mrn is not None:
        raise InvalidEntry([Problem("mrn", translate("MergeCommand", "only with --new-version"))])
    with chart(context, create=False) as session:
        found = conflicts(session.store.db)
        key = _one({c.key for c in found}, key_prefix, "KEY", "conflict")
        conflict = next(c for c in found if c.key == key)
        if field == "keep" and conflict.kind == "mrn":
            raise InvalidEntry(
                [
                    Problem(
                        "keep",
                        translate(
                            "MergeCommand",
                            "one MRN on two patients: --link RECORD if they are one person, "
                            "else --new-version RECORD --mrn RIGHT_MRN",
                        ),
                    )
                ]
            )
        if field == "keep":
            ids = {s.version_id for s in conflict.sides} | {s.record_id for s in conflict.sides}
            target = _one(ids, chosen, "keep", "version")
        else:
            ids = {s.record_id for s in conflict.sides}
            target = _one(ids, chosen, field, "record")
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
    said = (
        {
            "duplicate": translate(
                "MergeCommand",
                "Resolved conflict {key} ({conflict}): kept version {target}, the one charted "
                "first (the same on every chart, whichever version is named); resolution "
                "{resolution} saved with its reason",
            ),
            "resolved_apart": translate(
                "MergeCommand",
                "Resolved conflict {key} ({conflict}): shown again as new version {target}; "
                "resolution {resolution} saved with its reason",
            ),
        }.get(
            conflict.kind
            if field == "keep" and (conflict.kind != "resolved_apart" or done.new_version)
            else ""
        )
        or {
            "keep": translate(
                "MergeCommand",
                "Resolved conflict {key} ({conflict}): kept version {target}; "
                "resolution {resolution} saved with its reason",
            ),
            "link": translate(
                "MergeCommand",
                "Resolved conflict {key} ({conflict}): linked as one person, keeping record "
                "{target}; resolution {resolution} saved with its reason",
            ),
        }.get(field)
        or translate(
            "MergeCommand",
            "Resolved conflict {key} ({conflict}): corrected the MRN of record {target}; "
            "resolution {resolution} saved with its reason",
        )
    )
    # What was kept: the rule's record (one entry charted twice), the new version of a
    # record shown again, else the version named.
    said_target = target
    if field == "keep":
        said_target = (
            done.new_version if conflict.kind == "resolved_apart" else done.kept
        ) or target
    print(
        said.format(
            key=key[:8],
            conflict=shown(CONFLICT_WORDS.get(conflict.kind, conflict.kind)),
            target=said_target[:8],
            resolution=done.id[:8],
        )
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
                    translate(
                        "MergeCommand",
                        "only for one MRN admitted twice; otherwise keep one version (--keep), "
                        "then correct it with wardchart correct",
                    ),
                )
            ]
        )
    holder = find_patient(session.store.db, mrn)
    if holder is not None:
        said = translate("MergeCommand", "MRN {mrn} belongs to {name}; give another")
        raise InvalidEntry([Problem("mrn", said.format(mrn=mrn, name=holder.name))])
