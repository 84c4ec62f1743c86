"""Entry checks: one set of rules for the dialogs, the command line and every import.

Errors are impossible values and can never be saved. Warnings are implausible values,
most often a unit or typing slip; the nurse must confirm them before saving. Every
range, its source, and which ranges are engineering choices rather than clinical
facts, is written down in docs/plausibility.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from wardchart.domain.anc import resolve_anc
from wardchart.domain.identifiers import identifier_problems, text_problems
from wardchart.domain.problems import Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment, Number
from wardchart.domain.units import PER_LITRE_E9, CountUnit, display, plain, to_si

#: A count of 500 or more in a ×10⁹/L field is above the analyser's reportable range
#: (0.03–440 ×10⁹/L for the WBC), so it was most likely entered in cells/µL.
UNIT_SLIP_COUNT = Decimal(500)
#: No analyser displays a WBC of 1000 ×10⁹/L or more (display range up to 999.99).
MAX_COUNT = Decimal(1000)
#: The analyser's lowest reportable WBC; a lower non-zero WBC is a probable unit slip.
MIN_REPORTABLE_WBC = Decimal("0.03")
#: Platelets (engineering choices, see docs/plausibility.md): a value this high in
#: ×10⁹/L is probably cells/µL; ten times more is no platelet count at all.
UNIT_SLIP_PLATELETS = Decimal(1000)
MAX_PLATELETS = Decimal(10000)
#: Hyperleukocytosis is a WBC above 100 ×10⁹/L; G-CSF can cause it.
HIGH_WBC = Decimal(100)
GCSF_LOOKBACK = timedelta(days=7)
#: A lower limit of normal is the bottom of a normal range: warn outside these
#: (engineering margins around the published floors, see docs/plausibility.md).
LLN_RANGE = {"anc_lln": (Decimal("0.5"), Decimal(5)), "wbc_lln": (Decimal(1), Decimal(10))}
#: Temperatures, compared in °C. Above 45 in a °C field is probably °F.
MAX_CELSIUS = Decimal(45)
LOW_CELSIUS = Decimal(34)
MIN_CELSIUS = Decimal(10)
#: Above this, a °C entry is not a body temperature even if it was meant as °F.
MAX_FAHRENHEIT = Decimal(115)
#: A time charted this long after it happened must be confirmed.
STALE_AFTER = timedelta(days=7)
#: Ages (whole years) past which a date of birth is implausible or impossible.
OLD_AGE = 110
MAX_AGE = 130
#: Cycle lengths and nadir days: a regimen's day numbers (engineering bounds).
MAX_CYCLE_DAYS = 365
USUAL_CYCLE_DAYS = (7, 56)


@dataclass(frozen=True)
class CbcEntry:
    """A CBC as entered, counts in ``unit`` (not yet normalised)."""

    taken: datetime
    unit: CountUnit = PER_LITRE_E9
    wbc: Decimal | None = None
    anc: Decimal | None = None
    neut_pct: Decimal | None = None
    bands_pct: Decimal | None = None
    platelets: Decimal | None = None
    anc_lln: Decimal | None = None
    wbc_lln: Decimal | None = None


@dataclass(frozen=True)
class NormalCbc:
    """A CBC as it is stored, graded and previewed: counts in ×10⁹/L, the ANC resolved."""

    wbc: Decimal | None
    anc: Decimal | None
    #: "lab" (reported), "computed" (from WBC and differential), or None (no ANC).
    anc_source: str | None
    neut_pct: Decimal | None
    bands_pct: Decimal | None
    platelets: Decimal | None
    anc_lln: Decimal | None
    wbc_lln: Decimal | None


def normalise_cbc(entry: CbcEntry) -> NormalCbc:
    """Every count converted exactly to ×10⁹/L and the ANC to record: the lab's if given,
    else WBC × (neutrophil % + band %) / 100 (docs/clinical-rules.md). The save and the
    CBC dialog's live preview both use this, so the preview shows what will be stored.
    Check the entry first (``check_cbc``): this does not."""

    def si(value: Decimal | None) -> Decimal | None:
        return None if value is None else to_si(value, entry.unit)

    anc, source = resolve_anc(si(entry.wbc), si(entry.anc), entry.neut_pct, entry.bands_pct)
    return NormalCbc(
        wbc=si(entry.wbc),
        anc=anc,
        anc_source=source,
        neut_pct=entry.neut_pct,
        bands_pct=entry.bands_pct,
        platelets=si(entry.platelets),
        anc_lln=si(entry.anc_lln),
        wbc_lln=si(entry.wbc_lln),
    )


def check_time(taken: datetime, field: str, *, dob: date, now: datetime) -> list[Problem]:
    """A time cannot be in the future or before the patient's birth; one more than
    7 days ago is probably a mistyped date and must be confirmed."""
    if taken > now:
        message = QT_TRANSLATE_NOOP("Times", "{time} is in the future")
        return [Problem(field, message.format(time=Moment(f"{taken:%Y-%m-%d %H:%M}")))]
    if taken.astimezone(now.tzinfo).date() < dob:
        message = QT_TRANSLATE_NOOP("Times", "{day} is before the patient's date of birth {dob}")
        return [Problem(field, message.format(day=Moment(f"{taken:%Y-%m-%d}"), dob=dob))]
    if now - taken > STALE_AFTER:
        days = (now - taken).days
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP("Times", "{time} is {days} days ago; check the date").format(
                    time=Moment(f"{taken:%Y-%m-%d %H:%M}"), days=days
                ),
                "warning",
            )
        ]
    return []


def age_in_years(dob: date, on: date) -> int:
    """Completed years of age on ``on``."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def check_dob(dob: date, *, today: date) -> list[Problem]:
    """A date of birth: never in the future, never an impossible age; born today or
    older than 110 must be confirmed."""
    if dob > today:
        return [
            Problem("dob", QT_TRANSLATE_NOOP("Times", "{day} is in the future").format(day=dob))
        ]
    age = age_in_years(dob, today)
    if age >= MAX_AGE:
        message = QT_TRANSLATE_NOOP(
            "Patients", "{dob} would make the patient {age}; check the year"
        )
        return [Problem("dob", message.format(dob=dob, age=age))]
    if age > OLD_AGE:
        message = QT_TRANSLATE_NOOP("Patients", "{dob} makes the patient {age} years old")
        return [Problem("dob", message.format(dob=dob, age=age), "warning")]
    if dob == today:
        message = QT_TRANSLATE_NOOP("Patients", "{dob} is today: a patient born today?")
        return [Problem("dob", message.format(dob=dob), "warning")]
    return []


def check_count(field: str, value: Decimal, unit: CountUnit) -> list[Problem]:
    """A WBC, ANC, platelet count or lower limit in ``unit``: one problem at most."""
    if value.is_signed():  # also -0 and -0.0: a minus sign is a typing slip
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Counts", "{value}: a count cannot be negative; give it without a minus sign"
                ).format(value=value),
            )
        ]
    si = to_si(value, unit)
    platelets = field == "platelets"
    limit = MAX_PLATELETS if platelets else MAX_COUNT
    slip = UNIT_SLIP_PLATELETS if platelets else UNIT_SLIP_COUNT
    as_cells = Number(display(value / 1000, 3))
    if si >= limit:
        message = (
            QT_TRANSLATE_NOOP(
                "Counts",
                "{count} ×10⁹/L is not a possible count; as cells/µL that would be "
                "{as_cells} ×10⁹/L",
            )
            if unit.factor == 1
            else QT_TRANSLATE_NOOP("Counts", "{count} ×10⁹/L is not a possible count")
        )
        return [Problem(field, message.format(count=Number(plain(si)), as_cells=as_cells))]
    if unit.factor == 1 and value >= slip:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Counts",
                    "{value} ×10⁹/L is above any analyser's range; probably cells/µL "
                    "(as cells/µL that would be {as_cells} ×10⁹/L)",
                ).format(value=value, as_cells=as_cells),
                "warning",
            )
        ]
    if unit.factor != 1 and value != value.to_integral_value():
        # Cells are counted whole: "2,100" read with a decimal comma is 2.1 cells/µL, far
        # more likely 2100 (or 2.1 ×10⁹/L) typed in the wrong unit (docs/plausibility.md).
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Counts",
                    "{value} cells/µL is not a whole number (cells are counted whole); "
                    "probably the wrong unit or decimal mark",
                ).format(value=Number(plain(value))),
                "warning",
            )
        ]
    if field == "wbc" and si < MIN_REPORTABLE_WBC:  # 0 included: no analyser reports it
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Counts",
                    "{count} ×10⁹/L is below the analyser's lowest reportable WBC "
                    "({lowest}); check the value and the unit",
                ).format(count=Number(plain(si)), lowest=MIN_REPORTABLE_WBC),
                "warning",
            )
        ]
    if field in LLN_RANGE:
        if si == 0:
            return [
                Problem(field, QT_TRANSLATE_NOOP("Counts", "a lower limit of normal cannot be 0"))
            ]
        low, high = LLN_RANGE[field]
        if not low <= si <= high:
            return [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Counts",
                        "a lower limit of {count} ×10⁹/L is unusual (expected {low} to "
                        "{high}); check the unit and the box",
                    ).format(count=Number(plain(si)), low=low, high=high),
                    "warning",
                )
            ]
    return []


def check_cbc(
    entry: CbcEntry, *, dob: date, now: datetime, last_gcsf: datetime | None
) -> list[Problem]:
    """Every problem with a CBC entry, errors first (warnings only when no error)."""
    problems = _check_cbc_shape(entry)
    if problems:
        return problems
    problems += check_time(entry.taken, "taken", dob=dob, now=now)
    counts = {
        "wbc": entry.wbc,
        "anc": entry.anc,
        "platelets": entry.platelets,
        "anc_lln": entry.anc_lln,
        "wbc_lln": entry.wbc_lln,
    }
    for field, value in counts.items():
        if value is not None:
            problems += check_count(field, value, entry.unit)
    for field, pct in (("neut_pct", entry.neut_pct), ("bands_pct", entry.bands_pct)):
        if pct is not None and (pct.is_signed() or pct > 100):  # -0 too: see check_count
            message = QT_TRANSLATE_NOOP("Counts", "{pct} % is impossible; give 0 to 100")
            problems.append(Problem(field, message.format(pct=pct)))
    both = entry.neut_pct is not None and entry.bands_pct is not None
    if both and (entry.neut_pct or 0) + (entry.bands_pct or 0) > 100:
        problems.append(
            Problem(
                "bands_pct",
                QT_TRANSLATE_NOOP("Counts", "neutrophil % plus band % is more than 100"),
            )
        )
    if entry.wbc is not None and entry.anc is not None and entry.anc > entry.wbc:
        message = QT_TRANSLATE_NOOP("Counts", "ANC {anc} is more than the WBC {wbc}")
        problems.append(Problem("anc", message.format(anc=entry.anc, wbc=entry.wbc)))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return errors
    return problems + _cbc_warnings(entry, last_gcsf)


#: What a CBC needs, in the words used wherever it is asked for.
CBC_SHAPE = QT_TRANSLATE_NOOP("Counts", "give a WBC, an ANC, or a WBC with neutrophil %")


def _check_cbc_shape(entry: CbcEntry) -> list[Problem]:
    if entry.wbc is None and entry.anc is None:
        return [Problem("wbc", CBC_SHAPE)]
    if entry.neut_pct is not None and entry.wbc is None and entry.anc is None:
        return [
            Problem(
                "wbc",
                QT_TRANSLATE_NOOP("Counts", "a neutrophil % needs the WBC to compute the ANC"),
            )
        ]
    if entry.bands_pct is not None and entry.neut_pct is None and entry.anc is None:
        return [
            Problem(
                "neut_pct", QT_TRANSLATE_NOOP("Counts", "a band % needs the neutrophil % as well")
            )
        ]
    return []


def _cbc_warnings(entry: CbcEntry, last_gcsf: datetime | None) -> list[Problem]:
    warnings: list[Problem] = []
    for field, pct in (("neut_pct", entry.neut_pct), ("bands_pct", entry.bands_pct)):
        # A value below 1 is probably a decimal fraction. Exactly 1 is taken as 1 %:
        # as a fraction it would mean 100 %, itself implausible.
        if pct is not None and Decimal(0) < pct < 1:
            warnings.append(
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Counts", "{pct} % looks like a decimal fraction; did you mean {percent} %?"
                    ).format(pct=pct, percent=Number(plain(pct * 100))),
                    "warning",
                )
            )
    if entry.wbc is not None:
        wbc = to_si(entry.wbc, entry.unit)
        recent_gcsf = last_gcsf is not None and entry.taken - last_gcsf <= GCSF_LOOKBACK
        if HIGH_WBC < wbc < UNIT_SLIP_COUNT and not recent_gcsf:
            warnings.append(
                Problem(
                    "wbc",
                    QT_TRANSLATE_NOOP(
                        "Counts", "WBC {wbc} ×10⁹/L is above 100 with no G-CSF in the last 7 days"
                    ).format(wbc=wbc),
                    "warning",
                )
            )
    return warnings


def check_temperature(
    value: Decimal, unit: str, taken: datetime, *, dob: date, now: datetime
) -> list[Problem]:
    """Problems with a temperature entered as ``value`` in "C" or "F"."""
    field = "celsius" if unit == "C" else "fahrenheit"
    problems = check_time(taken, "taken", dob=dob, now=now)
    celsius = value if unit == "C" else (value - 32) * 5 / 9
    reading: dict[str, object] = {"value": value, "unit": unit}
    if value > MAX_FAHRENHEIT:
        message = QT_TRANSLATE_NOOP(
            "Temperatures", "{value} °{unit} is not a body temperature in °C or °F"
        )
        problems.append(Problem(field, message.format(**reading)))
    elif unit == "F" and celsius > MAX_CELSIUS:
        message = QT_TRANSLATE_NOOP(
            "Temperatures", "{value} °{unit} ({celsius} °C) is not a body temperature"
        )
        problems.append(
            Problem(field, message.format(**reading, celsius=Number(display(celsius, 1))))
        )
    elif celsius < MIN_CELSIUS:
        if unit == "C" and MIN_CELSIUS <= value * 10 <= MAX_CELSIUS:
            message = QT_TRANSLATE_NOOP(
                "Temperatures", "{value} °{unit} is not a body temperature; did you mean {tenfold}?"
            )
            reading["tenfold"] = Number(plain(value * 10))
        elif unit == "F" and MIN_CELSIUS <= value <= MAX_CELSIUS:
            message = QT_TRANSLATE_NOOP(
                "Temperatures", "{value} °{unit} is not a body temperature; was it °C?"
            )
        else:
            message = QT_TRANSLATE_NOOP("Temperatures", "{value} °{unit} is not a body temperature")
        problems.append(Problem(field, message.format(**reading)))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return errors
    if unit == "C" and celsius > MAX_CELSIUS:
        message = QT_TRANSLATE_NOOP("Temperatures", "{value} °{unit} is above 45; probably °F")
        problems.append(Problem(field, message.format(**reading), "warning"))
    elif celsius < LOW_CELSIUS:
        problems.append(
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Temperatures",
                    "{value} °{unit} is below {low} °C; check the reading and the decimal point",
                ).format(**reading, low=LOW_CELSIUS),
                "warning",
            )
        )
    return problems


def check_cycle_shape(nadir_start: int, nadir_end: int, cycle_length_days: int) -> list[Problem]:
    """A cycle's length and nadir window, for a cycle and for a regimen in the library."""
    problems: list[Problem] = []
    if not 1 <= cycle_length_days <= MAX_CYCLE_DAYS:
        problems.append(
            Problem(
                "cycle_length",
                QT_TRANSLATE_NOOP("Cycles", "give a cycle length from 1 to {most} days").format(
                    most=MAX_CYCLE_DAYS
                ),
            )
        )
    if not 1 <= nadir_start <= nadir_end <= MAX_CYCLE_DAYS:
        problems.append(
            Problem(
                "nadir_window",
                QT_TRANSLATE_NOOP(
                    "Cycles",
                    "give the first and last day, e.g. 7-14, with 1 ≤ first ≤ last ≤ {most}",
                ).format(most=MAX_CYCLE_DAYS),
            )
        )
    if problems:
        return problems
    low, high = USUAL_CYCLE_DAYS
    if not low <= cycle_length_days <= high:
        problems.append(
            Problem(
                "cycle_length",
                QT_TRANSLATE_NOOP(
                    "Cycles", "{days} days is unusual for a cycle (usually {low} to {high})"
                ).format(days=cycle_length_days, low=low, high=high),
                "warning",
            )
        )
    if nadir_end > cycle_length_days:
        problems.append(
            Problem(
                "nadir_window",
                QT_TRANSLATE_NOOP(
                    "Cycles", "the window ends on day {end}, after the cycle's {days} days"
                ).format(end=nadir_end, days=cycle_length_days),
                "warning",
            )
        )
    return problems


def check_cycle_start(
    day1: date,
    *,
    dob: date,
    today: date,
    previous_day1: date | None,
    nadir_start: int,
    nadir_end: int,
    cycle_length_days: int,
    next_day1: date | None = None,
) -> list[Problem]:
    """Day 1 is the date chemotherapy was actually given: never in the future, after the
    previous cycle's day 1 and (when correcting) before the next one's. A day 1 more
    than one cycle length ago must be confirmed: that cycle is already over."""
    problems: list[Problem] = []
    if day1 > today:
        problems.append(
            Problem(
                "day1",
                QT_TRANSLATE_NOOP(
                    "Cycles",
                    "{day1} is in the future; day 1 is the date chemotherapy was actually given",
                ).format(day1=day1),
            )
        )
    elif day1 < dob:
        message = QT_TRANSLATE_NOOP("Cycles", "{day1} is before the patient's date of birth")
        problems.append(Problem("day1", message.format(day1=day1)))
    elif previous_day1 is not None and day1 <= previous_day1:
        problems.append(
            Problem(
                "day1",
                QT_TRANSLATE_NOOP(
                    "Cycles", "{day1} is not after the previous cycle's day 1 ({previous})"
                ).format(day1=day1, previous=previous_day1),
            )
        )
    elif next_day1 is not None and day1 >= next_day1:
        problems.append(
            Problem(
                "day1",
                QT_TRANSLATE_NOOP(
                    "Cycles", "{day1} is not before the next cycle's day 1 ({next})"
                ).format(day1=day1, next=next_day1),
            )
        )
    problems += check_cycle_shape(nadir_start, nadir_end, cycle_length_days)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return errors
    if next_day1 is None and (today - day1).days >= cycle_length_days >= 1:
        problems.insert(
            0,
            Problem(
                "day1",
                QT_TRANSLATE_NOOP(
                    "Cycles",
                    "{day1} is {days} days ago, longer than the {length}-day cycle; check the date",
                ).format(day1=day1, days=(today - day1).days, length=cycle_length_days),
                "warning",
            ),
        )
    return problems


def check_text(field: str, value: str, limit: int) -> list[Problem]:
    """Free text must be printable, show what is stored, and be of a sensible length
    (see docs/identifiers.md)."""
    return text_problems(field, value, limit)


def check_patient(mrn: str, name: str, dob: date, sex: str, *, today: date) -> list[Problem]:
    """An admission needs an MRN, a name, a past date of birth and a known sex code."""
    problems: list[Problem] = []
    problems += identifier_problems("mrn", mrn, 40) + check_text("name", name, 200)
    if not mrn.strip():
        problems.append(Problem("mrn", QT_TRANSLATE_NOOP("Patients", "the MRN is empty")))
    if not name.strip():
        problems.append(Problem("name", QT_TRANSLATE_NOOP("Patients", "the name is empty")))
    problems += check_dob(dob, today=today)
    if sex not in ("", "F", "M", "X"):
        message = QT_TRANSLATE_NOOP("Patients", "{sex} is not F, M or X")
        problems.append(Problem("sex", message.format(sex=repr(sex))))
    return problems


#: Day-1 thresholds in ×10⁹/L: the sources give ANC 1.0 to 1.5 and platelets 75 to 100;
#: outside these margins a threshold is probably in another unit (see docs/plausibility.md).
THRESHOLD_RANGE = {
    "anc_threshold": (Decimal("0.5"), Decimal(3)),
    "plt_threshold": (Decimal(20), Decimal(200)),
    "recovery_anc": (Decimal("0.5"), Decimal(3)),
}


def check_threshold(field: str, value: Decimal) -> list[Problem]:
    """A ward's ANC or platelet threshold in ×10⁹/L (day 1, recovery)."""
    limit = MAX_PLATELETS if field == "plt_threshold" else MAX_COUNT
    if value <= 0:
        return [
            Problem(
                field, QT_TRANSLATE_NOOP("Counts", "{value} must be above 0").format(value=value)
            )
        ]
    if value >= limit:
        message = QT_TRANSLATE_NOOP("Counts", "{count} ×10⁹/L is not a possible count")
        return [Problem(field, message.format(count=value))]
    low, high = THRESHOLD_RANGE[field]
    if not low <= value <= high:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Counts",
                    "{value} ×10⁹/L is unusual (expected {low} to {high}); "
                    "check the unit (1500 cells/µL is 1.5 ×10⁹/L)",
                ).format(value=value, low=low, high=high),
                "warning",
            )
        ]
    return []


def check_setting(key: str, value: Decimal | None) -> list[Problem]:
    """A numeric ward setting: the LLN defaults are checked like a lab's LLN."""
    if value is None:
        return []
    lln = {"anc_lln_default": "anc_lln", "wbc_lln_default": "wbc_lln"}.get(key)
    if lln is not None:
        return [Problem(key, p.message, p.severity) for p in check_count(lln, value, PER_LITRE_E9)]
    return check_threshold(key, value)
