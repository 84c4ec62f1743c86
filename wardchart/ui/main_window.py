"""The main window: lays out the census and the patient view, and forwards actions.

It holds no SQL and no clinical rule: it asks the session and opens dialogs. It shows
as a frame (menus, toolbar, "Opening…") before anything heavy is imported; the census
and patient view are built when a chart file is opened (``build_views``), and the chart
arrives after that, with pyqtgraph (``load_chart``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from wardchart.paths import default_chart_path
from wardchart.ui import settings

if TYPE_CHECKING:  # imported when the views are built, after the window shows
    from PySide6.QtGui import QCloseEvent

    from wardchart.domain.records import Patient
    from wardchart.ui.census import CensusPanel
    from wardchart.ui.hub_sync import HubSync
    from wardchart.ui.patient_view import PatientView
    from wardchart.ui.records_panel import RecordRef
    from wardchart.ui.session import ChartSession

#: While locked only these work: signing in (again) and quitting.
STAY_ENABLED_WHEN_LOCKED = frozenset({"switch_user", "quit"})
#: The census shows how old results are and today's cycle day: recompute periodically.
REFRESH_MS = 5 * 60 * 1000
#: Another window or command writing the same file is noticed within this time.
WATCH_MS = 1500
#: The ward's HL7 inbox folder is looked at this often (and when the folder changes).
INBOX_MS = 10_000
#: After a period of activity the chart is backed up again (if anything was saved).
BACKUP_MS = 15 * 60 * 1000
#: The hint shown when History, Correct or Entered in error has no record to act on.
SELECT_A_RECORD = (
    "Select a record in the tables under the chart first (Results, Temperatures, "
    "G-CSF doses or Cycles)."
)


class MainWindow(QMainWindow):
    """Census on the left, the selected patient on the right."""

    #: The chart file was replaced by another program: the application opens it again.
    reopen_requested = Signal()

    census: CensusPanel
    patient_view: PatientView
    splitter: QSplitter

    def __init__(self) -> None:
        super().__init__()
        self.session: ChartSession | None = None
        self.views_built = False
        self.setWindowTitle("wardchart")
        # Centred by markup: PySide6 builds its Qt namespace of enums (~40 ms) on first
        # use, and nothing before the first paint needs it.
        self.opening = QLabel("<center>Opening the chart file…</center>")
        self.setCentralWidget(self.opening)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self._restore_geometry()
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.watch_timer = QTimer(self, interval=WATCH_MS)
        self.watch_timer.timeout.connect(self._on_watch)
        self.backup_timer = QTimer(self, interval=BACKUP_MS)
        self.backup_timer.timeout.connect(lambda: self.backup("activity", only_if_changed=True))
        self.inbox_timer = QTimer(self, interval=INBOX_MS)
        self.inbox_timer.timeout.connect(self.poll_inbox)
        # Once the folder changes (after a file has had time to finish), and at once for
        # the next file of several: timers the window owns, stopped when it closes.
        self.inbox_soon = QTimer(self, singleShot=True, interval=2300)
        self.inbox_soon.timeout.connect(self.poll_inbox)
        self.inbox_next = QTimer(self, singleShot=True, interval=0)
        self.inbox_next.timeout.connect(self.poll_inbox)
        self.inbox: Any = None  # storage.hl7_inbox.Inbox, made when a folder is set
        self.inbox_watcher: Any = None
        self.closed = False  # a folder change noticed after closing must not read the file
        self.hub_sync: HubSync | None = None  # syncing with the ward hub, when there is one
        #: Dialogs hidden behind the lock, parents first, and the nurse they belong to.
        self.held_dialogs: list[QDialog] = []
        self.held_for = ""
        #: The last "discarded at the lock" notice, if one was shown.
        self.discarded_box: QMessageBox | None = None
        self.inbox_counts = [0, 0]  # results charted, messages held, since the last report
        self.held_count = QLabel()
        self.held_count.setAccessibleName("Lab messages held")
        self.statusBar().addPermanentWidget(self.held_count)
        self._update_actions()

    # --- building -----------------------------------------------------------------------

    def build_views(self) -> None:
        """Put the census and the patient view in place (once)."""
        if self.views_built:
            return
        from PySide6.QtCore import Qt  # not at the top: see the "Opening…" label

        from wardchart.ui.census import CensusPanel
        from wardchart.ui.census_loader import CensusLoader
        from wardchart.ui.patient_view import PatientView

        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.census = CensusPanel()
        self.census_loader = CensusLoader(self.census, self)
        self.census_loader.progress.connect(self._on_census_progress)
        self.patient_view = PatientView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.census)
        self.splitter.addWidget(self.patient_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([680, 680])  # the census fits 1366 px: see CensusPanel
        self.setCentralWidget(self.splitter)  # the "Opening…" label goes
        self.census.patient_selected.connect(self._on_patient_selected)
        for view in self.patient_view.records.views.values():
            view.selectionModel().selectionChanged.connect(lambda *_: self._on_record_selected())
        self.census.patient_opened.connect(self._on_patient_opened)
        self.patient_view.view_changed.connect(self._on_view_changed)
        self.patient_view.history_requested.connect(self.open_history)
        self.patient_view.correct_requested.connect(self.open_correct)
        self.patient_view.withdraw_requested.connect(self.open_withdraw)
        self.lock_page = QWidget()
        self.lock_text = QLabel()
        self.lock_text.setWordWrap(True)
        self.lock_text.setStyleSheet("font-size: 14pt; padding: 40px")
        self.unlock_button = QPushButton("Sign in…")
        self.unlock_button.clicked.connect(self.switch_user)
        lock_layout = QVBoxLayout(self.lock_page)
        lock_layout.addStretch(1)
        lock_layout.addWidget(self.lock_text)
        lock_layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        lock_layout.addStretch(2)
        self.lock_page.hide()
        from wardchart.ui.idle_lock import IdleWatch

        self.idle_watch = IdleWatch(5 * 60, self)
        self.idle_watch.idle.connect(self.lock)
        self.views_built = True
        self._restore_splitters()

    def _action(
        self,
        name: str,
        text: str,
        slot: Any,
        shortcut: Any = None,
        tip: str = "",
        needs_patient: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # A standard key brings every binding the platform has for it. (setShortcuts,
            # not setShortcut: the latter builds PySide6's Qt enums, ~40 ms, before the
            # window can show.)
            keys = (
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
            action.setShortcuts(keys)
        action.setStatusTip(tip or text.rstrip("…"))
        action.setToolTip(tip or text.rstrip("…"))
        action.triggered.connect(lambda _checked=False: self._run_action(slot))
        action.setProperty("needs_patient", needs_patient)
        self.actions_by_name[name] = action
        return action

    def _run_action(self, slot: Any) -> None:
        """Every menu, toolbar and shortcut action starts with a clean status bar: a
        message about an earlier action never lingers into this one."""
        self.statusBar().clearMessage()
        slot()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(
            self._action(
                "preview",
                "Print pre&view — patient summary…",
                lambda: self.print_patient("preview"),
                "Ctrl+Shift+P",
                needs_patient=True,
            )
        )
        file_menu.addAction(
            self._action(
                "print",
                "&Print patient summary…",
                lambda: self.print_patient("print"),
                QKeySequence.StandardKey.Print,
                needs_patient=True,
            )
        )
        file_menu.addAction(
            self._action(
                "export",
                "&Export patient summary PDF…",
                lambda: self.print_patient("export"),
                "Ctrl+E",
                needs_patient=True,
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "ward_preview", "Print preview — &ward sheet…", lambda: self.print_ward("preview")
            )
        )
        file_menu.addAction(
            self._action("ward_print", "Print ward &sheet…", lambda: self.print_ward("print"))
        )
        file_menu.addAction(
            self._action(
                "ward_export", "Export ward sheet P&DF…", lambda: self.print_ward("export")
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("backups", "&Backups…", self.open_backups))
        file_menu.addAction(
            self._action("held_messages", "&Lab messages held…", self.open_held_messages)
        )
        file_menu.addAction(
            self._action("switch_user", "S&witch user…", self.switch_user, "Ctrl+Shift+S")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        )
        patient_menu = bar.addMenu("&Patient")
        patient_menu.addAction(
            self._action("admit", "&Admit patient…", self.open_admit, "Ctrl+Shift+A")
        )
        patient_menu.addAction(
            self._action(
                "cycle", "&Start cycle…", self.open_cycle, "Ctrl+Shift+C", needs_patient=True
            )
        )
        patient_menu.addAction(
            self._action(
                "edit_patient", "&Edit patient details…", self.open_edit_patient, needs_patient=True
            )
        )
        patient_menu.addAction(
            self._action(
                "remove_patient",
                "&Remove patient (entered in error)…",
                self.open_remove_patient,
                needs_patient=True,
            )
        )
        patient_menu.addSeparator()
        patient_menu.addAction(
            self._action(
                "precautions_on",
                "Set neutropenic &precautions…",
                lambda: self.open_precautions(True),
                "Ctrl+Shift+N",
                needs_patient=True,
            )
        )
        patient_menu.addAction(
            self._action(
                "precautions_off",
                "C&lear neutropenic precautions…",
                lambda: self.open_precautions(False),
                "Ctrl+Shift+U",
                needs_patient=True,
            )
        )
        chart_menu = bar.addMenu("&Chart")
        chart_menu.addAction(
            self._action("cbc", "Record &CBC…", self.open_cbc, "Ctrl+L", needs_patient=True)
        )
        chart_menu.addAction(
            self._action(
                "temperature",
                "Record &temperature…",
                self.open_temperature,
                "Ctrl+T",
                needs_patient=True,
            )
        )
        chart_menu.addAction(
            self._action(
                "gcsf", "Record &G-CSF dose…", self.open_gcsf, "Ctrl+G", needs_patient=True
            )
        )
        chart_menu.addSeparator()
        for name, text, shortcut, signal in (
            ("history", "&History of the selected record…", "Ctrl+H", "history"),
            ("correct", "C&orrect the selected record…", "Ctrl+Shift+E", "correct"),
            ("withdraw", "Mark the selected record entered in &error…", "Ctrl+Shift+X", "withdraw"),
        ):
            chart_menu.addAction(
                self._action(
                    name,
                    text,
                    lambda which=signal: self.act_on_selected_record(which),
                    shortcut,
                    needs_patient=True,
                )
            )
        view_menu = bar.addMenu("&View")
        view_menu.addAction(
            self._action(
                "find",
                "&Find patient",
                lambda: self.census.focus_filter(),
                QKeySequence.StandardKey.Find,
            )
        )
        view_menu.addAction(
            self._action("refresh", "&Refresh", self.refresh, QKeySequence.StandardKey.Refresh)
        )
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("about", "&About wardchart", self.open_about))
        toolbar = QToolBar("Charting")
        toolbar.setObjectName("charting_toolbar")
        self.toolbar = toolbar  # text only: set in build_views, after the first paint
        # Short labels on the toolbar; the menus carry the full wording.
        for name, label in (
            ("admit", "Admit"),
            ("cycle", "Start cycle"),
            ("cbc", "CBC"),
            ("temperature", "Temperature"),
            ("gcsf", "G-CSF"),
            ("precautions_on", "Precautions on"),
            ("precautions_off", "Precautions off"),
            ("history", "History"),
            ("correct", "Correct"),
            ("withdraw", "Entered in error"),
        ):
            action = self.actions_by_name[name]
            action.setIconText(label)
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    # --- public API ---------------------------------------------------------------------

    def set_session(self, session: ChartSession) -> None:
        """Show an open chart file."""
        self.build_views()
        if self.locked:  # opened again after the file was replaced
            self._show_chart_views()
        self.session = session
        session.chart_did_change.connect(self._on_chart_changed)
        read_only = " (READ-ONLY: entries cannot be saved)" if session.store.read_only else ""
        self.setWindowTitle(f"wardchart — {session.file_name}{read_only}")
        self._show_status()
        self.refresh()
        if self.census.selected_patient_id() is None and self.census.model.rowCount():
            self.census.table.setCurrentIndex(self.census.model.index(0, 0))
        self.refresh_timer.start()
        self.watch_timer.start()
        self.backup_timer.start()
        self.inbox_timer.start()
        self.poll_inbox()
        self.idle_watch.limit_s = session.settings.lock_after_minutes * 60
        self.idle_watch.start()
        from wardchart.ui import hub_sync  # psycopg only loads once a hub is used

        if self.hub_sync is not None:
            self.hub_sync.stop()
        self.hub_sync = hub_sync.attach(self, session)

    def changes_arrived(self) -> None:
        """A sync brought another computer's entries: show them now."""
        self._on_watch()

    def backup(self, reason: str, *, only_if_changed: bool = False) -> None:
        """Back the chart file up now (on open, on close, after activity)."""
        if self.session is None or (only_if_changed and not self.session.saves_since_backup):
            return
        self.statusBar().showMessage(self.session.backup(reason), 15_000)

    def load_chart(self) -> None:
        """Import pyqtgraph and put the chart in place (after the window is shown)."""
        from wardchart.plot.cycle_chart import ChartView

        self.build_views()
        self.patient_view.attach_chart(ChartView())

    def refresh(self) -> None:
        """Recompute the census (in parts: see census_loader) and the shown patient,
        keeping the selection."""
        if self.session is None:
            return
        self.census_loader.start(self.session)
        self._show_selected(keep_view=True)

    def selected_patient(self) -> Patient | None:
        """The selected patient, if any."""
        if self.session is None or not self.views_built:
            return None
        patient_id = self.census.selected_patient_id()
        if patient_id is None:
            return None
        return self.session.patient(patient_id)

    # --- dialogs ------------------------------------------------------------------------

    def open_admit(self) -> QDialog | None:
        """Patient → Admit patient…"""
        from wardchart.ui.dialogs.entry import AdmitDialog

        if self.session is None:
            return None
        dialog = AdmitDialog(self.session, parent=self)
        admitted: list[str] = []
        self.session.chart_did_change.connect(admitted.append)

        def finished(result: int) -> None:
            # The new patient is selected and shown, even if the filter would hide them.
            if self.session is not None:
                self.session.chart_did_change.disconnect(admitted.append)
            if result == QDialog.DialogCode.Accepted and admitted and admitted[-1]:
                self.census.select(admitted[-1], reveal=True)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _for_patient(self, make: Callable[[ChartSession, Patient], QDialog]) -> QDialog | None:
        patient = self.selected_patient()
        if self.session is None or patient is None:
            return None
        self.statusBar().clearMessage()  # a hint or result of an earlier action is over
        dialog = make(self.session, patient)
        dialog.open()
        return dialog

    def open_cycle(self) -> QDialog | None:
        """Patient → Start cycle…"""
        from wardchart.ui.dialogs.entry import CycleDialog

        return self._for_patient(lambda s, p: CycleDialog(s, p, parent=self))

    def open_cbc(self) -> QDialog | None:
        """Chart → Record CBC…"""
        from wardchart.ui.dialogs.entry import CbcDialog

        return self._for_patient(lambda s, p: CbcDialog(s, p, parent=self))

    def open_correct(self, ref: RecordRef) -> QDialog | None:
        """Correct the selected record: the same checks as a new entry, plus a reason."""
        from wardchart.ui.dialogs import entry

        makers: dict[str, Callable[[ChartSession, Patient], QDialog]] = {
            "results": lambda s, p: entry.CbcDialog(s, p, correcting=ref.item, parent=self),
            "temperatures": lambda s, p: entry.TemperatureDialog(
                s, p, correcting=ref.item, parent=self
            ),
            "gcsf_doses": lambda s, p: entry.GcsfDialog(s, p, correcting=ref.item, parent=self),
            "cycles": lambda s, p: entry.CycleDialog(s, p, correcting=ref.item, parent=self),
        }
        return self._for_patient(makers[ref.table])

    def open_withdraw(self, ref: RecordRef) -> QDialog | None:
        """Mark the selected record entered in error."""
        from wardchart.ui.dialogs.entry import WithdrawDialog

        return self._for_patient(
            lambda s, p: WithdrawDialog(
                s, p, ref.table, ref.record_id, ref.version, ref.description, self
            )
        )

    def open_history(self, ref: RecordRef) -> QDialog | None:
        """Show every version of the selected record."""
        from wardchart.ui.dialogs.history import HistoryDialog

        return self._for_patient(
            lambda s, p: HistoryDialog(
                f"History — {ref.description} — {p.name} (MRN {p.mrn})",
                s.history(ref.table, ref.record_id),
                self,
            )
        )

    def act_on_selected_record(self, which: str) -> QDialog | None:
        """Chart → History / Correct / Entered in error, for the record selected below."""
        ref = self.patient_view.records.selected()
        if ref is None:
            self.statusBar().showMessage(SELECT_A_RECORD, 10_000)
            return None
        opener = {
            "history": self.open_history,
            "correct": self.open_correct,
            "withdraw": self.open_withdraw,
        }[which]
        return opener(ref)

    def open_edit_patient(self) -> QDialog | None:
        """Patient → Edit patient details… (a correction, or a move to another bed)."""
        from wardchart.ui.dialogs.entry import AdmitDialog

        return self._for_patient(lambda s, p: AdmitDialog(s, correcting=p, parent=self))

    def open_remove_patient(self) -> QDialog | None:
        """Patient → Remove patient (entered in error)…"""
        from wardchart.domain.records import RecordKind
        from wardchart.ui.dialogs.entry import WithdrawDialog

        return self._for_patient(
            lambda s, p: WithdrawDialog(
                s,
                p,
                RecordKind.PATIENTS,
                p.id,
                p.version,
                f"{p.name} (MRN {p.mrn}) and the whole chart",
                self,
            )
        )

    def open_temperature(self) -> QDialog | None:
        """Chart → Record temperature…"""
        from wardchart.ui.dialogs.entry import TemperatureDialog

        return self._for_patient(lambda s, p: TemperatureDialog(s, p, parent=self))

    def open_gcsf(self) -> QDialog | None:
        """Chart → Record G-CSF dose…"""
        from wardchart.ui.dialogs.entry import GcsfDialog

        return self._for_patient(lambda s, p: GcsfDialog(s, p, parent=self))

    def open_precautions(self, active: bool) -> QDialog | None:
        """Set or clear neutropenic precautions."""
        from wardchart.ui.dialogs.entry import PrecautionsDialog

        return self._for_patient(lambda s, p: PrecautionsDialog(s, p, active, self))

    def print_patient(self, how: str, path: Path | None = None) -> Any:
        """Preview, print or export the selected patient's summary (the cycle on screen)."""
        patient = self.selected_patient()
        if self.session is None or patient is None:
            return None
        from wardchart.ui import printing

        printout = printing.Printout(self.session, patient, self.patient_view.current_view())
        return self._print(printing, printout, how, path)

    def print_ward(self, how: str, path: Path | None = None) -> Any:
        """Preview, print or export the ward handover sheet."""
        if self.session is None:
            return None
        from wardchart.ui import printing

        return self._print(printing, printing.Printout(self.session, None), how, path)

    def _print(self, printing: Any, printout: Any, how: str, path: Path | None) -> Any:
        if how == "preview":
            return printing.preview(self, printout)
        if how == "print":
            return printing.print_document(self, printout)
        written = printing.export_pdf(self, printout, path)
        if written is not None:
            self.statusBar().showMessage(f"PDF saved to {written}", 30_000)
        return written

    def _on_record_selected(self) -> None:
        """The hint to select a record has been followed: it goes."""
        if (
            self.patient_view.records.selected() is not None
            and self.statusBar().currentMessage() == SELECT_A_RECORD
        ):
            self.statusBar().clearMessage()

    def switch_user(self) -> None:
        """File → Switch user…: another nurse takes over the shared workstation."""
        if self.session is None:
            return
        from wardchart.ui.dialogs.sign_in import ask_sign_in

        if not self.session.has_accounts():
            QMessageBox.information(
                self,
                "Switch user",
                "This chart file has no accounts yet, so entries are recorded as "
                f"{self.session.actor}.\n\nA ward administrator adds accounts with "
                "wardchart user add (see the README).",
            )
            return
        account = ask_sign_in(
            self.session.store,
            self.session.now,
            self,
            username=self.session.actor if self.locked else "",
        )
        if account is None:
            return
        if self.locked:
            self.unlock(account.username)
        else:
            self.session.signed_in(account)
            self._show_status()

    @property
    def locked(self) -> bool:
        """Whether patient data is hidden behind the lock screen."""
        return self.views_built and self.centralWidget() is self.lock_page

    def lock(self) -> None:
        """Hide every patient until someone signs in (only on a file with accounts:
        without them there is nobody to sign in as). Open dialogs are hidden, not closed:
        what was typed in them comes back when the same nurse signs in again."""
        if self.session is None or self.locked or not self.session.has_accounts():
            return
        self.held_dialogs = _open_dialogs()
        self.held_for = self.session.actor
        for dialog in reversed(self.held_dialogs):  # dialogs show patient data too
            dialog.hide()
        minutes = self.session.settings.lock_after_minutes
        unsaved = _unsaved_entries(self.held_dialogs)
        if unsaved:
            kept = (
                f"{len(unsaved)} entr{'ies' if len(unsaved) != 1 else 'y'} not yet saved "
                f"({'; '.join(unsaved)}) {'are' if len(unsaved) != 1 else 'is'} kept for "
                f"{self.held_for} until they sign in again. If someone else signs in or "
                "wardchart is closed, "
                f"{'they are' if len(unsaved) != 1 else 'it is'} discarded, never saved."
            )
        else:
            kept = "Nothing typed is waiting to be saved."
        self.lock_text.setText(
            f"<center><b>wardchart is locked</b><br><br>Patient data is hidden after "
            f"{minutes} minute{'s' if minutes != 1 else ''} without use. {escape(kept)}"
            f"<br><br>Sign in to continue (Ctrl+Shift+S).</center>"
        )
        self._hide_chart_views("Sign in…", self.switch_user, STAY_ENABLED_WHEN_LOCKED)
        self.idle_watch.timer.stop()

    def _drop_held_dialogs(self) -> list[str]:
        """Close the dialogs hidden behind the lock without saving them; what was typed
        in them, described for the notice that says so."""
        held, self.held_dialogs = self.held_dialogs, []
        unsaved = _unsaved_entries(held)
        for dialog in reversed(held):
            dialog.reject()
        return [f"an unsaved entry ({what}) by {self.held_for}" for what in unsaved]

    def _file_replaced(self) -> None:
        """Another program put a new file where ours was: what is on screen may be out of
        date and nothing can be saved to it, so hide it and ask to open the file again."""
        session, self.session = self.session, None
        for timer in (
            self.refresh_timer,
            self.watch_timer,
            self.backup_timer,
            self.inbox_timer,
            self.inbox_soon,
            self.inbox_next,
        ):
            timer.stop()
        self.idle_watch.timer.stop()
        if session is not None:
            session.close()
        if not self.held_dialogs and session is not None:
            self.held_dialogs, self.held_for = _open_dialogs(), session.actor
        discarded = self._drop_held_dialogs()
        lost = (
            escape("; ".join(discarded)) + " could not be saved to it and was discarded."
            if discarded
            else "nothing was lost."
        )
        self.lock_text.setText(
            "<center><b>The chart file was replaced by another program</b><br><br>"
            "(encrypted, decrypted or copied over). What was shown may be out of date, so it "
            f"is hidden; {lost}<br><br>Open the file again to continue.</center>"
        )
        self._hide_chart_views("Open it again…", self.reopen_requested.emit, {"quit"})

    def _hide_chart_views(
        self, button: str, slot: Callable[[], object], enabled: Iterable[str]
    ) -> None:
        """Put the lock page (already worded) where census and patient view were; its
        button does ``slot``; only the ``enabled`` actions work meanwhile."""
        self.unlock_button.setText(button)
        self.unlock_button.clicked.disconnect()
        self.unlock_button.clicked.connect(slot)
        if self.centralWidget() is not self.lock_page:
            self.takeCentralWidget()  # the census and patient view, kept to come back
            self.setCentralWidget(self.lock_page)
        self.lock_page.show()
        keep = set(enabled)
        for name, action in self.actions_by_name.items():
            action.setEnabled(name in keep)
        self.unlock_button.setFocus()

    def _show_chart_views(self) -> None:
        """Census and patient view back in place of the lock page, every action back."""
        self.takeCentralWidget()  # the lock page, kept for next time
        self.setCentralWidget(self.splitter)
        self.splitter.show()
        for action in self.actions_by_name.values():
            action.setEnabled(True)
        self._update_actions()

    def unlock(self, username: str) -> None:
        """Show the chart again, charting as ``username`` (a signed-in account)."""
        if self.session is None or not self.locked:
            return
        self.session.charting_as(username)
        self._show_chart_views()
        self._show_status()
        self.idle_watch.start()
        self.refresh()
        if username == self.held_for:  # the same nurse: every dialog back as it was
            held, self.held_dialogs = self.held_dialogs, []
            if held:
                self.activateWindow()  # the dialogs belong to this window
            for dialog in held:
                dialog.show()
            if held:  # the keys go where they went before the lock
                held[-1].activateWindow()
            return
        from PySide6.QtCore import Qt

        discarded = self._drop_held_dialogs()  # never saved under another nurse's name
        if discarded:
            notice = "; ".join(discarded) + " was discarded at the lock, not saved."
            notice = notice[0].upper() + notice[1:]
            self.statusBar().showMessage(notice)
            box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", notice, parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            self.discarded_box = box
            box.open()

    def open_backups(self) -> QDialog | None:
        """File → Backups…"""
        from wardchart.ui.dialogs.backups import BackupsDialog

        if self.session is None:
            return None
        dialog = BackupsDialog(self.session, self)
        dialog.open()
        return dialog

    def open_held_messages(self) -> QDialog | None:
        """File → Lab messages held…"""
        from wardchart.ui.dialogs.held_messages import HeldMessagesDialog

        if self.session is None:
            return None
        dialog = HeldMessagesDialog(self.session, self)
        dialog.finished.connect(lambda _result: self._show_held_count())
        dialog.open()
        return dialog

    # --- the laboratory inbox (docs/hl7-inbox.md) ----------------------------------------

    def poll_inbox(self) -> None:
        """Take one finished file from the ward's HL7 inbox folder, if any, and come back
        for the next at once: one file a step, so the window keeps answering."""
        session = self.session
        if session is None or session.store.read_only or self.locked or self.closed:
            return
        folder = session.settings.hl7_inbox
        if not folder:
            self.inbox = None
            return
        from wardchart.storage.hl7_inbox import SETTLE_SECONDS, Inbox

        if self.inbox is None or str(self.inbox.folder) != folder:
            from PySide6.QtCore import QFileSystemWatcher

            self.inbox = Inbox(Path(folder))
            self.inbox_watcher = QFileSystemWatcher([folder], self)
            self.inbox_watcher.directoryChanged.connect(lambda _path: self.inbox_soon.start())
            self.inbox_soon.setInterval(int(SETTLE_SECONDS * 1000) + 300)
        path = self.inbox.next_file()
        if path is None:
            self._report_inbox()
            return
        from wardchart.domain.problems import InvalidEntry
        from wardchart.storage.errors import ChartFileError

        try:
            taken = self.inbox.take(session.store, path, actor=session.actor, now=session.now())
        except (InvalidEntry, ChartFileError, OSError) as error:  # locked, disk full, moved
            self.statusBar().showMessage(f"Lab inbox: {path.name} not read yet: {error}", 15_000)
            return
        session.saves_since_backup += 1
        charted = sum(o.results for o in taken.outcomes if o.outcome == "charted")
        held = sum(1 for o in taken.outcomes if o.outcome == "held") + bool(taken.not_hl7)
        self.inbox_counts[0] += charted
        self.inbox_counts[1] += held
        if charted:
            session.chart_did_change.emit("")
        if held:
            self._show_held_count()
        self.inbox_next.start()

    def _report_inbox(self) -> None:
        charted, held = self.inbox_counts
        if charted or held:
            parts = []
            if charted:
                parts.append(f"{charted} result{'s' if charted != 1 else ''} from the lab charted")
            if held:
                parts.append(f"{held} held")
            self.statusBar().showMessage(" · ".join(parts), 60_000)
        self.inbox_counts = [0, 0]
        self._show_held_count()

    def _show_held_count(self) -> None:
        if self.session is None:
            return
        from wardchart.storage.hl7_import import held_messages

        count = len(held_messages(self.session.store.db))
        self.held_count.setText(
            f"⚠ {count} lab message{'s' if count != 1 else ''} held (File → Lab messages held)"
            if count
            else ""
        )
        action = self.actions_by_name["held_messages"]
        action.setText(f"&Lab messages held ({count})…" if count else "&Lab messages held…")

    def open_about(self) -> None:
        """Help → About: version, chart file, rules in force, licences."""
        from wardchart.about import about_text

        path = self.session.store.path if self.session else default_chart_path()
        QMessageBox.about(self, "About wardchart", about_text(path))

    # --- Qt overrides -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; a dialog held behind the lock closes unsaved, as the lock
        screen said it would."""
        self.closed = True
        if self.inbox_watcher is not None:
            self.inbox_watcher.directoryChanged.disconnect()
        settings.store(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.store(settings.WINDOW_STATE, self.saveState())
        if self.views_built:
            settings.store(settings.MAIN_SPLITTER, self.splitter.saveState())
            settings.store(settings.PATIENT_SPLITTER, self.patient_view.splitter.saveState())
        for timer in (self.refresh_timer, self.watch_timer, self.backup_timer):
            timer.stop()
        if self.hub_sync is not None:
            self.hub_sync.stop()
        if self.views_built:
            self.idle_watch.timer.stop()
        self._drop_held_dialogs()  # the lock page said so: not saved, nobody to save it for
        self.backup("close")
        super().closeEvent(event)

    # --- slots --------------------------------------------------------------------------

    def _on_patient_selected(self, _patient_id: str) -> None:
        self._show_selected(keep_view=False)
        self._update_actions()

    def _on_patient_opened(self, _patient_id: str) -> None:
        self.patient_view.records.tabs.currentWidget().setFocus()

    def _on_view_changed(self) -> None:
        view = self.patient_view.current_view()
        settings.store(settings.CYCLE_VIEW, "overlay" if view == "overlay" else "current")
        settings.store(
            settings.X_AXIS,
            "calendar" if self.patient_view.calendar_wanted else "cycle_day",
        )

    def _on_watch(self) -> None:
        if self.session is None:
            return
        if self.session.replaced():
            self._file_replaced()
            return
        if not self.session.changed_elsewhere():
            return
        self.session.reload_settings()
        self.idle_watch.limit_s = self.session.settings.lock_after_minutes * 60
        self._show_held_count()
        changed = self.session.patients_changed()
        if changed is None:
            self.refresh()
            return
        for patient_id in changed:
            self._on_chart_changed(patient_id)

    def _on_census_progress(self, done: int, total: int) -> None:
        if done < total:
            self.statusBar().showMessage(f"Reading the census: {done:,} of {total:,} patients…")
        else:
            self.statusBar().clearMessage()

    def _on_chart_changed(self, patient_id: str) -> None:
        if self.session is None:
            return
        if not patient_id:
            self.refresh()
            return
        self.census_loader.touched(patient_id)
        found = self.session.chart_and_row(patient_id)  # one read for census and chart
        self.census.update_patient(None if found is None else found[1], patient_id)
        if self.census.selected_patient_id() == patient_id:
            self.patient_view.show_patient(None if found is None else found[0], keep_view=True)
        elif self.census.selected_patient_id() is None:
            self.census.select(patient_id)

    # --- internals ----------------------------------------------------------------------

    def _show_selected(self, *, keep_view: bool) -> None:
        patient = self.selected_patient()
        chart = None if patient is None or self.session is None else self.session.chart(patient)
        self.patient_view.show_patient(chart, keep_view=keep_view)
        if not keep_view and settings.load(settings.CYCLE_VIEW) == "overlay":
            self.patient_view.set_view("overlay")

    def _show_status(self) -> None:
        session = self.session
        if session is None:
            return
        ward = f" · ward {session.settings.ward_name}" if session.settings.ward_name else ""
        self.status.setText(
            f"Charting as {session.actor}{ward} · CTCAE "
            f"v{session.settings.ctcae_version} · fever rule "
            f"{session.settings.fn_rule.value} · {session.file_name}"
        )

    def _update_actions(self) -> None:
        has_patient = self.views_built and self.census.selected_patient_id() is not None
        for action in self.actions_by_name.values():
            if action.property("needs_patient"):
                action.setEnabled(has_patient)

    def _restore_geometry(self) -> None:
        geometry = settings.load(settings.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(max(1024, screen.width()), max(700, screen.height()))
        state = settings.load(settings.WINDOW_STATE)
        if state:
            self.restoreState(state)

    def _restore_splitters(self) -> None:
        for key, splitter in (
            (settings.MAIN_SPLITTER, self.splitter),
            (settings.PATIENT_SPLITTER, self.patient_view.splitter),
        ):
            saved = settings.load(key)
            if saved:
                splitter.restoreState(saved)
        self.patient_view.calendar_box.setChecked(settings.load(settings.X_AXIS) == "calendar")


def _open_dialogs() -> list[QDialog]:
    """Every dialog on screen, each after the dialog it belongs to."""

    def depth(dialog: QDialog) -> int:
        parent, n = dialog.parentWidget(), 0
        while parent is not None:
            n, parent = n + 1, parent.parentWidget()
        return n

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return sorted(shown, key=depth)


def _unsaved_entries(dialogs: list[QDialog]) -> list[str]:
    """Which of these dialogs hold typed content (by their titles: kind and patient)."""
    from wardchart.ui.dialogs.form import FormDialog

    return [d.windowTitle() for d in dialogs if isinstance(d, FormDialog) and d.has_typed_content()]
