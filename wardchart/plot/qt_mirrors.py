"""pyqtgraph imported without making every Qt class at once.

PySide6 makes a Qt class's Python type only when it is first asked for (~0.15 ms each).
pyqtgraph, on import, fills its own copies of ``QtCore``, ``QtGui`` and ``QtWidgets``
(``pyqtgraph.Qt.QtCore`` …) by asking PySide6 for every name those modules list: some 700
classes made that the chart never uses (~110 ms of CPU in a bare process; ~40 ms in the
window's start, which has made many of them already; benchmarks/README.md).
``import_pyqtgraph`` gives pyqtgraph copies that ask PySide6 for a name when it is first
used instead, and while pyqtgraph imports, has PySide6's three modules list no names, so
nothing is copied. Every name then means what it meant: the same PySide6 object, and
pyqtgraph's own additions are set on its copies as before (tests/ui/test_qt_mirrors.py
compares every name with a plain import).

If pyqtgraph (or any part of it) is already imported, or the modules are not as expected
(no ``__dir__`` of PySide6's own; another Qt binding chosen), pyqtgraph is imported the
plain way. One thread imports at a time; a failed import leaves nothing of pyqtgraph
behind.
"""

from __future__ import annotations

import os
import sys
import threading
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: The Qt modules pyqtgraph copies, by their last name.
COPIED = ("QtCore", "QtGui", "QtWidgets")

#: One import at a time: PySide6's listings are swapped out meanwhile.
_IMPORTING = threading.Lock()


class _OnDemand(ModuleType):
    """A module whose names are looked up in ``source`` when first asked for."""

    def __init__(self, name: str, source: ModuleType) -> None:
        super().__init__(name)
        self.__spec__ = ModuleSpec(name, None)
        self.__package__ = name.rpartition(".")[0]
        vars(self)["__source"] = source  # not a name any Qt module has

    def __getattr__(self, name: str) -> Any:
        if name in ("__file__", "__path__"):  # made here: no file, not a package
            raise AttributeError(name)
        source = vars(self)["__source"]
        if name == "__all__":  # ``from … import *``: every public name, as a copy has
            return [n for n in dir(self) if not n.startswith("_")]
        value = getattr(source, name)
        setattr(self, name, value)  # kept, as pyqtgraph's own copy keeps it
        return value

    def __dir__(self) -> list[str]:
        own = set(vars(self)) - {"__source"}
        return sorted(own | set(dir(vars(self)["__source"])))


def _can_copy_on_demand() -> bool:
    if os.environ.get("PYQTGRAPH_QT_LIB", "PySide6") != "PySide6":
        return False
    if any(name == "pyqtgraph" or name.startswith("pyqtgraph.") for name in sys.modules):
        return False  # imported already, or part of it left by a failed import
    import PySide6.QtWidgets  # noqa: F401  (loads all three)

    return all(callable(vars(sys.modules[f"PySide6.{name}"]).get("__dir__")) for name in COPIED)


def import_pyqtgraph() -> Any:
    """``import pyqtgraph``, its copies of the Qt modules filled on demand where possible."""
    with _IMPORTING:
        if not _can_copy_on_demand():
            import pyqtgraph

            return pyqtgraph
        return _import_on_demand()


def _import_on_demand() -> Any:
    sources = [sys.modules[f"PySide6.{name}"] for name in COPIED]
    listings = [vars(source)["__dir__"] for source in sources]
    for name, source in zip(COPIED, sources, strict=True):
        sys.modules[f"pyqtgraph.Qt.{name}"] = _OnDemand(f"pyqtgraph.Qt.{name}", source)
        source.__dir__ = list  # type: ignore[method-assign]  # lists nothing: an empty list
    try:
        import pyqtgraph
    except BaseException:
        # Nothing of the attempt is kept: a second attempt starts as the first did.
        for loaded in [n for n in sys.modules if n == "pyqtgraph" or n.startswith("pyqtgraph.")]:
            del sys.modules[loaded]
        raise
    finally:
        for source, listing in zip(sources, listings, strict=True):
            source.__dir__ = listing  # type: ignore[method-assign]
    return pyqtgraph
