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
from wardchart.storage.hub.tables import AUDIT_COLUMNS, AUDIT_KEY, RECORD_TABLES, HubTable

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

#: An audit row as the hub stores it: the names of ``AUDIT_COLUMNS``.
AuditRow = dict[str, Any]


@dataclass(frozen=True)
class Chain:
    """One audit chain held by the chart, as the hub stores it: ``rows(after, limit)``
    gives its rows after position ``after`` in order; ``row_hash(row)`` is the hash a row
    must have. ``file_chain`` is a chart file whose rows form one chain (before chart ids);
    with chart ids, one ``Chain`` per replica's chain the file holds."""

    replica_id: str
    rows: Callable[[int, int], list[AuditRow]]
    row_hash: Callable[[AuditRow], str]


def file_chain(db: Database, replica: str) -> Chain:
    """The chart file's audit rows as one chain named ``replica`` (its positions are the
    file's own sequence numbers)."""
    names = tuple(name for name, _kind, _not_null in AUDIT_COLUMNS)
    fields = ("seq", *names[2:])

    def rows(after: int, limit: int) -> list[AuditRow]:
        cursor = db.execute(
            f"SELECT {', '.join(fields)} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
            [after, limit],
        )
        found = []
        for values in cursor:
            row = dict(zip(fields, values, strict=True))
            found.append({"replica_id": replica, "origin_seq": row.pop("seq"), **row})
        return found

    def row_hash(row: AuditRow) -> str:
        return audit.row_hash({**row, "seq": row["origin_seq"]})

    return Chain(replica, rows, row_hash)


def local_columns(db: Database, table: HubTable) -> tuple[str, ...] | None:
    """The hub's columns of ``table`` that the chart has (None: it lacks the table; a chart
    made before chart ids lacks the columns merging added, see ``FROM_MERGING``)."""
    found = {str(row[1]) for row in db.execute(f"PRAGMA table_info([{table.name}])")}
    if not found:
        return None
    return tuple(name for name in table.column_names if name in found)


def push(
    hub: Hub,
    db: Database,
    replica: str,
    *,
    chains: Sequence[Chain] | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
) -> PushResult:
    """Send the hub every row of the chart it lacks, then the audit rows of each of the
    chart's ``chains`` (default: the file's rows as one chain named ``replica``) after
    the hub's head of that chain. Raise ``ReplicaDiverged`` before sending anything when
    the chart no longer extends what it sent before, ``HubTampered`` when an id holds
    other content on the hub, ``HubUnreachable`` when the connection is lost (batches
    already committed stay; open the hub again and push again to resume)."""
    result = PushResult()
    chains = [file_chain(db, replica)] if chains is None else list(chains)
    with hub_errors(hub.where):
        heads = {chain.replica_id: _chain_head(hub, chain.replica_id) for chain in chains}
        _check_extends(hub, db, replica, chains, heads)
        for table in RECORD_TABLES:
            names = local_columns(db, table)
            if names is None:
                continue
            mark = _push_mark(hub, replica, table.name)
            while True:
                rows = _local_rows(db, table.name, names, mark, batch_rows)
                if not rows:
                    break
                sent = _push_batch(hub, table, names, rows, replica)
                mark = int(rows[-1][0])
                _tally(result, table.name, sent, progress)
        for chain in chains:
            head = heads[chain.replica_id]
            while True:
                found = chain.rows(0 if head is None else head[0], batch_rows)
                if not found:
                    break
                _check_chain(chain, head, found, hub.where)
                sent = _push_audit(hub, found, replica)
                head = (int(found[-1]["origin_seq"]), str(found[-1]["hash"]))
                _tally(result, "audit_rows", sent, progress)
    return result


def _tally(result: PushResult, name: str, sent: int, progress: Progress | None) -> None:
    result.sent[name] = result.sent.get(name, 0) + sent
    result.batches += 1
    if progress is not None:
        progress(name, sent)


def _count(counts: dict[str, int], name: str, added: int) -> None:
    counts[name] = counts.get(name, 0) + added


def _chain_head(hub: Hub, chain: str) -> tuple[int, str] | None:
    row = hub.conn.execute(
        "SELECT origin_seq, hash FROM wardchart.chain_heads WHERE replica_id = %s"
        " ORDER BY origin_seq DESC LIMIT 1",
        [chain],
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _push_mark(hub: Hub, replica: str, table: str) -> int:
    row = hub.conn.execute(
        "SELECT coalesce(max(through_rowid), 0) FROM wardchart.push_marks"
        " WHERE replica = %s AND table_name = %s",
        [replica, table],
    ).fetchone()
    return 0 if row is None else int(row[0])


def _diverged(where: str, what: str) -> ReplicaDiverged:
    return ReplicaDiverged(
        f"this chart no longer extends the history it sent to {where} ({what}): it was "
        "restored from an old backup, cut or rewritten; nothing was sent (docs/hub.md)"
    )


def _check_extends(
    hub: Hub,
    db: Database,
    replica: str,
    chains: Sequence[Chain],
    heads: dict[str, tuple[int, str] | None],
) -> None:
    """The row at the hub's head of every chain the chart holds must be here unchanged
    (for another replica's chain, only if the chart holds that far); and no table may
    hold fewer rows than this replica said it sent."""
    for chain in chains:
        head = heads[chain.replica_id]
        if head is None:
            continue
        seq, expected = head
        found = chain.rows(seq - 1, 1)
        if not found or int(found[0]["origin_seq"]) != seq:
            if chain.replica_id == replica:
                raise _diverged(hub.where, f"audit row {seq} is missing here")
            continue
        if str(found[0]["hash"]) != expected:
            raise _diverged(hub.where, f"audit row {seq} of chain {chain.replica_id} differs")
    for table in RECORD_TABLES:
        if local_columns(db, table) is None:
            continue
        mark = _push_mark(hub, replica, table.name)
        (last,) = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table.name}]").fetchone()
        if int(last) < mark:
            raise _diverged(hub.where, f"{table.name} holds fewer rows than were sent")


def _local_rows(
    db: Database, table: str, names: tuple[str, ...], after: int, limit: int
) -> list[tuple[Any, ...]]:
    columns = ", ".join(f"[{c}]" for c in names)
    return list(
        db.execute(
            f"SELECT rowid, {columns} FROM [{table}] WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [after, limit],
        ).fetchall()
    )


def _check_chain(
    chain: Chain, head: tuple[int, str] | None, rows: list[AuditRow], where: str
) -> None:
    """The rows extend the chain from ``head``: each follows the one before, in place, and
    has the hash its content gives."""
    position, previous = head if head is not None else (0, None)
    for row in rows:
        seq = int(row["origin_seq"])
        if seq != position + 1 or (previous is not None and row["prev_hash"] != previous):
            raise _diverged(where, f"audit row {seq} does not extend the chain")
        if chain.row_hash(row) != row["hash"]:
            raise _diverged(where, f"audit row {seq} does not match its hash")
        position, previous = seq, str(row["hash"])


def _copy_incoming(
    hub: Hub, columns: Sequence[tuple[str, str, bool]], rows: Sequence[Sequence[Any]]
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


def _insert_incoming(
    hub: Hub, target: str, names: Sequence[str], key: Sequence[str], by: str
) -> int:
    listed = ", ".join(names)
    cursor = hub.conn.execute(
        sql.SQL(
            f"INSERT INTO wardchart.{target} ({listed}, hub_from)"
            f" SELECT {listed}, %s FROM incoming ORDER BY ord"
            f" ON CONFLICT ({', '.join(key)}) DO NOTHING"
        ),
        [by],
    )
    return max(cursor.rowcount, 0)


def _push_batch(
    hub: Hub, table: HubTable, names: tuple[str, ...], rows: list[tuple[Any, ...]], replica: str
) -> int:
    columns = [column for column in table.columns if column[0] in names]
    with hub.conn.transaction():
        hub.conn.execute("SELECT pg_advisory_xact_lock(%s)", [RECEIVE_LOCK])
        _copy_incoming(hub, columns, rows)
        differs = _first_difference(hub, table.name, table.key, names)
        if differs is not None:
            raise HubTampered(
                f"{table.name} record {'/'.join(map(str, differs))} differs between this "
                f"chart and {hub.where}: corruption or tampering; nothing more was sent"
            )
        inserted = _insert_incoming(hub, table.name, names, table.key, replica)
        hub.conn.execute(
            "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid,"
            " hub_from) VALUES (%s, %s, %s, %s)",
            [replica, table.name, int(rows[-1][0]), replica],
        )
    return inserted


def _push_audit(hub: Hub, rows: list[AuditRow], replica: str) -> int:
    names = tuple(name for name, _kind, _not_null in AUDIT_COLUMNS)
    with hub.conn.transaction():
        hub.conn.execute("SELECT pg_advisory_xact_lock(%s)", [RECEIVE_LOCK])
        _copy_incoming(
            hub, AUDIT_COLUMNS, [(n, *(row[name] for name in names)) for n, row in enumerate(rows)]
        )
        differs = _first_difference(hub, "audit_rows", AUDIT_KEY, names)
        if differs is not None:
            raise HubTampered(
                f"audit row {differs[1]} of chain {differs[0]} differs between this chart and "
                f"{hub.where}: corruption or tampering; nothing more was sent"
            )
        inserted = _insert_incoming(hub, "audit_rows", names, AUDIT_KEY, replica)
        last = rows[-1]
        hub.conn.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [last["replica_id"], int(last["origin_seq"]), str(last["hash"]), replica],
        )
    return inserted


def hub_chain(hub: Hub, chain: str, *, after: int = 0, limit: int = BATCH_ROWS) -> list[AuditRow]:
    """The hub's audit rows of one chain after position ``after``, in order."""
    names = tuple(name for name, _kind, _not_null in AUDIT_COLUMNS)
    with hub_errors(hub.where):
        cursor = hub.conn.execute(
            f"SELECT {', '.join(names)} FROM wardchart.audit_rows WHERE replica_id = %s"
            " AND origin_seq > %s ORDER BY origin_seq LIMIT %s",
            [chain, after, limit],
        )
        return [dict(zip(names, values, strict=True)) for values in cursor]


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
                names = _fitting(db, table, rows, where)
                missing = _missing_here(db, table, names, rows, where)
                statement = (
                    f"INSERT INTO [{table.name}] ({', '.join(f'[{n}]' for n in names)})"
                    f" VALUES ({', '.join('?' for _ in names)})"
                )
                for values in missing:
                    current = (table.name, str(values[table.key[0]]))
                    db.execute(statement, [values[n] for n in names])
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


def _fitting(
    db: Database, table: HubTable, rows: list[tuple[Any, ...]], where: str
) -> tuple[str, ...]:
    """The columns to write: the chart's; refuse rows holding values it has no place for
    (written by a newer wardchart than the one that made this chart)."""
    names = local_columns(db, table) or ()
    lacking = [i for i, name in enumerate(table.column_names) if name not in names]
    if any(row[i] is not None for row in rows for i in lacking):
        raise HubRecordRefused(
            f"{where} holds {table.name} records this chart has no place for: open it with "
            "this wardchart first (it upgrades the file); nothing of the batch was written"
        )
    return names


def _missing_here(
    db: Database, table: HubTable, names: tuple[str, ...], rows: list[tuple[Any, ...]], where: str
) -> list[dict[str, Any]]:
    """The rows (as dicts) the chart lacks; refuse one it holds with other content."""
    key = table.key[0]
    wanted = [dict(zip(table.column_names, row, strict=True)) for row in rows]
    held: dict[str, dict[str, Any]] = {}
    for chunk in _chunks([values[key] for values in wanted], _SQLITE_PARAMS):
        marks = ", ".join("?" for _ in chunk)
        for stored in audit.stored_rows(db, table.name, f"[{key}] IN ({marks})", chunk):
            held[str(stored[key])] = stored
    missing = []
    for values in wanted:
        mine = held.get(str(values[key]))
        if mine is None:
            missing.append(values)
        elif any(mine.get(n) != values[n] for n in names):
            raise HubTampered(
                f"{table.name} record {values[key]} differs between this chart and {where}: "
                "corruption or tampering; nothing of the batch was written"
            )
    return missing
