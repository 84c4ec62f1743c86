"""Entry checks (DN §3 "Plausibility", CR §1.4).

Errors are impossible values and can never be saved. Warnings are implausible values,
most often a unit mistake; the nurse must confirm them before saving. The thresholds
are the engineering heuristics of CR §1.4, not clinical facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from wardchart.domain.identifiers import identifier_problems, text_problems
from wardchart.domain.problems import Problem
from wardchart.domain.units import PER_LITRE_E9, CountUnit, display, plain, to_si

#: CR §1.4: a count ≥ 500 in a ×10⁹/L field is above the analyzer's reportable range
#: (Sysmex XN-L WBC max 440 ×10^3/µL [46]), so it was most likely entered in cells/µL.
UNIT_SLIP_COUNT = Decimal(500)
#: CR §1.4: hyperleukocytosis is WBC > 100 ×10⁹/L [47]; G-CSF can cause it [37].
HIGH_WBC = Decimal(100)
GCSF_LOOKBACK = timedelta(days=7)
#: CR §1.4, case 19: a temperature above about 45 in a °C field is probably °F.
MAX_CELSIUS = Decimal(45)


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


def check_time(taken: datetime, field: str, *, dob: date, now: datetime) -> list[Problem]:
    """A time cannot be in the future or before the patient's birth (DN §3)."""
    if taken > now:
        return [Problem(field, f"{taken:%Y-%m-%d %H:%M} is in the future")]
    if taken.astimezone(now.tzinfo).date() < dob:
        return [Problem(field, f"{taken:%Y-%m-%d} is before the patient's date of birth {dob}")]
    return []


def check_cbc(
    entry: CbcEntry, *, dob: date, now: datetime, last_gcsf: datetime | None
) -> list[Problem]:
    """Every problem with a CBC entry, errors first."""
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
        if value is not None and value < 0:
            problems.append(Problem(field, f"{value} is negative; a count cannot be below 0"))
    for field, pct in (("neut_pct", entry.neut_pct), ("bands_pct", entry.bands_pct)):
        if pct is not None and not Decimal(0) <= pct <= 100:
            problems.append(Problem(field, f"{pct} % is impossible; give 0 to 100"))
    both = entry.neut_pct is not None and entry.bands_pct is not None
    if both and (entry.neut_pct or 0) + (entry.bands_pct or 0) > 100:
        problems.append(Problem("bands_pct", "neutrophil % plus band % is more than 100"))
    if entry.wbc is not None and entry.anc is not None and entry.anc > entry.wbc:
        problems.append(Problem("anc", f"ANC {entry.anc} is more than the WBC {entry.wbc}"))
    if any(p.severity == "error" for p in problems):
        return problems
    return problems + _cbc_warnings(entry, last_gcsf)


def _check_cbc_shape(entry: CbcEntry) -> list[Problem]:
    if entry.wbc is None and entry.anc is None:
        return [Problem("wbc", "give a WBC, an ANC, or a WBC with neutrophil %")]
    if entry.neut_pct is not None and entry.wbc is None and entry.anc is None:
        return [Problem("wbc", "a neutrophil % needs the WBC to compute the ANC")]
    if entry.bands_pct is not None and entry.neut_pct is None and entry.anc is None:
        return [Problem("neut_pct", "a band % needs the neutrophil % as well")]
    return []


def _cbc_warnings(entry: CbcEntry, last_gcsf: datetime | None) -> list[Problem]:
    warnings: list[Problem] = []
    if entry.unit.factor == 1:
        for field, value in (
            ("wbc", entry.wbc),
            ("anc", entry.anc),
            ("anc_lln", entry.anc_lln),
            ("wbc_lln", entry.wbc_lln),
        ):
            if value is not None and value >= UNIT_SLIP_COUNT:
                warnings.append(
                    Problem(
                        field,
                        f"{value} ×10⁹/L is above any analyser's range; probably cells/µL "
                        f"(that would be {display(value / 1000, 3)} ×10⁹/L)",
                        "warning",
                    )
                )
    for field, pct in (("neut_pct", entry.neut_pct), ("bands_pct", entry.bands_pct)):
        # CR §1.4 and case 23: a value below 1 is probably a decimal fraction. Exactly 1 is
        # taken as 1 %: as a fraction it would mean 100 %, itself implausible.
        if pct is not None and Decimal(0) < pct < 1:
            warnings.append(
                Problem(
                    field,
                    f"{pct} % looks like a decimal fraction; did you mean {plain(pct * 100)} %?",
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
                    f"WBC {wbc} ×10⁹/L is above 100 with no G-CSF in the last 7 days",
                    "warning",
                )
            )
    return warnings


def check_temperature(
    value: Decimal, unit: str, taken: datetime, *, dob: date, now: datetime
) -> list[Problem]:
    """Problems with a temperature entered as ``value`` in "C" or "F" (CR §1.4, case 19)."""
    field = "celsius" if unit == "C" else "fahrenheit"
    problems = check_time(taken, "taken", dob=dob, now=now)
    if value <= 0:
        problems.append(Problem(field, f"{value} is not a body temperature"))
        return problems
    if problems:
        return problems
    if unit == "C" and value > MAX_CELSIUS:
        problems.append(Problem(field, f"{value} °C is above 45; probably °F", "warning"))
    if unit == "F" and value <= MAX_CELSIUS:
        problems.append(
            Problem(field, f"{value} °F would be a plausible °C; probably °C", "warning")
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
    """Day 1 is the date chemotherapy was actually given (CR §4.1): never in the future,
    after the previous cycle's day 1 and (when correcting) before the next one's."""
    problems: list[Problem] = []
    if day1 > today:
        problems.append(
            Problem(
                "day1",
                f"{day1} is in the future; day 1 is the date chemotherapy was actually given",
            )
        )
    elif day1 < dob:
        problems.append(Problem("day1", f"{day1} is before the patient's date of birth"))
    elif previous_day1 is not None and day1 <= previous_day1:
        problems.append(
            Problem("day1", f"{day1} is not after the previous cycle's day 1 ({previous_day1})")
        )
    elif next_day1 is not None and day1 >= next_day1:
        problems.append(
            Problem("day1", f"{day1} is not before the next cycle's day 1 ({next_day1})")
        )
    if not 1 <= nadir_start <= nadir_end:
        problems.append(
            Problem("nadir_window", "give the first and last day, e.g. 7-14, with 1 ≤ first ≤ last")
        )
    if cycle_length_days < 1:
        problems.append(Problem("cycle_length", "give a cycle length of 1 day or more"))
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
        problems.append(Problem("mrn", "the MRN is empty"))
    if not name.strip():
        problems.append(Problem("name", "the name is empty"))
    if dob > today:
        problems.append(Problem("dob", f"{dob} is in the future"))
    if sex not in ("", "F", "M", "X"):
        problems.append(Problem("sex", f"{sex!r} is not F, M or X"))
    return problems
