"""What every part of the command line shares and that costs nothing to import: the
usage error, the parser that reports in one line, the context a command runs in."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, Protocol

EXIT_USAGE = 2

USER_HELP = (
    "sign in as this account (a chart file with accounts needs it); the password comes "
    "from $WARDCHART_PASSWORD, else a prompt"
)
DB_HELP = "chart file (default: $WARDCHART_DB, else the user data folder)"


class UsageError(Exception):
    """A problem with what was typed; exits 2 with one line."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


@dataclass
class Context:
    """What every command needs: the chart file, who is acting, and now. ``user`` is the
    account asked for with --user; once signed in, ``actor`` is its user name."""

    db_path: Path
    actor: str
    now: datetime
    user: str | None = None
    #: Something this command wrote has been committed to the chart file: a failure
    #: after that must say it was saved, or a retry would enter it twice.
    saved: bool = False


def global_parser() -> argparse.ArgumentParser:
    """The options that come before any command."""
    parser = Parser(prog="wardchart", description="The oncology ward's neutropenia chart.")
    parser.add_argument("--db", metavar="PATH", default=None, help=DB_HELP)
    parser.add_argument("--user", metavar="NAME", default=None, help=USER_HELP)
    parser.add_argument(
        "--version",
        action="store_true",
        help="version, chart file, grading and fever rule, licences",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen, draw the first patient, exit 0 if all is well",
    )
    return parser


#: A command's handler: run it with the parsed arguments; return the exit status.
Handler = Callable[[argparse.Namespace, Context], int]


class AddCommand(Protocol):
    """Adds one command (or command group) to a group of commands, with the options every
    command takes (--db, --user)."""

    def __call__(self, group: Any, name: str, helptext: str) -> argparse.ArgumentParser: ...


def os_user() -> str:
    """A chart file without accounts records the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def dump_json(value: Any) -> str:
    """JSON as the command line prints it."""
    import json  # not on the window's start

    return json.dumps(value, indent=2, ensure_ascii=False)
