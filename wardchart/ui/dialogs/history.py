"""A record's full history: every version, who recorded it, when, and why."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.display import field_items
from wardchart.i18n import translate
from wardchart.ui.wording import localised

SHOWN = (
    "taken_at",
    "wbc",
    "anc",
    "anc_source",
    "neut_pct",
    "bands_pct",
    "platelets",
    "celsius",
    "route",
    "given_at",
    "drug",
    "dose",
)


def version_rows(versions: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(recorded at, by, values, why) for each version, oldest first."""
    rows = []
    for version in versions:
        items = field_items({k: version[k] for k in SHOWN if k in version})
        values = "; ".join(f"{i18n.shown(label)}: {localised(text)}" for label, text in items)
        if version.get("entered") and version["entered"] != "{}":
            values = translate("HistoryDialog", "{values}  (typed: {typed})").format(
                values=values, typed=json.loads(version["entered"])
            )
        why = version.get("reason") or translate("HistoryDialog", "original entry")
        if version.get("entered_in_error"):
            why = translate("HistoryDialog", "ENTERED IN ERROR: {why}").format(why=why)
        rows.append(
            (
                translate("HistoryDialog", "{time} UTC").format(
                    time=i18n.date_text(version["recorded_at"][:16].replace("T", " "))
                ),
                version["recorded_by"],
                values,
                why,
            )
        )
    return rows


class HistoryDialog(QDialog):
    """Shows every version of one record."""

    def __init__(
        self, title: str, versions: list[dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        rows = version_rows(versions)
        self.table = QTableWidget(len(rows), 4)
        self.table.setAccessibleName(translate("HistoryDialog", "Record history"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [
                translate("HistoryDialog", "Recorded"),
                translate("HistoryDialog", "By"),
                translate("HistoryDialog", "Values"),
                translate("HistoryDialog", "Why"),
            ]
        )
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 260)
