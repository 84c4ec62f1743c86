"""Where the chart file and settings live.

The chart file: --db, else $WARDCHART_DB, else the data folder. The data folder is the
platform's user data folder (no version in its path, so an upgrade finds the same chart),
or — on a portable install, marked by a file ``wardchart-portable`` beside the program —
a ``data/`` folder beside the program, so a clinic laptop carries its chart with it.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from wardchart.domain.texts import QT_TRANSLATE_NOOP

CHART_FILE_NAME = "wardchart.sqlite"
ENV_DB = "WARDCHART_DB"
PORTABLE_MARKER = "wardchart-portable"


def program_folder() -> Path:
    """The folder holding the program (the frozen executable, or the launching script)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent


def portable_data_folder() -> Path | None:
    """``data/`` beside the program when the portable marker file is there."""
    folder = program_folder()
    return folder / "data" if (folder / PORTABLE_MARKER).is_file() else None


def data_folder() -> Path:
    """Where the chart, its backups and the window's settings live by default."""
    portable = portable_data_folder()
    if portable is not None:
        return portable
    from platformdirs import user_data_path

    return user_data_path("wardchart", appauthor=False)


def default_chart_path() -> Path:
    """The default chart file: the machine file's ``chart`` (every OS user of a shared
    workstation charts in one file, see docs/deployment.md), else the data folder's, e.g.
    ~/.local/share/wardchart/wardchart.sqlite."""
    from wardchart.storage.machine_config import load_machine_config

    machine = load_machine_config().chart
    return machine if machine is not None else data_folder() / CHART_FILE_NAME


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a chart file ("is a named pipe"), None if it can (a regular
    file, or nothing yet). Checked before anything opens it: reading a named pipe or a
    device would wait for ever or read garbage. A network filesystem is refused too."""
    from wardchart.storage.filesystems import network_problem

    remote = network_problem(path)
    if remote is not None:
        return remote
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return QT_TRANSLATE_NOOP("Paths", "cannot be used: {strerror}").format(
            strerror=error.strerror
        )
    if stat.S_ISREG(mode):
        return None
    #: What a chart file's path is instead, after the path: "/tmp is a folder, …".
    if stat.S_ISDIR(mode):
        return QT_TRANSLATE_NOOP("Paths", "is a folder, not a chart file")
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("Paths", "is a named pipe, not a chart file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("Paths", "is a device, not a chart file")
    return QT_TRANSLATE_NOOP("Paths", "is not a regular file")


def chart_path(option: str | None) -> Path:
    """The chart file to use: the --db option, the environment, or the default. Raises
    MachineConfigError when the machine file locks the chart file and another is chosen."""
    from wardchart.storage.machine_config import locked_chart_refusal

    from_env = os.environ.get(ENV_DB, "").strip()
    for chosen, via in ((option, "--db"), (from_env or None, f"${ENV_DB}")):
        if chosen is not None:
            refusal = locked_chart_refusal(Path(chosen).expanduser(), via)
            if refusal is not None:
                raise refusal
            return Path(chosen).expanduser()
    return default_chart_path()


#: The file name endings that make a lone word on the command line a chart file to open.
CHART_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def is_chart_argument(word: str) -> bool:
    """Whether a lone word after ``wardchart`` is a chart file to open in the window (the
    desktop entry's ``wardchart %f`` passes one) rather than a command: it names a path
    (a folder separator in it, as a file manager always passes) or ends like a chart
    file. A command's name never does either."""
    if word.startswith("-"):
        return False
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(s in word for s in separators) or word.lower().endswith(CHART_SUFFIXES)
