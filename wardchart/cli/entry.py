"""The command line's entry point: a scriptable mirror of the window.

The same validation, session, storage and audit as the window. Every failure exits 2
with one line on stderr naming the field, and writes nothing. Opening the window (no
command) does not build the parsers of the commands (``wardchart.cli.parser``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wardchart.cli.base import (
    EXIT_USAGE,
    Context,
    Handler,
    UsageError,
    global_parser,
    os_user,
)
from wardchart.cli.words import install, shown, translate

if TYPE_CHECKING:
    from wardchart.domain.problems import InvalidEntry, Problem

#: Domain field names → the flag a person typed.
FLAGS = {
    "wbc": "--wbc",
    "anc": "--anc",
    "neut_pct": "--neut-pct",
    "bands_pct": "--bands-pct",
    "platelets": "--platelets",
    "anc_lln": "--anc-lln",
    "wbc_lln": "--wbc-lln",
    "unit": "--unit",
    "taken": "--taken",
    "given": "--given",
    "drug": "--drug",
    "celsius": "--celsius",
    "fahrenheit": "--fahrenheit",
    "mrn": "--mrn",
    "name": "--name",
    "dob": "--dob",
    "sex": "--sex",
    "day1": "--day1",
    "nadir_window": "--nadir-window",
    "cycle_length": "--cycle-length",
    "recovery_anc": "recovery_anc",
    "anc_lln_default": "anc_lln_default",
    "wbc_lln_default": "wbc_lln_default",
    "regimen": "--regimen",
    "db": "--db",
    "since": "--since",
    "anc_threshold": "--anc-threshold",
    "out": "--out",
    "id": "--id",
    "reason": "--reason",
    "message": "--message",
    "cycle": "--cycle",
    "plt_threshold": "--plt-threshold",
    "user": "--user",
    "bed": "--bed",
    "diagnosis": "--diagnosis",
    "note": "--note",
    "dose": "--dose",
    "username": "--username",
    "full_name": "--name",
    "initials": "--initials",
    "notes": "--notes",
    "role": "--role",
    "passphrase": "passphrase",
    "keep": "--keep",
    "link": "--link",
    "new_version": "--new-version",
    "encrypt": "--encrypt",
}


# --- parser -----------------------------------------------------------------------------


def owner_only_files() -> None:
    """Everything wardchart creates on POSIX — the chart file and its journal, backups,
    exported and printed files, logs, window settings — is readable by its owner only
    (files 0600, folders 0700): patient data on a shared or lost computer. Where the
    machine file shares the chart's folder with a group of OS users, the group may read and
    write too (0660, 0770; see docs/deployment.md)."""
    if os.name == "posix":
        from wardchart.storage.machine_config import group_shared

        os.umask(0o007 if group_shared() else 0o077)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse a command line. Opening the window (no command) skips building the parsers
    of every command, which is a noticeable part of the window's start-up."""
    words = list(sys.argv[1:] if argv is None else argv)
    window = _window_command_line(words)
    if window is not None:
        return window
    if "-h" not in words and "--help" not in words:
        quick, rest = global_parser().parse_known_args(words)
        from wardchart.paths import is_chart_argument

        if len(rest) == 1 and quick.db is None and is_chart_argument(rest[0]):
            quick.db, rest = rest[0], []  # `wardchart FILE`: the desktop entry's %f
        if not rest:
            quick.command = None
            return quick
    from wardchart.cli.parser import build_parser

    return build_parser().parse_args(words)


def _window_command_line(words: list[str]) -> argparse.Namespace | None:
    """The window's usual command lines, read as the global parser reads them but without
    building it (argparse looks up its own translations as it builds one, a few
    milliseconds of the window's start): none, the desktop entry's ``wardchart FILE``,
    and ``wardchart --db PATH``. None for anything else."""
    if not words:
        db = None
    elif len(words) == 1:
        from wardchart.paths import is_chart_argument

        if not is_chart_argument(words[0]):
            return None
        db = words[0]
    elif len(words) == 2 and words[0] == "--db" and not words[1].startswith("-"):
        db = words[1]
    else:
        return None
    return argparse.Namespace(db=db, user=None, version=False, self_test=False, command=None)


# --- entry point ------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911  one exit per outcome
    """Run one command; return the exit status."""
    owner_only_files()
    from wardchart.domain.problems import InvalidEntry
    from wardchart.storage.errors import ChartFileError, db_errors, describe

    context: Context | None = None
    _window_start[0] = False
    try:
        args = parse(argv)
        _log_start(args)
        _window_start[0] = args.command is None and not args.version and not args.self_test
        if not _window_start[0]:
            install()  # the window installs its language itself (app.run_window)
        from wardchart.paths import chart_path, path_problem

        if args.db is not None and not args.db.strip():
            raise UsageError(translate("Commands", "--db: is empty; give the chart file's path"))
        context = Context(
            chart_path(args.db), os_user(), datetime.now().astimezone(), user=args.user
        )
        odd_path = path_problem(context.db_path)
        if odd_path is not None:
            raise UsageError(
                translate("Commands", "--db: {path} {problem}").format(
                    path=context.db_path, problem=shown(odd_path)
                )
            )
        if args.version:
            from wardchart.about import about_text

            print(about_text(context.db_path))
            return 0
        if args.command is None:
            return _no_command(context, self_test=args.self_test)
        handler: Handler = args.handler
        return handler(args, context)
    except UsageError as error:
        return _fail(error)
    except InvalidEntry as error:
        return _fail(_entry_message(error))
    except ChartFileError as error:
        if context is not None and context.saved:
            return _saved_then_failed(shown(error))
        return _fail(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except db_errors() as error:  # damage found mid-way, a lock held too long, a full disk
        if context is not None and context.saved:
            return _saved_then_failed(f"{type(error).__name__}: {error}")
        return _fail(
            describe(
                error,
                Path(os.environ.get("WARDCHART_DB", "")) if context is None else context.db_path,
            )
        )
    except Exception as error:  # never a traceback: one line here, the details in the log
        if context is not None and context.saved:
            return _saved_then_failed(
                translate("Commands", "unexpected {error}: {detail}; details in {log}").format(
                    error=type(error).__name__, detail=shown(error), log=_log_failure()
                )
            )
        return _fail(
            translate(
                "Commands",
                "unexpected {error}: {detail}; nothing more was saved; details in {log}",
            ).format(error=type(error).__name__, detail=shown(error), log=_log_failure())
        )


def _log_start(args: argparse.Namespace) -> None:
    from wardchart.logs import log_start, log_start_later

    if args.command is None and not args.version:  # once the window shows (see logs.py)
        log_start_later("window")
    else:
        log_start("window" if args.command is None else f"command {args.handler.__name__}")


def _log_failure() -> str:
    from wardchart.logs import log_exception

    _, error, tb = sys.exc_info()
    assert error is not None
    return str(log_exception(type(error), error, tb))


def _saved_then_failed(detail: str) -> int:
    """A command failed after its change was committed: say plainly that it was saved (and
    exit 0), so that nobody, and no script, enters it a second time."""
    said = translate(
        "Commands",
        "what was entered WAS saved, but the command failed after saving it ({detail}); "
        "do not enter it again",
    ).format(detail=" ".join(detail.split()))
    # "wardchart: warning:" and "wardchart: error:" stay English in every language:
    # scripts look for them (docs/translations.md).
    print(f"wardchart: warning: {said}", file=sys.stderr)
    return 0


#: Whether this run opens the window: a failure before it shows is then shown in a dialog.
_window_start = [False]


def _fail(message: object) -> int:
    """Say why in one line on stderr; exit 2. ``message`` is shown in the language in use."""
    if not _window_start[0]:
        install()  # also when the command line itself could not be read
    line = " ".join(shown(message).split())
    print(f"wardchart: error: {line}", file=sys.stderr)
    if _window_start[0]:
        from wardchart.app import show_failure_before_window

        show_failure_before_window(line)
    return EXIT_USAGE


def _entry_message(error: InvalidEntry) -> str:
    """One line: the first error; or, if there are only warnings, every one of them
    (--confirm accepts them all, so none may go unseen) and, once, how to accept them."""
    problem = error.first
    if problem.severity == "error":
        return _named(problem)
    said = dict.fromkeys(_named(p) for p in error.problems)
    return translate("Commands", "{warnings}; if the values are right, add --confirm").format(
        warnings="; ".join(said)
    )


def _named(problem: Problem) -> str:
    """A problem with the flag it is about: "--anc: must be a number"."""
    if problem.message.startswith("line "):
        return shown(problem.message)
    return f"{FLAGS.get(problem.field, problem.field)}: {shown(problem.message)}"


def _no_command(context: Context, *, self_test: bool) -> int:
    """Open the main window on the chart file."""
    from wardchart.app import run_window

    return run_window(context.db_path, context.actor, self_test=self_test, user=context.user)
