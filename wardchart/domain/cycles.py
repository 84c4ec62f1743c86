"""Cycle assignment and cycle day (docs/clinical-rules.md#cycle-day).

Day 1 is the date chemotherapy was actually given. A result belongs to the latest cycle
whose day 1 is on or before the result's local calendar date; cycle day is
(date − day 1) + 1. Results before the first cycle are baseline: day −1 is the day before
day 1, and there is no day 0. Day counting uses calendar dates, so daylight-saving
changes and month ends cannot shift it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, datetime, tzinfo


def cycle_day(day1: date, on: date) -> int:
    """Cycle day of ``on`` relative to ``day1``: 1 on day 1, −1 the day before, never 0."""
    delta = (on - day1).days
    return delta + 1 if delta >= 0 else delta


def assign_cycle(day1s: Sequence[date], on: date) -> int | None:
    """Index into ``day1s`` (sorted ascending) of the cycle ``on`` belongs to; None = baseline."""
    index = bisect_right(day1s, on) - 1
    return index if index >= 0 else None


def day_position(day1: date, at: datetime, tz: tzinfo | None = None) -> float:
    """Chart x position on true (local wall-clock) time: 1.0 is midnight starting day 1.

    08:00 on day 9 is 9.333…. Baseline times sit below 1.0 with no gap: 08:00 on day −1
    is 0.333…, so the axis labels positions in [0, 1) as day −1 (``day_label``).
    """
    local = at.astimezone(tz).replace(tzinfo=None)
    elapsed = local - datetime.combine(day1, datetime.min.time())
    return elapsed.total_seconds() / 86400 + 1


def day_label(position: float) -> int:
    """The cycle day a chart position falls on (the inverse of ``day_position``'s day)."""
    whole = int(position // 1)
    return whole if whole >= 1 else whole - 1
