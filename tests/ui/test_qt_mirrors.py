"""pyqtgraph imported with its Qt copies filled on demand means what a plain import means,
and makes far fewer Qt classes on the way. Each case runs in a fresh interpreter: this one
has imported pyqtgraph long ago."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import Any

MODULES = ("QtCore", "QtGui", "QtWidgets")

#: Prints, as JSON: for each copied module, what every name of PySide6's module and of
#: pyqtgraph's copy stands for, how many names PySide6 lists, and how many of its types
#: have been made; and the kind of pyqtgraph's copy.
REPORT = """
import json, sys
import PySide6.QtWidgets
from PySide6.QtWidgets import QApplication
app = QApplication([])
listed = {{m: list(dir(sys.modules["PySide6." + m])) for m in {modules}}}
{load}
import pyqtgraph
made = {{m: len(vars(sys.modules["PySide6." + m])) for m in {modules}}}
own = ("__name__", "__doc__", "__loader__", "__spec__", "__package__", "__file__",
       "__path__", "__cached__", "__builtins__", "__dir__")  # each module's own
out = {{}}
for m in {modules}:
    source, copy = sys.modules["PySide6." + m], getattr(pyqtgraph.Qt, m)
    names = set(listed[m]) | {{n for n in vars(copy) if not n.startswith("_")}}
    names |= {{"QOpenGLWidget", "QFileSystemModel", "Signal", "QObject", "Qt"}}
    out[m] = {{
        "names": {{n: repr(getattr(copy, n, "<missing>")) for n in sorted(names)
                   if n not in own}},
        "same": all(getattr(copy, n) is getattr(source, n) for n in listed[m] if n not in own),
        "listed_after": list(dir(source)) == listed[m],
        "made": made[m],
        "listed": len(listed[m]),
        "kind": type(copy).__name__,
    }}
print(json.dumps(out))
"""


def _run(code: str, env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter, offscreen; its standard output."""
    run_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=run_env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _report(load: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    code = REPORT.format(modules=MODULES, load=textwrap.dedent(load))
    return json.loads(_run(code, env).splitlines()[-1])  # type: ignore[no-any-return]


def test_every_name_means_what_a_plain_import_gives_it() -> None:
    plain = _report("")
    on_demand = _report(
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\nimport_pyqtgraph()"
    )
    for module in MODULES:
        assert on_demand[module]["kind"] == "_OnDemand"
        assert plain[module]["kind"] == "module"
        assert on_demand[module]["same"], module
        assert on_demand[module]["listed_after"], module  # PySide6 lists its names again
        assert on_demand[module]["names"] == plain[module]["names"], module


def test_far_fewer_qt_classes_are_made() -> None:
    plain = _report("")
    on_demand = _report(
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\nimport_pyqtgraph()"
    )
    for module in MODULES:
        assert plain[module]["made"] >= plain[module]["listed"] * 0.9, module
        assert on_demand[module]["made"] < on_demand[module]["listed"] * 0.5, module


def test_another_qt_binding_asked_for_gets_the_plain_import() -> None:
    # PYQTGRAPH_QT_LIB names the binding pyqtgraph is to use; only PySide6 is installed,
    # so naming it explicitly is the one case that can be run here.
    report = _report(
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\nimport_pyqtgraph()",
        env={"PYQTGRAPH_QT_LIB": "PySide6"},
    )
    assert report["QtCore"]["kind"] == "_OnDemand"
    report = _report(
        "import os\nos.environ['PYQTGRAPH_QT_LIB'] = 'PyQt6'\n"
        "from wardchart.plot import qt_mirrors\n"
        "assert not qt_mirrors._can_copy_on_demand()\n"
        "del os.environ['PYQTGRAPH_QT_LIB']\n"
    )
    assert report["QtCore"]["kind"] == "module"


def test_pyqtgraph_already_imported_is_given_as_it_is() -> None:
    code = (
        "import PySide6.QtWidgets, pyqtgraph\n"
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\n"
        "assert import_pyqtgraph() is pyqtgraph\n"
        "assert type(pyqtgraph.Qt.QtCore).__name__ == 'module'\n"
    )
    _run(code)


def test_a_failed_import_leaves_pyside6_as_it_was() -> None:
    code = (
        "import sys, PySide6.QtWidgets as W\n"
        "before = dir(W)\n"
        "class Halt:  # the import fails part way\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'pyqtgraph.functions':  # after pyqtgraph.Qt\n"
        "            raise ImportError('halted')\n"
        "halt = Halt()\n"
        "sys.meta_path.insert(0, halt)\n"
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\n"
        "try:\n"
        "    import_pyqtgraph()\n"
        "except ImportError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('imported')\n"
        "assert dir(W) == before\n"
        "assert not [m for m in sys.modules if m.startswith('pyqtgraph')]\n"
        "sys.meta_path.remove(halt)  # a second attempt, that succeeds\n"
        "pg = import_pyqtgraph()\n"
        "assert sys.modules['pyqtgraph.Qt.QtWidgets'] is pg.Qt.QtWidgets\n"
        "from pyqtgraph.Qt.QtWidgets import QOpenGLWidget\n"
        "assert dir(W) == before\n"
    )
    _run(code)


def test_two_threads_importing_at_once_leave_pyside6_as_it_was() -> None:
    """The second thread decides while the first is part way, as unluckily as can be:
    it waits for the first instead, and PySide6's listings are put back."""
    code = (
        "import sys, threading, PySide6.QtWidgets as W\n"
        "before = dir(W)\n"
        "from wardchart.plot import qt_mirrors\n"
        "first_decided, second_decided, first_swapped = (threading.Event() for _ in range(3))\n"
        "decide = qt_mirrors._can_copy_on_demand\n"
        "def unlucky():\n"
        "    if threading.current_thread().name == 'first':\n"
        "        answer = decide()\n"
        "        first_decided.set()\n"
        "        second_decided.wait(2)\n"
        "        return answer\n"
        "    first_decided.wait(2)\n"
        "    answer = decide()\n"
        "    second_decided.set()\n"
        "    first_swapped.wait(2)\n"
        "    return answer\n"
        "class Swapped:  # the first thread has swapped the listings and begun the import\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'pyqtgraph' and threading.current_thread().name == 'first':\n"
        "            first_swapped.set()\n"
        "        return None\n"
        "sys.meta_path.insert(0, Swapped())\n"
        "qt_mirrors._can_copy_on_demand = unlucky\n"
        "threads = [threading.Thread(target=qt_mirrors.import_pyqtgraph, name=n)\n"
        "           for n in ('first', 'second')]\n"
        "for t in threads: t.start()\n"
        "for t in threads: t.join()\n"
        "assert dir(W) == before, len(dir(W))\n"
    )
    _run(code)


def test_a_star_import_gives_every_name() -> None:
    code = (
        "from wardchart.plot.qt_mirrors import import_pyqtgraph\n"
        "import_pyqtgraph()\n"
        "import PySide6.QtCore\n"
        "names = {}\n"
        "exec('from pyqtgraph.Qt.QtCore import *', names)\n"
        "public = {n for n in dir(PySide6.QtCore) if not n.startswith('_')}\n"
        "assert public <= set(names), public - set(names)\n"
        "assert names['QTimer'] is PySide6.QtCore.QTimer\n"
    )
    _run(code)


def test_the_chart_module_imports_pyqtgraph_this_way() -> None:
    report = _report("import wardchart.plot.cycle_chart")
    assert report["QtWidgets"]["kind"] == "_OnDemand"
