"""Encrypted chart files: SQLCipher through ``sqlcipher3``.

A chart file is encrypted as a whole (pages, journal and backups) with a key SQLCipher
derives from the ward's passphrase (PBKDF2-HMAC-SHA512, 256,000 iterations, AES-256 with
an HMAC on every page). ``sqlcipher3`` is imported only when an encrypted file is met,
so a ward without encryption never loads it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.errors import ChartFileError, WrongPassphraseError, db_errors

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_encrypted(path: Path) -> bool:
    """Whether a file that exists holds something other than plain SQLite (an encrypted
    chart, or not a chart at all: only the passphrase tells which)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return bool(head) and head != SQLITE_MAGIC


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(target: str, passphrase: str | None, *, uri: bool = False, timeout: float = 5.0) -> Any:
    """A connection to ``target``: plain SQLite, or SQLCipher keyed with ``passphrase``.

    A wrong passphrase (or a file that is not a chart) raises ChartFileError; nothing is
    written to the file by trying.
    """
    if passphrase is None:
        return sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=uri)
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(target, timeout=timeout, isolation_level=None, uri=uri)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own messages go to stderr
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError:
        conn.close()
        name = target.removeprefix("file:").split("?")[0]
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP(
                "Encryption",
                "chart file {name}: wrong passphrase, or not a wardchart chart "
                "file; nothing was changed",
            ).format(name=name)
        ) from None
    return conn


def convert(
    source: Path,
    target: Path,
    *,
    read_with: str | None,
    write_with: str | None,
    immutable: bool = False,
) -> None:
    """Write a copy of ``source`` to ``target``: encrypted with ``write_with``, or plain
    if it is None. ``read_with`` opens ``source`` (None: it is plain). ``immutable``: read
    ``source`` as it stands, writing nothing beside it (no journal or shared-memory file):
    for a file nobody has open."""
    from sqlcipher3 import dbapi2

    if target.exists():
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Encryption", "{target} already exists; it was left untouched"
            ).format(target=target)
        )
    uri = f"file:{source}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = dbapi2.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if read_with is not None:
            conn.execute(f"PRAGMA key = {_quote(read_with)}")
        conn.execute(
            f"ATTACH DATABASE {_quote(str(target))} AS target KEY {_quote(write_with or '')}"
        )
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    except (*db_errors(), dbapi2.Error) as error:
        target.unlink(missing_ok=True)
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Encryption", "could not write {target}: {error}").format(
                target=target, error=error
            )
        ) from None
    finally:
        conn.close()
