"""Helpers for tests that need a file nobody can write, root included (chattr +i)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return (
        subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False).returncode
        == 0
    )


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    if not _chattr("+i", path):
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        _chattr("-i", path)
