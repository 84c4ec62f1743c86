"""Writing output files without ever destroying the chart (see docs/files.md).

Two rules for every file wardchart writes (exports, PDF reports, backups):

* it is never the chart file, its journal files, a backup, or anything in the backups
  folder — checked on the real file (symbolic links and ``..`` resolved, hard links
  recognised by their inode) before anything is written;
* it is written to a temporary file in the same folder, flushed to the disk, and only then
  renamed to its name, so a full disk or a crash leaves the old file (or none), never a
  truncated one.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files SQLite keeps beside a chart file while it is open or after a crash.
COMPANIONS = ("-wal", "-shm", "-journal")


def backup_folder(chart: Path) -> Path:
    """Where a chart file's backups go: a folder beside it."""
    return chart.with_name(f"{chart.stem}-backups")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def check_output_path(out: Path, chart: Path, field: str = "out") -> None:
    """Refuse an output file that is, or could overwrite, the chart or one of its backups.

    Raises InvalidEntry naming ``field``; nothing has been written when it does.
    """
    target = _real(out.expanduser())
    refused = f"{out} is the chart file, its journal or a backup; nothing was written"
    charts = {_real(chart), chart.expanduser().absolute()}
    protected = {Path(f"{c}{suffix}") for c in charts for suffix in ("", *COMPANIONS)}
    folders = {_real(backup_folder(c)) for c in charts} | {backup_folder(c) for c in charts}
    if target in protected or any(f == target or f in target.parents for f in folders):
        raise InvalidEntry([Problem(field, refused)])
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP("ChartFiles", "cannot write {out}: {strerror}").format(
                        out=out, strerror=error.strerror
                    ),
                )
            ]
        ) from None
    if not stat.S_ISREG(found.st_mode):
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "ChartFiles", "{out} is not a regular file; nothing was written"
                    ).format(out=out),
                )
            ]
        )
    same = (found.st_dev, found.st_ino)
    inodes = {_identity(p) for p in protected}
    for folder in folders:
        if folder.is_dir():
            inodes |= {_identity(p) for p in folder.iterdir()}
    if same in inodes:  # a hard link to the chart or a backup
        raise InvalidEntry([Problem(field, refused)])
    try:
        with open(target, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        head = b""
    if head == SQLITE_MAGIC:  # some other chart file or a backup kept elsewhere
        raise InvalidEntry(
            [
                Problem(
                    field,
                    QT_TRANSLATE_NOOP(
                        "ChartFiles",
                        "{out} is an SQLite database (a chart or a backup?); choose a new file",
                    ).format(out=out),
                )
            ]
        )


#: A temporary file older than this is no longer being written by anyone: wardchart writes
#: to a temporary file continuously until it renames it (see docs/files.md).
STALE_AFTER_SECONDS = 3600
#: wardchart's own temporary files: ".<name>.wardchart-<host>-<pid>[-<random>].part", and
#: the journal files SQLite keeps beside one while writing it.
_TEMP = re.compile(
    r"^\..+\.wardchart-(?P<host>[0-9a-f]{8})-(?P<pid>\d{1,10})(?:-[a-z0-9_]+)?\.part"
    r"(?:-journal|-wal|-shm)?$"
)
#: Temporary backups named before they carried their maker's process (backups folder only).
_UNNAMED_BACKUP_TEMP = re.compile(r"^\..+\.sqlite\.part(?:-journal|-wal|-shm)?$")


def _host() -> str:
    """This computer, in 8 hex digits: a process id means something only on its own host."""
    return hashlib.sha256(socket.gethostname().encode("utf-8")).hexdigest()[:8]


def temp_prefix(path: Path) -> str:
    """The start of the name of this process's temporary file for ``path``."""
    return f".{path.name}.wardchart-{_host()}-{os.getpid()}"


def temp_path(path: Path) -> Path:
    """This process's temporary file for ``path``, in the same folder."""
    return path.with_name(f"{temp_prefix(path)}.part")


def _process_gone(pid: int) -> bool:
    """Whether no process ``pid`` runs on this computer (False when it cannot be known)."""
    if pid == os.getpid() or os.name != "posix" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:  # it exists (another user's) or cannot be asked
        return False
    return False


def remove_leftovers(folder: Path, *, backups: bool = False) -> list[Path]:
    """Remove the temporary files a killed wardchart left in ``folder``: only names of
    wardchart's own pattern, and only when the process that made them is gone (its id is in
    the name) or they were not written for an hour. In a backups folder, temporary backups
    named before names carried a process id are removed by age. Returns what was removed;
    a file that cannot be removed is left (see docs/files.md)."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    host, now = _host(), time.time()
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None and not (backups and _UNNAMED_BACKUP_TEMP.match(entry.name)):
            continue
        try:
            found = entry.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(found.st_mode):
            continue
        stale = now - found.st_mtime > STALE_AFTER_SECONDS
        gone = match is not None and match["host"] == host and _process_gone(int(match["pid"]))
        if stale or gone:
            try:
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` completely or not at all.

    The bytes go to a temporary file in the same folder, which is flushed to the disk and
    then renamed over ``path``; the folder is flushed too, so the new name survives a power
    cut. On any failure the temporary file is removed and ``path`` is as it was. Raises
    OSError.
    """
    folder = path.parent if str(path.parent) else Path(".")
    remove_leftovers(folder)  # a killed earlier write's temporary files
    fd, temp_name = tempfile.mkstemp(prefix=f"{temp_prefix(path)}-", suffix=".part", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk, where the system allows it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def inbox_problem(folder: Path, chart: Path) -> str | None:
    """Why ``folder`` cannot be the ward's HL7 inbox, or None."""
    if not folder.is_absolute():
        return f"{folder}: give the whole path of the folder (e.g. /srv/lab/inbox)"
    if not folder.exists():
        return f"{folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    backups = backup_folder(chart).resolve()
    real = folder.resolve()
    if real == backups or backups in real.parents:
        return f"{folder} is inside the chart's backups folder; choose another folder"
    return None
