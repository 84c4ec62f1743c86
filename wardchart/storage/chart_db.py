"""The open chart file's database: reads with plain ``sqlite3``; sqlite-utils only for writes.

Opening a chart, reading the census and drawing a chart need nothing but SQL, so they run
on the connection directly; sqlite-utils (tables, inserts, transactions, migrations), with
its ~100 ms of imports, is loaded the first time something else is asked of the database,
which is on the first save. Everything sqlite-utils' ``Database`` offers is still there:
what is not done here is handed to a ``Database`` on the same connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    _Database = Database
else:
    _Database = object

#: Statements ``query`` runs itself: they return rows and change nothing.
_READS = frozenset({"SELECT", "WITH", "VALUES"})


class ChartDb(_Database):
    """A chart file's connection with sqlite-utils' ``Database`` interface."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Database | None = None
        # As sqlite-utils' Database does on a connection: triggers may fire triggers.
        conn.execute("PRAGMA recursive_triggers=on;")

    @property
    def full(self) -> Database:
        """sqlite-utils' ``Database`` on this connection (imported on first use)."""
        if self._full is None:
            from sqlite_utils import Database

            self._full = Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._full

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """Run one statement (the connection commits each one itself: no implicit
        transactions, as every chart connection is opened in autocommit mode)."""
        if self.conn.isolation_level is not None:
            return self.full.execute(sql, parameters)
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Generator[dict[str, Any], None, None]:
        """The rows of a read, as dictionaries (a column name met twice gets ``_2``)."""
        keyword = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if keyword not in _READS:
            return self.full.query(sql, params)
        cursor = self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows")
        keys = _unique(d[0] for d in cursor.description)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        """The tables in the file."""
        if fts4 or fts5:
            return self.full.table_names(fts4=fts4, fts5=fts5)
        sql = "select name from sqlite_master where type = 'table'"
        return [r[0] for r in self.conn.execute(sql).fetchall()]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full, name)

    def __getitem__(self, table_name: str) -> Any:
        return self.full[table_name]


def _unique(keys: Iterable[str]) -> list[str]:
    """Column names made unique as sqlite-utils makes them: a later ``id`` is ``id_2``."""
    keys = list(keys)
    taken = set(keys)
    if len(taken) == len(keys):
        return keys
    seen: set[str] = set()
    result = []
    for key in keys:
        new_key, suffix = key, 2
        while key in seen and (new_key in seen or new_key in taken):
            new_key = f"{key}_{suffix}"
            suffix += 1
        seen.add(new_key)
        result.append(new_key)
    return result
