"""What `wardchart --version` and Help → About say: version, chart file, rules, licences."""

from __future__ import annotations

from pathlib import Path

from wardchart import __version__
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import shown, translate

#: The components a frozen build carries, with their licences.
LICENCES = (
    ("Qt 6 (via PySide6)", "LGPL v3"),
    ("PySide6 / shiboken6", "LGPL v3"),
    ("pyqtgraph", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("sqlite-utils", "Apache 2.0"),
    ("SQLite", "public domain"),
    ("platformdirs", "MIT"),
    ("Python", "PSF License"),
    (
        QT_TRANSLATE_NOOP("About", "DejaVu fonts (from the system)"),
        "Bitstream Vera / public domain",
    ),
)


def about_text(chart: Path) -> str:
    """The version, the chart file in use, the grading version and fever rule in force."""
    from wardchart.domain.fever import FN_RULES
    from wardchart.domain.settings import WardSettings
    from wardchart.storage.errors import ChartFileError

    settings, note = WardSettings(), translate("About", "not created yet: defaults shown")
    if chart.exists():
        try:
            from wardchart.storage import queries
            from wardchart.storage.database import open_chart

            store = open_chart(chart, create=False)
            try:
                settings, note = queries.ward_settings(store.db), translate("About", "in use")
            finally:
                store.close()
        except ChartFileError as error:
            note = translate("About", "cannot be read: {error}").format(error=shown(error))
    lines = [
        f"wardchart {__version__}",
        translate("About", "Chart file: {chart} ({note})").format(chart=chart, note=note),
        translate("About", "Grading: CTCAE v{version} · febrile-neutropenia rule: {rule}").format(
            version=settings.ctcae_version, rule=shown(FN_RULES[settings.fn_rule].label)
        ),
        translate("About", "Bundled components: {components}").format(
            components="; ".join(f"{shown(name)} ({lic})" for name, lic in LICENCES)
        ),
        translate(
            "About",
            "Qt is used under the LGPL v3: its libraries are separate files in the program "
            "folder and may be replaced.",
        ),
    ]
    return "\n".join(lines)
