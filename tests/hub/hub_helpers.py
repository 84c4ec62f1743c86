"""Reading a hub and a chart side by side in the hub's tests."""

from __future__ import annotations

from typing import Any

import pytest

from wardchart.cli import main
from wardchart.storage.database import ChartStore
from wardchart.storage.hub.tables import RECORD_TABLES
from wardchart.storage.hub.transfer import local_columns


def _columns(store: ChartStore) -> dict[str, tuple[str, ...]]:
    found = {t.name: local_columns(store.db, t) for t in RECORD_TABLES}
    return {name: columns for name, columns in found.items() if columns is not None}


def hub_rows(server: Any, database: str, like: ChartStore) -> dict[str, set[tuple[Any, ...]]]:
    """Every record row on the hub, by table, in the columns the chart ``like`` has
    (read as the superuser); no row twice."""
    with server.admin(database) as conn:
        found = {}
        for table, columns in _columns(like).items():
            got = conn.execute(f"SELECT {', '.join(columns)} FROM wardchart.{table}").fetchall()
            assert len(got) == len(set(got))
            found[table] = set(got)
        return found


def chart_rows(store: ChartStore) -> dict[str, set[tuple[Any, ...]]]:
    """Every record row of a chart file, by table, in the hub's columns it has."""
    found = {}
    for table, columns in _columns(store).items():
        names = ", ".join(f"[{c}]" for c in columns)
        found[table] = set(store.conn.execute(f"SELECT {names} FROM [{table}]").fetchall())
    return found


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A command in this process: its exit status, what it printed and what it said."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_line_error(status: int, out: str, err: str) -> str:
    """A failure as scripts and nurses get it: exit 2 and one line on stderr."""
    assert status == 2, (out, err)
    assert err.startswith("wardchart: error: ")
    assert err.count("\n") == 1, err
    return err
