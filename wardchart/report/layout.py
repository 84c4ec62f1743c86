"""Laying text, tables and figures onto pages: header and footer on every page, tables that
continue on the next page with their header repeated and never split a row.

Everything is measured and painted at 96 dpi (the screen's logical resolution), which
keeps pyqtgraph's chart in vector form and its labels in place. Coordinates are pixels of 1/96 inch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPdfWriter, QPen

from wardchart.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


DPI = 96
BODY_PT = 8.5
SMALL_PT = 7.5
CELL_PAD = 3.0
FIGURE_TOP = 10.0  # clear of the header rule
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def font(points: float, bold: bool = False) -> QFont:
    """A font of the family the system gives for sans-serif (DejaVu Sans on Debian)."""
    f = QFont("DejaVu Sans")
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPointSizeF(points)
    f.setBold(bold)
    # No ligatures: "fi" must stay two letters, or a search for "file" misses the PDF text.
    f.setFeature(QFont.Tag("liga"), 0)
    return f


def text_height(text: str, width: float, f: QFont) -> float:
    """The height ``text`` takes wrapped to ``width``."""
    metrics = QFontMetricsF(f)
    return metrics.boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()


class Block:
    """Something laid out top to bottom; may split across pages."""

    def height(self, width: float) -> float:
        raise NotImplementedError

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        raise NotImplementedError


@dataclass
class Paragraph(Block):
    """Wrapped text."""

    text: str
    points: float = BODY_PT
    bold: bool = False
    colour: str = "#000000"
    space_after: float = 4.0

    def height(self, width: float) -> float:
        return text_height(self.text, width, font(self.points, self.bold)) + self.space_after

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        painter.setFont(font(self.points, self.bold))
        painter.setPen(QColor(self.colour))
        h = self.height(width) - self.space_after
        painter.drawText(QRectF(x, y, width, h), WRAP, self.text)


@dataclass
class Figure(Block):
    """A drawing of fixed aspect: ``draw(painter, rect)`` paints it into the rect."""

    draw: Callable[[QPainter, QRectF], None]
    aspect: float  # height / width
    space_after: float = 6.0
    keep: object = None  # what ``draw`` needs alive (the offscreen chart)

    def height(self, width: float) -> float:
        return FIGURE_TOP + width * self.aspect + self.space_after

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        self.draw(painter, QRectF(x, y + FIGURE_TOP, width, width * self.aspect))


@dataclass
class Table(Block):
    """A grid whose rows never split; ``widths`` are fractions of the page width."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    points: float = SMALL_PT
    space_after: float = 8.0
    title: str = ""
    row_heights: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.rows:
            self.rows = [
                [translate("Printout", "none recorded"), *([""] * (len(self.headers) - 1))]
            ]

    def _columns(self, width: float) -> list[float]:
        total = sum(self.widths)
        return [width * w / total for w in self.widths]

    def row_height(self, cells: Sequence[str], width: float, bold: bool = False) -> float:
        """The height of one row: its tallest wrapped cell."""
        f = font(self.points, bold)
        return (
            max(
                text_height(c or " ", w - 2 * CELL_PAD, f)
                for c, w in zip(cells, self._columns(width), strict=True)
            )
            + 2 * CELL_PAD
        )

    def title_height(self, width: float) -> float:
        """Height of the title line above the table (0 without a title)."""
        return text_height(self.title, width, font(BODY_PT, True)) + 3 if self.title else 0.0

    def paint_row(
        self,
        painter: QPainter,
        cells: Sequence[str],
        x: float,
        y: float,
        width: float,
        *,
        header: bool = False,
    ) -> float:
        """Paint one row (cell borders included); return its height."""
        h = self.row_height(cells, width, header)
        painter.setFont(font(self.points, header))
        cx = x
        for cell, w in zip(cells, self._columns(width), strict=True):
            rect = QRectF(cx, y, w, h)
            if header:
                painter.fillRect(rect, QColor("#e6e6e6"))
            painter.setPen(QPen(QColor("#7a7a7a"), 0.6))
            painter.drawRect(rect)
            painter.setPen(QColor("#000000"))
            painter.drawText(rect.adjusted(CELL_PAD, CELL_PAD, -CELL_PAD, -CELL_PAD), WRAP, cell)
            cx += w
        return h


@dataclass
class PageBreak(Block):
    """Start a new page."""

    def height(self, _width: float) -> float:
        return 0.0

    def paint(self, _painter: QPainter, _x: float, _y: float, _width: float) -> None:
        return None


@dataclass(frozen=True)
class PageFrame:
    """What is on every page: header lines above the body, footer lines below it.

    The footer's lines may contain "{page}" and "{pages}" ("page x of y"). Each footer
    line is one printed line, never wrapped: a line too long for the page loses characters
    at its end (put what may be shortened, such as a file name, last).
    """

    header: Sequence[str]
    footer: Sequence[str]
    title: str = ""

    def _lines(self) -> list[tuple[str, QFont]]:
        lines = [(self.title, font(11, True))] if self.title else []
        return lines + [(line, font(BODY_PT, i == 0)) for i, line in enumerate(self.header)]

    def header_height(self, width: float) -> float:
        """Height of the header block including its rule."""
        return sum(text_height(t, width, f) for t, f in self._lines()) + 6

    def footer_height(self) -> float:
        """Height of the footer block including its rule."""
        return len(self.footer) * QFontMetricsF(font(SMALL_PT)).height() + 6

    def paint(self, painter: QPainter, width: float, height: float, page: int, pages: int) -> None:
        """Paint header and footer of one page."""
        y = 0.0
        for text, f in self._lines():
            h = text_height(text, width, f)
            painter.setFont(f)
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(0, y, width, h), WRAP, text)
            y += h
        painter.setPen(QPen(QColor("#000000"), 0.8))
        painter.drawLine(0, int(y + 3), int(width), int(y + 3))
        fy = height - self.footer_height() + 6
        painter.drawLine(0, int(fy - 3), int(width), int(fy - 3))
        small = font(SMALL_PT)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        h = metrics.height()
        for text in self.footer:
            line = text.replace("{page}", str(page)).replace("{pages}", str(pages))
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            painter.drawText(QRectF(0, fy, width, h), flags, line)
            fy += h


@dataclass
class _Placed:
    block: Block
    y: float
    rows: tuple[int, int] = (0, 0)  # for tables: the slice of rows on this page
    with_title: bool = True


def paginate(blocks: Sequence[Block], width: float, body_height: float) -> list[list[_Placed]]:
    """Flow blocks onto pages; tables split between rows, repeating their header."""
    pages: list[list[_Placed]] = [[]]
    y = 0.0

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = 0.0

    for block in blocks:
        if isinstance(block, PageBreak):
            if pages[-1]:
                new_page()
            continue
        if not isinstance(block, Table):
            h = block.height(width)
            if y + h > body_height and pages[-1]:
                new_page()
            pages[-1].append(_Placed(block, y))
            y += h
            continue
        header_h = block.row_height(block.headers, width, bold=True)
        start, first = 0, True
        while True:
            top = block.title_height(width)
            if (
                y
                + top
                + header_h
                + (block.row_height(block.rows[start], width) if block.rows else 0)
                > body_height
                and pages[-1]
            ):
                new_page()
                continue
            used = top + header_h
            end = start
            while end < len(block.rows):
                rh = block.row_height(block.rows[end], width)
                if y + used + rh > body_height and end > start:
                    break
                used += rh
                end += 1
            pages[-1].append(_Placed(block, y, (start, end), first))
            y += used + (block.space_after if end >= len(block.rows) else 0)
            if end >= len(block.rows):
                break
            start, first = end, False
            new_page()
    return pages


def render(device: QPdfWriter | QPrinter, blocks: Sequence[Block], frame: PageFrame) -> int:
    """Paint the document onto a printer or PDF writer; return the number of pages."""
    device.setResolution(DPI)
    page = device.pageLayout().paintRectPixels(DPI)
    width, height = float(page.width()), float(page.height())
    header_h, footer_h = frame.header_height(width), frame.footer_height()
    body_top, body_height = header_h + 6, height - header_h - footer_h - 12
    pages = paginate(blocks, width, body_height)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for painting")
    try:
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            frame.paint(painter, width, height, number, len(pages))
            for item in placed:
                _paint(painter, item, body_top, width)
    finally:
        painter.end()
    return len(pages)


def _paint(painter: QPainter, item: _Placed, top: float, width: float) -> None:
    y = top + item.y
    block = item.block
    if not isinstance(block, Table):
        block.paint(painter, 0, y, width)
        return
    if block.title:
        title = (
            block.title
            if item.with_title
            else translate("Printout", "{title} (continued)").format(title=block.title)
        )
        Paragraph(title, BODY_PT, True, space_after=0).paint(painter, 0, y, width)
        y += block.title_height(width)
    y += block.paint_row(painter, block.headers, 0, y, width, header=True)
    for row in block.rows[item.rows[0] : item.rows[1]]:
        y += block.paint_row(painter, row, 0, y, width)
