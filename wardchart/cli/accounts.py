"""Local accounts: who may chart. Ward administrators manage them (the session's one
rule, ``ChartingSession.may_administer``); anyone may set their own password."""

from __future__ import annotations

import argparse
from typing import Any

from wardchart.cli.base import AddCommand, Context
from wardchart.cli.common import chart, secret
from wardchart.cli.words import shown, translate
from wardchart.domain.identifiers import normal_username
from wardchart.session.core import MANAGE_ACCOUNTS as MANAGE


def register(commands: Any, command: AddCommand) -> None:
    """user add, list, disable, enable, password, role."""
    user = command(
        commands, "user", "local accounts: who may chart (ward administrators manage them)"
    )
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    sub = command(actions, "add", "create an account (the first must be --role admin)")
    sub.add_argument("--username", required=True, help="2–32 lower-case letters and digits")
    sub.add_argument("--name", required=True, help="the person's full name")
    sub.add_argument("--initials", required=True)
    sub.add_argument("--role", required=True, choices=["nurse", "admin"])
    sub.set_defaults(handler=user_add)
    command(actions, "list", "list the accounts").set_defaults(handler=user_list)
    for action, helptext, handler in (
        (
            "disable",
            "stop an account from signing in (its entries stay attributed to it)",
            user_disable,
        ),
        ("enable", "let a disabled account sign in again", user_enable),
        (
            "password",
            "set a new password (administrators: anyone's; others: their own)",
            user_password,
        ),
    ):
        sub = command(actions, action, helptext)
        sub.add_argument("--username", required=True)
        sub.add_argument("--reason", required=True)
        sub.set_defaults(handler=handler)
    sub = command(
        actions, "role", "make an account a nurse or a ward administrator (not the last one)"
    )
    sub.add_argument("--username", required=True)
    sub.add_argument("--role", required=True, choices=["nurse", "admin"])
    sub.add_argument("--reason", required=True)
    sub.set_defaults(handler=user_role)


# --- handlers ---------------------------------------------------------------------------


def user_add(args: argparse.Namespace, context: Context) -> int:
    """Create an account; its password from WARDCHART_NEW_PASSWORD or typed twice."""
    from wardchart.storage import users

    with chart(context, create=True) as session:
        session.require_administrator(MANAGE)
        password = secret(
            translate("AccountCommand", "new password for {username}").format(
                username=args.username
            ),
            "WARDCHART_NEW_PASSWORD",
            twice=True,
        )
        user = session.add_account(
            username=args.username,
            full_name=args.name,
            initials=args.initials,
            role=args.role,
            password=password,
        )
    print(
        translate("AccountCommand", "Added account {account}").format(
            account=shown(users.describe(user))
        )
    )
    return 0


def user_list(_args: argparse.Namespace, context: Context) -> int:
    """Every account; disabled ones are marked."""
    from wardchart.storage import users

    with chart(context, create=False, reads_only=True) as session:
        found = users.list_users(session.store.db)
    for user in found:
        print(shown(users.describe(user)))
    if not found:
        print(
            translate(
                "AccountCommand", "No accounts: entries are recorded as the operating-system user."
            )
        )
    return 0


def _change_user(
    args: argparse.Namespace,
    context: Context,
    *,
    disabled: bool | None = None,
    new_password: bool = False,
    role: str | None = None,
) -> int:
    """Disable or enable an account or change its role (administrators), or set a new
    password (administrators for anyone, everyone for their own): the session's rule
    (``ChartingSession.change_account``), checked here first so that nobody is asked for
    a password they may not set."""
    from wardchart.storage import users

    with chart(context, create=False) as session:
        own = normal_username(args.username) == session.actor
        if not (new_password and own):
            session.require_administrator(MANAGE)
        password = None
        if new_password:
            password = secret(
                translate("AccountCommand", "new password for {username}").format(
                    username=args.username
                ),
                "WARDCHART_NEW_PASSWORD",
                twice=True,
            )
        user = session.change_account(
            args.username, reason=args.reason, password=password, disabled=disabled, role=role
        )
    print(
        translate("AccountCommand", "Changed account {account}").format(
            account=shown(users.describe(user))
        )
    )
    return 0


def user_disable(args: argparse.Namespace, context: Context) -> int:
    """Stop an account signing in; nothing it entered changes."""
    return _change_user(args, context, disabled=True)


def user_enable(args: argparse.Namespace, context: Context) -> int:
    """Let a disabled account sign in again."""
    return _change_user(args, context, disabled=False)


def user_password(args: argparse.Namespace, context: Context) -> int:
    """A new password: administrators for anyone, others for themselves."""
    return _change_user(args, context, new_password=True)


def user_role(args: argparse.Namespace, context: Context) -> int:
    """Make an account a nurse or a ward administrator (never the last administrator a
    nurse)."""
    return _change_user(args, context, role=args.role)
