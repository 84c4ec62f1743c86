"""Reading a hub and a chart side by side in the hub's tests."""

from __future__ import annotations

from typing import Any

from wardchart.storage.database import ChartStore
from wardchart.storage.hub.tables import RECORD_TABLES


def hub_rows(server: Any, database: str) -> dict[str, set[tuple[Any, ...]]]:
    """Every record row on the hub, by table (content columns only), read as superuser."""
    with server.admin(database) as conn:
        found = {}
        for table in RECORD_TABLES:
            got = conn.execute(
                f"SELECT {', '.join(table.column_names)} FROM wardchart.{table.name}"
            ).fetchall()
            assert len(got) == len(set(got))
            found[table.name] = set(got)
        return found


def chart_rows(store: ChartStore) -> dict[str, set[tuple[Any, ...]]]:
    """Every record row of a chart file, by table (the hub's columns)."""
    found = {}
    for table in RECORD_TABLES:
        columns = ", ".join(f"[{c}]" for c in table.column_names)
        got = store.conn.execute(f"SELECT {columns} FROM [{table.name}]").fetchall()
        found[table.name] = set(got)
    return found
