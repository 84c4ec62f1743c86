"""Write LICENSES.txt: every component the built program bundles, with its licence.

    python packaging/make_licenses.py [--bundle dist/wardchart] [--out FILE]

The list is made from what is installed, not typed by hand: every package pinned in
requirements/run.txt, with the licence its installed distribution declares
(importlib.metadata: License-Expression, else License, else the licence classifiers);
then the libraries compiled into those packages, which no metadata names (SQLite,
SQLCipher, OpenSSL, Qt, OpenBLAS, libffi, the Argon2 reference code, the tz database);
and, with --bundle, each system library PyInstaller copied into the build, with the
licences in its Debian package's copyright file (dpkg -S, /usr/share/doc/PKG/copyright).
packaging/build.sh runs it for every build. The default output is packaging/LICENSES.txt.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_PINS = ROOT / "requirements" / "run.txt"

#: Packages whose metadata declares no licence: what their own LICENSE file says.
DECLARED_ELSEWHERE = {
    "sqlcipher3": "Zlib (see its LICENSE file; https://github.com/coleifer/sqlcipher3)",
}

#: Libraries built into a pinned package (name, licence, where it is, source).
EMBEDDED = [
    ("Python", "PSF-2.0", "the interpreter", "https://www.python.org/"),
    (
        "SQLite",
        "public domain",
        "Python's sqlite3 and sqlcipher3",
        "https://sqlite.org/copyright.html",
    ),
    (
        "SQLCipher 4",
        "BSD-3-Clause (Zetetic LLC)",
        "sqlcipher3",
        "https://www.zetetic.net/sqlcipher/license/",
    ),
    (
        "OpenSSL 3 (libcrypto)",
        "Apache-2.0",
        "sqlcipher3 (linked in)",
        "https://www.openssl.org/source/license.html",
    ),
    (
        "Qt 6",
        "LGPL-3.0-only",
        "PySide6-Essentials; separate shared libraries in this folder, which you may replace",
        "https://code.qt.io",
    ),
    ("OpenBLAS", "BSD-3-Clause", "numpy", "https://www.openblas.net/"),
    (
        "libgfortran, libquadmath",
        "GPL-3.0-or-later WITH GCC-exception-3.1",
        "numpy",
        "https://gcc.gnu.org/",
    ),
    ("libffi", "MIT", "cffi", "https://sourceware.org/libffi/"),
    (
        "Argon2 reference implementation",
        "CC0-1.0 OR Apache-2.0",
        "argon2-cffi-bindings",
        "https://github.com/P-H-C/phc-winner-argon2",
    ),
    ("IANA time zone database", "public domain", "tzdata", "https://www.iana.org/time-zones"),
    (
        "libpq (PostgreSQL client library)",
        "PostgreSQL",
        "psycopg-binary; loaded only when a ward hub is used",
        "https://www.postgresql.org/about/licence/",
    ),
    (
        "OpenSSL 3, MIT Kerberos, OpenLDAP, Cyrus SASL, libxcrypt, keyutils",
        "Apache-2.0; MIT; OLDAP-2.8; BSD-style; LGPL-2.1-or-later",
        "psycopg-binary (bundled with libpq)",
        "https://github.com/psycopg/psycopg",
    ),
]


def pins(path: Path = RUN_PINS) -> list[tuple[str, str]]:
    """The (name, version) pairs pinned with == in a requirements file."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if "==" in text:
            name, version = (part.strip() for part in text.split("==", 1))
            found.append((name, version))
    return found


def declared_licence(name: str) -> tuple[str, str | None]:
    """A distribution's declared licence and its installed version (None: not installed)."""
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return DECLARED_ELSEWHERE.get(name.lower(), "not installed here: check by hand"), None
    meta = dist.metadata
    licence = (meta.get("License-Expression") or "").strip()
    if not licence:
        text = (meta.get("License") or "").strip()
        licence = text if text and "\n" not in text and len(text) < 120 else ""
    if not licence:
        classifiers = [
            c.split("::")[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        licence = "; ".join(classifiers)
    return licence or DECLARED_ELSEWHERE.get(name.lower(), "see its licence file"), dist.version


def _debian_package(library: Path) -> str | None:
    try:
        done = subprocess.run(
            ["dpkg", "-S", f"*/{library.name}"], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    line = next(iter(done.stdout.splitlines()), "")
    return line.split(":", 1)[0] if ":" in line else None


def _copyright_licences(package: str) -> str:
    path = Path("/usr/share/doc") / package / "copyright"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"see /usr/share/doc/{package}/copyright on a Debian system"
    found = dict.fromkeys(m.strip() for m in re.findall(r"^License:\s*(.+)$", text, re.M))
    return ", ".join(found) or f"see /usr/share/doc/{package}/copyright"


def system_libraries(bundle: Path) -> list[tuple[str, str, str]]:
    """(library, Debian package, licences) of each system library copied into ``bundle``
    that no Python package brought (those are covered above)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for library in sorted(bundle.rglob("*.so*")):
        inside = library.relative_to(bundle).parts
        if any(part.endswith((".libs", "PySide6", "shiboken6", "numpy")) for part in inside):
            continue
        if library.name.startswith(("_", "libpython", "libQt6", "libpyside6", "libshiboken6")):
            continue
        package = _debian_package(library)
        if package is not None and package not in rows:
            rows[package] = (library.name, package, _copyright_licences(package))
    return list(rows.values())


def licences_text(bundle: Path | None = None) -> str:
    """The whole LICENSES.txt."""
    from wardchart import __version__

    lines = [
        f"wardchart {__version__} bundles the following components. Their licences apply to",
        "those components. wardchart itself: see LICENSE.",
        "(Generated by packaging/make_licenses.py from the installed packages; do not edit.)",
        "",
        "Python packages (requirements/run.txt):",
    ]
    for name, version in pins():
        licence, installed = declared_licence(name)
        note = "" if installed in (None, version) else f" (installed here: {installed})"
        lines.append(f"  {name} {version}{note} — {licence}")
    lines += ["", "Libraries built into those packages:"]
    for component, licence, where, source in EMBEDDED:
        lines.append(f"  {component} — {licence}; in {where}. {source}")
    if bundle is not None:
        lines += ["", "System libraries copied into this build (Debian packages):"]
        for library, package, licence in system_libraries(bundle):
            lines.append(f"  {library} (Debian {package}) — {licence}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, help="the built one-folder program")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "LICENSES.txt")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    args.out.write_text(licences_text(args.bundle), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
