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

import os
import stat
import tempfile
from pathlib import Path

from wardchart.domain.problems import InvalidEntry, Problem

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
        raise InvalidEntry([Problem(field, f"cannot write {out}: {error.strerror}")]) from None
    if not stat.S_ISREG(found.st_mode):
        raise InvalidEntry([Problem(field, f"{out} is not a regular file; nothing was written")])
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
                    field, f"{out} is an SQLite database (a chart or a backup?); choose a new file"
                )
            ]
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` completely or not at all.

    The bytes go to a temporary file in the same folder, which is flushed to the disk and
    then renamed over ``path``; the folder is flushed too, so the new name survives a power
    cut. On any failure the temporary file is removed and ``path`` is as it was. Raises
    OSError.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
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
