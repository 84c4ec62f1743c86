"""The open chart as the window sees it: reads and saves through storage, announces changes.

The window and its dialogs never touch SQL or clinical rules; they ask the session, and
the session emits ``chart_did_change(patient_id)`` after every save so views refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from wardchart.domain.census import CensusRow, census_row
from wardchart.domain.chart import PatientChart
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient, RecordKind, Regimen
from wardchart.domain.settings import WardSettings
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import Saved

T = TypeVar("T")


class ChartSession(QObject):
    """One open chart file, the person charting, and the ward's settings."""

    chart_did_change = Signal(str)  # patient id ("" for ward-wide changes)

    def __init__(
        self, store: ChartStore, actor: str, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.settings: WardSettings = queries.ward_settings(store.db)
        self.saves_since_backup = 0
        self._data_version = self._read_data_version()
        self._audit_seen = queries.audit_position(store.db)

    # --- reading ------------------------------------------------------------------------

    def now(self) -> datetime:
        """The current local time (aware)."""
        return self._clock()

    def patients(self) -> list[Patient]:
        """Every current patient."""
        return queries.all_patients(self.store.db)

    def patient(self, patient_id: str) -> Patient | None:
        """A current patient by stable id."""
        try:
            return queries.patient_by_id(self.store.db, patient_id)
        except InvalidEntry:
            return None

    def chart(self, patient: Patient) -> PatientChart:
        """A patient's computed chart, now."""
        return queries.load_chart(self.store.db, patient, self.settings, self.now())

    def census(self, patients: Sequence[Patient] | None = None) -> list[CensusRow]:
        """The census, one row per patient (of ``patients``; default every patient)."""
        return queries.census_rows(self.store.db, self.settings, self.now(), patients=patients)

    def census_row(self, patient_id: str) -> CensusRow | None:
        """One patient's census row (after a save only that row is recomputed)."""
        found = self.chart_and_row(patient_id)
        return None if found is None else found[1]

    def chart_and_row(self, patient_id: str) -> tuple[PatientChart, CensusRow] | None:
        """A patient's chart and census row, computed once (None: no longer on the chart)."""
        patient = self.patient(patient_id)
        if patient is None:
            return None
        chart = self.chart(patient)
        return chart, census_row(chart)

    def regimens(self) -> list[Regimen]:
        """The ward's regimen library."""
        return queries.regimens(self.store.db)

    def history(self, table: RecordKind, record_id: str) -> list[dict[str, Any]]:
        """Every version of a record."""
        return operations.record_history(self.store, table, record_id)

    # --- saving -------------------------------------------------------------------------

    def save(self, operation: Callable[..., Saved], **kwargs: Any) -> Saved:
        """Run one storage operation as the signed-in person, now; then announce it.

        Raises ``InvalidEntry`` (nothing saved) for the dialog to show beside its fields.
        """
        saved = operation(self.store, actor=self.actor, now=self.now(), **kwargs)
        self.saves_since_backup += 1
        self.chart_did_change.emit(saved.patient_id or "")
        return saved

    def log_event(
        self, *, action: str, entity: str, detail: dict[str, Any], patient_id: str | None = None
    ) -> None:
        """Audit an event that changes no record (a print, an export)."""
        operations.log_event(
            self.store,
            action=action,
            entity=entity,
            detail=detail,
            actor=self.actor,
            now=self.now(),
            patient_id=patient_id,
        )

    # --- laboratory messages (docs/hl7-inbox.md) ---------------------------------------

    def held_lab_messages(self) -> list[dict[str, Any]]:
        """Laboratory messages held for a person, oldest first, each with the patients the
        message names (``named``: identifiers, date of birth, name as sent)."""
        from wardchart.storage.hl7_import import held_messages, message_patients

        rows = held_messages(self.store.db)
        for row in rows:
            (text,) = self.store.conn.execute(
                "SELECT message FROM lab_messages WHERE id = ?", [row["id"]]
            ).fetchone()
            row["named"] = message_patients(str(text))
        return rows

    def attach_lab_message(self, message_id: str, patient: Patient, reason: str) -> Any:
        """Chart a held message to ``patient`` (raises InvalidEntry, nothing saved)."""
        from wardchart.storage.hl7_import import attach_held_message

        outcome = attach_held_message(
            self.store, message_id, patient, reason, self.actor, self.now()
        )
        self.saves_since_backup += 1
        self.chart_did_change.emit(patient.id)
        return outcome

    def dismiss_lab_message(self, message_id: str, reason: str) -> Any:
        """Take a held message off the list without charting it."""
        from wardchart.storage.hl7_import import dismiss_held_message

        outcome = dismiss_held_message(self.store, message_id, reason, self.actor, self.now())
        self.saves_since_backup += 1
        self.chart_did_change.emit("")
        return outcome

    # --- safety -------------------------------------------------------------------------

    def backup(self, reason: str) -> str:
        """Write a verified backup and prune old ones; return a line for the status bar."""
        from wardchart.storage.backup import make_backup, prune
        from wardchart.storage.errors import ChartFileError

        if self.store.read_only:
            return "Read-only chart file: nothing can be saved, so there is nothing to back up"
        try:
            info = make_backup(self.store, reason=reason, actor=self.actor, now=self.now())
            prune(
                self.store.path,
                keep_recent=self.settings.backup_keep_recent,
                keep_days=self.settings.backup_keep_days,
                now=self.now(),
            )
        except ChartFileError as error:
            return f"Backup FAILED: {error}"
        self.saves_since_backup = 0
        return f"Backup verified at {info.taken_at.astimezone():%H:%M}: {info.path.name}"

    def backups(self) -> list[tuple[Any, str]]:
        """The chart's backups, newest first, each with its check ("ok" if whole)."""
        from wardchart.storage.backup import list_backups, verify_backup

        key = self.store.passphrase
        return [(b, verify_backup(b.path, key)) for b in list_backups(self.store.path)]

    def restore(self, backup: Path) -> str:
        """Restore a backup into the chart file (the current contents are backed up first)."""
        from wardchart.storage import backup as backups
        from wardchart.storage import users
        from wardchart.storage.database import open_chart

        if users.has_accounts(self.store.db):
            account = users.find_user(self.store.db, self.actor)
            if account is None or not account.is_admin:
                raise InvalidEntry(
                    [Problem("user", "only a ward administrator can restore a backup")]
                )
        path, key = self.store.path, self.store.passphrase
        self.store.close()
        try:
            saved = backups.restore(path, backup, actor=self.actor, now=self.now(), passphrase=key)
        finally:
            self.store = open_chart(path, create=False, passphrase=key)
            self.reload_settings()
            self._data_version = self._read_data_version()
            self._audit_seen = queries.audit_position(self.store.db)
            self.chart_did_change.emit("")
        return f"Restored {backup.name}; the previous contents were saved as {saved.path.name}"

    def reload_settings(self) -> None:
        """Read the ward settings again (another window may have changed them)."""
        self.settings = queries.ward_settings(self.store.db)

    def _read_data_version(self) -> int:
        return int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])

    def patients_changed(self) -> set[str] | None:
        """The patients whose records changed since the last call (read from the audit
        log, which every change writes to); None when the whole census must be read again
        (ward settings changed, or the file was replaced by a restore)."""
        changed, self._audit_seen = queries.changes_since(self.store.db, self._audit_seen)
        return changed

    def replaced(self) -> bool:
        """Whether another program replaced the chart file since it was opened (encrypted
        or decrypted it, copied a file over it): this session reads a file nobody uses."""
        return not self.store.still_the_file()

    def changed_elsewhere(self) -> bool:
        """Whether another window or command has written to the file since we last looked
        (SQLite's data_version changes only for other connections' commits)."""
        version = self._read_data_version()
        changed, self._data_version = version != self._data_version, version
        return changed

    @property
    def file_name(self) -> str:
        """The chart file's path, for the title bar."""
        return str(self.store.path.resolve())
