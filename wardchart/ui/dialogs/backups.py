"""File → Backups…: the chart's verified backups, back up now, restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.problems import InvalidEntry
from wardchart.i18n import translate
from wardchart.storage.errors import ChartFileError
from wardchart.ui.session import ChartSession


def _reason(reason: str) -> str:
    """Why a backup was made, stored as a code ("close"), in the language in use."""
    said = {
        "open": translate("BackupsDialog", "open"),
        "close": translate("BackupsDialog", "close"),
        "manual": translate("BackupsDialog", "manual"),
        "activity": translate("BackupsDialog", "activity"),
        "before-restore": translate("BackupsDialog", "before-restore"),
    }
    return said.get(reason, reason)


class BackupsDialog(QDialog):
    """Lists backups (time, why, size, verified) and restores the selected one."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("BackupsDialog", "Backups of the chart file"))
        self.setMinimumWidth(720)
        self.paths: list[Path] = []
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("BackupsDialog", "Backups, newest first"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("BackupsDialog", "Taken"),
                translate("BackupsDialog", "Why"),
                translate("BackupsDialog", "Size"),
                translate("BackupsDialog", "Verified"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.backup_button = QPushButton(translate("BackupsDialog", "Back up now"))
        self.restore_button = QPushButton(translate("BackupsDialog", "Restore selected…"))
        close = QPushButton(translate("BackupsDialog", "Close"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            intro := QLabel(
                translate(
                    "BackupsDialog",
                    "Backups are kept beside {file}, each checked before it is kept. "
                    "Restoring saves the current contents as another backup first.",
                ).format(file=session.file_name)
            )
        )
        intro.setWordWrap(True)  # both sentences, whatever the file name and language
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list."""
        rows = self.session.backups()
        self.paths = [info.path for info, _ in rows]
        self.table.setRowCount(len(rows))
        for r, (info, verdict) in enumerate(rows):
            cells = (
                i18n.date_text(info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
                _reason(info.reason),
                translate("BackupsDialog", "{size} bytes").format(
                    size=i18n.locale().toString(info.size)
                ),
                translate("BackupsDialog", "yes")
                if verdict == "ok"
                else translate("BackupsDialog", "NO: {why}").format(why=i18n.shown(verdict)),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def backup_now(self) -> None:
        """Write a verified backup now."""
        self.message.setText(i18n.shown(self.session.backup("manual")))
        self.refresh()

    def restore_selected(self) -> None:
        """Restore the selected backup after an explicit confirmation."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(translate("BackupsDialog", "Select a backup first."))
            return
        path = self.paths[rows[0].row()]
        answer = QMessageBox.question(
            self,
            translate("BackupsDialog", "Restore backup"),
            translate(
                "BackupsDialog",
                "Replace the chart with the backup {name}?\n\nEverything entered since it "
                "was taken leaves the chart (it is kept in a new backup made first).",
            ).format(name=path.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.message.setText(i18n.shown(self.session.restore(path)))
        except (ChartFileError, InvalidEntry) as error:
            reason = (
                "; ".join(i18n.shown(p.message) for p in error.problems)
                if isinstance(error, InvalidEntry)
                else i18n.shown(error)
            )
            self.message.setText(
                translate("BackupsDialog", "Nothing was restored: {error}").format(error=reason)
            )
        self.refresh()
