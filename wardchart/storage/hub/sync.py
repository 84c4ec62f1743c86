"""Syncing a replica with its ward hub: push what the hub lacks, pull what the replica
lacks, in batches, each atomic on both sides (see docs/hub.md).

``sync`` is what the command line's ``wardchart sync`` and the window run. Pulled rows go
through the merge core (``merge.merge_attached``): equal ids must hold equal content,
forks and duplicates from other replicas are kept as conflicts, every replica's audit
rows come with their chain. The pull cursor is kept in the chart file, in the same
transaction as the rows (``state``), so a sync killed at any moment resumes with no
duplicate and no loss. Before anything is sent, the hub's record of this replica's audit
chain must still be in the file: a replica restored from an old backup, cut or rewritten
is refused (``ReplicaDiverged``) and never pushed over the hub's record; so is a chart
of another ward (``WrongWard``: the hub and every chart know their ward's id).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit
from wardchart.storage.conflicts import conflicts
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import ChartFileError
from wardchart.storage.hub.connection import hub_errors
from wardchart.storage.hub.errors import HubError, ReplicaDiverged, WardNotJoined, WrongWard
from wardchart.storage.hub.schema import JOIN_LOCK
from wardchart.storage.hub.state import keep_mark, last_mark, own_position, pending_count
from wardchart.storage.hub.transfer import (
    BATCH_ROWS,
    Hub,
    Progress,
    check_extends,
    hub_high_water,
    others_sent,
    pull,
    push,
    pushed_before,
    ward_id,
)
from wardchart.storage.records import utc_text
from wardchart.storage.replica import chart_ward, identity, record_ward
from wardchart.storage.schema import DEFAULT_LIBRARY_AUTHOR

__all__ = [
    "HubError",
    "SyncResult",
    "anchored",
    "close_hubs",
    "hub_id",
    "pending_count",
    "sync",
]


@dataclass(frozen=True)
class SyncResult:
    """What one sync did, and where the replica stands after it."""

    #: Rows the hub did not hold before (records and audit rows).
    pushed: int
    #: Rows this chart did not hold before (records and audit rows).
    pulled: int
    #: Conflicts this sync made (open ones not open before), and every open one after —
    #: counted when records came in from other replicas, or at the file's first sync in
    #: this process (charting on this file never makes one; a resolution made here is
    #: counted at the next sync that brings records in).
    new_conflicts: int
    conflicts: int
    #: Nothing of this chart waits to be sent, and nothing of the hub to be pulled (as of
    #: the end of this sync).
    in_step: bool
    #: The hub, described without any password ("the ward hub at host:5432/ward").
    hub: str
    at: datetime
    #: This replica's chart id; the hub's receive sequence pulled through.
    chart_id: str = ""
    cursor: int = 0
    #: Rows sent and received, by table (``audit_rows``: audit rows).
    sent: dict[str, int] = field(default_factory=dict)
    received: dict[str, int] = field(default_factory=dict)
    #: Entries of this replica made meanwhile and not yet sent.
    pending: int = 0

    def as_json(self) -> dict[str, Any]:
        """The result as one JSON object (the command line's --json)."""
        return {
            "hub": self.hub,
            "chart_id": self.chart_id,
            "at": self.at.astimezone(UTC).isoformat(timespec="seconds"),
            "in_step": self.in_step,
            "pushed": self.pushed,
            "pulled": self.pulled,
            "sent": self.sent,
            "received": self.received,
            "new_conflicts": self.new_conflicts,
            "conflicts": self.conflicts,
            "pending": self.pending,
            "cursor": self.cursor,
        }


#: Connections kept open by ``sync(..., keep_open=True)``, one per address and thread: a
#: connection is never shared between two threads (two windows in one process).
_OPEN: dict[tuple[str, int], Hub] = {}
#: Open conflicts per chart file, counted when a sync brought other replicas' records in
#: (or at a file's first sync in this process): charting on this file never makes one.
_COUNTED: dict[str, int] = {}
_OPEN_LOCK = threading.Lock()


def _open(address: str, keep_open: bool) -> Hub:
    key = (address, threading.get_ident())
    if keep_open:
        with _OPEN_LOCK:
            found = _OPEN.get(key)
        if found is not None and not found.conn.closed:
            return found
    hub = Hub.open(address)
    if keep_open:
        with _OPEN_LOCK:
            _OPEN[key] = hub
    return hub


def _forget(address: str, hub: Hub) -> None:
    """Close a connection after an error: the next sync opens a new one."""
    key = (address, threading.get_ident())
    with _OPEN_LOCK:
        if _OPEN.get(key) is hub:
            del _OPEN[key]
    hub.close()


def close_hubs(*, this_thread: bool = False) -> None:
    """Close the connections kept by ``sync(..., keep_open=True)``: every one, or only
    those this thread opened (a sync loop stopping)."""
    me = threading.get_ident()
    with _OPEN_LOCK:
        keys = [k for k in _OPEN if not this_thread or k[1] == me]
        kept = [_OPEN.pop(k) for k in keys]
    for hub in kept:
        hub.close()


def hub_id(hub: Hub) -> str:
    """What tells one hub from another whatever its address: its database's name and
    when its schema was first made (kept by pg_dump, backups and replication; a hub made
    again from nothing has a new one, and replicas pull it whole again)."""
    if hub.identity is not None:
        return hub.identity
    with hub_errors(hub.where):
        row = hub.conn.execute(
            "SELECT current_database(), applied_at FROM wardchart.schema_version"
            " ORDER BY version LIMIT 1"
        ).fetchone()
    assert row is not None
    made = row[1].astimezone(UTC).isoformat(timespec="microseconds")
    hub.identity = f"{row[0]}@{made}"
    return hub.identity


def sync(
    store: ChartStore,
    address: str,
    *,
    actor: str,
    now: datetime | None = None,
    progress: Progress | None = None,
    batch_rows: int = BATCH_ROWS,
    keep_open: bool = False,
    join_ward: bool = False,
) -> SyncResult:
    """Push this replica's rows the hub at ``address`` lacks, then pull the rows it lacks;
    keep the cursor in the file. ``actor`` names who syncs in the audit row written when
    records came in. ``progress(table, rows)`` after each committed batch of at most ``batch_rows``
    rows. Raises a
    ``HubError`` subclass (one line): ``HubAddressError``, ``HubUnreachable``,
    ``HubCredentialsRefused``, ``NotAHub``, ``HubNewer``, ``HubOlder``,
    ``HubPermissionDenied``, ``ReplicaDiverged`` (nothing sent), ``HubTampered`` or
    ``HubRecordRefused`` (that batch not written on either side); ``ChartFileError`` for
    the chart file's own problems. Batches committed before an error stay committed: run
    ``sync`` again to resume. ``keep_open``: keep the connection for the next sync to the
    same address (a window syncing every few seconds; see ``close_hubs``). Before anything
    is sent or received, the chart's ward must be the hub's (``WrongWard``, ``WardNotJoined``;
    see ``check_ward``); ``join_ward``: a chart with no ward yet takes the hub's whatever it
    holds (``wardchart sync --join-ward``)."""
    at = now or datetime.now(UTC)
    mine = identity(store.db)
    if mine is None:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Hub", "chart file {path} has no chart id; open it again").format(
                path=store.path
            )
        )
    hub = _open(address, keep_open)
    try:
        which = hub_id(hub)
        joins: str | None = None
        adopted = False

        def committed(table: str, rows: int) -> None:
            # The hub holds rows of this replica from its first committed batch on (and
            # a computer's role is bound to it): from then on the chart is of this ward,
            # even if the sync stops before its end.
            nonlocal joins, adopted
            if joins is not None:
                adopt_ward(hub, store, joins, actor, at)
                joins, adopted = None, True
            if progress is not None:
                progress(table, rows)

        try:
            joins = check_ward(hub, store, mine.id, join_ward=join_ward)
            sent_through = own_position(store.db)
            pushed = push(hub, store.db, mine.id, batch_rows=batch_rows, progress=committed)
        except BaseException:
            with contextlib.suppress(HubError):  # the first error is the one to tell
                release_join_lock(hub)
            raise
        if joins is not None:  # nothing needed sending
            adopt_ward(hub, store, joins, actor, at)
            adopted = True
        mark = last_mark(store.db, which)
        cursor = 0 if mark is None else mark.pulled_through
        if cursor > hub_high_water(hub):
            cursor = 0  # the hub went back in time (restored): pull it all again
        # The conflicts before, to tell the new ones: only when others' rows come in.
        before: set[str] | None = None

        def count_before() -> None:
            nonlocal before
            before = {c.key for c in conflicts(store.db)}

        def keep(db: Any, upto: int) -> None:
            keep_mark(
                db,
                hub_id=which,
                hub=hub.where,
                pulled_through=upto,
                pushed_through=sent_through,
                now=at,
            )

        pulled = pull(
            hub,
            store,
            after=cursor,
            batch_rows=batch_rows,
            on_batch=keep,
            progress=progress,
            on_first=count_before,
        )
        records_in = sum(n for name, n in pulled.received.items() if name != "audit_rows")
        sent = dict(pushed.sent)
        if records_in or adopted:  # rows of its own written meanwhile go in this sync too
            if records_in:
                with store.write() as db:
                    audit.append(
                        db,
                        actor=actor,
                        action="sync",
                        entity="chart",
                        detail={
                            "hub": hub.where,
                            "received": pulled.received,
                            # every chain's head: this row's hash covers the rows pulled in
                            "chains": audit.heads(db),
                        },
                        now=at,
                    )
            sent_through = own_position(store.db)
            for name, n in push(hub, store.db, mine.id).sent.items():
                sent[name] = sent.get(name, 0) + n
        with store.write() as db:
            keep(db, pulled.cursor)
    except BaseException:
        _forget(address, hub)
        raise
    if not keep_open:
        hub.close()
    if before is not None or str(store.path) not in _COUNTED:
        found = conflicts(store.db)
        _COUNTED[str(store.path)] = len(found)
    else:
        found = []
    waiting = pending_count(store)
    return SyncResult(
        pushed=sum(sent.values()),
        pulled=pulled.total,
        new_conflicts=0 if before is None else sum(1 for c in found if c.key not in before),
        conflicts=_COUNTED[str(store.path)],
        in_step=waiting == 0,
        hub=hub.where,
        at=at,
        chart_id=mine.id,
        cursor=pulled.cursor,
        sent={k: v for k, v in sent.items() if v},
        received=dict(pulled.received),
        pending=waiting,
    )


def _short(ward: str) -> str:
    return f"{ward[:8]}…"


def wrong_ward(where: str, chart_ward: str, hub_ward: str) -> str:
    """The one line saying this chart belongs to another ward than the hub."""
    return QT_TRANSLATE_NOOP(
        "Hub",
        "this chart belongs to another ward than {hub} (chart's ward {chart_ward}, hub's ward "
        "{hub_ward}): nothing was sent or received; check the hub address (--hub, "
        "WARDCHART_HUB or the ward setting hub); a hub IT made again after losing it "
        "must carry this ward's id (hub init --ward-id, docs/hub.md)",
    ).format(hub=where, chart_ward=_short(chart_ward), hub_ward=_short(hub_ward))


def _own_entries(db: Any) -> bool:
    """Whether the chart holds anything but the regimen library every new file is given:
    an audit row, on this replica or any other, that is not the library's writing a
    regimen (an operating-system user named like the library still charts patients)."""
    found = db.execute(
        "SELECT 1 FROM audit_log WHERE actor <> ? OR entity <> 'regimens' LIMIT 1",
        [DEFAULT_LIBRARY_AUTHOR],
    ).fetchone()
    return found is not None


def _lineage(db: Any, replica: str) -> list[str]:
    """This chart's id and those of the charts it was copied from (``wardchart copy``)."""
    found = {str(row[0]) for row in db.execute("SELECT id FROM chart_identity")}
    return sorted(found | {replica})


def check_ward(hub: Hub, store: ChartStore, replica: str, *, join_ward: bool) -> str | None:
    """The chart belongs to the hub's ward, or takes it now; else refuse, before anything
    is sent or received (docs/hub.md, "The ward's identity"). A chart with no ward yet takes
    the hub's when it holds nothing of its own (a new replica joining), when the hub holds
    nothing from other replicas, or when this replica, or the one it was copied from, has
    pushed to this hub before (made by a wardchart that had no ward ids); otherwise only
    with ``join_ward``. Returns how the chart takes the ward (None: it has it already); the
    caller records it only once the push went through (``adopt_ward``), so a sync refused
    or stopped before then leaves the chart as it was, and one stopped after resumes as a
    sync of a replica that pushed here. A chart that would take the ward because the hub
    holds nothing from others holds ``JOIN_LOCK`` from asking to the end of its push, so
    two such charts cannot both find the hub empty of others."""
    theirs = ward_id(hub)
    ours = chart_ward(store.db)
    if ours == theirs:
        return None
    if ours is not None:
        raise WrongWard(wrong_ward(hub.where, ours, theirs))
    if join_ward:
        how = "joined"
    elif not _own_entries(store.db) or pushed_before(hub, _lineage(store.db, replica)):
        how = "hub"
    else:  # the ward's first computer, if no other has sent anything: asked under the lock
        with hub_errors(hub.where):
            hub.conn.execute("SELECT pg_advisory_lock(%s)", [JOIN_LOCK])
        if not others_sent(hub, replica):
            return "hub"
        raise WardNotJoined(
            QT_TRANSLATE_NOOP(
                "Hub",
                "this chart holds entries of its own and has never synced with {hub}, which "
                "already holds other computers' records: if this chart really is of the same "
                "ward, run `wardchart sync --join-ward` to merge it in; nothing was sent or "
                "received (docs/hub.md)",
            ).format(hub=hub.where)
        )
    return how


def adopt_ward(hub: Hub, store: ChartStore, how: str, actor: str, now: datetime) -> None:
    """Record in the chart the hub's ward (``check_ward`` allowed it and the hub took this
    replica's rows), with an audit row saying so (a new file that took a ward is kept even
    if the rest of its first sync fails), then let the next chart with no ward check."""
    ward = ward_id(hub)
    with store.write() as db:
        record_ward(db, ward, how=how, source=hub.where, at_utc=utc_text(now))
        audit.append(
            db,
            actor=actor,
            action="ward",
            entity="chart",
            detail={"ward": ward, "how": how, "hub": hub.where},
            now=now,
        )
    release_join_lock(hub)


def release_join_lock(hub: Hub) -> None:
    """Let go of ``JOIN_LOCK`` if this session holds it (ending the connection does too)."""
    if not hub.conn.closed and not hub.conn.broken:
        with hub_errors(hub.where):
            hub.conn.execute("SELECT pg_advisory_unlock_all()")


def anchored(store: ChartStore, address: str) -> tuple[bool, str]:
    """Whether this replica belongs to the ward of the hub at ``address`` (or to none yet)
    and still extends what the hub holds of it (its own audit chain up to the hub's head,
    every other chain it holds that far, no table shorter than was sent), read only: (ok,
    one line). Raises a ``HubError`` when the hub
    cannot be asked."""
    mine = identity(store.db)
    if mine is None:
        return False, QT_TRANSLATE_NOOP("Hub", "chart file {path} has no chart id").format(
            path=store.path
        )
    with Hub.open(address) as hub:
        ours, theirs = chart_ward(store.db), ward_id(hub)
        if ours is not None and ours != theirs:
            return False, wrong_ward(hub.where, ours, theirs)
        try:
            with hub_errors(hub.where):
                check_extends(hub, store.db, mine.id)
        except ReplicaDiverged as error:
            said = error.args[0] if len(error.args) == 1 else None
            return False, said if isinstance(said, str) else str(error)
        mark = last_mark(store.db, hub_id(hub))
    if mark is None:
        return True, QT_TRANSLATE_NOOP("Hub", "this chart extends what {hub} holds of it").format(
            hub=hub.where
        )
    return True, QT_TRANSLATE_NOOP(
        "Hub", "this chart extends what {hub} holds of it, last synced {time} UTC"
    ).format(hub=hub.where, time=mark.at_utc[:16].replace("T", " "))
