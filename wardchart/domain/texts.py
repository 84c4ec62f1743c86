"""Marks messages written below the window for translation, without importing Qt.

Domain, storage and session messages reach people through the window, the printouts and
the command line, which translate them with ``wardchart.i18n.translate`` where they are
shown. ``QT_TRANSLATE_NOOP(context, source)`` is the name Qt's ``lupdate`` looks for, so
the marked English source is collected into the translation files (docs/translations.md).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Return ``source`` unchanged; marks it for translation in ``context``."""
    del context
    return source
