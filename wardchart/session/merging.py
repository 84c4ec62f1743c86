"""Merging another chart file into the open one, and resolving the conflicts merging
brings (see docs/merging.md), as the session sees them: what the chart marks, and the
typed change that settles a conflict.

Storage finds the conflicts and keeps every version; a chart only marks them
("conflict — review") until a person resolves each with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wardchart.domain.merge_rules import ConflictMark
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import RecordKind
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment
from wardchart.storage import records
from wardchart.storage.conflicts import Conflict, conflicts, resolve_conflict
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import Saved

if TYPE_CHECKING:
    # The typed changes load at the first save (``ChartingSession.permit``), not with
    # the chart: a conflict's correction comes from a dialog, which has loaded them.
    from wardchart.session.changes import (
        CorrectCbc,
        CorrectCycle,
        CorrectGcsf,
        CorrectPatient,
        CorrectTemperature,
    )

#: A record's kind in a nurse's words.
_TABLE_WORDS = {
    "patients": QT_TRANSLATE_NOOP("Merging", "patient details"),
    "cycles": QT_TRANSLATE_NOOP("Merging", "cycle"),
    "results": QT_TRANSLATE_NOOP("Merging", "CBC"),
    "temperatures": QT_TRANSLATE_NOOP("Merging", "temperature"),
    "gcsf_doses": QT_TRANSLATE_NOOP("Merging", "G-CSF dose"),
    "precautions": QT_TRANSLATE_NOOP("Merging", "precautions"),
    "regimens": QT_TRANSLATE_NOOP("Merging", "regimen"),
    "users": QT_TRANSLATE_NOOP("Merging", "account"),
    "ward_settings": QT_TRANSLATE_NOOP("Merging", "ward setting"),
}
#: A record corrected apart, by when it was taken or given: "CBC taken 2026-03-02 08:30".
_WHEN_SUBJECTS = {
    "taken_at": QT_TRANSLATE_NOOP("Merging", "{record} taken {when}"),
    "given_at": QT_TRANSLATE_NOOP("Merging", "{record} given {when}"),
    "day1": QT_TRANSLATE_NOOP("Merging", "{record} day 1 {when}"),
}
_WHEN = re.compile(r"\b(taken_at|given_at|day1)=([^,]+)")


def when_text(recorded_at: str) -> str:
    """A stored UTC time ("2026-03-02T08:30:00.000000Z") as "2026-03-02 08:30 UTC"."""
    return f"{recorded_at[:16].replace('T', ' ')} UTC" if len(recorded_at) >= 16 else recorded_at


def patients_of(conflict: Conflict) -> set[str]:
    """The patients (stable ids) whose charts show a conflict: its patient, and for two
    patient records in conflict (one MRN, one bed) each of them."""
    found = {conflict.patient_id} if conflict.patient_id else set()
    found |= {s.record_id for s in conflict.sides if s.table == "patients"}
    return found


def subject_of(conflict: Conflict) -> str:
    """What a conflict is about, in words: "CBC taken 2026-03-02T08:30", "MRN 42"."""
    if not conflict.subject.endswith("corrected apart"):
        return conflict.subject  # "MRN 42", "bed 4A-01", "cycle 3", "user name ann"
    word = _TABLE_WORDS.get(conflict.table, conflict.table)
    for side in conflict.sides:
        found = _WHEN.search(side.summary)
        if found:
            when = Moment(found.group(2)[:16].replace("T", " "))
            return _WHEN_SUBJECTS[found.group(1)].format(record=word, when=when)
    return word


#: Bookkeeping left out of a version's values as people read them.
_NOT_SHOWN = ("source", "unit_entered", "lab_status", "anc_source")


_PAIR = re.compile(r", (?=[a-z_0-9]+=)")


def pairs(summary: str) -> list[str]:
    """A version's "k=v" parts (a value may hold ", ", as a name does)."""
    return [p for p in _PAIR.split(summary) if "=" in p]


def values_text(summary: str) -> str:
    """A version's values as people read them: ids and bookkeeping left out
    ("anc=0.73, taken_at=2026-03-02T08:30, wbc=9")."""
    parts = pairs(summary)
    kept = [
        p
        for p in parts
        if not p.split("=")[0].endswith("_id") and p.split("=")[0] not in _NOT_SHOWN
    ]
    return ", ".join(kept) if parts else summary


def shown_text(conflict: Conflict) -> str:
    """Which version the chart shows, and who wrote it."""
    shown = [s for s in conflict.sides if s.shown]
    if len(shown) == 1:
        side = shown[0]
        values = values_text(side.summary)
        values = values if len(values) <= 70 else values[:69] + "…"
        return f"version shown: by {side.recorded_by} at {when_text(side.recorded_at)} ({values})"
    if len(shown) == len(conflict.sides):
        return f"all {len(shown)} records shown"
    return "no version shown: every version was withdrawn"


def mark(conflict: Conflict) -> ConflictMark:
    """What a chart shows of a conflict."""
    ids = {s.record_id for s in conflict.sides} | {s.version_id for s in conflict.sides}
    return ConflictMark(
        key=conflict.key,
        kind=conflict.kind,
        subject=subject_of(conflict),
        records=frozenset(ids),
        shown=shown_text(conflict),
        sides=len(conflict.sides),
    )


def marks_by_patient(found: Iterable[Conflict]) -> dict[str, tuple[ConflictMark, ...]]:
    """Each patient's conflict marks."""
    by_patient: dict[str, list[ConflictMark]] = {}
    for conflict in found:
        for patient_id in patients_of(conflict):
            by_patient.setdefault(patient_id, []).append(mark(conflict))
    return {k: tuple(v) for k, v in by_patient.items()}


if TYPE_CHECKING:
    #: The corrections that can settle a conflict as its new version (the correction
    #: dialogs').
    Correction = CorrectCbc | CorrectTemperature | CorrectGcsf | CorrectCycle | CorrectPatient


def _corrected_table(correction: Correction) -> RecordKind:
    """The kind of record a correction writes."""
    from wardchart.session import changes  # see TYPE_CHECKING above

    return {
        changes.CorrectCbc: RecordKind.RESULTS,
        changes.CorrectTemperature: RecordKind.TEMPERATURES,
        changes.CorrectGcsf: RecordKind.GCSF_DOSES,
        changes.CorrectCycle: RecordKind.CYCLES,
        changes.CorrectPatient: RecordKind.PATIENTS,
    }[type(correction)]


@dataclass(frozen=True)
class ResolveConflict:
    """Settle an open conflict (``key``) with a reason:

    - ``keep``: keep one version (``keep``: a side's version id) — for two records that
      cannot both stand, keep one record;
    - ``link``: two patient records of one MRN are one person (``keep``: the record kept);
    - ``new_version``: a corrected version (``correction``, from a correction dialog,
      checked exactly like any correction) replaces the version shown, and the others are
      set aside; the correction's reason is the resolution's.
    The resolution is a record, audited, and merges like any other."""

    key: str
    action: str
    reason: str
    keep: str | None = None
    correction: Correction | None = None

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        conflict = next((c for c in conflicts(store.db) if c.key == self.key), None)
        if conflict is None:
            raise InvalidEntry(
                [
                    Problem(
                        "conflict",
                        QT_TRANSLATE_NOOP("Session", "this conflict is no longer open"),
                    )
                ]
            )
        patients = patients_of(conflict)
        patient_id = next(iter(patients)) if len(patients) == 1 else None
        table = RecordKind(conflict.table) if conflict.table in set(RecordKind) else None
        if self.action != "new_version":
            resolved = resolve_conflict(
                store,
                self.key,
                action=self.action,
                keep=self.keep,
                reason=self.reason,
                actor=actor,
                now=now,
            )
            return Saved(table or RecordKind.PATIENTS, resolved.id, patient_id)
        correction = self.correction
        if correction is None:
            raise InvalidEntry(
                [
                    Problem(
                        "changes",
                        QT_TRANSLATE_NOOP("Session", "give the corrected values"),
                    )
                ]
            )
        from wardchart.session.changes import CorrectPatient  # as above

        record_id = (
            correction.patient.id
            if isinstance(correction, CorrectPatient)
            else correction.record_id
        )
        if not any(s.record_id == record_id for s in conflict.sides):
            raise InvalidEntry(
                [
                    Problem(
                        "record",
                        QT_TRANSLATE_NOOP("Session", "choose one of the conflict's records"),
                    )
                ]
            )
        # One transaction: the correction (checked like any other), then the conflict it
        # leaves — the new version beside the versions made apart — settled by keeping it.
        corrected = _corrected_table(correction)
        with store.write() as db:
            before = {str(v["id"]) for v in records.history(db, corrected, record_id)}
            saved = correction.apply(store, actor, now)
            (written,) = {str(v["id"]) for v in records.history(db, corrected, record_id)} - before
            left = next((c for c in conflicts(db) if c.involves(written)), None)
            if left is not None:
                resolve_conflict(
                    store,
                    left.key,
                    action="keep",
                    keep=written,
                    reason=correction.reason,
                    actor=actor,
                    now=now,
                )
        return saved
