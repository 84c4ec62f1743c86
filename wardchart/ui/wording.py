"""Text from below the window, as the window shows it in the language in use.

Domain values are stored and compared in English ("in window", "ready", "oral"); the
window translates them where it shows them, and gives numbers decimal commas and dates
the language's form (docs/translations.md). English text is shown exactly as it is.
"""

from __future__ import annotations

import re

from wardchart import i18n
from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: Words the domain and storage use as values, shown translated.
WORDS: dict[str, str] = {
    text: text
    for text in (
        # where today falls against the expected nadir window
        QT_TRANSLATE_NOOP("Words", "before"),
        QT_TRANSLATE_NOOP("Words", "in window"),
        QT_TRANSLATE_NOOP("Words", "past"),
        # whether the next cycle may start
        QT_TRANSLATE_NOOP("Words", "ready"),
        QT_TRANSLATE_NOOP("Words", "not ready"),
        QT_TRANSLATE_NOOP("Words", "no count"),
        QT_TRANSLATE_NOOP("Words", "no platelet count"),
        QT_TRANSLATE_NOOP("Words", "not required"),
        # where an ANC came from; how a result arrived
        QT_TRANSLATE_NOOP("Words", "lab"),
        QT_TRANSLATE_NOOP("Words", "computed"),
        QT_TRANSLATE_NOOP("Words", "manual"),
        QT_TRANSLATE_NOOP("Words", "import"),
        # how a temperature was taken
        QT_TRANSLATE_NOOP("Words", "oral"),
        QT_TRANSLATE_NOOP("Words", "axillary"),
        QT_TRANSLATE_NOOP("Words", "tympanic"),
    )
}

#: A decimal number, not part of a dotted date (12.03.2026) or a version (v5.0).
_DECIMAL_POINT = re.compile(r"(?<![\d.v])(\d+)\.(\d+)(?![.\d])")


def english() -> bool:
    """Whether the window is in its source language (then nothing needs changing)."""
    return i18n.language() == i18n.SOURCE_LANGUAGE


def localised(text: str) -> str:
    """A text from below the window in the language in use: a marked message or known
    word translated, decimal commas in German ("0.45 · 3 h" → "0,45 · 3 h") and dates in
    the language's form (2026-03-12 → 12.03.2026)."""
    if english() or not text:
        return text
    shown = i18n.shown(WORDS.get(text, text))
    return i18n.date_text(_DECIMAL_POINT.sub(r"\1,\2", shown))


def number(text: str) -> str:
    """A count or measurement made by a domain formatter, with the language's decimal
    mark (any " P" or unit after it kept)."""
    return text if english() else _DECIMAL_POINT.sub(r"\1,\2", text)
