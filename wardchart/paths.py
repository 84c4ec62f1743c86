"""Where the chart file lives: --db, else $WARDCHART_DB, else the user data folder.

The folder has no version in its path, so an upgrade finds the same chart (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

CHART_FILE_NAME = "wardchart.sqlite"
ENV_DB = "WARDCHART_DB"


def default_chart_path() -> Path:
    """The platform's user data folder, e.g. ~/.local/share/wardchart/wardchart.sqlite."""
    from platformdirs import user_data_path

    return user_data_path("wardchart", appauthor=False) / CHART_FILE_NAME


def chart_path(option: str | None) -> Path:
    """The chart file to use: the --db option, the environment, or the default."""
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(ENV_DB, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_chart_path()
