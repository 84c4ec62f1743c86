"""The machine-wide configuration file: what it fixes for every OS user of a computer, what a
user may still choose, one clear line when it is wrong, and two OS users sharing one chart."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import wardchart
from wardchart.cli import main
from wardchart.storage.machine_config import MachineConfigError, parse_machine_config

FILE = Path("/etc/wardchart/wardchart.toml")


def parse(text: str) -> object:
    return parse_machine_config(text, FILE)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("chart = ", "not valid TOML"),
        ('colour = "blue"', "colour: unknown key"),
        ('chart = "ward.sqlite"', "chart: 'ward.sqlite' is not a full path"),
        ("chart = 3", "chart: give the chart file's full path"),
        ('shared = "yes"', "shared: give true or false"),
        ("shared = true", "shared: a shared chart folder needs chart"),
        ('hub = "http://x"', "hub: 'http://x': give a postgresql:// URL or a service"),
        ("hub = 7", "hub: give the hub's address as a string"),
        ('fn_rule = "whenever"', "fn_rule: 'whenever' is not one of"),
        ('ctcae_version = "4.0"', "ctcae_version: '4.0' is not 5.0 or 6.0"),
        ("ctcae_version = 5.0", "ctcae_version: give the value as a quoted string"),
        ('lock = ["fn_rule"]', "lock: 'fn_rule' is locked but not given"),
        ('lock = ["backup_keep_days"]', "lock: 'backup_keep_days' cannot be locked"),
        ('lock = "all"', "lock: give true, or a list"),
    ],
)
def test_a_bad_machine_file_names_the_file_and_the_key(text: str, says: str) -> None:
    with pytest.raises(MachineConfigError) as raised:
        parse(text)
    message = str(raised.value)
    assert message.startswith(f"machine configuration {FILE}: ")
    assert says in message
    assert "\n" not in message


def test_lock_true_locks_every_key_given() -> None:
    config = parse('chart = "/srv/ward/chart.sqlite"\nfn_rule = "nice"\nlock = true\n')
    assert config.locked == {"chart", "fn_rule"}  # type: ignore[attr-defined]


@pytest.fixture
def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "wardchart.toml"
    path.parent.mkdir()
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(path))
    monkeypatch.delenv("WARDCHART_DB", raising=False)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_machine_file_names_the_chart_for_every_user(
    machine_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ward = tmp_path / "ward" / "chart.sqlite"
    ward.parent.mkdir()
    machine_file.write_text(f'chart = "{ward}"\n')
    status, _, err = run(
        capsys, "patient", "add", "--mrn", "M1", "--name", "Ward, One", "--dob", "1970-01-01"
    )
    assert status == 0, err
    assert ward.is_file()
    other = tmp_path / "mine.sqlite"  # not locked: a user may still choose another file
    status, _, err = run(capsys, "--db", str(other), "patient", "list")
    assert "no chart file" in err


def test_a_locked_chart_cannot_be_swapped_by_db_or_the_environment(
    machine_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ward = tmp_path / "ward" / "chart.sqlite"
    ward.parent.mkdir()
    machine_file.write_text(f'chart = "{ward}"\nlock = ["chart"]\n')
    other = tmp_path / "mine.sqlite"
    status, _, err = run(capsys, "--db", str(other), "patient", "list")
    assert status == 2
    assert err == (
        f"wardchart: error: --db: the chart file of this computer is fixed by {machine_file} "
        f"(chart = '{ward}'); {other} was not opened\n"
    )
    assert not other.exists()
    monkeypatch.setenv("WARDCHART_DB", str(other))
    status, _, err = run(capsys, "patient", "list")
    assert status == 2
    assert "$WARDCHART_DB: the chart file of this computer is fixed" in err
    monkeypatch.delenv("WARDCHART_DB")
    run(capsys, "patient", "add", "--mrn", "M1", "--name", "Ward, One", "--dob", "1970-01-01")
    status, out, err = run(capsys, "--db", str(ward.parent / "." / ward.name), "patient", "list")
    assert status == 0, err  # the same file, however it is spelled
    assert "M1" in out


def test_locked_ward_settings_are_in_force_and_cannot_be_changed(
    machine_file: Path, chart_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text(
        'fn_rule = "nice"\nctcae_version = "5.0"\nward_name = "Ward 7"\n'
        'lock = ["fn_rule", "ctcae_version"]\n'
    )
    db = ["--db", str(chart_path)]
    assert run(capsys, *db, "settings", "set", "ward_name", "Ward 9")[0] == 0
    status, _, err = run(capsys, *db, "settings", "set", "fn_rule", "esmo")
    assert status == 2
    assert err == (
        f"wardchart: error: fn_rule: is fixed for this computer by {machine_file} "
        "(fn_rule = 'nice'); ask IT to change it there; nothing was saved\n"
    )
    status, out, _ = run(capsys, *db, "settings", "show")
    assert "fn_rule = nice" in out
    assert "ctcae_version = 5.0" in out
    assert "ward_name = Ward 9" in out  # not locked: the chart's own choice wins
    machine_file.write_text('ward_name = "Ward 7"\n')  # a fresh chart takes the default
    status, out, _ = run(capsys, "--db", str(chart_path.with_name("new.sqlite")), "demo")
    status, out, _ = run(
        capsys, "--db", str(chart_path.with_name("new.sqlite")), "settings", "show"
    )
    assert "ward_name = Ward 7" in out


def test_a_bad_machine_file_stops_every_command_with_one_line(
    machine_file: Path, chart_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text('ctcae_version = "4.03"\n')
    status, _, err = run(capsys, "--db", str(chart_path), "patient", "list")
    assert status == 2
    assert err == (
        f"wardchart: error: machine configuration {machine_file}: ctcae_version: "
        "'4.03' is not 5.0 or 6.0\n"
    )


# --- two OS users on one workstation ------------------------------------------------------

GROUP, NURSES = "wcward", ("wcnurse1", "wcnurse2")


def _python_for_others() -> list[str] | None:
    """A Python another OS user can run with wardchart and its packages importable."""
    site = next(p for p in sys.path if p.endswith("site-packages"))
    root = str(Path(wardchart.__file__).resolve().parents[1])
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    # The test's own Python may live where other users cannot go (a pyenv under /root):
    # then the system's Python of the same version, with the same packages.
    for python in (sys.executable, f"/usr/bin/python{version}"):
        probe = [
            "runuser", "-u", "nobody", "--", "env", f"PYTHONPATH={root}:{site}", python,
            "-c", "import wardchart.cli, sqlite_utils, platformdirs, argon2",
        ]  # fmt: skip
        if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
            return ["env", f"PYTHONPATH={root}:{site}", python]
    return None


@pytest.fixture
def nurses() -> Iterator[Path]:
    """Two OS users in one group, and a folder they can reach; removed afterwards."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("needs root and useradd to make two OS users")
    made: list[list[str]] = []
    try:
        grp.getgrnam(GROUP)
    except KeyError:
        subprocess.run(["groupadd", GROUP], check=True)
        made.append(["groupdel", GROUP])
    for name in NURSES:
        try:
            pwd.getpwnam(name)
        except KeyError:
            subprocess.run(["useradd", "-M", "-G", GROUP, name], check=True)
            made.insert(0, ["userdel", name])
    top = Path(tempfile.mkdtemp(prefix="wardchart-ws-", dir="/tmp"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        shutil.rmtree(top)
        for command in made:
            subprocess.run(command, check=False)


def test_two_os_users_chart_in_one_file_when_the_machine_file_shares_it(nurses: Path) -> None:
    python = _python_for_others()
    if python is None:
        pytest.skip("no Python another OS user can run")
    ward = nurses / "ward7"
    ward.mkdir()
    shutil.chown(ward, group=GROUP)
    ward.chmod(0o2770)  # the ward's folder: the group's, new files take its group
    chart = ward / "wardchart.sqlite"
    machine = nurses / "wardchart.toml"
    machine.write_text(f'chart = "{chart}"\nshared = true\nlock = ["chart"]\n')
    machine.chmod(0o644)
    for name in NURSES:
        (nurses / name).mkdir(mode=0o700)
        shutil.chown(nurses / name, user=name)

    def as_nurse(name: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "runuser", "-u", name, "--", *python[:-1],
                f"HOME={nurses / name}", f"WARDCHART_MACHINE_CONFIG={machine}",
                "WARDCHART_DB=", "QT_QPA_PLATFORM=offscreen", python[-1], "-m", "wardchart",
                *args,
            ],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    first = as_nurse(NURSES[0], "patient", "add", "--mrn", "S1", "--name", "One, A",
                     "--dob", "1960-01-01")  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = as_nurse(NURSES[1], "patient", "add", "--mrn", "S2", "--name", "Two, B",
                      "--dob", "1961-01-01")  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert as_nurse(NURSES[1], "backup").returncode == 0
    assert as_nurse(NURSES[0], "backup").returncode == 0
    listed = as_nurse(NURSES[0], "patient", "list")
    assert "S1" in listed.stdout
    assert "S2" in listed.stdout
    audit = as_nurse(NURSES[0], "audit", "show").stdout
    assert NURSES[0] in audit
    assert NURSES[1] in audit  # each nurse's OS login recorded as herself
    found = chart.stat()
    assert grp.getgrgid(found.st_gid).gr_name == GROUP
    assert stat.S_IMODE(found.st_mode) == 0o660
    backups = ward / "wardchart-backups"
    assert stat.S_IMODE(backups.stat().st_mode) & 0o770 == 0o770
    for backup in backups.iterdir():
        assert stat.S_IMODE(backup.stat().st_mode) == 0o660, backup
    refused = as_nurse(NURSES[1], "--db", str(nurses / NURSES[1] / "own.sqlite"), "patient", "list")
    assert refused.returncode == 2
    assert "fixed by" in refused.stderr


def test_without_the_shared_flag_the_chart_stays_owner_only(nurses: Path) -> None:
    python = _python_for_others()
    if python is None:
        pytest.skip("no Python another OS user can run")
    ward = nurses / "ward7"
    ward.mkdir()
    shutil.chown(ward, group=GROUP)
    ward.chmod(0o2770)
    chart = ward / "wardchart.sqlite"
    machine = nurses / "wardchart.toml"
    machine.write_text(f'chart = "{chart}"\n')
    machine.chmod(0o644)
    env = [f"WARDCHART_MACHINE_CONFIG={machine}", "WARDCHART_DB=", f"HOME={nurses}"]
    command = [*python[:-1], *env, python[-1], "-m", "wardchart"]
    add = ["patient", "add", "--mrn", "S1", "--name", "One, A", "--dob", "1960-01-01"]
    done = subprocess.run(
        ["runuser", "-u", NURSES[0], "--", *command, *add], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(chart.stat().st_mode) == 0o600
    other = subprocess.run(
        ["runuser", "-u", NURSES[1], "--", *command, "patient", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert other.returncode == 2
    assert other.stderr.count("\n") == 1


def test_the_machine_files_hub_is_the_ward_hub_for_every_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # IT names the hub once for the computer; the window's sync and `wardchart sync` read
    # it as the ward setting ``hub``; locked, nobody changes it in the chart.
    from wardchart.domain.settings import WardSettings
    from wardchart.storage.machine_config import load_machine_config

    machine = tmp_path / "wardchart.toml"
    machine.write_text('hub = "service=ward4a"\nlock = ["hub"]\n')
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    config = load_machine_config()
    shown = config.with_ward_settings(WardSettings(), locked=True)
    assert shown.hub == "service=ward4a"  # libpq's service names, as in the ward setting
    machine.write_text('hub = "postgresql://ward4a:secret@db.example/ward4a"\n')
    with pytest.raises(MachineConfigError, match="hub"):
        load_machine_config()
