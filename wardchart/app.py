"""Composition root for the window: the chart file, the person charting, the main window.

The window is shown first; the chart file is opened and pyqtgraph imported just after,
so a nurse sees wardchart at once (see benchmarks/README.md).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from wardchart.report.offscreen import quiet_offscreen_warnings

if TYPE_CHECKING:
    from wardchart.domain.users import User
    from wardchart.session import PassphrasePrompt, SignInPrompt
    from wardchart.storage.database import ChartStore

__all__ = ["open_session", "quiet_offscreen_warnings", "run_window"]

SELF_TEST_TIMEOUT_MS = 60_000
#: The desktop entry's id (resources/<id>.desktop), the same as the AppStream id.
DESKTOP_ID = "org.wardchart.Wardchart"
#: The backup taken on open (and the log's start line) waits until the first chart is on
#: screen.
OPEN_BACKUP_DELAY_MS = 2000


def _log_path() -> Path:
    from wardchart.logs import log_path

    return log_path()


def _install_error_hook() -> None:
    """Unexpected errors go to the log (wardchart/logs.py) and a plain message, never a
    traceback on screen."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        from wardchart.logs import log_exception

        path = log_exception(kind, error, tb)
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            from wardchart.i18n import translate

            QMessageBox.warning(
                None,
                "wardchart",
                translate(
                    "App",
                    "Something went wrong in wardchart. Everything you saved is "
                    "safe in the chart file.\n\nDetails for IT: {path}",
                ).format(path=path),
            )

    sys.excepthook = hook


def _set_icon(app: object) -> None:
    from importlib import resources

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    icon = resources.files("wardchart.resources").joinpath("wardchart.png")
    app.setWindowIcon(QIcon(str(icon)))


def _use_portable_settings() -> None:
    """On a portable install the window's settings live in data/ beside the program too."""
    from PySide6.QtCore import QSettings

    from wardchart.paths import portable_data_folder

    folder = portable_data_folder()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _no_display() -> bool:
    """On Linux without X11 or Wayland, Qt would abort the process: say so instead."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _application() -> object:
    """The Qt application, named (its settings are found by the name), with the language
    chosen: before anything is worded, the first window or the start-up failure dialog."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from wardchart.plot.painting_threads import paint_on_one_thread

    paint_on_one_thread()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("wardchart")
    app.setOrganizationName("wardchart")
    QGuiApplication.setDesktopFileName(DESKTOP_ID)  # the window's app id = the menu entry
    _use_portable_settings()
    install_language()
    return app


def install_language() -> str:
    """Read wardchart in the language chosen for this user (docs/translations.md):
    ``$WARDCHART_LANGUAGE``, else the machine file's locked language, else View →
    Language, else the machine file's default, else the system's. Returns its code."""
    from wardchart import i18n
    from wardchart.ui.settings import chosen_language

    language = i18n.install(chosen_language())
    if i18n.unknown_environment_language():
        from wardchart.logs import log_unknown_language

        log_unknown_language(i18n.unknown_environment_language(), language)
    return language


def show_failure_before_window(reason: str) -> None:
    """The window was asked for but cannot start (a bad machine file, a refused chart
    path): say so in a dialog as well, where there is a screen to show it on."""
    if _no_display():
        return
    _application()
    from wardchart.ui.startup_failure import show_startup_failure

    show_startup_failure(reason)


def run_window(
    db_path: Path, actor: str, *, self_test: bool = False, user: str | None = None
) -> int:
    """Open the main window on a chart file; return the exit status."""
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        quiet_offscreen_warnings()
    elif _no_display():
        from wardchart.i18n import install, translate
        from wardchart.logs import log_pending_start
        from wardchart.storage.machine_config import chosen_language

        install(chosen_language())  # no window settings without a display
        log_pending_start()
        said = translate(
            "App",
            "no display to open the window on (DISPLAY is not set); "
            "run it in a desktop session, or use the commands (wardchart --help)",
        )
        # The prefix stays English in every language: scripts look for it.
        print(f"wardchart: error: {said}", file=sys.stderr)
        return 2
    # Start-up builds hundreds of thousands of objects that live as long as the program:
    # collecting garbage meanwhile only walks them again and again (5–10 % of start-up).
    # Collection resumes once the chart is drawn, with those objects set aside for good.
    gc.disable()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from wardchart.ui.first_paint import after_first_paint
    from wardchart.ui.main_window import MainWindow

    app = _application()
    assert isinstance(app, QApplication)
    if not self_test:
        _install_error_hook()
    window = MainWindow()
    window.show()
    outcome: dict[str, int] = {}

    def open_chart() -> None:
        _set_icon(app)  # after the first paint: loading the image is not needed for it
        from wardchart.logs import log_pending_start

        ask = (
            None
            if self_test
            else (lambda error, _backup, taken: _ask_for_backup(window, error, taken))
        )
        reasons: list[object] = []
        status = open_session(
            window,
            db_path,
            actor,
            ask,
            _signer(window, self_test, user),
            _unlocker(window, self_test),
            failed=None if self_test else reasons.append,
        )
        if status:
            log_pending_start()
            gc.enable()
            if reasons:  # seen on screen too, not only on stderr (ui/startup_failure.py)
                from wardchart.ui.startup_failure import show_startup_failure

                show_startup_failure(reasons[-1], window)
            outcome["status"] = status
            app.exit(status)
            return
        window.load_chart()
        QTimer.singleShot(0, _collect_garbage_again)
        # The start line waits with the backup: nothing of it is needed for the first chart.
        QTimer.singleShot(OPEN_BACKUP_DELAY_MS, log_pending_start)
        if not self_test:
            QTimer.singleShot(OPEN_BACKUP_DELAY_MS, lambda: window.backup("open"))
        if self_test:
            outcome["status"] = _self_test(window)
            app.exit(outcome["status"])

    def reopen() -> None:  # the file was replaced (encrypted, decrypted) under the window
        open_session(
            window,
            db_path,
            actor,
            None,
            _signer(window, self_test, user),
            _unlocker(window, self_test),
        )

    window.reopen_requested.connect(reopen)
    after_first_paint(window, open_chart)  # the window first, then the chart file
    if self_test:
        QTimer.singleShot(SELF_TEST_TIMEOUT_MS, lambda: app.exit(1))
    status = app.exec()
    from wardchart.logs import log_pending_start

    log_pending_start()  # closed before it was written
    return outcome.get("status", status)


def _collect_garbage_again() -> None:
    """Start-up is over: keep what it built out of every future collection, and collect."""
    gc.freeze()
    gc.enable()


def _ask_for_backup(window: object, error: str, taken: str) -> bool:
    """Ask the nurse whether to open the latest verified backup instead."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    assert isinstance(window, QWidget)
    from wardchart.i18n import translate

    answer = QMessageBox.question(
        window,
        translate("App", "wardchart cannot open the chart file"),
        translate(
            "App",
            "{error}\n\nOpen the latest verified backup ({taken}) instead? The damaged file "
            "is left exactly as it is for IT to examine; entries made now go into the "
            "backup copy.",
        ).format(error=error, taken=taken),
    )
    return answer == QMessageBox.StandardButton.Yes


def _signer(window: object, self_test: bool, user: str | None) -> SignInPrompt:
    """How the window signs in on a file with accounts: the dialog; for --self-test,
    --user with $WARDCHART_PASSWORD (it has nobody to ask)."""

    def sign_in(store: ChartStore) -> User | None:
        from datetime import datetime

        from wardchart.domain.problems import InvalidEntry
        from wardchart.i18n import shown, translate
        from wardchart.storage import users
        from wardchart.ui.dialogs.sign_in import ask_sign_in

        def now() -> datetime:
            return datetime.now().astimezone()

        if not self_test:
            from PySide6.QtWidgets import QWidget

            assert isinstance(window, QWidget)
            return ask_sign_in(store, now, window, username=user or "")
        password = os.environ.get("WARDCHART_PASSWORD")
        if user is None or password is None:
            said = translate(
                "App",
                "--user: this chart file has accounts: give --user "
                "and WARDCHART_PASSWORD for the self-test",
            )
            print(f"wardchart: error: {said}", file=sys.stderr)
            return None
        from wardchart.storage.errors import ChartFileError

        try:
            return users.sign_in(store, user, password, now=now())
        except InvalidEntry as error:
            print(f"wardchart: error: {shown(error.first.message)}", file=sys.stderr)
            return None
        except ChartFileError as error:  # busy: not signed in, never let through
            print(f"wardchart: error: {shown(error)}", file=sys.stderr)
            return None

    return sign_in


def open_session(  # noqa: PLR0917  the window's tests pass the prompts in this order
    window: object,
    db_path: Path,
    actor: str,
    ask: Callable[[str, Path, str], bool] | None,
    sign_in: SignInPrompt | None = None,
    unlock: PassphrasePrompt | None = None,
    *,
    failed: Callable[[object], None] | None = None,
) -> int:
    """Open the chart (or, if it is damaged and ``ask`` agrees, its latest verified backup).
    An encrypted chart takes its passphrase from ``unlock`` (three tries); a file with
    accounts, a signed-in account from ``sign_in``."""
    from wardchart.i18n import clinical_time, shown
    from wardchart.paths import default_chart_path
    from wardchart.session import ChartingSession, open_store
    from wardchart.storage.database import quick_check
    from wardchart.storage.errors import ChartFileError, WrongPassphraseError
    from wardchart.ui.main_window import MainWindow
    from wardchart.ui.session import ChartSession

    assert isinstance(window, MainWindow)
    try:
        if db_path == default_chart_path():
            db_path.parent.mkdir(parents=True, exist_ok=True)
        store = open_store(db_path, unlock, tries=3)
        quick_check(store)
    except WrongPassphraseError as error:
        print(f"wardchart: error: {shown(error)}", file=sys.stderr)
        if failed is not None:
            failed(error)
        return 2  # an encrypted chart: its backups need the same passphrase
    except (ChartFileError, OSError) as error:
        print(f"wardchart: error: {shown(error)}", file=sys.stderr)
        if failed is not None:
            failed(error)
        # Loaded only for a damaged file: its imports would delay every first chart.
        from wardchart.storage.backup import list_backups, verify_backup

        good = next((b for b in list_backups(db_path) if verify_backup(b.path) == "ok"), None)
        if good is None or ask is None:
            return 2
        if not ask(shown(error), good.path, clinical_time(good.taken_at.astimezone())):
            return 2
        return open_session(window, good.path, actor, None, sign_in, failed=failed)
    session = ChartingSession(store, actor)
    # Nobody sees a patient before signing in.
    if not session.sign_in_with(sign_in or (lambda _store: None)):
        session.close()
        return 2
    window.set_session(ChartSession.around(session))
    return 0


def _unlocker(window: object, self_test: bool) -> PassphrasePrompt:
    """How the window asks for an encrypted chart's passphrase: a password box; for
    --self-test, $WARDCHART_PASSPHRASE."""

    def unlock(path: Path, why: str) -> str | None:
        if self_test:
            key = os.environ.get("WARDCHART_PASSPHRASE")
            if key is None:
                from wardchart.i18n import translate

                said = translate(
                    "App",
                    "chart file {path} is encrypted, or damaged, or not "
                    "a chart file (it is not a plain SQLite database): for the self-test "
                    "of an encrypted file set WARDCHART_PASSPHRASE",
                ).format(path=path)
                print(f"wardchart: error: {said}", file=sys.stderr)
            return key
        from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

        assert isinstance(window, QWidget)
        from wardchart.i18n import shown, translate

        text, ok = QInputDialog.getText(
            window,
            translate("App", "Encrypted chart file"),
            translate("App", "{why}\n\nPassphrase for {path}:").format(why=shown(why), path=path),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    return unlock


def _self_test(window: object) -> int:
    """Select the first patient, draw the chart, check it was drawn; 0 if all is well."""
    from wardchart.i18n import translate
    from wardchart.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    census = window.census
    rows = census.model.rowCount()
    if rows == 0:
        print(
            translate("App", "wardchart self-test: the chart file has no patients"),
            file=sys.stderr,
        )
        return 1
    census.table.setCurrentIndex(census.model.index(0, 0))
    view = window.patient_view.chart_view
    if view is None or window.patient_view.chart is None:
        print(translate("App", "wardchart self-test: the chart was not drawn"), file=sys.stderr)
        return 1
    points = sum(len(d.anc_x) + len(d.wbc_x) for d in view.drawn)
    image = window.grab()
    if image.isNull():
        print(
            translate("App", "wardchart self-test: the window could not be painted"),
            file=sys.stderr,
        )
        return 1
    name = window.patient_view.chart.patient.name
    print(
        translate(
            "App",
            "wardchart self-test OK: {rows} patients; chart of {name} drawn with {points} points",
        ).format(rows=rows, name=name, points=points)
    )
    return 0
