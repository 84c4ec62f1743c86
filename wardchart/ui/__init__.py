"""The window: PySide6 and pyqtgraph views over storage and domain."""

from wardchart.ui.pyside_source_check import install

install()  # before the window's modules load: see pyside_source_check
