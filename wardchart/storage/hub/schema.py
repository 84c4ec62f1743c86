"""The hub's schema in PostgreSQL, as numbered migrations, and ``hub init``.

Everything lives in one schema, ``wardchart``: a table of applied versions; the record
tables (the chart file's columns, keyed by record id, plus when and from which replica the
hub received each row and a receive sequence that only grows); every replica's audit rows
keyed by (origin, seq) and the head of each replica's chain; and ``current_*`` views for
hospital reporting; and the ward's identity (one row). Every table refuses UPDATE, DELETE
and TRUNCATE by trigger, even for its owner, except inside ``hub init``'s own migration.
The ward role gets SELECT and INSERT, nothing more (SELECT only on the versions and the
ward's identity). See docs/hub.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql

from wardchart import __version__
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.hub.connection import (
    SENDER_REFUSED,
    connect,
    describe_address,
    hub_errors,
)
from wardchart.storage.hub.errors import (
    HubError,
    HubNewer,
    HubOlder,
    HubPermissionDenied,
    NotAHub,
)
from wardchart.storage.hub.tables import AUDIT_COLUMNS, RECORD_TABLES, HubTable

Connection = psycopg.Connection[tuple[Any, ...]]
SCHEMA = "wardchart"
#: Every table of the hub (the record tables, then the replicas' bookkeeping).
LOG_TABLES = ("audit_rows", "chain_heads", "push_marks")
VERSION_TABLE = "schema_version"
#: Key of the transaction-scoped advisory lock ``hub init`` holds while it works.
INIT_LOCK = 7_300_001
#: Key of the lock every push holds while it writes: pushes commit one at a time, so rows
#: become visible in the order of their receive sequence and a pull never skips one.
RECEIVE_LOCK = 7_300_002
#: Key of the lock a chart with no ward yet holds from checking the hub's ward to the end
#: of its push (sync.py), so two charts cannot both find the hub empty of others' rows.
JOIN_LOCK = 7_300_003


def _received_columns() -> str:
    return """
    hub_seq bigint NOT NULL DEFAULT nextval('wardchart.receive_seq'),
    hub_from text NOT NULL,
    hub_received_at timestamptz NOT NULL DEFAULT now(),
    hub_received_by text NOT NULL DEFAULT current_user"""


def _column_sql(columns: tuple[tuple[str, str, bool], ...]) -> str:
    return ",\n    ".join(
        f"{name} {kind}{' NOT NULL' if not_null else ''}" for name, kind, not_null in columns
    )


def _record_table_sql(table: HubTable) -> str:
    name = table.name
    references = "".join(
        f",\n    FOREIGN KEY ({column}) REFERENCES wardchart.{name if target == 'self' else target}"
        for column, target in table.references
    )
    script = f"""
CREATE TABLE wardchart.{name} (
    {_column_sql(table.columns)},{_received_columns()},
    PRIMARY KEY ({", ".join(table.key)}){references}
);
CREATE UNIQUE INDEX {name}_hub_seq ON wardchart.{name} (hub_seq);
"""
    for column, _target in table.references:
        script += f"CREATE INDEX {name}_{column} ON wardchart.{name} ({column});\n"
    if table.versioned:
        script += f"""
CREATE VIEW wardchart.current_{name} AS
    SELECT t.* FROM wardchart.{name} t
    WHERE t.entered_in_error = 0
      AND NOT EXISTS (SELECT 1 FROM wardchart.{name} s WHERE s.supersedes = t.id);
"""
    return script + _guards_sql(name)


def _guards_sql(name: str) -> str:
    return f"""
CREATE TRIGGER {name}_received BEFORE INSERT ON wardchart.{name}
    FOR EACH ROW EXECUTE FUNCTION wardchart.stamp_received();
CREATE TRIGGER {name}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON wardchart.{name}
    FOR EACH STATEMENT EXECUTE FUNCTION wardchart.refuse_change();
"""


_M001_HEAD = """
CREATE TABLE wardchart.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user,
    program text NOT NULL
);
CREATE SEQUENCE wardchart.receive_seq;
-- Rows are never changed or removed: not by the ward role (it has no such privilege) and
-- not by the owner either, except while hub init migrates (a setting only the schema's
-- owner can use to that end).
CREATE FUNCTION wardchart.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('wardchart.migrating', true) = 'on' AND pg_has_role(
        (SELECT nspowner FROM pg_namespace WHERE nspname = 'wardchart'), 'MEMBER') THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'wardchart.%: rows on the ward hub are never changed or removed (%)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- Who sent a row, when, and its place in the receive order are the hub's to say: a client
-- cannot choose them (a row placed early in the order would never be pulled).
CREATE FUNCTION wardchart.stamp_received() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.hub_seq := nextval('wardchart.receive_seq');
    NEW.hub_received_at := now();
    NEW.hub_received_by := current_user;
    RETURN NEW;
END;
$$;
CREATE TRIGGER schema_version_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON wardchart.schema_version
    FOR EACH STATEMENT EXECUTE FUNCTION wardchart.refuse_change();
"""


def _m001_tail() -> str:
    return f"""
CREATE TABLE wardchart.audit_rows (
    {_column_sql(AUDIT_COLUMNS)},{_received_columns()},
    PRIMARY KEY (replica_id, origin_seq)
);
CREATE UNIQUE INDEX audit_rows_hub_seq ON wardchart.audit_rows (hub_seq);
CREATE TABLE wardchart.chain_heads (
    replica_id text NOT NULL,
    origin_seq bigint NOT NULL,
    hash text NOT NULL,{_received_columns()},
    PRIMARY KEY (replica_id, origin_seq)
);
CREATE UNIQUE INDEX chain_heads_hub_seq ON wardchart.chain_heads (hub_seq);
CREATE TABLE wardchart.push_marks (
    replica text NOT NULL,
    table_name text NOT NULL,
    through_rowid bigint NOT NULL,{_received_columns()},
    PRIMARY KEY (replica, table_name, through_rowid)
);
CREATE UNIQUE INDEX push_marks_hub_seq ON wardchart.push_marks (hub_seq);
{"".join(_guards_sql(name) for name in LOG_TABLES)}"""


def _m001() -> str:
    return _M001_HEAD + "".join(_record_table_sql(t) for t in RECORD_TABLES) + _m001_tail()


#: The channel the hub notifies on after every committed insert (``listen.py``).
CHANGES_CHANNEL = "wardchart_changes"
#: Tables whose inserts are announced: what a pull reads, and the replicas' audit rows.
NOTIFIED_TABLES = (*(t.name for t in RECORD_TABLES), "audit_rows")


def _m002() -> str:
    """Announce every insert on ``CHANGES_CHANNEL``, so replicas pull at once instead of
    at their next poll. Statement-level: one notification per insert statement that added
    rows, its payload the sending replica (so a replica can ignore its own pushes).
    PostgreSQL delivers it when the transaction commits, and collapses identical ones
    within a transaction (documentation, *NOTIFY*,
    https://www.postgresql.org/docs/15/sql-notify.html)."""
    script = ""
    # A replica's own "sync" audit row (written after it pulled records) is bookkeeping:
    # announcing it would make every replica sync again after every other one's pull.
    for function, only in (("notify_changes", ""), ("notify_audit", " WHERE action <> 'sync'")):
        script += f"""
CREATE FUNCTION wardchart.{function}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sender text;
BEGIN
    SELECT min(hub_from) INTO sender FROM added{only};
    IF sender IS NOT NULL THEN
        PERFORM pg_notify('{CHANGES_CHANNEL}', left(sender, 200));
    END IF;
    RETURN NULL;
END;
$$;
"""
    for name in NOTIFIED_TABLES:
        function = "notify_audit" if name == "audit_rows" else "notify_changes"
        script += f"""
CREATE TRIGGER {name}_notify AFTER INSERT ON wardchart.{name}
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION wardchart.{function}();
"""
    return script


#: The table holding the ward's identity: one row, made by ``hub init``.
WARD_TABLE = "ward"


def _m_ward() -> str:
    """The ward's identity: one row holding a random ward id, made when this migration runs
    (for a new hub and for one migrated from an older version alike), stamped with when and
    as which role, and never changed. Every chart records the ward it belongs to and every
    sync compares the two first, so a chart is never synced into another ward's hub
    (docs/hub.md, "The ward's identity"). The ward role may only read it."""
    return f"""
CREATE TABLE wardchart.{WARD_TABLE} (
    ward_id text PRIMARY KEY,{_received_columns()}
);
-- one row, ever
CREATE UNIQUE INDEX {WARD_TABLE}_one_row ON wardchart.{WARD_TABLE} ((true));
{_guards_sql(WARD_TABLE)}
-- a new ward's id, or the one `hub init --ward-id` names (a lost hub made again)
INSERT INTO wardchart.{WARD_TABLE} (ward_id, hub_from) VALUES (
    coalesce(nullif(current_setting('wardchart.ward_id', true), ''), gen_random_uuid()::text),
    'hub init');
"""


#: The SQLSTATE of the refusal of a chain head naming no audit row the hub holds.
HEAD_REFUSED = "WC002"
#: The table binding each computer's own role to the one replica it sends as.
SENDERS_TABLE = "senders"


def _m_senders() -> str:
    """A role per computer: the hub itself names who sent each row.

    A role holding INSERT on a hub table by name (the ward role ``hub init --ward-role``
    granted, and the owner) sends as any replica, as before. Any other role (one that
    inherits the ward role's privileges: a computer's own login role) is bound, at its
    first insert, to the replica it names as sender, in ``senders``; from then on the hub
    refuses a row, push mark or chain head it sends as another replica. Checked once per
    insert statement over the rows it added (a row trigger's queries made a push's inserts
    about four times slower). The sending role
    is the session's login role (``session_user``): a member of the ward role may
    ``SET ROLE`` to it, but stays who it logged in as. A chain head must name an audit row
    the hub holds, with its hash (else a hand-written head could pass a replica off as
    restored from an old backup). Superusers are not checked. See docs/hub.md."""
    checked = (*(t.name for t in RECORD_TABLES), *LOG_TABLES)
    marked = ", ".join(f"'{name}'" for name in ("audit_log", *(t.name for t in RECORD_TABLES)))
    triggers = "".join(
        f"""
CREATE TRIGGER {name}_sender AFTER INSERT ON wardchart.{name}
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION wardchart.check_sender();
"""
        for name in checked
    )
    return f"""
CREATE TABLE wardchart.{SENDERS_TABLE} (
    role text PRIMARY KEY,
    replica_id text NOT NULL UNIQUE,
    bound_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER {SENDERS_TABLE}_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON wardchart.{SENDERS_TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION wardchart.refuse_change();
-- Received from the role the session logged in as, even after SET ROLE.
CREATE OR REPLACE FUNCTION wardchart.stamp_received() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.hub_seq := nextval('wardchart.receive_seq');
    NEW.hub_received_at := now();
    NEW.hub_received_by := session_user;
    RETURN NEW;
END;
$$;
-- Once per insert statement, over the rows it added (a push inserts thousands at once).
CREATE FUNCTION wardchart.check_sender() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    who text := session_user;
    super boolean;
    free boolean;
    bound text;
    named text;
    other text;
    place bigint;
BEGIN
    SELECT r.rolsuper, c.relowner = r.oid OR EXISTS (
        SELECT 1 FROM aclexplode(c.relacl) a
        WHERE a.grantee = r.oid AND a.privilege_type = 'INSERT')
    INTO super, free FROM pg_roles r, pg_class c WHERE r.rolname = who AND c.oid = TG_RELID;
    IF coalesce(super, false) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'chain_heads' THEN
        SELECT n.replica_id, n.origin_seq INTO named, place FROM added n
        WHERE NOT EXISTS (SELECT 1 FROM wardchart.audit_rows h WHERE h.replica_id = n.replica_id
                          AND h.origin_seq = n.origin_seq AND h.hash = n.hash)
        LIMIT 1;
        IF named IS NOT NULL THEN
            RAISE EXCEPTION 'wardchart.chain_heads: no audit row % of chain % with that hash',
                place, named USING ERRCODE = '{HEAD_REFUSED}';
        END IF;
    END IF;
    IF coalesce(free, false) THEN
        RETURN NULL;
    END IF;
    SELECT s.replica_id INTO bound FROM wardchart.{SENDERS_TABLE} s WHERE s.role = who;
    IF bound IS NULL THEN
        SELECT n.hub_from INTO named FROM added n ORDER BY n.hub_seq LIMIT 1;
        IF named IS NULL THEN
            RETURN NULL;
        END IF;
        INSERT INTO wardchart.{SENDERS_TABLE} (role, replica_id) VALUES (who, named)
            ON CONFLICT DO NOTHING;
        SELECT s.replica_id INTO bound FROM wardchart.{SENDERS_TABLE} s WHERE s.role = who;
        IF bound IS NULL THEN
            SELECT s.role INTO other FROM wardchart.{SENDERS_TABLE} s WHERE s.replica_id = named;
            RAISE EXCEPTION 'wardchart: replica % is sent by role %, not by role %',
                named, other, who USING ERRCODE = '{SENDER_REFUSED}',
                DETAIL = json_build_object('role', who, 'named', named, 'sent_by', other)::text;
        END IF;
        named := NULL;
    END IF;
    IF TG_TABLE_NAME = 'push_marks' THEN
        SELECT CASE WHEN n.hub_from <> bound THEN n.hub_from ELSE n.replica END INTO named
        FROM added n WHERE n.hub_from <> bound OR n.replica <> bound LIMIT 1;
    ELSE
        SELECT n.hub_from INTO named FROM added n WHERE n.hub_from <> bound LIMIT 1;
    END IF;
    IF named IS NOT NULL THEN
        RAISE EXCEPTION 'wardchart: role % sends as replica %, not %', who, bound, named
            USING ERRCODE = '{SENDER_REFUSED}',
            DETAIL = json_build_object('role', who, 'sends_as', bound, 'named', named)::text;
    END IF;
    RETURN NULL;
END;
$$;
{triggers}
-- A push mark names a table replicas send (the chart's audit log or a record table); a
-- migration adding a record table widens this. NOT VALID: rows already there stay.
ALTER TABLE wardchart.push_marks ADD CONSTRAINT push_marks_known_table
    CHECK (table_name IN ({marked})) NOT VALID;
"""


#: (version, SQL): never edit a released one; add the next version last.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, _m001()),
    (2, _m002()),
    (3, _m_ward()),
    (4, _m_senders()),
)
#: The hub version this wardchart makes and understands.
HUB_VERSION = MIGRATIONS[-1][0]


def data_tables() -> tuple[str, ...]:
    """Every table the ward role may read and add to."""
    return (*(t.name for t in RECORD_TABLES), *LOG_TABLES)


def bookkeeping_tables() -> tuple[str, ...]:
    """Tables the ward role may only read (the hub writes them itself)."""
    return (WARD_TABLE, SENDERS_TABLE)


def views() -> tuple[str, ...]:
    """The ``current_*`` views (reading only)."""
    return tuple(f"current_{t.name}" for t in RECORD_TABLES if t.versioned)


@dataclass(frozen=True)
class InitResult:
    """What ``hub_init`` did."""

    #: The version found (None: there was no hub) and the version left.
    version_before: int | None
    version_after: int
    #: The role granted SELECT and INSERT (None: no role given).
    ward_role: str | None
    #: The ward's id the hub holds.
    ward_id: str = ""

    @property
    def changed(self) -> bool:
        return self.version_before != self.version_after


def installed_version(conn: Connection, where: str) -> int | None:
    """The hub version in this database (None: no ``wardchart`` schema); refuse a
    ``wardchart`` schema that is not a hub."""
    row = conn.execute(
        "SELECT to_regnamespace(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL",
        [SCHEMA, f"{SCHEMA}.{VERSION_TABLE}"],
    ).fetchone()
    assert row is not None
    has_schema, has_versions = row
    if not has_schema:
        return None
    if not has_versions:
        raise NotAHub(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} has a schema named wardchart that is not a wardchart "
                "hub; nothing was changed",
            ).format(where=where)
        )
    found = conn.execute("SELECT max(version) FROM wardchart.schema_version").fetchone()
    if found is None or found[0] is None:
        raise NotAHub(
            QT_TRANSLATE_NOOP(
                "Hub", "{where} has a wardchart schema with no version; nothing was changed"
            ).format(where=where)
        )
    return int(str(found[0]))


def require_hub(conn: Connection, where: str) -> int:
    """The hub's version, when this wardchart can use it; else NotAHub, HubNewer or
    HubOlder, each one line."""
    with hub_errors(where):
        version = installed_version(conn, where)
        conn.rollback()
    if version is None:
        raise NotAHub(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} holds no wardchart hub: the database's owner runs "
                "`wardchart hub init` first (docs/hub.md)",
            ).format(where=where)
        )
    if version > HUB_VERSION:
        raise HubNewer(_newer(where, version))
    if version < HUB_VERSION:
        raise HubOlder(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} was made by an older wardchart (hub version {version}, "
                "this one uses {hub_version}): the database's owner runs "
                "`wardchart hub init` to upgrade it",
            ).format(where=where, version=version, hub_version=HUB_VERSION)
        )
    return version


def _newer(where: str, version: int) -> str:
    return QT_TRANSLATE_NOOP(
        "Hub",
        "{where} was made by a newer wardchart (hub version {version}, this one knows up to "
        "{hub_version}): install that version or newer; nothing was changed",
    ).format(where=where, version=version, hub_version=HUB_VERSION)


def hub_init(address: str, ward_role: str | None = None, ward_id: str | None = None) -> InitResult:
    """Create the hub schema in the database ``address`` names, or migrate it to this
    wardchart's version, and grant ``ward_role`` SELECT and INSERT only. Run as the
    database's owner. Idempotent: a second run changes nothing. One transaction: on any
    error nothing is changed.

    ``ward_id`` (IT rebuilding a lost hub from its replicas): a new hub takes this ward id
    instead of a new one, so the ward's charts sync with it; a hub of another ward is
    refused."""
    where = describe_address(address)
    if ward_id is not None:
        ward_id = valid_ward_id(ward_id)
    conn = connect(address)
    try:
        with hub_errors(where), conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [INIT_LOCK])
            _check_owner(conn, where)
            before = installed_version(conn, where)
            if before is not None and before > HUB_VERSION:
                raise HubNewer(_newer(where, before))
            if before is None or before < HUB_VERSION:
                conn.execute("SET LOCAL wardchart.migrating = 'on'")
                conn.execute("SELECT set_config('wardchart.ward_id', %s, true)", [ward_id or ""])
                if before is None:
                    conn.execute("CREATE SCHEMA wardchart")
                for version, script in MIGRATIONS:
                    if before is None or version > before:
                        conn.execute(script.encode("utf-8"))
                        conn.execute(
                            "INSERT INTO wardchart.schema_version (version, program)"
                            " VALUES (%s, %s)",
                            [version, f"wardchart {__version__}"],
                        )
                conn.execute("SET LOCAL wardchart.migrating = 'off'")
                if before is not None:
                    # An upgrade: the roles granted before read the new tables too, even
                    # when IT does not name the ward role again.
                    for granted in _granted_roles(conn):
                        _grant(conn, where, granted)
            if ward_id is not None:
                _same_ward(conn, where, ward_id)
            found = conn.execute(  # (a test's older hub has no ward table)
                f"SELECT ward_id FROM wardchart.{WARD_TABLE}"
                if _has_table(conn, WARD_TABLE)
                else "SELECT NULL WHERE false"
            ).fetchone()
            held = "" if found is None else str(found[0])
            if ward_role is not None:
                _grant(conn, where, ward_role)
    finally:
        conn.close()
    return InitResult(before, HUB_VERSION, ward_role, held)


def _check_owner(conn: Connection, where: str) -> None:
    row = conn.execute(
        "SELECT pg_has_role(nspowner, 'USAGE'), pg_get_userbyid(nspowner)"
        " FROM pg_namespace WHERE nspname = %s",
        [SCHEMA],
    ).fetchone()
    if row is not None:
        if not row[0]:
            raise HubPermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Hub",
                    "`hub init` on {where} must be run as the hub's owner ({owner}); "
                    "nothing was changed",
                ).format(where=where, owner=row[1])
            )
        return
    row = conn.execute("SELECT has_database_privilege(current_database(), 'CREATE')").fetchone()
    if row is None or not row[0]:
        raise HubPermissionDenied(
            QT_TRANSLATE_NOOP(
                "Hub",
                "`hub init` on {where} must be run as the database's owner (this "
                "role may not create a schema there); nothing was changed",
            ).format(where=where)
        )


def _has_table(conn: Connection, name: str) -> bool:
    found = conn.execute("SELECT to_regclass(%s)", [f"{SCHEMA}.{name}"]).fetchone()
    return found is not None and found[0] is not None


def valid_ward_id(text: str) -> str:
    """A ward id as ``wardchart check`` shows it (a UUID), in its canonical form."""
    try:
        found = uuid.UUID(text.strip())
        if found.int == 0:  # the nil UUID: no ward's id
            raise ValueError(text)
        return str(found)
    except ValueError:
        raise HubError(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{text} is not a ward id: copy the whole id from the line ward of "
                "`wardchart check` on one of the ward's computers",
            ).format(text=text)
        ) from None


def _same_ward(conn: Connection, where: str, ward_id: str) -> None:
    row = conn.execute(f"SELECT ward_id FROM wardchart.{WARD_TABLE}").fetchone()
    if row is None or row[0] != ward_id:
        raise HubError(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} already holds ward {found}, not {wanted}: --ward-id is only for "
                "making a lost hub again in an empty database; nothing was changed",
            ).format(where=where, found=row[0] if row else "?", wanted=ward_id)
        )


def _granted_roles(conn: Connection) -> list[str]:
    """The roles an earlier ``hub init`` granted the hub to (those, other than its owner,
    that may read its version table)."""
    rows = conn.execute(
        "SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c,"
        " aclexplode(c.relacl) a WHERE c.oid = %s::regclass AND a.privilege_type = 'SELECT'"
        " AND a.grantee NOT IN (0, c.relowner) ORDER BY 1",
        [f"{SCHEMA}.{VERSION_TABLE}"],
    ).fetchall()
    return [str(row[0]) for row in rows]


def _grant(conn: Connection, where: str, role: str) -> None:
    found = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    if found is None:
        raise HubError(
            QT_TRANSLATE_NOOP(
                "Hub",
                "no role {role} on {where}: create the ward's role first (CREATE "
                "ROLE ... LOGIN, docs/hub.md); nothing was changed",
            ).format(role=role, where=where)
        )
    if found[0]:
        raise HubError(
            QT_TRANSLATE_NOOP(
                "Hub",
                "role {role} is a superuser on {where}: the ward's role must be "
                "an ordinary role (a superuser can do anything); nothing was "
                "changed",
            ).format(role=role, where=where)
        )
    ident = sql.Identifier(role)
    kept = [  # those this hub has (one made by an older wardchart may lack some)
        name
        for name in bookkeeping_tables()
        if conn.execute("SELECT to_regclass(%s)", [f"{SCHEMA}.{name}"]).fetchone() != (None,)
    ]
    tables = sql.SQL(", ").join(
        sql.Identifier(SCHEMA, name) for name in (*data_tables(), VERSION_TABLE, *kept, *views())
    )
    writable = sql.SQL(", ").join(sql.Identifier(SCHEMA, name) for name in data_tables())
    readable = sql.SQL(", ").join(
        sql.Identifier(SCHEMA, name) for name in (VERSION_TABLE, *kept, *views())
    )
    for statement in (
        sql.SQL("GRANT USAGE ON SCHEMA wardchart TO {}").format(ident),
        sql.SQL("REVOKE ALL ON {} FROM {}").format(tables, ident),
        sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(writable, ident),
        sql.SQL("GRANT SELECT ON {} TO {}").format(readable, ident),
        sql.SQL("REVOKE ALL ON SEQUENCE wardchart.receive_seq FROM {}").format(ident),
        sql.SQL("GRANT USAGE ON SEQUENCE wardchart.receive_seq TO {}").format(ident),
    ):
        conn.execute(statement)


@dataclass(frozen=True)
class Sender:
    """A computer's own role and the one replica it sends as, since its first push."""

    role: str
    replica_id: str
    first_seen: datetime


def hub_senders(address: str) -> list[Sender]:
    """Every computer's role the hub has bound to a replica, oldest first (read only; as
    the owner, the ward role or a computer's role). Typed one-line errors otherwise."""
    where = describe_address(address)
    conn = connect(address)
    try:
        require_hub(conn, where)
        with hub_errors(where):
            rows = conn.execute(
                f"SELECT role, replica_id, bound_at FROM {SCHEMA}.{SENDERS_TABLE}"
                " ORDER BY bound_at, role"
            ).fetchall()
    finally:
        conn.close()
    return [Sender(str(role), str(replica), when) for role, replica, when in rows]
