"""HL7 v2 messages shaped to break the import, on real chart files: delimiters that would
split a value, the edges of the calendar, a corrected result for another patient, a
nurse's correction, results without an order number, a correction of the time alone, a
result already typed in by hand, digits that are not ASCII and fractions of a second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hl7_messages import (
    ANC,
    DOB,
    OTHER_DOB,
    OTHER_MRN,
    WBC,
    cbc,
    message,
    msh,
    obr,
    obx,
    pid,
    standard,
)

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.records import Patient
from wardchart.storage import operations
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import Outcome, import_files


def run(store: ChartStore, tmp_path: Path, data: bytes, name: str = "in.hl7") -> list[Outcome]:
    path = tmp_path / name
    path.write_bytes(data)
    return import_files(store, [path], actor="lab-interface", now=datetime.now().astimezone())


def one(store: ChartStore, tmp_path: Path, data: bytes) -> Outcome:
    (outcome,) = run(store, tmp_path, data)
    return outcome


def results(store: ChartStore, patient: Patient) -> list[dict[str, object]]:
    return list(
        store.db.query(
            "SELECT * FROM current_results WHERE patient_id = ? ORDER BY taken_utc", [patient.id]
        )
    )


def at(hours_ago: float) -> str:
    """A collection time a few hours ago, with its UTC offset, to the minute."""
    return (datetime.now().astimezone() - timedelta(hours=hours_ago)).strftime("%Y%m%d%H%M%z")


# --- delimiters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "MSH|^.\\&|",  # "." as the repetition separator: 0.45 would be read as 0
        "MSH|^~\\.|",  # "." as the subcomponent separator
        "MSH|^~\\-|",  # "-" is in every reference range and offset
        "MSH|+~\\&|",  # "+" is in every UTC offset
        "MSH|^~\\^|",  # the same character twice
        "MSH|^~\\|",  # three characters
        "MSH|^~ &|",  # a space
        "MSH|^~A&|",  # a letter
        "MSH|^~\\||",  # the field separator again
    ],
)
def test_delimiters_that_could_split_a_value_are_refused(
    store: ChartStore, jane: Patient, tmp_path: Path, header: str
) -> None:
    text = standard(anc="0.45").decode().replace("MSH|^~\\&|", header, 1)
    outcome = one(store, tmp_path, text.encode())
    assert outcome.outcome == "refused", outcome
    assert "MSH-2" in outcome.reason or "delimiter" in outcome.reason
    assert results(store, jane) == []


def test_other_sound_delimiters_are_read(store: ChartStore, jane: Patient, tmp_path: Path) -> None:
    text = standard(anc="0.45").decode().replace("^", "$").replace("|", "!")
    outcome = one(store, tmp_path, text.encode())
    assert outcome.outcome == "charted", outcome
    assert results(store, jane)[0]["anc"] == "0.45"


# --- the edges of the calendar: held, and the file goes on ------------------------------------


@pytest.mark.parametrize("when", ["99991231235900", "00010101000000", "99991231235900-0500"])
def test_a_year_outside_1900_to_2999_is_held_and_the_next_messages_are_read(
    store: ChartStore, jane: Patient, john: Patient, tmp_path: Path, when: str
) -> None:
    data = (
        message(msh("M1"), pid(), obr("F1", taken=at(5)), *cbc())
        + message(msh("M2"), pid(), obr("F2", taken=when), *cbc(anc="0.55"))
        + message(msh("M3"), pid(OTHER_MRN, OTHER_DOB), obr("F3"), *cbc(wbc="5.5", anc="3.1"))
    )
    outcomes = run(store, tmp_path, data)
    assert [o.outcome for o in outcomes] == ["charted", "held", "charted"]
    assert "outside the years 1900 to 2999" in outcomes[1].reason
    assert [r["anc"] for r in results(store, jane)] == ["0.84"]
    assert [r["anc"] for r in results(store, john)] == ["3.1"]


def test_a_year_outside_the_range_in_an_observation_time_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    order = "OBR|1||F9^LAB|57021-8^CBC^LN"  # no OBR-7: the time is the OBX-14
    obs = obx(1, WBC, "2.1") + "|||00010101000000"
    outcome = one(store, tmp_path, message(msh(), pid(), order, obs))
    assert outcome.outcome == "held"
    assert "outside the years" in outcome.reason


# --- the same order, another patient; a nurse's correction ------------------------------------


def test_a_correction_for_another_patient_is_held_and_charted_for_neither(
    store: ChartStore, jane: Patient, john: Patient, tmp_path: Path
) -> None:
    taken = at(4)
    assert one(store, tmp_path, message(msh("F1"), pid(), obr("X1", taken), *cbc())).outcome == (
        "charted"
    )
    other = message(msh("C1"), pid(OTHER_MRN, OTHER_DOB), obr("X1", taken), *cbc("C", anc="0.9"))
    outcome = one(store, tmp_path, other)
    assert outcome.outcome == "held"
    assert "another patient" in outcome.reason
    assert results(store, john) == []
    assert [r["anc"] for r in results(store, jane)] == ["0.84"]


def test_the_final_result_never_replaces_a_nurses_correction(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    taken = at(4)
    one(store, tmp_path, message(msh("P1"), pid(), obr("X1", taken), *cbc("P")))
    (prelim,) = results(store, jane)
    operations.correct_cbc(
        store,
        patient=jane,
        record_id=str(prelim["origin_id"]),
        expected_version=str(prelim["id"]),
        entry=CbcEntry(
            taken=datetime.fromisoformat(str(prelim["taken_utc"]).replace("Z", "+00:00")),
            wbc=Decimal("2.1"),
            anc=Decimal("0.48"),
        ),
        reason="phoned result from laboratory",
        confirm=True,
        actor="nurse",
        now=now,
    )
    outcome = one(store, tmp_path, message(msh("F1"), pid(), obr("X1", taken), *cbc("F")))
    assert outcome.outcome == "held"
    assert "corrected by hand" in outcome.reason
    (row,) = results(store, jane)
    assert (row["anc"], row["reason"]) == ("0.48", "phoned result from laboratory")


# --- no order number ----------------------------------------------------------------------------


def test_without_an_order_number_a_later_result_at_the_same_time_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    taken = at(4)
    order = f"OBR|1|||57021-8^CBC^LN|||{taken}"
    first = message(msh("P1"), pid(), order, *cbc("P", anc="0.80"))
    assert one(store, tmp_path, first).outcome == "charted"
    final = message(msh("F1"), pid(), order, *cbc("F", anc="0.84"))
    outcome = one(store, tmp_path, final)
    assert outcome.outcome == "held"
    assert "no order number" in outcome.reason
    assert [r["anc"] for r in results(store, jane)] == ["0.8"]
    # A namespace alone is no order number either.
    namespaced = f"OBR|1||^GENHOSP_LAB|57021-8^CBC^LN|||{taken}"
    again = one(store, tmp_path, message(msh("F2"), pid(), namespaced, *cbc("F", anc="0.84")))
    assert again.outcome == "held"


# --- a correction of the collection time alone --------------------------------------------------


@pytest.mark.parametrize("first_status", ["F", "C"])
def test_a_correction_of_the_collection_time_alone_is_charted(
    store: ChartStore, jane: Patient, tmp_path: Path, first_status: str
) -> None:
    one(store, tmp_path, message(msh("A1"), pid(), obr("X1", at(6)), *cbc(first_status)))
    later = at(5)
    outcome = one(store, tmp_path, message(msh("C2"), pid(), obr("X1", later), *cbc("C")))
    assert (outcome.outcome, outcome.results) == ("charted", 1), outcome
    (row,) = results(store, jane)
    moved = datetime.strptime(later, "%Y%m%d%H%M%z").astimezone(UTC)
    assert row["taken_utc"] == moved.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert row["reason"] == "corrected result from laboratory"


def test_a_final_that_moves_the_collection_time_without_a_correction_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    one(store, tmp_path, message(msh("A1"), pid(), obr("X1", at(6)), *cbc("F")))
    outcome = one(store, tmp_path, message(msh("A2"), pid(), obr("X1", at(5)), *cbc("F")))
    assert outcome.outcome == "held"
    assert len(results(store, jane)) == 1


# --- a result already typed in by hand ----------------------------------------------------------


def test_a_result_already_typed_in_by_hand_is_already_on_the_chart(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    taken = at(4)
    operations.record_cbc(
        store,
        patient=jane,
        entry=CbcEntry(
            taken=datetime.strptime(taken, "%Y%m%d%H%M%z"),
            wbc=Decimal("2.1"),
            anc=Decimal("0.84"),
        ),
        confirm=True,
        actor="nurse",
        now=now,
    )
    outcome = one(store, tmp_path, message(msh(), pid(), obr("X1", taken), *cbc()))
    assert outcome.outcome == "ignored"
    assert "already on the chart" in outcome.reason
    assert len(list(store.db.query("SELECT id FROM results"))) == 1


# --- digits that are not ASCII ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["３.１", "٠.٤٥", "0.4٥"])
def test_a_value_in_other_digits_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path, value: str
) -> None:
    data = message(msh(), pid(), obr(), obx(1, WBC, "2.1"), obx(2, ANC, value))
    outcome = one(store, tmp_path, data)
    assert outcome.outcome == "held"
    assert "not a number" in outcome.reason
    assert results(store, jane) == []


def test_a_time_or_a_date_of_birth_in_other_digits_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    taken = at(4)
    bad_time = message(msh("T1"), pid(), obr("X1", taken[:12].translate(wide)), *cbc())
    assert one(store, tmp_path, bad_time).outcome == "held"
    bad_dob = message(msh("T2"), pid(dob=DOB.translate(wide)), obr("X2", taken), *cbc())
    assert one(store, tmp_path, bad_dob).outcome == "held"
    assert results(store, jane) == []


# --- fractions of a second ----------------------------------------------------------------------


def test_a_fraction_of_a_second_is_dropped_and_kept_in_the_message(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    minute = at(4)
    taken = f"{minute[:12]}15.9{minute[12:]}"
    outcome = one(store, tmp_path, message(msh(), pid(), obr("X1", taken), *cbc()))
    assert outcome.outcome == "charted"
    (row,) = results(store, jane)
    assert str(row["taken_utc"]).endswith(":15.000000Z")
    kept = store.db.execute("SELECT message FROM lab_messages").fetchone()[0]
    assert taken in kept


# --- more than one value in one result ---------------------------------------------------------


def test_a_result_with_more_than_one_value_is_held_and_nothing_is_charted(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    outcome = one(store, tmp_path, standard(anc="0.45~4.5"))
    assert outcome.outcome == "held", outcome
    assert "more than one value in one result" in outcome.reason
    assert results(store, jane) == []
