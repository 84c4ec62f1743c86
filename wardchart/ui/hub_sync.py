"""The window keeps its chart in step with the ward hub by itself.

When a hub is configured (``WARDCHART_HUB``, else the ward setting ``hub``), ``attach``
starts a ``SyncLoop`` (session/hub_loop.py) for the window's chart file: it syncs when
the window opens, shortly after each save, when the hub announces another computer's
entries, and every few seconds as a fallback — on its own thread and its own connection,
never blocking the window. After a sync that brought rows, the window reads what changed
(its census and the open chart refresh). The status bar says where it stands, and a
banner warns once it has been out of step longer than the ward allows
(``hub_warn_after_minutes``). A failing hub never raises a dialog: charting goes on in the
local file. See docs/hub.md.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from wardchart.domain.hub_status import HubState, after_attempt, banner, status_line
from wardchart.i18n import shown, translate
from wardchart.session.hub_loop import (
    FALLBACK_S,
    SyncLoop,
    SyncReport,
    configured_hub,
    last_recorded_sync,
)
from wardchart.ui import colours

if TYPE_CHECKING:
    from wardchart.ui.session import ChartSession

#: A save is sent this long after it is made (saves in quick succession go together).
SAVE_DEBOUNCE_MS = 300
#: The banner and the status line are worked out again this often (time passes).
RECHECK_MS = 30_000


def _now() -> datetime:
    return datetime.now().astimezone()


class HubSync(QObject):
    """The window's side of the background sync: the status bar's words, the banner,
    and reading what a sync brought."""

    reported = Signal(object)  # a SyncReport, emitted from the sync thread

    def __init__(
        self,
        window: QMainWindow,
        session: ChartSession,
        address: str,
        *,
        every_s: float = FALLBACK_S,
        listen: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.address = address
        self.state = HubState(recorded_in_step_at=last_recorded_sync(session.store))
        self.alive = True
        self.label = QLabel()
        self.label.setAccessibleName(translate("HubSync", "Ward hub"))
        window.statusBar().addPermanentWidget(self.label)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner_text.setAccessibleName(translate("HubSync", "Ward hub warning"))
        self.banner_text.setStyleSheet(
            f"color: {colours.GRADE_TEXT}; background: {colours.GRADE_BACKGROUNDS[1]};"
            " padding: 6px; font-weight: bold;"
        )
        self.banner_bar = QToolBar(translate("HubSync", "Ward hub warning"))
        self.banner_bar.setObjectName("hub_banner")
        self.banner_bar.setMovable(False)
        self.banner_bar.setFloatable(False)
        self.banner_bar.addWidget(self.banner_text)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner_bar)
        self.banner_bar.hide()
        self.debounce = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self.recheck = QTimer(self, interval=RECHECK_MS)
        self.recheck.timeout.connect(self.show_state)
        self.reported.connect(self._on_report)
        session.chart_did_change.connect(self._on_saved)
        self.loop = SyncLoop(
            session.store.path,
            address,
            actor=session.actor,
            passphrase=session.store.passphrase,
            on_report=self._from_thread,
            every_s=every_s,
            listen=listen,
        )
        self.debounce.timeout.connect(self.loop.request)
        self.show_state()
        self.recheck.start()
        self.loop.start()

    def stop(self) -> None:
        """Stop syncing (the window closes, or opens the file again) and take the status
        and banner away."""
        if not self.alive:
            return
        self.alive = False
        self.debounce.stop()
        self.recheck.stop()
        self.session.chart_did_change.disconnect(self._on_saved)
        self.loop.stop()
        self.window.statusBar().removeWidget(self.label)
        self.window.removeToolBar(self.banner_bar)
        self.label.deleteLater()
        self.banner_bar.deleteLater()

    def show_state(self) -> None:
        """Say where the replica stands, now."""
        now = _now()
        self.label.setText(shown(status_line(self.state, now)))
        self.label.setToolTip(shown(self.state.problem))
        warning = banner(self.state, now, self.session.settings.hub_warn_after_minutes)
        if warning is None:
            self.banner_bar.hide()
        else:
            self.banner_text.setText(shown(warning))
            self.banner_bar.show()

    def _from_thread(self, report: SyncReport) -> None:
        if self.alive:
            with suppress(RuntimeError):  # the window went away meanwhile
                self.reported.emit(report)

    def _on_saved(self, _patient_id: str) -> None:
        self.debounce.start()

    def _on_report(self, report: SyncReport) -> None:
        if not self.alive:
            return
        self.state = after_attempt(
            self.state,
            report.at,
            problem=report.problem,
            unreachable=report.unreachable,
            pending=report.pending,
        )
        self.show_state()
        if report.pulled:
            arrived = getattr(self.window, "changes_arrived", None)
            if arrived is not None:
                arrived()


def attach(window: QMainWindow, session: ChartSession) -> HubSync | None:
    """Start syncing ``session``'s chart with the ward hub, if one is configured and the
    file can be written (None: no hub here). The caller stops an earlier one first."""
    address = configured_hub(session.settings)
    if address is None or session.store.read_only:
        return None
    return HubSync(window, session, address)
