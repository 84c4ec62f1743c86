"""Shared fixtures. Qt runs offscreen; every test gets its own real chart file."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests' logs go to a folder of their own, and a machine file on the computer running
# them (/etc/wardchart/wardchart.toml) does not change what they check.
os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="wardchart-logs-"))
os.environ.setdefault("WARDCHART_MACHINE_CONFIG", "")
# The suite reads wardchart in English whatever the computer's language (the German
# translation has its own tests, which choose it).
os.environ.setdefault("WARDCHART_LANGUAGE", "en")

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

from wardchart.cli import main
from wardchart.storage.database import ChartStore, open_chart

# A busy CI machine must not turn a slow example into a failure: no per-example deadline.
settings.register_profile("wardchart", deadline=None)
settings.load_profile("wardchart")


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """wardchart in German for one test (the suite reads English), English again after."""
    from wardchart import i18n

    monkeypatch.setenv(i18n.ENV_LANGUAGE, "de")
    i18n.install()
    yield
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "en")
    i18n.install()


@pytest.fixture
def chart_path(tmp_path: Path) -> Path:
    """Where a test's chart file lives (created on first use)."""
    return tmp_path / "ward.sqlite"


@pytest.fixture
def store(chart_path: Path) -> Iterator[ChartStore]:
    """A fresh, real chart file in tmp_path."""
    opened = open_chart(chart_path)
    yield opened
    opened.close()


@pytest.fixture
def now() -> datetime:
    """The current local time, aware."""
    return datetime.now().astimezone()


@pytest.fixture
def ward(store: ChartStore) -> ChartStore:
    """Two patients with known results (see ward_fixture.py)."""
    from ward_fixture import write_ward

    return write_ward(store)


CliResult = tuple[int, str, str]


@pytest.fixture
def cli(chart_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``wardchart --db <chart_path> ARGS`` in-process; return (status, stdout, stderr)."""

    def run(*args: str) -> CliResult:
        status = main(["--db", str(chart_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
