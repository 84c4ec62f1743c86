"""Two nurses, two connections on one chart file: a correction or a withdrawal of a
record someone changed since it was read is refused, and nothing is written (see
docs/concurrent-corrections.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore, open_chart

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 12, 12, 5, tzinfo=UTC)
TAKEN = datetime(2026, 3, 12, 7, 30, tzinfo=UTC)
D = Decimal


@pytest.fixture
def two(chart_path: Path) -> Iterator[tuple[ChartStore, ChartStore]]:
    """Nurse A's and nurse B's connections to the same real file."""
    a = open_chart(chart_path)
    operations.admit_patient(
        a, mrn="MRN100241", name="Doe, Jane", dob=date(1965, 4, 12), actor="a", now=NOW
    )
    b = open_chart(chart_path)
    yield a, b
    b.close()
    a.close()


def _patient(store: ChartStore) -> Patient:
    found = queries.find_patient(store.db, "MRN100241")
    assert found is not None
    return found


def _rows(store: ChartStore, table: str) -> int:
    return int(store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _temperature(store: ChartStore, p: Patient, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "patient": p,
        "value": D("37.0"),
        "unit": "C",
        "taken": TAKEN,
        "route": "oral",
    }
    return {**values, **over}


def _refused_after_b(
    a: ChartStore,
    b: ChartStore,
    table: str,
    seen: Callable[[ChartStore], tuple[str, str]],
    correct: Callable[[ChartStore, str, str, str], object],
) -> None:
    """A reads the record; B corrects it; A's correction of what she read is refused."""
    record_id, version_a = seen(a)
    _, version_b = seen(b)
    correct(b, record_id, version_b, "b")
    before = (_rows(a, table), _rows(a, "audit_log"))
    with pytest.raises(InvalidEntry) as raised:
        correct(a, record_id, version_a, "a")
    assert raised.value.first.field == "record"
    message = raised.value.first.message
    assert message.startswith("this record was changed by b at ")
    assert "since you opened it; nothing was saved" in message
    assert (_rows(a, table), _rows(a, "audit_log")) == before


def test_a_temperature_corrected_meanwhile_is_not_reverted(
    two: tuple[ChartStore, ChartStore],
) -> None:
    a, b = two
    operations.record_temperature(a, **_temperature(a, _patient(a)), actor="a", now=NOW)

    def seen(s: ChartStore) -> tuple[str, str]:
        (t,) = queries.patient_records(s.db, _patient(s)).temperatures
        return t.id, t.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        value = D("39.4") if who == "b" else D("37.0")
        route = "oral" if who == "b" else "axillary"
        return operations.correct_temperature(
            s,
            **_temperature(s, _patient(s), value=value, route=route),
            record_id=rid,
            expected_version=version,
            reason=f"{who} fixed it",
            confirm=True,
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "temperatures", seen, correct)
    (t,) = queries.patient_records(a.db, _patient(a)).temperatures
    assert (t.celsius, t.route) == (D("39.4"), "oral")  # B's fever is still on the chart


def test_a_cbc_corrected_meanwhile_is_not_reverted(two: tuple[ChartStore, ChartStore]) -> None:
    a, b = two
    operations.record_cbc(
        a, patient=_patient(a), entry=CbcEntry(taken=TAKEN, anc=D("1.2")), actor="a", now=NOW
    )

    def seen(s: ChartStore) -> tuple[str, str]:
        (r,) = queries.patient_records(s.db, _patient(s)).results
        return r.id, r.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        anc = D("0.3") if who == "b" else D("1.4")
        return operations.correct_cbc(
            s,
            patient=_patient(s),
            record_id=rid,
            expected_version=version,
            entry=CbcEntry(taken=TAKEN, anc=anc),
            reason="lab phoned",
            confirm=True,
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "results", seen, correct)
    (r,) = queries.patient_records(a.db, _patient(a)).results
    assert r.anc == D("0.3")


def test_a_gcsf_dose_corrected_meanwhile_is_not_reverted(
    two: tuple[ChartStore, ChartStore],
) -> None:
    a, b = two
    operations.record_gcsf(
        a, patient=_patient(a), given=TAKEN, drug="filgrastim", dose="300 mcg", actor="a", now=NOW
    )

    def seen(s: ChartStore) -> tuple[str, str]:
        (d,) = queries.patient_records(s.db, _patient(s)).gcsf_doses
        return d.id, d.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        return operations.correct_gcsf(
            s,
            patient=_patient(s),
            record_id=rid,
            expected_version=version,
            given=TAKEN,
            drug="filgrastim",
            dose="480 mcg" if who == "b" else "300 mcg SC",
            reason="dose",
            confirm=True,
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "gcsf_doses", seen, correct)


def test_a_cycle_corrected_meanwhile_is_not_reverted(two: tuple[ChartStore, ChartStore]) -> None:
    a, b = two
    operations.start_cycle(
        a,
        patient=_patient(a),
        regimen_name="AC",
        day1=date(2026, 3, 2),
        confirm=True,
        actor="a",
        now=NOW,
    )

    def seen(s: ChartStore) -> tuple[str, str]:
        (c,) = queries.patient_records(s.db, _patient(s)).cycles
        return c.id, c.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        return operations.correct_cycle(
            s,
            patient=_patient(s),
            record_id=rid,
            expected_version=version,
            day1=date(2026, 3, 3) if who == "b" else date(2026, 3, 2),
            nadir_window=(10, 14) if who == "b" else (7, 14),
            cycle_length_days=21,
            reason="delayed",
            confirm=True,
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "cycles", seen, correct)


def test_patient_details_corrected_meanwhile_are_not_reverted(
    two: tuple[ChartStore, ChartStore],
) -> None:
    a, b = two

    def seen(s: ChartStore) -> tuple[str, str]:
        p = _patient(s)
        return p.id, p.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        p = _patient(s)
        return operations.correct_patient(
            s,
            patient=p,
            expected_version=version,
            mrn=p.mrn,
            name=p.name,
            dob=p.dob,
            bed="4A-02" if who == "b" else "4A-09",
            reason="moved",
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "patients", seen, correct)
    assert _patient(a).bed == "4A-02"


def test_entered_in_error_of_a_record_changed_meanwhile_is_refused(
    two: tuple[ChartStore, ChartStore],
) -> None:
    a, b = two
    operations.record_temperature(a, **_temperature(a, _patient(a)), actor="a", now=NOW)

    def seen(s: ChartStore) -> tuple[str, str]:
        (t,) = queries.patient_records(s.db, _patient(s)).temperatures
        return t.id, t.version

    def correct(s: ChartStore, rid: str, version: str, who: str) -> object:
        if who == "b":
            return operations.correct_temperature(
                s,
                **_temperature(s, _patient(s), value=D("39.4")),
                record_id=rid,
                expected_version=version,
                reason="misread",
                confirm=True,
                actor=who,
                now=LATER,
            )
        return operations.mark_entered_in_error(
            s,
            table="temperatures",
            record_id=rid,
            expected_version=version,
            reason="wrong patient",
            actor=who,
            now=LATER,
        )

    _refused_after_b(a, b, "temperatures", seen, correct)
    assert len(queries.patient_records(a.db, _patient(a)).temperatures) == 1


def test_a_correction_of_a_record_withdrawn_meanwhile_names_the_withdrawal(
    two: tuple[ChartStore, ChartStore],
) -> None:
    a, b = two
    operations.record_temperature(a, **_temperature(a, _patient(a)), actor="a", now=NOW)
    (t,) = queries.patient_records(a.db, _patient(a)).temperatures
    operations.mark_entered_in_error(
        b,
        table="temperatures",
        record_id=t.id,
        expected_version=t.version,
        reason="wrong patient",
        actor="b",
        now=LATER,
    )
    with pytest.raises(InvalidEntry, match=r"marked entered in error by b at .* nothing was saved"):
        operations.correct_temperature(
            a,
            **_temperature(a, _patient(a), route="axillary"),
            record_id=t.id,
            expected_version=t.version,
            reason="route",
            confirm=True,
            actor="a",
            now=LATER,
        )
    assert queries.patient_records(a.db, _patient(a)).temperatures == []


def test_an_unknown_version_fails_closed(two: tuple[ChartStore, ChartStore]) -> None:
    a, _ = two
    p = _patient(a)
    with pytest.raises(InvalidEntry, match="changed by a at"):
        operations.correct_patient(
            a,
            patient=p,
            expected_version="",
            mrn=p.mrn,
            name=p.name,
            dob=p.dob,
            bed="4A-09",
            reason="moved",
            actor="a",
            now=LATER,
        )
