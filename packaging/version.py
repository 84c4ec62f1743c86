"""Print wardchart's version: the one version (wardchart/__init__.py, read by pyproject.toml)
that the installer (ISCC /DAppVersion=...) and the AppStream metainfo must carry too;
tests/packaging/test_conventions.py checks that they agree."""

import re
from pathlib import Path

text = (Path(__file__).resolve().parents[1] / "wardchart" / "__init__.py").read_text("utf-8")
match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
assert match is not None
print(match.group(1))
