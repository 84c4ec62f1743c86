"""The language people read wardchart in: translations and the locale's dates and numbers.

One place decides the language (``install``) and every user-visible string goes through
``translate(context, source)`` — a name Qt's ``lupdate`` recognises, so
``make translations`` finds every string (docs/translations.md). Strings written below
this layer (domain and storage messages, which may not import Qt) are marked with
``wardchart.domain.texts.QT_TRANSLATE_NOOP`` and translated where they are shown.

Files and machine output stay ISO 8601 with a ``.`` decimal point in every language; the
window and the printouts show dates and numbers in the language's own form. English
keeps wardchart's unambiguous ISO dates (2026-03-12), since "03/12" reads as two
different days on two English-speaking wards.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wardchart.domain.texts import Count, Moment, Number, Text

if TYPE_CHECKING:  # decimal loads after the window's first paint
    from decimal import Decimal

#: Overrides the language for one run (and the test suite pins it to English).
ENV_LANGUAGE = "WARDCHART_LANGUAGE"
#: The languages wardchart ships, by code; English is the source language.
LANGUAGES = {"en": "English", "de": "Deutsch"}
SOURCE_LANGUAGE = "en"
QM_FOLDER = Path(__file__).resolve().parent / "resources" / "i18n"

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "translators": ()}


def choose(choice: str | None = None) -> str:
    """The language to use: ``$WARDCHART_LANGUAGE``, else ``choice`` (a setting), else the
    first of the system's languages that wardchart has, else English. ``C`` and ``POSIX``
    mean English; a language wardchart does not have in ``$WARDCHART_LANGUAGE`` is passed
    over (``unknown_environment_language`` names it, for the log)."""
    wanted = os.environ.get(ENV_LANGUAGE, "")
    code = language_code(wanted)
    _state["unknown"] = wanted.strip() if wanted.strip() and code is None else ""
    if code is None:
        code = language_code(choice or "")
    if code is not None:
        return code
    for ui_language in QLocale.system().uiLanguages():
        code = ui_language.lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def language_code(wanted: str) -> str | None:
    """A language wardchart has, from a setting or a locale name: "de", "DE",
    "de_DE.UTF-8" → "de"; "C" and "POSIX" (the plain system locale) → "en"; None for
    nothing given or a language wardchart does not have. (The same rule as
    ``wardchart.storage.machine_config.language_code``, which the command line uses
    without Qt; this module may not read the storage layer.)"""
    code = wanted.strip().lower().replace("_", "-").split("-")[0].split(".")[0].split("@")[0]
    if code in ("c", "posix"):
        return SOURCE_LANGUAGE
    return code if code in LANGUAGES else None


def unknown_environment_language() -> str:
    """What ``$WARDCHART_LANGUAGE`` asked for when wardchart does not have it ("fr"),
    at the last ``install``; "" when it was a language wardchart has, or not set."""
    return str(_state.get("unknown", ""))


def environment_decides() -> bool:
    """Whether ``$WARDCHART_LANGUAGE`` chose the language in use (over every setting)."""
    return language_code(os.environ.get(ENV_LANGUAGE, "")) is not None


def install(choice: str | None = None) -> str:
    """Load the chosen language's translations (ours and Qt's own, for its standard
    buttons and file dialogs), also into the running application if there is one.
    Returns the language code in use. Safe to call again."""
    language = choose(choice)
    app = QCoreApplication.instance()
    for old in _translators():
        if app is not None:
            QCoreApplication.removeTranslator(old)
    loaded: list[QTranslator] = []
    candidates = [(QM_FOLDER, f"wardchart_{language}")]
    if language != SOURCE_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates.append((Path(qt_folder), f"qtbase_{language}"))
    for folder, name in candidates:
        translator = QTranslator()
        if translator.load(name, str(folder)):
            loaded.append(translator)
            if app is not None:
                QCoreApplication.installTranslator(translator)
    _state["language"] = language
    _state["translators"] = tuple(loaded)
    return language


def install_into(app: QCoreApplication) -> None:
    """Give an application created after ``install`` the translators already loaded."""
    for translator in _translators():
        app.installTranslator(translator)


def _translators() -> tuple[QTranslator, ...]:
    translators = _state["translators"]
    assert isinstance(translators, tuple)
    return translators


def language() -> str:
    """The language code in use ("en", "de")."""
    return str(_state["language"])


def locale() -> QLocale:
    """The locale whose forms the window and printouts show."""
    return QLocale(QLocale.Language.German if language() == "de" else QLocale.Language.English)


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the language in use; ``%n`` becomes ``n`` (and picks the plural form).

    Works without a Qt application (the command line has none), so it asks the loaded
    translators itself rather than ``QCoreApplication.translate``.
    """
    text = ""
    for translator in _translators():
        text = translator.translate(context, source, disambiguation, n) or ""
        if text:
            break
    text = text or source
    return text.replace("%n", number(n)) if n >= 0 else text


def number(value: Decimal | int | str) -> str:
    """A number as people read it in the language in use: "0.45" → "0,45" in German.

    Takes the text a domain formatter made (so rounding rules stay in one place) or a
    Decimal or int; only the decimal mark changes, digits never do.
    """
    text = str(value)
    if language() == "de":
        return text.replace(".", ",")
    return text


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_text(value: date | str) -> str:
    """A calendar date: ISO in English (2026-03-12), 12.03.2026 in German. Always a
    four-digit year: a date of birth must never read as two centuries."""
    text = value.isoformat() if isinstance(value, date) else value
    if language() == "de":
        return _ISO_DATE.sub(r"\3.\2.\1", text)
    return text


def clinical_time(value: datetime, tz: tzinfo | None = None) -> str:
    """A clinical time to the minute, local: "2026-03-12 08:30" / "12.03.2026 08:30"."""
    from wardchart.domain.display import time_text  # not before the window's first paint

    return date_text(time_text(value, tz))


def shown(message: object, *, typed: bool = False) -> str:
    """A message from below the window in the language in use.

    A ``Text`` (marked with ``QT_TRANSLATE_NOOP`` in domain, storage or session) is
    translated and its values shown in the language's form; other text is shown as it is.
    An exception shows its message. ``typed``: values as they are typed on the command
    line in every language — a decimal point and ISO dates — so that what a message
    suggests can be typed back (docs/translations.md); only the words are translated.
    """
    if isinstance(message, BaseException):
        first = message.args[0] if len(message.args) == 1 else None
        return shown(first, typed=typed) if isinstance(first, Text) else str(message)
    if not isinstance(message, Text):
        return str(message)
    values = {name: _value(value, typed) for name, value in message.values.items()}
    return translate(message.context, message.source).format(**values)


def _value(value: object, typed: bool) -> str:
    from decimal import Decimal

    if isinstance(value, Text):
        return shown(value, typed=typed)
    if typed:
        return _typed_value(value)
    if isinstance(value, Count):
        return locale().toString(int(value))
    if isinstance(value, datetime):
        return clinical_time(value)
    if isinstance(value, Number | Decimal | int) and not isinstance(value, bool):
        return number(value)
    if isinstance(value, Moment | date):
        return date_text(value)
    return str(value)


def _typed_value(value: object) -> str:
    """A value as the command line takes it: "0.45", "2026-03-12", "2026-03-12 08:30"."""
    if isinstance(value, datetime):
        from wardchart.domain.display import time_text

        return time_text(value, None)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
