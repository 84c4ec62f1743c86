"""Administration without a terminal: accounts, ward settings and the regimen library in
the window, for ward administrators only.

A real chart file with accounts; the window signed in as the administrator ada or the
nurse nina. Each dialog is opened as the Ward menu opens it and driven by keys sent to
whichever widget has the focus (never set by the test); what was saved is read back from
the file through a connection of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from ward_fixture import NOW

from wardchart.domain.problems import InvalidEntry
from wardchart.session import ChartingSession
from wardchart.session.changes import SaveRegimen, SetWardSetting
from wardchart.session.core import NotPermitted
from wardchart.storage import queries, users
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.actions import FOR_ADMINISTRATORS
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
PASSWORD = "ward password 2026"
NEW_PASSWORD = "a brand new one 2026"


# --- the chart and the window -------------------------------------------------------------


def _accounts(store: ChartStore) -> None:
    for name, role in (("ada", "admin"), ("nina", "nurse")):
        users.add_user(
            store,
            username=name,
            full_name=f"{name.title()} Example",
            initials=name[:2],
            role=role,
            password=PASSWORD,
            actor="setup",
            now=NOW,
        )


def _window(qtbot, store: ChartStore, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    core = ChartingSession(store, "os-user", clock=lambda: NOW)
    assert core.sign_in_with(lambda s: users.sign_in(s, username, PASSWORD, now=NOW))
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession.around(core))
    win.show()
    return win


@pytest.fixture
def admin_window(qtbot, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    _accounts(ward)
    win = _window(qtbot, ward, "ada")
    yield win
    win.close()


@pytest.fixture
def nurse_window(qtbot, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    _accounts(ward)
    win = _window(qtbot, ward, "nina")
    yield win
    win.close()


def on_disk(store: ChartStore, sql: str) -> list[tuple[object, ...]]:
    """What is really in the file, read through a connection of its own."""
    other = open_chart(store.path)
    try:
        return [tuple(r) for r in other.db.execute(sql).fetchall()]
    finally:
        other.close()


def can_sign_in(store: ChartStore, username: str, password: str) -> bool:
    other = open_chart(store.path)
    try:
        users.sign_in(other, username, password, now=NOW)
        return True
    except InvalidEntry:
        return False
    finally:
        other.close()


# --- driving --------------------------------------------------------------------------


def active(dialog: QDialog) -> QDialog:
    """Wait until the dialog is the active window (so keys go where a desktop sends them)."""
    for _ in range(250):
        if QApplication.activeWindow() is dialog:
            return dialog
        QTest.qWait(20)
    raise AssertionError(f"{dialog.windowTitle()} never became the active window")


def focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_in(qtbot, dialog: QDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(dialog), text)


def press(qtbot, dialog: QDialog, key: Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(dialog), key, modifier)


def tab_to(qtbot, dialog: QDialog, target: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the focus (as a nurse would)."""
    for _ in range(40):
        if focused(dialog) is target:
            return
        press(qtbot, dialog, Key.Key_Tab)
    raise AssertionError("Tab never reached the field")


def alt(qtbot, parent: QDialog, key: Key) -> QDialog:  # type: ignore[no-untyped-def]
    """Press Alt+letter on a list dialog's button and return the form it opens, once
    active (a button pressed by its letter is clicked after a short animation)."""
    before = parent.child  # type: ignore[attr-defined]
    press(qtbot, parent, key, ALT)
    for _ in range(250):
        opened = parent.child  # type: ignore[attr-defined]
        if opened is not None and opened is not before and opened.isVisible():
            return active(opened)
        QTest.qWait(20)
    raise AssertionError("no form opened")


def accounts_dialog(window: MainWindow) -> QDialog:
    dialog = window.open_accounts()
    assert dialog is not None
    return active(dialog)


def select_account(qtbot, dialog: QDialog, username: str) -> None:  # type: ignore[no-untyped-def]
    """Move through the list with the arrow keys to ``username``."""
    press(qtbot, dialog, Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row
    for _ in range(10):
        if dialog.selected_username() == username:  # type: ignore[attr-defined]
            return
        press(qtbot, dialog, Key.Key_Down)
    raise AssertionError(f"{username} is not in the list")


# --- accounts ---------------------------------------------------------------------------


def test_an_administrator_adds_a_nurse_resets_her_password_and_disables_her(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    dialog = accounts_dialog(admin_window)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "ada",
        "nina",
    ]
    add = alt(qtbot, dialog, Key.Key_A)  # Add account…
    type_in(qtbot, add, "nora")
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, "Nora Newman")
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, "NN")
    press(qtbot, add, Key.Key_Tab)  # the role: nurse, as it opens
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, PASSWORD)
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, PASSWORD)
    press(qtbot, add, Key.Key_Return)
    assert not add.isVisible()
    assert "Added nora (nurse)" in dialog.message.text()
    assert can_sign_in(ward, "nora", PASSWORD)
    assert on_disk(
        ward, "SELECT role, disabled, recorded_by FROM current_users WHERE username = 'nora'"
    ) == [("nurse", 0, "ada")]
    assert on_disk(
        ward, "SELECT actor FROM audit_log WHERE entity = 'users' AND action = 'create'"
    )[-1] == ("ada",)

    active(dialog)
    assert dialog.selected_username() == "nora"
    reset = alt(qtbot, dialog, Key.Key_P)  # Reset password…
    type_in(qtbot, reset, NEW_PASSWORD)
    press(qtbot, reset, Key.Key_Tab)
    type_in(qtbot, reset, NEW_PASSWORD)
    press(qtbot, reset, Key.Key_Tab)
    type_in(qtbot, reset, "forgot it")
    press(qtbot, reset, Key.Key_Return)
    assert not reset.isVisible()
    assert can_sign_in(ward, "nora", NEW_PASSWORD)
    assert not can_sign_in(ward, "nora", PASSWORD)

    active(dialog)
    disable = alt(qtbot, dialog, Key.Key_D)  # Disable…
    type_in(qtbot, disable, "left the ward")
    press(qtbot, disable, Key.Key_Return)
    assert not disable.isVisible()
    assert "Disabled nora" in dialog.message.text()
    assert not can_sign_in(ward, "nora", NEW_PASSWORD)
    assert dialog.table.item(dialog.table.currentRow(), 4).text() == "disabled"

    active(dialog)
    enable = alt(qtbot, dialog, Key.Key_E)  # Enable…
    type_in(qtbot, enable, "back from leave")
    press(qtbot, enable, Key.Key_Return)
    assert can_sign_in(ward, "nora", NEW_PASSWORD)
    reasons = on_disk(
        ward,
        "SELECT json_extract(detail, '$.reason') FROM audit_log "
        "WHERE entity = 'users' AND action = 'correct' ORDER BY seq",
    )
    assert [r[0] for r in reasons][-3:] == ["forgot it", "left the ward", "back from leave"]


def test_two_passwords_that_differ_save_nothing(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    dialog = accounts_dialog(admin_window)
    add = alt(qtbot, dialog, Key.Key_A)
    for text in ("nora", "Nora Newman", "NN"):
        type_in(qtbot, add, text)
        press(qtbot, add, Key.Key_Tab)
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, PASSWORD)
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, PASSWORD + "x")
    press(qtbot, add, Key.Key_Return)
    assert add.isVisible()
    assert add.message("password_again") == "the two passwords differ"
    assert on_disk(ward, "SELECT count(*) FROM users") == [(2,)]


def test_the_last_administrator_can_be_neither_disabled_nor_made_a_nurse(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    before = on_disk(ward, "SELECT count(*) FROM users")
    dialog = accounts_dialog(admin_window)
    select_account(qtbot, dialog, "ada")
    disable = alt(qtbot, dialog, Key.Key_D)
    type_in(qtbot, disable, "testing")
    press(qtbot, disable, Key.Key_Return)
    assert disable.isVisible()
    assert disable.banner.text() == "this is the last ward administrator: add another first"
    press(qtbot, disable, Key.Key_Escape)  # what was typed: asks before discarding
    box = disable.discard_box
    assert box is not None
    qtbot.keyClick(active(box), Key.Key_D, ALT)  # Discard
    qtbot.waitUntil(lambda: not disable.isVisible())

    active(dialog)
    role = alt(qtbot, dialog, Key.Key_R)  # Change role…: nurse, as it opens for ada
    assert role.role.currentData() == "nurse"
    press(qtbot, role, Key.Key_Tab)
    type_in(qtbot, role, "testing")
    press(qtbot, role, Key.Key_Return)
    assert role.isVisible()
    assert role.banner.text() == "this is the last ward administrator: add another first"
    assert on_disk(ward, "SELECT count(*) FROM users") == before
    assert on_disk(ward, "SELECT role, disabled FROM current_users WHERE username = 'ada'") == [
        ("admin", 0)
    ]


def test_a_nurse_made_administrator_gets_the_ward_menu(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    dialog = accounts_dialog(admin_window)
    select_account(qtbot, dialog, "nina")
    role = alt(qtbot, dialog, Key.Key_R)
    assert role.role.currentData() == "admin"
    press(qtbot, role, Key.Key_Tab)
    type_in(qtbot, role, "deputy sister")
    press(qtbot, role, Key.Key_Return)
    assert not role.isVisible()
    assert "nina is now a ward administrator" in dialog.message.text()
    nina = ChartingSession(ward, "nina")
    assert nina.may_administer()


# --- ward settings -------------------------------------------------------------------------


def settings_dialog(window: MainWindow) -> QDialog:
    dialog = window.open_ward_settings()
    assert dialog is not None
    return active(dialog)


def test_a_new_lock_time_is_saved_audited_and_the_window_follows(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    assert admin_window.idle_watch.limit_s == 5 * 60
    dialog = settings_dialog(admin_window)
    assert focused(dialog) is dialog.fields["ward_name"]
    tab_to(qtbot, dialog, dialog.fields["lock_after_minutes"])
    press(qtbot, dialog, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog, "12")
    tab_to(qtbot, dialog, dialog.fields["fn_rule"])
    type_in(qtbot, dialog, "e")  # esmo, chosen from the list by its first letter
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert admin_window.idle_watch.limit_s == 12 * 60
    assert "fever rule ESMO" in admin_window.status.text()
    assert on_disk(
        ward,
        "SELECT actor, json_extract(detail, '$.key'), json_extract(detail, '$.before'), "
        "json_extract(detail, '$.after') FROM audit_log WHERE action = 'settings' ORDER BY seq",
    ) == [("ada", "fn_rule", "idsa2010", "esmo"), ("ada", "lock_after_minutes", "5", "12")]


@pytest.mark.parametrize(
    ("key", "typed", "says"),
    [
        ("lock_after_minutes", "0", "from 1 to 240"),
        ("lock_after_minutes", "²", "from 1 to 240"),
        ("backup_keep_days", "-3", "1 or more"),
        ("recovery_anc", "1,5", "decimal point"),
        ("hl7_inbox", "/nonexistent/lab-inbox", ""),
    ],
)
def test_a_bad_setting_gets_one_message_by_its_field_and_nothing_is_written(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,
    key: str,
    typed: str,
    says: str,  # type: ignore[no-untyped-def]
) -> None:
    dialog = settings_dialog(admin_window)
    tab_to(qtbot, dialog, dialog.fields["ward_name"])
    type_in(qtbot, dialog, "4B")  # a good change too: saved only if all are good
    tab_to(qtbot, dialog, dialog.fields[key])
    press(qtbot, dialog, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog, typed)
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    shown = [name for name in dialog.fields if dialog.message(name)]
    assert shown == [key]
    assert says in dialog.message(key)
    assert focused(dialog) is dialog.fields[key]
    assert on_disk(ward, "SELECT count(*) FROM ward_settings") == [(0,)]


# --- the regimen library ------------------------------------------------------------------


def test_a_regimen_is_added_then_replaced_and_past_cycles_keep_their_values(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    dialog = admin_window.open_regimens()
    assert dialog is not None
    active(dialog)
    assert (
        "never changes a cycle already started"
        in dialog.findChildren(type(dialog.message))[0].text()
    )
    add = alt(qtbot, dialog, Key.Key_A)  # Add regimen…
    type_in(qtbot, add, "Trial-X")
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, "28")
    press(qtbot, add, Key.Key_Tab)
    type_in(qtbot, add, "10-16")
    press(qtbot, add, Key.Key_Tab)
    press(qtbot, add, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, add, "1.0")
    press(qtbot, add, Key.Key_Return)
    assert not add.isVisible()
    found = queries.find_regimen(ward.db, "Trial-X")
    assert found is not None
    assert (found.cycle_length_days, found.nadir_start, found.nadir_end) == (28, 10, 16)
    assert found.anc_threshold == Decimal("1.0")

    # AC: two cycles on the chart took its window; a new one does not reach them.
    active(dialog)
    ac_window = on_disk(
        ward, "SELECT DISTINCT nadir_start, nadir_end FROM current_cycles WHERE regimen_name = 'AC'"
    )
    press(qtbot, dialog, Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row
    for _ in range(20):
        if dialog.selected().name == "AC":
            break
        press(qtbot, dialog, Key.Key_Down)
    replace = alt(qtbot, dialog, Key.Key_R)  # Replace selected…
    assert replace.text("name") == "AC"
    tab_to(qtbot, replace, replace.fields["nadir_window"])
    press(qtbot, replace, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, replace, "8-15")
    press(qtbot, replace, Key.Key_Return)
    assert not replace.isVisible()
    ac = queries.find_regimen(ward.db, "AC")
    assert ac is not None
    assert (ac.nadir_start, ac.nadir_end) == (8, 15)
    assert (
        on_disk(
            ward,
            "SELECT DISTINCT nadir_start, nadir_end FROM current_cycles WHERE regimen_name = 'AC'",
        )
        == ac_window
    )
    assert on_disk(
        ward, "SELECT actor FROM audit_log WHERE entity = 'regimens' ORDER BY seq DESC LIMIT 1"
    ) == [("ada",)]


def test_a_bad_regimen_gets_one_message_and_nothing_is_written(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    before = on_disk(ward, "SELECT count(*) FROM regimens")
    dialog = admin_window.open_regimens()
    assert dialog is not None
    active(dialog)
    add = alt(qtbot, dialog, Key.Key_A)
    for text in ("Trial-Y", "21", "14-7"):
        type_in(qtbot, add, text)
        press(qtbot, add, Key.Key_Tab)
    press(qtbot, add, Key.Key_Return)
    assert add.isVisible()
    assert [name for name in add.fields if add.message(name)] == ["nadir_window"]
    assert on_disk(ward, "SELECT count(*) FROM regimens") == before


# --- who may ----------------------------------------------------------------------------


def test_a_nurse_is_refused_the_ward_menu_and_every_change_it_makes(
    qtbot,
    nurse_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    for name in ("accounts", "ward_settings", "regimens"):
        action = nurse_window.actions_by_name[name]
        assert not action.isEnabled()
        assert action.toolTip() == FOR_ADMINISTRATORS
    assert nurse_window.open_ward_settings() is None
    assert nurse_window.open_accounts() is None
    assert nurse_window.open_regimens() is None
    assert "Only a ward administrator" in nurse_window.statusBar().currentMessage()
    session = nurse_window.session
    assert session is not None
    for key, value in (
        ("lock_after_minutes", "240"),
        ("backup_keep_recent", "1"),
        ("backup_keep_days", "1"),
        ("fn_rule", "nice"),
        ("ctcae_version", "6.0"),
        ("recovery_anc", "0.5"),
        ("hl7_accept_test", "yes"),
    ):
        with pytest.raises(NotPermitted, match=f"only a ward administrator can change.*{key}"):
            session.save(SetWardSetting(key, value))
    regimen = queries.find_regimen(ward.db, "AC")
    assert regimen is not None
    with pytest.raises(NotPermitted, match="regimen library"):
        session.save(SaveRegimen(regimen))
    with pytest.raises(NotPermitted, match="manage accounts"):
        session.change_account("ada", reason="x", disabled=True)
    session.save(SetWardSetting("ward_name", "4B"))  # the ward's name is anyone's
    assert on_disk(ward, "SELECT key, recorded_by FROM ward_settings") == [("ward_name", "nina")]
    session.change_account("nina", reason="my own", password=NEW_PASSWORD)  # her own password
    assert can_sign_in(ward, "nina", NEW_PASSWORD)


def test_the_ward_menu_follows_who_signs_in(
    qtbot,
    admin_window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    action = admin_window.actions_by_name["ward_settings"]
    assert action.isEnabled()
    assert action.toolTip() == "Ward settings"
    admin_window.lock()
    assert not action.isEnabled()
    admin_window.unlock("nina")
    assert not action.isEnabled()
    assert action.toolTip() == FOR_ADMINISTRATORS
    assert admin_window.actions_by_name["cbc"].isEnabled()
    admin_window.lock()
    admin_window.unlock("ada")
    assert action.isEnabled()


def test_without_accounts_whoever_opens_the_chart_may_administer(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    assert window.actions_by_name["ward_settings"].isEnabled()
    dialog = window.open_ward_settings()
    assert dialog is not None
    dialog.reject()


def test_a_setting_it_fixed_for_this_computer_is_shown_fixed_not_offered(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # IT locked the fever rule in the machine file: the dialog shows it greyed, saying
    # so, instead of letting a nurse or an administrator type a change that Save refuses.
    machine = tmp_path / "wardchart.toml"
    machine.write_text('fn_rule = "nice"\nlock = ["fn_rule"]\n')
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    dialog = window.open_ward_settings()
    assert dialog is not None
    assert not dialog.fields["fn_rule"].isEnabled()
    assert "fixed for this computer by IT" in dialog.fields["fn_rule"].toolTip()
    assert dialog.fields["ctcae_version"].isEnabled()
    dialog.reject()
