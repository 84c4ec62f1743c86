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

from wardchart.domain.problems import InvalidEntry
from wardchart.storage.errors import ChartFileError
from wardchart.ui.session import ChartSession


class BackupsDialog(QDialog):
    """Lists backups (time, why, size, verified) and restores the selected one."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Backups of the chart file")
        self.setMinimumWidth(720)
        self.paths: list[Path] = []
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Backups, newest first")
        self.table.setHorizontalHeaderLabels(["Taken", "Why", "Size", "Verified"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore selected…")
        close = QPushButton("Close")
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
            QLabel(
                f"Backups are kept beside {session.file_name}, each checked "
                "before it is kept. Restoring saves the current contents as "
                "another backup first."
            )
        )
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
                info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                info.reason,
                f"{info.size:,} bytes",
                "yes" if verdict == "ok" else f"NO: {verdict}",
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def backup_now(self) -> None:
        """Write a verified backup now."""
        self.message.setText(self.session.backup("manual"))
        self.refresh()

    def restore_selected(self) -> None:
        """Restore the selected backup after an explicit confirmation."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText("Select a backup first.")
            return
        path = self.paths[rows[0].row()]
        answer = QMessageBox.question(
            self,
            "Restore backup",
            f"Replace the chart with the backup {path.name}?\n\nEverything entered since it "
            "was taken leaves the chart (it is kept in a new backup made first).",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.message.setText(self.session.restore(path))
        except (ChartFileError, InvalidEntry) as error:
            self.message.setText(f"Nothing was restored: {error}")
        self.refresh()
