"""Importing CBC results from a CSV file: all rows or none (issue 2).

The header row names the columns (any order, case-insensitive): mrn and taken are
required; wbc, anc, neut_pct, bands_pct, platelets, anc_lln, wbc_lln and unit are
optional. Messages give the file's line number, the header being line 1.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from wardchart.domain.identifiers import identifier_problems
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.timeparse import parse_datetime
from wardchart.domain.units import PER_LITRE_E9, parse_count_unit, parse_decimal
from wardchart.storage import audit, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import cbc_values

REQUIRED = ("mrn", "taken")
NUMBERS = ("wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln")
COLUMNS = (*REQUIRED, *NUMBERS, "unit")


@dataclass(frozen=True)
class ImportReport:
    """What an import saved and what it skipped as already on the chart."""

    imported: int
    skipped_duplicates: int


def _fail(line: int, problem: Problem) -> InvalidEntry:
    return InvalidEntry(
        [
            Problem(
                problem.field, f"line {line}: {problem.field}: {problem.message}", problem.severity
            )
        ]
    )


def _line_problems(line: int, error: InvalidEntry) -> InvalidEntry:
    """The first error on a line; or, if there are only warnings, all of them: an import
    with --confirm accepts every one, so each must have been shown."""
    first = error.first
    if first.severity == "error":
        return _fail(line, first)
    text = "; ".join(dict.fromkeys(f"{p.field}: {p.message}" for p in error.problems))
    return InvalidEntry([Problem(first.field, f"line {line}: {text}", "warning")])


#: The longest cell accepted: far above any MRN, time or count (see docs/files.md).
MAX_CELL = 200


def _read_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    # The csv module's own limit (128 KB a cell) would stop with its own message: allow
    # any length here, then refuse long cells naming their line and column.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidEntry([Problem("file", "line 1: the file is empty")]) from None
    except csv.Error as error:
        raise InvalidEntry([Problem("file", f"line 1: {error}")]) from None
    names = [" ".join(h.split()).lower()[:MAX_CELL] for h in header]
    for index, name in enumerate(names):
        if name in names[:index]:  # "anc,anc" or "ANC, anc ": which value is meant?
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        f"line 1: column {name!r} appears more than once "
                        f"(columns {names.index(name) + 1} and {index + 1}); keep one",
                    )
                ]
            )
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        raise InvalidEntry(
            [Problem("file", f"line 1: unknown column {unknown[0]!r}; known: {', '.join(COLUMNS)}")]
        )
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InvalidEntry([Problem("file", f"line 1: missing column {missing[0]!r}")])
    rows = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InvalidEntry([Problem("file", f"line {reader.line_num}: {error}")]) from None
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            raise InvalidEntry(
                [Problem("file", f"line {line}: {len(cells)} values for {len(names)} columns")]
            )
        for name, cell in zip(names, cells, strict=True):
            if len(cell) > MAX_CELL:
                raise InvalidEntry(
                    [
                        Problem(
                            name,
                            f"line {line}: {name}: {len(cell):,} characters; at most {MAX_CELL}",
                        )
                    ]
                )
        rows.append((line, dict(zip(names, (c.strip() for c in cells), strict=True))))
    return rows


def _entry(row: dict[str, str], line: int) -> CbcEntry:
    try:
        unit = parse_count_unit(row["unit"], "unit") if row.get("unit") else PER_LITRE_E9
        numbers: dict[str, Decimal | None] = {
            name: parse_decimal(row[name], name) if row.get(name) else None for name in NUMBERS
        }
        taken = parse_datetime(row["taken"], "taken")
    except InvalidEntry as error:
        raise _fail(line, error.first) from None
    return CbcEntry(taken=taken, unit=unit, **numbers)


def import_results(
    store: ChartStore, path: Path, *, confirm: bool, actor: str, now: datetime
) -> ImportReport:
    """Check every row, then save them all in one transaction, or save nothing."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidEntry([Problem("file", f"cannot read {path}: {error}")]) from None
    rows = _read_rows(text)
    imported = skipped = 0
    with store.write() as db:
        patients: dict[str, Patient] = {}
        for line, row in rows:
            if not row.get("mrn"):
                raise _fail(line, Problem("mrn", "is empty"))
            for problem in identifier_problems("mrn", row["mrn"]):  # see docs/identifiers.md
                raise _fail(line, problem)
            patient = patients.get(row["mrn"]) or queries.find_patient(db, row["mrn"])
            if patient is None:
                raise _fail(line, Problem("mrn", f"no patient with MRN {row['mrn']!r}"))
            patients[row["mrn"]] = patient
            entry = _entry(row, line)
            try:
                values = cbc_values(db, patient, entry, confirm=confirm, now=now)
            except InvalidEntry as error:  # the command line adds how to confirm warnings
                raise _line_problems(line, error) from None
            if queries.cbc_already_charted(db, values):
                skipped += 1
                continue
            values["source"] = "import"
            records.create(db, "results", values, actor=actor, now=now, patient_id=patient.id)
            imported += 1
        audit.append(
            db,
            actor=actor,
            action="import",
            entity="results",
            now=now,
            detail={"file": str(path), "imported": imported, "skipped": skipped},
        )
    return ImportReport(imported, skipped)
