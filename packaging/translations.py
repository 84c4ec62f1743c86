"""Update the translation sources and build the files the program loads.

``make translations`` (or ``python packaging/translations.py``) runs Qt's ``lupdate`` from
the PySide6 wheel over each area of the code into ``translations/<area>_<lang>.ts`` (one
file per area, so people translating different parts never edit the same file), then
``lrelease`` joins each language's files into ``wardchart/resources/i18n/wardchart_<lang>.qm``.
English is the source language: its file only holds plural forms. See docs/translations.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
BUILT = ROOT / "wardchart" / "resources" / "i18n"
LANGUAGES = ("de", "en")
SOURCE_LANGUAGE = "en"


def _python_files(*patterns: str) -> list[Path]:
    return sorted({path for pattern in patterns for path in ROOT.glob(pattern)})


#: Which code each translation file covers.
AREAS: dict[str, list[Path]] = {
    "window": _python_files("wardchart/ui/*.py", "wardchart/app.py", "wardchart/about.py"),
    "dialogs": _python_files("wardchart/ui/dialogs/*.py"),
    "printouts": _python_files("wardchart/report/*.py", "wardchart/plot/*.py"),
    "commands": _python_files("wardchart/cli/*.py", "wardchart/demo.py"),
    "rules": _python_files("wardchart/domain/*.py"),
    "records": _python_files(
        "wardchart/session/**/*.py",
        "wardchart/storage/**/*.py",
        "wardchart/i18n.py",
        "wardchart/logs.py",
        "wardchart/paths.py",
    ),
}


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def ts_file(area: str, language: str) -> Path:
    """The translation source of one area in one language."""
    return SOURCES / f"{area}_{language}.ts"


def qm_file(language: str) -> Path:
    """The built translation the program loads for ``language``."""
    return BUILT / f"wardchart_{language}.qm"


def update(sources: Path = SOURCES) -> None:
    """Collect every marked string into the areas' .ts files (keeping translations)."""
    sources.mkdir(parents=True, exist_ok=True)
    for area, files in AREAS.items():
        for language in LANGUAGES:
            extra = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
            target = sources / f"{area}_{language}.ts"
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-silent",
                    "-locations",
                    "none",  # no line numbers: a file changes only when its strings do
                    "-no-obsolete",
                    *extra,
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    *[str(path.relative_to(ROOT)) for path in files],
                    "-ts",
                    str(target),
                ],
                check=True,
                cwd=ROOT,
            )


def release(sources: Path = SOURCES, built: Path = BUILT) -> None:
    """Join each language's .ts files into its .qm."""
    built.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts_files = [str(sources / f"{area}_{language}.ts") for area in AREAS]
        subprocess.run(
            [
                _tool("lrelease"),
                "-silent",
                *ts_files,
                "-qm",
                str(built / f"wardchart_{language}.qm"),
            ],
            check=True,
            cwd=ROOT,
        )


if __name__ == "__main__":
    update()
    release()
