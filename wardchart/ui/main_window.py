"""The main window: lays out the census and the patient view, and forwards actions.

It holds no SQL and no clinical rule: it asks the session and opens dialogs. It shows
as a frame (menus, toolbar, "Opening…") before anything heavy is imported; the census
and patient view are built when a chart file is opened (``build_views``), and the chart
arrives after that, with pyqtgraph (``load_chart``).

Its parts live beside it: the menus and toolbar (``actions``), the lock screen
(``lock_screen``), the dialogs the menus open (``charting_dialogs``, ``file_menu``) and the
laboratory inbox (``lab_inbox``), the Ward menu's administration (``ward_menu``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QSplitter

from wardchart import i18n
from wardchart.i18n import shown, translate
from wardchart.ui import settings
from wardchart.ui.actions import WindowActions
from wardchart.ui.charting_dialogs import ChartingDialogs
from wardchart.ui.file_menu import FileMenu
from wardchart.ui.lab_inbox import LabInbox
from wardchart.ui.lock_screen import LockingWindow, LockScreen
from wardchart.ui.ward_menu import WardMenu

if TYPE_CHECKING:  # imported when the views are built, after the window shows
    from PySide6.QtGui import QCloseEvent

    from wardchart.domain.records import Patient
    from wardchart.ui.census import CensusPanel
    from wardchart.ui.hub_sync import HubSync
    from wardchart.ui.patient_view import PatientView
    from wardchart.ui.session import ChartSession

_UPDATE_REQUEST = QEvent.Type.UpdateRequest
_LAYOUT_REQUEST = QEvent.Type.LayoutRequest

#: The census shows how old results are and today's cycle day: recompute periodically.
REFRESH_MS = 5 * 60 * 1000
#: Another window or command writing the same file is noticed within this time.
WATCH_MS = 1500
#: The ward's HL7 inbox folder is looked at this often (and when the folder changes).
INBOX_MS = 10_000
#: After a period of activity the chart is backed up again (if anything was saved).
BACKUP_MS = 15 * 60 * 1000


class MainWindow(ChartingDialogs, FileMenu, WardMenu, LabInbox, LockingWindow, QMainWindow):
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
        self.opening = QLabel(
            "<center>{}</center>".format(translate("MainWindow", "Opening the chart file…"))
        )
        self.setCentralWidget(self.opening)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.action_table = WindowActions(self, self)
        self.actions_by_name = self.action_table.by_name
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
        self.held_count.setAccessibleName(translate("MainWindow", "Lab messages held"))
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

        self.action_table.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
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
        self.patient_view.review_requested.connect(self.open_conflicts)
        self.lock_page = LockScreen(self.switch_user)
        self.lock_text = self.lock_page.text
        self.unlock_button = self.lock_page.button
        from wardchart.ui.idle_lock import IdleWatch

        self.idle_watch = IdleWatch(5 * 60, self)
        self.idle_watch.idle.connect(self.lock)
        self.views_built = True
        self._restore_splitters()

    # --- public API ---------------------------------------------------------------------

    def set_session(self, session: ChartSession) -> None:
        """Show an open chart file."""
        self.build_views()
        if self.locked:  # opened again after the file was replaced
            self._show_chart_views()
        self.session = session
        session.chart_did_change.connect(self._on_chart_changed)
        session.did_close.connect(self._stop_watching)
        title = (
            translate("MainWindow", "wardchart — {file} (READ-ONLY: entries cannot be saved)")
            if session.store.read_only
            else translate("MainWindow", "wardchart — {file}")
        )
        self.setWindowTitle(title.format(file=session.file_name))
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
        from wardchart.session.hub_loop import configured_hub

        if self.hub_sync is not None:
            self.hub_sync.stop()
        self.hub_sync = None
        if configured_hub(session.settings) is not None:
            # The hub's status bar and banner (and psycopg) load only where a hub is set:
            # ~3 ms of every first chart otherwise.
            from wardchart.ui import hub_sync

            self.hub_sync = hub_sync.attach(self, session)

    def changes_arrived(self) -> None:
        """A sync brought another computer's entries: show them now."""
        self._on_watch()

    def backup(self, reason: str, *, only_if_changed: bool = False) -> None:
        """Back the chart file up now (on open, on close, after activity)."""
        if self.session is None or self.session.closed:
            return
        if only_if_changed and not self.session.saves_since_backup:
            return
        self.statusBar().showMessage(shown(self.session.backup(reason)), 15_000)

    def load_chart(self) -> None:
        """Import pyqtgraph and put the chart in place (after the window is shown)."""
        from wardchart.plot.cycle_chart import ChartView

        self.build_views()
        self.patient_view.attach_chart(ChartView())

    def refresh(self) -> None:
        """Recompute the census (in parts: see census_loader) and the shown patient,
        keeping the selection."""
        if self.session is None or self.session.closed:
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

    # --- Qt overrides -------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Before the window is painted, lay out what changed size since the last paint
        (a patient's header of another height: the chart below it is shorter or taller).
        Qt would paint first and lay out after, and then paint again: the chart twice on
        every patient selected, the first time at the size it is about to leave."""
        if event.type() == _UPDATE_REQUEST:
            QCoreApplication.sendPostedEvents(None, _LAYOUT_REQUEST)
            if self.views_built and self.patient_view.chart_view is not None:
                self.patient_view.chart_view.before_paint()
        return super().event(event)

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
        if self.session is None or self.session.closed:
            self._stop_watching()  # a timeout queued before the file was closed
            return
        if self.session.replaced():
            self._file_replaced()
            return
        if not self.session.changed_elsewhere():
            return
        self.session.reload_settings()
        self._follow_ward()
        self._show_held_count()
        changed = self.session.patients_changed()
        if changed is None:
            self.refresh()
            return
        for patient_id in changed:
            self._on_chart_changed(patient_id)

    def _stop_watching(self) -> None:
        """The chart file was closed: the timers that read it stop."""
        if self.session is None or self.session.closed:
            for timer in (
                self.refresh_timer,
                self.watch_timer,
                self.backup_timer,
                self.inbox_timer,
            ):
                timer.stop()

    def _on_census_progress(self, done: int, total: int) -> None:
        if done < total:
            self.statusBar().showMessage(
                translate("MainWindow", "Reading the census: {done} of {total} patients…").format(
                    done=i18n.locale().toString(done), total=i18n.locale().toString(total)
                )
            )
        else:
            self.statusBar().clearMessage()

    def _on_chart_changed(self, patient_id: str) -> None:
        if self.session is None:
            return
        if not patient_id:  # ward-wide: settings or accounts may have changed too
            self._follow_ward()
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
        from wardchart.domain.fever import FN_RULES

        session = self.session
        if session is None:
            return
        line = (
            translate(
                "MainWindow",
                "Charting as {actor} · {ward} · CTCAE v{ctcae} · fever rule {rule} · {file}",
            )
            if session.settings.ward_name
            else translate(
                "MainWindow", "Charting as {actor} · CTCAE v{ctcae} · fever rule {rule} · {file}"
            )
        )
        self.status.setText(
            line.format(
                actor=session.actor,
                ward=session.settings.ward_name,
                ctcae=session.settings.ctcae_version,
                rule=shown(FN_RULES[session.settings.fn_rule].label),
                file=session.file_name,
            )
        )
        administrator = session.may_administer()
        if self.locked:  # comes into force when the lock is lifted
            self.action_table.administrator = administrator
        else:
            self.action_table.for_role(administrator)

    def _follow_ward(self) -> None:
        """The ward's settings or accounts changed: the lock time, the status line and
        the administrators' menu entries follow."""
        if self.session is None:
            return
        self.idle_watch.limit_s = self.session.settings.lock_after_minutes * 60
        self._show_status()

    def _has_patient(self) -> bool:
        return self.views_built and self.census.selected_patient_id() is not None

    def _update_actions(self) -> None:
        self.action_table.for_patient(self._has_patient())

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
