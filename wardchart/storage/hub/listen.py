"""Hearing that the hub received something, at once (PostgreSQL LISTEN/NOTIFY).

The hub notifies on ``CHANGES_CHANNEL`` after every committed insert (hub version 2,
see ``schema.py``), naming the replica that sent the rows. A ``Listener`` holds its own
connection in a background thread, waits for notifications with a short timeout (so it
can be stopped), and calls ``on_change(sender)`` for each; after every (re)connection it
calls ``on_change("")`` too, since anything may have arrived while it was not listening.
When the hub cannot be reached it tries again every ``retry_s`` seconds; it never raises.
The caller decides what to do (sync), on its own thread. See docs/hub.md.

Imported only when a hub is used: it loads psycopg.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg

from wardchart.storage.hub.connection import connect
from wardchart.storage.hub.errors import HubError
from wardchart.storage.hub.schema import CHANGES_CHANNEL

#: How long one wait for notifications lasts: the longest a ``stop()`` waits for the thread.
POLL_S = 0.25
#: Seconds between attempts to reach a hub that did not answer.
RETRY_S = 5.0


class Listener:
    """Calls ``on_change(sender)`` from a background thread whenever the hub at
    ``address`` announces rows received (``sender``: the replica that sent them; "" after
    connecting, when it is not known what arrived meanwhile)."""

    def __init__(
        self,
        address: str,
        on_change: Callable[[str], None],
        *,
        poll_s: float = POLL_S,
        retry_s: float = RETRY_S,
    ) -> None:
        self.address = address
        self.on_change = on_change
        self.poll_s = poll_s
        self.retry_s = retry_s
        #: Set while a connection is listening (cleared when it is lost).
        self.listening = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wardchart-hub-listen", daemon=True)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop listening and wait for the thread to end (at most ``timeout_s``)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn = connect(self.address)
            except HubError:
                self._stop.wait(self.retry_s)
                continue
            try:
                conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                self.listening.set()
                self.on_change("")
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=self.poll_s):
                        self.on_change(note.payload)
            except psycopg.Error:
                self._stop.wait(min(self.retry_s, 1.0))
            finally:
                self.listening.clear()
                conn.close()
