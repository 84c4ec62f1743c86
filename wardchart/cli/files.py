"""The chart file itself: backups and restoring one, the integrity check, the audit
log, encryption."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wardchart.cli.base import AddCommand, Context
from wardchart.cli.common import chart, output_path, passphrase, secret
from wardchart.cli.output import table
from wardchart.cli.words import shown, translate
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.timeparse import parse_date
from wardchart.session.core import ENCRYPT_OR_DECRYPT, RESTORE_BACKUP, NotPermitted
from wardchart.storage.errors import ChartBusyError, ChartFileError


def register_encryption(commands: Any, command: AddCommand) -> None:
    """encrypt, decrypt."""
    command(
        commands,
        "encrypt",
        "encrypt the chart file and its backups (passphrase: $WARDCHART_NEW_PASSPHRASE)",
    ).set_defaults(handler=encrypt)
    command(
        commands, "decrypt", "make an encrypted chart file and its backups plain again"
    ).set_defaults(handler=decrypt)


def register(commands: Any, command: AddCommand) -> None:
    """backup, backups, restore, check, audit."""
    sub = command(commands, "backup", "write a verified backup of the chart file now")
    sub.add_argument("--out", metavar="FILE", help="default: the backups folder beside the file")
    sub.set_defaults(handler=backup)
    command(commands, "backups", "list the chart file's backups").set_defaults(handler=backups)
    sub = command(
        commands,
        "restore",
        "replace the chart with a backup (the current file is backed up first)",
    )
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(handler=restore)
    sub = command(
        commands, "check", "integrity, foreign keys, audit, schema and its objects: one line each"
    )
    sub.set_defaults(handler=check)

    audit = command(commands, "audit", "the audit log")
    actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "verify", "check the hash chain and that every record is audited")
    sub.add_argument(
        "--against",
        metavar="BACKUP_FILE",
        help="also check the history extends a backup's (or a printed head, e.g. 42-3f9a…)",
    )
    sub.set_defaults(handler=audit_verify)
    sub = command(actions, "show", "list audit entries")
    sub.add_argument("--mrn")
    sub.add_argument("--since", help="YYYY-MM-DD")
    sub.set_defaults(handler=audit_show)


# --- handlers ---------------------------------------------------------------------------


def backup(args: argparse.Namespace, context: Context) -> int:
    """Write a verified backup now."""
    from wardchart.storage.backup import make_backup

    out = None if args.out is None else output_path(args.out, context)
    with chart(context, create=False) as session:
        info = make_backup(
            session.store, reason="manual", actor=context.actor, now=context.now, out=out
        )
    print(
        translate("Commands", "Backup written and verified: {path} ({size} bytes)").format(
            path=info.path, size=info.size
        )
    )
    return 0


def backups(_args: argparse.Namespace, context: Context) -> int:
    """List the backups beside the chart file, newest first, each checked."""
    from wardchart.storage.backup import list_backups, verify_backup

    found = list_backups(context.db_path)
    key = passphrase(context)  # an encrypted chart's backups open with its passphrase
    if not found:
        print(translate("Commands", "No backups yet beside {path}").format(path=context.db_path))
        return 0
    yes, damaged = translate("Commands", "yes"), translate("Commands", "NO — damaged")
    print(
        table(
            (
                translate("Commands", "Taken"),
                translate("Commands", "Why"),
                translate("Commands", "Size"),
                translate("Commands", "Verified"),
                translate("Commands", "File"),
            ),
            [
                (
                    b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z"),
                    b.reason,
                    f"{b.size:,} B",
                    yes if verify_backup(b.path, key) == "ok" else damaged,
                    str(b.path),
                )
                for b in found
            ],
        )
    )
    return 0


def restore(args: argparse.Namespace, context: Context) -> int:
    """Restore a backup over the chart file, after backing the current one up."""
    from wardchart.storage.backup import restore

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise InvalidEntry(
            [Problem("file", translate("Commands", "no backup file {path}").format(path=source))]
        )
    try:  # a chart with accounts: only a ward administrator replaces it
        with chart(context, create=False, verify=False) as session:
            allowed = session.may_administer()
    except ChartBusyError:
        raise  # busy: who may restore cannot be checked, so nobody may
    except ChartFileError:
        # Too damaged to open (restoring is how it is mended): the chart cannot say who
        # may restore it, so the backup's accounts do.
        allowed = _administers_backup(source, context)
    if not allowed:
        raise NotPermitted(RESTORE_BACKUP)
    saved = restore(
        context.db_path,
        source,
        actor=context.actor,
        now=context.now,
        passphrase=passphrase(context),
    )
    print(
        translate(
            "Commands",
            "Restored {source} into {chart}; the previous contents were saved as {saved}",
        ).format(source=source, chart=context.db_path, saved=saved.path)
    )
    return 0


def _administers_backup(source: Path, context: Context) -> bool:
    """Sign in against a backup's accounts, reading it only (nothing is recorded in it):
    whether the person may administer the ward by that backup."""
    from wardchart.cli.common import sign_in
    from wardchart.session.opening import reading_copy
    from wardchart.storage.cipher import is_encrypted
    from wardchart.storage.errors import db_errors

    key = os.environ.get("WARDCHART_PASSPHRASE") if is_encrypted(source) else None
    try:
        with reading_copy(
            source, key, actor=context.actor, sign_in=lambda store: sign_in(store, context)
        ) as session:
            if context.user is not None and not session.has_accounts():
                raise InvalidEntry(
                    [
                        Problem(
                            "user",
                            translate(
                                "Commands", "this chart file has no accounts yet; leave out --user"
                            ),
                        )
                    ]
                )
            context.actor = session.actor
            return session.may_administer()
    except db_errors() as error:
        raise ChartFileError(
            translate(
                "Commands",
                "neither the chart file nor {source} can be read to check who may restore "
                "({error}); nothing was restored",
            ).format(source=source, error=shown(error))
        ) from error


def check(_args: argparse.Namespace, context: Context) -> int:
    """One line per check; exit 0 only if all pass."""
    from wardchart.storage.health import check_chart

    with chart(context, create=False, verify=False) as session:
        findings = check_chart(session.store)
        findings.append(_ward_finding(session.store))
        hub = os.environ.get("WARDCHART_HUB", "").strip() or session.settings.hub
        if hub:  # only then is the network asked (docs/hub.md)
            findings.append(_hub_finding(session.store, hub))
    passed = translate("CheckCommand", "{check}: OK — {detail}")
    failed = translate("CheckCommand", "{check}: FAILED — {detail}")
    for finding in findings:
        said = passed if finding.ok else failed
        print(said.format(check=shown(finding.name), detail=shown(finding.detail)))
    return 0 if all(f.ok for f in findings) else 1


def _ward_finding(store: Any) -> Any:
    """Which ward this chart belongs to (docs/hub.md, "The ward's identity")."""
    from wardchart.storage.health import Finding
    from wardchart.storage.replica import chart_ward, identity

    ward = chart_ward(store.db)
    if ward is None:
        detail = translate(
            "CheckCommand", "none yet: it takes the ward of the first hub it syncs with"
        )
    else:
        detail = ward
    mine = identity(store.db)
    if mine is not None:  # the replica `hub senders` lists: IT matches computers by it
        detail += translate("CheckCommand", "; this chart's replica id {replica}").format(
            replica=mine.id
        )
    return Finding(translate("CheckCommand", "ward"), True, detail)


def _hub_finding(store: Any, address: str) -> Any:
    """Whether this replica still extends what the ward hub holds of it. A hub that cannot
    be reached (offline, busy) is said plainly and does not fail the check: the file itself
    is sound. One that refuses (credentials, permissions, no hub, another ward) fails it."""
    from wardchart.storage.health import Finding
    from wardchart.storage.hub.errors import HubBusy, HubError, HubUnreachable
    from wardchart.storage.hub.sync import anchored

    name = translate("CheckCommand", "ward hub")
    not_asked = translate("CheckCommand", "not asked: {reason}")
    try:
        ok, detail = anchored(store, address)
    except (HubUnreachable, HubBusy) as error:  # offline: the file itself is what is checked
        return Finding(name, True, not_asked.format(reason=" ".join(shown(error).split())))
    except HubError as error:  # refused credentials, no hub, another ward: IT must act
        return Finding(name, False, " ".join(shown(error).split()))
    return Finding(name, ok, detail)


def audit_verify(args: argparse.Namespace, context: Context) -> int:
    """Check the audit hash chain, that every record has its audit row and, with
    ``--against``, that the history extends a backup's (see docs/tamper-evidence.md)."""
    from wardchart.storage.health import describe_history, verify_against, verify_history

    with chart(context, create=False, reads_only=True) as session:
        check = verify_history(session.store.db)
        anchored = None
        if check.ok and args.against is not None:
            try:
                anchored = verify_against(session.store, args.against)
            except ChartFileError as error:  # no sound anchor to compare with
                raise InvalidEntry([Problem("--against", shown(error))]) from None
    broken = translate("CheckCommand", "BROKEN: {problem}")
    if not check.ok:
        print(broken.format(problem=shown(describe_history(check))))
        return 1
    if anchored is not None:
        said = translate("CheckCommand", "OK: {detail}") if anchored[0] else broken
        print(said.format(detail=shown(anchored[1]), problem=shown(anchored[1])))
        return 0 if anchored[0] else 1
    print(
        translate(
            "CheckCommand", "OK: {count} audit rows, chain intact, every record audited"
        ).format(count=check.rows)
    )
    return 0


def audit_show(args: argparse.Namespace, context: Context) -> int:
    """List audit entries, optionally for one patient or since a date."""
    from wardchart.storage import audit

    since = None if args.since is None else parse_date(args.since, "since")
    with chart(context, create=False, reads_only=True) as session:
        patient_id = session.require_patient(args.mrn).id if args.mrn else None
        rows = audit.entries(session.store.db, patient_id=patient_id, since=since)
    print(
        table(
            (
                "#",
                translate("CheckCommand", "When"),
                translate("CheckCommand", "Who"),
                translate("CheckCommand", "Action"),
                translate("CheckCommand", "What"),
                translate("CheckCommand", "Detail"),
            ),
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


def encrypt(_args: argparse.Namespace, context: Context) -> int:
    """Encrypt the chart file and its backups with a new passphrase."""
    return _rewrite(context, encrypt=True)


def decrypt(_args: argparse.Namespace, context: Context) -> int:
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
                    (
                        translate(
                            "Commands",
                            "an interrupted encryption of {path} must be finished first: "
                            "run wardchart encrypt again; nothing was done",
                        )
                        if pending == "encrypt"
                        else translate(
                            "Commands",
                            "an interrupted decryption of {path} must be finished first: "
                            "run wardchart decrypt again; nothing was done",
                        )
                    ).format(path=context.db_path),
                )
            ]
        )
    encrypted = is_encrypted(context.db_path) if context.db_path.is_file() else False
    if pending is None and encrypt == encrypted:
        said = (
            translate("Commands", "{path} is already encrypted; nothing was done")
            if encrypted
            else translate("Commands", "{path} is not encrypted; nothing was done")
        )
        raise InvalidEntry([Problem("db", said.format(path=context.db_path))])
    resumed_encrypted = encrypt and encrypted  # an interrupted encryption did the chart
    new = None
    if resumed_encrypted:
        new = secret(
            translate("Commands", "new passphrase"), "WARDCHART_NEW_PASSPHRASE", field="passphrase"
        )
    with chart(context, create=False, key=new, rewriting=True) as session:
        session.require_administrator(ENCRYPT_OR_DECRYPT)
    old = None
    if not encrypt:  # the backups' passphrase, even when the chart itself is plain again
        old = (
            passphrase(context)
            if encrypted
            else secret(
                translate("Commands", "passphrase"), "WARDCHART_PASSPHRASE", field="passphrase"
            )
        )
    if encrypt and new is None:
        new = secret(
            translate("Commands", "new passphrase"),
            "WARDCHART_NEW_PASSPHRASE",
            twice=True,
            field="passphrase",
        )
    backups = rewrite_chart(context.db_path, old=old, new=new, actor=context.actor, now=context.now)
    one = len(backups) == 1  # the plural rule of every language shipped
    if encrypt:
        done = (
            translate("Commands", "Encrypted {path} and 1 backup")
            if one
            else translate("Commands", "Encrypted {path} and {count} backups")
        )
    else:
        done = (
            translate("Commands", "Decrypted {path} and 1 backup")
            if one
            else translate("Commands", "Decrypted {path} and {count} backups")
        )
    print(done.format(path=context.db_path, count=len(backups)))
    return 0
