"""The window: PySide6 and pyqtgraph views over storage and domain."""
