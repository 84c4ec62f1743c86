"""A chart file on a network filesystem is refused: the Linux rule on a written mountinfo
text, the Windows rule on path text, each a pure function; and the refusal on the command
line names the reason and the ward hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardchart.storage.filesystems import (
    DRIVE_REMOTE,
    linux_network_filesystem,
    parse_mountinfo,
    windows_network_path,
)

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
30 27 0:40 / /srv/ward rw,relatime shared:5 - nfs4 files.hosp:/export/ward rw,vers=4.2
31 27 0:41 / /mnt/share rw,relatime - cifs //files/ward rw,vers=3.1.1
32 31 8:2 / /mnt/share/local rw,relatime - ext4 /dev/sdb1 rw
33 27 0:42 / /home/nurse/My\\040Ward rw - fuse.sshfs nurse@host:/ward rw
34 27 0:43 / /mnt/smb rw - smb3 //nas/ward rw
35 27 0:44 / /srv/ward/nfs-over rw - tmpfs tmpfs rw
36 27 0:45 / /srv/wardroom rw - ext4 /dev/sdc1 rw
"""


def test_mountinfo_lines_give_mount_point_and_type() -> None:
    mounts = parse_mountinfo(MOUNTINFO + "garbage line\n")
    assert mounts[1] == ("/", "ext4")
    assert ("/home/nurse/My Ward", "fuse.sshfs") in mounts
    assert len(mounts) == 9


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/srv/ward/chart.sqlite", "nfs4"),
        ("/srv/ward", "nfs4"),
        ("/mnt/share/chart.sqlite", "cifs"),
        ("/mnt/smb/a/b/chart.sqlite", "smb3"),
        ("/home/nurse/My Ward/chart.sqlite", "fuse.sshfs"),
        ("/mnt/share/local/chart.sqlite", None),  # a local disk mounted inside a share
        ("/srv/ward/nfs-over/chart.sqlite", None),
        ("/srv/wardroom/chart.sqlite", None),  # a prefix of the name, not of the path
        ("/var/lib/wardchart/chart.sqlite", None),
    ],
)
def test_the_linux_rule_finds_the_mount_holding_the_path(path: str, kind: str | None) -> None:
    assert linux_network_filesystem(path, MOUNTINFO) == kind


def drives(root: str) -> int:
    """GetDriveTypeW as a computer with a local C: and Z: mapped to a share answers."""
    return {"C:\\": 3, "Z:\\": DRIVE_REMOTE}.get(root, 1)


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("\\\\server\\share\\ward\\chart.sqlite", True),
        ("//server/share/chart.sqlite", True),
        ("\\\\?\\UNC\\server\\share\\chart.sqlite", True),
        ("Z:\\ward\\chart.sqlite", True),
        ("z:/ward/chart.sqlite", True),
        ("\\\\?\\Z:\\ward\\chart.sqlite", True),
        ("C:\\Users\\nurse\\AppData\\Local\\wardchart\\wardchart.sqlite", False),
        ("\\\\?\\C:\\ward\\chart.sqlite", False),
        ("D:\\chart.sqlite", False),
    ],
)
def test_the_windows_rule_refuses_unc_paths_and_mapped_drives(path: str, network: bool) -> None:
    assert (windows_network_path(path, drives) is not None) == network


def test_the_windows_rule_without_drive_types_still_refuses_unc() -> None:
    assert windows_network_path("\\\\srv\\s\\c.sqlite") == "a UNC path (a network share)"
    assert windows_network_path("Z:\\c.sqlite") is None


def test_a_local_chart_is_not_refused(tmp_path: Path) -> None:
    from wardchart.storage.filesystems import network_problem

    assert network_problem(tmp_path / "ward.sqlite") is None
