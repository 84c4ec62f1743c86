"""Every coloured text and background of the window, worked out from the palette in use.

A light or a dark system theme both read: each colour starts from its hue (a red for an
alert, an amber for a warning) and is moved toward black or white until it reaches the
WCAG AA text contrast against the background it is actually drawn on (see
docs/colours.md). Colour only ever adds to words: nothing is said by colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from wardchart.domain.contrast import contrast_ratio, readable, relative_luminance

#: The hues, as they read on white.
ALERT_HUE = "#b00020"
WARNING_HUE = "#8a5300"
#: How much of the alert hue tints the background of a febrile-neutropenia census row.
ROW_TINT = 0.22
#: Grade colours add to the text, never replace it; drawn with black text.
GRADE_BACKGROUNDS = {1: "#fff4c2", 2: "#ffd89a", 3: "#ffb07a", 4: "#ff8a80"}
GRADE_TEXT = "#000000"


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def palette() -> QPalette:
    """The application's palette (what the widgets are drawn with)."""
    return QApplication.palette()


def window_background(p: QPalette | None = None) -> str:
    """The background of dialogs and labels."""
    return _hex((p or palette()).color(QPalette.ColorRole.Window))


def base_background(p: QPalette | None = None) -> str:
    """The background of tables and text boxes."""
    return _hex((p or palette()).color(QPalette.ColorRole.Base))


def is_dark(p: QPalette | None = None) -> bool:
    """Whether the palette draws light text on a dark window."""
    return relative_luminance(window_background(p)) < 0.18


def error_text(p: QPalette | None = None) -> str:
    """Error messages (a field's, the sign-in's) and the header's alerts, on the window."""
    return readable(ALERT_HUE, window_background(p))


def warning_text(p: QPalette | None = None) -> str:
    """ "Check:" warnings beside a field, on the window."""
    return readable(WARNING_HUE, window_background(p))


def alert_row_background(p: QPalette | None = None) -> str:
    """A febrile-neutropenia census row: the table's background tinted with the alert red."""
    base = QColor(base_background(p))
    hue = QColor(ALERT_HUE)
    tint = ROW_TINT * (1.6 if is_dark(p) else 1.0)
    mixed = QColor(
        round(base.red() + (hue.red() - base.red()) * tint),
        round(base.green() + (hue.green() - base.green()) * tint),
        round(base.blue() + (hue.blue() - base.blue()) * tint),
    )
    return _hex(mixed)


def alert_row_text(p: QPalette | None = None) -> str:
    """The text of a febrile-neutropenia census row, on its tinted background."""
    text = _hex((p or palette()).color(QPalette.ColorRole.Text))
    return readable(text, alert_row_background(p))


def text_pairs(p: QPalette | None = None) -> dict[str, tuple[str, str]]:
    """Every coloured (text, background) pair the window draws, by what it is for."""
    window = window_background(p)
    pairs = {
        "error text": (error_text(p), window),
        "warning text": (warning_text(p), window),
        "header alert": (error_text(p), window),
        "census FN row": (alert_row_text(p), alert_row_background(p)),
    }
    for grade, background in GRADE_BACKGROUNDS.items():
        pairs[f"census grade {grade}"] = (GRADE_TEXT, background)
    return pairs


def lowest_contrast(p: QPalette | None = None) -> float:
    """The lowest contrast ratio among ``text_pairs`` (for tests and self-checks)."""
    return min(contrast_ratio(a, b) for a, b in text_pairs(p).values())


def style(colour: str) -> str:
    """A style sheet giving a label's text a colour."""
    return f"color: {colour};"
