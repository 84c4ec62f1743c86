"""Backups of the chart file with SQLite's online backup API.

Backups live in a folder beside the chart file (``<name>-backups/``). Each is written to a
temporary file, checked with ``PRAGMA integrity_check`` and only then given its name, so a
listed backup is a verified one. A restore first backs up the current file, then copies the
backup into it through the same API, so the live file and its WAL stay consistent.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit, health
from wardchart.storage.cipher import connect, is_encrypted
from wardchart.storage.database import ChartStore, check_ours, open_chart
from wardchart.storage.errors import ChartFileError, db_errors
from wardchart.storage.files import (
    backup_folder,
    check_output_path,
    remove_leftovers,
    sync_folder,
    temp_path,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["BackupInfo", "backup_folder", "list_backups", "make_backup", "restore"]

# A backup's name records the audit chain head it holds (see docs/tamper-evidence.md):
# chart-20260312T120000000000Z-manual.audit-42-3f9a2c1b7d0e5a44.sqlite
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\d{6}Z)-(?P<why>[a-z-]+)"
    r"(?:\.audit-\d+-[0-9a-f]+)?\.sqlite$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def _check(path: Path, passphrase: str | None = None) -> str:
    """What integrity_check finds ("ok" if whole); opens read-only, never writes."""
    failures: tuple[type[Exception], ...] = (*db_errors(), ChartFileError)
    try:
        conn = connect(f"file:{path}?mode=ro", passphrase, uri=True)
        try:
            row = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except failures as error:
        return str(error)
    return str(row[0])


def _chain_head(path: Path, passphrase: str | None) -> audit.ChainHead:
    """The audit chain head held in a backup file just written."""
    from sqlite_utils import Database

    conn = connect(f"file:{path}?mode=ro", passphrase, uri=True)
    try:
        return audit.head(Database(conn, execute_plugins=False))
    finally:
        conn.close()


def make_backup(
    store: ChartStore, *, reason: str, actor: str, now: datetime, out: Path | None = None
) -> BackupInfo:
    """Copy the open chart to a verified backup (or to ``out``); audit it in the chart."""
    folder = backup_folder(store.path)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = out or folder / f"{store.path.stem}-{stamp}-{reason}.sqlite"
    if out is None:
        from wardchart.storage.machine_config import group_shared

        folder.mkdir(mode=0o770 if group_shared() else 0o700, exist_ok=True)
    else:
        try:
            check_output_path(out, store.path)
        except InvalidEntry as error:
            raise ChartFileError(error.first.message) from None
    if target.exists():
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Backup", "{target} already exists; choose a new file name").format(
                target=target
            )
        )
    remove_leftovers(target.parent, backups=out is None)  # a killed backup's or restore's
    temp = temp_path(target)
    try:
        copy = connect(str(temp), store.passphrase)  # an encrypted chart: an encrypted copy
        try:
            store.conn.backup(copy)
            # A backup is one self-contained file: no WAL, so checking it read-only
            # leaves no -wal/-shm files behind in the backups folder.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        verdict = _check(temp, store.passphrase)
        if verdict != "ok":
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "Backup", "the backup of {path} failed its check ({verdict}); nothing was kept"
                ).format(path=store.path, verdict=verdict)
            )
        chain = _chain_head(temp, store.passphrase)
        if out is None:  # the name records the chain head the backup holds
            target = target.with_name(f"{target.stem}{audit.name_tag(chain)}.sqlite")
        from wardchart.storage.machine_config import share_with_group

        share_with_group(temp)
        os.replace(temp, target)
        sync_folder(target.parent)
    except (OSError, *db_errors()) as error:  # type: ignore[misc]
        temp.unlink(missing_ok=True)
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Backup", "could not write a backup to {target}: {error}; nothing was saved"
            ).format(target=target, error=error)
        ) from None
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
    try:
        with store.write() as db:
            audit.append(
                db,
                actor=actor,
                action="backup",
                entity="chart",
                now=now,
                detail={
                    "to": str(target),
                    "reason": reason,
                    "verified": True,
                    "audit_head": chain.short(),
                },
            )
    except db_errors() as error:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Backup", "backup {target} written, but the audit row failed: {error}"
            ).format(target=target, error=error)
        ) from None
    return BackupInfo(target, now.astimezone(UTC), reason, target.stat().st_size)


def list_backups(chart: Path) -> list[BackupInfo]:
    """The chart's backups, newest first."""
    folder = backup_folder(chart)
    found = []
    for path in folder.glob("*.sqlite") if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match is None or match["stem"] != chart.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        found.append(BackupInfo(path, taken, match["why"], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def verify_backup(path: Path, passphrase: str | None = None) -> str:
    """Whether a backup is a sound chart, by the same checks as ``wardchart check`` (see
    ``health.soundness``): "ok", or the first thing found. Read-only."""
    problem = health.file_problem(path, passphrase if is_encrypted(path) else None)
    return "ok" if problem is None else problem


def prune(chart: Path, *, keep_recent: int, keep_days: int, now: datetime) -> list[Path]:
    """Remove backups beyond the most recent ones and one a day for ``keep_days``."""
    backups = list_backups(chart)
    keep = {b.path for b in backups[:keep_recent]}
    seen_days: set[object] = set()
    horizon = now.astimezone(UTC) - timedelta(days=keep_days)
    for backup in backups:  # newest first: the newest of each day is kept
        day = backup.taken_at.date()
        if backup.taken_at >= horizon and day not in seen_days:
            keep.add(backup.path)
            seen_days.add(day)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(
    chart: Path, backup: Path, *, actor: str, now: datetime, passphrase: str | None = None
) -> BackupInfo:
    """Replace the chart's contents with a verified backup; the current file is backed up
    first, so a restore can itself be undone. An encrypted chart takes only a backup
    encrypted with the same passphrase."""
    from sqlite_utils import Database

    if os.path.realpath(backup) == os.path.realpath(chart):
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Backup", "{backup} is the chart file itself; nothing was restored"
            ).format(backup=backup)
        )
    if backup.stat().st_size == 0:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Backup", "{backup} is empty (0 bytes); nothing was restored").format(
                backup=backup
            )
        )
    if is_encrypted(backup) != (passphrase is not None and is_encrypted(chart)):
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{backup} and the chart file are not both encrypted (or both "
                "plain); nothing was restored",
            ).format(backup=backup)
        )
    key = passphrase if is_encrypted(backup) else None
    try:
        source = connect(f"file:{backup}?mode=ro", key, uri=True)
    except db_errors() as error:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Backup", "{backup} cannot be read ({error}); nothing was restored"
            ).format(backup=backup, error=error)
        ) from None
    try:
        # One read transaction: what is copied is what was checked, even if another
        # program writes to the backup file meanwhile.
        source.execute("BEGIN")
        try:
            problem = restorable_problem(Database(source, execute_plugins=False), backup)
        except db_errors() as error:
            problem = f"it is damaged ({error})"
        if problem is not None:
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "Backup", "{backup} cannot be restored: {problem}; nothing was restored"
                ).format(backup=backup, problem=problem)
            )
        # An emptied chart file (0 bytes) is mended by restoring: it is made a chart only
        # to be replaced at once by the backup.
        store = open_chart(chart, create=False, passphrase=passphrase, adopt_empty=True)
        try:
            saved = make_backup(store, reason="before-restore", actor=actor, now=now)
            source.backup(store.conn)
        finally:
            store.close()
    finally:
        source.close()
    store = open_chart(chart, create=False, passphrase=passphrase)  # older: upgraded here
    try:
        with store.write() as db:
            audit.append(
                db,
                actor=actor,
                action="restore",
                entity="chart",
                now=now,
                detail={"from": str(backup), "previous_saved_as": str(saved.path)},
            )
    finally:
        store.close()
    return saved


def restorable_problem(db: Database, path: Path) -> str | None:
    """Why a backup must not replace the chart (None: it may): not a chart, made by a
    newer wardchart, any check of ``wardchart check`` or ``audit verify`` failing on it
    (an older backup's schema compared with what its own migrations create, exactly: it is
    upgraded after restoring), no patients, or no audit rows. Read-only; see
    docs/files.md."""
    tables = set(db.table_names())
    if not tables:
        return "it is not a wardchart chart file (it has no tables)"
    check_ours(db, path)  # foreign or newer: ChartFileError
    for table in ("patients", "audit_log"):
        if table not in tables:
            return f"it has no {table} table"
    problem = health.unsound(db)
    if problem is not None:
        return f"it fails wardchart check ({problem})"
    if db.execute("SELECT count(*) FROM patients").fetchone()[0] == 0:
        return "it holds no patients (restoring it would empty the chart)"
    if db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0:
        return "its audit log is empty"
    return None
