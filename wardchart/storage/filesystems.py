"""Refusing a chart file on a network filesystem (see docs/deployment.md).

SQLite's own documentation says its locking and its write-ahead log do not work reliably
over a network filesystem (https://www.sqlite.org/wal.html, "WAL does not work over a
network filesystem"; https://www.sqlite.org/useovernet.html): two computers writing one
file on a share can corrupt it. A ward shares its chart through the ward hub instead, and
every computer keeps its own local file (docs/hub.md).

Linux: the filesystem type of the mount holding the path, from /proc/self/mountinfo.
Windows: a UNC path (\\\\server\\share) or a drive letter that Windows reports as remote (a
mapped network drive). The rules are pure functions of their text, tested as such.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: Filesystem types (the mountinfo field) that are network or remote filesystems.
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ncpfs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
        "fuse.gvfsd-fuse",
    }
)
#: GetDriveTypeW's answer for a remote (network) drive.
DRIVE_REMOTE = 4

_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """mountinfo writes a space as \\040, a tab as \\011, a backslash as \\134."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """The (mount point, filesystem type) pairs of a /proc/self/mountinfo text, in order."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        before, dash, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if not dash or len(fields) < 5 or not tail:
            continue
        mounts.append((_unescape(fields[4]), tail[0]))
    return mounts


def filesystem_type(path: str, mountinfo: str) -> str | None:
    """The filesystem type of the mount holding the absolute, resolved ``path`` (the last
    matching line wins, as a later mount hides an earlier one); None if none matches."""
    found: tuple[int, str] | None = None
    for point, kind in parse_mountinfo(mountinfo):
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (found is None or len(point) >= found[0]):
            found = (len(point), kind)
    return None if found is None else found[1]


def linux_network_filesystem(path: str, mountinfo: str) -> str | None:
    """The network filesystem type holding ``path`` ("nfs4"), None for a local one."""
    kind = filesystem_type(path, mountinfo)
    return kind if kind is not None and kind.lower() in NETWORK_TYPES else None


def windows_network_path(path: str, drive_type: Callable[[str], int] | None = None) -> str | None:
    """Why a Windows ``path`` is on the network ("a UNC path", "a mapped network drive"),
    None if it is local. ``drive_type`` answers GetDriveTypeW for a root such as ``"Z:\\"``."""
    text = path.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return QT_TRANSLATE_NOOP("Filesystems", "a UNC path (a network share)")
    if text.startswith("\\\\?\\") or text.startswith("\\\\.\\"):
        text = text[4:]
    elif text.startswith("\\\\"):
        return QT_TRANSLATE_NOOP("Filesystems", "a UNC path (a network share)")
    drive = text[0].upper() if len(text) >= 2 and text[1] == ":" and text[0].isalpha() else ""
    if drive and drive_type is not None and drive_type(f"{drive}:\\") == DRIVE_REMOTE:
        return QT_TRANSLATE_NOOP("Filesystems", "on {drive}:, a mapped network drive").format(
            drive=drive
        )
    return None


def _existing(path: Path) -> Path:
    """``path`` resolved, or its nearest existing folder (a new chart file is not there yet)."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current.parent != current:
        current = current.parent
    return Path(os.path.realpath(current))


def _windows_drive_type(root: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(root))


def network_problem(path: Path) -> str | None:
    """Why ``path`` cannot hold a chart file because it is on a network filesystem, with
    the alternative; None when it is on a local disk (or it cannot be told)."""
    if sys.platform == "win32":
        why = windows_network_path(os.path.abspath(path), _windows_drive_type)
    elif sys.platform.startswith("linux"):
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        kind = linux_network_filesystem(str(_existing(path)), mountinfo)
        why = (
            None
            if kind is None
            else QT_TRANSLATE_NOOP("Filesystems", "on a network filesystem ({kind})").format(
                kind=kind
            )
        )
    else:
        why = None
    if why is None:
        return None
    return QT_TRANSLATE_NOOP(
        "Filesystems",
        "is {where}: SQLite cannot keep a chart file safe on a network share; keep the "
        "chart on this computer's own disk and share it with the ward through the ward "
        "hub (see docs/hub.md)",
    ).format(where=why)
