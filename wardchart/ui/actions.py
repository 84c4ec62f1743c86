"""The window's actions: every menu entry, toolbar button and shortcut, in one table, and
which of them work in which state (a patient selected or not; the lock screen up).

Built before the window's first paint, so nothing here touches PySide6's ``Qt`` enum
namespace (~40 ms to build on first use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

#: While locked only these work: signing in (again) and quitting.
STAY_ENABLED_WHEN_LOCKED = frozenset({"switch_user", "quit"})

if TYPE_CHECKING:  # only for the type checker: a Protocol class costs the first paint time
    from pathlib import Path
    from typing import Protocol

    from wardchart.ui.census import CensusPanel

    class Handlers(Protocol):
        """What the actions call: the main window's handlers."""

        census: CensusPanel

        def print_patient(self, how: str, path: Path | None = None) -> object: ...
        def print_ward(self, how: str, path: Path | None = None) -> object: ...
        def open_backups(self) -> object: ...
        def open_merge(self) -> object: ...
        def open_conflicts(self) -> object: ...
        def open_held_messages(self) -> object: ...
        def switch_user(self) -> None: ...
        def close(self) -> object: ...
        def open_admit(self) -> object: ...
        def open_cycle(self) -> object: ...
        def open_edit_patient(self) -> object: ...
        def open_remove_patient(self) -> object: ...
        def open_precautions(self, active: bool) -> object: ...
        def open_cbc(self) -> object: ...
        def open_temperature(self) -> object: ...
        def open_gcsf(self) -> object: ...
        def act_on_selected_record(self, which: str) -> object: ...
        def refresh(self) -> None: ...
        def open_about(self) -> None: ...
        def open_accounts(self) -> object: ...
        def open_ward_settings(self) -> object: ...
        def open_regimens(self) -> object: ...


class Action:
    """One row of the table: a menu entry (and its shortcut). A plain class: a dataclass
    costs the first paint a few milliseconds more."""

    __slots__ = ("administrators", "name", "needs_patient", "run", "shortcut", "text", "tip")

    def __init__(
        self,
        name: str,
        text: str,
        run: Callable[[Handlers], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        *,
        needs_patient: bool = False,
        tip: str = "",
        administrators: bool = False,
    ) -> None:
        self.name = name
        self.text = text
        self.run = run
        self.shortcut = shortcut
        self.needs_patient = needs_patient
        self.tip = tip
        #: Only for ward administrators (docs/accounts.md): disabled, saying so, for others.
        self.administrators = administrators


#: A line between groups of a menu.
SEPARATOR = None

#: The menus, in order, each with its entries.
MENUS: list[tuple[str, list[Action | None]]] = [
    (
        "&File",
        [
            Action(
                "preview",
                "Print pre&view — patient summary…",
                lambda w: w.print_patient("preview"),
                "Ctrl+Shift+P",
                needs_patient=True,
            ),
            Action(
                "print",
                "&Print patient summary…",
                lambda w: w.print_patient("print"),
                QKeySequence.StandardKey.Print,
                needs_patient=True,
            ),
            Action(
                "export",
                "&Export patient summary PDF…",
                lambda w: w.print_patient("export"),
                "Ctrl+E",
                needs_patient=True,
            ),
            SEPARATOR,
            Action(
                "ward_preview", "Print preview — &ward sheet…", lambda w: w.print_ward("preview")
            ),
            Action("ward_print", "Print ward &sheet…", lambda w: w.print_ward("print")),
            Action("ward_export", "Export ward sheet P&DF…", lambda w: w.print_ward("export")),
            SEPARATOR,
            Action("backups", "&Backups…", lambda w: w.open_backups()),
            Action("merge", "&Merge from another chart…", lambda w: w.open_merge()),
            Action("held_messages", "&Lab messages held…", lambda w: w.open_held_messages()),
            Action("switch_user", "S&witch user…", lambda w: w.switch_user(), "Ctrl+Shift+S"),
            SEPARATOR,
            Action("quit", "&Quit", lambda w: w.close(), QKeySequence.StandardKey.Quit),
        ],
    ),
    (
        "&Patient",
        [
            Action("admit", "&Admit patient…", lambda w: w.open_admit(), "Ctrl+Shift+A"),
            Action(
                "cycle",
                "&Start cycle…",
                lambda w: w.open_cycle(),
                "Ctrl+Shift+C",
                needs_patient=True,
            ),
            Action(
                "edit_patient",
                "&Edit patient details…",
                lambda w: w.open_edit_patient(),
                needs_patient=True,
            ),
            Action(
                "remove_patient",
                "&Remove patient (entered in error)…",
                lambda w: w.open_remove_patient(),
                needs_patient=True,
            ),
            Action(
                "conflicts",
                "Re&view conflicts…",
                lambda w: w.open_conflicts(),
                tip="Records charted differently on two computers: keep one, correct, or link",
            ),
            SEPARATOR,
            Action(
                "precautions_on",
                "Set neutropenic &precautions…",
                lambda w: w.open_precautions(True),
                "Ctrl+Shift+N",
                needs_patient=True,
            ),
            Action(
                "precautions_off",
                "C&lear neutropenic precautions…",
                lambda w: w.open_precautions(False),
                "Ctrl+Shift+U",
                needs_patient=True,
            ),
        ],
    ),
    (
        "&Chart",
        [
            Action("cbc", "Record &CBC…", lambda w: w.open_cbc(), "Ctrl+L", needs_patient=True),
            Action(
                "temperature",
                "Record &temperature…",
                lambda w: w.open_temperature(),
                "Ctrl+T",
                needs_patient=True,
            ),
            Action(
                "gcsf", "Record &G-CSF dose…", lambda w: w.open_gcsf(), "Ctrl+G", needs_patient=True
            ),
            SEPARATOR,
            Action(
                "history",
                "&History of the selected record…",
                lambda w: w.act_on_selected_record("history"),
                "Ctrl+H",
                needs_patient=True,
            ),
            Action(
                "correct",
                "C&orrect the selected record…",
                lambda w: w.act_on_selected_record("correct"),
                "Ctrl+Shift+E",
                needs_patient=True,
            ),
            Action(
                "withdraw",
                "Mark the selected record entered in &error…",
                lambda w: w.act_on_selected_record("withdraw"),
                "Ctrl+Shift+X",
                needs_patient=True,
            ),
        ],
    ),
    (
        "&View",
        [
            Action(
                "find",
                "&Find patient",
                lambda w: w.census.focus_filter(),
                QKeySequence.StandardKey.Find,
            ),
            Action("refresh", "&Refresh", lambda w: w.refresh(), QKeySequence.StandardKey.Refresh),
        ],
    ),
    (
        "&Ward",
        [
            Action("accounts", "&Accounts…", lambda w: w.open_accounts(), administrators=True),
            Action(
                "ward_settings",
                "Ward &settings…",
                lambda w: w.open_ward_settings(),
                administrators=True,
            ),
            Action(
                "regimens", "&Regimen library…", lambda w: w.open_regimens(), administrators=True
            ),
        ],
    ),
    (
        "&Help",
        [
            Action("about", "&About wardchart", lambda w: w.open_about()),
            Action("log_folder", "Show &log folder", lambda w: _show_log_folder(w)),
        ],
    ),
]

#: The tooltip of an administrators' entry for everyone else.
FOR_ADMINISTRATORS = "Only a ward administrator can use this: sign in as one (File → Switch user)"

#: The toolbar: short labels; the menus carry the full wording.
TOOLBAR = (
    ("admit", "Admit"),
    ("cycle", "Start cycle"),
    ("cbc", "CBC"),
    ("temperature", "Temperature"),
    ("gcsf", "G-CSF"),
    ("precautions_on", "Precautions on"),
    ("precautions_off", "Precautions off"),
    ("history", "History"),
    ("correct", "Correct"),
    ("withdraw", "Entered in error"),
)


class WindowActions:
    """The table made into the window's menus, toolbar and shortcuts."""

    def __init__(self, window: QMainWindow, handlers: Handlers) -> None:
        self.window = window
        self.handlers = handlers
        self.by_name: dict[str, QAction] = {}
        #: Whether the person charting is a ward administrator (``for_role``).
        self.administrator = False
        bar = window.menuBar()
        for title, entries in MENUS:
            menu = bar.addMenu(title)
            menu.setToolTipsVisible(True)  # a disabled entry says who may use it
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._make(entry))
        toolbar = QToolBar("Charting")
        toolbar.setObjectName("charting_toolbar")
        self.toolbar = toolbar  # text only: set when the views are built, after the first paint
        for name, label in TOOLBAR:
            action = self.by_name[name]
            action.setIconText(label)
            toolbar.addAction(action)
        window.addToolBar(toolbar)
        self.for_role(False)  # until someone is known to be a ward administrator

    def _make(self, entry: Action) -> QAction:
        action = QAction(entry.text, self.window)
        shortcut = entry.shortcut
        if shortcut is not None:
            # A standard key brings every binding the platform has for it. (setShortcuts,
            # not setShortcut: the latter builds PySide6's Qt enums, ~40 ms, before the
            # window can show.)
            keys = (
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
            action.setShortcuts(keys)
        tip = entry.tip or entry.text.rstrip("…").replace("&", "")  # no Alt+letter marks
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: self._run(entry.run))
        action.setProperty("needs_patient", entry.needs_patient)
        action.setProperty("administrators", entry.administrators)
        action.setProperty("tip", tip)
        self.by_name[entry.name] = action
        return action

    def _run(self, run: Callable[[Handlers], Any]) -> None:
        """Every menu, toolbar and shortcut action starts with a clean status bar: a
        message about an earlier action never lingers into this one."""
        self.window.statusBar().clearMessage()
        run(self.handlers)

    def for_patient(self, has_patient: bool) -> None:
        """The actions on a patient work only while one is selected."""
        for action in self.by_name.values():
            if action.property("needs_patient"):
                action.setEnabled(has_patient)

    def only(self, enabled: Iterable[str]) -> None:
        """Only the ``enabled`` actions work (the lock screen is up)."""
        keep = set(enabled)
        for name, action in self.by_name.items():
            action.setEnabled(name in keep)

    def all_back(self, has_patient: bool) -> None:
        """Every action works again (those on a patient only with one selected, the
        administrators' only for an administrator)."""
        for action in self.by_name.values():
            action.setEnabled(True)
        self.for_patient(has_patient)
        self.for_role(self.administrator)

    def for_role(self, administrator: bool) -> None:
        """The administrators' entries work only for a ward administrator; for anyone
        else they stay in the menu, disabled, saying who may use them."""
        self.administrator = administrator
        for action in self.by_name.values():
            if action.property("administrators"):
                tip = action.property("tip") if administrator else FOR_ADMINISTRATORS
                action.setEnabled(administrator)
                action.setToolTip(tip)
                action.setStatusTip(tip)


def _show_log_folder(window: object) -> None:
    """Open the log folder; where no file manager can (a locked-down ward computer), say
    where it is instead of doing nothing."""
    from PySide6.QtWidgets import QMessageBox

    from wardchart.logs import log_folder
    from wardchart.ui.log_folder import show_log_folder

    if not show_log_folder():
        QMessageBox.information(
            window if isinstance(window, QWidget) else None,
            "Log folder",
            f"The log folder is:\n{log_folder()}\n\nNo file manager could open it here; "
            "IT can copy wardchart.log from there.",
        )
