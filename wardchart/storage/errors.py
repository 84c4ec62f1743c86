"""Storage failures as messages a nurse or an administrator can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class ChartFileError(Exception):
    """The chart file cannot be used as asked; the message names the file and the problem."""


def describe(error: sqlite3.Error, path: Path) -> ChartFileError:
    """Turn an SQLite error into one clear sentence naming the chart file."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        why = "is in use by another program or window; try again in a moment"
    elif "readonly" in text or "read-only" in text:
        why = "is read-only: nothing was saved; check the file's and folder's permissions"
    elif "disk is full" in text or "disk i/o" in text or "full" in text:
        why = "could not be written (disk full or failing): nothing was saved"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        why = "is damaged or is not a wardchart chart file"
    elif "unable to open" in text:
        why = "cannot be opened: check that the folder exists and is writable"
    else:
        why = f"could not be used ({error})"
    return ChartFileError(f"chart file {path} {why}")
