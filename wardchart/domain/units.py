"""Numbers and units: strict decimal parsing and normalisation to ×10⁹/L
(docs/clinical-rules.md#units-ucum).

Counts are kept as ``Decimal`` so that, for example, 2.1 × 45 / 100 is exactly 0.945
(reference case 1, docs/clinical-rules.md#reference-cases); floats would give 0.94 after rounding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")  # ASCII digits only

#: The internal unit of every count (docs/clinical-rules.md#units-ucum).
SI_COUNT_UNIT = "10^9/L"


@dataclass(frozen=True)
class CountUnit:
    """A unit a count can be entered in, and its factor to ×10⁹/L."""

    name: str
    factor: Decimal


#: docs/clinical-rules.md#units-ucum: ×10⁹/L = ×10^3/µL = G/L; 1 ×10⁹/L = 1000 cells/µL = 1000/mm³.
PER_LITRE_E9 = CountUnit("10^9/L", Decimal(1))
PER_MICROLITRE = CountUnit("cells/uL", Decimal("0.001"))

# Spellings accepted on entry and import (docs/clinical-rules.md#units-ucum), as _squash() leaves
# them.
_COUNT_UNITS: dict[str, CountUnit] = {
    **dict.fromkeys(
        ["10^9/l", "g/l", "giga/l", "10^3/ul", "k/ul", "thou/ul", "10^3/mm3"],
        PER_LITRE_E9,
    ),
    **dict.fromkeys(["cells/ul", "cell/ul", "/ul", "cells/mm3", "/mm3", "/cumm"], PER_MICROLITRE),
}

ACCEPTED_COUNT_UNITS = QT_TRANSLATE_NOOP(
    "Units", "10^9/L, G/L, 10^3/uL, K/uL, cells/uL, /uL or /mm3"
)

_SPELLING = str.maketrans({"⁹": "^9", "³": "^3", "×": "x", "µ": "u", "μ": "u", " ": None})


def _squash(text: str) -> str:
    """Reduce a unit's spelling: "×10⁹/L", "x10E9/L", "10*9/L" all become "10^9/l"."""
    squashed = text.translate(_SPELLING).lower().replace("**", "^").replace("*", "^")
    squashed = re.sub(r"^x(?=10)", "", squashed)
    return re.sub(r"10e(\d)", r"10^\1", squashed)


def parse_count_unit(text: str, field: str = "unit") -> CountUnit:
    """Parse a count unit in any accepted spelling, or raise naming ``field``."""
    squashed = _squash(text.strip())
    unit = _COUNT_UNITS.get(squashed)
    if unit is None:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP("Units", "unknown count unit {typed}; use {accepted}").format(
                        typed=shown(text), accepted=ACCEPTED_COUNT_UNITS
                    ),
                )
            ]
        )
    return unit


#: No laboratory value or temperature needs more significant digits than this.
MAX_DIGITS = 12


def shown(text: str, limit: int = 24) -> str:
    """What was typed, quoted for a message: control characters escaped, long text cut."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return repr(cut)


#: One point with exactly three digits after it: "2.100" is 2100 where the point
#: separates thousands (German), 2.1 elsewhere.
_POINT_BEFORE_THREE = re.compile(r"([+-]?)([0-9]+)\.([0-9]{3})")
#: Several points between groups of three digits ("1.000.000"): only a whole number.
_GROUPED_BY_POINTS = re.compile(r"([+-]?)([0-9]{1,3}(?:\.[0-9]{3}){2,})")


def refuse_thousands_point(text: str, field: str, *, decimal_comma: bool = False) -> None:
    """Refuse a number whose point may separate thousands (docs/translations.md).

    Where people write "2.100" for two thousand one hundred, a point before exactly three
    digits after one or more digits is ambiguous: the message gives both readings as they
    are typed there (``decimal_comma``: "2,1" as "2,100"; else with a point, "2.1"), and
    only readings that are numbers ("0.450": "450", never "0450"). Several such points
    ("1.000.000") can only separate thousands: the message gives the whole number. A point
    and a comma together are left to ``parse_decimal``, which refuses them as not a number.
    """
    cleaned = text.strip()
    if "," in cleaned:
        return
    grouped = _GROUPED_BY_POINTS.fullmatch(cleaned)
    if grouped:
        sign, digits = grouped.groups()
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Numbers",
                        "{typed} has points between thousands; give {as_whole} for the whole "
                        "number",
                    ).format(typed=shown(text), as_whole=_whole(sign, digits.replace(".", ""))),
                )
            ]
        )
    single = _POINT_BEFORE_THREE.fullmatch(cleaned)
    if single is None:
        return
    sign, before, after = single.groups()
    if decimal_comma:
        as_decimal = f"{sign}{before},{after}"
    else:  # the shortest decimal that is not read as thousands again: 2.1, 0.45, 2.1250
        fraction = after.rstrip("0")
        as_decimal = f"{sign}{before}" + (
            "" if not fraction else f".{fraction}0" if len(fraction) == 3 else f".{fraction}"
        )
    raise InvalidEntry(
        [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Numbers",
                    "{typed} is ambiguous: a point before three digits separates "
                    "thousands; give {as_decimal} for a decimal or {as_whole} for a "
                    "whole number",
                ).format(
                    typed=shown(text), as_decimal=as_decimal, as_whole=_whole(sign, before + after)
                ),
            )
        ]
    )


def _whole(sign: str, digits: str) -> str:
    return sign + (digits.lstrip("0") or "0")


def parse_decimal(
    text: str, field: str, *, decimal_comma: bool = False, thousands_point: bool = False
) -> Decimal:
    """Parse a plain decimal number ("0.945", "12", ".5") or raise naming ``field``.

    A comma is refused rather than guessed: "2,100" could mean 2.1 or 2100. With
    ``decimal_comma`` (a window in a language that writes "0,45", see
    docs/translations.md) a single comma is the decimal mark instead, and a point
    followed by exactly three digits is refused: there it separates thousands. With
    ``thousands_point`` (the command line run in such a language) the point stays the
    decimal mark but that point is refused just the same (``refuse_thousands_point``).
    """
    cleaned = text.strip()
    if decimal_comma or thousands_point:
        refuse_thousands_point(text, field, decimal_comma=decimal_comma)
    if decimal_comma:
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
    elif "," in cleaned:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Numbers", "{typed} contains a comma; use a decimal point, e.g. 1.5"
                    ).format(typed=shown(text)),
                )
            ]
        )
    if not _NUMBER.fullmatch(cleaned):
        example = (
            QT_TRANSLATE_NOOP("Numbers", "{typed} is not a number; give e.g. 0,42")
            if decimal_comma
            else QT_TRANSLATE_NOOP("Numbers", "{typed} is not a number; give e.g. 0.42")
        )
        raise InvalidEntry([Problem(field, example.format(typed=shown(text)))])
    if len(cleaned.lstrip("+-").replace(".", "").lstrip("0")) > MAX_DIGITS:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Numbers", "{typed} has too many digits to be a measurement"
                    ).format(typed=shown(text)),
                )
            ]
        )
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP("Numbers", "{typed} is not a number").format(
                        typed=shown(text)
                    ),
                )
            ]
        ) from None


def to_si(value: Decimal, unit: CountUnit) -> Decimal:
    """Convert a count to ×10⁹/L exactly."""
    return value * unit.factor


def to_si_or_none(value: Decimal | None, unit: CountUnit) -> Decimal | None:
    """``to_si`` that passes None through."""
    return None if value is None else to_si(value, unit)


def from_si(value: Decimal, unit: CountUnit) -> Decimal:
    """Convert a count in ×10⁹/L to ``unit`` exactly."""
    return value / unit.factor


def fahrenheit_to_celsius(value: Decimal) -> Decimal:
    """°F → °C, exact to Decimal precision: 101 °F → 38.333… °C
    (docs/clinical-rules.md#febrile-neutropenia, #reference-cases case 19)."""
    return (value - 32) * 5 / 9


#: Comparison operators as printed for people.
OP_SYMBOL = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def display(value: Decimal, places: int = 2) -> str:
    """Round half-up for display only; grading always uses the unrounded value
    (docs/clinical-rules.md#numbers-and-rounding)."""
    quantum = Decimal(1).scaleb(-places)
    return str(_unsigned_zero(value.quantize(quantum, rounding=ROUND_HALF_UP)))


def plain(value: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros ("0.945", "2", "0.0001")."""
    return format(_unsigned_zero(value.normalize()), "f")


def _unsigned_zero(value: Decimal) -> Decimal:
    """A zero without its sign: "-0" or "-0.00" is never shown (a tiny negative rounds to 0)."""
    return value.copy_abs() if value.is_zero() else value
