"""The window shows no patient before someone signs in, on a file with accounts; the
sign-in dialog refuses wrong passwords (audited) and holds the button during a wait."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWheelEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from wardchart.app import open_session
from wardchart.storage import users
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.dialogs.sign_in import SignInDialog
from wardchart.ui.main_window import MainWindow

PASSWORD = "ward password 2026"


def _accounts(store: ChartStore) -> None:
    now = datetime.now().astimezone()
    for name, role in (("ada", "admin"), ("nina", "nurse")):
        users.add_user(
            store,
            username=name,
            full_name=f"{name.title()} X",
            initials=name[:2],
            role=role,
            password=PASSWORD,
            actor="setup",
            now=now,
        )


def _now() -> datetime:
    return datetime.now().astimezone()


def test_no_census_until_signed_in_and_entries_are_the_signed_in_users(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _accounts(ward)
    path = ward.path
    ward.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_session(window, path, "os-user", None, lambda store: None) == 2
    assert window.session is None
    assert not window.views_built  # nothing about any patient was shown
    status = open_session(
        window,
        path,
        "os-user",
        None,
        lambda store: users.sign_in(store, "nina", PASSWORD, now=_now()),
    )
    assert status == 0
    assert window.session is not None
    assert window.session.actor == "nina"
    assert "Charting as nina" in window.status.text()
    assert window.census.model.rowCount() == 2
    window.session.store.close()


def test_the_dialog_refuses_a_wrong_password_then_signs_in(
    qtbot,
    store: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _accounts(store)
    dialog = SignInDialog(store, _now, username="nina")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong one, sorry")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.user is None
    assert dialog.isVisible()
    assert dialog.message.text() == "User name or password is wrong, or the account is disabled."
    assert dialog.password.text() == ""  # cleared for the next try
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.user is not None
    assert dialog.user.username == "nina"
    failed = store.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'"
    ).fetchone()[0]
    assert failed == 1


def test_the_dialog_holds_the_button_while_wrong_passwords_must_wait(
    qtbot,
    store: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    _accounts(store)
    dialog = SignInDialog(store, _now, username="ada")
    qtbot.addWidget(dialog)
    for _ in range(4):  # three free tries, then a wait of a second
        dialog.password.setText("not it at all")
        dialog.try_sign_in()
        if not dialog.sign_in_button.isEnabled():
            break
    assert "try again in" in dialog.message.text()
    assert not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=5000)


def _signed_in_window(qtbot, ward: ChartStore) -> MainWindow:  # type: ignore[no-untyped-def]
    _accounts(ward)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    from wardchart.ui.session import ChartSession

    window.set_session(ChartSession(ward, "nina"))
    window.load_chart()
    return window


def test_the_window_locks_when_idle_and_another_nurse_signs_in(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    assert window.idle_watch.limit_s == 5 * 60  # the ward setting's default
    dialog = QDialog(window)  # e.g. a CBC form left open
    dialog.show()
    window.idle_watch.limit_s = 0.2
    window.idle_watch.restart()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert not dialog.isVisible()
    assert not window.splitter.isVisibleTo(window)  # no census, no chart
    assert window.patient_view.chart_view is not None
    assert not window.patient_view.chart_view.isVisibleTo(window)
    assert "locked" in window.lock_text.text()
    enabled = {n for n, a in window.actions_by_name.items() if a.isEnabled()}
    assert enabled == {"switch_user", "quit"}
    window.unlock("ada")
    assert not window.locked
    assert window.splitter.isVisibleTo(window)
    assert window.session is not None
    assert window.session.actor == "ada"
    assert "Charting as ada" in window.status.text()
    assert window.actions_by_name["backups"].isEnabled()
    window.close()


def _wheel_turn(window: QWindow) -> None:
    """A wheel turn arriving at a top-level window, as the window system delivers it."""
    centre = QPointF(window.width() / 2, window.height() / 2)
    turn = QWheelEvent(
        centre,
        window.mapToGlobal(centre),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(window, turn)


def test_key_presses_clicks_and_wheel_turns_keep_the_window_unlocked(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    top = window.windowHandle()
    watch = window.idle_watch
    # Each kind of use, arriving through the window system from the start, counts.
    for use in (
        lambda: QTest.keyClick(top, Qt.Key.Key_Shift),
        lambda: QTest.mouseClick(top, Qt.MouseButton.LeftButton, pos=QPoint(5, 5)),
        lambda: _wheel_turn(top),
    ):
        watch._last -= 100  # idle for 100 s
        use()
        assert watch.idle_for() < 1
    # The cursor moved is not use.
    watch._last -= 100
    QTest.mouseMove(top, QPoint(40, 40))
    assert watch.idle_for() >= 100
    # In use every 0.4 s: never locked; then nobody: locked.
    watch.limit_s = 1.0
    watch.restart()
    for _ in range(4):
        qtbot.wait(400)
        QTest.keyClick(top, Qt.Key.Key_Shift)
        assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    window.close()


def test_a_key_that_triggers_a_shortcut_is_use(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    """Qt sends the window no KeyPress for a key a shortcut takes (F5, Refresh)."""
    window = _signed_in_window(qtbot, ward)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    watch = window.idle_watch
    watch._last -= 100
    with qtbot.waitSignal(window.actions_by_name["refresh"].triggered, timeout=1000):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_F5)
    assert watch.idle_for() < 1
    window.close()


#: Widgets with native windows of their own (``QT_USE_NATIVE_WINDOWS``, set before Qt
#: starts, hence a fresh interpreter): a wheel turn on a label's own window. Prints
#: whether that window has a parent window, and whether the watch saw the turn.
NATIVE_CHILDREN = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_USE_NATIVE_WINDOWS"] = "1"
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget
app = QApplication([])
from wardchart.ui.idle_lock import IdleWatch
window, inner = QMainWindow(), QWidget()
QVBoxLayout(inner).addWidget(QLabel("a label"))
window.setCentralWidget(inner)
window.show()
app.processEvents()
watch = IdleWatch(60, window)
watch.start()
child = inner.findChild(QLabel).windowHandle()
watch._last -= 100
turn = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(), QPoint(0, 120),
                   Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                   Qt.ScrollPhase.NoScrollPhase, False)
QApplication.sendEvent(child, turn)
print(child.parent() is not None, watch.idle_for() < 1)
"""


def test_use_of_a_widget_with_a_native_window_of_its_own_is_seen() -> None:
    """Such a widget's clicks and wheel turns come to its own window, a child of the main
    window's, which never takes the focus under X11."""
    done = subprocess.run(
        [sys.executable, "-c", NATIVE_CHILDREN], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "True"]


def test_accounts_added_while_the_window_is_open_lock_it_when_idle(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    """An idle time that passed with nobody to sign in as locked nothing; once accounts
    exist, the next idle time locks the window."""
    from wardchart.ui.session import ChartSession

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_session(ChartSession(ward, "os-user"))
    window.load_chart()
    window.idle_watch.limit_s = 0.5
    window.idle_watch.restart()
    qtbot.wait(1600)  # an idle time passed: nothing to lock
    assert not window.locked
    _accounts(ward)  # e.g. by an administrator on another computer
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    window.close()


def test_idle_time_counts_on_a_clock_that_runs_while_suspended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A laptop closed on a chart and opened later locks at once: on Linux the boot
    clock, which counts suspended time (the monotonic clock does not)."""
    from wardchart.ui import idle_lock

    if not hasattr(time, "CLOCK_BOOTTIME"):
        pytest.skip("no boot clock on this system")
    asked: list[int] = []

    def clock(which: int) -> float:
        asked.append(which)
        return 1000.0

    monkeypatch.setattr(time, "clock_gettime", clock)
    assert idle_lock.awake_and_asleep() == 1000.0
    assert asked == [time.CLOCK_BOOTTIME]


def test_use_in_a_dialog_counts_from_when_it_takes_the_focus(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    watch = window.idle_watch
    dialog = QDialog(window)  # a window of its own, e.g. a CBC form
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    watch._last -= 100
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert watch.idle_for() < 1
    # A window that never takes the focus (offscreen, only a tooltip-type window does
    # not) is watched from the next once-a-second check.
    beside = QWidget(window, Qt.WindowType.ToolTip)
    beside.resize(200, 100)
    beside.show()
    assert QGuiApplication.focusWindow() is dialog.windowHandle()
    qtbot.wait(1100)
    watch._last -= 100
    _wheel_turn(beside.windowHandle())  # a wheel turn does not take the focus
    assert watch.idle_for() < 1
    assert QGuiApplication.focusWindow() is dialog.windowHandle()
    window.close()


def test_what_the_window_draws_does_not_pass_through_the_watch(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    """Only use is watched: paint, layout and timers of every widget stay out of Python
    (an application-wide watch cost half a millisecond of each patient selected)."""
    from wardchart.ui.idle_lock import IdleWatch

    class Counting(IdleWatch):
        def __init__(self, parent: QObject) -> None:
            super().__init__(60, parent)
            self.seen: list[QEvent.Type] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            self.seen.append(event.type())
            return super().eventFilter(watched, event)

    window = _signed_in_window(qtbot, ward)
    watch = Counting(window)
    watch.start()
    qtbot.wait(1200)  # past its first once-a-second check
    watch.seen.clear()
    for row in (1, 0, 1):
        window.census.table.setCurrentIndex(window.census.model.index(row, 0))
        window.census.table.viewport().repaint()
        QApplication.processEvents()
    assert window.patient_view.chart is not None
    assert watch.seen == []
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Shift)  # use still reaches it
    assert QEvent.Type.KeyPress in watch.seen
    window.close()


def test_without_accounts_the_window_never_locks(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    from wardchart.ui.session import ChartSession

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_session(ChartSession(ward, "os-user"))
    window.lock()
    assert not window.locked
    window.close()


def _typed_temperature(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    """Open Record temperature on A-1 as the menu does and type a reading, keys only."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from wardchart.storage import queries

    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, "A-1")
    assert patient is not None
    assert window.census.select(patient.id)
    dialog = window.open_temperature()
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)

    def key(k: Qt.Key) -> None:
        qtbot.keyClick(dialog.focusWidget(), k)

    qtbot.keyClicks(dialog.focusWidget(), "now")
    key(Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "37.2")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Down)  # the first route
    QTest.qWait(10)
    return dialog


def _temperatures(ward: ChartStore) -> list[tuple[object, ...]]:
    other = open_chart(ward.path)
    try:
        sql = "SELECT recorded_by FROM temperatures WHERE recorded_by IN ('nina', 'ada')"
        return [tuple(r) for r in other.db.execute(sql).fetchall()]
    finally:
        other.close()


def test_what_was_typed_waits_behind_the_lock_for_the_same_nurse(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    dialog = _typed_temperature(qtbot, window)
    window.lock()  # what the idle timer does
    assert window.locked
    assert not dialog.isVisible()  # no patient data on screen
    assert _temperatures(ward) == []
    text = window.lock_text.text()
    assert "kept for nina until they sign in again" in text
    assert "Record temperature" in text
    assert "saved." not in text.split("kept")[0]  # never "everything entered is saved"
    window.unlock("nina")
    assert dialog.isVisible()
    assert dialog.has_typed_content()
    assert dialog.text("celsius") == "37.2"
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=5000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _temperatures(ward) == [("nina",)]
    window.close()


def test_another_nurse_signing_in_discards_what_was_typed_and_says_so(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    dialog = _typed_temperature(qtbot, window)
    window.lock()
    window.unlock("ada")
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert _temperatures(ward) == []  # never saved under ada's name, nor nina's
    box = window.discarded_box
    assert box is not None
    assert box.isVisible()
    assert "An unsaved entry (Record temperature — Alpha, Ann (MRN A-1)) by nina" in box.text()
    assert "was discarded at the lock, not saved" in box.text()
    assert "discarded at the lock" in window.statusBar().currentMessage()
    box.close()
    window.close()


def _question_at_the_lock(window: MainWindow) -> QDialog:
    """File → Backups…, then a question of Qt's own (a box that waits for its answer in a
    loop of its own, as Restore… asks) open when the lock comes."""
    backups = window.open_backups()
    assert isinstance(backups, QDialog)
    QTimer.singleShot(300, window.lock)
    answer = QMessageBox.question(backups, "Restore backup", "Restore it?")
    assert window.locked
    assert answer != QMessageBox.StandardButton.Yes  # hidden by the lock: not answered yes
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return backups


@pytest.mark.parametrize("nurse", ["nina", "ada"])
def test_a_question_open_at_the_lock_ends_as_cancelled(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
    nurse: str,
) -> None:
    """The question is gone (its asker deleted it); the dialog it belonged to comes back
    to the same nurse, or is dropped for another, without an error."""
    window = _signed_in_window(qtbot, ward)
    backups = _question_at_the_lock(window)
    window.unlock(nurse)
    assert not window.locked
    if nurse == "nina":
        assert backups.isVisible()
        backups.reject()
    else:
        assert not shiboken6.isValid(backups) or not backups.isVisible()
    window.close()


def test_the_not_saved_notice_is_deleted_once_read(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    """One notice a discarding sign-in: kept, they piled up for the whole shift."""
    window = _signed_in_window(qtbot, ward)
    _typed_temperature(qtbot, window)
    window.lock()
    window.unlock("ada")
    box = window.discarded_box
    assert box is not None
    assert box.isVisible()
    box.accept()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(box)
    window.close()


def test_with_nothing_typed_the_lock_says_nothing_is_waiting(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    window = _signed_in_window(qtbot, ward)
    window.lock()
    assert "Nothing typed is waiting to be saved." in window.lock_text.text()
    window.unlock("ada")
    assert window.discarded_box is None
    window.close()
