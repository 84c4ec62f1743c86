"""Pushing a replica's rows to the hub and pulling the rows it lacks, in batches.

Every batch is one transaction on the hub and, for a pull, one write transaction in the
chart file: a batch lands whole or not at all, so a sync killed at any moment (the
program, the network, the server) resumes where the last whole batch left it, with no
duplicate and no loss.

* **Push**: rows of each record table after this replica's last push mark (the chart's
  own row order), then its audit rows after its chain head on the hub. In one hub
  transaction: the batch is copied into a temporary table, every row the hub already holds
  under the same id must be identical (else ``HubTampered``: nothing of the batch is
  written), the rows the hub lacks are inserted, and the replica's push mark (and chain
  head) moves on. Pushes take one lock, so the hub's receive sequence is also the order
  in which rows became visible.
* **Pull**: rows whose receive sequence is after the replica's cursor, in that order,
  parents' tables first; rows the chart already holds must be identical; the caller keeps
  the cursor (``on_batch`` is called inside the chart's write transaction to store it).
  An incremental pull reads only the new rows (an index on the receive sequence).

Before pushing anything, the replica must extend what it already pushed: the audit row
at the hub's chain head must still be in the chart with the same hash, and no table may
have fewer rows than the hub was told. Otherwise ``ReplicaDiverged``. See docs/hub.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from sqlite_utils import Database

from wardchart.storage import audit
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import integrity_errors
from wardchart.storage.hub.connection import connect, describe_address, hub_errors
from wardchart.storage.hub.errors import HubRecordRefused, HubTampered, ReplicaDiverged
from wardchart.storage.hub.schema import RECEIVE_LOCK, require_hub
from wardchart.storage.hub.tables import AUDIT_COLUMNS, RECORD_TABLES, HubTable

#: Rows per batch: each batch is one transaction on the hub (and in the chart, pulling).
BATCH_ROWS = 2000
_SQLITE_PARAMS = 500

Connection = psycopg.Connection[tuple[Any, ...]]
#: Called after each committed batch: (table, rows newly written by the batch).
Progress = Callable[[str, int], None]


class Hub:
    """An open connection to a hub this wardchart can use (its version checked)."""

    def __init__(self, conn: Connection, where: str, version: int) -> None:
        self.conn = conn
        self.where = where
        self.version = version

    @classmethod
    def open(cls, address: str) -> Hub:
        """Connect to the hub ``address`` names and check it (typed errors otherwise)."""
        where = describe_address(address)
        conn = connect(address)
        try:
            version = require_hub(conn, where)
        except BaseException:
            conn.close()
            raise
        return cls(conn, where, version)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass
class PushResult:
    """Rows the hub did not hold before this push, by table (``audit_rows`` included)."""

    sent: dict[str, int] = field(default_factory=dict)
    batches: int = 0

    @property
    def total(self) -> int:
        return sum(self.sent.values())


@dataclass
class PullResult:
    """Rows this chart did not hold before this pull, by table, and the cursor to keep."""

    cursor: int
    received: dict[str, int] = field(default_factory=dict)
    batches: int = 0

    @property
    def total(self) -> int:
        return sum(self.received.values())


# --- push -------------------------------------------------------------------------------


def push(
    hub: Hub,
    db: Database,
    replica: str,
    *,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
) -> PushResult:
    """Send the hub every row of the chart it lacks; the replica's audit rows are sent as
    its chain (origin ``replica``). Raise ``ReplicaDiverged`` before sending anything when
    the chart no longer extends what it sent before, ``HubTampered`` when an id holds
    other content on the hub, ``HubUnreachable`` when the connection is lost (batches
    already committed stay; push again to resume)."""
    result = PushResult()
    with hub_errors(hub.where):
        head = _chain_head(hub, replica)
        _check_extends(hub, db, replica, head)
        for table in RECORD_TABLES:
            mark = _push_mark(hub, replica, table.name)
            while True:
                rows = _local_rows(db, table, mark, batch_rows)
                if not rows:
                    break
                sent = _push_batch(hub, table, rows, replica)
                mark = int(rows[-1][0])
                _count(result.sent, table.name, sent)
                result.batches += 1
                if progress is not None:
                    progress(table.name, sent)
        while True:
            rows = _local_audit(db, head, batch_rows, hub.where)
            if not rows:
                break
            sent = _push_audit(hub, rows, replica)
            head = (int(rows[-1][0]), str(rows[-1][-1]))
            _count(result.sent, "audit_rows", sent)
            result.batches += 1
            if progress is not None:
                progress("audit_rows", sent)
    return result


def _count(counts: dict[str, int], name: str, added: int) -> None:
    counts[name] = counts.get(name, 0) + added


def _chain_head(hub: Hub, origin: str) -> tuple[int, str] | None:
    row = hub.conn.execute(
        "SELECT seq, hash FROM wardchart.chain_heads WHERE origin = %s ORDER BY seq DESC LIMIT 1",
        [origin],
    ).fetchone()
    hub.conn.rollback()
    return None if row is None else (int(row[0]), str(row[1]))


def _push_mark(hub: Hub, replica: str, table: str) -> int:
    row = hub.conn.execute(
        "SELECT coalesce(max(through_rowid), 0) FROM wardchart.push_marks"
        " WHERE replica = %s AND table_name = %s",
        [replica, table],
    ).fetchone()
    hub.conn.rollback()
    return 0 if row is None else int(row[0])


def _diverged(where: str, what: str) -> ReplicaDiverged:
    return ReplicaDiverged(
        f"this chart no longer extends the history it sent to {where} ({what}): it was "
        "restored from an old backup, cut or rewritten; nothing was sent (docs/hub.md)"
    )


def _check_extends(hub: Hub, db: Database, replica: str, head: tuple[int, str] | None) -> None:
    if head is not None:
        seq, expected = head
        found = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
        if found is None:
            raise _diverged(hub.where, f"audit row {seq} is missing here")
        if str(found[0]) != expected:
            raise _diverged(hub.where, f"audit row {seq} differs")
    for table in RECORD_TABLES:
        mark = _push_mark(hub, replica, table.name)
        (last,) = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table.name}]").fetchone()
        if int(last) < mark:
            raise _diverged(hub.where, f"{table.name} holds fewer rows than were sent")


def _local_rows(db: Database, table: HubTable, after: int, limit: int) -> list[tuple[Any, ...]]:
    columns = ", ".join(f"[{c}]" for c in table.column_names)
    return list(
        db.execute(
            f"SELECT rowid, {columns} FROM [{table.name}] WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [after, limit],
        ).fetchall()
    )


def _audit_names() -> tuple[str, ...]:
    return tuple(name for name, _kind, _not_null in AUDIT_COLUMNS)


def _local_audit(
    db: Database, head: tuple[int, str] | None, limit: int, where: str
) -> list[tuple[Any, ...]]:
    """The next audit rows after ``head``, checked to extend it as a chain."""
    names = _audit_names()
    after, previous = head if head is not None else (0, audit.GENESIS)
    rows = db.execute(
        f"SELECT {', '.join(names)} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
        [after, limit],
    ).fetchall()
    for row in rows:
        values = dict(zip(names, row, strict=True))
        if values["prev_hash"] != previous or audit.row_hash(values) != values["hash"]:
            raise _diverged(where, f"audit row {values['seq']} does not extend the chain")
        previous = str(values["hash"])
    return list(rows)


def _copy_incoming(
    hub: Hub, columns: tuple[tuple[str, str, bool], ...], rows: Sequence[Sequence[Any]]
) -> None:
    """A temporary table ``incoming`` (ord, columns...) holding ``rows``, by COPY."""
    definition = ", ".join(f"{name} {kind}" for name, kind, _not_null in columns)
    hub.conn.execute(f"CREATE TEMP TABLE incoming (ord bigint, {definition}) ON COMMIT DROP")
    names = ", ".join(name for name, _kind, _not_null in columns)
    with hub.conn.cursor().copy(f"COPY incoming (ord, {names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _first_difference(hub: Hub, target: str, key: tuple[str, ...], names: Sequence[str]) -> Any:
    join = " AND ".join(f"h.{k} = i.{k}" for k in key)
    hub_values = ", ".join(f"h.{n}" for n in names)
    new_values = ", ".join(f"i.{n}" for n in names)
    return hub.conn.execute(
        f"SELECT {', '.join('i.' + k for k in key)} FROM incoming i"
        f" JOIN wardchart.{target} h ON {join}"
        f" WHERE ({hub_values}) IS DISTINCT FROM ({new_values}) LIMIT 1"
    ).fetchone()


def _push_batch(hub: Hub, table: HubTable, rows: list[tuple[Any, ...]], replica: str) -> int:
    names = table.column_names
    with hub.conn.transaction():
        hub.conn.execute("SELECT pg_advisory_xact_lock(%s)", [RECEIVE_LOCK])
        _copy_incoming(hub, table.columns, rows)
        differs = _first_difference(hub, table.name, table.key, names)
        if differs is not None:
            raise HubTampered(
                f"{table.name} record {'/'.join(map(str, differs))} differs between this "
                f"chart and {hub.where}: corruption or tampering; nothing more was sent"
            )
        listed = ", ".join(names)
        cursor = hub.conn.execute(
            sql.SQL(
                f"INSERT INTO wardchart.{table.name} ({listed}, hub_from)"
                f" SELECT {listed}, %s FROM incoming ORDER BY ord"
                f" ON CONFLICT ({', '.join(table.key)}) DO NOTHING"
            ),
            [replica],
        )
        inserted = cursor.rowcount
        hub.conn.execute(
            "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid,"
            " hub_from) VALUES (%s, %s, %s, %s)",
            [replica, table.name, int(rows[-1][0]), replica],
        )
    return max(inserted, 0)


def _push_audit(hub: Hub, rows: list[tuple[Any, ...]], origin: str) -> int:
    names = _audit_names()
    with hub.conn.transaction():
        hub.conn.execute("SELECT pg_advisory_xact_lock(%s)", [RECEIVE_LOCK])
        columns = (("origin", "text", True), *AUDIT_COLUMNS)
        _copy_incoming(hub, columns, [(row[0], origin, *row) for row in rows])
        differs = _first_difference(hub, "audit_rows", ("origin", "seq"), names)
        if differs is not None:
            raise HubTampered(
                f"audit row {differs[1]} of this chart differs from the one on {hub.where}: "
                "corruption or tampering; nothing more was sent"
            )
        listed = ", ".join(("origin", *names))
        cursor = hub.conn.execute(
            sql.SQL(
                f"INSERT INTO wardchart.audit_rows ({listed}, hub_from)"
                f" SELECT {listed}, %s FROM incoming ORDER BY ord"
                " ON CONFLICT (origin, seq) DO NOTHING"
            ),
            [origin],
        )
        inserted = cursor.rowcount
        last = rows[-1]
        hub.conn.execute(
            "INSERT INTO wardchart.chain_heads (origin, seq, hash, hub_from)"
            " VALUES (%s, %s, %s, %s)",
            [origin, int(last[0]), str(last[-1]), origin],
        )
    return max(inserted, 0)


# --- pull -------------------------------------------------------------------------------


def pull(
    hub: Hub,
    store: ChartStore,
    *,
    after: int = 0,
    batch_rows: int = BATCH_ROWS,
    on_batch: Callable[[Database, int], None] | None = None,
    progress: Progress | None = None,
) -> PullResult:
    """Write into the chart every record row the hub received after ``after`` that the
    chart lacks; return the new cursor. ``on_batch(db, cursor)`` runs inside each
    batch's write transaction in the chart, so a cursor kept there moves with the rows.
    ``HubTampered`` when an id holds other content here; ``HubRecordRefused`` when the
    chart's own rules refuse a row; either way that batch is not written."""
    result = PullResult(after)
    while True:
        with hub_errors(hub.where):
            batch = _hub_batch(hub, result.cursor, batch_rows)
        if batch is None:
            return result
        upto, rows_by_table = batch
        added = _write_pulled(store, rows_by_table, hub.where, upto, on_batch)
        for name, count in added.items():
            _count(result.received, name, count)
            if progress is not None:
                progress(name, count)
        result.cursor = upto
        result.batches += 1


def hub_high_water(hub: Hub) -> int:
    """The highest receive sequence of a record row the hub holds (0: none)."""
    with hub_errors(hub.where):
        found = hub.conn.execute(_high_sql()).fetchone()
        hub.conn.rollback()
    return 0 if found is None or found[0] is None else int(found[0])


def _high_sql() -> str:
    parts = ", ".join(f"(SELECT max(hub_seq) FROM wardchart.{t.name})" for t in RECORD_TABLES)
    return f"SELECT greatest({parts})"


def _hub_batch(
    hub: Hub, after: int, limit: int
) -> tuple[int, dict[str, list[tuple[Any, ...]]]] | None:
    """Rows received in (after, upto], from one snapshot; None when there are none."""
    conn = hub.conn
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        found = conn.execute(_high_sql()).fetchone()
        high = 0 if found is None or found[0] is None else int(found[0])
        if high <= after:
            return None
        upto = min(high, after + limit)
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table in RECORD_TABLES:
            got = conn.execute(
                f"SELECT {', '.join(table.column_names)} FROM wardchart.{table.name}"
                " WHERE hub_seq > %s AND hub_seq <= %s ORDER BY hub_seq",
                [after, upto],
            ).fetchall()
            if got:
                rows[table.name] = list(got)
    return upto, rows


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write_pulled(
    store: ChartStore,
    rows_by_table: dict[str, list[tuple[Any, ...]]],
    where: str,
    upto: int,
    on_batch: Callable[[Database, int], None] | None,
) -> dict[str, int]:
    added: dict[str, int] = {}
    current = ("", "")
    try:
        with store.write() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")
            for table in RECORD_TABLES:
                rows = rows_by_table.get(table.name, [])
                if not rows:
                    continue
                missing = _missing_here(db, table, rows, where)
                names = table.column_names
                statement = (
                    f"INSERT INTO [{table.name}] ({', '.join(f'[{n}]' for n in names)})"
                    f" VALUES ({', '.join('?' for _ in names)})"
                )
                for row in missing:
                    current = (table.name, str(row[0]))
                    db.execute(statement, list(row))
                if missing:
                    added[table.name] = len(missing)
            if on_batch is not None:
                on_batch(db, upto)
    except integrity_errors() as error:
        what = f"{current[0]} record {current[1]}" if current[0] else "a record"
        raise HubRecordRefused(
            f"{what} from {where} was refused by this chart ({error}); nothing of the "
            "batch was written"
        ) from None
    return added


def _missing_here(
    db: Database, table: HubTable, rows: list[tuple[Any, ...]], where: str
) -> list[tuple[Any, ...]]:
    """The rows the chart lacks; refuse one it holds with other content."""
    names = table.column_names
    key = table.key[0]
    position = names.index(key)
    held: dict[str, dict[str, Any]] = {}
    for chunk in _chunks([row[position] for row in rows], _SQLITE_PARAMS):
        marks = ", ".join("?" for _ in chunk)
        for stored in audit.stored_rows(db, table.name, f"[{key}] IN ({marks})", chunk):
            held[str(stored[key])] = stored
    missing = []
    for row in rows:
        values = dict(zip(names, row, strict=True))
        mine = held.get(str(values[key]))
        if mine is None:
            missing.append(row)
        elif {n: mine.get(n) for n in names} != values:
            raise HubTampered(
                f"{table.name} record {values[key]} differs between this chart and {where}: "
                "corruption or tampering; nothing of the batch was written"
            )
    return missing
