"""The charting session shared by the window and the command line: opening, who may
administer (one rule, failing closed), and the typed save path."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.session import ChartingSession, NotPermitted, open_store
from wardchart.session.changes import AdmitPatient, RecordTemperature
from wardchart.storage import users
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.errors import ChartFileError, NoPassphraseError, WrongPassphraseError

PASSWORD = "correct horse battery"
PASSPHRASE = "a long ward passphrase 2026"


def _now() -> datetime:
    return datetime.now().astimezone()


def _accounts(store: ChartStore) -> None:
    for name, role in (("ada", "admin"), ("bob", "admin"), ("nina", "nurse")):
        users.add_user(
            store,
            username=name,
            full_name=f"{name.title()} X",
            initials=name[:2],
            role=role,
            password=PASSWORD,
            actor="setup",
            now=_now(),
        )
    users.change_user(store, "bob", reason="left the ward", actor="ada", now=_now(), disabled=True)


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [("ada", True), ("nina", False), ("bob", False), ("nobody", False)],
    ids=["administrator", "nurse", "disabled administrator", "unknown account"],
)
def test_only_an_enabled_administrator_may_administer(
    store: ChartStore, actor: str, allowed: bool
) -> None:
    _accounts(store)
    session = ChartingSession(store, actor)
    assert session.may_administer() is allowed
    if allowed:
        session.require_administrator("manage accounts")
    else:
        with pytest.raises(NotPermitted) as refused:
            session.require_administrator("manage accounts")
        assert refused.value.first.field == "user"
        assert refused.value.first.message == "only a ward administrator can manage accounts"


def test_a_file_without_accounts_lets_whoever_opened_it_administer(store: ChartStore) -> None:
    assert ChartingSession(store, "os-user").may_administer()


def test_a_file_without_the_accounts_table_is_refused(tmp_path: Path) -> None:
    """Who may administer a file without the accounts table cannot be told: refused."""
    import sqlite3

    from sqlite_utils import Database

    path = tmp_path / "not-upgraded.sqlite"
    bare = ChartStore(path, Database(sqlite3.connect(path)), read_only=True)
    try:
        assert not ChartingSession(bare, "os-user").may_administer()
    finally:
        bare.close()


def test_a_disabled_administrator_cannot_restore_a_backup_in_the_window(
    store: ChartStore, qtbot: object
) -> None:
    from wardchart.storage.backup import make_backup
    from wardchart.ui.session import ChartSession

    _accounts(store)
    backup = make_backup(store, reason="manual", actor="ada", now=_now()).path
    session = ChartSession(store, "bob")
    with pytest.raises(InvalidEntry) as refused:
        session.restore(backup)
    assert refused.value.first.message == "only a ward administrator can restore a backup"


def test_signing_in_names_who_charts(store: ChartStore) -> None:
    _accounts(store)
    session = ChartingSession(store, "os-user")
    assert session.sign_in_with(lambda s: users.sign_in(s, "nina", PASSWORD, now=_now()))
    assert (session.actor, session.role) == ("nina", "nurse")
    session.charting_as("ada")
    assert (session.actor, session.role, session.may_administer()) == ("ada", "admin", True)


def test_nobody_signed_in_is_refused_on_a_file_with_accounts(store: ChartStore) -> None:
    _accounts(store)
    assert not ChartingSession(store, "os-user").sign_in_with(lambda s: None)


def test_a_typed_change_is_saved_as_the_person_charting_and_announced(store: ChartStore) -> None:
    now = _now()
    session = ChartingSession(store, "nurse a", clock=lambda: now)
    heard: list[str] = []
    session.on_change = heard.append
    admitted = session.save(
        AdmitPatient(mrn="00123456", name="Doe, Jane", dob=date(1965, 4, 12), bed="4")
    )
    patient = session.require_patient("00123456")
    assert (admitted.table, admitted.patient_id) == ("patients", patient.id)
    saved = session.save(
        RecordTemperature(patient=patient, value=Decimal("38.4"), unit="C", taken=now, route="oral")
    )
    assert heard == [patient.id, patient.id]
    assert session.saves_since_backup == 2
    row = store.conn.execute(
        "SELECT recorded_by FROM temperatures WHERE origin_id = ?", [saved.record_id]
    ).fetchone()
    assert row[0] == "nurse a"


def test_bad_input_in_a_typed_change_saves_nothing(store: ChartStore) -> None:
    session = ChartingSession(store, "nurse a")
    heard: list[str] = []
    session.on_change = heard.append
    with pytest.raises(InvalidEntry) as refused:
        session.save(AdmitPatient(mrn="", name="Doe, Jane", dob=date(1965, 4, 12)))
    assert refused.value.first.field == "mrn"
    assert (heard, session.patients(), session.saves_since_backup) == ([], [], 0)


@pytest.fixture
def encrypted(chart_path: Path) -> Path:
    from wardchart.storage.encryption import rewrite_chart

    open_chart(chart_path).close()
    rewrite_chart(chart_path, old=None, new=PASSPHRASE, actor="setup", now=_now())
    return chart_path


def test_a_wrong_passphrase_is_its_own_error(encrypted: Path) -> None:
    with pytest.raises(WrongPassphraseError):
        open_store(encrypted, lambda path, why: "not the passphrase")
    asked: list[str] = []

    def twice_wrong(path: Path, why: str) -> str:
        asked.append(why)
        return "still not it"

    with pytest.raises(WrongPassphraseError, match="twice a wrong passphrase"):
        open_store(encrypted, twice_wrong, tries=2)
    assert "wrong passphrase" in asked[1]
    with pytest.raises(NoPassphraseError):
        open_store(encrypted, lambda path, why: None)
    store = open_store(encrypted, lambda path, why: PASSPHRASE)
    store.close()


def test_a_damaged_file_is_not_mistaken_for_a_wrong_passphrase(chart_path: Path) -> None:
    chart_path.write_bytes(b"this is not a chart file at all, and quite long enough" * 40)
    with pytest.raises(ChartFileError) as failed:
        open_store(chart_path, None)
    assert not isinstance(failed.value, WrongPassphraseError)
