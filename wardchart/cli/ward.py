"""The ward's own settings: the regimen library and the ward settings."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from wardchart.cli.base import AddCommand, Context, dump_json
from wardchart.cli.common import chart
from wardchart.cli.output import table
from wardchart.cli.words import german, number, translate
from wardchart.domain.regimens import check_regimen, regimen_from_text
from wardchart.domain.settings import SETTING_KEYS, setting_text
from wardchart.domain.units import refuse_thousands_point
from wardchart.session import changes


def register(commands: Any, command: AddCommand) -> None:
    """regimen, settings."""
    regimen = command(commands, "regimen", "the ward's regimen library")
    actions = regimen.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "list", "list the library")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=regimen_list)
    sub = command(actions, "set", "add a regimen or replace one of the same name")
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
    sub.set_defaults(handler=regimen_set)

    settings = command(commands, "settings", "ward settings")
    actions = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    command(actions, "show", "show the ward settings").set_defaults(handler=settings_show)
    sub = command(actions, "set", "change a ward setting")
    sub.add_argument("key")
    sub.add_argument("value")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler=settings_set)


# --- handlers ---------------------------------------------------------------------------


def regimen_list(args: argparse.Namespace, context: Context) -> int:
    """Print the ward's regimen library."""
    with chart(context, create=False, reads_only=True) as session:
        regimens = session.regimens()
    if args.json:
        print(
            dump_json(
                [
                    {
                        "name": r.name,
                        "cycle_length_days": r.cycle_length_days,
                        "nadir_window": [r.nadir_start, r.nadir_end],
                        "anc_threshold": None
                        if r.anc_threshold is None
                        else float(r.anc_threshold),
                        "anc_op": r.anc_op,
                        "plt_threshold": None
                        if r.plt_threshold is None
                        else float(r.plt_threshold),
                        "plt_op": r.plt_op,
                        "gcsf_required": r.gcsf_required,
                        "notes": r.notes,
                    }
                    for r in regimens
                ]
            )
        )
        return 0

    irrespective = translate("Regimens", "irrespective")

    def threshold(value: Decimal | None, op: str) -> str:
        return irrespective if value is None else f"{op} {number(value)}"

    headings = (
        translate("Regimens", "Regimen"),
        translate("Regimens", "Cycle"),
        translate("Regimens", "Nadir window"),
        translate("Regimens", "Day-1 ANC"),
        translate("Regimens", "Day-1 PLT"),
        translate("Regimens", "G-CSF"),
    )
    length = translate("Regimens", "{days} d")
    window = translate("Regimens", "days {start}–{end}")
    required = translate("Regimens", "required")
    print(
        table(
            headings,
            [
                (
                    r.name,
                    length.format(days=r.cycle_length_days),
                    window.format(start=r.nadir_start, end=r.nadir_end),
                    threshold(r.anc_threshold, r.anc_op),
                    threshold(r.plt_threshold, r.plt_op),
                    required if r.gcsf_required else "",
                )
                for r in regimens
            ],
        )
    )
    return 0


def regimen_set(args: argparse.Namespace, context: Context) -> int:
    """Add or replace a regimen in the ward's library."""

    if german():  # "1.500" reads as 1500 in German (docs/translations.md)
        for field, typed in (
            ("anc_threshold", args.anc_threshold),
            ("plt_threshold", args.plt_threshold),
        ):
            if typed is not None:
                refuse_thousands_point(typed, field)
    regimen = regimen_from_text(
        name=args.name,
        cycle_length=args.cycle_length,
        nadir_window=args.nadir_window,
        anc_threshold=args.anc_threshold,
        anc_op=args.anc_op,
        plt_threshold=args.plt_threshold,
        plt_op=args.plt_op,
        gcsf_required=args.gcsf_required,
        notes=args.notes,
    )
    check_regimen(regimen, confirmed=args.confirm)
    with chart(context, create=True) as session:
        session.save(changes.SaveRegimen(regimen, confirm=args.confirm))
    print(translate("Regimens", "Regimen {name} saved").format(name=regimen.name))
    return 0


def settings_show(_args: argparse.Namespace, context: Context) -> int:
    """Print the ward settings."""
    with chart(context, create=False, reads_only=True) as session:
        settings = session.settings
    for key in SETTING_KEYS:
        print(f"{key} = {setting_text(settings, key)}")
    return 0


def settings_set(args: argparse.Namespace, context: Context) -> int:
    """Change one ward setting."""
    if german() and args.key in ("recovery_anc", "anc_lln_default", "wbc_lln_default"):
        refuse_thousands_point(args.value, args.key)
    with chart(context, create=True) as session:
        session.save(changes.SetWardSetting(args.key, args.value, confirm=args.confirm))
    print(f"{args.key} = {args.value}")
    return 0
