"""What can go wrong with a ward hub, each as one line a nurse or IT can act on.

This module never imports psycopg: the command line and the window may catch these
without paying for the PostgreSQL driver at start-up (see docs/hub.md).
"""

from __future__ import annotations


class HubError(Exception):
    """The ward hub could not be used as asked; the message is one line."""


class HubAddressError(HubError):
    """The hub's address is not usable as given (empty, malformed, or holding a password)."""


class HubUnreachable(HubError):
    """No answer from the hub's server (down, wrong address, network, TLS), or the
    connection was lost part-way: what was committed stays committed, the rest is not."""


class HubBusy(HubUnreachable):
    """The hub answered but gave up on this sync: a lock or statement timeout, a deadlock
    or a serialization failure. Like a lost connection, nothing of the batch in hand was
    written and the next sync tries again; the message says what happened."""


class HubCredentialsRefused(HubError):
    """The server answered but refused who we said we are (password, role, pg_hba)."""


class NotAHub(HubError):
    """The database exists (or not) but holds no wardchart hub."""


class HubNewer(HubError):
    """The hub was made or migrated by a newer wardchart than this one."""


class HubOlder(HubError):
    """The hub was made by an older wardchart: its owner must run ``hub init`` again."""


class HubPermissionDenied(HubError):
    """The role connected lacks a privilege the operation needs (``hub init`` not run as
    the database's owner; the ward role missing its grants)."""


class HubSenderRefused(HubPermissionDenied):
    """The hub refused a row sent by this computer's own role naming a replica other than
    the one that role sends as (docs/hub.md, "A role per computer"); nothing was sent."""


class HubTampered(HubError):
    """One record id holds different content on the hub and in this chart: corruption or
    tampering. The batch in hand was not written on either side."""


class ReplicaDiverged(HubError):
    """This chart no longer extends the history it already sent to the hub (restored from
    an old backup, cut or rewritten): nothing is sent over the hub's record."""


class HubRecordRefused(HubError):
    """A record from the hub could not be written into this chart (a rule of the chart's
    schema said no); nothing of the batch was written."""


class WrongWard(HubError):
    """This chart belongs to another ward than the hub: nothing was sent or received."""


class WardNotJoined(HubError):
    """This chart has no ward yet, holds entries of its own, and the hub already holds
    other replicas' records: it joins only when asked (``sync --join-ward``); nothing was
    sent or received."""
