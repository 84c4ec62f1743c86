"""Dates and times as nurses type them: ISO 8601, local time unless an offset is given.

A local time is read on the computer's own clock, with its daylight-saving rules. A time
the clock skipped (the hour lost when clocks go forward) is refused, and a time the clock
showed twice (the hour repeated when clocks go back) must carry its UTC offset: nothing
is guessed. See docs/dates-and-times.md.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment
from wardchart.domain.units import shown

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)"
    r"(?P<fraction>[.,][0-9]*)? ?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)

# A date written day first, as German writes it: 26.11.2026, 1.1.2026, "1. 1. 2026"
# (spaces after the points allowed); the year is any run of digits so that a two-digit
# year is recognised, and refused.
_DAY_FIRST = re.compile(r"([0-9]{1,2}) ?\. ?([0-9]{1,2}) ?\. ?([0-9]+)")
# The same with a 24-hour time ("26.11.2026 14:30", "26.11.2026 8:30:15") and any UTC
# offset after it.
_DAY_FIRST_TIME = re.compile(
    _DAY_FIRST.pattern + r" +([0-9]{1,2}):([0-9]{2}(?::[0-9]{2})?)(.*)", re.DOTALL
)

#: The years a typed date or time may fall in. Anything outside is a typing slip (and the
#: edges of Python's calendar, years 1 and 9999, cannot be converted between zones).
FIRST_YEAR = 1900
LAST_YEAR = 2999

#: What the window shows and what a nurse types: date, and date with 24-hour time.
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def _day_first_iso(text: str, field: str, *, with_time: bool) -> str | None:
    """A day-first date (and time) as ISO text ("26.11.2026 14:30" → "2026-11-26 14:30"),
    or None when ``text`` is not written that way. A year of fewer than four digits is
    refused naming ``field``: "26.11.26" could be 1926 or 2026, and a date of birth must
    never be guessed into the wrong century. Whether the day exists is checked later, as
    for an ISO date."""
    match = (_DAY_FIRST_TIME if with_time else _DAY_FIRST).fullmatch(text)
    if match is None:
        return None
    day, month, year = match.group(1), match.group(2), match.group(3)
    if len(year) != 4:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Dates",
                        "{typed} has a {digits}-digit year; give all four digits, e.g. "
                        "26.11.2026, so that the century is never guessed",
                    ).format(typed=shown(text), digits=len(year)),
                )
            ]
        )
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    if not with_time:
        return iso
    hour, rest, after = match.group(4), match.group(5), match.group(6)
    return f"{iso} {int(hour):02d}:{rest}{after}"


def parse_date(text: str, field: str, *, day_first: bool = False) -> date:
    """Parse "2026-03-02"; anything else is refused naming ``field``.

    With ``day_first`` (a German window) "02.03.2026" and "2.3.2026" are read too, day
    first; a two-digit year is refused (docs/translations.md, "Typing dates")."""
    cleaned = text.strip()
    if day_first:
        cleaned = _day_first_iso(cleaned, field, with_time=False) or cleaned
    if not _DATE.fullmatch(cleaned):
        message = (
            QT_TRANSLATE_NOOP("Dates", "{typed} is not a date; give DD.MM.YYYY, e.g. 02.03.2026")
            if day_first
            else QT_TRANSLATE_NOOP(
                "Dates", "{typed} is not a date; give YYYY-MM-DD, e.g. 2026-03-02"
            )
        )
        raise InvalidEntry([Problem(field, message.format(typed=shown(text)))])
    try:
        parsed = date.fromisoformat(cleaned)
    except ValueError:
        message = QT_TRANSLATE_NOOP("Dates", "{typed} is not a real calendar date")
        raise InvalidEntry([Problem(field, message.format(typed=shown(text)))]) from None
    _check_year(parsed, field)
    return parsed


def _check_year(value: date, field: str) -> None:
    """Refuse a date outside the accepted years (see docs/dates-and-times.md)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Dates", "{day} is outside the years {first} to {last}; check the year"
                    ).format(day=value, first=str(FIRST_YEAR), last=str(LAST_YEAR)),
                )
            ]
        )


def parse_datetime(
    text: str, field: str, tz: tzinfo | None = None, *, day_first: bool = False
) -> datetime:
    """Parse "2026-03-12 08:30" (local) or "2026-03-12 08:30 -04:00" into an aware datetime.

    A time without an offset is local wall-clock time: in ``tz`` if given, else the
    computer's own zone (with its daylight-saving rules). A local time that did not exist
    or that happened twice there is refused (see ``as_aware``). With ``day_first`` (a
    German window) "12.03.2026 08:30" is read too, as ``parse_date`` reads its date.
    """
    cleaned = text.strip()
    if day_first:
        cleaned = _day_first_iso(cleaned, field, with_time=True) or cleaned
    match = _DATETIME.fullmatch(cleaned)
    if match is None:
        message = (
            QT_TRANSLATE_NOOP(
                "Dates", "{typed} is not a date and 24-hour time; give e.g. 12.03.2026 08:30"
            )
            if day_first
            else QT_TRANSLATE_NOOP(
                "Dates", "{typed} is not a date and 24-hour time; give e.g. 2026-03-12 08:30"
            )
        )
        raise InvalidEntry([Problem(field, message.format(typed=shown(text)))])
    if match.group("fraction") is not None:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Dates",
                        "{typed} has a fraction of a second; give the time to the minute "
                        "(or whole seconds), e.g. 2026-03-12 08:30",
                    ).format(typed=shown(text)),
                )
            ]
        )
    try:
        parsed = datetime.fromisoformat(match.group(1) + (match.group(3) or ""))
    except ValueError:
        message = QT_TRANSLATE_NOOP("Dates", "{typed} is not a real date and time")
        raise InvalidEntry([Problem(field, message.format(typed=shown(text)))]) from None
    return as_aware(parsed, tz, field=field)


def as_aware(value: datetime, tz: tzinfo | None = None, *, field: str = "time") -> datetime:
    """Attach the local zone to a naive datetime; leave an aware one as it is.

    The local zone is ``tz`` if given, else the computer's own. A wall-clock time that
    the zone skipped, or showed twice, at a daylight-saving change is refused naming
    ``field``: the first cannot be right, the second needs its UTC offset to say which.
    A date outside the accepted years is refused too (its zone arithmetic could overflow).
    """
    _check_year(value.date(), field)
    if value.tzinfo is not None:
        return value
    candidates = _instants(value, tz)
    typed = Moment(value.strftime(DATETIME_FORMAT))
    if not candidates:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Dates",
                        "{typed} did not exist on this computer's clock: the clocks went "
                        "forward for daylight saving; check the time",
                    ).format(typed=typed),
                )
            ]
        )
    if len(candidates) > 1:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Dates",
                        "{typed} happened twice: the clocks went back for daylight saving; "
                        "add the UTC offset: {typed} {first} or {typed} {second}",
                    ).format(
                        typed=typed, first=_offset(candidates[0]), second=_offset(candidates[1])
                    ),
                )
            ]
        )
    return candidates[0]


def _instants(naive: datetime, tz: tzinfo | None) -> list[datetime]:
    """Every instant whose local wall-clock reading is ``naive`` (0, 1 or 2 of them)."""
    found: list[datetime] = []
    for fold in (0, 1):
        guess = naive.replace(fold=fold)
        aware = guess.astimezone() if tz is None else guess.replace(tzinfo=tz)
        back = aware.astimezone(UTC).astimezone(tz)
        if back.replace(tzinfo=None, fold=0) != naive.replace(fold=0):
            continue  # the zone never showed this reading: it normalised to another time
        if all(back.utcoffset() != f.utcoffset() for f in found):
            found.append(back if tz is None else naive.replace(tzinfo=tz, fold=fold))
    return found


def _offset(value: datetime) -> str:
    offset = value.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def shown_local(value: datetime, tz: tzinfo | None = None) -> str:
    """An instant as a nurse types it back: "2026-03-12 08:30" in local time.

    A reading the clock showed twice gets its UTC offset ("2026-11-01 01:30 -04:00") so
    that saving it again means the same instant.
    """
    local = value.astimezone(tz)
    text = local.strftime(DATETIME_FORMAT)
    if len(_instants(local.replace(tzinfo=None), tz)) > 1:
        text += " " + _offset(local)
    return text


def local_date(value: datetime, tz: tzinfo | None = None) -> date:
    """The local calendar date of an instant: the date cycle days are counted in."""
    return value.astimezone(tz).date()


def iso_local(value: datetime, tz: tzinfo | None = None) -> str:
    """ISO 8601 local time with its UTC offset, to the second: 2026-03-12T08:00:00-04:00."""
    return value.astimezone(tz).isoformat(timespec="seconds")
