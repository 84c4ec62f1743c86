"""One open chart file, the person charting, the clock and the ward's settings.

The command line and the window both chart through a ``ChartingSession``: it reads the
chart, saves typed changes (``wardchart.session.changes``) as the person signed in, and
decides who may do what. It has no Qt: the window wraps it to announce changes with
signals (``wardchart.ui.session``). See docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wardchart.domain.census import CensusRow, census_row, with_conflict_flag
from wardchart.domain.chart import PatientChart
from wardchart.domain.identifiers import normal_username
from wardchart.domain.merge_rules import ConflictMark
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient, RecordKind, Regimen
from wardchart.domain.settings import WardSettings
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.users import User
from wardchart.session.merging import ResolveConflict, marks_by_patient, patients_of
from wardchart.storage import operations, queries, users
from wardchart.storage.conflicts import Conflict, conflicts
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import db_errors
from wardchart.storage.operations import Saved

if TYPE_CHECKING:
    from wardchart.session.changes import Change
    from wardchart.storage.merge import MergeResult

#: How a file with accounts learns who is charting: given the open chart, sign in there
#: (every try is audited) and return the account; None when the person gave up.
SignInPrompt = Callable[[ChartStore], User | None]

#: The role that may manage accounts, ward settings and the regimen library, restore
#: backups and encrypt or decrypt the file (docs/accounts.md).
ADMINISTRATOR = "admin"
#: What each action only a ward administrator may do is called in "only a ward
#: administrator can …" (each a phrase of its own, translated as a whole).
MANAGE_ACCOUNTS = QT_TRANSLATE_NOOP("Session", "manage accounts")
RESTORE_BACKUP = QT_TRANSLATE_NOOP("Session", "restore a backup")
ENCRYPT_OR_DECRYPT = QT_TRANSLATE_NOOP("Session", "encrypt or decrypt")


class NotPermitted(InvalidEntry):
    """The person charting may not do this (named on the ``user`` field)."""

    def __init__(self, doing: str) -> None:
        """``doing``: a phrase marked with ``QT_TRANSLATE_NOOP`` ("restore a backup")."""
        super().__init__(
            [
                Problem(
                    "user",
                    QT_TRANSLATE_NOOP("Session", "only a ward administrator can {doing}").format(
                        doing=doing
                    ),
                )
            ]
        )


def local_now() -> datetime:
    """The current local time (aware)."""
    return datetime.now().astimezone()


class ChartingSession:
    """An open chart file and who charts in it.

    ``actor`` is the name recorded with every change: the signed-in account's user name,
    or, in a file without accounts, the operating-system user.
    """

    def __init__(
        self,
        store: ChartStore,
        actor: str,
        clock: Callable[[], datetime] | None = None,
        *,
        account: User | None = None,
    ) -> None:
        self.store = store
        self._actor = actor if account is None else account.username
        self.account = account
        self._clock = clock or local_now
        self._settings: WardSettings | None = None
        self.saves_since_backup = 0
        #: Told the patient id ("" for ward-wide changes) after every change saved here.
        self.on_change: Callable[[str], None] = lambda _patient_id: None
        self._data_version = 0
        self._audit_seen: queries.AuditPosition | None = None
        #: The open conflicts, read once and again after anything is saved or merged.
        self._conflicts: list[Conflict] | None = None
        self._marks: dict[str, tuple[ConflictMark, ...]] = {}

    def watch(self) -> None:
        """Read the ward settings, and note where the file is now, so that later changes
        made by others are noticed (``changed_elsewhere``, ``patients_changed``)."""
        self.reload_settings()
        self._data_version = self._read_data_version()
        self._audit_seen = queries.audit_position(self.store.db)

    @property
    def settings(self) -> WardSettings:
        """The ward's settings (read when first needed; ``reload_settings`` reads again)."""
        if self._settings is None:
            self._settings = queries.ward_settings(self.store.db)
        return self._settings

    def locked_settings(self) -> dict[str, str]:
        """The ward settings this computer's machine file fixes, each with why (the file's
        path): shown as fixed, never offered for editing (docs/deployment.md)."""
        from wardchart.storage.machine_config import load_machine_config

        machine = load_machine_config()
        return {key: str(machine.path) for key in machine.locked if key in machine.ward}

    # --- who is charting ------------------------------------------------------------------

    @property
    def actor(self) -> str:
        """Who is charting: recorded with every change."""
        return self._actor

    @property
    def role(self) -> str | None:
        """The signed-in account's role ("nurse", "admin"); None without an account."""
        account = self._current_account()
        return None if account is None else account.role

    def has_accounts(self) -> bool:
        """Whether the file has accounts (then nobody charts without signing in)."""
        return users.has_accounts(self.store.db)

    def sign_in_with(self, prompt: SignInPrompt) -> bool:
        """Learn who is charting. A file with accounts: ``prompt`` signs someone in (False:
        nobody did, and nothing may be shown); without accounts the operating-system user
        charts."""
        if not self.has_accounts():
            return True
        account = prompt(self.store)
        if account is None:
            return False
        self.signed_in(account)
        return True

    def signed_in(self, account: User) -> None:
        """From now on ``account`` (just signed in) is charting."""
        self.account, self._actor = account, account.username

    def charting_as(self, username: str) -> None:
        """From now on the account ``username`` (signed in elsewhere) is charting."""
        self._actor = username
        self.account = None
        self.account = self._current_account()

    def _current_account(self) -> User | None:
        if self.account is not None and self.account.username == self._actor:
            return self.account
        try:
            return users.find_user(self.store.db, self._actor)
        except db_errors():
            return None

    def may_administer(self) -> bool:
        """The one rule for "ward administrators only". It fails closed: a file without
        the accounts table, an account that cannot be read, is unknown, disabled or of
        any role but administrator is refused. A file with no accounts at all has nobody
        to sign in, so whoever opens it may (as everywhere else in wardchart)."""
        try:
            if not users.account_table_exists(self.store.db):
                return False
            if not users.has_accounts(self.store.db):
                return True
            account = users.find_user(self.store.db, self._actor)
        except db_errors():
            return False
        return account is not None and not account.disabled and account.role == ADMINISTRATOR

    def require_administrator(self, doing: str) -> None:
        """Raise ``NotPermitted`` ("only a ward administrator can ``doing``") unless the
        person charting may administer the ward (``may_administer``)."""
        if not self.may_administer():
            raise NotPermitted(doing)

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

    def require_patient(self, mrn: str) -> Patient:
        """A current patient by MRN (``InvalidEntry`` on ``mrn`` if there is none)."""
        return queries.require_patient(self.store.db, mrn)

    def chart(self, patient: Patient, settings: WardSettings | None = None) -> PatientChart:
        """A patient's computed chart, now (under the ward's settings, or ``settings``),
        with its records in conflict marked."""
        chart = queries.load_chart(self.store.db, patient, settings or self.settings, self.now())
        marks = self.conflict_marks(patient.id)
        return replace(chart, conflicts=marks) if marks else chart

    def census(self, patients: Sequence[Patient] | None = None) -> list[CensusRow]:
        """The census, one row per patient (of ``patients``; default every patient)."""
        rows = queries.census_rows(self.store.db, self.settings, self.now(), patients=patients)
        self.conflicts()
        return [with_conflict_flag(r) if r.patient_id in self._marks else r for r in rows]

    # --- conflicts between merged charts (docs/merging.md) ------------------------------

    def conflicts(self) -> list[Conflict]:
        """Every open conflict, in a stable order (read again after a change)."""
        if self._conflicts is None:
            self._conflicts = conflicts(self.store.db)
            self._marks = marks_by_patient(self._conflicts)
        return self._conflicts

    def conflict_marks(self, patient_id: str) -> tuple[ConflictMark, ...]:
        """What a patient's chart marks "conflict — review"."""
        self.conflicts()
        return self._marks.get(patient_id, ())

    def patient_conflicts(self, patient_id: str | None) -> list[Conflict]:
        """A patient's open conflicts (None: the ward's own — accounts, settings,
        regimens — that belong to no patient)."""
        return [
            c
            for c in self.conflicts()
            if (patient_id in patients_of(c) if patient_id else not patients_of(c))
        ]

    def forget_conflicts(self) -> None:
        """Read the conflicts again when next asked (the file changed)."""
        self._conflicts = None

    def needs_passphrase(self, path: Path) -> bool:
        """Whether another chart file is encrypted (its passphrase is needed to merge it)."""
        from wardchart.storage.cipher import is_encrypted

        try:
            return path.is_file() and is_encrypted(path)
        except OSError:
            return False

    def merge_preview(self, path: Path, passphrase: str | None = None) -> MergeResult:
        """What merging another chart file would bring in, and the conflicts it would
        make; nothing is saved (``MergeRefused``: it cannot be merged)."""
        from wardchart.storage.merge import merge_from

        return merge_from(
            self.store, path, passphrase=passphrase, dry_run=True, actor=self.actor, now=self.now()
        )

    def merge(self, path: Path, passphrase: str | None = None) -> MergeResult:
        """Merge another chart file into this one (audited: which file, the counts); then
        announce a ward-wide change. ``MergeRefused``: nothing was changed."""
        from wardchart.storage.merge import merge_from

        result = merge_from(
            self.store, path, passphrase=passphrase, actor=self.actor, now=self.now()
        )
        self.reload_settings()
        self.saved_something("")
        return result

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

    def history(self, table: RecordKind | str, record_id: str) -> list[dict[str, Any]]:
        """Every version of a record."""
        return operations.record_history(self.store, table, record_id)

    def reload_settings(self) -> None:
        """Read the ward settings again (another window may have changed them)."""
        self._settings = queries.ward_settings(self.store.db)

    # --- saving -------------------------------------------------------------------------

    def save(self, change: Change | ResolveConflict) -> Saved:
        """Save one change as the person charting, now; then announce it.

        Raises ``InvalidEntry`` (nothing saved) naming the field at fault, or
        ``NotPermitted`` if only a ward administrator may make this change
        (``changes.administrators_only``) and the person charting is not one.
        """
        from wardchart.session.changes import SetWardSetting  # see permit

        self.permit(change)
        saved = change.apply(self.store, self.actor, self.now())
        if isinstance(change, SetWardSetting):
            self._settings = None  # read again, with the new value, when next needed
        self.saved_something(saved.patient_id or "")
        return saved

    def permit(self, change: Change | ResolveConflict) -> None:
        """Raise ``NotPermitted`` unless the person charting may make ``change``."""
        # The typed changes (~15 ms of imports) load at the first save, not before the
        # first chart: only a change made by a dialog needs them.
        from wardchart.session.changes import administrators_only

        doing = administrators_only(change)
        if doing is not None:
            self.require_administrator(doing)

    def check_setting(self, key: str, value: str, *, confirm: bool = False) -> None:
        """Raise as saving the setting would (``NotPermitted``, or ``InvalidEntry`` naming
        ``key``), writing nothing: a dialog changing several settings checks them all
        before it saves any."""
        from wardchart.session.changes import SetWardSetting  # see permit

        self.permit(SetWardSetting(key, value, confirm))
        operations.check_ward_setting(
            self.store, queries.ward_settings(self.store.db), key, value, confirm=confirm
        )

    # --- accounts (ward administrators; anyone their own password) ------------------------

    def accounts(self) -> list[User]:
        """Every account, by user name."""
        return users.list_users(self.store.db)

    def add_account(
        self, *, username: str, full_name: str, initials: str, role: str, password: str
    ) -> User:
        """Create an account (administrators only; audited). The file's first account
        must be an administrator."""
        self.require_administrator(MANAGE_ACCOUNTS)
        user = users.add_user(
            self.store,
            username=username,
            full_name=full_name,
            initials=initials,
            role=role,
            password=password,
            actor=self.actor,
            now=self.now(),
        )
        self.saved_something("")
        return user

    def change_account(
        self,
        username: str,
        *,
        reason: str,
        password: str | None = None,
        disabled: bool | None = None,
        role: str | None = None,
    ) -> User:
        """Set a new password, disable or enable, or change the role of an account
        (administrators; anyone may set their own password). The last enabled
        administrator can be neither disabled nor made a nurse."""
        own_password = (
            password is not None
            and disabled is None
            and role is None
            and normal_username(username) == self.actor
        )
        if not own_password:
            self.require_administrator(MANAGE_ACCOUNTS)
        user = users.change_user(
            self.store,
            username,
            reason=reason,
            actor=self.actor,
            now=self.now(),
            password=password,
            disabled=disabled,
            role=role,
        )
        if user.username == self._actor:
            self.account = user  # one's own role or state changed: what may_administer reads
        self.saved_something("")
        return user

    def saved_something(self, patient_id: str) -> None:
        """Something was saved to the file for ``patient_id`` ("" ward-wide): count it
        towards the next backup and announce it."""
        self.saves_since_backup += 1
        self._conflicts = None
        self.on_change(patient_id)

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
        self.saved_something(patient.id)
        return outcome

    def dismiss_lab_message(self, message_id: str, reason: str) -> Any:
        """Take a held message off the list without charting it."""
        from wardchart.storage.hl7_import import dismiss_held_message

        outcome = dismiss_held_message(self.store, message_id, reason, self.actor, self.now())
        self.saved_something("")
        return outcome

    # --- the file -----------------------------------------------------------------------

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
        """Restore a backup into the chart file (the current contents are backed up first);
        administrators only (``may_administer``)."""
        from wardchart.storage import backup as backups
        from wardchart.storage.database import open_chart

        self.require_administrator(RESTORE_BACKUP)
        path, key = self.store.path, self.store.passphrase
        self.store.close()
        try:
            saved = backups.restore(path, backup, actor=self.actor, now=self.now(), passphrase=key)
        finally:
            self.store = open_chart(path, create=False, passphrase=key)
            self._conflicts = None
            self.watch()
            self.on_change("")
        return f"Restored {backup.name}; the previous contents were saved as {saved.path.name}"

    def close(self) -> None:
        """Close the chart file (nothing more is read or saved through this session)."""
        self.store.close()

    @property
    def closed(self) -> bool:
        """Whether the chart file was closed (by ``close`` or by whoever holds the store)."""
        return self.store.closed

    def _read_data_version(self) -> int:
        return int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])

    def patients_changed(self) -> set[str] | None:
        """The patients whose records changed since the last call (read from the audit
        log, which every change writes to); None when the whole census must be read again
        (ward settings changed, or the file was replaced by a restore)."""
        if self._audit_seen is None:
            self.watch()
            return None
        changed, self._audit_seen = queries.changes_since(self.store.db, self._audit_seen)
        return changed

    def replaced(self) -> bool:
        """Whether another program replaced the chart file since it was opened (encrypted
        or decrypted it, copied a file over it): this session reads a file nobody uses."""
        return not self.closed and not self.store.still_the_file()

    def changed_elsewhere(self) -> bool:
        """Whether another window or command has written to the file since we last looked
        (SQLite's data_version changes only for other connections' commits). A closed file
        is not read: nothing can have changed for this session."""
        if self.closed:
            return False
        version = self._read_data_version()
        changed, self._data_version = version != self._data_version, version
        if changed:
            self._conflicts = None
        return changed

    @property
    def file_name(self) -> str:
        """The chart file's path, for the title bar."""
        return str(self.store.path.resolve())
