"""Packaging conventions: the desktop entry opens a chart file it is given, its id is the
AppStream id and the window's desktop file name; a console-less entry point for Windows;
an SPDX licence and a LICENSE file; one version everywhere; a generated licence list."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import wardchart
from wardchart.cli import main
from wardchart.cli.entry import parse

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.wardchart.Wardchart"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "resources" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()


def test_the_desktop_file_id_is_the_appstream_id() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    from wardchart.app import DESKTOP_ID

    assert DESKTOP_ID == APP_ID
    install = (ROOT / "packaging" / "linux-install.sh").read_text()
    assert f"share/applications/{APP_ID}.desktop" in install


def test_a_file_path_alone_opens_that_chart_and_commands_still_work(tmp_path: Path) -> None:
    chart = str(tmp_path / "ward 7.sqlite")
    args = parse([chart])
    assert (args.db, args.command) == (chart, None)
    assert parse(["ward.sqlite"]).db == "ward.sqlite"
    assert parse(["demo"]).command == "demo"
    assert parse(["--db", chart, "patient", "list"]).command == "patient"


def test_the_desktop_entry_exec_line_opens_the_file_it_is_given(tmp_path: Path) -> None:
    exec_line = desktop_entry()["Exec"]
    assert exec_line == "wardchart %f"
    chart = tmp_path / "ward 7.sqlite"
    assert main(["--db", str(chart), "demo"]) == 0
    # What a desktop launches for a file opened with wardchart (spaces quoted by %f's
    # rules), here with --self-test so that the window draws and exits by itself.
    words = [chart.as_posix() if w == "%f" else w for w in shlex.split(exec_line)]
    assert words[0] == "wardchart"
    script = (
        "import sys; from wardchart.cli import main; status = main(sys.argv[1:]); "
        "from PySide6.QtGui import QGuiApplication; "
        "print('desktop file name:', QGuiApplication.desktopFileName()); sys.exit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *words[1:], "--self-test"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "wardchart self-test OK: 12 patients" in done.stdout
    assert f"desktop file name: {APP_ID}" in done.stdout


def pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_windows_gets_a_window_entry_point_without_a_console() -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert project["gui-scripts"] == {"wardchart-window": "wardchart.cli:main"}
    assert project["scripts"] == {"wardchart": "wardchart.cli:main"}


def test_the_licence_is_an_spdx_string_with_a_license_file() -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert isinstance(project["license"], str)  # the table form is deprecated (PEP 639)
    assert project["license"] == metainfo().findtext("project_license")
    assert project["license-files"] == ["LICENSE"]
    assert project["license"] in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_one_version_for_the_package_the_installer_and_the_metainfo() -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert project["dynamic"] == ["version"]
    iss = (ROOT / "packaging" / "wardchart.iss").read_text(encoding="utf-8")
    installer = re.findall(r'#define AppVersion "([^"]+)"', iss)
    releases = [r.get("version") for r in metainfo().iter("release")]
    printed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "version.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert installer == [wardchart.__version__]
    assert releases[0] == wardchart.__version__  # the newest release comes first
    assert printed == wardchart.__version__


def test_the_generated_licence_list_names_every_pinned_package(tmp_path: Path) -> None:
    out = tmp_path / "LICENSES.txt"
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_licenses.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    pinned = re.findall(
        r"^([A-Za-z0-9_.\-]+)==(\S+)",
        (ROOT / "requirements" / "run.txt").read_text(encoding="utf-8"),
        re.M,
    )
    assert len(pinned) > 20
    for name, version in pinned:
        line = next((x for x in text.splitlines() if x.strip().startswith(f"{name} ")), None)
        assert line is not None, name
        assert f"{name} {version}" in line
        assert "—" in line
        assert "check by hand" not in line, line
    for component in ("SQLCipher", "OpenSSL", "argon2-cffi ", "cffi ", "tzdata ", "SQLite"):
        assert component in text, component
    assert text == (ROOT / "packaging" / "LICENSES.txt").read_text(encoding="utf-8"), (
        "packaging/LICENSES.txt is out of date: run python packaging/make_licenses.py"
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the build runs on each system")
def test_build_sh_makes_the_licence_list_for_every_build() -> None:
    build = (ROOT / "packaging" / "build.sh").read_text(encoding="utf-8")
    assert "packaging/make_licenses.py --bundle dist/wardchart" in build
