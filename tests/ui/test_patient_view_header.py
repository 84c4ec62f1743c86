"""The patient header: what it says when a detail is missing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel
from ward_fixture import NOW

from wardchart.domain.settings import WardSettings
from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui.patient_header import PatientHeader, header_html
from wardchart.ui.wording import escaped


def test_no_diagnosis_leaves_no_stray_separator(ward: ChartStore) -> None:
    # "bed — ·" ended the line when a patient had no diagnosis recorded.
    patient = queries.find_patient(ward.db, "A-1")
    assert patient is not None
    chart = queries.load_chart(ward.db, replace(patient, diagnosis=""), WardSettings(), NOW)
    first = header_html(chart).split("<br>")[0]
    assert not first.rstrip().endswith("·")
    assert "&nbsp;·&nbsp;<" not in first + "<"


@pytest.mark.parametrize(
    "text", ["O'Brien & <Sons>", '"quoted" &amp; already', "Müller–Lüdenscheidt", "", "a&&b<<>>''"]
)
def test_the_header_escapes_as_html_escape_does(text: str) -> None:
    import html

    assert escaped(text) == html.escape(text)


HEADER_TEXTS = [
    PatientHeader.ROOM,
    "one line",
    "<span style='font-size:x-large'><b>Okafor, Grace</b></span>&nbsp;&nbsp;MRN <b>1</b><br>"
    "Cycle 2 · <a href='review'>Review conflicts…</a><br>"
    "<span style='color:#b00020'><b>⚠ FEBRILE NEUTROPENIA</b></span> " + "word " * 40,
    "wrapped " * 300,  # taller than any header: drawn from the top, cut as Qt's label cuts
]


@pytest.mark.parametrize("text", HEADER_TEXTS)
@pytest.mark.parametrize("width", [300, 900, 1366])
def test_the_header_paints_exactly_as_a_qt_label(qtbot, text: str, width: int) -> None:  # type: ignore[no-untyped-def]
    """The header draws the text it laid out to measure it; pixel for pixel it is what a
    QLabel draws (colours, alignment, wrapping, links), enabled and disabled."""
    header = PatientHeader(text)
    qtbot.addWidget(header.holder)
    header.holder.show()
    header.holder.resize(width, 50)
    qtbot.wait(10)
    assert header.width() == width
    label = QLabel(text)
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    palette = QPalette(label.palette())  # a theme whose window text is not its text colour
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f4e79"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#7a1f1f"))
    for widget in (header, label):
        widget.setPalette(palette)
    for enabled in (True, False):
        header.setEnabled(enabled)
        label.setEnabled(enabled)
        label.resize(header.size())
        label.show()
        qtbot.wait(10)
        drawn, expected = (
            w.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32) for w in (header, label)
        )
        assert drawn == expected, enabled
