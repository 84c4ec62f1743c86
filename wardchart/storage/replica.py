"""Which replica a chart file is: its chart id, made when the file was created (or first
opened by a wardchart that knows chart ids), and a new one for every copy made for a
laptop. See docs/merging.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wardchart.storage.errors import db_errors

#: The chain id that rows of a chain written before chart ids start with.
LEGACY_PREFIX = "legacy-"

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Identity:
    """A chart file's id, and the chain id of its audit rows written before chart ids
    (they have no replica id in the file that wrote them)."""

    id: str
    legacy_chain: str


def identity(db: Database | Any) -> Identity | None:
    """The file's identity (None for a file not yet given one: during its upgrade)."""
    conn = getattr(db, "conn", db)  # a ChartDb/Database, or a plain connection
    try:
        last = conn.execute("SELECT id FROM chart_identity ORDER BY rowid DESC LIMIT 1").fetchone()
        first = conn.execute(
            "SELECT legacy_chain FROM chart_identity ORDER BY rowid LIMIT 1"
        ).fetchone()
    except db_errors():
        return None
    if last is None or first is None:
        return None
    return Identity(str(last[0]), str(first[0]))


def local_replica(db: Database) -> str | None:
    """This file's chart id (None before it has one)."""
    found = identity(db)
    return None if found is None else found.id


def chart_ward(db: Database | Any) -> str | None:
    """The ward this chart belongs to: the ward id it took from the first ward hub it
    synced with, or from a chart merged into it (None: none yet, or a file not yet
    upgraded). See docs/hub.md, "The ward's identity"."""
    conn = getattr(db, "conn", db)
    try:
        found = conn.execute("SELECT ward_id FROM chart_ward ORDER BY id LIMIT 1").fetchone()
    except db_errors():
        return None
    return None if found is None else str(found[0])


def record_ward(db: Database | Any, ward_id: str, *, how: str, source: str, at_utc: str) -> None:
    """Record, inside the caller's write transaction, that this chart belongs to the ward
    ``ward_id`` (``how``: ``hub``, ``joined`` or ``merged``; ``source``: the hub or file it
    came from). Nothing when it already does; the file refuses another ward."""
    if chart_ward(db) == ward_id:
        return
    conn = getattr(db, "conn", db)
    conn.execute(
        "INSERT INTO chart_ward (ward_id, how, source, at_utc) VALUES (?, ?, ?, ?)",
        [ward_id, how, source, at_utc],
    )
