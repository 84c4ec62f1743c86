"""The ward's laboratory inbox, seen from the window: files taken one at a time while the
window keeps answering, what was charted or held reported in the status bar, and the
held messages counted where the nurse sees them (see docs/hl7-inbox.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from wardchart.i18n import shown, translate
from wardchart.ui.dialogs.opening import open_until_done

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from wardchart.ui.actions import WindowActions
    from wardchart.ui.session import ChartSession

    _Window = QMainWindow
else:
    _Window = object


class LabInbox(_Window):
    """The main window's part in reading the ward's HL7 inbox folder."""

    session: ChartSession | None
    closed: bool
    inbox: Any  # storage.hl7_inbox.Inbox, made when a folder is set
    inbox_watcher: Any
    inbox_soon: QTimer
    inbox_next: QTimer
    inbox_counts: list[int]  # results charted, messages held, since the last report
    held_count: QLabel
    action_table: WindowActions

    if TYPE_CHECKING:

        @property
        def locked(self) -> bool: ...

    def poll_inbox(self) -> None:
        """Take one finished file from the ward's HL7 inbox folder, if any, and come back
        for the next at once: one file a step, so the window keeps answering."""
        session = self.session
        if (
            session is None
            or session.closed
            or session.store.read_only
            or self.locked
            or self.closed
        ):
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
            self.statusBar().showMessage(
                translate("LabInbox", "Lab inbox: {file} not read yet: {error}").format(
                    file=path.name, error=shown(error)
                ),
                15_000,
            )
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
                parts.append(
                    translate("LabInbox", "1 result from the lab charted")
                    if charted == 1
                    else translate("LabInbox", "{count} results from the lab charted").format(
                        count=charted
                    )
                )
            if held:
                parts.append(translate("LabInbox", "{count} held").format(count=held))
            self.statusBar().showMessage(" · ".join(parts), 60_000)
        self.inbox_counts = [0, 0]
        self._show_held_count()

    def _show_held_count(self) -> None:
        if self.session is None:
            return
        from wardchart.storage.hl7_import import held_messages

        count = len(held_messages(self.session.store.db))
        if not count:
            held = ""
        elif count == 1:
            held = translate("LabInbox", "⚠ 1 lab message held (File → Lab messages held)")
        else:
            held = translate(
                "LabInbox", "⚠ {count} lab messages held (File → Lab messages held)"
            ).format(count=count)
        self.held_count.setText(held)
        action = self.action_table.by_name["held_messages"]
        action.setText(
            translate("Menus", "&Lab messages held ({count})…").format(count=count)
            if count
            else translate("Menus", "&Lab messages held…")
        )

    def open_held_messages(self) -> QDialog | None:
        """File → Lab messages held…"""
        from wardchart.ui.dialogs.held_messages import HeldMessagesDialog

        if self.session is None:
            return None
        dialog = HeldMessagesDialog(self.session, self)
        dialog.finished.connect(lambda _result: self._show_held_count())
        open_until_done(dialog)
        return dialog
