"""Dates and times as nurses type them: ISO 8601, local time unless an offset is given (DN §6)."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.units import shown

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def parse_date(text: str, field: str) -> date:
    """Parse "2026-03-02"; anything else is refused naming ``field``."""
    cleaned = text.strip()
    if not _DATE.fullmatch(cleaned):
        raise InvalidEntry(
            [Problem(field, f"{shown(text)} is not a date; give YYYY-MM-DD, e.g. 2026-03-02")]
        )
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidEntry([Problem(field, f"{shown(text)} is not a real calendar date")]) from None


def parse_datetime(text: str, field: str, tz: tzinfo | None = None) -> datetime:
    """Parse "2026-03-12 08:30" (local) or "2026-03-12T08:30-04:00" into an aware datetime.

    A time without an offset is local wall-clock time: in ``tz`` if given, else the
    computer's own zone (with its daylight-saving rules).
    """
    cleaned = text.strip()
    if not _DATETIME.fullmatch(cleaned):
        raise InvalidEntry(
            [
                Problem(
                    field,
                    f"{shown(text)} is not a date and 24-hour time; give e.g. 2026-03-12 08:30",
                )
            ]
        )
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise InvalidEntry([Problem(field, f"{shown(text)} is not a real date and time")]) from None
    return as_aware(parsed, tz)


def as_aware(value: datetime, tz: tzinfo | None = None) -> datetime:
    """Attach the local zone to a naive datetime; leave an aware one as it is."""
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=tz) if tz is not None else value.astimezone()


def local_date(value: datetime, tz: tzinfo | None = None) -> date:
    """The local calendar date of an instant: the date cycle days are counted in (DN §3)."""
    return value.astimezone(tz).date()


def iso_local(value: datetime, tz: tzinfo | None = None) -> str:
    """ISO 8601 local time with its UTC offset, to the second: 2026-03-12T08:00:00-04:00."""
    return value.astimezone(tz).isoformat(timespec="seconds")
