"""Charting at the bedside: admit, start a cycle, record counts, temperatures and G-CSF,
precautions; the census and a patient's computed chart."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from wardchart.cli.base import AddCommand, Context, dump_json
from wardchart.cli.common import (
    add_cbc_options,
    add_temperature_options,
    cbc_entry,
    chart,
    temperature,
    whole,
)
from wardchart.cli.output import census_cells, census_headings, census_json, chart_text, table
from wardchart.cli.words import date_text, shown, translate
from wardchart.cli.words import number as decimal_text
from wardchart.domain.census import census_row
from wardchart.domain.chart import PatientChart
from wardchart.domain.display import count_text, time_text
from wardchart.domain.fever import FnRuleName
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.identifiers import normal_mrn, normal_text
from wardchart.domain.regimens import parse_window
from wardchart.domain.summary import chart_summary
from wardchart.domain.timeparse import parse_date, parse_datetime
from wardchart.session import changes
from wardchart.storage import queries


def register(commands: Any, command: AddCommand) -> None:
    """demo, patient, cycle, lab add, temp, gcsf, precautions, summary."""
    sub = command(commands, "demo", "write a realistic demo ward into a new, empty chart file")
    sub.set_defaults(handler=demo)

    patient = command(commands, "patient", "admit and list patients")
    actions = patient.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "add", "admit a patient")
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
    sub.set_defaults(handler=patient_add)
    sub = command(actions, "list", "the census")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=patient_list)

    cycle = command(commands, "cycle", "chemotherapy cycles")
    actions = cycle.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "start", "start the patient's next cycle")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--regimen", required=True)
    sub.add_argument("--day1", required=True, help="date chemotherapy was given, YYYY-MM-DD")
    sub.add_argument("--nadir-window", help="first-last cycle day, e.g. 7-14")
    sub.add_argument("--cycle-length", help="days")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler=cycle_start)


def register_lab_add(lab_actions: Any, command: AddCommand) -> None:
    """lab add (the ``lab`` group also holds ``lab held``, with the records in)."""
    sub = command(lab_actions, "add", "record a CBC")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--taken", required=True, help="collection time, e.g. '2026-03-12 08:30'")
    add_cbc_options(sub)
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler=lab_add)


def register_after_lab(commands: Any, command: AddCommand) -> None:
    """temp, gcsf, precautions, summary."""
    temp = command(commands, "temp", "temperatures")
    actions = temp.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "add", "record a temperature")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--taken", required=True)
    add_temperature_options(sub, route_default="")
    sub.add_argument("--confirm", action="store_true")
    sub.set_defaults(handler=temp_add)

    gcsf = command(commands, "gcsf", "G-CSF doses")
    actions = gcsf.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "add", "record a G-CSF dose")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--given", required=True)
    sub.add_argument("--drug", required=True, help="e.g. filgrastim, pegfilgrastim")
    sub.add_argument("--dose", default="")
    sub.add_argument("--confirm", action="store_true", help="accept plausibility warnings")
    sub.set_defaults(handler=gcsf_add)

    prec = command(commands, "precautions", "neutropenic precautions")
    actions = prec.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action in ("set", "clear"):
        sub = command(actions, action, f"{action} neutropenic precautions")
        sub.add_argument("--mrn", required=True)
        sub.add_argument("--note", default="")
        sub.set_defaults(handler=precautions, active=action == "set")

    sub = command(commands, "summary", "a patient's computed chart")
    sub.add_argument("--mrn", required=True)
    sub.add_argument("--ctcae", choices=["5.0", "6.0"])
    sub.add_argument("--fn-rule", choices=["idsa2010", "ctcae", "esmo", "nice"])
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=summary)


# --- handlers ---------------------------------------------------------------------------


def demo(_args: argparse.Namespace, context: Context) -> int:
    """Write the demo ward and print its census."""
    from wardchart.demo import write_demo_ward

    with chart(context, create=True) as session:
        count = write_demo_ward(session.store, now=context.now)
    print(
        translate("Commands", "Demo ward of {count} patients written to {path}").format(
            count=count, path=context.db_path
        ),
        file=sys.stderr,
    )
    return print_census(context, as_json=False)


def patient_add(args: argparse.Namespace, context: Context) -> int:
    """Admit a patient."""
    dob = parse_date(args.dob, "dob")
    with chart(context, create=True) as session:
        session.save(
            changes.AdmitPatient(
                mrn=args.mrn,
                name=args.name,
                dob=dob,
                sex=args.sex,
                bed=args.bed,
                diagnosis=args.diagnosis,
                marrow_involved=args.marrow_involved,
                immune_disorder=args.immune_disorder,
                confirm=args.confirm,
            )
        )
    print(
        translate("Commands", "Admitted {name} (MRN {mrn})").format(
            name=normal_text(args.name), mrn=normal_mrn(args.mrn)
        )
    )
    return 0


def patient_list(args: argparse.Namespace, context: Context) -> int:
    """Print the census."""
    return print_census(context, as_json=args.json)


def print_census(context: Context, *, as_json: bool) -> int:
    """The census as a table or JSON, sorted by bed."""
    with chart(context, create=False, reads_only=True) as session:
        rows = [census_row(session.chart(p)) for p in session.patients()]
    if as_json:
        print(dump_json([census_json(r) for r in rows]))
    elif rows:
        print(table(census_headings(), [census_cells(r) for r in rows]))
    else:
        print(
            translate(
                "Commands",
                "No patients yet. Admit one with: wardchart patient add --mrn MRN --name NAME "
                "--dob YYYY-MM-DD   (or try the demo ward: wardchart demo --db demo.sqlite)",
            )
        )
    return 0


def cycle_start(args: argparse.Namespace, context: Context) -> int:
    """Start the patient's next cycle."""
    day1 = parse_date(args.day1, "day1")
    window = None if args.nadir_window is None else parse_window(args.nadir_window)
    length = whole(args.cycle_length, "cycle_length")
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        session.save(
            changes.StartCycle(
                patient=patient,
                regimen_name=args.regimen,
                day1=day1,
                nadir_window=window,
                cycle_length_days=length,
                confirm=args.confirm,
            )
        )
        number = len(queries.patient_records(session.store.db, patient).cycles)
    print(
        translate(
            "Commands", "Cycle {number} of {regimen} started for MRN {mrn}, day 1 {day1}"
        ).format(number=number, regimen=args.regimen, mrn=patient.mrn, day1=date_text(day1))
    )
    return 0


def lab_add(args: argparse.Namespace, context: Context) -> int:
    """Record a CBC."""
    entry = cbc_entry(args, parse_datetime(args.taken, "taken"))
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        before = _alert_keys(session.chart(patient))
        record = session.save(changes.RecordCbc(patient=patient, entry=entry, confirm=args.confirm))
        charted = session.chart(patient)
    # The saved result is found by the id the save returned, never by a value that
    # storage may have normalised (see docs/dates-and-times.md, "A save is reported as a save").
    saved = [r for r in charted.all_results if r.result.id == record.record_id]
    if not saved:  # stored, but outside the chart's view (e.g. before the first cycle)
        print(translate("Commands", "Recorded CBC for MRN {mrn}").format(mrn=patient.mrn))
        _print_new_alerts(charted, before)
        return 0
    result = saved[0]
    anc = result.result.anc
    sources = {
        "computed": translate("Commands", "computed"),
        "lab": translate("Commands", "lab"),
    }
    text = (
        translate("Commands", "no ANC")
        if anc is None
        else translate("Commands", "ANC {anc} ×10⁹/L ({source})").format(
            anc=decimal_text(count_text(anc)),
            source=sources.get(result.result.anc_source or "", result.result.anc_source),
        )
    )
    grade = "" if result.anc_grade is None else f", {shown(result.anc_grade)}"
    print(
        translate("Commands", "Recorded CBC for MRN {mrn}: {result}").format(
            mrn=patient.mrn, result=text + grade
        )
    )
    _print_new_alerts(charted, before)
    return 0


def _alert_keys(charted: PatientChart) -> set[tuple[str, str, object]]:
    return {(a.kind, a.rule, a.at) for a in charted.current_alerts}


def _print_new_alerts(charted: PatientChart, before: set[tuple[str, str, object]]) -> None:
    """A febrile-neutropenia alert the entry just raised, as the window's header shows it,
    with what to do: a nurse charting on the command line must not miss it."""
    fresh = [a for a in charted.current_alerts if (a.kind, a.rule, a.at) not in before]
    for alert in fresh:
        kind = (
            translate("Commands", "FEBRILE NEUTROPENIA")
            if alert.kind == "febrile_neutropenia"
            else translate("Commands", "POSSIBLE FEBRILE NEUTROPENIA (no recent ANC)")
        )
        when = date_text(time_text(alert.at, charted.tz))
        print(f"⚠ {kind} [{alert.rule}] {when}: {shown(alert.detail)}")
    if fresh:  # docs/clinical-rules.md, printed summaries: ASCO/IDSA 2018
        print(
            translate(
                "Commands",
                "Suspected neutropenic fever is an emergency: escalate now; empirical "
                "antibiotics within 1 hour of triage (ASCO/IDSA 2018).",
            )
        )


def temp_add(args: argparse.Namespace, context: Context) -> int:
    """Record a temperature."""
    value, unit = temperature(args)
    taken = parse_datetime(args.taken, "taken")
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        before = _alert_keys(session.chart(patient))
        session.save(
            changes.RecordTemperature(
                patient=patient,
                value=value,
                unit=unit,
                taken=taken,
                route=args.route,
                confirm=args.confirm,
            )
        )
        charted = session.chart(patient)
    print(
        translate("Commands", "Recorded temperature {value} °{unit} for MRN {mrn}").format(
            value=decimal_text(value), unit=unit, mrn=patient.mrn
        )
    )
    _print_new_alerts(charted, before)
    return 0


def gcsf_add(args: argparse.Namespace, context: Context) -> int:
    """Record a G-CSF dose."""
    given = parse_datetime(args.given, "given")
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        session.save(
            changes.RecordGcsf(
                patient=patient, given=given, drug=args.drug, dose=args.dose, confirm=args.confirm
            )
        )
    print(
        translate("Commands", "Recorded {drug} for MRN {mrn}").format(
            drug=args.drug.strip(), mrn=patient.mrn
        )
    )
    return 0


def precautions(args: argparse.Namespace, context: Context) -> int:
    """Set or clear neutropenic precautions."""
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        session.save(changes.SetPrecautions(patient=patient, active=args.active, note=args.note))
    said = (
        translate("Commands", "Neutropenic precautions set for MRN {mrn}")
        if args.active
        else translate("Commands", "Neutropenic precautions cleared for MRN {mrn}")
    )
    print(said.format(mrn=patient.mrn))
    return 0


def summary(args: argparse.Namespace, context: Context) -> int:
    """Print a patient's computed chart."""
    with chart(context, create=False, reads_only=True) as session:
        patient = session.require_patient(args.mrn)
        settings = session.settings
        if args.ctcae:
            settings = replace(settings, ctcae_version=CtcaeVersion(args.ctcae))
        if args.fn_rule:
            settings = replace(settings, fn_rule=FnRuleName(args.fn_rule))
        computed = session.chart(patient, settings)
    print(dump_json(chart_summary(computed)) if args.json else chart_text(computed))
    return 0
