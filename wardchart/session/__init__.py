"""The charting session: one open chart file, who is charting, and the one way to save.

Used alike by the command line (``wardchart.cli``) and the window (``wardchart.ui``, which
wraps it with Qt signals). It has no Qt. See docs/architecture.md.
"""

from wardchart.session.core import ChartingSession, NotPermitted, SignInPrompt
from wardchart.session.merging import ResolveConflict
from wardchart.session.opening import PassphrasePrompt, Written, charting, open_store

__all__ = [
    "ChartingSession",
    "NotPermitted",
    "PassphrasePrompt",
    "ResolveConflict",
    "SignInPrompt",
    "Written",
    "charting",
    "open_store",
]
