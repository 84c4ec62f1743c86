"""The program's log, for IT: what ran, and what went wrong, never patient data.

``wardchart.log`` (rotated: five older files of one MiB each are kept) in the log folder —
the platform's user log folder (``~/.local/state/wardchart/log`` on Linux,
``%LOCALAPPDATA%\\wardchart\\Logs`` on Windows), or ``data/logs`` beside the program on a
portable install — with a line per start, per failure and per exit: time, version, level.
A native crash (in Qt or SQLite) is written by ``faulthandler`` to ``crash.log`` there.

The window's start writes its line once the window is on screen: the rotating file's
handler (``logging.handlers``, with the socket, pickle and queue modules it imports) is
not loaded before the first paint, while ``crash.log`` is opened at once (cheap). A
failure before then writes the start line first, with the time the start happened.

What is never written: a patient's name, MRN, dates or values. Errors are logged with
their kind and where in the program they happened; the text of an error is kept only
for errors the system or SQLite words (files, disks, locks), since other messages may
quote what a nurse typed (see docs/deployment.md).
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from wardchart import __version__

LOG_FILE = "wardchart.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1024 * 1024
BACKUPS_KEPT = 5
LOGGER = "wardchart"

_crash_file: IO[str] | None = None
#: A start not logged yet (the window's): what started, and when (``time.time()``).
_pending_start: list[tuple[str, float]] = []


def log_folder() -> Path:
    """Where the logs are: ``data/logs`` on a portable install, else the user log folder."""
    from wardchart.paths import portable_data_folder

    portable = portable_data_folder()
    if portable is not None:
        return portable / "logs"
    from platformdirs import user_log_path

    return user_log_path("wardchart", appauthor=False)


def log_path() -> Path:
    """The current log file."""
    return log_folder() / LOG_FILE


def _quiet_handler(path: Path) -> logging.Handler:
    """The rotating file's handler. A log that cannot be written (a full disk) is skipped:
    it never adds lines to what a command prints, nor stops the program."""
    from logging.handlers import RotatingFileHandler

    class QuietHandler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            del record

    return QuietHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS_KEPT, encoding="utf-8")


def enable_crash_log() -> None:
    """Send native crashes to ``crash.log`` (once); a folder that cannot be written leaves
    the program running without it."""
    global _crash_file
    if _crash_file is not None:
        return
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _crash_file = (folder / CRASH_FILE).open("a", encoding="utf-8")
        faulthandler.enable(file=_crash_file, all_threads=True)
        atexit.register(_close_crash_file)
    except OSError:
        pass


def setup_logging() -> logging.Logger:
    """Log to the rotating file and send native crashes to ``crash.log``; a folder that
    cannot be written leaves the program running without a log."""
    logger = logging.getLogger(LOGGER)
    if logger.handlers:
        return logger
    logger.setLevel(logging.INFO)
    logger.propagate = False
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _quiet_handler(folder / LOG_FILE)
    except OSError:
        logger.addHandler(logging.NullHandler())
        return logger
    handler.setFormatter(
        logging.Formatter(
            f"%(asctime)s wardchart {__version__} %(levelname)s %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S%z",
        )
    )
    logger.addHandler(handler)
    enable_crash_log()
    _write_pending_start(logger)
    return logger


def _write_pending_start(logger: logging.Logger) -> None:
    """The start line held back until the log was set up, dated when the start happened."""
    while _pending_start:
        what, when = _pending_start.pop(0)
        record = logger.makeRecord(LOGGER, logging.INFO, __file__, 0, "start: %s", (what,), None)
        record.created, record.msecs = when, (when % 1) * 1000
        logger.handle(record)


def _close_crash_file() -> None:
    global _crash_file
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def _safe_text(error: BaseException) -> str:
    """The error's own words only where the system or SQLite wrote them."""
    if isinstance(error, OSError):
        return f"[Errno {error.errno}] {error.strerror}"
    import sqlite3

    if isinstance(error, sqlite3.Error):
        return str(error)
    return "(message withheld: it may quote patient data)"


def describe_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """An exception for the log: its kind, its safe text, and where it happened."""
    where = "".join(traceback.format_tb(tb)).rstrip()
    cause = ""
    if error.__cause__ is not None:
        cause = f" (caused by {type(error.__cause__).__name__})"
    return f"{kind.__name__}: {_safe_text(error)}{cause}\n{where}"


def log_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> Path:
    """Log an unexpected error; return the log file to name to IT."""
    setup_logging().error("unexpected error: %s", describe_exception(kind, error, tb))
    for handler in logging.getLogger(LOGGER).handlers:
        handler.flush()
    return log_path()


def log_start(what: str) -> None:
    """One line per start: what runs (the window, or a command's name, never its values)."""
    setup_logging().info("start: %s", what)


def log_start_later(what: str) -> None:
    """A start logged by ``log_pending_start`` (or by the first line logged before it),
    with the time of this call; native crashes go to ``crash.log`` from now on."""
    enable_crash_log()
    if not logging.getLogger(LOGGER).handlers:
        _pending_start.append((what, time.time()))
    else:
        log_start(what)


def log_pending_start() -> None:
    """Write the start held back by ``log_start_later``, if it is not written yet."""
    if _pending_start:
        setup_logging()


def log_unknown_language(wanted: str, used: str) -> None:
    """Say once in the log that ``$WARDCHART_LANGUAGE`` asked for a language wardchart
    does not have, and which one it uses instead (docs/translations.md)."""
    setup_logging().warning(
        "WARDCHART_LANGUAGE=%r is not a language wardchart has (en, de); using %s", wanted, used
    )
