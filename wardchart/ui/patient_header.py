"""The patient header above the chart: what it says, and a label that holds still."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QWidget

from wardchart.domain.chart import PatientChart
from wardchart.i18n import clinical_time, date_text, shown, translate
from wardchart.ui import colours
from wardchart.ui.wording import escaped as escape
from wardchart.ui.wording import localised


def header_html(chart: PatientChart) -> str:
    """Name, two identifiers, location, regimen, today's cycle day, flags and alerts."""
    p = chart.patient
    first = (
        f"<span style='font-size:x-large'><b>{escape(p.name)}</b></span>&nbsp;&nbsp;"
        + translate(
            "PatientView", "MRN <b>{mrn}</b>&nbsp;·&nbsp;DOB {dob} ({age} y)&nbsp;·&nbsp;bed {bed}"
        ).format(mrn=escape(p.mrn), dob=date_text(p.dob), age=chart.age, bed=escape(p.bed or "—"))
        + (f"&nbsp;·&nbsp;{escape(p.diagnosis)}" if p.diagnosis.strip() else "")
    )
    current = chart.current
    if current is None:
        second = translate("PatientView", "No cycle started yet.")
    else:
        c = current.cycle
        status = escape(localised(chart.nadir_status.value)) if chart.nadir_status else ""
        second = translate(
            "PatientView",
            "<b>{regimen}</b> · cycle {cycle}, <b>day {day}</b> (day 1 {day1}) · expected "
            "nadir D{start}–D{end}: <b>{status}</b> · next cycle: {readiness} ({reason})",
        ).format(
            regimen=escape(c.regimen_name),
            cycle=c.number,
            day=chart.today_cycle_day,
            day1=date_text(c.day1),
            start=c.nadir_start,
            end=c.nadir_end,
            status=status,
            readiness=escape(localised(current.readiness.status)),
            reason=escape(localised(current.readiness.reason)),
        )
    flags = [escape(localised(f.label)) for f in chart.risk]
    flags.append(
        translate("PatientView", "neutropenic precautions <b>ON</b>")
        if chart.precautions_active
        else translate("PatientView", "precautions off")
    )
    if chart.cbc_overdue:
        flags.append(translate("PatientView", "<b>no CBC in 24 h during the nadir window</b>"))
    lines = [
        first,
        second,
        translate("PatientView", "Flags: {flags}").format(flags=" · ".join(flags)),
    ]
    if chart.conflicts:
        count = len(chart.conflicts)
        subjects = "; ".join(shown(m.subject) for m in chart.conflicts)
        lines.append(
            f"<span style='color:{colours.error_text()}'>"
            + (
                translate(
                    "PatientView",
                    "<b>⚑ CONFLICT — REVIEW:</b> 1 conflict between charts merged "
                    "({subjects}) · <a href='review'>Review conflicts…</a>",
                )
                if count == 1
                else translate(
                    "PatientView",
                    "<b>⚑ CONFLICT — REVIEW:</b> {count} conflicts between charts merged "
                    "({subjects}) · <a href='review'>Review conflicts…</a>",
                )
            ).format(count=count, subjects=escape(subjects))
            + "</span>"
        )
    for alert in chart.current_alerts:
        when = clinical_time(alert.at, chart.tz)
        kind = (
            translate("PatientView", "FEBRILE NEUTROPENIA")
            if alert.kind == "febrile_neutropenia"
            else translate("PatientView", "POSSIBLE FEBRILE NEUTROPENIA")
        )
        lines.append(
            f"<span style='color:{colours.error_text()}'><b>⚠ {kind}</b> [{escape(alert.rule)}] "
            f"{when}: {escape(localised(alert.detail))}</span>"
        )
    return "<br>".join(lines)


# A header narrower than this many characters is not measured (see ``PatientHeader.fit``).
NARROWEST_READABLE = 12


class PatientHeader(QLabel):
    """The patient header: as tall as its text, but steady as the nurse clicks down the census.

    It keeps room for its three usual lines and one alert line, and it does not give back a
    single line when the next patient's header is one line shorter (one alert fewer, one
    line less wrapped): the chart and records below stay where they are instead of jumping
    by a line at each click. It grows whenever its text needs it (nothing of a header is
    ever cut off), gives back two lines or more at once, and fits its text again when the
    window's width changes.

    The layout holds ``holder``, whose height the header sets itself, not the label: a
    QLabel asks its layout for a new geometry on every new text, and the patient view
    would be laid out again (about a millisecond) on every click even when nothing moves.
    """

    # Shaped as the header is: the name line larger, then the cycle, the flags and one
    # alert line (with the alert and conflict signs, which may come from another font).
    ROOM = "<span style='font-size:x-large'><b>X</b></span><br>X<br>X<br><b>⚠ ⚑</b> X"

    def __init__(self, text: str) -> None:
        self.holder = _HeaderHolder(self)
        super().__init__(text, self.holder)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._room = 0
        # The width the header was last fitted to (None: not laid out yet, or dragged
        # (nearly) shut): a text is measured at that width, and only then.
        self._width: int | None = None
        self._laid_out: tuple[str, int, str] | None = None
        # Measures texts at a width; the label's own measure would lay its text out twice.
        self._ruler = QTextDocument()
        self._ruler.setDocumentMargin(0)  # as a QLabel lays out its text
        wrap = QTextOption()
        # Between words, as a label; but a word wider than the header (a long code or
        # name in a narrow window) is broken where it must be: a label would be cut off,
        # or widen the window past the screen.
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._ruler.setDefaultTextOption(wrap)
        # Links are found in the text as painted (below), not in the label's own layout,
        # which breaks lines only between words and so puts a link elsewhere.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setMouseTracking(True)
        self._pressed_link = ""
        self._keep_room()

    def show_text(self, text: str) -> None:
        """Show a header, keeping the height it has unless the text needs more, or a lot
        less."""
        self.setText(text)
        if self._width is None:
            return  # measured when it is laid out (a label's width before is Qt's default)
        kept, line = self.holder.height(), self.fontMetrics().lineSpacing()
        needed = self._needed(self._width)
        if needed > kept or kept - needed > line:
            self._set_height(self._width, needed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_room()

    def fit(self, width: int) -> None:
        """The holder has a new width: the header fills it and fits its text again. A
        patient view dragged (nearly) shut keeps the height: the text would stand a few
        letters a line, as tall as many screens, where nobody can read it."""
        if width < NARROWEST_READABLE * self.fontMetrics().averageCharWidth():
            self._width = None
            self.setGeometry(0, 0, width, self.holder.height())
            return
        self._width = width
        self._set_height(width, self._needed(width))

    def _set_height(self, width: int, height: int) -> None:
        """The holder's height and the header's size, the header's at once: a holder
        being shown, or hidden, hears of its new height only later, or not at all."""
        if height != self.holder.maximumHeight():
            self.holder.setFixedHeight(height)
        self.setGeometry(0, 0, width, height)

    def _needed(self, width: int) -> int:
        """The height the shown text needs at ``width``, and never less than the room."""
        return max(self._room, self._text_height(self.text(), width))

    def _text_height(self, text: str, width: int) -> int:
        """The height ``text`` takes in the header at ``width``."""
        margins = self.contentsMargins()
        self._lay_out(max(1, width - margins.left() - margins.right()), text)
        return math.ceil(self._ruler.size().height()) + margins.top() + margins.bottom()

    def _lay_out(self, text_width: int, text: str | None = None) -> None:
        """A text (the shown one by default) laid out at ``text_width`` in ``_ruler``
        (once per text, width and font)."""
        wanted = (self.text() if text is None else text, text_width, self.font().key())
        if wanted != self._laid_out:
            self._ruler.setDefaultFont(self.font())
            self._ruler.setTextWidth(text_width)
            self._ruler.setHtml(wanted[0])
            self._laid_out = wanted

    def paintEvent(self, _event: QPaintEvent) -> None:
        """QLabel's painting (its colours, the text centred in its height), of the text
        as laid out to measure it: QLabel would lay the same text out once more."""
        painter = QPainter(self)
        painter.translate(self._text_origin())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette()
        if self.isEnabled():
            context.palette.setColor(QPalette.ColorRole.Text, self.palette().windowText().color())
        self._ruler.documentLayout().draw(painter, context)
        painter.end()

    def _text_origin(self) -> QPointF:
        """Where the laid-out text's top left is painted: centred in the header's height
        (rounded down, as QLabel does)."""
        area = self.contentsRect()
        self._lay_out(max(1, area.width()))
        centred = max(0.0, (area.height() - self._ruler.size().height()) / 2)
        return QPointF(area.left(), math.floor(area.top() + centred))

    def _link_at(self, position: QPointF) -> str:
        """The link drawn at a point of the header ("" if none)."""
        return str(self._ruler.documentLayout().anchorAt(position - self._text_origin()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._link_at(event.position()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        self._pressed_link = self._link_at(event.position()) if left else ""
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A link pressed and released on is followed (``linkActivated``), as in a label."""
        link, self._pressed_link = self._pressed_link, ""
        left = event.button() == Qt.MouseButton.LeftButton
        if link and left and self._link_at(event.position()) == link:
            self.linkActivated.emit(link)
        super().mouseReleaseEvent(event)

    def _keep_room(self) -> None:
        self._room = self._text_height(self.ROOM, 10_000)
        if self._width is None:
            self._set_height(self.width(), self._room)
        else:
            self._set_height(self._width, self._needed(self._width))


class _HeaderHolder(QWidget):
    """What the layout holds of the patient header (see ``PatientHeader``)."""

    def __init__(self, header: PatientHeader) -> None:
        super().__init__()
        self._header = header

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._header.fit(event.size().width())
        else:
            self._header.resize(event.size())
