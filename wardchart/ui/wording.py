"""Text from below the window, as the window shows it in the language in use.

Domain values are stored and compared in English ("in window", "ready", "oral"); the
window translates them where it shows them, and gives numbers decimal commas and dates
the language's form (docs/translations.md). English text is shown exactly as it is.
"""

from __future__ import annotations

import re
from functools import cache

from wardchart import i18n
from wardchart.domain.texts import MARKED, QT_TRANSLATE_NOOP, Text

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
        # what became of a laboratory message (stored inside its reasons)
        QT_TRANSLATE_NOOP("Words", "charted"),
        QT_TRANSLATE_NOOP("Words", "held"),
        QT_TRANSLATE_NOOP("Words", "refused"),
        QT_TRANSLATE_NOOP("Words", "ignored"),
        QT_TRANSLATE_NOOP("Words", "attached"),
        QT_TRANSLATE_NOOP("Words", "dismissed"),
    )
}

#: A decimal number, not part of a dotted date (12.03.2026) or a version (v5.0).
_DECIMAL_POINT = re.compile(r"(?<![\d.v])(\d+)\.(\d+)(?![.\d])")


#: What ``html.escape`` replaces (quotes included), in its order: "&" first.
_MARKUP = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escaped(text: str) -> str:
    """``text`` made safe inside the window's rich text, exactly as ``html.escape`` does
    it, without the html module: its table of named characters is ~2 ms of every first
    chart (the patient's header is rich text)."""
    for character, entity in _MARKUP:
        text = text.replace(character, entity)
    return text


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


#: A ``{name}`` field in a marked message.
_FIELD = re.compile(r"\{(\w+)\}")
#: A value that is a plain decimal number ("0.45", "<0.5"): shown with the language's mark.
_NUMBER_VALUE = re.compile(r"[<>≤≥=+-]?[0-9]+(\.[0-9]+)?")
#: A value that is a date, or a date and time to the minute: shown in the language's form.
_DATE_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")
#: How deep a stored text is read back (a reason inside a reason inside a field).
_DEPTH = 3


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """A marked message's English as a pattern whose groups are its fields."""
    regex, seen = "", set()
    for index, part in enumerate(_FIELD.split(source)):
        if index % 2 == 0:
            regex += re.escape(part)
        elif part in seen:
            regex += f"(?P={part})"
        else:
            seen.add(part)
            regex += f"(?P<{part}>.+?)"
    return re.compile(regex, re.DOTALL)


def _templates() -> list[Text]:
    """The marked messages with fields, the most specific (most fixed words) first."""
    found = [t for t in MARKED.values() if _FIELD.search(t.source)]
    return sorted(found, key=lambda t: -len(_FIELD.sub("", t.source)))


def reread(text: str) -> str:
    """A message stored in English (a held laboratory message's reason, saved as text)
    in the language in use: read back against the marked messages, its values kept as
    they were written (numbers with the language's decimal mark). Parts that match no
    marked message stay as stored. English text is shown exactly as it is."""
    if english() or not text:
        return text
    return _reread(text, 0)


def _reread(text: str, depth: int) -> str:
    if isinstance(text, Text):
        return i18n.shown(text)
    known = WORDS.get(text) or MARKED.get(text)
    if known is not None:
        return i18n.shown(known)
    if _NUMBER_VALUE.fullmatch(text) or _DATE_VALUE.fullmatch(text):
        return i18n.date_text(i18n.number(text))
    if depth >= _DEPTH:
        return text
    for template in _templates():
        match = _pattern(template.source).fullmatch(text)
        if match is not None:
            values = {k: _reread(v, depth + 1) for k, v in match.groupdict().items()}
            return i18n.translate(template.context, template.source).format(**values)
    if "; " in text:
        return "; ".join(_reread(part, depth + 1) for part in text.split("; "))
    head, colon, rest = text.partition(": ")
    if colon:
        return head + colon + _reread(rest, depth + 1)
    return text
