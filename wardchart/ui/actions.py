"""The window's actions: every menu entry, toolbar button and shortcut, in one table, and
which of them work in which state (a patient selected or not; the lock screen up).

Built before the window's first paint, so nothing here touches PySide6's ``Qt`` enum
namespace (~40 ms to build on first use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from wardchart import i18n
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import LANGUAGES, shown, translate

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
        QT_TRANSLATE_NOOP("Menus", "&File"),
        [
            Action(
                "preview",
                QT_TRANSLATE_NOOP("Menus", "Print pre&view — patient summary…"),
                lambda w: w.print_patient("preview"),
                "Ctrl+Shift+P",
                needs_patient=True,
            ),
            Action(
                "print",
                QT_TRANSLATE_NOOP("Menus", "&Print patient summary…"),
                lambda w: w.print_patient("print"),
                QKeySequence.StandardKey.Print,
                needs_patient=True,
            ),
            Action(
                "export",
                QT_TRANSLATE_NOOP("Menus", "&Export patient summary PDF…"),
                lambda w: w.print_patient("export"),
                "Ctrl+E",
                needs_patient=True,
            ),
            SEPARATOR,
            Action(
                "ward_preview",
                QT_TRANSLATE_NOOP("Menus", "Print preview — &ward sheet…"),
                lambda w: w.print_ward("preview"),
            ),
            Action(
                "ward_print",
                QT_TRANSLATE_NOOP("Menus", "Print ward &sheet…"),
                lambda w: w.print_ward("print"),
            ),
            Action(
                "ward_export",
                QT_TRANSLATE_NOOP("Menus", "Export ward sheet P&DF…"),
                lambda w: w.print_ward("export"),
            ),
            SEPARATOR,
            Action("backups", QT_TRANSLATE_NOOP("Menus", "&Backups…"), lambda w: w.open_backups()),
            Action(
                "merge",
                QT_TRANSLATE_NOOP("Menus", "&Merge from another chart…"),
                lambda w: w.open_merge(),
            ),
            Action(
                "held_messages",
                QT_TRANSLATE_NOOP("Menus", "&Lab messages held…"),
                lambda w: w.open_held_messages(),
            ),
            Action(
                "switch_user",
                QT_TRANSLATE_NOOP("Menus", "S&witch user…"),
                lambda w: w.switch_user(),
                "Ctrl+Shift+S",
            ),
            SEPARATOR,
            Action(
                "quit",
                QT_TRANSLATE_NOOP("Menus", "&Quit"),
                lambda w: w.close(),
                QKeySequence.StandardKey.Quit,
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Patient"),
        [
            Action(
                "admit",
                QT_TRANSLATE_NOOP("Menus", "&Admit patient…"),
                lambda w: w.open_admit(),
                "Ctrl+Shift+A",
            ),
            Action(
                "cycle",
                QT_TRANSLATE_NOOP("Menus", "&Start cycle…"),
                lambda w: w.open_cycle(),
                "Ctrl+Shift+C",
                needs_patient=True,
            ),
            Action(
                "edit_patient",
                QT_TRANSLATE_NOOP("Menus", "&Edit patient details…"),
                lambda w: w.open_edit_patient(),
                needs_patient=True,
            ),
            Action(
                "remove_patient",
                QT_TRANSLATE_NOOP("Menus", "&Remove patient (entered in error)…"),
                lambda w: w.open_remove_patient(),
                needs_patient=True,
            ),
            Action(
                "conflicts",
                QT_TRANSLATE_NOOP("Menus", "Re&view conflicts…"),
                lambda w: w.open_conflicts(),
                tip=QT_TRANSLATE_NOOP(
                    "Menus",
                    "Records charted differently on two computers: keep one, correct, or link",
                ),
            ),
            SEPARATOR,
            Action(
                "precautions_on",
                QT_TRANSLATE_NOOP("Menus", "Set neutropenic &precautions…"),
                lambda w: w.open_precautions(True),
                "Ctrl+Shift+N",
                needs_patient=True,
            ),
            Action(
                "precautions_off",
                QT_TRANSLATE_NOOP("Menus", "C&lear neutropenic precautions…"),
                lambda w: w.open_precautions(False),
                "Ctrl+Shift+U",
                needs_patient=True,
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Chart"),
        [
            Action(
                "cbc",
                QT_TRANSLATE_NOOP("Menus", "Record &CBC…"),
                lambda w: w.open_cbc(),
                "Ctrl+L",
                needs_patient=True,
            ),
            Action(
                "temperature",
                QT_TRANSLATE_NOOP("Menus", "Record &temperature…"),
                lambda w: w.open_temperature(),
                "Ctrl+T",
                needs_patient=True,
            ),
            Action(
                "gcsf",
                QT_TRANSLATE_NOOP("Menus", "Record &G-CSF dose…"),
                lambda w: w.open_gcsf(),
                "Ctrl+G",
                needs_patient=True,
            ),
            SEPARATOR,
            Action(
                "history",
                QT_TRANSLATE_NOOP("Menus", "&History of the selected record…"),
                lambda w: w.act_on_selected_record("history"),
                "Ctrl+H",
                needs_patient=True,
            ),
            Action(
                "correct",
                QT_TRANSLATE_NOOP("Menus", "C&orrect the selected record…"),
                lambda w: w.act_on_selected_record("correct"),
                "Ctrl+Shift+E",
                needs_patient=True,
            ),
            Action(
                "withdraw",
                QT_TRANSLATE_NOOP("Menus", "Mark the selected record entered in &error…"),
                lambda w: w.act_on_selected_record("withdraw"),
                "Ctrl+Shift+X",
                needs_patient=True,
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&View"),
        [
            Action(
                "find",
                QT_TRANSLATE_NOOP("Menus", "&Find patient"),
                lambda w: w.census.focus_filter(),
                QKeySequence.StandardKey.Find,
            ),
            Action(
                "refresh",
                QT_TRANSLATE_NOOP("Menus", "&Refresh"),
                lambda w: w.refresh(),
                QKeySequence.StandardKey.Refresh,
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Ward"),
        [
            Action(
                "accounts",
                QT_TRANSLATE_NOOP("Menus", "&Accounts…"),
                lambda w: w.open_accounts(),
                administrators=True,
            ),
            Action(
                "ward_settings",
                QT_TRANSLATE_NOOP("Menus", "Ward &settings…"),
                lambda w: w.open_ward_settings(),
                administrators=True,
            ),
            Action(
                "regimens",
                QT_TRANSLATE_NOOP("Menus", "&Regimen library…"),
                lambda w: w.open_regimens(),
                administrators=True,
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Help"),
        [
            Action(
                "about", QT_TRANSLATE_NOOP("Menus", "&About wardchart"), lambda w: w.open_about()
            ),
            Action(
                "log_folder",
                QT_TRANSLATE_NOOP("Menus", "Show &log folder"),
                lambda w: _show_log_folder(w),
            ),
        ],
    ),
]

#: The tooltip of an administrators' entry for everyone else.
FOR_ADMINISTRATORS = QT_TRANSLATE_NOOP(
    "Menus", "Only a ward administrator can use this: sign in as one (File → Switch user)"
)

#: The toolbar: short labels; the menus carry the full wording.
TOOLBAR = (
    ("admit", QT_TRANSLATE_NOOP("Toolbar", "Admit")),
    ("cycle", QT_TRANSLATE_NOOP("Toolbar", "Start cycle")),
    ("cbc", QT_TRANSLATE_NOOP("Toolbar", "CBC")),
    ("temperature", QT_TRANSLATE_NOOP("Toolbar", "Temperature")),
    ("gcsf", QT_TRANSLATE_NOOP("Toolbar", "G-CSF")),
    ("precautions_on", QT_TRANSLATE_NOOP("Toolbar", "Precautions on")),
    ("precautions_off", QT_TRANSLATE_NOOP("Toolbar", "Precautions off")),
    ("history", QT_TRANSLATE_NOOP("Toolbar", "History")),
    ("correct", QT_TRANSLATE_NOOP("Toolbar", "Correct")),
    ("withdraw", QT_TRANSLATE_NOOP("Toolbar", "Entered in error")),
)


class WindowActions:
    """The table made into the window's menus, toolbar and shortcuts."""

    def __init__(self, window: QMainWindow, handlers: Handlers) -> None:
        self.window = window
        self.handlers = handlers
        self.by_name: dict[str, QAction] = {}
        #: Whether the person charting is a ward administrator (``for_role``).
        self.administrator = False
        #: View → Language: "" (the system's) and each language's code → its entry.
        self.languages: dict[str, QAction] = {}
        bar = window.menuBar()
        for title, entries in MENUS:
            menu = bar.addMenu(shown(title))
            menu.setToolTipsVisible(True)  # a disabled entry says who may use it
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._make(entry))
            if title == "&View":
                menu.addSeparator()
                self.language_menu = self._language_menu(menu)
        toolbar = QToolBar(translate("Toolbar", "Charting"))
        toolbar.setObjectName("charting_toolbar")
        self.toolbar = toolbar  # text only: set when the views are built, after the first paint
        for name, label in TOOLBAR:
            action = self.by_name[name]
            action.setIconText(shown(label))
            toolbar.addAction(action)
        window.addToolBar(toolbar)
        self.for_role(False)  # until someone is known to be a ward administrator

    def _make(self, entry: Action) -> QAction:
        text = shown(entry.text)
        action = QAction(text, self.window)
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
        tip = shown(entry.tip) or text.rstrip("…").replace("&", "")  # no Alt+letter marks
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: self._run(entry.run))
        action.setProperty("needs_patient", entry.needs_patient)
        action.setProperty("administrators", entry.administrators)
        action.setProperty("tip", tip)
        self.by_name[entry.name] = action
        return action

    def _language_menu(self, view: QMenu) -> QMenu:
        """View → Language: the system's, or one of the languages wardchart ships, saved
        for this user and used from the next start (docs/translations.md)."""
        menu = view.addMenu(translate("Menus", "&Language"))
        menu.setToolTipsVisible(True)
        choices = [("", translate("Menus", "&System default"))]
        choices += list(LANGUAGES.items())  # each in its own language, never translated
        for code, label in choices:
            action = QAction(label, menu, checkable=True)
            action.setData(code)
            menu.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.languages[code] = action
        # One entry ticked, by show_language_choice (a QActionGroup would build one more of
        # PySide6's enums before the first paint).
        menu.aboutToShow.connect(self.show_language_choice)
        return menu

    def show_language_choice(self) -> None:
        """Tick the saved choice; a language fixed by the machine file cannot be changed,
        and one chosen by ``$WARDCHART_LANGUAGE`` for this run is ticked as in use."""
        from wardchart.storage.machine_config import language_code
        from wardchart.ui import settings

        fixed_by = settings.language_fixed_by()
        if i18n.environment_decides():
            chosen = i18n.language()
            tip = translate(
                "Menus", "Chosen for this run by the environment variable {variable}"
            ).format(variable=i18n.ENV_LANGUAGE)
        elif fixed_by:
            chosen = settings.chosen_language()
            tip = translate("Menus", "Fixed for every user of this computer by {path}").format(
                path=fixed_by
            )
        else:
            chosen = language_code(str(settings.load(settings.LANGUAGE))) or ""
            tip = translate("Menus", "Used the next time wardchart starts")
        for code, action in self.languages.items():
            action.setChecked(code == (chosen if chosen in LANGUAGES else ""))
            action.setEnabled(fixed_by is None and not i18n.environment_decides())
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def choose_language(self, code: str) -> QMessageBox | None:
        """Save this user's language and say that it applies from the next start (the
        window is not worded again while open: dialogs, tables and the chart all are)."""
        from wardchart.ui import settings

        if settings.language_fixed_by() is not None or i18n.environment_decides():
            self.show_language_choice()
            return None
        settings.store(settings.LANGUAGE, code)
        self.show_language_choice()
        said = {  # each language named in the words of the sentence around it
            "en": translate("Menus", "wardchart will be in English the next time it starts."),
            "de": translate("Menus", "wardchart will be in German the next time it starts."),
        }
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("Menus", "Language"),
            said.get(code)
            or translate(
                "Menus", "wardchart will be in the system's language the next time it starts."
            ),
            parent=self.window,
        )
        box.open()  # not modal: nothing waits on it
        return box

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
                tip = action.property("tip") if administrator else shown(FOR_ADMINISTRATORS)
                action.setEnabled(administrator)
                action.setToolTip(tip)
                action.setStatusTip(tip)


def _show_log_folder(window: object) -> None:
    """Open the log folder; where no file manager can (a locked-down ward computer), say
    where it is instead of doing nothing."""
    from wardchart.logs import log_folder
    from wardchart.ui.log_folder import show_log_folder

    if not show_log_folder():
        QMessageBox.information(
            window if isinstance(window, QWidget) else None,
            translate("Menus", "Log folder"),
            translate(
                "Menus",
                "The log folder is:\n{folder}\n\nNo file manager could open it here; "
                "IT can copy wardchart.log from there.",
            ).format(folder=log_folder()),
        )
