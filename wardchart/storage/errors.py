"""Storage failures as messages a nurse or an administrator can act on."""

from __future__ import annotations

import sys
from pathlib import Path

from wardchart.domain.texts import QT_TRANSLATE_NOOP


class ChartFileError(Exception):
    """The chart file cannot be used as asked; the message names the file and the problem."""


class ChartBusyError(ChartFileError):
    """Another program or window held the chart file's lock too long: nothing was done,
    and nothing may be taken for granted about the file (a check that could not be made
    is failed, never skipped)."""


class WrongPassphraseError(ChartFileError):
    """An encrypted chart file (or a backup of one) did not open with the passphrase given:
    a wrong passphrase, or a file that is not a chart at all. Nothing was changed."""


class RewriteInterruptedError(ChartFileError):
    """An encryption or decryption of the chart file and its backups was interrupted: it
    must be finished (``wardchart encrypt`` / ``decrypt``) before anything else is done."""


class NoPassphraseError(ChartFileError):
    """An encrypted chart file was not opened because nobody gave its passphrase."""


class NotSignedInError(ChartFileError):
    """A chart file with accounts was opened but nobody signed in: nothing may be shown
    or done."""


def db_errors() -> tuple[type[Exception], ...]:
    """Errors an open chart can raise: the standard library's SQLite, and SQLCipher's once
    an encrypted chart has been opened (its module is loaded only then)."""
    import sqlite3  # here: the window's start needs these classes, not SQLite, before it shows

    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)


def integrity_errors() -> tuple[type[Exception], ...]:
    """A rule of the schema said no (a trigger, a constraint), in either SQLite."""
    import sqlite3

    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is None:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, cipher.IntegrityError)


def describe(error: Exception, path: Path) -> ChartFileError:
    """Turn an SQLite error into one clear sentence naming the chart file."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return ChartBusyError(
            QT_TRANSLATE_NOOP(
                "ChartStore",
                "chart file {path} is in use by another program or window; try again in a moment",
            ).format(path=path)
        )
    if "readonly" in text or "read-only" in text:
        why = QT_TRANSLATE_NOOP(
            "ChartStore",
            "chart file {path} is read-only: nothing was saved; check the file's and "
            "folder's permissions",
        )
    elif "disk is full" in text or "disk i/o" in text or "full" in text:
        why = QT_TRANSLATE_NOOP(
            "ChartStore",
            "chart file {path} could not be written (disk full or failing): nothing was saved",
        )
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        why = QT_TRANSLATE_NOOP(
            "ChartStore", "chart file {path} is damaged or is not a wardchart chart file"
        )
    elif "unable to open" in text:
        why = QT_TRANSLATE_NOOP(
            "ChartStore",
            "chart file {path} cannot be opened: check that the folder exists and is writable",
        )
    else:
        return ChartFileError(
            QT_TRANSLATE_NOOP("ChartStore", "chart file {path} could not be used ({error})").format(
                path=path, error=error
            )
        )
    return ChartFileError(why.format(path=path))
