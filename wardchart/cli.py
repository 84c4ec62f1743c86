"""The command line: a scriptable mirror of the window (DN §6).

The same validation, storage and audit as the window. Every failure exits 2 with one
line on stderr naming the field, and writes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from wardchart.domain.problems import InvalidEntry, Problem

EXIT_USAGE = 2

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
}


class UsageError(Exception):
    """A problem with what was typed; exits 2 with one line."""


class _Parser(argparse.ArgumentParser):
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
    #: Signed in as a ward administrator (a file without accounts: everyone is). False
    #: until the chart file has been opened and has said so: a check that could not be
    #: made refuses.
    admin: bool = False
    #: Something this command wrote has been committed to the chart file: a failure after
    #: that must say it was saved, or a retry would enter it twice.
    saved: bool = False


def _actor() -> str:
    """A chart file without accounts records the operating-system user (issue 6)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# --- parser -----------------------------------------------------------------------------


USER_HELP = (
    "sign in as this account (a chart file with accounts needs it); the password comes "
    "from $WARDCHART_PASSWORD, else a prompt"
)


def _global_parser() -> argparse.ArgumentParser:
    """The options that come before any command."""
    parser = _Parser(prog="wardchart", description="The oncology ward's neutropenia chart.")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="chart file (default: $WARDCHART_DB, else the user data folder)",
    )
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


def owner_only_files() -> None:
    """Everything wardchart creates on POSIX — the chart file and its journal, backups,
    exported and printed files, logs, window settings — is readable by its owner only
    (files 0600, folders 0700): patient data on a shared or lost computer (issue 6). Where
    the machine file shares the chart's folder with a group of OS users, the group may
    read and write too (0660, 0770; see docs/deployment.md)."""
    if os.name == "posix":
        from wardchart.storage.machine_config import group_shared

        os.umask(0o007 if group_shared() else 0o077)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse a command line. Opening the window (no command) skips building the parsers
    of every command, which is a noticeable part of the window's start-up."""
    words = list(sys.argv[1:] if argv is None else argv)
    if "-h" not in words and "--help" not in words:
        quick, rest = _global_parser().parse_known_args(words)
        from wardchart.paths import is_chart_argument

        if len(rest) == 1 and quick.db is None and is_chart_argument(rest[0]):
            quick.db, rest = rest[0], []  # `wardchart FILE`: the desktop entry's %f
        if not rest:
            quick.command = None
            return quick
    return build_parser().parse_args(words)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, documented in README.md."""
    db_opt = _Parser(add_help=False)
    db_opt.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="chart file (default: $WARDCHART_DB, else the user data folder)",
    )
    db_opt.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=USER_HELP)
    parser = _global_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, helptext: str, parent: Any = commands) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = parent.add_parser(
            name, help=helptext, parents=[db_opt], description=helptext
        )
        return sub

    sub = command("demo", "write a realistic demo ward into a new, empty chart file")
    sub.set_defaults(handler="demo")

    patient = command("patient", "admit and list patients")
    patient_cmds = patient.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("add", "admit a patient", patient_cmds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--name", required=True, help='"Family, Given"')
    sub.add_argument("--dob", required=True, help="YYYY-MM-DD")
    sub.add_argument("--sex", default="", choices=["F", "M", "X"])
    sub.add_argument("--bed", default="")
    sub.add_argument("--diagnosis", default="")
    sub.add_argument(
        "--marrow-involved",
        action="store_true",
        help="haematological cancer involving the marrow (higher risk)",
    )
    sub.add_argument("--immune-disorder", action="store_true", help="immune disorder (higher risk)")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="patient_add")
    sub = command("list", "the census", patient_cmds)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="patient_list")

    cycle = command("cycle", "chemotherapy cycles")
    cycle_cmds = cycle.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("start", "start the patient's next cycle", cycle_cmds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--regimen", required=True)
    sub.add_argument("--day1", required=True, help="date chemotherapy was given, YYYY-MM-DD")
    sub.add_argument("--nadir-window", help="first-last cycle day, e.g. 7-14")
    sub.add_argument("--cycle-length", help="days")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="cycle_start")

    lab = command("lab", "CBC results")
    lab_cmds = lab.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("add", "record a CBC", lab_cmds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--taken", required=True, help="collection time, e.g. '2026-03-12 08:30'")
    for flag in (
        "--wbc",
        "--anc",
        "--neut-pct",
        "--bands-pct",
        "--unit",
        "--anc-lln",
        "--wbc-lln",
        "--platelets",
    ):
        sub.add_argument(flag)
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="lab_add")
    sub = command("held", "every laboratory result held for a person: HL7 and FHIR", lab_cmds)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="lab_held")

    temp = command("temp", "temperatures")
    temp_cmds = temp.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("add", "record a temperature", temp_cmds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--taken", required=True)
    scale = sub.add_mutually_exclusive_group(required=True)
    scale.add_argument("--celsius")
    scale.add_argument("--fahrenheit")
    sub.add_argument("--route", default="", choices=["oral", "axillary", "tympanic"])
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="temp_add")

    gcsf = command("gcsf", "G-CSF doses")
    gcsf_cmds = gcsf.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("add", "record a G-CSF dose", gcsf_cmds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--given", required=True)
    sub.add_argument("--drug", required=True, help="e.g. filgrastim, pegfilgrastim")
    sub.add_argument("--dose", default="")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="gcsf_add")

    prec = command("precautions", "neutropenic precautions")
    prec_cmds = prec.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action in ("set", "clear"):
        sub = command(action, f"{action} neutropenic precautions", prec_cmds)
        sub.add_argument("--mrn", required=True)
        sub.add_argument("--note", default="")
        sub.set_defaults(handler="precautions", active=action == "set")

    sub = command("summary", "a patient's computed chart")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--ctcae", choices=["5.0", "6.0"])
    sub.add_argument("--fn-rule", choices=["idsa2010", "ctcae", "esmo", "nice"])
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="summary")

    sub = command("export", "every current record with its computed values")
    sub.add_argument("--format", required=True, choices=["csv", "json"])
    sub.add_argument("--mrn")
    sub.add_argument(
        "--kind",
        choices=["result", "cycle", "temperature", "gcsf", "precautions"],
        help="only records of this kind (a CSV of results can be imported again)",
    )
    sub.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    sub.set_defaults(handler="export")

    sub = command("import", "CBC results from a CSV file (all rows or none)")
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="import")

    hl7 = command("hl7", "laboratory results from HL7 v2 ORU^R01 messages")
    hl7_cmds = hl7.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(
        "import", "chart the CBCs of HL7 result files, or of every file in a folder", hl7_cmds
    )
    sub.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="hl7_import")
    sub = command("held", "the messages held for a person to look at", hl7_cmds)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="hl7_held")
    sub = command("attach", "chart a held message's results to the right patient", hl7_cmds)
    sub.add_argument("--message", required=True, metavar="ID", help="from `wardchart hl7 held`")
    sub.add_argument("--mrn", required=True, help="the patient the results belong to")
    sub.add_argument("--reason", required=True, help="why this is the patient")
    sub.set_defaults(handler="hl7_attach")
    sub = command("dismiss", "take a held message off the list without charting it", hl7_cmds)
    sub.add_argument("--message", required=True, metavar="ID", help="from `wardchart hl7 held`")
    sub.add_argument("--reason", required=True, help="why it is not charted")
    sub.set_defaults(handler="hl7_dismiss")

    fhir = command("fhir", "FHIR R4 bundles: export the chart, import lab results")
    fhir_cmds = fhir.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("export", "a FHIR R4 Bundle (collection) of one patient or the ward", fhir_cmds)
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--mrn")
    who.add_argument("--all", action="store_true", help="every patient on the ward")
    sub.add_argument("--out", metavar="FILE", required=True)
    sub.set_defaults(handler="fhir_export")
    sub = command(
        "import", "chart the WBC, ANC, neutrophil %% and temperatures of a FHIR Bundle", fhir_cmds
    )
    sub.add_argument("file", metavar="FILE.json")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="fhir_import")

    regimen = command("regimen", "the ward's regimen library")
    regimen_cmds = regimen.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("list", "list the library", regimen_cmds)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="regimen_list")
    sub = command("set", "add a regimen or replace one of the same name", regimen_cmds)
    sub.add_argument("--name", required=True)
    sub.add_argument("--cycle-length", required=True)
    sub.add_argument("--nadir-window", required=True)
    sub.add_argument("--anc-threshold", help="day-1 ANC ×10⁹/L; 'none' = irrespective of ANC")
    sub.add_argument("--anc-op", choices=[">=", ">"], default=">=")
    sub.add_argument("--plt-threshold", help="day-1 platelets ×10⁹/L; 'none' = not required")
    sub.add_argument("--plt-op", choices=[">=", ">"], default=">=")
    sub.add_argument("--gcsf-required", action="store_true")
    sub.add_argument("--notes", default="")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="regimen_set")

    settings = command("settings", "ward settings")
    settings_cmds = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    command("show", "show the ward settings", settings_cmds).set_defaults(handler="settings_show")
    sub = command("set", "change a ward setting", settings_cmds)
    sub.add_argument("key")
    sub.add_argument("value")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler="settings_set")

    command(
        "encrypt", "encrypt the chart file and its backups (passphrase: $WARDCHART_NEW_PASSPHRASE)"
    ).set_defaults(handler="encrypt")
    command("decrypt", "make an encrypted chart file and its backups plain again").set_defaults(
        handler="decrypt"
    )

    user = command("user", "local accounts: who may chart (ward administrators manage them)")
    user_cmds = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    sub = command("add", "create an account (the first must be --role admin)", user_cmds)
    sub.add_argument("--username", required=True, help="2–32 lower-case letters and digits")
    sub.add_argument("--name", required=True, help="the person's full name")
    sub.add_argument("--initials", required=True)
    sub.add_argument("--role", required=True, choices=["nurse", "admin"])
    sub.set_defaults(handler="user_add")
    command("list", "list the accounts", user_cmds).set_defaults(handler="user_list")
    for action, helptext in (
        ("disable", "stop an account from signing in (its entries stay attributed to it)"),
        ("enable", "let a disabled account sign in again"),
        ("password", "set a new password (administrators: anyone's; others: their own)"),
    ):
        sub = command(action, helptext, user_cmds)
        sub.add_argument("--username", required=True)
        sub.add_argument("--reason", required=True)
        sub.set_defaults(handler=f"user_{action}")

    report = command("report", "printable PDF documents (no display needed)")
    report_cmds = report.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("patient", "a patient's chart summary", report_cmds)
    sub.add_argument("--mrn", required=True)
    which = sub.add_mutually_exclusive_group()
    which.add_argument("--cycle", help="cycle number (default: the current cycle)")
    which.add_argument(
        "--overlay-previous",
        action="store_true",
        help="the current cycle with the earlier ones overlaid on the chart",
    )
    sub.add_argument("--paper", choices=["a4", "letter"], help="default: the system's")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub.set_defaults(handler="report_patient")
    sub = command("ward", "the ward handover / downtime sheet", report_cmds)
    sub.add_argument("--paper", choices=["a4", "letter"], help="default: the system's")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub.set_defaults(handler="report_ward")

    correct = command(
        "correct",
        "correct a record, or mark it entered in error (reason "
        "required; the old version stays in the history)",
    )
    kinds = correct.add_subparsers(dest="action", metavar="KIND", required=True)
    sub = command("lab", "replace a CBC's values (the whole entry, as for lab add)", kinds)
    sub.add_argument("--id", required=True, help="the result's id (first 8+ characters)")
    sub.add_argument("--reason", required=True)
    sub.add_argument("--taken", help="default: the original time")
    for flag in (
        "--wbc",
        "--anc",
        "--neut-pct",
        "--bands-pct",
        "--unit",
        "--anc-lln",
        "--wbc-lln",
        "--platelets",
    ):
        sub.add_argument(flag)
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="correct_lab")
    sub = command("temp", "replace a temperature", kinds)
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--taken", help="default: the original time")
    scale = sub.add_mutually_exclusive_group(required=True)
    scale.add_argument("--celsius")
    scale.add_argument("--fahrenheit")
    sub.add_argument("--route", choices=["oral", "axillary", "tympanic"])
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="correct_temp")
    sub = command("gcsf", "correct a G-CSF dose (unchanged fields keep their values)", kinds)
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--given")
    sub.add_argument("--drug")
    sub.add_argument("--dose")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="correct_gcsf")
    sub = command("cycle", "correct a cycle's day 1, window or length", kinds)
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--day1")
    sub.add_argument("--nadir-window")
    sub.add_argument("--cycle-length")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="correct_cycle")
    sub = command("patient", "correct a patient's details or record a new bed", kinds)
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--reason", required=True)
    sub.add_argument("--new-mrn")
    sub.add_argument("--name")
    sub.add_argument("--dob")
    sub.add_argument("--sex", choices=["F", "M", "X"])
    sub.add_argument("--bed")
    sub.add_argument("--diagnosis")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler="correct_patient")
    sub = command("entered-in-error", "withdraw a record from the chart", kinds)
    sub.add_argument(
        "--kind",
        required=True,
        choices=["result", "temperature", "gcsf", "cycle", "precaution", "patient"],
    )
    sub.add_argument("--id", required=True)
    sub.add_argument("--reason", required=True)
    sub.set_defaults(handler="entered_in_error")

    sub = command("history", "every version of a patient's records, who, when and why")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler="history")

    sub = command("backup", "write a verified backup of the chart file now")
    sub.add_argument("--out", metavar="FILE", help="default: the backups folder beside the file")
    sub.set_defaults(handler="backup")
    command("backups", "list the chart file's backups").set_defaults(handler="backups")
    sub = command(
        "restore", "replace the chart with a backup (the current file is backed up first)"
    )
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(handler="restore")
    sub = command("check", "integrity, foreign keys, audit, schema and its objects: one line each")
    sub.set_defaults(handler="check")

    audit = command("audit", "the audit log")
    audit_cmds = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command("verify", "check the hash chain and that every record is audited", audit_cmds)
    sub.add_argument(
        "--against",
        metavar="BACKUP_FILE",
        help="also check the history extends a backup's (or a printed head, e.g. 42-3f9a…)",
    )
    sub.set_defaults(handler="audit_verify")
    sub = command("show", "list audit entries", audit_cmds)
    sub.add_argument("--mrn")
    sub.add_argument("--since", help="YYYY-MM-DD")
    sub.set_defaults(handler="audit_show")
    return parser


# --- entry point ------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status."""
    owner_only_files()
    from wardchart.domain.problems import InvalidEntry
    from wardchart.storage.errors import ChartFileError, db_errors, describe

    context: Context | None = None
    _window_start[0] = False
    try:
        args = parse(argv)
        from wardchart.logs import log_start

        log_start("window" if args.command is None else f"command {args.handler}")
        _window_start[0] = args.command is None and not args.version and not args.self_test
        from wardchart.paths import chart_path, path_problem

        if args.db is not None and not args.db.strip():
            raise UsageError("--db: is empty; give the chart file's path")
        context = Context(
            chart_path(args.db), _actor(), datetime.now().astimezone(), user=args.user
        )
        odd_path = path_problem(context.db_path)
        if odd_path is not None:
            raise UsageError(f"--db: {context.db_path} {odd_path}")
        if args.version:
            from wardchart.about import about_text

            print(about_text(context.db_path))
            return 0
        if args.command is None:
            return _no_command(context, self_test=args.self_test)
        from wardchart import commands

        handler: Callable[[argparse.Namespace, Context], int] = getattr(
            commands, f"cmd_{args.handler}"
        )
        return handler(args, context)
    except UsageError as error:
        return _fail(str(error))
    except InvalidEntry as error:
        return _fail(_entry_message(error))
    except ChartFileError as error:
        if context is not None and context.saved:
            return _saved_then_failed(str(error))
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except db_errors() as error:  # damage found mid-way, a lock held too long, a full disk
        if context is not None and context.saved:
            return _saved_then_failed(f"{type(error).__name__}: {error}")
        return _fail(
            str(
                describe(
                    error,
                    Path(os.environ.get("WARDCHART_DB", ""))
                    if context is None
                    else context.db_path,
                )
            )
        )
    except Exception as error:  # never a traceback: one line here, the details in the log
        if context is not None and context.saved:
            return _saved_then_failed(
                f"unexpected {type(error).__name__}: {error}; details in {_log_failure()}"
            )
        return _fail(
            f"unexpected {type(error).__name__}: {error}; nothing more was saved; "
            f"details in {_log_failure()}"
        )


def _log_failure() -> str:
    from wardchart.logs import log_exception

    _, error, tb = sys.exc_info()
    assert error is not None
    return str(log_exception(type(error), error, tb))


def _saved_then_failed(detail: str) -> int:
    """A command failed after its change was committed: say plainly that it was saved (and
    exit 0), so that nobody, and no script, enters it a second time."""
    print(
        "wardchart: warning: what was entered WAS saved, but the command failed after "
        f"saving it ({' '.join(detail.split())}); do not enter it again",
        file=sys.stderr,
    )
    return 0


#: Whether this run opens the window: a failure before it shows is then shown in a dialog.
_window_start = [False]


def _fail(message: str) -> int:
    line = " ".join(message.split())
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
    shown = dict.fromkeys(_named(p) for p in error.problems)
    return "; ".join(shown) + "; if the values are right, add --confirm"


def _named(problem: Problem) -> str:
    if problem.message.startswith("line "):
        return problem.message
    return f"{FLAGS.get(problem.field, problem.field)}: {problem.message}"


def _no_command(context: Context, *, self_test: bool) -> int:
    """Open the main window on the chart file."""
    from wardchart.app import run_window

    return run_window(context.db_path, context.actor, self_test=self_test, user=context.user)


def dump_json(value: Any) -> str:
    """JSON as the command line prints it."""
    return json.dumps(value, indent=2, ensure_ascii=False)
