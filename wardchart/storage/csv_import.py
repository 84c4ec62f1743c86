"""Importing CBC results from a CSV file: all rows or none.

The header row names the columns (any order, case-insensitive): mrn and taken (or time,
as ``export`` writes it) are required; wbc, anc, neut_pct, bands_pct, platelets, anc_lln,
wbc_lln and unit are optional, and so is every column ``export --format csv`` writes for a
result (see docs/csv.md and ``wardchart.domain.result_csv``). Messages give the file's line
number, the header being line 1.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from wardchart.domain.identifiers import identifier_problems
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.result_csv import (
    DESCRIPTIVE,
    identity_problems,
    kind_problems,
    lab_status_problems,
)
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.timeparse import parse_datetime
from wardchart.domain.units import (
    PER_LITRE_E9,
    CountUnit,
    parse_count_unit,
    parse_decimal,
    plain,
    shown,
    to_si,
)
from wardchart.storage import audit, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import cbc_values

REQUIRED = ("mrn", "taken")
NUMBERS = ("wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln")
#: Columns that are read: the values, and what ``export`` writes to identify and qualify them.
COLUMNS = (*REQUIRED, *NUMBERS, "unit", "ucum", "kind", "name", "dob", "anc_source", "lab_status")
#: ``export`` names the time column "time"; it means the same as "taken".
TIME_ALIAS = "time"


@dataclass(frozen=True)
class ImportReport:
    """What an import saved and what it skipped as already on the chart."""

    imported: int
    skipped_duplicates: int


def _fail(line: int, problem: Problem) -> InvalidEntry:
    return InvalidEntry(
        [
            Problem(
                problem.field,
                QT_TRANSLATE_NOOP("CsvImport", "line {line}: {field}: {message}").format(
                    line=line, field=problem.field, message=problem.message
                ),
                problem.severity,
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
    return InvalidEntry(
        [
            Problem(
                first.field,
                QT_TRANSLATE_NOOP("CsvImport", "line {line}: {text}").format(line=line, text=text),
                "warning",
            )
        ]
    )


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
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("CsvImport", "line 1: the file is empty"),
                )
            ]
        ) from None
    except csv.Error as error:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("CsvImport", "line 1: {error}").format(error=error),
                )
            ]
        ) from None
    names = [" ".join(h.split()).lower()[:MAX_CELL] for h in header]
    for index, name in enumerate(names):
        if name in names[:index]:  # "anc,anc" or "ANC, anc ": which value is meant?
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        QT_TRANSLATE_NOOP(
                            "CsvImport",
                            "line 1: column {name} appears more than once (columns {first} "
                            "and {second}); keep one",
                        ).format(name=repr(name), first=names.index(name) + 1, second=index + 1),
                    )
                ]
            )
    if TIME_ALIAS in names:
        if "taken" in names:
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        QT_TRANSLATE_NOOP(
                            "CsvImport",
                            "line 1: columns 'taken' and 'time' mean the same; keep one",
                        ),
                    )
                ]
            )
        names[names.index(TIME_ALIAS)] = "taken"
    unknown = [n for n in names if n not in COLUMNS and n not in DESCRIPTIVE]
    if unknown:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "CsvImport", "line 1: unknown column {column}; known: {columns}"
                    ).format(column=repr(unknown[0]), columns=", ".join(COLUMNS)),
                )
            ]
        )
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("CsvImport", "line 1: missing column {column}").format(
                        column=repr(missing[0])
                    ),
                )
            ]
        )
    rows = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        QT_TRANSLATE_NOOP("CsvImport", "line {line_num}: {error}").format(
                            line_num=reader.line_num, error=error
                        ),
                    )
                ]
            ) from None
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        QT_TRANSLATE_NOOP(
                            "CsvImport", "line {line}: {count} values for {count2} columns"
                        ).format(line=line, count=len(cells), count2=len(names)),
                    )
                ]
            )
        for name, cell in zip(names, cells, strict=True):
            if len(cell) > MAX_CELL:
                raise InvalidEntry(
                    [
                        Problem(
                            name,
                            QT_TRANSLATE_NOOP(
                                "CsvImport",
                                "line {line}: {name}: {count} characters; at most {max_cell}",
                            ).format(
                                line=line,
                                name=name,
                                count=format(len(cell), ","),
                                max_cell=MAX_CELL,
                            ),
                        )
                    ]
                )
        rows.append((line, dict(zip(names, (c.strip() for c in cells), strict=True))))
    return rows


def _unit(row: dict[str, str]) -> CountUnit:
    """The unit of the row's counts: ``unit``, or ``ucum``; both must then agree."""
    unit = parse_count_unit(row["unit"], "unit") if row.get("unit") else None
    ucum = parse_count_unit(row["ucum"], "ucum") if row.get("ucum") else None
    if unit is not None and ucum is not None and unit.factor != ucum.factor:
        raise InvalidEntry(
            [
                Problem(
                    "ucum",
                    QT_TRANSLATE_NOOP("CsvImport", "{ucum} is not the same unit as {unit}").format(
                        ucum=repr(row["ucum"]), unit=repr(row["unit"])
                    ),
                )
            ]
        )
    return unit or ucum or PER_LITRE_E9


def _entry(row: dict[str, str], line: int) -> tuple[CbcEntry, Decimal | None]:
    """The CBC of a row, and the ANC the row says was computed (checked once computed)."""
    try:
        unit = _unit(row)
        numbers: dict[str, Decimal | None] = {
            name: parse_decimal(row[name], name) if row.get(name) else None for name in NUMBERS
        }
        taken = parse_datetime(row["taken"], "taken")
    except InvalidEntry as error:
        raise _fail(line, error.first) from None
    source = row.get("anc_source", "").lower()
    computed = None
    if source == "computed":  # exported: computed again from the same WBC and differential
        computed, numbers["anc"] = numbers["anc"], None
    elif source == "lab" and numbers["anc"] is None:
        raise _fail(
            line,
            Problem(
                "anc",
                QT_TRANSLATE_NOOP("CsvImport", "is empty, but anc_source says the lab reported it"),
            ),
        )
    elif source not in ("", "lab"):
        raise _fail(
            line,
            Problem(
                "anc_source",
                QT_TRANSLATE_NOOP("CsvImport", "{source} is not lab or computed").format(
                    source=shown(source)
                ),
            ),
        )
    return CbcEntry(taken=taken, unit=unit, **numbers), computed


def _check_row(row: dict[str, str], patient: Patient, line: int) -> None:
    """The row's own description must fit this chart: its kind, patient and lab status."""
    problems = identity_problems(patient, dob=row.get("dob", ""), name=row.get("name", ""))
    problems += lab_status_problems(row.get("lab_status", ""))
    if problems:
        raise _fail(line, problems[0])


#: How a charted result is changed: a correction, never a second result beside it.
CORRECT_HINT = "to change a charted result use 'wardchart correct lab --id ID'"
#: The values of a result row that an edited export could change.
_COMPARED = ("taken_utc", "wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln")


def _check_id(db: Database, record_id: str, values: dict[str, object], line: int) -> None:
    """A row whose ``id`` names a result on this chart must be that result: an exported
    row edited and imported again would chart a second result beside the first."""
    if not record_id:
        return
    rows = list(
        db.query("SELECT * FROM results WHERE origin_id = ? OR id = ?", [record_id, record_id])
    )
    if not rows:
        return  # a result of another chart: the id only describes the row
    origin = str(rows[0]["origin_id"])
    current = records.current_version(db, "results", origin)
    same = current is not None and current["patient_id"] == values["patient_id"]
    same = same and all(current is not None and current[k] == values[k] for k in _COMPARED)
    if not same and not queries.cbc_already_charted(db, values):
        raise _fail(
            line,
            Problem(
                "id",
                QT_TRANSLATE_NOOP(
                    "CsvImport",
                    "{record_id} names a result on this chart with other values; {replace}",
                ).format(record_id=record_id, replace=CORRECT_HINT.replace("ID", origin)),
            ),
        )


def import_results(
    store: ChartStore, path: Path, *, confirm: bool, actor: str, now: datetime
) -> ImportReport:
    """Check every row, then save them all in one transaction, or save nothing."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("CsvImport", "cannot read {path}: {error}").format(
                        path=path, error=error
                    ),
                )
            ]
        ) from None
    rows = _read_rows(text)
    imported = skipped = 0
    with store.write() as db:
        patients: dict[str, Patient] = {}
        for line, row in rows:
            for problem in kind_problems(row.get("kind", "")):  # see docs/csv.md
                raise _fail(line, problem)
            if not row.get("mrn"):
                raise _fail(
                    line,
                    Problem(
                        "mrn",
                        QT_TRANSLATE_NOOP("CsvImport", "is empty"),
                    ),
                )
            for problem in identifier_problems("mrn", row["mrn"]):  # see docs/identifiers.md
                raise _fail(line, problem)
            patient = patients.get(row["mrn"]) or queries.find_patient(db, row["mrn"])
            if patient is None:
                raise _fail(
                    line,
                    Problem(
                        "mrn",
                        QT_TRANSLATE_NOOP("CsvImport", "no patient with MRN {mrn}").format(
                            mrn=repr(row["mrn"])
                        ),
                    ),
                )
            patients[row["mrn"]] = patient
            _check_row(row, patient, line)
            entry, computed = _entry(row, line)
            try:
                values = cbc_values(db, patient, entry, confirm=confirm, now=now)
            except InvalidEntry as error:  # the command line adds how to confirm warnings
                raise _line_problems(line, error) from None
            if computed is not None and (
                values["anc"] is None or Decimal(values["anc"]) != to_si(computed, entry.unit)
            ):
                again = "none" if values["anc"] is None else values["anc"]
                raise _fail(
                    line,
                    Problem(
                        "anc",
                        QT_TRANSLATE_NOOP(
                            "CsvImport",
                            "{plain} is not the ANC computed from this row's WBC and "
                            "differential ({again})",
                        ).format(plain=plain(computed), again=again),
                    ),
                )
            if row.get("lab_status"):
                values["lab_status"] = row["lab_status"].lower()
            _check_id(db, row.get("id", ""), values, line)
            if queries.cbc_already_charted(db, values):
                skipped += 1
                continue
            clash = queries.same_time_conflict(db, values)
            if clash:  # the rule every import shares: see docs/lab-duplicates.md
                raise _fail(
                    line,
                    Problem(
                        "time",
                        QT_TRANSLATE_NOOP("CsvImport", "{clash}: {correct_hint}").format(
                            clash=clash, correct_hint=CORRECT_HINT
                        ),
                    ),
                )
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
