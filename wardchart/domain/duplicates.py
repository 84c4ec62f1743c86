"""When two replicas charted the same entry apart (see docs/merging.md, "Charted twice"):
a blood count, a temperature or a G-CSF dose written on two computers that had not yet
exchanged their records. Pure functions: the same records give the same groups on every
replica, whatever order they arrived in.

"The same entry" is the rule one chart file already applies to a result it is asked to
chart again (docs/lab-duplicates.md): the same patient, the same moment to the second
(the collection time of a blood count, the time a temperature was taken or a dose given)
and the same values once both are in the chart's own units. One minute, or one second,
apart is another entry. For a blood count, another result at the very same collection
time with other values is never charted beside the first by one file either: merged, it
is a conflict too, with both values shown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

#: Kinds of conflict these rules find: the same entry charted on two replicas, and (blood
#: counts only) two different results at one collection time charted on two replicas.
DUPLICATE = "duplicate"
SAME_TIME = "same_time"


@dataclass(frozen=True)
class Charted:
    """One current record as these rules see it."""

    #: The record's stable id.
    record_id: str
    #: The chart id of the replica that first charted it (None: before chart ids).
    replica_id: str | None
    patient_id: str
    #: When it was taken or given (aware).
    at: datetime
    #: Its values in the chart's own units (×10⁹/L, °C), or names (a drug, a dose).
    values: tuple[Decimal | str | None, ...]


def _value(value: Decimal | str | None) -> Decimal | str | None:
    """A value as compared: a number by its amount ("0.70" = "0.7"), a name or a dose by
    its words (case and spacing aside), a missing value as missing."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value.normalize()
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        number = None
    if number is not None and number.is_finite():
        return number.normalize()
    return " ".join(value.split()).casefold()


def same_moment(a: Charted, b: Charted) -> bool:
    """The same patient at the same instant (time zones aside; to the second)."""
    return a.patient_id == b.patient_id and a.at == b.at


def same_values(a: Charted, b: Charted) -> bool:
    """The same values, compared as amounts and words (see ``_value``)."""
    return len(a.values) == len(b.values) and all(
        _value(x) == _value(y) for x, y in zip(a.values, b.values, strict=True)
    )


def same_entry(a: Charted, b: Charted) -> bool:
    """The same entry: same patient, same instant, same values."""
    return same_moment(a, b) and same_values(a, b)


def _apart(group: Sequence[Charted]) -> bool:
    """Charted on two replicas at least (a record from before chart ids is this file's)."""
    return len({c.replica_id for c in group if c.replica_id is not None}) > 1


def charted_apart(
    entries: Iterable[Charted], *, other_values: bool
) -> list[tuple[str, tuple[Charted, ...]]]:
    """The groups of current records charted apart that one file would not have let
    stand together: (``DUPLICATE``, the records of one entry) when two replicas charted
    the same entry; with ``other_values`` (blood counts), (``SAME_TIME``, every record at
    that moment) when records of one patient at one moment differ in their values. A
    group needs records from two replicas at least: what one file charted twice by hand
    is that file's own (it charts it so today). Records in each group by stable id;
    groups by patient, time and first record id."""
    moments: dict[tuple[str, datetime], list[Charted]] = defaultdict(list)
    for entry in entries:
        moments[entry.patient_id, entry.at].append(entry)
    found: list[tuple[str, tuple[Charted, ...]]] = []
    for moment in sorted(moments, key=lambda m: (m[0], m[1].timestamp())):
        group = sorted(moments[moment], key=lambda c: c.record_id)
        if len(group) < 2 or not _apart(group):
            continue
        classes: list[list[Charted]] = []
        for entry in group:
            same = next((c for c in classes if same_values(c[0], entry)), None)
            if same is None:
                classes.append([entry])
            else:
                same.append(entry)
        if len(classes) > 1 and other_values:
            found.append((SAME_TIME, tuple(group)))
            continue
        found += [(DUPLICATE, tuple(c)) for c in classes if len(c) > 1 and _apart(c)]
    return found


def kept_once(records: Iterable[tuple[str, str]]) -> str:
    """Which record of one entry charted twice stays, given each record's (time its first
    version was recorded, as UTC text; stable id): the one charted first, then the
    smaller id. There is no choice to make — the records hold the same values — so the
    rule, not a click, decides, and every replica that resolves it keeps the same record
    even when two resolve it apart (see docs/merging.md, "Charted twice")."""
    return min(records)[1]
