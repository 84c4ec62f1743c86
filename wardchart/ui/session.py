"""The open chart as the window sees it: the charting session, announcing its changes.

The core (``wardchart.session.ChartingSession``) reads, saves and decides who may do
what; this thin Qt wrapper emits ``chart_did_change(patient_id)`` after every save so
views refresh. The window and its dialogs never touch SQL or clinical rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from wardchart.domain.census import CensusRow
from wardchart.domain.chart import PatientChart
from wardchart.domain.records import Patient, RecordKind, Regimen
from wardchart.domain.settings import WardSettings
from wardchart.domain.users import User
from wardchart.session import ChartingSession
from wardchart.session.merging import ResolveConflict
from wardchart.storage.conflicts import Conflict
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import Saved

if TYPE_CHECKING:
    from wardchart.session.changes import Change
    from wardchart.storage.merge import MergeResult


class ChartSession(QObject):
    """One open chart file, the person charting, and the ward's settings (see
    ``ChartingSession``), with a signal after every change."""

    chart_did_change = Signal(str)  # patient id ("" for ward-wide changes)
    did_close = Signal()  # the chart file was closed: stop reading it

    def __init__(
        self, store: ChartStore, actor: str, clock: Callable[[], datetime] | None = None
    ) -> None:
        self._init(ChartingSession(store, actor, clock))

    @classmethod
    def around(cls, core: ChartingSession) -> ChartSession:
        """The window's view of a session already opened (and signed in)."""
        session = cls.__new__(cls)
        session._init(core)  # noqa: SLF001  the class's own constructor, shared with __init__
        return session

    def _init(self, core: ChartingSession) -> None:
        QObject.__init__(self)
        self.core = core
        core.on_change = self.chart_did_change.emit
        core.watch()

    # --- who, where, when ----------------------------------------------------------------

    @property
    def store(self) -> ChartStore:
        """The open chart file (for storage calls made on the session's behalf)."""
        return self.core.store

    @property
    def actor(self) -> str:
        """Who is charting."""
        return self.core.actor

    @property
    def settings(self) -> WardSettings:
        """The ward's settings."""
        return self.core.settings

    def locked_settings(self) -> dict[str, str]:
        """The ward settings this computer's machine file fixes (key → the file)."""
        return self.core.locked_settings()

    @property
    def saves_since_backup(self) -> int:
        """Changes saved since the last backup."""
        return self.core.saves_since_backup

    @saves_since_backup.setter
    def saves_since_backup(self, count: int) -> None:
        self.core.saves_since_backup = count

    @property
    def file_name(self) -> str:
        """The chart file's path, for the title bar."""
        return self.core.file_name

    def now(self) -> datetime:
        """The current local time (aware)."""
        return self.core.now()

    def has_accounts(self) -> bool:
        """Whether the file has accounts (then nobody charts without signing in)."""
        return self.core.has_accounts()

    def signed_in(self, account: User) -> None:
        """From now on ``account`` (just signed in) is charting."""
        self.core.signed_in(account)

    def charting_as(self, username: str) -> None:
        """From now on the account ``username`` (signed in) is charting."""
        self.core.charting_as(username)

    def may_administer(self) -> bool:
        """Whether the person charting is a ward administrator (see ``ChartingSession``)."""
        return self.core.may_administer()

    def accounts(self) -> list[User]:
        """Every account, by user name."""
        return self.core.accounts()

    def add_account(
        self, *, username: str, full_name: str, initials: str, role: str, password: str
    ) -> User:
        """Create an account (administrators only; see ``ChartingSession.add_account``)."""
        return self.core.add_account(
            username=username, full_name=full_name, initials=initials, role=role, password=password
        )

    def change_account(
        self,
        username: str,
        *,
        reason: str,
        password: str | None = None,
        disabled: bool | None = None,
        role: str | None = None,
    ) -> User:
        """Change an account (see ``ChartingSession.change_account``)."""
        return self.core.change_account(
            username, reason=reason, password=password, disabled=disabled, role=role
        )

    def check_setting(self, key: str, value: str, *, confirm: bool = False) -> None:
        """Raise as saving the setting would, writing nothing."""
        self.core.check_setting(key, value, confirm=confirm)

    # --- reading ------------------------------------------------------------------------

    def patients(self) -> list[Patient]:
        """Every current patient."""
        return self.core.patients()

    def patient(self, patient_id: str) -> Patient | None:
        """A current patient by stable id."""
        return self.core.patient(patient_id)

    def chart(self, patient: Patient) -> PatientChart:
        """A patient's computed chart, now."""
        return self.core.chart(patient)

    def census(self, patients: Sequence[Patient] | None = None) -> list[CensusRow]:
        """The census, one row per patient (of ``patients``; default every patient)."""
        return self.core.census(patients)

    def census_row(self, patient_id: str) -> CensusRow | None:
        """One patient's census row."""
        return self.core.census_row(patient_id)

    def chart_and_row(self, patient_id: str) -> tuple[PatientChart, CensusRow] | None:
        """A patient's chart and census row, computed once (None: no longer on the chart)."""
        return self.core.chart_and_row(patient_id)

    def regimens(self) -> list[Regimen]:
        """The ward's regimen library."""
        return self.core.regimens()

    def history(self, table: RecordKind, record_id: str) -> list[dict[str, Any]]:
        """Every version of a record."""
        return self.core.history(table, record_id)

    def reload_settings(self) -> None:
        """Read the ward settings again (another window may have changed them)."""
        self.core.reload_settings()

    # --- saving (each announced by chart_did_change) ---------------------------------------

    def save(self, change: Change | ResolveConflict) -> Saved:
        """Save one change as the person charting, now (``InvalidEntry``: nothing saved)."""
        return self.core.save(change)

    def saved_something(self, patient_id: str) -> None:
        """Something was saved outside ``save`` (the lab inbox): count it and announce it."""
        self.core.saved_something(patient_id)

    def log_event(
        self, *, action: str, entity: str, detail: dict[str, Any], patient_id: str | None = None
    ) -> None:
        """Audit an event that changes no record (a print, an export)."""
        self.core.log_event(action=action, entity=entity, detail=detail, patient_id=patient_id)

    def held_lab_messages(self) -> list[dict[str, Any]]:
        """Laboratory messages held for a person (docs/hl7-inbox.md)."""
        return self.core.held_lab_messages()

    def attach_lab_message(self, message_id: str, patient: Patient, reason: str) -> Any:
        """Chart a held message to ``patient`` (raises InvalidEntry, nothing saved)."""
        return self.core.attach_lab_message(message_id, patient, reason)

    def dismiss_lab_message(self, message_id: str, reason: str) -> Any:
        """Take a held message off the list without charting it."""
        return self.core.dismiss_lab_message(message_id, reason)

    # --- merging another chart file, and its conflicts (docs/merging.md) --------------------

    def conflicts(self) -> list[Conflict]:
        """Every open conflict."""
        return self.core.conflicts()

    def patient_conflicts(self, patient_id: str | None) -> list[Conflict]:
        """A patient's open conflicts (None: the ward's own)."""
        return self.core.patient_conflicts(patient_id)

    def needs_passphrase(self, path: Path) -> bool:
        """Whether another chart file is encrypted."""
        return self.core.needs_passphrase(path)

    def merge_preview(self, path: Path, passphrase: str | None = None) -> MergeResult:
        """What merging ``path`` would bring in (nothing saved; ``MergeRefused``)."""
        return self.core.merge_preview(path, passphrase)

    def merge(self, path: Path, passphrase: str | None = None) -> MergeResult:
        """Merge ``path`` into this chart (announced ward-wide; ``MergeRefused``)."""
        return self.core.merge(path, passphrase)

    # --- the file -----------------------------------------------------------------------

    def backup(self, reason: str) -> str:
        """Write a verified backup and prune old ones; return a line for the status bar."""
        return self.core.backup(reason)

    def backups(self) -> list[tuple[Any, str]]:
        """The chart's backups, newest first, each with its check ("ok" if whole)."""
        return self.core.backups()

    def restore(self, backup: Path) -> str:
        """Restore a backup into the chart file (administrators only)."""
        return self.core.restore(backup)

    def close(self) -> None:
        """Close the chart file."""
        self.core.close()
        self.did_close.emit()

    @property
    def closed(self) -> bool:
        """Whether the chart file was closed (nothing may be read from it)."""
        return self.core.closed

    def patients_changed(self) -> set[str] | None:
        """The patients whose records changed since the last call (None: all may have)."""
        return self.core.patients_changed()

    def replaced(self) -> bool:
        """Whether another program replaced the chart file since it was opened."""
        return self.core.replaced()

    def changed_elsewhere(self) -> bool:
        """Whether another window or command has written to the file since we last looked."""
        return self.core.changed_elsewhere()
