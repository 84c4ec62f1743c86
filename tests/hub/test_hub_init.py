"""``hub init`` against a real PostgreSQL server: creates, changes nothing the second time,
refuses a newer hub, and leaves the ward role SELECT and INSERT only, while triggers refuse
UPDATE, DELETE and TRUNCATE on every hub table, even to the owner."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from conftest import HubDatabase
from psycopg import errors

from wardchart.storage.hub.errors import (
    HubError,
    HubNewer,
    HubOlder,
    HubPermissionDenied,
    NotAHub,
)
from wardchart.storage.hub.schema import (
    HUB_VERSION,
    VERSION_TABLE,
    bookkeeping_tables,
    data_tables,
    hub_init,
    views,
)
from wardchart.storage.hub.transfer import Hub

ALL_TABLES = (*data_tables(), VERSION_TABLE, *bookkeeping_tables())


def _catalog(hub_db: HubDatabase) -> list[Any]:
    """Everything hub init makes or grants, as the catalog says."""
    with hub_db.server.admin(hub_db.database) as conn:
        return [
            conn.execute(query, ["wardchart"]).fetchall()
            for query in (
                "SELECT c.relname, c.relkind, c.relacl::text, c.relowner FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s"
                " ORDER BY c.relname",
                "SELECT table_name, column_name, data_type, is_nullable, column_default"
                " FROM information_schema.columns WHERE table_schema = %s"
                " ORDER BY table_name, ordinal_position",
                "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = %s ORDER BY t.tgname",
                "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n"
                " ON n.oid = p.pronamespace WHERE n.nspname = %s ORDER BY p.proname",
                "SELECT nspacl::text FROM pg_namespace WHERE nspname = %s",
                "SELECT version, applied_at FROM wardchart.schema_version"
                " WHERE %s::text IS NOT NULL ORDER BY version",
            )
        ]


def test_init_creates_the_hub_and_a_second_run_changes_nothing(hub_db: HubDatabase) -> None:
    first = hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    assert (first.version_before, first.version_after, first.changed) == (None, HUB_VERSION, True)
    made = _catalog(hub_db)
    names = {row[0] for row in made[0]}
    assert set(ALL_TABLES) | set(views()) <= names
    assert {"current_patients", "current_results", "audit_rows", "chain_heads"} <= names

    again = hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    assert (again.version_before, again.changed) == (HUB_VERSION, False)
    assert _catalog(hub_db) == made
    with Hub.open(hub_db.ward_url) as hub:
        assert hub.version == HUB_VERSION


def _as(hub_db: HubDatabase, role: str) -> psycopg.Connection:  # type: ignore[type-arg]
    return psycopg.connect(hub_db.server.url(role, hub_db.database), autocommit=True)


@pytest.mark.parametrize("table", ALL_TABLES)
def test_the_ward_role_may_not_update_delete_or_truncate(hub_db: HubDatabase, table: str) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with _as(hub_db, hub_db.ward_role) as conn:
        column = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            " 'wardchart' AND table_name = %s LIMIT 1",
            [table],
        ).fetchone()
        assert column is not None
        conn.execute(f"SELECT count(*) FROM wardchart.{table}")  # reading is allowed
        # Even with the setting hub init migrates under, the privilege is missing.
        conn.execute("SET wardchart.migrating = 'on'")
        for statement in (
            f"UPDATE wardchart.{table} SET {column[0]} = {column[0]}",
            f"DELETE FROM wardchart.{table}",
            f"TRUNCATE wardchart.{table}",
            f"TRUNCATE wardchart.{table} CASCADE",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)


@pytest.mark.parametrize("table", ALL_TABLES)
def test_even_the_owner_may_not_update_delete_or_truncate(hub_db: HubDatabase, table: str) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with _as(hub_db, hub_db.owner) as conn:
        column = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            " 'wardchart' AND table_name = %s LIMIT 1",
            [table],
        ).fetchone()
        assert column is not None
        for statement in (
            f"UPDATE wardchart.{table} SET {column[0]} = {column[0]}",
            f"DELETE FROM wardchart.{table}",
            f"TRUNCATE wardchart.{table} CASCADE",
        ):
            with pytest.raises(psycopg.Error, match="never changed or removed"):
                conn.execute(statement)


def test_the_ward_role_may_not_add_a_version_or_choose_the_receive_order(
    hub_db: HubDatabase,
) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with _as(hub_db, hub_db.ward_role) as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO wardchart.schema_version (version, program) VALUES (9, 'x')")
        conn.execute(
            "INSERT INTO wardchart.ward_settings (id, recorded_at, recorded_by, key, value,"
            " hub_from, hub_seq, hub_received_by) VALUES ('s1', 't', 'n', 'k', 'v', 'r', -5, 'x')"
        )
        row = conn.execute(
            "SELECT hub_seq, hub_received_by FROM wardchart.ward_settings WHERE id = 's1'"
        ).fetchone()
    assert row is not None
    assert row[0] > 0
    assert row[1] == hub_db.ward_role


def test_a_hub_made_by_a_newer_wardchart_is_refused(hub_db: HubDatabase) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with _as(hub_db, hub_db.owner) as conn:
        conn.execute(
            "INSERT INTO wardchart.schema_version (version, program) VALUES (%s, 'later')",
            [HUB_VERSION + 1],
        )
    before = _catalog(hub_db)
    with pytest.raises(
        HubNewer, match=rf"newer wardchart \(hub version {HUB_VERSION + 1}"
    ) as raised:
        hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    assert "\n" not in str(raised.value)
    assert _catalog(hub_db) == before
    with pytest.raises(HubNewer):
        Hub.open(hub_db.ward_url)


def test_an_older_hub_asks_for_hub_init(hub_db: HubDatabase) -> None:
    with _as(hub_db, hub_db.owner) as conn:
        conn.execute(
            "CREATE SCHEMA wardchart; CREATE TABLE wardchart.schema_version (version int,"
            " applied_at timestamptz, applied_by text, program text);"
            " INSERT INTO wardchart.schema_version VALUES (0, now(), 'x', 'x');"
        )
    with pytest.raises(HubOlder, match="hub init"):
        Hub.open(hub_db.owner_url)


def test_a_database_without_a_hub_is_named_so(hub_db: HubDatabase) -> None:
    with pytest.raises(NotAHub, match=r"holds no wardchart hub.*hub init"):
        Hub.open(hub_db.ward_url)
    with _as(hub_db, hub_db.owner) as conn:
        conn.execute("CREATE SCHEMA wardchart")
    with pytest.raises(NotAHub, match="not a wardchart hub"):
        hub_init(hub_db.owner_url)


def test_only_the_owner_may_init(hub_db: HubDatabase) -> None:
    with pytest.raises(HubPermissionDenied, match="database's owner"):
        hub_init(hub_db.ward_url, ward_role=hub_db.ward_role)
    hub_init(hub_db.owner_url)
    with pytest.raises(HubPermissionDenied, match="hub's owner"):
        hub_init(hub_db.ward_url, ward_role=hub_db.ward_role)


def test_an_unknown_or_superuser_ward_role_is_refused(hub_db: HubDatabase) -> None:
    with pytest.raises(HubError, match="no role nobody_here"):
        hub_init(hub_db.owner_url, ward_role="nobody_here")
    with hub_db.server.admin(hub_db.database) as conn:  # nothing was left half-made
        found = conn.execute("SELECT to_regnamespace('wardchart')").fetchone()
    assert found == (None,)
    with pytest.raises(HubError, match="superuser"):
        hub_init(hub_db.owner_url, ward_role="postgres")
