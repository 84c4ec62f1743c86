"""HL7 v2 result import on real chart files: every message charted, held, ignored or
refused as a whole, audited, and never charted twice."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hl7_messages import (
    ANC,
    BANDS,
    MRN,
    NEUT_PCT,
    OTHER_DOB,
    OTHER_MRN,
    PLT,
    SEGS,
    SODIUM,
    WBC,
    cbc,
    message,
    msh,
    obr,
    obx,
    pid,
    standard,
)

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import Outcome, held_messages, import_files


def run(store: ChartStore, tmp_path: Path, data: bytes, name: str = "in.hl7", **kw: object):
    path = tmp_path / name
    path.write_bytes(data)
    return import_files(store, [path], actor="lab-interface", now=datetime.now().astimezone(), **kw)  # type: ignore[arg-type]


def results(store: ChartStore, patient: Patient) -> list[dict[str, object]]:
    return list(
        store.db.query(
            "SELECT * FROM current_results WHERE patient_id = ? ORDER BY taken_utc", [patient.id]
        )
    )


def counts(store: ChartStore) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("results", "lab_messages", "lab_result_sources", "audit_log")
    )


def only(outcomes: list[Outcome]) -> Outcome:
    assert len(outcomes) == 1, outcomes
    return outcomes[0]


# --- charted ----------------------------------------------------------------------------


def test_the_reference_message_is_charted_with_its_lower_limits(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    outcome = only(run(store, tmp_path, standard()))
    assert (outcome.outcome, outcome.results, outcome.control_id) == ("charted", 1, "LAB000457")
    (row,) = results(store, jane)
    assert (row["wbc"], row["anc"], row["anc_source"], row["neut_pct"]) == (
        "2.1",
        "0.84",
        "lab",
        "40",
    )
    assert (row["wbc_lln"], row["anc_lln"], row["platelets"]) == ("4", "2", "142")
    assert (row["source"], row["lab_status"]) == ("import", "final")
    source = store.db.execute("SELECT order_key, observations FROM lab_result_sources").fetchone()
    assert source[0] == "LAB445566^GENHOSP_LAB"
    kept = json.loads(source[1])
    assert kept["anc/"]["flags"] == "L"
    assert kept["neut_pct/"]["received"] == "40.0"  # what came in is kept as it came
    assert kept["anc/"]["reference_range"] == "2.0-7.5"
    audit = store.db.execute("SELECT detail FROM audit_log WHERE action = 'hl7_import'").fetchone()
    detail = json.loads(audit[0])
    assert detail["control_id"] == "LAB000457"
    assert detail["outcome"] == "charted"
    assert detail["file"].endswith("in.hl7")


def test_bom_lf_only_mllp_and_two_messages_in_one_file(
    store: ChartStore, jane: Patient, john: Patient, tmp_path: Path
) -> None:
    first = message(msh("M1"), pid(), obr("F1"), *cbc(), end="\n")
    second = message(msh("M2"), pid(OTHER_MRN, OTHER_DOB), obr("F2"), *cbc(wbc="5.5", anc="3.1"))
    data = b"\xef\xbb\xbf" + b"\x0b" + first + b"\x1c\r" + b"\x0b" + second + b"\x1c\r"
    outcomes = run(store, tmp_path, data)
    assert [(o.control_id, o.outcome) for o in outcomes] == [("M1", "charted"), ("M2", "charted")]
    assert results(store, jane)[0]["anc"] == "0.84"
    assert results(store, john)[0]["anc"] == "3.1"


def test_crlf_batch_envelope_z_segments_notes_and_repeated_identifiers(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    ids = f"9434765919^^^NHS^NH~{MRN}^^^GENHOSP^MR~A77^^^OLD^PI"
    data = message(
        "FHS|^~\\&|LIS",
        "BHS|^~\\&|LIS",
        msh(),
        pid(ids=ids),
        "ZPI|1|private^data~more",
        "ORC|RE||LAB445566^GENHOSP_LAB",
        obr(),
        "NTE|1||Sample slightly haemolysed~repeat if needed",
        *cbc(),
        "ZLB|analyser^XN-1000",
        "BTS|1",
        "FTS|1",
        end="\r\n",
    )
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert len(results(store, jane)) == 1


def test_several_orders_one_cbc_one_chemistry(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(
        msh(),
        pid(),
        obr("CHEM1", panel="24323-8"),
        obx(1, SODIUM, "139", unit="mmol/L^mmol/L^UCUM"),
        obr("CBC1"),
        *cbc(),
        obr("CBC2"),
        obx(1, WBC, "3.3"),
        obx(2, ANC, "1.2"),
    )
    assert only(run(store, tmp_path, data)).results == 2
    assert [r["wbc"] for r in results(store, jane)] == ["2.1", "3.3"]


def test_v23_local_codes_with_loinc_as_the_alternate_triplet(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(
        msh(version="2.3"),
        pid(),
        obr(),
        obx(1, "WBC^White cells^99LAB^6690-2^Leukocytes^LN", "2.1", unit="K/uL"),
        obx(2, "NEUT#^Neutrophils abs^99LAB^751-8^Neutrophils^LN", "840", unit="/uL"),
    )
    assert only(run(store, tmp_path, data)).outcome == "charted"
    row = results(store, jane)[0]
    assert (row["wbc"], row["anc"]) == ("2.1", "0.84")


def test_a_ward_map_of_local_codes(store: ChartStore, jane: Patient, tmp_path: Path) -> None:
    local = message(
        msh("LOCAL1"),
        pid(),
        obr(),
        obx(1, "WBCX^White cells^99LAB", "2.1", unit="10\\S\\9/L"),
        obx(2, "ANCX^Neutrophils^99LAB", "1500", unit="{cells}/uL"),
    )
    assert only(run(store, tmp_path, local)).reason == "no CBC result to chart in the message"
    now = datetime.now().astimezone()
    operations.set_ward_setting(
        store, "hl7_local_codes", "99LAB:WBCX=wbc; ANCX=anc", actor="admin", now=now
    )
    changed = local.replace(b"LOCAL1", b"LOCAL2")
    assert only(run(store, tmp_path, changed)).outcome == "charted"
    assert (results(store, jane)[0]["wbc"], results(store, jane)[0]["anc"]) == ("2.1", "1.5")


@pytest.mark.parametrize(
    ("unit", "value", "stored"),
    [
        ("10*9/L", "2.1", "2.1"),
        ("10*3/uL", "2.1", "2.1"),
        ("10\\S\\9/L", "2.1", "2.1"),
        ("K/uL", "2.1", "2.1"),
        ("giga.l-1", "2.1", "2.1"),
        ("G/L", "2.1", "2.1"),
        ("{cells}/uL", "2100", "2.1"),
        ("cells/uL", "2100", "2.1"),
        ("/uL", "2100", "2.1"),
        ("10*9/L", "2.10", "2.10"),  # the lab's precision is kept, nothing rounded
        ("10*9/L", "2.1234", "2.1234"),
    ],
)
def test_count_units(
    store: ChartStore, jane: Patient, tmp_path: Path, unit: str, value: str, stored: str
) -> None:
    data = message(msh(), pid(), obr(), obx(1, WBC, value, unit=unit))
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert Decimal(str(results(store, jane)[0]["wbc"])) == Decimal(stored)


def test_segmented_and_band_percentages_compute_the_anc(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(
        msh(),
        pid(),
        obr(),
        obx(1, WBC, "2.1"),
        obx(2, SEGS, "40", unit="%"),
        obx(3, BANDS, "5", unit="%^%^UCUM"),
    )
    assert only(run(store, tmp_path, data)).outcome == "charted"
    row = results(store, jane)[0]
    assert (row["anc"], row["anc_source"]) == ("0.945", "computed")


def test_a_pending_differential_charts_the_wbc_alone(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(msh(), pid(), obr(), obx(1, WBC, "2.1", status="P"), obx(2, ANC, "", status="I"))
    assert only(run(store, tmp_path, data)).outcome == "charted"
    row = results(store, jane)[0]
    assert (row["wbc"], row["anc"], row["lab_status"]) == ("2.1", None, "preliminary")


def test_a_decimal_fraction_code_is_a_percentage(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    fraction = "71676-1^Neutrophils/Leukocytes [Pure number fraction] in Blood^LN"
    data = message(msh(), pid(), obr(), obx(1, WBC, "2.1"), obx(2, fraction, "0.40", unit=""))
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert Decimal(str(results(store, jane)[0]["neut_pct"])) == 40


def test_a_percentage_below_one_with_its_unit_is_charted(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(msh(), pid(), obr(), obx(1, WBC, "0.5"), obx(2, NEUT_PCT, "0.4", unit="%"))
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert results(store, jane)[0]["neut_pct"] == "0.4"


def test_local_time_in_the_ward_zone_and_a_daylight_saving_gap_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    zone = ZoneInfo("America/New_York")
    ok = message(msh("T1"), pid(), obr("A", taken="202603071030"), obx(1, WBC, "2.1"))
    assert only(run(store, tmp_path, ok, tz=zone)).outcome == "charted"
    assert results(store, jane)[0]["taken_utc"].startswith("2026-03-07T15:30")
    gap = message(msh("T2"), pid(), obr("B", taken="202603080230"), obx(1, WBC, "2.1"))
    outcome = only(run(store, tmp_path, gap, tz=zone))
    assert outcome.outcome == "held"
    assert "did not exist" in outcome.reason
    twice = message(msh("T3"), pid(), obr("C", taken="202611010130"), obx(1, WBC, "2.1"))
    assert "happened twice" in only(run(store, tmp_path, twice, tz=zone)).reason


# --- preliminary, final, corrected ----------------------------------------------------------


def test_preliminary_then_final_supersedes_as_a_correction(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    assert only(run(store, tmp_path, standard("P1", status="P"))).outcome == "charted"
    (prelim,) = results(store, jane)
    assert prelim["lab_status"] == "preliminary"
    chart = queries.load_chart(store.db, jane, queries.ward_settings(store.db), now)
    assert chart.all_results[0].result.lab_status == "preliminary"
    outcome = only(run(store, tmp_path, standard("F1", status="F", anc="0.81")))
    assert (outcome.outcome, outcome.results) == ("charted", 1)
    (final,) = results(store, jane)
    assert final["origin_id"] == prelim["origin_id"]
    assert (final["anc"], final["lab_status"]) == ("0.81", "final")
    assert final["reason"] == "final result from laboratory"
    assert final["supersedes"] == prelim["id"]
    # The same final again, in another message: nothing to add.
    again = only(run(store, tmp_path, standard("F1-RESENT", status="F", anc="0.81")))
    assert again.outcome == "ignored"
    assert len(list(store.db.query("SELECT id FROM results"))) == 2


def test_a_corrected_result_supersedes_the_final(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    run(store, tmp_path, standard("F1"))
    outcome = only(run(store, tmp_path, standard("C1", status="C", anc="0.91")))
    assert outcome.outcome == "charted"
    (row,) = results(store, jane)
    assert (row["anc"], row["lab_status"]) == ("0.91", "corrected")
    assert row["reason"] == "corrected result from laboratory"


def test_a_second_different_final_or_a_late_preliminary_is_held(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    run(store, tmp_path, standard("F1"))
    before = results(store, jane)
    second = only(run(store, tmp_path, standard("F2", anc="0.99")))
    assert (second.outcome, "correction (status C)" in second.reason) == ("held", True)
    late = only(run(store, tmp_path, standard("P9", status="P", anc="0.70")))
    assert "preliminary" in late.reason
    assert results(store, jane) == before


def test_importing_the_same_message_twice_adds_nothing(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    run(store, tmp_path, standard())
    before = counts(store)
    outcome = only(run(store, tmp_path, standard(), name="copy.hl7"))
    assert outcome.outcome == "ignored"
    assert "already imported" in outcome.reason
    assert counts(store) == before


# --- held, ignored, refused ------------------------------------------------------------------


def test_a_quality_control_message_is_never_charted(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    qc = message(msh("QC1", processing="Q"), pid(), obr(), *cbc())
    outcome = only(run(store, tmp_path, qc))
    assert (outcome.outcome, "quality-control" in outcome.reason) == ("ignored", True)
    test = message(msh("TEST1", processing="T"), pid(), obr(), *cbc())
    assert only(run(store, tmp_path, test)).outcome == "ignored"
    assert results(store, jane) == []
    operations.set_ward_setting(store, "hl7_accept_test", "yes", actor="admin", now=now)
    test2 = message(msh("TEST2", processing="T"), pid(), obr(), *cbc())
    assert only(run(store, tmp_path, test2)).outcome == "charted"
    qc2 = message(msh("QC2", processing="Q"), pid(), obr("Q2"), *cbc())
    assert only(run(store, tmp_path, qc2)).outcome == "ignored"


def test_an_unknown_patient_is_held_then_charted_once_admitted(
    store: ChartStore, tmp_path: Path, now: datetime
) -> None:
    outcome = only(run(store, tmp_path, standard()))
    assert (outcome.outcome, outcome.mrn) == ("held", MRN)
    assert "no patient on this chart has MRN 00123456" in outcome.reason
    (held,) = held_messages(store.db)
    assert (held["control_id"], held["mrn"]) == ("LAB000457", MRN)
    before = counts(store)
    assert only(run(store, tmp_path, standard())).outcome == "held"
    assert counts(store) == before  # still held: nothing new recorded
    operations.admit_patient(
        store, mrn=MRN, name="Doe, Jane", dob=date(1965, 4, 12), actor="nurse", now=now
    )
    assert only(run(store, tmp_path, standard())).outcome == "charted"
    assert held_messages(store.db) == []


def test_a_date_of_birth_mismatch_is_held(store: ChartStore, jane: Patient, tmp_path: Path) -> None:
    data = message(msh(), pid(dob="19650421"), obr(), *cbc())
    outcome = only(run(store, tmp_path, data))
    assert outcome.outcome == "held"
    assert "date of birth 1965-04-21" in outcome.reason
    missing = message(msh("NODOB"), pid(dob=""), obr(), *cbc())
    assert "no date of birth" in only(run(store, tmp_path, missing)).reason
    assert results(store, jane) == []


def test_an_mr_identifier_that_matches_nobody_is_never_guessed_from_another_one(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    ids = f"{MRN}^^^NHS^NH~99999999^^^GENHOSP^MR"
    outcome = only(run(store, tmp_path, message(msh(), pid(ids=ids), obr(), *cbc())))
    assert outcome.outcome == "held"
    untyped = f"{MRN}^^^GENHOSP"
    assert (
        only(run(store, tmp_path, message(msh("U"), pid(ids=untyped), obr(), *cbc()))).outcome
        == "charted"
    )


def test_several_patients_in_one_message_are_charted_or_held_together(
    store: ChartStore, jane: Patient, john: Patient, tmp_path: Path
) -> None:
    both = message(
        msh("TWO"), pid(), obr("A1"), *cbc(), pid(OTHER_MRN, OTHER_DOB), obr("B1"), *cbc()
    )
    assert only(run(store, tmp_path, both)).results == 2
    unknown = message(
        msh("THREE"), pid(), obr("A2"), *cbc(), pid("55555555", "19800101"), obr("C1"), *cbc()
    )
    outcome = only(run(store, tmp_path, unknown))
    assert outcome.outcome == "held"
    assert len(results(store, jane)) == 1  # the known patient's part was not charted either


@pytest.mark.parametrize(
    ("segment", "why"),
    [
        (obx(1, ANC, "<0.5"), "bound"),
        (obx(1, ANC, "<^0.5", kind="SN"), "bound"),
        (obx(1, ANC, "***"), "not a number"),
        (obx(1, ANC, ""), "no value"),
        (obx(1, ANC, "0,84"), "comma"),
        (obx(1, ANC, "0.840000000000001"), "digits"),
        (obx(1, ANC, "0.84", status="D"), "deleted"),
        (obx(1, ANC, "0.84", status="W"), "wrong patient"),
        (obx(1, ANC, "0.84", unit=""), "no unit"),
        (obx(1, ANC, "0.84", unit="mmol/L"), "does not know"),
        (obx(1, ANC, "3000", unit="10*3/uL"), "above any analyser"),
        (obx(1, NEUT_PCT, "0.4", unit=""), "fraction"),
        (obx(1, "GRAN#^Granulocytes^99LAB^751-8^Neutrophils^LN", "0.84"), "granulocyte"),
        (obx(1, ANC, "5.0", ref="2.0-7.5"), "more than the WBC"),
        (obx(1, ANC, "0.84", ref="2000-7500"), "lower limit"),
    ],
)
def test_values_a_person_must_look_at_are_held(
    store: ChartStore, jane: Patient, tmp_path: Path, segment: str, why: str
) -> None:
    data = message(msh(), pid(), obr(), obx(9, WBC, "2.1"), segment)
    outcome = only(run(store, tmp_path, data))
    assert outcome.outcome == "held", outcome
    assert why in outcome.reason
    assert results(store, jane) == []


def test_a_granulocyte_count_is_not_taken_for_an_anc(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    data = message(
        msh(), pid(), obr(), obx(1, WBC, "2.1"), obx(2, "GRAN^Granulocytes^99LAB", "1.1")
    )
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert results(store, jane)[0]["anc"] is None


def test_escape_sequences_are_decoded(store: ChartStore, jane: Patient, tmp_path: Path) -> None:
    data = message(msh(), pid(), obr(), obx(1, WBC, "2\\X2E\\1", unit="10\\S\\9/L"))
    assert only(run(store, tmp_path, data)).outcome == "charted"
    assert results(store, jane)[0]["wbc"] == "2.1"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (message(msh(), pid(), obx(1, WBC, "2.1")), "before any OBR"),
        (message(msh(), obr(), obx(1, WBC, "2.1")), "before any PID"),
        (message(msh(control_id=""), pid(), obr(), *cbc()), "control id"),
        (message(msh(version="3.0"), pid(), obr(), *cbc()), "not v2"),
        (message(msh(), pid(), "obr|lower", obr(), *cbc()), "segment name"),
    ],
)
def test_malformed_messages_are_refused(
    store: ChartStore, jane: Patient, tmp_path: Path, data: bytes, why: str
) -> None:
    outcome = only(run(store, tmp_path, data))
    assert (outcome.outcome, why in outcome.reason) == ("refused", True), outcome
    assert results(store, jane) == []
    row = store.db.execute("SELECT outcome, reason FROM lab_messages").fetchone()
    assert row[0] == "refused"


def test_a_message_that_is_not_a_result_is_ignored(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    adt = standard().replace(b"ORU^R01^ORU_R01", b"ADT^A01^ADT_A01")
    assert "not a result" in only(run(store, tmp_path, adt)).reason


def test_a_file_that_is_not_hl7_writes_nothing(
    store: ChartStore, jane: Patient, tmp_path: Path
) -> None:
    good = tmp_path / "good.hl7"
    good.write_bytes(standard())
    bad = tmp_path / "notes.txt"
    bad.write_text("mrn,taken,wbc\n00123456,2026-03-12 08:30,2.1\n")
    before = counts(store)
    with pytest.raises(InvalidEntry, match="not an HL7 v2 message file"):
        import_files(store, [good, bad], actor="x", now=datetime.now().astimezone())
    assert counts(store) == before


def test_a_folder_is_read_file_by_file(store: ChartStore, jane: Patient, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "done").mkdir(parents=True)
    (inbox / "a.hl7").write_bytes(message(msh("A"), pid(), obr("A"), *cbc()))
    (inbox / "b.hl7").write_bytes(message(msh("B"), pid(), obr("B"), obx(1, PLT, "150")))
    (inbox / "done" / "old.hl7").write_bytes(b"not read")
    outcomes = import_files(store, [inbox], actor="x", now=datetime.now().astimezone())
    assert [(Path(o.file).name, o.outcome) for o in outcomes] == [
        ("a.hl7", "charted"),
        ("b.hl7", "ignored"),  # platelets alone: nothing the chart shows
    ]
