"""The command line's language, chosen without Qt when it can be.

A command that does not print or draw never imports Qt, and importing the translations
(``wardchart.i18n``, which needs Qt's core library) would add about 0.1 s to every such
command. So on Linux the language is first chosen from the environment alone, as Qt
would choose it (``$WARDCHART_LANGUAGE``, then ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``): English, the source language, needs no translations and Qt is
not loaded; any other language wardchart has loads them. Elsewhere (Windows, macOS) the
display language is known only to Qt, which then decides (docs/translations.md).

``translate`` and ``shown`` here behave as those of ``wardchart.i18n`` once ``install``
has run, and give the English text unchanged before.
"""

from __future__ import annotations

import os
import sys

_installed = [False]


def environment_language(choice: str = "") -> str | None:
    """The language the environment and the machine file's ``choice`` ask for, read
    without Qt: a code wardchart has, or None when only Qt can tell (not Linux, or a
    language wardchart does not have before one it has, which Qt would skip)."""
    from wardchart.storage.machine_config import language_code

    wanted = language_code(os.environ.get("WARDCHART_LANGUAGE", ""))
    if wanted is not None:
        return wanted
    if language_code(choice) is not None:
        return language_code(choice)
    if os.environ.get("WARDCHART_LANGUAGE", "").strip() or sys.platform != "linux":
        return None  # an unknown $WARDCHART_LANGUAGE is logged by wardchart.i18n
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        for part in value.split(":"):
            code = language_code(part)
            if code is not None:
                return code
        return None
    return "en"


def install() -> str:
    """Load the command line's language, chosen as the window's is (the machine file's
    locked language or default, docs/translations.md) but without the window's own
    choice: without Qt when English is chosen from the environment and the machine file,
    else with ``wardchart.i18n.install``. Returns the language code."""
    from wardchart.storage.machine_config import chosen_language

    choice = chosen_language()
    if environment_language(choice) == "en" and "wardchart.i18n" not in sys.modules:
        return "en"
    from wardchart import i18n

    _installed[0] = True
    language = i18n.install(choice)
    unknown = i18n.unknown_environment_language()
    if unknown:
        from wardchart.logs import log_unknown_language

        log_unknown_language(unknown, language)
    return language


def german() -> bool:
    """Whether the command line runs in German, where a point may separate thousands: a
    number with a point before exactly three digits is then refused as ambiguous
    (``wardchart.domain.units.parse_decimal``, docs/translations.md)."""
    if not _installed[0]:
        return False
    from wardchart import i18n

    return i18n.language() == "de"


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the command line's language (see ``wardchart.i18n.translate``)."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.translate(context, source, disambiguation, n)
    return source.replace("%n", str(n)) if n >= 0 else source


def shown(message: object) -> str:
    """A message from below the command line, or an exception's, in its language, with
    its numbers and dates as the command line takes them (a point, ISO), so that what it
    suggests can be typed back in every language."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.shown(message, typed=True)
    return str(message)


def number(value: object) -> str:
    """A number as the command line prints it in every language: with a decimal point."""
    return str(value)


def date_text(value: object) -> str:
    """A date as the command line prints it in every language: ISO 8601."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def whole_number(count: int) -> str:
    """A count as people read it: "1,234" in English; "1234" in German, where "1.234"
    would read as a decimal on the command line."""
    return str(count) if german() else f"{count:,}"
