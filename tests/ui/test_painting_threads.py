"""Qt paints on the thread that asks, in the window and when printing: no fill is handed
to Qt's pool of helper threads (docs: wardchart/plot/painting_threads.py). Each case runs in
a fresh interpreter, as Qt reads its switch once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wardchart.plot.painting_threads import SWITCH, paint_on_one_thread

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="counts threads in /proc (Linux)"
)

#: A translucent fill through a clip of two rectangles, as the window's repaints are
#: clipped, and a scroll bar painted: prints how many threads the process gained.
PAINT = """
import os
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QApplication, QScrollBar
def threads():
    return len(os.listdir("/proc/self/task"))
before = threads()
image = QImage(1366, 768, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
painter.setClipRegion(QRegion(QRect(0, 0, 600, 700)) + QRegion(QRect(650, 10, 500, 700)))
painter.fillRect(image.rect(), QColor(10, 20, 30, 128))
painter.end()
bar = QScrollBar(Qt.Orientation.Vertical)
bar.resize(14, 90)
bar.show()
QApplication.processEvents()
bar.repaint()
print(threads() - before)
"""

STARTS = {
    "the window": "from wardchart.app import _application\n_application()",
    "printing": "from wardchart.report.offscreen import qt_for_printing\nqt_for_printing()",
    "Qt's default": "from PySide6.QtWidgets import QApplication\napp = QApplication([])",
}


def _threads_gained(start: str, tmp_path: Path) -> int:
    env = {k: v for k, v in os.environ.items() if k != SWITCH}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path),
    }
    code = textwrap.dedent(STARTS[start]) + "\n" + PAINT
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("start", ["the window", "printing"])
def test_wardchart_paints_without_helper_threads(start: str, tmp_path: Path) -> None:
    assert _threads_gained(start, tmp_path) == 0


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="Qt hands fills over only with 2+ CPUs")
def test_qt_by_default_hands_the_same_painting_to_helper_threads(tmp_path: Path) -> None:
    """What the case above would see without the switch: the measure can fail."""
    assert _threads_gained("Qt's default", tmp_path) > 0


def test_a_value_set_by_it_stays_as_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH, "0")
    paint_on_one_thread()
    assert os.environ[SWITCH] == "0"
    monkeypatch.delenv(SWITCH)
    paint_on_one_thread()
    assert os.environ[SWITCH] == "1"
