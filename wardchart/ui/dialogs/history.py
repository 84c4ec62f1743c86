"""A record's full history: every version, who recorded it, when, and why."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
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
from wardchart.domain.display import FIELD_LABELS, field_items
from wardchart.i18n import translate
from wardchart.ui.wording import english, localised

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
        values = "; ".join(f"{i18n.shown(label)}: {_value(label, text)}" for label, text in items)
        if version.get("entered") and version["entered"] != "{}":
            values = translate("HistoryDialog", "{values}  (typed: {typed})").format(
                values=values, typed=_typed(json.loads(version["entered"]))
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


def _value(label: str, text: str) -> str:
    """A stored value as people read it: a clinical time stored in UTC
    ("2026-11-15 06:00:00+00:00") as "15.11.2026 06:00 UTC" in German (English keeps
    the record exactly as stored); other values localised."""
    if english() or label not in (FIELD_LABELS["taken_at"], FIELD_LABELS["given_at"]):
        return localised(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return localised(text)
    if moment.utcoffset() != timedelta(0):
        return localised(text)
    return translate("HistoryDialog", "{time} UTC").format(
        time=i18n.date_text(moment.strftime("%Y-%m-%d %H:%M"))
    )


def _typed(entered: dict[str, Any]) -> str:
    """What was typed, as typed (English keeps the stored form); German names the
    fields as the window does: "Leukozyten: 7.13, Thrombozyten: 155"."""
    if english():
        return str(entered)
    return ", ".join(
        f"{i18n.shown(FIELD_LABELS[key]) if key in FIELD_LABELS else key}: {value}"
        for key, value in entered.items()
    )


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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the values wrap within the dialog's width rather than scroll sideways
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 260)
