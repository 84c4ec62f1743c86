"""Syncing a replica with the ward hub by itself, in the background, without Qt.

A ``SyncLoop`` owns one worker thread with its own connection to the chart file (SQLite
connections belong to the thread that made them) and runs one sync at a time: when it
starts, whenever ``request()`` is called (after a save; requests made while a sync runs
are folded into one more sync), when the hub announces rows from another replica
(LISTEN/NOTIFY, on a listener thread of its own), and every ``every_s`` seconds as a
fallback. After each attempt it calls ``on_report`` (from the worker thread) with a
``SyncReport``; a failing hub is a report, never an exception, and charting goes on in
the local file. The window shows the reports (ui/hub_sync.py); the benchmark runs the
loop headless. psycopg is imported on the worker thread, and only when a hub is used.
See docs/hub.md.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wardchart.domain.settings import WardSettings
from wardchart.storage.errors import ChartFileError
from wardchart.storage.hub.errors import HubError, HubUnreachable

if TYPE_CHECKING:
    from wardchart.storage.database import ChartStore

#: Seconds between syncs when nothing asks for one (the fallback to LISTEN/NOTIFY).
FALLBACK_S = 10.0
#: The environment variable naming the ward hub (as for ``wardchart sync``).
HUB_ENV = "WARDCHART_HUB"

_log = logging.getLogger(__name__)


def configured_hub(settings: WardSettings) -> str | None:
    """The ward hub's address: ``WARDCHART_HUB``, else the ward setting ``hub``; None
    when neither names one."""
    found = os.environ.get(HUB_ENV, "").strip() or settings.hub.strip()
    return found or None


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class SyncReport:
    """How one sync attempt ended."""

    at: datetime
    #: One line when it failed ("" when the replica and the hub are in step).
    problem: str = ""
    #: The failure was the hub not answering (rather than refusing).
    unreachable: bool = False
    #: Entries saved here that the hub does not have yet (counted when it failed).
    pending: int = 0
    pushed: int = 0
    pulled: int = 0


def _count(value: Any) -> int:
    """A row count from a sync result field: a number, a mapping of counts, or an object
    with a ``total``."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        return sum(_count(v) for v in value.values())
    total = getattr(value, "total", None)
    return int(total) if total is not None else 0


class SyncLoop:
    """Keeps the chart file at ``path`` in step with the hub at ``address`` from a
    background thread (see the module's description)."""

    def __init__(
        self,
        path: Path,
        address: str,
        *,
        actor: str,
        on_report: Callable[[SyncReport], None],
        passphrase: str | None = None,
        every_s: float = FALLBACK_S,
        listen: bool = True,
        clock: Callable[[], datetime] = _local_now,
    ) -> None:
        self.path = path
        self.address = address
        self.actor = actor
        self.on_report = on_report
        self.passphrase = passphrase
        self.every_s = every_s
        self.listen = listen
        self.clock = clock
        #: This replica's id once known: the hub's announcements of its own pushes are
        #: not a reason to sync again.
        self.replica: str | None = None
        #: Sync attempts finished (for tests and the benchmark).
        self.attempts = 0
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._listener: Any = None  # the LISTEN thread, while a hub is reachable
        self._thread = threading.Thread(target=self._run, name="wardchart-hub-sync", daemon=True)

    @property
    def listening(self) -> bool:
        """Whether notifications from the hub are being heard now."""
        return self._listener is not None and bool(self._listener.listening.is_set())

    def start(self) -> SyncLoop:
        """Start the worker; the first sync begins at once."""
        self._wanted.set()
        self._thread.start()
        return self

    def request(self) -> None:
        """Ask for a sync soon (thread-safe; requests made meanwhile become one sync)."""
        self._wanted.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop syncing and listening; wait for a sync in progress (at most
        ``timeout_s``: it is a daemon thread, and a batch is whole or not written)."""
        self._stopping.set()
        self._wanted.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _heard(self, sender: str) -> None:
        if not sender or sender != self.replica:
            self._wanted.set()

    def _run(self) -> None:
        store: ChartStore | None = None
        try:
            while not self._stopping.is_set():
                self._wanted.wait(self.every_s)
                if self._stopping.is_set():
                    break
                self._wanted.clear()
                store = self._attempt(store)
                if self.listen and self._listener is None and not self._stopping.is_set():
                    self._start_listening()
        finally:
            if self._listener is not None:
                self._listener.stop()
            if sys.modules.get("wardchart.storage.hub.sync") is not None:
                from wardchart.storage.hub.sync import close_hubs

                close_hubs(this_thread=True)  # the connection this loop kept open
            if store is not None:
                store.close()

    def _start_listening(self) -> None:
        try:
            from wardchart.storage.hub.listen import Listener

            self._listener = Listener(self.address, self._heard).start()
        except HubError:  # a malformed address: every sync says so already
            self.listen = False

    def _attempt(self, store: ChartStore | None) -> ChartStore | None:
        report: SyncReport
        try:
            if store is None:
                from wardchart.storage.database import open_chart
                from wardchart.storage.replica import local_replica

                store = open_chart(self.path, create=False, passphrase=self.passphrase)
                self.replica = local_replica(store.db)
            from wardchart.storage.hub.sync import sync

            result = sync(store, self.address, actor=self.actor, now=self.clock(), keep_open=True)
            report = SyncReport(
                self.clock(), pushed=_count(result.pushed), pulled=_count(result.pulled)
            )
            if not getattr(result, "in_step", True):
                self._wanted.set()  # more arrived meanwhile: go again
        except HubError as error:
            report = SyncReport(
                self.clock(),
                problem=str(error),
                unreachable=isinstance(error, HubUnreachable),
                pending=_pending(store),
            )
        except ChartFileError as error:
            report = SyncReport(self.clock(), problem=str(error), pending=_pending(store))
        except Exception as error:  # never a traceback for a nurse: logged, and reported
            _log.exception("sync with the ward hub failed")
            report = SyncReport(
                self.clock(),
                problem=f"the sync with the ward hub failed ({type(error).__name__}: {error})",
                pending=_pending(store),
            )
        self.attempts += 1
        self.on_report(report)
        return store


def last_recorded_sync(store: ChartStore) -> datetime | None:
    """When the chart file last recorded a sync with a hub that moved something (None:
    never, or it cannot be told): the window's "out of step since" starts no later."""
    try:
        from wardchart.storage.hub.state import last_mark

        mark = last_mark(store.db)
        if mark is None:
            return None
        return datetime.strptime(mark.at_utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except Exception:  # a courtesy for the status line: never a reason to fail
        _log.exception("reading the last sync's time failed")
        return None


def _pending(store: ChartStore | None) -> int:
    """Entries the hub does not have yet (0 when that cannot be told)."""
    if store is None:
        return 0
    try:
        from wardchart.storage.hub.state import pending_count

        return int(pending_count(store))
    except Exception:  # the count is a courtesy: never a reason to fail
        _log.exception("counting the entries to send failed")
        return 0
