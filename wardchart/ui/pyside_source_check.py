"""PySide6 reads the whole source of every module imported after it: here it reads less.

For its optional ``__feature__`` switches (snake_case names, true properties), PySide6 asks
of every module imported once Qt is loaded whether its source mentions "PySide6", and
finds out with ``inspect.getsource``: each file is decoded, split into lines and kept in
``linecache``. On the window's way to its first chart that is some 400 modules and about
50 ms of CPU on every start (benchmarks/README.md). ``install`` answers the same question
by looking for the same word in the file's bytes, which gives the same answer for a
``.py`` file; anything else (no ``.py`` file, one that cannot be read) is still asked
PySide6's own way. wardchart uses no ``__feature__``; if PySide6 no longer asks, or asks
elsewhere, nothing is changed. The cost is known upstream (napari's slow start with
PySide6: https://github.com/napari/napari/issues/8584, traced there to this check).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

#: Where PySide6 keeps the question, and its name there (PySide6 6.4 to at least 6.11).
FEATURE_MODULE = "shibokensupport.feature"
QUESTION = "_mod_uses_pyside"


class _ReadsBytes:
    """``uses_pyside(module)``, answered from the file's bytes where there is a file."""

    def __init__(self, original: Callable[[ModuleType], object]) -> None:
        self.original = original

    def __call__(self, module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(self.original(module))


def install() -> None:
    """Answer PySide6's question for the modules imported from now on (once)."""
    import PySide6.QtCore  # noqa: F401  (loads PySide6's feature module)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, QUESTION, None)
    if feature is None or not callable(original) or isinstance(original, _ReadsBytes):
        return
    setattr(feature, QUESTION, _ReadsBytes(original))


def installed() -> _ReadsBytes | None:
    """The check in place, if ``install`` put it there."""
    check = getattr(sys.modules.get(FEATURE_MODULE), QUESTION, None)
    return check if isinstance(check, _ReadsBytes) else None
