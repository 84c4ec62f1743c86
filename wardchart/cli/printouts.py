"""Printable PDF documents, written without a display: a patient's chart summary and
the ward handover sheet."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wardchart.cli.base import AddCommand, Context
from wardchart.cli.common import chart, output_path, whole
from wardchart.cli.words import shown, translate
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.report.offscreen import qt_for_printing
from wardchart.session.core import ChartingSession
from wardchart.storage import audit


def register(commands: Any, command: AddCommand) -> None:
    """report patient, report ward."""
    report = command(commands, "report", "printable PDF documents (no display needed)")
    actions = report.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = command(actions, "patient", "a patient's chart summary")
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
    sub.set_defaults(handler=report_patient)
    sub = command(actions, "ward", "the ward handover / downtime sheet")
    sub.add_argument("--paper", choices=["a4", "letter"], help="default: the system's")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub.set_defaults(handler=report_ward)


# --- handlers ---------------------------------------------------------------------------


def _pdf_target(text: str, context: Context) -> Path:
    out = output_path(text, context)
    if out.suffix.lower() != ".pdf":
        raise InvalidEntry(
            [Problem("out", translate("Commands", "{path} does not end in .pdf").format(path=out))]
        )
    if not out.parent.is_dir() or not os.access(out.parent, os.W_OK):
        raise InvalidEntry(
            [
                Problem(
                    "out",
                    translate("Commands", "cannot write to the folder {folder}").format(
                        folder=out.parent
                    ),
                )
            ]
        )
    return out


def _write_report(
    session: ChartingSession,
    out: Path,
    charts: list[Any],
    *,
    paper: str | None,
    ward: bool = False,
    view: str = "current",
) -> int:
    """Write a report PDF (all or nothing) and audit who exported what, where to."""
    qt_for_printing()
    from wardchart.report.documents import PrintContext
    from wardchart.report.jobs import PrintJob
    from wardchart.report.output import ReportError, default_paper, write_pdf
    from wardchart.storage.files import write_atomically

    job = PrintJob(
        PrintContext(
            session.actor,
            session.now(),
            session.store.path,
            session.settings.ward_name,
            audit_head=audit.head(session.store.db).short(),
        ),
        charts,
        ward=ward,
        view=view,
    )
    try:
        pages = write_pdf(
            out,
            job.paint,
            title=job.title,
            paper=paper or default_paper(),
            landscape=job.landscape,
            save=write_atomically,
        )
    except ReportError as error:
        raise InvalidEntry([Problem("out", shown(error))]) from None
    session.log_event(
        action="export",
        entity=job.entity,
        patient_id=job.patient_id,
        detail=job.audit_detail(str(out), pages),
    )
    return pages


def report_patient(args: argparse.Namespace, context: Context) -> int:
    """wardchart report patient: a patient's chart summary as a PDF."""
    out = _pdf_target(args.out, context)
    cycle = whole(args.cycle, "cycle")
    with chart(context, create=False) as session:
        patient = session.require_patient(args.mrn)
        computed = session.chart(patient)
        if cycle is not None and all(c.cycle.number != cycle for c in computed.cycles):
            raise InvalidEntry(
                [
                    Problem(
                        "cycle",
                        translate("Commands", "MRN {mrn} has no cycle {number}").format(
                            mrn=patient.mrn, number=cycle
                        ),
                    )
                ]
            )
        view = "overlay" if args.overlay_previous else str(cycle or "current")
        pages = _write_report(session, out, [computed], paper=args.paper, view=view)
    print(_wrote(out, pages))
    return 0


def report_ward(args: argparse.Namespace, context: Context) -> int:
    """wardchart report ward: the ward handover sheet as a PDF."""
    out = _pdf_target(args.out, context)
    with chart(context, create=False) as session:
        charts = [session.chart(p) for p in session.patients()]
        pages = _write_report(session, out, charts, paper=args.paper, ward=True)
    print(_wrote(out, pages))
    return 0


def _wrote(out: Path, pages: int) -> str:
    """ "Wrote summary.pdf (2 pages)"."""
    if pages == 1:
        return translate("Commands", "Wrote {path} (1 page)").format(path=out)
    return translate("Commands", "Wrote {path} ({count} pages)").format(path=out, count=pages)
