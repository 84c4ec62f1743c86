"""Marks messages written below the window for translation, without importing Qt.

Domain, storage and session messages reach people through the window, the printouts and
the command line, which translate them with ``wardchart.i18n.shown`` where they are shown.
``QT_TRANSLATE_NOOP(context, source)`` is the name Qt's ``lupdate`` looks for, so the
marked English source is collected into the translation files (docs/translations.md).

It returns a ``Text``: an ordinary ``str`` holding the English message (so every caller,
exception and test that treats it as text is unchanged) that also remembers its context,
its source and the values ``.format(...)`` filled in — what a translation needs.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """English text that remembers how to be translated."""

    context: str
    source: str
    values: dict[str, object]

    def __new__(cls, context: str, source: str, values: dict[str, object] | None = None) -> Text:
        filled = dict(values or {})
        made = super().__new__(cls, source.format(**filled) if filled else source)
        made.context, made.source, made.values = context, source, filled
        return made

    def format(self, *args: object, **values: Any) -> Text:
        """Fill the ``{name}`` fields (by name only), keeping what a translation needs."""
        if args:
            raise TypeError("a translatable message takes its values by name")
        return Text(self.context, self.source, {**self.values, **values})


class Number(str):
    """A number a domain formatter already wrote (its rounding done): shown with the
    language's decimal mark ("0.45" reads "0,45" in German), digits unchanged."""


class Moment(str):
    """A date, or a date and time, already written in ISO form ("2026-03-12 08:30"):
    shown in the language's date form."""


class Count(int):
    """A whole count people read with its thousands grouped: "1,234" in English, "1.234"
    in German (where "1,234" would read as a decimal)."""

    def __format__(self, spec: str) -> str:
        return format(int(self), spec or ",")


#: Every message marked so far, by its English source: what a text stored in English (a
#: held laboratory message's reason) is read back against to be shown translated. Messages
#: marked at import (module constants) are always here.
MARKED: dict[str, Text] = {}


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:
    """``source`` (English, with ``{name}`` fields) marked for translation in ``context``."""
    text = MARKED.get(source)
    if text is None or text.context != context:
        text = MARKED[source] = Text(context, source)
    return text
