#!/bin/sh
# Build the one-folder program into dist/wardchart with PyInstaller (run from anywhere).
#   packaging/build.sh            build
#   packaging/build.sh --smoke    build, then run the frozen program's smoke test
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { echo "run make test first (it installs the tools)"; exit 2; }
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/build.txt
# The licence list from what is installed (packaging/make_licenses.py), then again with the
# system libraries PyInstaller copied into the build.
.venv/bin/python packaging/make_licenses.py
.venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/wardchart.spec
.venv/bin/python packaging/make_licenses.py --bundle dist/wardchart --out dist/wardchart/LICENSES.txt
echo "Built dist/wardchart $(.venv/bin/python packaging/version.py) ($(du -sh dist/wardchart | cut -f1))"
# Windows: ISCC /DAppVersion=$(python packaging/version.py) packaging\wardchart.iss
if [ "${1:-}" = "--smoke" ]; then
    WARDCHART_FROZEN=dist/wardchart .venv/bin/pytest -p no:cacheprovider -m frozen tests
fi
