"""Local accounts: Argon2id hashes only, first account an administrator, nothing deleted,
every sign-in and wrong password audited, wrong passwords slow down (issue 6)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.users import backoff_seconds
from wardchart.storage import audit, users
from wardchart.storage.database import ChartStore

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
        ("Ada", PASSWORD, "username"),
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
    # Five in a row: the next try waits 4 s, even with the right password, unaudited.
    before = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(InvalidEntry, match=r"try again in 4 s"):
        users.sign_in(store, "ada", PASSWORD, now=at)
    assert store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
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
