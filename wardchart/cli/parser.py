"""The whole command line, documented in README.md: each area of commands adds its own
parsers and handlers (``set_defaults(handler=...)``), in the order ``--help`` lists them."""

from __future__ import annotations

import argparse
from typing import Any

from wardchart.cli import (
    accounts,
    charting,
    corrections,
    files,
    hub,
    printouts,
    records,
    replicas,
    ward,
)
from wardchart.cli.base import DB_HELP, USER_HELP, Parser, global_parser


def build_parser() -> argparse.ArgumentParser:
    """Every command, with its options and handler."""
    db_opt = Parser(add_help=False)
    db_opt.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    db_opt.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=USER_HELP)
    parser = global_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(group: Any, name: str, helptext: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(
            name, help=helptext, parents=[db_opt], description=helptext
        )
        return sub

    charting.register(commands, command)
    lab = command(commands, "lab", "CBC results")
    lab_actions = lab.add_subparsers(dest="action", metavar="ACTION", required=True)
    charting.register_lab_add(lab_actions, command)
    records.register_lab_held(lab_actions, command)
    charting.register_after_lab(commands, command)
    records.register(commands, command)
    ward.register(commands, command)
    files.register_encryption(commands, command)
    accounts.register(commands, command)
    printouts.register(commands, command)
    corrections.register(commands, command)
    files.register(commands, command)
    hub.register(commands, command)
    replicas.register(commands, command)
    return parser
