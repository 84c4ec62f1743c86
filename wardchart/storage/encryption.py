"""Encrypting, decrypting or re-keying a chart file and every backup beside it, safely.

Each file is written to a new copy with SQLCipher (``cipher.convert``), checked, and only
then put in place of the original; a journal file beside the chart lets an interrupted job
be finished by running it again (see docs/files.md).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit
from wardchart.storage.backup import list_backups
from wardchart.storage.cipher import connect, convert, is_encrypted
from wardchart.storage.database import open_chart
from wardchart.storage.errors import ChartFileError
from wardchart.storage.files import backup_folder, sync_folder, write_atomically

#: Shorter passphrases are refused: the file may leave the building on a laptop.
MIN_PASSPHRASE = 12


def rewrite_journal(chart: Path) -> Path:
    """The marker file kept beside a chart file while it and its backups are being
    encrypted or decrypted: its presence means the job was interrupted and must be
    finished (see docs/files.md)."""
    return chart.with_name(f".{chart.name}.rewrite.json")


def pending_rewrite(chart: Path) -> str | None:
    """ "encrypt" or "decrypt" when such a job on ``chart`` was interrupted, else None."""
    journal = rewrite_journal(chart)
    try:
        action = json.loads(journal.read_text(encoding="utf-8")).get("action")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError):
        return "encrypt"  # unreadable: finishing an encryption leaves no plain copy behind
    return action if action in ("encrypt", "decrypt", "rekey") else "encrypt"


def rewrite_chart(
    path: Path, *, old: str | None, new: str | None, actor: str, now: datetime
) -> list[Path]:
    """Encrypt (``old`` None), decrypt (``new`` None) or re-key a chart file and every
    backup beside it, safely: each is written to a new file and checked (integrity, the
    audit chain, the same rows in every table) before it replaces the original; until
    then the original is untouched.

    A journal file beside the chart records the job before anything changes and is
    removed only when every file is done. Killed part-way, the same command run again
    removes the half-written copies and finishes the files not yet done (an encryption
    or decryption can tell them by their first bytes). Returns the backups rewritten."""

    if new is not None and len(new) < MIN_PASSPHRASE:
        raise InvalidEntry(
            [
                Problem(
                    "passphrase",
                    QT_TRANSLATE_NOOP("Encryption", "at least {min_passphrase} characters").format(
                        min_passphrase=MIN_PASSPHRASE
                    ),
                )
            ]
        )
    action = "encrypt" if old is None else ("decrypt" if new is None else "rekey")
    journal = rewrite_journal(path)
    write_atomically(journal, json.dumps({"action": action}).encode())
    _remove_leftovers(path)
    backups = [b.path for b in list_backups(path)]
    for backup in backups:
        if not _done(backup, action):
            _rewrite_one(backup, old if is_encrypted(backup) else None, new)
    if not _done(path, action):
        store = open_chart(path, create=False, passphrase=old)
        try:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # Hold the write lock while the copy is made and put in place: a window saving
            # meanwhile waits, then finds the file replaced and saves nothing.
            with store.write():
                _rewrite_one(path, old, new)
        finally:
            store.close()
    store = open_chart(path, create=False, passphrase=new)
    try:
        with store.write() as db:
            audit.append(
                db,
                actor=actor,
                action=action,
                entity="chart",
                now=now,
                detail={"backups_rewritten": len(backups)},
            )
    finally:
        store.close()
    journal.unlink(missing_ok=True)
    return backups


def _done(path: Path, action: str) -> bool:
    """Whether a file is already as the job makes it (a re-key cannot tell: never)."""
    if action == "rekey":
        return False
    return is_encrypted(path) == (action == "encrypt")


def _remove_leftovers(chart: Path) -> None:
    """Half-written copies from an interrupted job or backup: never a finished file."""
    folder = backup_folder(chart)
    found = [chart.with_name(f".{chart.name}.rewriting")]
    if folder.is_dir():
        found += [p for p in folder.iterdir() if p.name.startswith(".")]
    for leftover in found:
        for name in (leftover, *(Path(f"{leftover}{s}") for s in ("-journal", "-wal", "-shm"))):
            name.unlink(missing_ok=True)


def _rewrite_one(path: Path, old: str | None, new: str | None) -> Path:
    temp = path.with_name(f".{path.name}.rewriting")
    temp.unlink(missing_ok=True)
    try:
        convert(path, temp, read_with=old, write_with=new)
        _same_rows(path, old, temp, new)
        os.replace(temp, path)
        sync_folder(path.parent)
    finally:
        temp.unlink(missing_ok=True)
    for journal in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        journal.unlink(missing_ok=True)  # checkpointed and closed: the old key's pages
    return path


def _same_rows(source: Path, old: str | None, copy: Path, new: str | None) -> None:
    """Refuse a copy that is not whole or differs in any table's rows."""
    counts = []
    for path, key in ((source, old), (copy, new)):
        conn = connect(f"file:{path}?mode=ro", key, uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ChartFileError(
                    QT_TRANSLATE_NOOP(
                        "Encryption", "the new copy of {source} failed its check; nothing changed"
                    ).format(source=source)
                )
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
            ]
            counts.append(
                {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            )
            if (
                path == copy
                and "audit_log" in tables
                and not audit.verify(Database(conn, execute_plugins=False)).ok
            ):
                raise ChartFileError(
                    QT_TRANSLATE_NOOP(
                        "Encryption",
                        "the new copy of {source} broke the audit chain; nothing changed",
                    ).format(source=source)
                )
        finally:
            conn.close()
    if counts[0] != counts[1]:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Encryption", "the new copy of {source} lost rows; nothing changed"
            ).format(source=source)
        )
