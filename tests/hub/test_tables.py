"""The hub mirrors the chart file's tables column for column (no server needed)."""

from __future__ import annotations

from wardchart.storage.database import ChartStore
from wardchart.storage.hub.tables import AUDIT_COLUMNS, FROM_MERGING, RECORD_TABLES
from wardchart.storage.hub.transfer import local_columns

#: Chart tables that are not exchanged as rows: the audit log goes as chains, the others
#: belong to one file (its schema steps, its own identity).
NOT_EXCHANGED = {
    "audit_log",
    "_sqlite_migrations",
    "sqlite_sequence",
    "chart_identity",
    "hub_sync",
    "chart_ward",
}


def test_every_chart_table_is_on_the_hub_with_the_same_columns(store: ChartStore) -> None:
    chart_tables = set(store.db.table_names()) - NOT_EXCHANGED
    hub_tables = {t.name for t in RECORD_TABLES}
    merging_tables = {name for name, column in FROM_MERGING if column == "*"}
    assert chart_tables <= hub_tables
    assert hub_tables - chart_tables <= merging_tables
    for table in RECORD_TABLES:
        if table.name not in chart_tables:
            continue
        info = store.conn.execute(f"PRAGMA table_info([{table.name}])").fetchall()
        chart = {row[1]: (row[2], bool(row[3])) for row in info}
        hub = {name: (kind, not_null) for name, kind, not_null in table.columns}
        assert set(chart) <= set(hub), table.name
        assert {(table.name, c) for c in set(hub) - set(chart)} <= FROM_MERGING, table.name
        for name, (kind, not_null) in chart.items():
            assert hub[name] == ({"TEXT": "text", "INTEGER": "bigint"}[kind], not_null), name
        assert local_columns(store.db, table) == tuple(n for n in hub if n in chart)


def test_audit_rows_carry_every_field_of_the_chart_s_audit_log(store: ChartStore) -> None:
    chart = {row[1] for row in store.conn.execute("PRAGMA table_info(audit_log)")}
    hub = {name for name, _kind, _not_null in AUDIT_COLUMNS}
    assert chart - hub == {"seq"}  # a file's own order, not a chain's
    assert hub - chart <= {"replica_id", "origin_seq"}
