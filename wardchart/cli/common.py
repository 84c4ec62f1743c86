"""What the command handlers share: the chart opened and signed in for one command, the
secrets it asks for, and the parsing of typed numbers and output files.

Every text value is parsed (and refused, naming its flag) before the chart file is
opened for writing, so a typing error never touches the file.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from wardchart.cli.base import Context
from wardchart.cli.words import german, translate
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.units import PER_LITRE_E9, parse_count_unit, parse_decimal, shown
from wardchart.domain.users import User
from wardchart.session.core import ChartingSession
from wardchart.session.opening import Written, charting
from wardchart.storage.database import ChartStore


@contextmanager
def chart(
    context: Context,
    *,
    create: bool,
    verify: bool = True,
    key: str | None = None,
    rewriting: bool = False,
    reads_only: bool = False,
) -> Iterator[ChartingSession]:
    """The chart file for one command, signed in (see ``wardchart.session.charting``).
    ``key``: the passphrase to open it with, instead of asking. A file with accounts
    signs in as --user; without them the operating-system user charts, and --user is
    refused rather than ignored."""
    written = Written()
    try:
        with charting(
            context.db_path,
            actor=context.actor,
            unlock=lambda _path, _why: key or passphrase(context),
            sign_in=lambda store: sign_in(store, context),
            create=create,
            verify=verify,
            rewriting=rewriting,
            reads_only=reads_only,
            clock=lambda: context.now,
            written=written,
        ) as session:
            if context.user is not None and not session.has_accounts():
                raise InvalidEntry(
                    [
                        Problem(
                            "user",
                            translate(
                                "Commands", "this chart file has no accounts yet; leave out --user"
                            ),
                        )
                    ]
                )
            context.actor = session.actor
            yield session
    finally:
        context.saved = context.saved or written.saved


def sign_in(store: ChartStore, context: Context) -> User:
    """Sign in as --user, the password from the environment or typed (every try is
    audited)."""
    from wardchart.storage import users

    if context.user is None:
        raise InvalidEntry(
            [
                Problem(
                    "user",
                    translate(
                        "Commands",
                        "this chart file has accounts: sign in with --user NAME "
                        "(password from WARDCHART_PASSWORD or the prompt)",
                    ),
                )
            ]
        )
    password = secret(
        translate("Commands", "password for {user}").format(user=context.user),
        "WARDCHART_PASSWORD",
    )
    return users.sign_in(store, context.user, password, now=context.now)


def passphrase(context: Context) -> str | None:
    """An encrypted chart file's passphrase (None for a plain or a new file)."""
    from wardchart.storage.cipher import is_encrypted

    path = context.db_path
    if not (path.is_file() and is_encrypted(path)):
        return None
    return secret(
        translate("Commands", "passphrase for {file}").format(file=path.name),
        "WARDCHART_PASSPHRASE",
        field="passphrase",
        missing=translate(
            "Commands",
            "chart file {path} is encrypted, or damaged, or not a chart file: if it is "
            "encrypted, set WARDCHART_PASSPHRASE or run this in a terminal; it was left untouched",
        ).format(path=path),
    )


def secret(
    prompt: str,
    variable: str,
    *,
    twice: bool = False,
    field: str = "password",
    missing: str | None = None,
) -> str:
    """A secret from the environment, else typed (not echoed), else an error: never
    from the command line, where other users of the computer could read it."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        text = missing or translate(
            "Commands", "no {field}: set {variable} or run this in a terminal"
        ).format(field=field, variable=variable)
        raise InvalidEntry([Problem(field, text)])
    import getpass

    typed = getpass.getpass(f"{prompt}: ")
    if twice and getpass.getpass(translate("Commands", "the same again: ")) != typed:
        differ = {
            "password": translate("Commands", "the two passwords differ"),
            "passphrase": translate("Commands", "the two passphrases differ"),
        }
        raise InvalidEntry([Problem(field, differ.get(field, f"the two {field}s differ"))])
    return typed


_DIGITS = re.compile(r"[0-9]{1,4}")


def output_path(text: str, context: Context, field: str = "out") -> Path:
    """Where to write an output file: never the chart, its journal or a backup (checked
    on the real file, links resolved), and in a folder that exists."""
    from wardchart.storage.files import check_output_path

    if not text.strip():
        raise InvalidEntry([Problem(field, translate("Commands", "is empty; give a file name"))])
    out = Path(text).expanduser()
    check_output_path(out, context.db_path, field)
    if not out.parent.is_dir():
        raise InvalidEntry(
            [
                Problem(
                    field,
                    translate("Commands", "the folder {folder} does not exist").format(
                        folder=out.parent
                    ),
                )
            ]
        )
    return out


def write_new_file(path: Path, text: str) -> None:
    """Write an export completely or not at all (a temporary file, then rename)."""
    from wardchart.storage.files import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise InvalidEntry(
            [
                Problem(
                    "out",
                    translate(
                        "Commands", "cannot write {path}: {reason}; nothing was saved"
                    ).format(path=path, reason=error.strerror or error),
                )
            ]
        ) from None


def number(text: str | None, field: str) -> Decimal | None:
    """A decimal typed for ``field`` (None: not given)."""
    return None if text is None else parse_decimal(text, field, thousands_point=german())


def whole(text: str | None, field: str) -> int | None:
    """A whole number typed in plain digits 0-9 (at most four): "²", "٣" or a 23-digit
    number is refused naming the field, never handed to Python's int()."""
    if text is None:
        return None
    if not _DIGITS.fullmatch(text.strip()):
        raise InvalidEntry(
            [
                Problem(
                    field,
                    translate(
                        "Commands", "{value} is not a whole number (digits 0-9, at most 4)"
                    ).format(value=shown(text)),
                )
            ]
        )
    return int(text.strip())


# --- option groups shared by several commands -------------------------------------------

CBC_FLAGS = (
    "--wbc",
    "--anc",
    "--neut-pct",
    "--bands-pct",
    "--unit",
    "--anc-lln",
    "--wbc-lln",
    "--platelets",
)


def add_cbc_options(sub: argparse.ArgumentParser) -> None:
    """The values of a full blood count (``lab add``, ``correct lab``)."""
    for flag in CBC_FLAGS:
        sub.add_argument(flag)


def cbc_entry(args: argparse.Namespace, taken: datetime) -> CbcEntry:
    """The full blood count typed with ``add_cbc_options``."""
    return CbcEntry(
        taken=taken,
        unit=PER_LITRE_E9 if args.unit is None else parse_count_unit(args.unit),
        wbc=number(args.wbc, "wbc"),
        anc=number(args.anc, "anc"),
        neut_pct=number(args.neut_pct, "neut_pct"),
        bands_pct=number(args.bands_pct, "bands_pct"),
        platelets=number(args.platelets, "platelets"),
        anc_lln=number(args.anc_lln, "anc_lln"),
        wbc_lln=number(args.wbc_lln, "wbc_lln"),
    )


ROUTES = ["oral", "axillary", "tympanic"]


def add_temperature_options(sub: argparse.ArgumentParser, *, route_default: str | None) -> None:
    """A temperature in one scale (``temp add``, ``correct temp``) and its route."""
    scale = sub.add_mutually_exclusive_group(required=True)
    scale.add_argument("--celsius")
    scale.add_argument("--fahrenheit")
    sub.add_argument("--route", default=route_default, choices=ROUTES)


def temperature(args: argparse.Namespace) -> tuple[Decimal, str]:
    """The temperature typed with ``add_temperature_options`` and its unit ("C", "F")."""
    unit = "C" if args.celsius is not None else "F"
    field = "celsius" if unit == "C" else "fahrenheit"
    typed = args.celsius if unit == "C" else args.fahrenheit
    return parse_decimal(typed, field, thousands_point=german()), unit
