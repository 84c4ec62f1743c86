"""Opening the chart file: refuse what is not ours or is newer, then make it safe to write.

Pragmas: foreign keys on; WAL journal; synchronous FULL so an acknowledged save
survives power loss; a busy timeout so a second window or command waits its turn.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.chart_db import ChartDb
from wardchart.storage.cipher import connect, is_encrypted
from wardchart.storage.errors import ChartFileError, db_errors, describe, integrity_errors
from wardchart.storage.schema import migrations
from wardchart.storage.schema_check import schema_differences

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class ChartStore:
    """An open chart file. All writes go through ``write()``."""

    path: Path
    db: Database
    #: The file cannot be written (read-only medium, permissions): reading still works.
    read_only: bool = False
    #: An encrypted file's passphrase, kept to key its backups the same way.
    passphrase: str | None = None
    #: The file opened (device, inode): another program may replace the path meanwhile.
    identity: tuple[int, int] | None = None
    #: Write transactions committed through ``write()`` since the file was opened.
    commits: int = 0
    #: ``close()`` was called: nothing may be read or written through it any more.
    closed: bool = False

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection."""
        return self.db.conn

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One durable write transaction: all of it is saved, or none of it.

        BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of
        failing half-way, and the audit chain is extended by one writer at a time. Inside
        an outer ``write()`` a savepoint is used, so operations compose into one batch.
        """
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except db_errors() as error:
            raise describe(error, self.path) from error
        if not self.still_the_file():
            self._rollback()
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "ChartStore",
                    "chart file {path} was replaced by another program (encrypted, "
                    "decrypted or copied over) since it was opened: nothing was "
                    "saved; close it and open it again",
                ).format(path=self.path)
            )
        try:
            yield self.db
        except integrity_errors():  # a rule of the schema said no: the caller's concern
            self._rollback()
            raise
        except db_errors() as error:  # disk full, read-only, I/O, damage: say so plainly
            self._rollback()
            raise describe(error, self.path) from error
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except db_errors() as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise describe(error, self.path) from error
        self.commits += 1

    def still_the_file(self) -> bool:
        """Whether the path still names the file this connection has open (checked with
        the write lock held, so nothing can replace it between the check and the save)."""
        if self.identity is None:
            return True
        try:
            found = self.path.stat()
        except OSError:
            return False
        return (found.st_dev, found.st_ino) == self.identity

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        """Close the file (SQLite checkpoints the WAL into it)."""
        self.closed = True
        self.db.close()


def _check_header(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open ``path`` with: None for a plain SQLite file (a passphrase
    given for one is not needed); refuse an encrypted one without a passphrase."""
    if not is_encrypted(path):
        return None
    if passphrase is None:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} is encrypted, or is not a wardchart chart "
                "file (it is not a plain SQLite database): give its passphrase "
                "(WARDCHART_PASSPHRASE) if it is encrypted; it was left untouched",
            ).format(path=path)
        )
    return passphrase


def check_ours(db: Database, path: Path, *, existing: bool = False) -> None:
    """Refuse a foreign database or one written by a newer wardchart, before any write.

    An ``existing`` file with no tables (0 bytes, or an empty SQLite database) is refused
    too: a chart is only ever started where no file exists, never by adopting a file that
    was emptied or made by something else (see docs/files.md)."""
    tables = set(db.table_names())
    if not tables:
        if existing:
            what = (
                QT_TRANSLATE_NOOP("ChartStore", "empty (0 bytes)")
                if path.stat().st_size == 0
                else QT_TRANSLATE_NOOP("ChartStore", "an empty SQLite database")
            )
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "ChartStore",
                    "chart file {path} is {what}, not a wardchart chart file; a new "
                    "chart is only started where no file exists; it was left "
                    "untouched",
                ).format(path=path, what=what)
            )
        return
    if migrations.migrations_table not in tables:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} is an SQLite database but not a wardchart "
                "chart file; it was left untouched",
            ).format(path=path)
        )
    known = set(migrations.names)
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - known)
    if unknown:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} was made by a newer wardchart (schema "
                "{migration}); open it with that version or newer; it was left "
                "untouched",
            ).format(path=path, migration=unknown[-1])
        )


def open_chart(
    path: Path, *, create: bool = True, passphrase: str | None = None, adopt_empty: bool = False
) -> ChartStore:
    """Open (and if allowed create) a chart file, upgrading its schema if it is older. An
    encrypted file needs its ``passphrase``; a plain one ignores it. An existing file with
    no tables is refused, unless ``adopt_empty`` (a restore, about to replace it all)."""
    path = Path(path)
    key = None
    existing = path.exists() and not adopt_empty
    if path.exists():
        kind = _not_a_file(path)
        if kind is not None:
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "ChartStore", "chart file {path} is {kind}, not a chart file; nothing was done"
                ).format(path=path, kind=kind)
            )
        key = _check_header(path, passphrase)
    elif not create:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("ChartStore", "no chart file at {path}").format(path=path)
        )
    read_only = path.exists() and not _writable(path)
    try:
        return _connect(
            path, read_only=read_only, immutable=False, passphrase=key, existing=existing
        )
    except ChartFileError as error:
        if not (path.exists() and "cannot be opened" in str(error)):
            raise
    # A read-only folder: SQLite cannot create the WAL index beside the file, so read the
    # file as it stands (nobody can be writing to it in a folder nobody can write to).
    return _connect(path, read_only=True, immutable=True, passphrase=key, existing=existing)


def _not_a_file(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (a folder, a named pipe — reading
    one would wait for ever —, a device, a socket); None for a regular file."""
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return QT_TRANSLATE_NOOP("ChartStore", "a folder")
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("ChartStore", "a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("ChartStore", "a device")
    return QT_TRANSLATE_NOOP("ChartStore", "not a regular file")


def _connect(
    path: Path, *, read_only: bool, immutable: bool, passphrase: str | None, existing: bool
) -> ChartStore:
    if read_only:
        target = f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")
    else:
        target = str(path)
    try:
        conn = connect(target, passphrase, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000)
    except db_errors() as error:
        raise describe(error, path) from error
    if not existing and not read_only:  # a new chart: its group's too, on a shared folder
        from wardchart.storage.machine_config import share_with_group

        share_with_group(path)
    try:
        db: Database = ChartDb(conn)
        check_ours(db, path, existing=existing)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            if migrations.pending(db):
                raise ChartFileError(
                    QT_TRANSLATE_NOOP(
                        "ChartStore",
                        "chart file {path} is read-only and needs an upgrade by this "
                        "wardchart; make it writable first",
                    ).format(path=path)
                )
        else:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if migrations.pending(db):
                migrations.apply(db)
    except ChartFileError:
        conn.close()
        raise
    except db_errors() as error:
        conn.close()
        raise describe(error, path) from error
    found = path.stat()
    return ChartStore(path, db, read_only, passphrase, (found.st_dev, found.st_ino))


def _writable(path: Path) -> bool:
    """Whether the file can be opened for writing (root included: immutable files say no)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def quick_check(store: ChartStore) -> None:
    """Raise if SQLite's quick_check finds damage (run when the window opens a file)."""
    try:
        found = [row[0] for row in store.conn.execute("PRAGMA quick_check").fetchall()]
    except db_errors() as error:
        store.close()
        raise describe(error, store.path) from error
    if found != ["ok"]:
        store.close()
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore", "chart file {path} is damaged ({problem}); it was left untouched"
            ).format(path=store.path, problem=found[0])
        )


def schema_problem(db: Database) -> str | None:
    """What is missing from, or added to, a chart's schema ("no trigger results_no_update",
    "an unknown trigger x"); None when it is exactly this version's."""
    differences = schema_differences(db)
    return differences[0] if differences else None


def check_before_writing(store: ChartStore) -> None:
    """Refuse to write into a damaged chart file or one whose schema is not this version's
    (SQLite's quick_check, then every table, index, trigger and view by name): a write
    into a damaged file can spread the damage (see docs/files.md)."""
    try:
        found = [row[0] for row in store.conn.execute("PRAGMA quick_check").fetchall()]
        problem = schema_problem(store.db)
    except db_errors() as error:
        raise describe(error, store.path) from error
    if found != ["ok"]:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} is damaged ({problem}); nothing was saved; run "
                "wardchart check, and restore a backup if it fails",
            ).format(path=store.path, problem=found[0])
        )
    if problem is not None:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} does not have this wardchart's schema "
                "({problem}); nothing was saved; run wardchart check",
            ).format(path=store.path, problem=problem)
        )
