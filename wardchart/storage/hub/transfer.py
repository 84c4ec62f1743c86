"""Pushing a replica's rows to the hub and pulling the rows it lacks, in batches.

Every batch is one transaction on the hub and, for a pull, one write transaction in the
chart file: a batch lands whole or not at all, so a sync killed at any moment (the
program, the network, the server) resumes where the last whole batch left it, with no
duplicate and no loss.

* **Push**: the chart's audit rows after this replica's last push mark, in stretches,
  each together with the record versions it wrote (``_whole_write``), then any record no
  audit row wrote. One hub transaction per stretch: each table's rows are copied into a
  temporary table, every row the hub already holds under the same id must be identical
  (else ``HubTampered``: nothing of it is written), the rows the hub lacks are inserted,
  and the replica's push marks (and chain heads) move on. The hub therefore never holds an
  audit row without its version, even from a replica cut off half-way. Pushes take one
  lock, so the hub's receive sequence is also the order in which rows became visible.
* **Pull**: rows whose receive sequence is after the replica's cursor, in that order,
  parents' tables first; rows the chart already holds must be identical; the caller keeps
  the cursor (``on_batch`` is called inside the chart's write transaction to store it).
  A batch ends only where whole writes end (``_whole_writes``), so it stays bounded.
  An incremental pull reads only the new rows (an index on the receive sequence).

Before pushing anything, the replica must extend what it already pushed: the audit row
at the hub's chain head must still be in the chart with the same hash, and no table may
have fewer rows than the hub was told. Otherwise ``ReplicaDiverged``. See docs/hub.md.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from sqlite_utils import Database

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import integrity_errors
from wardchart.storage.hub.connection import connect, describe_address, hub_errors
from wardchart.storage.hub.errors import (
    HubError,
    HubRecordRefused,
    HubTampered,
    ReplicaDiverged,
)
from wardchart.storage.hub.schema import RECEIVE_LOCK, WARD_TABLE, require_hub
from wardchart.storage.hub.tables import AUDIT_COLUMNS, AUDIT_KEY, BY_NAME, RECORD_TABLES, HubTable
from wardchart.storage.merge import MERGED_TABLES, MergeRefused, merge_attached, sealed_by
from wardchart.storage.replica import LEGACY_PREFIX, Identity, identity

#: Rows per batch: each batch is one transaction on the hub (and in the chart, pulling).
BATCH_ROWS = 2000

Connection = psycopg.Connection[tuple[Any, ...]]
#: Called after each committed batch: (table, rows newly written by the batch).
Progress = Callable[[str, int], None]


class Hub:
    """An open connection to a hub this wardchart can use (its version checked)."""

    def __init__(self, conn: Connection, where: str, version: int) -> None:
        self.conn = conn
        self.where = where
        self.version = version
        #: What tells this hub from another (``sync.hub_id``), once asked: a connection
        #: kept open between syncs asks once.
        self.identity: str | None = None
        #: The ward's id (``ward_id``), once asked.
        self.ward: str | None = None

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


def ward_id(hub: Hub) -> str:
    """The ward id the hub holds (its one ``ward`` row, made by ``hub init``)."""
    if hub.ward is None:
        with hub_errors(hub.where):
            found = hub.conn.execute(f"SELECT ward_id FROM wardchart.{WARD_TABLE}").fetchone()
        if found is None:
            raise HubTampered(
                QT_TRANSLATE_NOOP(
                    "Hub",
                    "{where} holds no ward id: the hub was altered; nothing was sent or received",
                ).format(where=hub.where)
            )
        hub.ward = str(found[0])
    return hub.ward


def others_sent(hub: Hub, replica: str) -> bool:
    """Whether the hub holds any row another replica sent."""
    parts = " OR ".join(
        f"EXISTS (SELECT 1 FROM wardchart.{t.name} WHERE hub_from <> %(replica)s)" for t in _PULLED
    )
    with hub_errors(hub.where):
        found = hub.conn.execute(f"SELECT {parts}", {"replica": replica}).fetchone()
    return bool(found and found[0])


def pushed_before(hub: Hub, replicas: Sequence[str]) -> bool:
    """Whether any of these replicas has pushed to the hub before (its push marks are
    there)."""
    with hub_errors(hub.where):
        found = hub.conn.execute(
            "SELECT 1 FROM wardchart.push_marks WHERE replica = ANY(%s) LIMIT 1", [list(replicas)]
        ).fetchone()
    return found is not None


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
_AUDIT_NAMES = tuple(name for name, _kind, _not_null in AUDIT_COLUMNS)
#: The push mark of the chart's audit rows (by the file's own sequence).
AUDIT_MARK = "audit_log"


def local_columns(db: Database, table: HubTable) -> tuple[str, ...] | None:
    """The hub's columns of ``table`` that the chart has (None: it lacks the table; a chart
    made before chart ids lacks the columns merging added, see ``FROM_MERGING``)."""
    found = {str(row[1]) for row in db.execute(f"PRAGMA table_info([{table.name}])")}
    if not found:
        return None
    return tuple(name for name in table.column_names if name in found)


def legacy_chain(db: Database, replica: str) -> str:
    """The chain id of the file's own audit rows written before it had a chart id."""
    mine = identity(db)
    return mine.legacy_chain if mine is not None else f"{LEGACY_PREFIX}{replica}"


@dataclass(frozen=True)
class _Snapshot:
    """How far a push goes: every record row up to these rowids, and the audit rows up to
    ``audit`` (read after the records, so every record's audit row is within it)."""

    rowids: dict[str, int]
    audit: int


def _local_tables(db: Database) -> dict[str, tuple[str, ...] | None]:
    """``local_columns`` of every record table (asked once per push)."""
    return {t.name: local_columns(db, t) for t in RECORD_TABLES}


def _snapshot(db: Database, named: dict[str, tuple[str, ...] | None]) -> _Snapshot:
    rowids = {}
    for table in RECORD_TABLES:
        if named[table.name] is not None:
            (last,) = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table.name}]").fetchone()
            rowids[table.name] = int(last)
    (audit_last,) = db.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
    return _Snapshot(rowids, int(audit_last))


def push(
    hub: Hub,
    db: Database,
    replica: str,
    *,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
) -> PushResult:
    """Send the hub every audit row of every chain the chart holds after the hub's head of
    that chain, and every record row it lacks, in *whole writes*: each hub transaction
    holds a stretch of the chart's audit rows (about ``batch_rows``) together with the
    record versions they wrote, so the hub never holds an audit row without its version,
    even when this replica is cut off half-way, and pulls from it come in bounded steps.
    Records that no audit row wrote follow last. ``replica`` is the chart's id. Raise
    ``ReplicaDiverged`` before sending anything when the chart no longer extends what it
    sent before, ``HubTampered`` when an id holds other content on the hub,
    ``HubUnreachable`` when the connection is lost (batches already committed stay; open
    the hub again and push again to resume)."""
    result = PushResult()
    legacy = legacy_chain(db, replica)
    with hub_errors(hub.where):
        heads = chain_heads(hub)
        marks = push_marks(hub, replica)
        named = _local_tables(db)
        snapshot = _snapshot(db, named)
        check_extends(hub, db, replica, legacy=legacy, heads=heads, marks=marks, named=named)
        tables = [(t, names) for t in RECORD_TABLES if (names := named[t.name]) is not None]
        done = {t.name: marks.get(t.name, 0) for t, _names in tables}
        audit_mark = marks.get(AUDIT_MARK, 0)
        while audit_mark < snapshot.audit:
            through, ends = _whole_write(db, audit_mark, done, snapshot, batch_rows)
            found = _local_audit(db, legacy, audit_mark, through, None)
            records = []
            for table, names in tables:
                if ends[table.name] > done[table.name]:
                    rows = _local_rows(
                        db, table.name, names, after=done[table.name], upto=ends[table.name]
                    )
                    records.append((table, names, rows, ends[table.name]))
            sending = _extending(found, heads, hub.where)
            sent = _push_unit(hub, replica, (sending, through), records)
            audit_mark = through
            done.update(ends)
            _tally(result, sent, progress)
        for table, names in tables:  # what no audit row wrote
            while done[table.name] < snapshot.rowids[table.name]:
                rows = _local_rows(
                    db,
                    table.name,
                    names,
                    after=done[table.name],
                    upto=snapshot.rowids[table.name],
                    limit=batch_rows,
                )
                if not rows:
                    break
                done[table.name] = int(rows[-1][0])
                sent = _push_unit(hub, replica, None, [(table, names, rows, done[table.name])])
                _tally(result, sent, progress)
    return result


def _whole_write(
    db: Database, audit_mark: int, done: dict[str, int], snapshot: _Snapshot, batch_rows: int
) -> tuple[int, dict[str, int]]:
    """Where the next whole write ends: the audit rows after ``audit_mark`` through the
    first returned, and each table's rows after ``done`` through ``ends``. It starts from
    ``batch_rows`` audit rows and grows until every audit row in it that wrote a version
    has that version in it (the n-th such audit row of a record goes with the record's
    n-th version), and every version in it has its audit row in it. Rows are counted here
    as they are read, starting from as many versions as audit rows that wrote one (in a
    file written one transaction at a time, that is the answer), and only a record whose
    counts differ is looked up."""
    sealed = {
        name: (column, actions)
        for name, (column, actions) in sealed_by().items()
        if name in done and name in BY_NAME
    }
    audits: dict[str, Counter[str]] = {name: Counter() for name in sealed}
    versions: dict[str, Counter[str]] = {name: Counter() for name in sealed}

    def take_audit(after: int, upto: int) -> None:
        for entity, action, record in db.execute(
            "SELECT entity, action, record_id FROM audit_log WHERE seq > ? AND seq <= ?"
            " AND record_id IS NOT NULL",
            [after, upto],
        ):
            found = sealed.get(entity)
            if found is not None and action in found[1]:
                audits[entity][record] += 1

    def take_versions(name: str, after: int, upto: int) -> None:
        column = sealed[name][0]
        for (record,) in db.execute(
            f"SELECT [{column}] FROM [{name}] WHERE rowid > ? AND rowid <= ?", [after, upto]
        ):
            versions[name][record] += 1

    through = min(audit_mark + batch_rows, snapshot.audit)
    ends = dict(done)
    take_audit(audit_mark, through)
    for name, counted in audits.items():  # first guess: as many rows as audit rows wrote
        wrote = sum(counted.values())
        if wrote and done[name] < snapshot.rowids[name]:
            found = db.execute(
                f"SELECT rowid FROM [{name}] WHERE rowid > ? AND rowid <= ? ORDER BY rowid"
                " LIMIT 1 OFFSET ?",
                [done[name], snapshot.rowids[name], wrote - 1],
            ).fetchone()
            ends[name] = snapshot.rowids[name] if found is None else int(found[0])
            take_versions(name, done[name], ends[name])
    moved = True
    while moved:
        moved = False
        for name, (column, actions) in sealed.items():
            short = {r: n for r, n in audits[name].items() if n > versions[name][r]}
            if short and ends[name] < snapshot.rowids[name]:
                end = _nth_version(
                    db, name, column, short, after=done[name], upto=snapshot.rowids[name]
                )
                if end > ends[name]:
                    take_versions(name, ends[name], end)
                    ends[name], moved = end, True
            ahead = {r: n for r, n in versions[name].items() if n > audits[name][r]}
            if ahead and through < snapshot.audit:
                end = _nth_audit(db, name, actions, ahead, after=audit_mark, upto=snapshot.audit)
                if end > through:
                    take_audit(through, end)
                    through, moved = end, True
    return through, ends


def _nth_version(
    db: Database, name: str, column: str, wanted: dict[str, int], *, after: int, upto: int
) -> int:
    """The last rowid among, for each record in ``wanted``, its n-th version after
    ``after`` (n: its value there), through ``upto``; ``after`` when there is none."""
    found = after
    for at, record, k in db.execute(
        f"SELECT rowid, [{column}], row_number() OVER (PARTITION BY [{column}] ORDER BY rowid)"
        f" FROM [{name}] WHERE [{column}] IN (SELECT value FROM json_each(?))"
        " AND rowid > ? AND rowid <= ?",
        [json.dumps(list(wanted)), after, upto],
    ):
        if wanted[record] == k:
            found = max(found, int(at))
    return found


def _nth_audit(
    db: Database,
    name: str,
    actions: tuple[str, ...],
    wanted: dict[str, int],
    *,
    after: int,
    upto: int,
) -> int:
    """The last seq among, for each record in ``wanted``, the n-th audit row after
    ``after`` that wrote one of its versions, through ``upto``; ``after`` when none."""
    found = after
    listed = ", ".join("?" for _ in actions)
    for seq, record, k in db.execute(
        "SELECT seq, record_id, row_number() OVER (PARTITION BY record_id ORDER BY seq)"
        " FROM audit_log WHERE record_id IN (SELECT value FROM json_each(?))"
        f" AND entity = ? AND action IN ({listed}) AND +seq > ? AND +seq <= ?",
        [json.dumps(list(wanted)), name, *actions, after, upto],
    ):
        if wanted[record] == k:
            found = max(found, int(seq))
    return found


def _tally(result: PushResult, sent: dict[str, int], progress: Progress | None) -> None:
    """Count one committed hub transaction: ``progress`` hears each table it held."""
    result.batches += 1
    for name, count in sent.items():
        result.sent[name] = result.sent.get(name, 0) + count
        if progress is not None:
            progress(name, count)


def _count(counts: dict[str, int], name: str, added: int) -> None:
    counts[name] = counts.get(name, 0) + added


#: The newest row of each chain in ``chain_heads``, found through its primary key (chain,
#: place) one chain at a time: the table gains a row per chain at every push, so a scan of
#: it would grow with the ward's whole history.
_CHAIN_HEADS_SQL = """
WITH RECURSIVE chains (chain) AS (
    SELECT min(replica_id) FROM wardchart.chain_heads
    UNION ALL
    SELECT (SELECT min(replica_id) FROM wardchart.chain_heads WHERE replica_id > chain)
    FROM chains WHERE chain IS NOT NULL
)
SELECT c.chain, h.origin_seq, h.hash FROM chains c
CROSS JOIN LATERAL (
    SELECT origin_seq, hash FROM wardchart.chain_heads
    WHERE replica_id = c.chain ORDER BY origin_seq DESC LIMIT 1
) h
"""
#: Each push mark of one replica, by its primary key (replica, table, mark): one lookup
#: per table, however many marks its pushes have left.
_PUSH_MARKS_SQL = (
    "SELECT t.name, (SELECT max(m.through_rowid) FROM wardchart.push_marks m"
    " WHERE m.replica = %s AND m.table_name = t.name) FROM unnest(%s::text[]) AS t(name)"
)


def chain_heads(hub: Hub) -> dict[str, tuple[int, str]]:
    """The hub's head of every audit chain it holds: (position, hash)."""
    rows = hub.conn.execute(_CHAIN_HEADS_SQL).fetchall()
    return {str(chain): (int(seq), str(hash_)) for chain, seq, hash_ in rows}


def push_marks(hub: Hub, replica: str) -> dict[str, int]:
    """How far this replica has sent each table (by the file's rowid; ``audit_log`` by
    its sequence)."""
    names = [AUDIT_MARK, *(t.name for t in RECORD_TABLES)]
    rows = hub.conn.execute(_PUSH_MARKS_SQL, [replica, names]).fetchall()
    return {str(name): int(mark) for name, mark in rows if mark is not None}


def _diverged(where: str, what: str) -> ReplicaDiverged:
    """``what``: a marked phrase, translated within the sentence where it is shown."""
    return ReplicaDiverged(
        QT_TRANSLATE_NOOP(
            "Hub",
            "this chart no longer extends the history it sent to {hub} ({problem}): it was "
            "restored from an old backup, cut or rewritten; nothing was sent; keep this "
            "file aside and make a new replica for this computer: wardchart --db NEW.sqlite "
            "sync --hub URL (docs/hub.md)",
        ).format(hub=where, problem=what)
    )


def _copied(where: str, replica: str) -> ReplicaDiverged:
    return ReplicaDiverged(
        QT_TRANSLATE_NOOP(
            "Hub",
            "this chart file is a copy of another computer's replica (both charted as replica "
            "{chart}; or a backup charted on after it was restored): its history and the one "
            "{hub} holds part ways; nothing was sent; keep this file aside and make a new "
            "replica for this computer: wardchart --db NEW.sqlite sync --hub URL (docs/hub.md)",
        ).format(chart=replica[:8], hub=where)
    )


def _forked(hub: Hub, db: Database, replica: str, legacy: str, hub_head: int) -> bool:
    """Whether the chart's own chain and the hub's record of it part ways: each holds rows
    the other lacks after a common point (two computers charting on copies of one replica
    file), rather than the chart's chain being the start of the hub's (a restored backup).
    Hashes chain every row to the one before, so the rows at the last place both hold
    tell."""
    (last,) = db.execute(
        "SELECT coalesce(max(origin_seq), 0) FROM audit_log WHERE replica_id = ?", [replica]
    ).fetchone()
    place = min(int(last), hub_head)
    if place == 0:
        return False
    here = _held_row(db, replica, legacy, place)
    there = hub.conn.execute(
        "SELECT hash FROM wardchart.audit_rows WHERE replica_id = %s AND origin_seq = %s",
        [replica, place],
    ).fetchone()
    return here is not None and there is not None and here[0] != str(there[0])


#: Audit rows a restore and the backups around it write: a file restored from an old
#: backup, with only these after the place it parts from the hub's record of it, was
#: restored, not copied and charted on.
_RESTORE_ACTIONS = ("restore", "backup")


def _only_restored(hub: Hub, db: Database, replica: str, legacy: str, hub_head: int) -> bool:
    """Whether the chart's own rows after the first place its chain parts from the hub's
    record of it are only a restore's bookkeeping (found by halving: once two chains part,
    every later row differs, since each hash covers the one before)."""
    (last,) = db.execute(
        "SELECT coalesce(max(origin_seq), 0) FROM audit_log WHERE replica_id = ?", [replica]
    ).fetchone()
    low, high = 0, min(int(last), hub_head)  # rows up to low agree; the row at high differs
    while high - low > 1:
        middle = (low + high) // 2
        here = _held_row(db, replica, legacy, middle)
        there = hub.conn.execute(
            "SELECT hash FROM wardchart.audit_rows WHERE replica_id = %s AND origin_seq = %s",
            [replica, middle],
        ).fetchone()
        if here is not None and there is not None and here[0] == str(there[0]):
            low = middle
        else:
            high = middle
    (charted,) = db.execute(
        "SELECT count(*) FROM audit_log WHERE replica_id = ? AND origin_seq >= ?"
        f" AND action NOT IN ({', '.join('?' for _ in _RESTORE_ACTIONS)})",
        [replica, high, *_RESTORE_ACTIONS],
    ).fetchone()
    return int(charted) == 0


def _held_row(db: Database, chain: str, legacy: str, position: int) -> tuple[str] | None:
    """The hash of the row at ``position`` of ``chain`` in the chart (None: not held)."""
    if chain == legacy:
        found = db.execute(
            "SELECT hash FROM audit_log WHERE (replica_id IS NULL AND seq = ?)"
            " OR (replica_id = ? AND origin_seq = ?)",
            [position, chain, position],
        ).fetchone()
    else:
        found = db.execute(
            "SELECT hash FROM audit_log WHERE replica_id = ? AND origin_seq = ?",
            [chain, position],
        ).fetchone()
    return None if found is None else (str(found[0]),)


def check_extends(
    hub: Hub,
    db: Database,
    replica: str,
    *,
    legacy: str | None = None,
    heads: dict[str, tuple[int, str]] | None = None,
    marks: dict[str, int] | None = None,
    named: dict[str, tuple[str, ...] | None] | None = None,
) -> None:
    """The hub anchors the chart's history: the row at the hub's head of the chart's own
    chain must be here unchanged, and so must the head of any other chain the chart holds
    that far; no table may hold fewer rows than this replica said it sent. Else
    ``ReplicaDiverged``."""
    legacy = legacy_chain(db, replica) if legacy is None else legacy
    heads = chain_heads(hub) if heads is None else heads
    marks = push_marks(hub, replica) if marks is None else marks
    named = _local_tables(db) if named is None else named
    for chain, (seq, expected) in heads.items():
        held = _held_row(db, chain, legacy, seq)
        if (
            chain == replica
            and (held is None or held[0] != expected)
            and _forked(hub, db, replica, legacy, seq)
        ):
            if _only_restored(hub, db, replica, legacy, seq):
                raise _diverged(
                    hub.where,
                    QT_TRANSLATE_NOOP("Hub", "nothing was charted on it since it was restored"),
                )
            raise _copied(hub.where, replica)
        if held is None:
            if chain == replica:
                raise _diverged(
                    hub.where,
                    QT_TRANSLATE_NOOP(
                        "Hub", "its own audit row {row} is missing here; {sender}"
                    ).format(row=seq, sender=_sent_by(hub, "audit_rows", replica, seq)),
                )
            continue
        if held[0] != expected:
            raise _diverged(
                hub.where,
                QT_TRANSLATE_NOOP("Hub", "audit row {row} of chart {chart} differs").format(
                    row=seq, chart=chain[:8]
                ),
            )
    (last,) = db.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
    if int(last) < marks.get(AUDIT_MARK, 0):
        raise _diverged(
            hub.where, QT_TRANSLATE_NOOP("Hub", "it holds fewer audit rows than it sent")
        )
    for table in RECORD_TABLES:
        if named[table.name] is None:
            continue
        mark = marks.get(table.name, 0)
        (last,) = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table.name}]").fetchone()
        if int(last) < mark:
            raise _diverged(
                hub.where,
                QT_TRANSLATE_NOOP(
                    "Hub", "{table} holds fewer rows than were sent; {sender}"
                ).format(table=table.name, sender=_sent_by(hub, table.name, replica, mark)),
            )
        if mark > 0:
            key = db.execute(
                f"SELECT {', '.join(f'[{k}]' for k in table.key)} FROM [{table.name}]"
                " WHERE rowid = ?",
                [mark],
            ).fetchone()
            _must_hold(hub, table.name, table.key, tuple(key or ()))
    audit_mark = marks.get(AUDIT_MARK, 0)
    if audit_mark > 0:
        key = db.execute(
            "SELECT coalesce(replica_id, ?), coalesce(origin_seq, seq) FROM audit_log"
            " WHERE seq = ?",
            [legacy, audit_mark],
        ).fetchone()
        _must_hold(hub, "audit_rows", AUDIT_KEY, tuple(key or ()))


def _sent_by(hub: Hub, table: str, replica: str, place: int) -> str:
    """Who sent the hub's row this chart lacks (an audit row of its chain, or the push
    mark past its rows), in words: the replica and the role it came from, so IT can tell
    a restored file from rows or marks another computer's credential wrote."""
    query = (
        "SELECT hub_from, hub_received_by FROM wardchart.audit_rows"
        " WHERE replica_id = %s AND origin_seq = %s"
        if table == "audit_rows"
        else "SELECT hub_from, hub_received_by FROM wardchart.push_marks"
        " WHERE replica = %s AND table_name = %s AND through_rowid = %s"
    )
    values: list[Any] = [replica, place] if table == "audit_rows" else [replica, table, place]
    try:
        with hub.conn.transaction():
            row = hub.conn.execute(query, values).fetchone()
    except psycopg.Error:
        row = None
    if row is None:
        return QT_TRANSLATE_NOOP("Hub", "who sent it is not known")
    return QT_TRANSLATE_NOOP(
        "Hub", "the hub received it from replica {sender}, role {role}"
    ).format(sender=str(row[0])[:8], role=row[1])


def _must_hold(hub: Hub, table: str, key: tuple[str, ...], values: tuple[Any, ...]) -> None:
    """Every row of the chart up to its push mark is on the hub (the mark is written in
    the transaction that sent them), so the row at the mark must be there. A mark with no
    row behind it was written by hand, and would make this replica skip rows it never
    sent while saying it is in step: refuse, naming it."""
    where = " AND ".join(f"{name} = %s" for name in key)
    held = (
        len(values) == len(key)
        and hub.conn.execute(
            f"SELECT 1 FROM wardchart.{table} WHERE {where}", list(values)
        ).fetchone()
    )
    if not held:
        raise HubTampered(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} says it holds this chart's {table} through row {row}, but lacks "
                "that row: the hub was altered (a push mark written by hand); nothing was sent",
            ).format(where=hub.where, table=table, row="/".join(map(str, values)) or "?")
        )


def _local_rows(
    db: Database, table: str, names: tuple[str, ...], *, after: int, upto: int, limit: int = -1
) -> list[tuple[Any, ...]]:
    columns = ", ".join(f"[{c}]" for c in names)
    return list(
        db.execute(
            f"SELECT rowid, {columns} FROM [{table}] WHERE rowid > ? AND rowid <= ?"
            " ORDER BY rowid LIMIT ?",
            [after, upto, limit],
        ).fetchall()
    )


def _local_audit(
    db: Database, legacy: str, after: int, upto: int, limit: int | None
) -> list[AuditRow]:
    """The chart's audit rows after ``after`` (its own sequence) in its order, each as the
    hub stores it (its chain and place; the file's own rows from before chart ids are in
    its legacy chain) with ``seq``."""
    fields = ("seq", *_AUDIT_NAMES[2:], "replica_id", "origin_seq")
    cursor = db.execute(
        f"SELECT {', '.join(fields)} FROM audit_log WHERE seq > ? AND seq <= ?"
        " ORDER BY seq LIMIT ?",
        [after, upto, -1 if limit is None else limit],
    )
    found = []
    for values in cursor:
        row = dict(zip(fields, values, strict=True))
        if row["replica_id"] is None:
            row["replica_id"], row["origin_seq"] = legacy, row["seq"]
        found.append(row)
    return found


def _extending(
    rows: list[AuditRow], heads: dict[str, tuple[int, str]], where: str
) -> list[AuditRow]:
    """The rows the hub lacks, each checked to extend its chain's head there, in place and
    by hash; ``heads`` moves on with them."""
    sending = []
    for row in rows:
        chain, seq = str(row["replica_id"]), int(row["origin_seq"])
        position, previous = heads.get(chain, (0, ""))
        if seq <= position:
            continue
        if seq != position + 1 or (position > 0 and row["prev_hash"] != previous):
            raise _diverged(
                where,
                QT_TRANSLATE_NOOP(
                    "Hub", "audit row {row} of chart {chart} does not extend it"
                ).format(row=seq, chart=chain[:8]),
            )
        if audit.chain_hash(row, chain, seq) != row["hash"]:
            raise _diverged(
                where,
                QT_TRANSLATE_NOOP(
                    "Hub", "audit row {row} of chart {chart} does not match its hash"
                ).format(row=seq, chart=chain[:8]),
            )
        heads[chain] = (seq, str(row["hash"]))
        sending.append(row)
    return sending


def _copy_incoming(
    hub: Hub, columns: Sequence[tuple[str, str, bool]], rows: Sequence[Sequence[Any]]
) -> None:
    """A temporary table ``incoming`` (ord, columns...) holding ``rows``, by COPY (dropped
    again by ``_insert_incoming``, so one transaction may hold several)."""
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
    hub.conn.execute("DROP TABLE incoming")
    return max(cursor.rowcount, 0)


def _mark(hub: Hub, replica: str, name: str, through: int) -> None:
    hub.conn.execute(
        "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid,"
        " hub_from) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
        [replica, name, through, replica],
    )


#: Record rows of one table in a whole write: (table, columns, rows with rowid first, the
#: push mark after them).
_Records = tuple[HubTable, tuple[str, ...], list[tuple[Any, ...]], int]


def _push_unit(
    hub: Hub,
    replica: str,
    audit_part: tuple[list[AuditRow], int] | None,
    records: list[_Records],
) -> dict[str, int]:
    """One hub transaction: the audit rows (those the hub lacks, and the push mark of the
    chart's audit rows), then the record rows, parents' tables first, and their marks.
    Every row the hub already holds under the same id must be identical (else
    ``HubTampered``, and nothing of it is written). The receive lock is taken only before
    the first row the hub lacks: a write of rows it holds already (those this replica
    pulled, sent back) only moves the marks, and never waits for another replica's push.
    The rows newly held, by table."""
    sent: dict[str, int] = {}
    with hub.conn.transaction():
        locked = _Lock(hub)
        if audit_part is not None:
            audit_rows, audit_through = audit_part
            if audit_rows:
                locked.take()
                sent["audit_rows"] = _push_audit_rows(hub, audit_rows, replica)
            _mark(hub, replica, AUDIT_MARK, audit_through)
        for table, names, rows, through in records:
            if rows:
                sent[table.name] = _push_records(hub, table, names, rows, replica, lock=locked)
            _mark(hub, replica, table.name, through)
    return sent


class _Lock:
    """The receive lock of one hub transaction, taken once, when first needed."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.held = False

    def take(self) -> None:
        if not self.held:
            self.hub.conn.execute("SELECT pg_advisory_xact_lock(%s)", [RECEIVE_LOCK])
            self.held = True


def _push_records(
    hub: Hub,
    table: HubTable,
    names: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    replica: str,
    *,
    lock: _Lock,
) -> int:
    columns = [column for column in table.columns if column[0] in names]
    _copy_incoming(hub, columns, rows)
    join = " AND ".join(f"h.{k} = i.{k}" for k in table.key)
    hub_values = ", ".join(f"h.{n}" for n in names)
    new_values = ", ".join(f"i.{n}" for n in names)
    lacking, differs = hub.conn.execute(  # one pass: rows the hub lacks, and the first that differs
        f"SELECT count(*) FILTER (WHERE h.{table.key[0]} IS NULL), min(i.ord) FILTER"
        f" (WHERE h.{table.key[0]} IS NOT NULL AND ({hub_values}) IS DISTINCT FROM"
        f" ({new_values})) FROM incoming i LEFT JOIN wardchart.{table.name} h ON {join}"
    ).fetchone() or (1, None)
    if differs is not None:
        key = hub.conn.execute(
            f"SELECT {', '.join(table.key)} FROM incoming WHERE ord = %s", [differs]
        ).fetchone()
        raise HubTampered(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{table} record {record} differs between this chart and {where}: "
                "corruption or tampering; nothing more was sent",
            ).format(table=table.name, record="/".join(map(str, key or ())), where=hub.where)
        )
    if not lacking:
        hub.conn.execute("DROP TABLE incoming")
        return 0
    lock.take()
    return _insert_incoming(hub, table.name, names, table.key, replica)


def _push_audit_rows(hub: Hub, rows: list[AuditRow], replica: str) -> int:
    _copy_incoming(
        hub,
        AUDIT_COLUMNS,
        [(n, *(row[name] for name in _AUDIT_NAMES)) for n, row in enumerate(rows)],
    )
    differs = _first_difference(hub, "audit_rows", AUDIT_KEY, _AUDIT_NAMES)
    if differs is not None:
        raise HubTampered(
            QT_TRANSLATE_NOOP(
                "Hub",
                "audit row {row} of chart {chart} differs between this chart "
                "and {where}: corruption or tampering; nothing more was sent",
            ).format(row=differs[1], chart=str(differs[0])[:8], where=hub.where)
        )
    inserted = _insert_incoming(hub, "audit_rows", _AUDIT_NAMES, AUDIT_KEY, replica)
    last: dict[str, AuditRow] = {}
    for row in rows:
        last[str(row["replica_id"])] = row
    for chain, row in last.items():
        hub.conn.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [chain, int(row["origin_seq"]), str(row["hash"]), replica],
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

#: The audit rows' table on the hub, pulled with the record tables (their key and columns).
AUDIT_TABLE = HubTable("audit_rows", AUDIT_COLUMNS, AUDIT_KEY)
_PULLED = (*RECORD_TABLES, AUDIT_TABLE)


def pull(
    hub: Hub,
    store: ChartStore,
    *,
    after: int = 0,
    batch_rows: int = BATCH_ROWS,
    on_batch: Callable[[Database, int], None] | None = None,
    progress: Progress | None = None,
    on_first: Callable[[], None] | None = None,
) -> PullResult:
    """Bring into the chart every row the hub received after ``after`` that the chart
    lacks — records and every replica's audit rows — batch by batch through the same core
    as merging (``merge.merge_attached``); return the new cursor. ``on_batch(db, cursor)``
    runs inside each batch's write transaction in the chart, so a cursor kept there moves
    with the rows. ``HubTampered`` when an id holds other content here; ``HubRecordRefused``
    when the chart's rules refuse a row; either way that batch is not written.
    ``on_first()`` runs once, before the first batch holding rows from other replicas is
    written."""
    result = PullResult(after)
    mine = identity(store.db)
    if mine is None:
        raise HubRecordRefused(
            QT_TRANSLATE_NOOP("Hub", "chart file {path} has no chart id; open it again").format(
                path=store.path
            )
        )
    staged = False
    try:
        while True:
            with hub_errors(hub.where):
                batch = _hub_batch(hub, result.cursor, batch_rows, mine.id)
            if batch is None:
                return result
            upto, rows_by_table, more = batch
            if rows_by_table and not staged:
                if on_first is not None:
                    on_first()
                _attach_staging(store)
                staged = True
            added = _write_pulled(store, mine, rows_by_table, hub, upto=upto, on_batch=on_batch)
            for name, count in added.items():
                _count(result.received, name, count)
                if progress is not None:
                    progress(name, count)
            result.cursor = upto
            result.batches += 1
            if not more:  # it held everything the hub had: no need to ask again
                return result
    except BaseException:
        if staged:  # the first error is the one to tell
            staged = False
            with contextlib.suppress(sqlite3.Error):
                store.conn.execute("DETACH DATABASE other")
        raise
    finally:
        if staged:
            store.conn.execute("DETACH DATABASE other")


def hub_high_water(hub: Hub) -> int:
    """The highest receive sequence of a row the hub holds (0: none)."""
    with hub_errors(hub.where):
        found = hub.conn.execute(_high_sql()).fetchone()
    return 0 if found is None or found[0] is None else int(found[0])


def _high_sql() -> str:
    parts = ", ".join(f"(SELECT max(hub_seq) FROM wardchart.{t.name})" for t in _PULLED)
    return f"SELECT greatest({parts})"


def _hub_batch(
    hub: Hub, after: int, limit: int, replica: str
) -> tuple[int, dict[str, list[tuple[Any, ...]]], bool] | None:
    """Rows received in (after, upto], from one snapshot, except those ``replica`` sent
    itself (it holds them: the hub refuses a replica that no longer extends what it
    sent), and whether the hub held more then; None when there are none."""
    conn = hub.conn
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        found = conn.execute(_high_sql()).fetchone()
        high = 0 if found is None or found[0] is None else int(found[0])
        if high <= after:
            return None
        upto = _whole_writes(conn, after, min(high, after + limit), replica)
        if upto <= after:
            return None  # a push in progress (or cut off): its versions are not here yet
        rows: dict[str, list[tuple[Any, ...]]] = {}
        holding = " UNION ALL ".join(
            f"SELECT {n} WHERE EXISTS (SELECT 1 FROM wardchart.{t.name} WHERE hub_seq > %(after)s"
            " AND hub_seq <= %(upto)s AND hub_from <> %(replica)s)"
            for n, t in enumerate(_PULLED)
        )
        found_in = {
            int(r[0])
            for r in conn.execute(holding, {"after": after, "upto": upto, "replica": replica})
        }
        if not found_in:  # only rows this replica sent: move on to the next row of another
            upto = _before_others(conn, upto, high, replica)
        for table in (t for n, t in enumerate(_PULLED) if n in found_in):
            got = conn.execute(
                f"SELECT {', '.join(table.column_names)} FROM wardchart.{table.name}"
                " WHERE hub_seq > %s AND hub_seq <= %s AND hub_from <> %s ORDER BY hub_seq",
                [after, upto, replica],
            ).fetchall()
            if got:
                rows[table.name] = list(got)
    return upto, rows, upto < high


def _before_others(conn: Any, upto: int, high: int, replica: str) -> int:
    """The receive number just before the first row after ``upto`` that another replica
    sent (``high`` when there is none): every row up to it is this replica's own, which it
    holds, so a pull passes them in one step (a first sync of a big file sent thousands)."""
    firsts = ", ".join(
        f"(SELECT min(hub_seq) FROM wardchart.{t.name} WHERE hub_seq > %(upto)s"
        " AND hub_from <> %(replica)s)"
        for t in _PULLED
    )
    found = conn.execute(f"SELECT least({firsts})", {"upto": upto, "replica": replica}).fetchone()
    if found is None or found[0] is None:
        return high
    return max(upto, min(high, int(found[0]) - 1))


def _pairs_sql() -> str:
    """For the audit rows received in (after, upto] from other replicas that wrote a
    version: the latest receive number of the versions they go with, and the first of them
    whose version is not received by ``upto``. The n-th such audit row of a record in that
    range goes with the record's n-th version received in it from other replicas (a count,
    as the chart's own check counts: never fewer versions than audit rows)."""
    parts = []
    for table, (column, actions) in sealed_by().items():
        if table not in BY_NAME:
            continue
        listed = ", ".join(f"'{a}'" for a in actions)
        parts.append(
            "SELECT a.hub_seq AS audit_seq, (SELECT r.hub_seq FROM"
            f" wardchart.{table} r WHERE r.{column} = a.record_id"
            " AND r.hub_seq > %(after)s AND r.hub_from <> %(replica)s"
            " ORDER BY r.hub_seq OFFSET a.n - 1 LIMIT 1) AS version_seq"
            " FROM (SELECT hub_seq, record_id,"
            " row_number() OVER (PARTITION BY record_id ORDER BY hub_seq) AS n"
            " FROM wardchart.audit_rows WHERE hub_seq > %(after)s AND hub_seq <= %(upto)s"
            f" AND hub_from <> %(replica)s AND entity = '{table}' AND action IN ({listed})"
            " AND record_id IS NOT NULL) a"
        )
    return (
        "SELECT max(version_seq), min(audit_seq) FILTER (WHERE version_seq IS NULL"
        f" OR version_seq > %(upto)s) FROM ({' UNION ALL '.join(parts)}) found"
    )


_PAIRS = _pairs_sql()


def _whole_writes(conn: Any, after: int, upto: int, replica: str) -> int:
    """Where a pulled batch may end: never between an audit row and the version it wrote.
    The batch grows to take in the versions its audit rows wrote; then it ends before the
    first audit row whose version it does not hold — one the hub does not hold yet, or one
    received after such a cut. A replica sends its audit rows with their versions in one
    transaction, so the batch grows at most to the end of one such write; the cut is for
    rows sent by older wardcharts, which sent audit rows and records apart (a push in
    progress or cut off: it waits for that replica's next sync). Otherwise a sync cut off
    between two batches would leave a chart holding audit rows of versions it lacks: it
    would fail its own check."""

    def ask(end: int) -> tuple[int | None, int | None]:
        found = conn.execute(_PAIRS, {"after": after, "upto": end, "replica": replica}).fetchone()
        if found is None:
            return None, None
        return (
            None if found[0] is None else int(found[0]),
            None if found[1] is None else int(found[1]),
        )

    end = upto
    while (later := ask(end)[0]) is not None and later > end:
        end = later
    while end > after and (waiting := ask(end)[1]) is not None:
        end = waiting - 1
    return end


def _attach_staging(store: ChartStore) -> None:
    """An empty in-memory database ``other`` with the chart's merged tables: each pulled
    batch is put there, then merged in like another chart file."""
    if store.passphrase is None:
        store.conn.execute("ATTACH DATABASE ':memory:' AS other")
    else:
        store.conn.execute("ATTACH DATABASE ':memory:' AS other KEY ''")
    for name in (*MERGED_TABLES, "audit_log"):
        store.conn.execute(f"CREATE TABLE other.[{name}] AS SELECT * FROM main.[{name}] WHERE 0")


def _stage(db: Database, rows_by_table: dict[str, list[tuple[Any, ...]]], where: str) -> None:
    for name in (*MERGED_TABLES, "audit_log"):
        db.execute(f"DELETE FROM other.[{name}]")
    for table in RECORD_TABLES:
        rows = rows_by_table.get(table.name, [])
        if not rows:
            continue
        names = _fitting(db, table, rows, where)
        wanted = [table.column_names.index(n) for n in names]
        db.conn.executemany(
            f"INSERT INTO other.[{table.name}] ({', '.join(f'[{n}]' for n in names)})"
            f" VALUES ({', '.join('?' for _ in names)})",
            [[row[i] for i in wanted] for row in rows],
        )
    audit_rows = rows_by_table.get(AUDIT_TABLE.name, [])
    if audit_rows:
        db.conn.executemany(
            f"INSERT INTO other.audit_log (seq, {', '.join(_AUDIT_NAMES)})"
            f" VALUES (?, {', '.join('?' for _ in _AUDIT_NAMES)})",
            [(n, *row) for n, row in enumerate(audit_rows, start=1)],
        )


def _write_pulled(
    store: ChartStore,
    mine: Identity,
    rows_by_table: dict[str, list[tuple[Any, ...]]],
    hub: Hub,
    *,
    upto: int,
    on_batch: Callable[[Database, int], None] | None,
) -> dict[str, int]:
    where = hub.where
    # The refusal is raised after its ``except`` block, so nothing keeps the refused
    # merge's frames (and their open statements) alive: the staging database can still be
    # detached.
    failure: HubError | None = None
    try:
        with store.write() as db:
            if not rows_by_table:  # only rows this replica sent itself: the cursor moves
                if on_batch is not None:
                    on_batch(db, upto)
                return {}
            _stage(db, rows_by_table, where)
            merged = merge_attached(db, where, mine, "")
            if on_batch is not None:
                on_batch(db, upto)
    except MergeRefused as refused:
        message = str(refused).replace("nothing was changed", "nothing of the batch was written")
        sender = _received_by(hub, refused.table, refused.record)
        if sender is not None:
            message = QT_TRANSLATE_NOOP(
                "Hub", "{refused}; the hub received that row from role {role}"
            ).format(refused=message, role=sender)
        failure = (
            HubTampered(message)
            if refused.why == "different_content"
            else HubRecordRefused(message)
        )
    except integrity_errors() as error:
        failure = HubRecordRefused(
            QT_TRANSLATE_NOOP(
                "Hub",
                "a record from {where} was refused by this chart ({error}); "
                "nothing of the batch was written",
            ).format(where=where, error=" ".join(str(error).split()))
        )
    if failure is not None:
        raise failure
    return {
        ("audit_rows" if name == "audit_log" else name): count
        for name, count in merged.new_rows.items()
    }


def _received_by(hub: Hub, table: str | None, record: str | None) -> str | None:
    """The role the hub received a refused row from (``hub_received_by``), so IT knows
    whose credential sent it; None when no row is named or it cannot be asked."""
    if record is None:
        return None
    if table == "audit_log":  # named "chain#position"
        chain, _, position = record.rpartition("#")
        query, values = (
            "SELECT hub_received_by FROM wardchart.audit_rows"
            " WHERE replica_id = %s AND origin_seq = %s",
            [chain, int(position)] if position.isdigit() else None,
        )
    else:
        found = BY_NAME.get(table or "")
        if found is None or found.key != ("id",):
            return None
        query = f"SELECT hub_received_by FROM wardchart.{found.name} WHERE id = %s"
        values = [record]
    if values is None:
        return None
    try:
        with hub.conn.transaction():
            row = hub.conn.execute(query, values).fetchone()
    except psycopg.Error:
        return None
    return None if row is None else str(row[0])


def _fitting(
    db: Database, table: HubTable, rows: list[tuple[Any, ...]], where: str
) -> tuple[str, ...]:
    """The columns to write: the chart's; refuse rows holding values it has no place for
    (written by a newer wardchart than the one that made this chart)."""
    names = local_columns(db, table) or ()
    lacking = [i for i, name in enumerate(table.column_names) if name not in names]
    if any(row[i] is not None for row in rows for i in lacking):
        raise HubRecordRefused(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} holds {name} records this chart has no place for: open "
                "it with this wardchart first (it upgrades the file); nothing of "
                "the batch was written",
            ).format(where=where, name=table.name)
        )
    return names
