"""Connecting to the ward hub the way every PostgreSQL client does (libpq's conventions).

The address is a libpq connection string: a URL (``postgresql://ward@db.example:5432/ward5``),
keywords (``host=db.example dbname=ward5 sslmode=verify-full``) or a service name
(``service=ward5``, from ``~/.pg_service.conf`` or ``PGSERVICEFILE``). Passwords come from
``PGPASSWORD`` or ``~/.pgpass`` (``PGPASSFILE``), never from the address: an address that
holds one is refused, since addresses end up on command lines, in settings and in logs.
See docs/hub.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import conninfo, errors

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.hub.errors import (
    HubAddressError,
    HubBusy,
    HubCredentialsRefused,
    HubError,
    HubPermissionDenied,
    HubSenderRefused,
    HubUnreachable,
    NotAHub,
)

#: Seconds to wait for the server before calling it unreachable.
CONNECT_TIMEOUT_S = 5
#: How long a sync waits for another replica's push to finish before it gives up ("busy",
#: tried again at the next sync): a push holds the receive lock for one whole write.
LOCK_TIMEOUT_MS = 30_000
#: A sync stopped inside a transaction (a laptop suspended or cut off mid-push) is ended by
#: the server after this long, so the receive lock it holds never blocks the ward for hours.
IDLE_IN_TRANSACTION_MS = 60_000
#: TCP keepalives, so a connection whose other end vanished is noticed in about a minute
#: (libpq's keepalive parameters), not after the system's two hours.
KEEPALIVES = "keepalives=1 keepalives_idle=30 keepalives_interval=10 keepalives_count=3"
APPLICATION_NAME = "wardchart"

_PASSWORD_HINT = (
    "the ward hub's address must not hold a password: leave it out and give the password "
    "in PGPASSWORD or ~/.pgpass"
)


def parse_address(address: str) -> dict[str, str]:
    """The keywords of a hub address (libpq's own parser); refuse an empty or malformed
    address, or one holding a password."""
    if not address or not address.strip():
        raise HubAddressError(
            QT_TRANSLATE_NOOP(
                "Hub", "no ward hub address given (a postgresql:// URL or service=NAME)"
            )
        )
    try:
        found = conninfo.conninfo_to_dict(address.strip())
    except psycopg.ProgrammingError as error:
        raise HubAddressError(
            QT_TRANSLATE_NOOP("Hub", "the ward hub's address is not valid: {first_line}").format(
                first_line=_first_line(error)
            )
        ) from None
    if found.get("password") is not None:
        raise HubAddressError(_PASSWORD_HINT)
    return {key: str(value) for key, value in found.items() if value is not None}


def describe_address(address: str) -> str:
    """Where the hub is, for messages: ``host:port/db`` or the service name; no secrets."""
    try:
        found = parse_address(address)
    except HubAddressError:
        return QT_TRANSLATE_NOOP("Hub", "the ward hub")
    if "service" in found and "host" not in found:
        return QT_TRANSLATE_NOOP("Hub", "the ward hub (service {service})").format(
            service=found["service"]
        )
    host = found.get("host") or found.get("hostaddr") or "localhost"
    if host.startswith("/"):
        host = "localhost"
    port = found.get("port", "5432")
    database = found.get("dbname") or found.get("user") or ""
    return QT_TRANSLATE_NOOP("Hub", "the ward hub at {host}:{port}/{database}").format(
        host=host, port=port, database=database
    )


def _keepalives(address: str) -> dict[str, str]:
    """Our keepalives, except those the address sets itself (IT's choice wins)."""
    given = conninfo.conninfo_to_dict(address)
    ours = dict(pair.split("=") for pair in KEEPALIVES.split())
    return {name: value for name, value in ours.items() if name not in given}


def connect(
    address: str, *, timeout_s: int = CONNECT_TIMEOUT_S
) -> psycopg.Connection[tuple[Any, ...]]:
    """An open connection to the hub, or one of the typed errors in ``errors`` with a
    one-line message. In autocommit: each write is a ``conn.transaction()`` block."""
    parse_address(address)
    where = describe_address(address)
    try:
        return psycopg.connect(
            conninfo.make_conninfo(address.strip(), **_keepalives(address.strip())),
            connect_timeout=timeout_s,
            application_name=APPLICATION_NAME,
            autocommit=True,
            options=(
                f"-c lock_timeout={LOCK_TIMEOUT_MS}"
                f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"
            ),
        )
    except psycopg.Error as error:
        raise translate(error, where) from None


#: The server answered, then gave up on the statement: not a lost connection.
_GAVE_UP = (
    errors.QueryCanceled,
    errors.LockNotAvailable,
    errors.DeadlockDetected,
    errors.SerializationFailure,
)


# The SQLSTATE the hub raises when a computer's own role names another replica than the
# one it sends as (``schema._m_senders``); its DETAIL is a JSON object, made one line here.
SENDER_REFUSED = "WC001"


def translate(error: psycopg.Error, where: str) -> HubError:
    """One typed, one-line error for a PostgreSQL failure."""
    text = _first_line(error)
    lowered = text.lower()
    early = _refused_sender_or_set_up(error, where, text)
    if early is not None:
        return early
    if isinstance(error, errors.InvalidPassword | errors.InvalidAuthorizationSpecification) or (
        "password" in lowered and ("no password supplied" in lowered or "authentication" in lowered)
    ):
        return HubCredentialsRefused(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} refused the credentials ({error}); check the user name and the "
                "password in PGPASSWORD or ~/.pgpass",
            ).format(where=where, error=text)
        )
    if "authentication failed" in lowered or "pg_hba.conf" in lowered:
        return HubCredentialsRefused(
            QT_TRANSLATE_NOOP("Hub", "{where} refused the connection ({error})").format(
                where=where, error=text
            )
        )
    if isinstance(error, errors.InvalidCatalogName) or (
        "database" in lowered and "does not exist" in lowered
    ):
        return NotAHub(
            QT_TRANSLATE_NOOP("Hub", "{where}: no such database ({error})").format(
                where=where, error=text
            )
        )
    if isinstance(error, errors.InsufficientPrivilege) or (
        "permission denied for database" in lowered
    ):
        return HubPermissionDenied(
            QT_TRANSLATE_NOOP("Hub", "{where} refused: {error}").format(where=where, error=text)
        )
    if isinstance(error, _GAVE_UP):
        return HubBusy(
            QT_TRANSLATE_NOOP(
                "Hub", "{where} is busy and gave up on this sync ({error}); it is tried again"
            ).format(where=where, error=text)
        )
    if isinstance(error, psycopg.OperationalError) or error.sqlstate is None:
        return HubUnreachable(
            QT_TRANSLATE_NOOP("Hub", "{where} cannot be reached ({error})").format(
                where=where, error=text
            )
        )
    return HubError(
        QT_TRANSLATE_NOOP("Hub", "{where} said: {error}").format(where=where, error=text)
    )


def _refused_sender_or_set_up(error: psycopg.Error, where: str, text: str) -> HubError | None:
    """A computer's role refused by the hub, or a service this computer does not define
    (its set-up, not the network); None for anything else."""
    if error.sqlstate == SENDER_REFUSED:
        return _sender_refused(error, where)
    lowered = text.lower()
    if "definition of service" in lowered or "service file" in lowered:
        return HubError(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where}: the service is not defined on this computer ({error}); see "
                "~/.pg_service.conf or PGSERVICEFILE (docs/hub.md)",
            ).format(where=where, error=text)
        )
    return None


def _sender_refused(error: psycopg.Error, where: str) -> HubSenderRefused:
    try:
        said = json.loads(error.diag.message_detail or "{}")
    except ValueError:
        said = {}
    role, named = said.get("role", "?"), said.get("named", "?")
    if said.get("sends_as") is not None:
        return HubSenderRefused(
            QT_TRANSLATE_NOOP(
                "Hub",
                "{where} refused: this computer's role {role} sends as replica {bound}, not "
                "{named}; nothing was sent. A computer's role sends as one replica: a new "
                "chart file on this computer (restored, copied or made again) needs a new "
                "role for it (docs/hub.md, A role per computer)",
            ).format(where=where, role=role, bound=said["sends_as"], named=named)
        )
    return HubSenderRefused(
        QT_TRANSLATE_NOOP(
            "Hub",
            "{where} refused: replica {named} is sent by role {other}, not by this "
            "computer's role {role}; nothing was sent. If this chart file was copied from "
            "that computer, keep it aside and make a new replica for this one (docs/hub.md)",
        ).format(where=where, role=role, named=named, other=said.get("sent_by", "?"))
    )


@contextmanager
def hub_errors(where: str) -> Iterator[None]:
    """Turn psycopg's errors raised inside into the typed, one-line errors."""
    try:
        yield
    except psycopg.Error as error:
        raise translate(error, where) from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__
