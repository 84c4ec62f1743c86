"""The chart's whole schema compared with what this version's migrations create: every
table, index, trigger and view, by name and by its SQL (see docs/tamper-evidence.md)."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING

from wardchart.storage.schema import migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

#: (type, name) -> (table, SQL with whitespace collapsed)
Schema = dict[tuple[str, str], tuple[str, str]]


def _schema(conn: sqlite3.Connection) -> Schema:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        (str(kind), str(name)): (str(table), re.sub(r"\s+", " ", sql or "").strip())
        for kind, name, table, sql in rows
        if not str(name).startswith("sqlite_stat")  # statistics, not schema
    }


@lru_cache(maxsize=8)
def expected_schema(applied: tuple[str, ...]) -> Schema:
    """What this version's migrations create, up to the last one ``applied`` (all of them
    for a current file), built in a database in memory."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:")
    try:
        db = Database(conn, execute_plugins=False)
        names = migrations.names
        pending = names[len(applied) :] if list(applied) == names[: len(applied)] else []
        migrations.apply(db, stop_before=pending[0] if pending else None)
        return _schema(conn)
    finally:
        conn.close()


def schema_differences(db: Database) -> list[str]:
    """Every table, index, trigger and view that is missing, extra or altered, compared
    with what this version creates; empty when the file's schema is exactly that."""
    applied = tuple(m.name for m in migrations.applied(db))
    expected, found = expected_schema(applied), _schema(db.conn)
    differences = []
    for kind, name in sorted(expected.keys() - found.keys()):
        differences.append(f"{kind} {name} is missing")
    for kind, name in sorted(found.keys() - expected.keys()):
        differences.append(f"extra {kind} {name} (on {found[kind, name][0]})")
    for kind, name in sorted(expected.keys() & found.keys()):
        if expected[kind, name] != found[kind, name]:
            differences.append(f"{kind} {name} differs from what this version creates")
    return differences
