"""Qt paints on the thread that asks: never handed to helper threads and waited for.

Qt 6 splits a fill that covers enough of an image into parts, gives them to a pool of
threads of its own and waits for all of them to finish. The parts wardchart paints are
small (a scroll bar, a row of a table, the chart's band and lines): handing them over and
waiting cost more than the painting, about a millisecond of every patient selected
(benchmarks/README.md, "A seventh pass"). ``QT_NO_GUI_THREADPOOL`` is Qt's own switch for
this; Qt reads it once, before its first such fill, so it is set before the application
is made. Set by IT to any value, it stays as set (Qt treats any value as on).
"""

from __future__ import annotations

import os

SWITCH = "QT_NO_GUI_THREADPOOL"


def paint_on_one_thread() -> None:
    """Call before the Qt application is made."""
    os.environ.setdefault(SWITCH, "1")
