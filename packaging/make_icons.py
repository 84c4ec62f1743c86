"""Render resources/wardchart.svg to the PNG sizes desktops want, and a Windows .ico.

Run once after changing the SVG: python packaging/make_icons.py (needs PySide6 only).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent / "resources"


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "wardchart.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        folder = ROOT / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image.save(str(folder / "wardchart.png"))
        if size == 256:
            image.save(str(ROOT / "icons" / "wardchart.ico"))
    del app


if __name__ == "__main__":
    main()
