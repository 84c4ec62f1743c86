"""Rules for charts merged from several replicas (see docs/merging.md): which version of
a record is current when its history forked, which value of a ward setting holds when it
was changed on two machines apart, and how a conflict is named. Pure functions: the same
records give the same answer on every replica, whatever order they arrived in."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wardchart.domain.texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Tip:
    """A version of a record that nothing supersedes (a fork has two or more)."""

    id: str
    recorded_at: str
    entered_in_error: bool = False


def current_tip(tips: Iterable[Tip]) -> Tip | None:
    """The version shown when a record's history forked: a version that keeps the record
    wins over one that withdraws it (entered in error), so a record someone still charted
    stays visible, marked for review; among those, the one recorded last (UTC text), and
    on an equal time the greater id. None: every branch withdrew it. The views
    ``current_*`` apply the same rule in SQL."""
    kept = [t for t in tips if not t.entered_in_error]
    return max(kept, key=lambda t: (t.recorded_at, t.id), default=None)


@dataclass(frozen=True)
class SettingRow:
    """One saved change of a ward setting."""

    id: str
    key: str
    recorded_at: str
    #: The change it replaced (the value current where it was made); None for the first
    #: change of a key, and for changes saved before settings named it.
    supersedes: str | None
    #: The replica that saved it; None for changes saved before chart ids.
    replica_id: str | None


def setting_heads(rows: Sequence[SettingRow], set_aside: frozenset[str]) -> list[SettingRow]:
    """The changes of one key that no later change replaced: one, or several when the key
    was changed on two replicas apart. A change saved before settings named what they
    replaced counts as replaced by any later change of its key."""
    replaced = {r.supersedes for r in rows if r.supersedes}
    order = sorted(rows, key=lambda r: (r.recorded_at, r.id))
    heads = []
    for position, row in enumerate(order):
        if row.id in replaced or row.id in set_aside:
            continue
        if row.replica_id is None and row.supersedes is None and position < len(order) - 1:
            continue
        heads.append(row)
    return heads


def setting_winner(heads: Sequence[SettingRow]) -> SettingRow | None:
    """The change that holds among a key's heads: the one recorded last, then the greater
    id (the same rule as for records)."""
    return max(heads, key=lambda r: (r.recorded_at, r.id), default=None)


def conflict_key(kind: str, ids: Iterable[str]) -> str:
    """A conflict's stable name: its kind and the records (or versions) involved, in any
    order. A resolution names it; a new version made apart changes it, so the conflict
    shows again."""
    text = "\n".join([kind, *sorted(set(ids))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


#: What each kind of conflict is, in a nurse's words.
KIND_WORDS = {
    "correction": QT_TRANSLATE_NOOP("Conflicts", "corrected differently on two computers"),
    "regimen": QT_TRANSLATE_NOOP("Conflicts", "regimen changed on two computers"),
    "account": QT_TRANSLATE_NOOP("Conflicts", "account changed on two computers"),
    "mrn": QT_TRANSLATE_NOOP("Conflicts", "one MRN admitted as two patients"),
    "cycle_number": QT_TRANSLATE_NOOP("Conflicts", "two cycles with one number"),
    "bed": QT_TRANSLATE_NOOP("Conflicts", "one bed given to two patients"),
    "username": QT_TRANSLATE_NOOP("Conflicts", "one user name on two accounts"),
    "ward_setting": QT_TRANSLATE_NOOP("Conflicts", "ward setting changed on two computers"),
    "duplicate": QT_TRANSLATE_NOOP("Conflicts", "charted twice on two computers"),
    "same_time": QT_TRANSLATE_NOOP(
        "Conflicts", "two different results at one collection time, charted on two computers"
    ),
    "resolved_apart": QT_TRANSLATE_NOOP(
        "Conflicts", "resolved differently on two computers — nothing shown"
    ),
}
#: The words on every conflict mark (census, header, record tables, printouts).
REVIEW = QT_TRANSLATE_NOOP("Conflicts", "conflict — review")


@dataclass(frozen=True)
class ConflictMark:
    """What a chart shows of an open conflict (see docs/merging.md): its kind, what it is
    about, the records involved (stable ids and version ids), and which version is shown
    and who wrote it. Made from storage's conflicts; the chart only marks, never chooses."""

    key: str
    kind: str
    subject: str
    records: frozenset[str]
    #: "version shown: written by nurse a at 2026-03-02 08:30 UTC (anc=0.7)".
    shown: str
    sides: int = 2

    @property
    def words(self) -> str:
        """The kind of conflict, in words."""
        return KIND_WORDS.get(self.kind, self.kind.replace("_", " "))

    def line(self) -> str:
        """One line for a header or a printout."""
        return f"{REVIEW}: {self.subject} — {self.words}; {self.shown}"

    def involves(self, record_id: str) -> bool:
        """Whether a record (stable id) or version is one of those in conflict."""
        return record_id in self.records


def marks_for(marks: Iterable[ConflictMark], record_id: str) -> ConflictMark | None:
    """The first conflict that involves a record, if any."""
    return next((m for m in marks if m.involves(record_id)), None)
