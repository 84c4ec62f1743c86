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

#: The languages wardchart has (as wardchart.i18n.LANGUAGES), by code.
_HAVE = ("en", "de")
_installed = [False]


def _code(value: str) -> str:
    return value.strip().lower().replace("_", "-").split("-")[0].split(".")[0]


def environment_language() -> str | None:
    """The language the environment asks for, read without Qt: a code wardchart has,
    or None when only Qt can tell (not Linux, or a language wardchart does not have
    before one it has, which Qt would skip)."""
    wanted = _code(os.environ.get("WARDCHART_LANGUAGE", ""))
    if wanted in _HAVE:
        return wanted
    if sys.platform != "linux":
        return None
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        for part in value.split(":"):
            code = _code(part)
            if code in ("c", "posix"):
                return "en"
            if code in _HAVE:
                return code
        return None
    return "en"


def install() -> str:
    """Load the command line's language: without Qt when English is chosen from the
    environment, else with ``wardchart.i18n.install``. Returns the language code."""
    if environment_language() == "en" and "wardchart.i18n" not in sys.modules:
        return "en"
    from wardchart import i18n

    _installed[0] = True
    return i18n.install()


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the command line's language (see ``wardchart.i18n.translate``)."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.translate(context, source, disambiguation, n)
    return source.replace("%n", str(n)) if n >= 0 else source


def shown(message: object) -> str:
    """A message from below the command line, or an exception's, in its language."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.shown(message)
    return str(message)


def number(value: object) -> str:
    """A number with the language's decimal mark (files and --json keep ".")."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.number(value)  # type: ignore[arg-type]
    return str(value)


def date_text(value: object) -> str:
    """A date as people read it in the command line's language."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.date_text(value)  # type: ignore[arg-type]
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def whole_number(count: int) -> str:
    """A count as people read it: "1,234" in English, "1.234" in German."""
    if _installed[0]:
        from wardchart import i18n

        return i18n.locale().toString(count)
    return f"{count:,}"
