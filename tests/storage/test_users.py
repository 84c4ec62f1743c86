"""Local accounts: Argon2id hashes only, first account an administrator, nothing deleted,
every sign-in and wrong password audited, wrong passwords slow down."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.users import MAX_WAIT_SECONDS, backoff_seconds, seconds_to_wait
from wardchart.storage import audit, users
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.errors import ChartFileError

PASSWORD = "correct horse battery"


def add(store: ChartStore, name: str, role: str, now: datetime) -> None:
    users.add_user(
        store,
        username=name,
        full_name=f"{name.title()} Example",
        initials=name[:2],
        role=role,
        password=PASSWORD,
        actor="setup",
        now=now,
    )


def test_the_first_account_must_be_an_administrator(store: ChartStore, now: datetime) -> None:
    with pytest.raises(InvalidEntry, match="first account"):
        add(store, "nina", "nurse", now)
    assert not users.has_accounts(store.db)
    add(store, "ada", "admin", now)
    add(store, "nina", "nurse", now)
    assert [u.username for u in users.list_users(store.db)] == ["ada", "nina"]
    with pytest.raises(InvalidEntry, match="already has an account"):
        add(store, "nina", "nurse", now)


def test_only_an_argon2id_hash_is_stored_and_never_audited(
    store: ChartStore, now: datetime
) -> None:
    add(store, "ada", "admin", now)
    users.change_user(
        store, "ada", password="another long secret", reason="reset", actor="ada", now=now
    )
    stored = [r["password_hash"] for r in store.db.query("SELECT password_hash FROM users")]
    assert len(stored) == 2
    assert all(h.startswith("$argon2id$") for h in stored)
    raw = store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes()
    assert PASSWORD.encode() not in raw
    assert b"another long secret" not in raw
    details = " ".join(r["detail"] for r in store.db.query("SELECT detail FROM audit_log"))
    assert "$argon2id$" not in details
    assert '"password_hash": "(set)"' in details


def test_bad_details_and_short_passwords_are_refused(store: ChartStore, now: datetime) -> None:
    for name, password, field in (
        ("a\u200bda", PASSWORD, "username"),
        ("a", PASSWORD, "username"),
        ("ada", "short", "password"),
    ):
        with pytest.raises(InvalidEntry) as caught:
            users.add_user(
                store,
                username=name,
                full_name="Ada X",
                initials="AX",
                role="admin",
                password=password,
                actor="s",
                now=now,
            )
        assert caught.value.first.field == field
    assert not users.has_accounts(store.db)


def test_sign_in_right_wrong_disabled_all_audited(store: ChartStore, now: datetime) -> None:
    add(store, "ada", "admin", now)
    add(store, "nina", "nurse", now)
    assert users.sign_in(store, "nina", PASSWORD, now=now).username == "nina"
    for name, password in (("nina", "wrong password!"), ("nobody", PASSWORD)):
        with pytest.raises(InvalidEntry, match=users.WRONG):
            users.sign_in(store, name, password, now=now)
    users.change_user(store, "nina", disabled=True, reason="left the ward", actor="ada", now=now)
    with pytest.raises(InvalidEntry, match="disabled"):
        users.sign_in(store, "nina", PASSWORD, now=now)
    assert users.find_user(store.db, "nina") is not None  # kept, only disabled
    actions = [
        (r["action"], r["actor"])
        for r in store.db.query(
            "SELECT action, actor FROM audit_log WHERE action LIKE 'sign_in%' ORDER BY seq"
        )
    ]
    assert actions == [
        ("sign_in", "nina"),
        ("sign_in_failed", "nina"),
        ("sign_in_failed", "nobody"),
        ("sign_in_failed", "nina"),
    ]
    assert audit.verify(store.db).ok


def test_wrong_passwords_in_a_row_make_the_next_try_wait(store: ChartStore, now: datetime) -> None:
    add(store, "ada", "admin", now)
    at = now
    for failures in range(5):
        assert users.wait_before_trying(store.db, "ada", at) == backoff_seconds(failures)
        at += timedelta(seconds=backoff_seconds(failures))
        with pytest.raises(InvalidEntry, match=users.WRONG):
            users.sign_in(store, "ada", "not the password", now=at)
    # Five in a row: the next try waits 4 s, even with the right password, unchecked.
    with pytest.raises(InvalidEntry, match=r"try again in 4 s"):
        users.sign_in(store, "ada", PASSWORD, now=at)
    last = store.db.execute("SELECT action FROM audit_log ORDER BY seq DESC").fetchone()[0]
    assert last == "sign_in_too_soon"
    later = at + timedelta(seconds=4)
    assert users.sign_in(store, "ada", PASSWORD, now=later).username == "ada"
    assert users.wait_before_trying(store.db, "ada", later) == 0  # a success starts again


def test_the_last_administrator_cannot_be_disabled(store: ChartStore, now: datetime) -> None:
    add(store, "ada", "admin", now)
    with pytest.raises(InvalidEntry, match="last ward administrator"):
        users.change_user(store, "ada", disabled=True, reason="x", actor="ada", now=now)


def test_backoff_schedule() -> None:
    assert [backoff_seconds(n) for n in range(10)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60]
    assert backoff_seconds(50) == 60


def test_sixteen_parallel_wrong_passwords_are_not_all_checked(
    store: ChartStore, now: datetime
) -> None:
    """Sixteen tries at once, each on its own connection to the real file: they queue on
    the write lock, so after the free tries the rest are refused unchecked."""
    add(store, "ada", "admin", now)
    outcomes: list[str] = []
    start = threading.Barrier(16)

    def attack() -> None:
        own = open_chart(store.path)
        try:
            start.wait()
            users.sign_in(own, "ada", "not the password", now=datetime.now().astimezone())
        except (InvalidEntry, ChartFileError) as error:
            outcomes.append(str(error))
        finally:
            own.close()

    threads = [threading.Thread(target=attack) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 16
    checked = store.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'"
    ).fetchone()[0]
    assert checked <= 4  # the three free tries (a fourth only on a very slow machine)
    assert sum("try again in" in o for o in outcomes) >= 12
    assert audit.verify(store.db).ok


def test_a_clock_set_back_never_makes_a_wait_longer_than_a_minute(
    store: ChartStore, now: datetime
) -> None:
    add(store, "ada", "admin", now)
    at = now
    for failures in range(12):  # enough wrong passwords for the longest wait
        at += timedelta(seconds=backoff_seconds(failures))
        with pytest.raises(InvalidEntry, match=users.WRONG):
            users.sign_in(store, "ada", "not the password", now=at)
    back = at - timedelta(hours=2)  # someone sets the clock back two hours
    assert users.wait_before_trying(store.db, "ada", back) == MAX_WAIT_SECONDS
    with pytest.raises(InvalidEntry, match=r"try again in 60 s"):
        users.sign_in(store, "ada", PASSWORD, now=back)
    # A minute by the new clock later the wait is over, though the clock is still behind.
    assert users.wait_before_trying(store.db, "ada", back + timedelta(seconds=30)) == 30
    later = back + timedelta(seconds=60)
    assert users.sign_in(store, "ada", PASSWORD, now=later).username == "ada"


def test_seconds_to_wait_boundaries(now: datetime) -> None:
    sec = timedelta(seconds=1)
    assert seconds_to_wait(2, now, now) == 0  # free tries
    assert seconds_to_wait(3, now, now) == 1
    assert seconds_to_wait(3, now, now + sec) == 0  # exactly the wait: may try
    assert seconds_to_wait(20, now, now + 59.5 * sec) == 1
    assert seconds_to_wait(20, now, now - 7200 * sec) == 60  # clock back: at most a minute
    assert seconds_to_wait(20, now, now - sec) == 60
    refused = [now - 100 * sec]  # first refused at the clock's new time
    assert seconds_to_wait(20, now, now - 70 * sec, refused) == 30
    assert seconds_to_wait(20, now, now - 40 * sec, refused) == 0
    assert seconds_to_wait(20, now, now - 200 * sec, refused) == 60  # set back again


def test_a_disabled_account_is_told_the_same_as_a_wrong_password(
    store: ChartStore, now: datetime
) -> None:
    """Whether the password was right is never revealed for a disabled account; the try
    counts as a wrong one, and the audit log tells administrators why."""
    add(store, "ada", "admin", now)
    add(store, "nina", "nurse", now)
    users.change_user(store, "nina", disabled=True, reason="left", actor="ada", now=now)
    answers = []
    for password in (PASSWORD, "wrong password!"):
        with pytest.raises(InvalidEntry) as caught:
            users.sign_in(store, "nina", password, now=now)
        answers.append(caught.value.first.message)
    with pytest.raises(InvalidEntry) as caught:
        users.sign_in(store, "nobody", PASSWORD, now=now)
    answers.append(caught.value.first.message)
    assert answers == [users.WRONG] * 3
    rows = list(store.db.query("SELECT detail FROM audit_log WHERE action = 'sign_in_failed'"))
    assert len(rows) == 3
    assert '"account_disabled": true' in rows[0]["detail"]


def test_user_names_are_one_whatever_the_case_or_width(store: ChartStore, now: datetime) -> None:
    add(store, "Ada", "admin", now)
    assert [u.username for u in users.list_users(store.db)] == ["ada"]
    assert users.sign_in(store, " ＡＤＡ ", PASSWORD, now=now).username == "ada"
    with pytest.raises(InvalidEntry, match="already has an account"):
        add(store, "ADA", "admin", now)
