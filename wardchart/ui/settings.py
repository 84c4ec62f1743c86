"""Every QSettings key the window uses, with its default, declared once.

These are per-computer view preferences only; clinical settings live in the chart file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Key:
    """A settings key and its default."""

    name: str
    default: Any


WINDOW_GEOMETRY = Key("window/geometry", QByteArray())
WINDOW_STATE = Key("window/state", QByteArray())
MAIN_SPLITTER = Key("window/main_splitter", QByteArray())
PATIENT_SPLITTER = Key("window/patient_splitter", QByteArray())
CYCLE_VIEW = Key("chart/cycle_view", "current")  # "current" | "overlay" | a cycle number
X_AXIS = Key("chart/x_axis", "cycle_day")  # "cycle_day" | "calendar"
EXPORT_FOLDER = Key("files/export_folder", "")  # the folder a PDF was last saved in
LANGUAGE = Key("view/language", "")  # "en", "de"; "": the system's (docs/translations.md)

ALL_KEYS = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    PATIENT_SPLITTER,
    CYCLE_VIEW,
    X_AXIS,
    EXPORT_FOLDER,
    LANGUAGE,
)


def load(key: Key) -> Any:
    """Read a key, falling back to its default."""
    value = QSettings().value(key.name, key.default)
    return key.default if value is None else value


def store(key: Key, value: Any) -> None:
    """Write a key."""
    QSettings().setValue(key.name, value)


def language_fixed_by() -> str | None:
    """The machine file that fixes this computer's language for every user (its path),
    or None when each user chooses (an unreadable machine file fixes nothing here: the
    start-up reports it)."""
    from wardchart.storage.machine_config import language_locked

    return language_locked()


def chosen_language() -> str:
    """The language this user reads wardchart in, before ``$WARDCHART_LANGUAGE``: the
    machine file's if it locks one, else the user's choice (View → Language, any case),
    else the machine file's default, else "" (the system's). The command line chooses
    with the same function, without a user's choice. See docs/translations.md."""
    from wardchart.storage.machine_config import chosen_language as machine_and_user

    return machine_and_user(str(load(LANGUAGE) or ""))
