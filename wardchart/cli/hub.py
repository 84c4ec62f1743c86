"""The ward hub: ``hub init`` (IT, as the database's owner) and ``sync`` (every replica).
Thin over ``wardchart.storage.hub``; psycopg is imported only when one of these runs.
See docs/hub.md."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from wardchart.cli.base import EXIT_USAGE, AddCommand, Context, UsageError, dump_json
from wardchart.cli.common import chart
from wardchart.cli.words import shown, translate

#: The environment variable naming the ward hub (after --hub, before the ward setting).
HUB_VARIABLE = "WARDCHART_HUB"


def register(commands: Any, command: AddCommand) -> None:
    """hub init, hub senders, sync."""
    hub = command(commands, "hub", "the ward hub (PostgreSQL), for IT")
    actions = hub.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(
        actions,
        "init",
        "create the ward hub in a PostgreSQL database, or upgrade it (run as its owner)",
    )
    sub.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE or service=NAME")
    sub.add_argument(
        "--ward-role", metavar="ROLE", help="the ward's role: granted SELECT and INSERT only"
    )
    sub.add_argument(
        "--ward-id",
        metavar="ID",
        help="make a lost hub again for an existing ward: the ward id from `wardchart check` "
        "on one of its computers (docs/hub.md)",
    )
    sub.set_defaults(handler=hub_init)
    sub = command(
        actions,
        "senders",
        "list each computer's own role and the replica it sends as (read only)",
    )
    sub.add_argument("url", metavar="URL", help="postgresql://ROLE@HOST/DATABASE or service=NAME")
    sub.add_argument("--json", action="store_true", help="print the list as one JSON object")
    sub.set_defaults(handler=hub_senders)

    sub = command(
        commands,
        "sync",
        "send this chart's new entries to the ward hub and bring in the ward's "
        "(exit 0: in step; 2: not synced, one line says why, the file unchanged)",
    )
    sub.add_argument(
        "--hub",
        metavar="URL",
        help=f"the ward hub (default: ${HUB_VARIABLE}, else the ward setting hub)",
    )
    sub.add_argument(
        "--join-ward",
        action="store_true",
        help="a chart with entries of its own and no ward yet joins the hub's ward "
        "(once; a ward's files from before the hub, docs/hub.md)",
    )
    sub.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sub.set_defaults(handler=sync)


def _hub_failed(error: Exception) -> int:
    print(f"wardchart: error: {' '.join(shown(error).split())}", file=sys.stderr)
    return EXIT_USAGE


def hub_init(args: argparse.Namespace, _context: Context) -> int:
    """Create or upgrade the hub; say what was done."""
    from wardchart.storage.hub.connection import describe_address, parse_address
    from wardchart.storage.hub.errors import HubError
    from wardchart.storage.hub.schema import hub_init as init

    try:
        parse_address(args.url)
    except HubError as error:
        raise UsageError(f"URL: {shown(error)}") from None
    if args.ward_role is not None and not args.ward_role.strip():
        raise UsageError(
            "--ward-role: " + translate("HubCommand", "is empty; give the ward's PostgreSQL role")
        )
    from wardchart.storage.hub.schema import valid_ward_id

    if args.ward_id is not None:
        try:
            valid_ward_id(args.ward_id)
        except HubError as error:
            raise UsageError(f"--ward-id: {shown(error)}") from None
    try:
        done = init(args.url, ward_role=args.ward_role, ward_id=args.ward_id)
    except HubError as error:
        return _hub_failed(error)
    where = shown(describe_address(args.url))
    if done.version_before is None:
        said = translate("HubCommand", "created {hub} (hub version {version})")
    elif done.changed:
        said = translate("HubCommand", "upgraded {hub} from hub version {before} to {version}")
    else:
        said = translate(
            "HubCommand", "{hub} is already at hub version {version}; nothing to change"
        )
    print(said.format(hub=where, before=done.version_before, version=done.version_after))
    if done.ward_role is not None:
        print(
            translate(
                "HubCommand", "role {role} may read and add rows, never change or remove them"
            ).format(role=done.ward_role)
        )
    print(
        translate(
            "HubCommand",
            "the ward's id: {ward} (keep it with the hub's records: a hub made again after "
            "a loss needs it, docs/hub.md)",
        ).format(ward=done.ward_id)
    )
    return 0


def hub_senders(args: argparse.Namespace, _context: Context) -> int:
    """List the computers' roles the hub has bound, each to the replica it sends as."""
    from datetime import UTC

    from wardchart.storage.hub.connection import describe_address, parse_address
    from wardchart.storage.hub.errors import HubError
    from wardchart.storage.hub.schema import hub_senders as listed

    try:
        parse_address(args.url)
    except HubError as error:
        raise UsageError(f"URL: {shown(error)}") from None
    try:
        found = listed(args.url)
    except HubError as error:
        return _hub_failed(error)
    where = shown(describe_address(args.url))
    if args.json:
        print(
            dump_json(
                {
                    "hub": where,
                    "senders": [
                        {
                            "role": s.role,
                            "replica_id": s.replica_id,
                            "first_seen": s.first_seen.astimezone(UTC).isoformat(),
                        }
                        for s in found
                    ],
                }
            )
        )
        return 0
    if not found:
        print(
            translate(
                "HubCommand",
                "no computer's own role has sent to {hub} yet: every replica sends as the "
                "ward role",
            ).format(hub=where)
        )
        return 0
    for sender in found:
        print(
            translate(
                "HubCommand", "{role} sends as replica {replica}, first seen {time} UTC"
            ).format(
                role=sender.role,
                replica=sender.replica_id,
                time=sender.first_seen.astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
            )
        )
    return 0


def hub_address(given: str | None, setting: str) -> str:
    """The hub to sync with: --hub, else $WARDCHART_HUB, else the ward setting."""
    for found in (given, os.environ.get(HUB_VARIABLE), setting):
        if found is not None and found.strip():
            return found.strip()
    raise UsageError(
        "--hub: "
        + translate(
            "HubCommand",
            "no ward hub given: use --hub URL, set {variable}, or the ward setting "
            "hub (wardchart settings set hub URL)",
        ).format(variable=HUB_VARIABLE)
    )


def sync(args: argparse.Namespace, context: Context) -> int:
    """Sync with the ward hub. A chart file that does not exist yet is made (a new replica
    joining the ward); its first sync needs no account, the ward's arrive with it."""
    from wardchart.storage.hub.connection import parse_address
    from wardchart.storage.hub.errors import HubError

    if args.hub is not None:
        try:
            parse_address(args.hub)
        except HubError as error:
            raise UsageError(f"--hub: {shown(error)}") from None
    try:
        result = _synced(args, context)
    except _SyncFailed as failed:  # a new file that got nothing is removed by then
        return _hub_failed(failed.error)
    if args.json:
        print(dump_json(result.as_json()))
        return 0
    said = (
        translate(
            "HubCommand",
            "in step with {hub}: sent {sent}, received {received}, conflicts to review {conflicts}",
        )
        if result.in_step
        else translate(
            "HubCommand",
            "synced with {hub}: sent {sent}, received {received}, conflicts to review {conflicts}",
        )
    ).format(
        hub=shown(result.hub),
        sent=result.pushed,
        received=result.pulled,
        conflicts=result.conflicts,
    )
    if result.new_conflicts:
        said += " " + translate("HubCommand", "({count} new)").format(count=result.new_conflicts)
    if result.pending == 1:
        said += translate("HubCommand", "; 1 entry made meanwhile waits")
    elif result.pending:
        said += translate("HubCommand", "; {count} entries made meanwhile wait").format(
            count=result.pending
        )
    print(said)
    return 0


class _SyncFailed(Exception):
    """A sync that did not happen: raised out of the chart's session, so a chart file the
    sync made and got nothing into is removed (the session does that)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _synced(args: argparse.Namespace, context: Context) -> Any:
    """One sync in the chart's session; ``_SyncFailed`` when it did not happen."""
    from wardchart.storage.health import describe_history, verify_history
    from wardchart.storage.hub.errors import HubError
    from wardchart.storage.hub.sync import sync as run

    with chart(context, create=True) as session:
        address = hub_address(args.hub, session.settings.hub)
        check = verify_history(session.store.db)
        if not check.ok:
            raise _SyncFailed(
                RuntimeError(
                    translate(
                        "HubCommand",
                        "this chart's history does not verify ({problem}): it was altered or "
                        "damaged; nothing was sent to the ward hub (wardchart check; docs/hub.md)",
                    ).format(problem=shown(describe_history(check)))
                )
            )
        try:
            result = run(
                session.store,
                address,
                actor=context.actor,
                now=context.now,
                join_ward=args.join_ward,
            )
        except HubError as error:
            raise _SyncFailed(error) from None
    return result
