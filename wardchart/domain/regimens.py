"""The regimen library as data (docs/clinical-rules.md#regimen-library,
#next-cycle-day-1-thresholds): parsed and checked here, stored per ward."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, cast

from wardchart.domain.identifiers import (
    identifier_key,
    identifier_problems,
    normal_identifier,
    text_problems,
)
from wardchart.domain.plausibility import check_cycle_shape, check_threshold
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.records import Regimen, ThresholdOp
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import parse_decimal, shown


def _threshold(value: Any, field: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        message = QT_TRANSLATE_NOOP("Regimens", "{value} is not a number")
        raise InvalidEntry([Problem(field, message.format(value=repr(value)))]) from None


def _op(value: Any, field: str) -> ThresholdOp:
    if value not in (">=", ">"):
        message = QT_TRANSLATE_NOOP("Regimens", "{value} is not '>=' or '>'")
        raise InvalidEntry([Problem(field, message.format(value=repr(value)))])
    return cast(ThresholdOp, value)


#: The cycle length of a regimen not in the ward's library: the commonest schedule (every
#: 21 days), overridable per cycle (docs/clinical-rules.md).
UNLISTED_CYCLE_LENGTH_DAYS = 21


def unlisted_regimen(name: str, nadir_window: tuple[int, int]) -> Regimen:
    """A regimen not in the library, as a cycle of it is started: the nurse gives its nadir
    window; the cycle length is 21 days and the next-cycle thresholds are the labelled
    defaults (ANC ≥ 1.5 and platelets ≥ 100 ×10⁹/L on day 1), as described in
    docs/clinical-rules.md. The name is normalised as every identifier is."""
    return Regimen(
        name=normal_identifier(name),
        cycle_length_days=UNLISTED_CYCLE_LENGTH_DAYS,
        nadir_start=nadir_window[0],
        nadir_end=nadir_window[1],
    )


def regimen_from_mapping(data: Mapping[str, Any], *, confirmed: bool = False) -> Regimen:
    """Build and check one regimen from a library entry (see resources/regimens.json)."""
    try:
        start, end = (int(day) for day in data["nadir_window"])
        regimen = Regimen(
            name=str(data["name"]).strip(),
            cycle_length_days=int(data["cycle_length_days"]),
            nadir_start=start,
            nadir_end=end,
            anc_threshold=_threshold(data.get("anc_threshold"), "anc_threshold"),
            anc_op=_op(data.get("anc_op", ">="), "anc_op"),
            plt_threshold=_threshold(data.get("plt_threshold"), "plt_threshold"),
            plt_op=_op(data.get("plt_op", ">="), "plt_op"),
            gcsf_required=bool(data.get("gcsf_required", False)),
            notes=str(data.get("notes", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        message = QT_TRANSLATE_NOOP("Regimens", "incomplete regimen entry: {error}")
        raise InvalidEntry([Problem("regimen", message.format(error=str(error)))]) from None
    check_regimen(regimen, confirmed=confirmed)
    return regimen


def regimen_problems(regimen: Regimen) -> list[Problem]:
    """Everything wrong or unusual with a regimen (see docs/plausibility.md)."""
    problems = identifier_problems("name", regimen.name, 80)
    problems += text_problems("notes", regimen.notes, 500)
    if not regimen.name.strip():
        problems.append(Problem("name", QT_TRANSLATE_NOOP("Regimens", "the regimen needs a name")))
    problems += check_cycle_shape(regimen.nadir_start, regimen.nadir_end, regimen.cycle_length_days)
    for field, value in (
        ("anc_threshold", regimen.anc_threshold),
        ("plt_threshold", regimen.plt_threshold),
    ):
        if value is not None:
            problems += check_threshold(field, value)
    return problems


def check_regimen(regimen: Regimen, *, confirmed: bool = False) -> None:
    """Refuse a regimen that cannot be charted, or an unusual one not confirmed."""
    raise_if_blocking(regimen_problems(regimen), confirmed=confirmed)


def parse_library(entries: Sequence[Mapping[str, Any]]) -> list[Regimen]:
    """Parse the whole library; names must be unique, ignoring case."""
    regimens = [regimen_from_mapping(entry) for entry in entries]
    names = [identifier_key(r.name) for r in regimens]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        message = QT_TRANSLATE_NOOP("Regimens", "duplicate regimen names: {names}")
        raise InvalidEntry([Problem("name", message.format(names=", ".join(duplicates)))])
    return regimens


def regimen_from_text(
    *,
    name: str,
    cycle_length: str,
    nadir_window: str,
    anc_threshold: str | None,
    anc_op: str = ">=",
    plt_threshold: str | None,
    plt_op: str = ">=",
    gcsf_required: bool = False,
    notes: str = "",
    decimal_comma: bool = False,
) -> Regimen:
    """A regimen as typed (``wardchart regimen set``, the window's regimen dialog), each
    value parsed and refused naming its field. A threshold of ``None`` (not given) is the
    labelled default (ANC 1.5, platelets 100 ×10⁹/L); "none" means the regimen proceeds
    irrespective of that count. Whether the regimen may be charted (``check_regimen``) is
    checked when it is saved. ``decimal_comma``: thresholds typed with a decimal comma
    (a window in German, see ``parse_decimal``)."""
    start, end = parse_window(nadir_window)
    length = cycle_length.strip()
    # Plain digits 0-9, at most four: "²" or a 23-digit number never reaches int().
    if not (length.isascii() and length.isdigit() and len(length) <= 4):
        raise InvalidEntry(
            [
                Problem(
                    "cycle_length",
                    QT_TRANSLATE_NOOP(
                        "Regimens", "{typed} is not a whole number (digits 0-9, at most 4)"
                    ).format(typed=shown(cycle_length)),
                )
            ]
        )
    return Regimen(
        name=name.strip(),
        cycle_length_days=int(length),
        nadir_start=start,
        nadir_end=end,
        anc_threshold=_typed_threshold(
            anc_threshold, "anc_threshold", Decimal("1.5"), decimal_comma
        ),
        anc_op=_op(anc_op, "anc_op"),
        plt_threshold=_typed_threshold(plt_threshold, "plt_threshold", Decimal(100), decimal_comma),
        plt_op=_op(plt_op, "plt_op"),
        gcsf_required=gcsf_required,
        notes=notes,
    )


def _typed_threshold(
    text: str | None, field: str, default: Decimal, decimal_comma: bool
) -> Decimal | None:
    if text is None:
        return default
    if text.strip().lower() == "none":
        return None
    return parse_decimal(text, field, decimal_comma=decimal_comma)


def parse_window(text: str, field: str = "nadir_window") -> tuple[int, int]:
    """Parse "7-14" (first and last cycle day, inclusive)."""
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    # Plain digits 0-9, at most three: "²" or a 23-digit day never reaches int().
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts):
        message = QT_TRANSLATE_NOOP("Regimens", "{typed} is not a window; give e.g. 7-14")
        raise InvalidEntry([Problem(field, message.format(typed=shown(text)))])
    start, end = int(parts[0]), int(parts[1])
    if not 1 <= start <= end:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Regimens", "{typed}: give first-last with 1 ≤ first ≤ last"
                    ).format(typed=shown(text)),
                )
            ]
        )
    return start, end
