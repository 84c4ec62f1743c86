"""The machine-wide configuration file through which IT sets up a shared workstation.

One TOML file for every OS user of a computer (see docs/deployment.md):
``/etc/wardchart/wardchart.toml`` on Linux and macOS, ``%PROGRAMDATA%\\wardchart\\wardchart.toml``
on Windows, or the file named by ``$WARDCHART_MACHINE_CONFIG`` (an empty value: none).
It may give the chart file, whether the chart's folder is shared by a group of OS users,
the ward hub, the ward settings ``ward_name``, ``ctcae_version`` and ``fn_rule``, and the
``language`` of the window (docs/translations.md).
A value is this computer's default; a key named in ``lock`` (or every key, with
``lock = true``) is fixed, and a user's choice cannot override it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.errors import ChartFileError

if TYPE_CHECKING:  # the settings' rules load only when a machine file names a setting
    from wardchart.domain.settings import WardSettings

ENV_MACHINE_CONFIG = "WARDCHART_MACHINE_CONFIG"
#: Ward settings the machine file may fix (those that change clinical output or headers).
WARD_KEYS = ("ward_name", "ctcae_version", "fn_rule")
#: The languages the window may be fixed to (those wardchart ships: wardchart/i18n.py).
LANGUAGES = ("en", "de")
KEYS = ("chart", "shared", "hub", *WARD_KEYS, "language", "lock")
LOCKABLE = ("chart", "hub", *WARD_KEYS, "language")


class MachineConfigError(ChartFileError):
    """The machine file is unreadable or wrong, or a choice goes against what it locks."""


@dataclass(frozen=True)
class MachineConfig:
    """What the machine file says (everything empty when there is none)."""

    path: Path | None = None
    chart: Path | None = None
    #: The chart's folder belongs to a group of OS users: files are group read/write.
    shared: bool = False
    hub: str | None = None
    #: Ward settings as text, validated.
    ward: dict[str, str] = field(default_factory=dict)
    #: The window's language for every user of this computer ("en", "de"); None: theirs.
    language: str | None = None
    locked: frozenset[str] = frozenset()

    def locks(self, key: str) -> bool:
        """Whether ``key`` is fixed by the machine file."""
        return key in self.locked

    def with_ward_settings(self, settings: WardSettings, *, locked: bool) -> WardSettings:
        """``settings`` with the machine file's locked (or unlocked) ward settings applied."""
        from wardchart.domain.settings import apply_setting

        for key, value in self.ward.items():
            if self.locks(key) == locked:
                settings = apply_setting(settings, key, value)
        return settings


def machine_config_path() -> Path | None:
    """Where this computer's machine file is (it need not exist); None: none is used."""
    if ENV_MACHINE_CONFIG in os.environ:
        named = os.environ[ENV_MACHINE_CONFIG].strip()
        return Path(named) if named else None
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(base) / "wardchart" / "wardchart.toml"
    return Path("/etc/wardchart/wardchart.toml")


def parse_machine_config(text: str, path: Path) -> MachineConfig:
    """Read the machine file's text; raise MachineConfigError naming the file and the key."""
    # Here, not at the top: most computers have no machine file, and every start asks.
    import tomllib

    from wardchart.domain.problems import InvalidEntry
    from wardchart.domain.settings import WardSettings, apply_setting

    def bad(key: str, why: str) -> MachineConfigError:
        # ``why``: a marked reason, or a domain message (each translated where shown).
        return MachineConfigError(
            QT_TRANSLATE_NOOP(
                "MachineFile", "machine configuration {path}: {key}: {reason}"
            ).format(path=path, key=key, reason=why)
        )

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MachineConfigError(
            QT_TRANSLATE_NOOP(
                "MachineFile", "machine configuration {path}: not valid TOML ({error})"
            ).format(path=path, error=error)
        ) from None
    for key in data:
        if key not in KEYS:
            raise bad(
                key,
                QT_TRANSLATE_NOOP("MachineFile", "unknown key; known: {keys}").format(
                    keys=", ".join(KEYS)
                ),
            )
    chart = data.get("chart")
    if chart is not None:
        if not isinstance(chart, str) or not chart.strip():
            raise bad(
                "chart",
                QT_TRANSLATE_NOOP("MachineFile", "give the chart file's full path as a string"),
            )
        chart_path = Path(chart.strip()).expanduser()
        if not chart_path.is_absolute():
            raise bad(
                "chart",
                QT_TRANSLATE_NOOP("MachineFile", "{path} is not a full path").format(
                    path=repr(chart)
                ),
            )
    shared = data.get("shared", False)
    if not isinstance(shared, bool):
        raise bad(
            "shared",
            QT_TRANSLATE_NOOP("MachineFile", "give true or false"),
        )
    if shared and chart is None:
        raise bad(
            "shared",
            QT_TRANSLATE_NOOP(
                "MachineFile", "a shared chart folder needs chart = the chart file's path"
            ),
        )
    hub = data.get("hub")
    if hub is not None and not isinstance(hub, str):
        raise bad(
            "hub",
            QT_TRANSLATE_NOOP(
                "MachineFile",
                "give the hub's address as a string: postgresql://HOST/DATABASE or service=NAME",
            ),
        )
    ward: dict[str, str] = {}
    if hub is not None:  # the ward setting ``hub`` for every user of this computer
        try:
            apply_setting(WardSettings(), "hub", hub)
        except InvalidEntry as error:
            raise bad(
                "hub",
                error.first.message,
            ) from None
        ward["hub"] = hub
    for key in WARD_KEYS:
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, str):
            raise bad(key, QT_TRANSLATE_NOOP("MachineFile", "give the value as a quoted string"))
        try:
            apply_setting(WardSettings(), key, value)
        except InvalidEntry as error:
            raise bad(key, error.first.message) from None
        ward[key] = value
    language = _language(data, bad)
    locked = _locked(data, bad)
    return MachineConfig(
        path=path,
        chart=None if chart is None else chart_path,
        shared=shared,
        hub=hub,
        ward=ward,
        language=language,
        locked=locked,
    )


def _language(data: dict[str, object], bad: Callable[[str, str], MachineConfigError]) -> str | None:
    """The window's language the machine file gives for this computer (None: none)."""
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        raise bad("language", f"give one of {', '.join(LANGUAGES)}")
    return language if isinstance(language, str) else None


def _locked(
    data: dict[str, object], bad: Callable[[str, str], MachineConfigError]
) -> frozenset[str]:
    """The keys the machine file locks: ``lock = true`` (every key it gives) or a list."""
    given = {k for k in LOCKABLE if k in data}
    lock = data.get("lock", [])
    if lock is True:
        return frozenset(given)
    if lock is False:
        return frozenset()
    if isinstance(lock, list) and all(isinstance(k, str) for k in lock):
        for key in lock:
            if key not in LOCKABLE:
                raise bad(
                    "lock",
                    QT_TRANSLATE_NOOP(
                        "MachineFile", "{key} cannot be locked; lockable: {keys}"
                    ).format(key=repr(key), keys=", ".join(LOCKABLE)),
                )
            if key not in given:
                raise bad(
                    "lock",
                    QT_TRANSLATE_NOOP(
                        "MachineFile", "{key} is locked but not given a value in the file"
                    ).format(key=repr(key)),
                )
        return frozenset(lock)
    raise bad(
        "lock",
        QT_TRANSLATE_NOOP(
            "MachineFile", 'give true, or a list of keys such as ["chart", "fn_rule"]'
        ),
    )


def load_machine_config() -> MachineConfig:
    """This computer's machine file, read (an empty MachineConfig when there is none)."""
    path = machine_config_path()
    if path is None:
        return MachineConfig()
    try:
        found = path.stat()
    except FileNotFoundError:
        return MachineConfig()
    except OSError as error:
        raise MachineConfigError(
            QT_TRANSLATE_NOOP(
                "MachineFile", "machine configuration {path}: cannot be read: {strerror}"
            ).format(path=path, strerror=error.strerror)
        ) from None
    return _load(str(path), found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> MachineConfig:
    """Read and parse once per version of the file (it is consulted on every settings read)."""
    del mtime_ns, size  # the cache key only
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise MachineConfigError(
            QT_TRANSLATE_NOOP(
                "MachineFile", "machine configuration {path}: cannot be read: {why}"
            ).format(path=path, why=why)
        ) from None
    return parse_machine_config(text, Path(path))


def refuse_locked_setting(key: str) -> None:
    """Refuse changing a ward setting the machine file locks (one line naming the file)."""
    machine = load_machine_config()
    if machine.locks(key):
        raise MachineConfigError(
            QT_TRANSLATE_NOOP(
                "MachineFile",
                "{key}: is fixed for this computer by {path} ({key} = {value}); "
                "ask IT to change it there; nothing was saved",
            ).format(key=key, path=machine.path, value=repr(machine.ward[key]))
        )


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same chart file (links and ``..`` resolved)."""
    return os.path.realpath(a) == os.path.realpath(b)


def locked_chart_refusal(chosen: Path, via: str) -> MachineConfigError | None:
    """The refusal of a chart file chosen by ``via`` (--db, $WARDCHART_DB) other than the
    one the machine file locks; None when the choice is allowed."""
    machine = load_machine_config()
    if machine.chart is None or not machine.locks("chart") or same_file(chosen, machine.chart):
        return None
    return MachineConfigError(
        f"{via}: the chart file of this computer is fixed by {machine.path} "
        f"(chart = {str(machine.chart)!r}); {chosen} was not opened"
    )


def group_shared() -> bool:
    """Whether the chart's folder is shared by a group of OS users (group read/write files)."""
    try:
        return load_machine_config().shared
    except MachineConfigError:
        return False


def share_with_group(path: Path) -> None:
    """Make a chart file or backup wardchart just created group read/write, where the
    machine file shares the chart's folder (SQLite creates files 0644 less the umask, so
    the umask alone leaves them read-only to the group). SQLite gives the chart's -wal and
    -shm files the chart's own permissions."""
    if os.name == "posix" and group_shared():
        with contextlib.suppress(OSError):
            os.chmod(path, 0o660)


def language_code(wanted: str) -> str | None:
    """A language wardchart has, from a setting or a locale name: "de", "DE",
    "de_DE.UTF-8" → "de"; "C" and "POSIX" (the plain system locale) → "en"; None for
    nothing given or a language wardchart does not have (docs/translations.md)."""
    code = wanted.strip().lower().replace("_", "-").split("-")[0].split(".")[0].split("@")[0]
    if code in ("c", "posix"):
        return "en"
    return code if code in LANGUAGES else None


def chosen_language(user_choice: str = "") -> str:
    """The language the machine file and ``user_choice`` give, before
    ``$WARDCHART_LANGUAGE`` and the system's: the machine file's if it locks one, else the
    user's choice (the window's View → Language), else the machine file's default, else
    "" (the system's). The window and the command line both choose with this (the command
    line has no user choice); a machine file that cannot be read gives nothing here, its
    start-up refusal says why."""
    try:
        machine = load_machine_config()
    except MachineConfigError:
        machine = MachineConfig()
    if machine.language and machine.locks("language"):
        return machine.language
    return language_code(user_choice) or machine.language or ""


def language_locked() -> str | None:
    """The machine file that locks this computer's language (its path), or None."""
    try:
        machine = load_machine_config()
    except MachineConfigError:
        return None
    return str(machine.path) if machine.language and machine.locks("language") else None
