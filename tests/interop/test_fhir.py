"""FHIR R4 export and import through the real entry point, on real chart files."""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ward_fixture import write_ward

from wardchart.cli import main
from wardchart.domain.display import count_text
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]
ZWSP = "\u200b"


def _run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _results(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT p.mrn, r.taken_utc, r.wbc, r.anc, r.anc_source, r.neut_pct, r.bands_pct, "
            "r.platelets, r.anc_lln, r.wbc_lln FROM current_results r "
            "JOIN current_patients p ON p.origin_id = r.patient_id ORDER BY 1, 2"
        ).fetchall()
    finally:
        conn.close()


def _temps(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT p.mrn, t.taken_utc, t.celsius FROM current_temperatures t "
            "JOIN current_patients p ON p.origin_id = t.patient_id ORDER BY 1, 2"
        ).fetchall()
    finally:
        conn.close()


def _busy_ward(store: ChartStore) -> None:
    """The known ward plus a differential with bands, a temperature, a G-CSF dose."""
    write_ward(store)
    patient = queries.find_patient(store.db, "B-2")
    assert patient is not None
    now = datetime.now().astimezone().replace(microsecond=0)
    from wardchart.domain.plausibility import CbcEntry

    operations.record_cbc(
        store,
        patient=patient,
        entry=CbcEntry(
            taken=now - timedelta(hours=3),
            wbc=Decimal("1.8"),
            neut_pct=Decimal("40"),
            bands_pct=Decimal("5"),
        ),
        actor="n",
        now=now,
    )
    operations.record_temperature(
        store,
        patient=patient,
        value=Decimal("38.4"),
        unit="C",
        taken=now - timedelta(hours=2),
        actor="n",
        now=now,
    )
    operations.record_gcsf(
        store,
        patient=patient,
        given=now - timedelta(hours=1),
        drug="filgrastim",
        dose="300 micrograms",
        actor="n",
        now=now,
    )


def test_export_is_valid_fhir_and_imports_into_another_chart_as_the_same_results(
    store: ChartStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import fhir.resources
    from fhir.resources.bundle import Bundle

    assert fhir.resources.__fhir_version__ == "4.0.1"  # R4 itself, not R4B or R5
    _busy_ward(store)
    source = store.path
    store.close()
    out = tmp_path / "ward.fhir.json"
    status, _, err = _run(source, "fhir", "export", "--all", "--out", str(out), capsys=capsys)
    assert status == 0, err
    data = json.loads(out.read_text())
    bundle = Bundle.parse_obj(data)  # valid against the FHIR R4 models
    assert bundle.type == "collection"
    kinds = {e["resource"]["resourceType"] for e in data["entry"]}
    assert kinds >= {"Patient", "Observation", "MedicationAdministration"}
    patient = next(
        e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    (mr,) = [i for i in patient["identifier"] if "type" in i]
    assert mr["type"]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/v2-0203",
        "code": "MR",
        "display": "Medical record number",
    }
    observations = [e for e in data["entry"] if e["resource"]["resourceType"] == "Observation"]
    codes = {o["resource"]["code"]["coding"][0]["code"] for o in observations}
    assert {"6690-2", "751-8", "26505-8", "764-1", "26499-4", "777-3", "8310-5"} <= codes
    graded = [o["resource"] for o in observations if "interpretation" in o["resource"]]
    assert graded
    assert all("CTCAE v5.0" in g["interpretation"][0]["text"] for g in graded)
    assert all(e["fullUrl"].startswith("urn:uuid:") for e in data["entry"])
    # A re-export is the same document but for its timestamp: a server can deduplicate.
    again = tmp_path / "again.json"
    assert _run(source, "fhir", "export", "--all", "--out", str(again), capsys=capsys)[0] == 0
    assert json.loads(again.read_text())["entry"] == data["entry"]

    other = tmp_path / "other.sqlite"
    for mrn, name in (("A-1", "Alpha, Ann"), ("B-2", "Beta, Ben")):
        args = ("patient", "add", "--mrn", mrn, "--name", name, "--dob", "1950-05-01")
        assert _run(other, *args, capsys=capsys)[0] == 0
    status, out_text, err = _run(other, "fhir", "import", str(out), "--json", capsys=capsys)
    assert status == 0, err
    outcomes = json.loads(out_text)
    assert {o["outcome"] for o in outcomes} <= {"charted", "ignored"}
    assert _results(other) == _results(source)
    assert _temps(other) == _temps(source)

    # The same bundle again adds nothing.
    status, out_text, _ = _run(other, "fhir", "import", str(out), "--json", capsys=capsys)
    assert status == 0
    assert not any(o["outcome"] == "charted" for o in json.loads(out_text))
    assert _results(other) == _results(source)


def test_a_resource_the_r4_models_refuse_stops_the_export() -> None:
    from wardchart.domain.problems import InvalidEntry
    from wardchart.storage.fhir import validate_bundle

    observation = {
        "resourceType": "Observation",
        "code": {"coding": [{"system": "http://loinc.org", "code": "6690-2"}]},
        "valueQuantity": {"value": Decimal("1.20"), "unit": "10*9/L"},
    }
    good = {"resourceType": "Bundle", "type": "collection", "entry": []}
    validate_bundle(good)
    for broken, where in (
        (observation, "status"),  # status is required in R4
        ({**observation, "status": "final", "valueQuantity": {"value": "a lot"}}, "value"),
        ({**observation, "status": "final", "valueQuantityy": {}}, "valueQuantityy"),
    ):
        bundle = {**good, "entry": [{"fullUrl": "urn:uuid:x", "resource": broken}]}
        with pytest.raises(InvalidEntry) as caught:
            validate_bundle(bundle)
        assert "not valid FHIR R4" in caught.value.first.message
        assert where in caught.value.first.message


def _synthea_like(dob: str, mrn: str, when: datetime, *, status: str = "final") -> dict[str, Any]:
    """A transaction bundle shaped like Synthea's: urn:uuid references, 16-digit values,
    displays with zero-width spaces, conventional units, things wardchart does not chart."""
    pid = "urn:uuid:0b6e7b2a-5a47-4f6f-9a8c-1d2e3f405162"
    taken = when.isoformat(timespec="seconds")

    def obs(uid: str, code: str, display: str, value: str, unit: str, **extra: Any) -> Any:
        return {
            "fullUrl": f"urn:uuid:{uid}",
            "resource": {
                "resourceType": "Observation",
                "id": uid,
                "status": status,
                "category": [{"coding": [{"code": "laboratory"}]}],
                "code": {
                    "coding": [{"system": "http://loinc.org", "code": code, "display": display}],
                    "text": display,
                },
                "subject": {"reference": pid},
                "effectiveDateTime": taken,
                "valueQuantity": {
                    "value": Decimal(value),
                    "unit": unit,
                    "system": "http://unitsofmeasure.org",
                    "code": unit,
                },
                **extra,
            },
            "request": {"method": "POST", "url": "Observation"},
        }

    return {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": pid,
                "resource": {
                    "resourceType": "Patient",
                    "id": pid[9:],
                    "identifier": [
                        {"system": "https://github.com/synthetichealth/synthea", "value": pid[9:]},
                        {
                            "type": {
                                "coding": [
                                    {
                                        "system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                        "code": "MR",
                                        "display": f"Medical{ZWSP} Record{ZWSP} Number",
                                    }
                                ]
                            },
                            "system": "http://hospital.smarthealthit.org",
                            "value": mrn,
                        },
                    ],
                    "birthDate": dob,
                },
                "request": {"method": "POST", "url": "Patient"},
            },
            {
                "fullUrl": "urn:uuid:9f1c0c1e-1111-4c2b-8a4e-0e5a6b7c8d90",
                "resource": {"resourceType": "Encounter", "status": "finished"},
            },
            obs(
                "11111111-0000-4000-8000-000000000001",
                "6690-2",
                f"Leukocytes [#/volume] in{ZWSP} Blood by Automated count",
                "3.4567890123456789",
                "10*3/uL",
            ),
            obs(
                "11111111-0000-4000-8000-000000000002",
                "770-8",
                f"Neutrophils/100{ZWSP} leukocytes in Blood by Automated count",
                "41.23456789012345",
                "%",
            ),
            obs(
                "11111111-0000-4000-8000-000000000003",
                "718-7",
                "Hemoglobin [Mass/volume] in Blood",
                "13.91234567890123",
                "g/dL",
            ),
            obs(
                "11111111-0000-4000-8000-000000000004",
                "8310-5",
                f"Body{ZWSP} temperature",
                "37.06848190298418",
                "Cel",
                category=[{"coding": [{"code": "vital-signs"}]}],
            ),
        ],
    }


def _write(path: Path, bundle: dict[str, Any]) -> Path:
    from wardchart.storage.fhir import bundle_json

    path.write_text(bundle_json(bundle))
    return path


def test_a_synthea_like_transaction_bundle_imports(
    cli: Cli, chart_path: Path, tmp_path: Path
) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    bundle = _write(tmp_path / "synthea.json", _synthea_like("1961-02-03", "MRN-7", when))
    status, out, err = cli("fhir", "import", str(bundle), "--json")
    assert status == 0, err
    outcomes = [(o["resource_type"], o["outcome"]) for o in json.loads(out)]
    assert outcomes == [
        ("Patient", "ignored"),
        ("Encounter", "ignored"),
        ("Observation", "charted"),
        ("Observation", "charted"),
        ("Observation", "ignored"),  # haemoglobin: not charted
        ("Observation", "charted"),
    ]
    (result,) = _results(chart_path)
    # 10*3/uL is 10⁹/L; the 16 digits that came in are kept (the display rounds them).
    assert result[2] == "3.4567890123456789"
    assert result[3].startswith("1.42539201211")  # 3.4567890123456789 × 41.23456789012345 %
    assert result[4:6] == ("computed", "41.23456789012345")
    ((_, _, celsius),) = _temps(chart_path)
    assert celsius == "37.06848190298418"
    assert count_text(Decimal(result[2])) == "3.46"


def test_unknown_patient_and_birth_date_mismatch_are_held(
    cli: Cli, chart_path: Path, tmp_path: Path
) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    unknown = _write(tmp_path / "u.json", _synthea_like("1961-02-03", "MRN-8", when))
    status, out, _ = cli("fhir", "import", str(unknown), "--json")
    assert status == 0
    held = [o for o in json.loads(out) if o["outcome"] == "held"]
    assert len(held) == 3
    assert all("no patient on this chart has MRN MRN-8" in o["reason"] for o in held)
    wrong_dob = _write(tmp_path / "d.json", _synthea_like("1961-03-02", "MRN-7", when))
    status, out, _ = cli("fhir", "import", str(wrong_dob))
    assert status == 0
    assert out.count("held: MRN MRN-7: birth date 1961-03-02 in the bundle is not the chart's") == 3
    assert _results(chart_path) == []
    assert _temps(chart_path) == []


def test_a_preliminary_result_is_charted_as_preliminary(
    cli: Cli, chart_path: Path, tmp_path: Path
) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    bundle = _synthea_like("1961-02-03", "MRN-7", when, status="preliminary")
    assert cli("fhir", "import", str(_write(tmp_path / "p.json", bundle)))[0] == 0
    _, out, _ = cli("summary", "--mrn", "MRN-7", "--json")
    (result,) = json.loads(out)["baseline"]
    assert (result["lab_status"], result["source"]) == ("preliminary", "import")


def test_reimport_adds_nothing(cli: Cli, chart_path: Path, tmp_path: Path) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    bundle = _write(tmp_path / "s.json", _synthea_like("1961-02-03", "MRN-7", when))
    assert cli("fhir", "import", str(bundle))[0] == 0
    before = (_results(chart_path), _temps(chart_path))
    status, out, _ = cli("fhir", "import", str(bundle), "--json")
    assert status == 0
    again = json.loads(out)
    assert [o["outcome"] for o in again] == ["ignored"] * 6
    assert sum(o["reason"].startswith("already imported on") for o in again) == 3
    assert (_results(chart_path), _temps(chart_path)) == before
    assert len(before[0]) == 1


def test_a_file_that_is_not_a_bundle_exits_2_in_one_line(
    cli: Cli, chart_path: Path, tmp_path: Path
) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    for name, text in (
        ("patient.json", '{"resourceType": "Patient", "id": "x"}'),
        ("list.json", "[1, 2]"),
        ("doc.json", '{"resourceType": "Bundle", "type": "document", "entry": []}'),
        ("lab.hl7", "MSH|^~\\&|LIS\r"),
    ):
        path = tmp_path / name
        path.write_text(text)
        status, out, err = cli("fhir", "import", str(path))
        assert (status, out) == (2, ""), name
        assert err.startswith("wardchart: error: file: ")
        assert err.count("\n") == 1


def test_export_never_writes_over_the_chart(cli: Cli, chart_path: Path) -> None:
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    before = chart_path.read_bytes()
    status, out, err = cli("fhir", "export", "--all", "--out", str(chart_path))
    assert (status, out) == (2, "")
    assert "--out" in err
    assert chart_path.read_bytes() == before


def test_the_fhir_models_are_not_loaded_at_start_up() -> None:
    # (The package's .pth file makes an empty "fhir" name space at every start: not a model.)
    code = (
        "import sys, wardchart.cli, wardchart.cli.parser, wardchart.domain.settings; "
        "print(any(m.startswith(('fhir.', 'pydantic')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_held_fhir_entries_are_listed_with_held_hl7_messages_until_charted(
    cli: Cli, chart_path: Path, tmp_path: Path
) -> None:
    assert (
        cli("patient", "add", "--mrn", "A-1", "--name", "Alpha, Ann", "--dob", "1950-05-01")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    bundle = _write(tmp_path / "s.json", _synthea_like("1961-02-03", "MRN-7", when))
    assert cli("fhir", "import", str(bundle))[0] == 0  # MRN-7 not admitted yet: held
    taken = when.strftime("%Y%m%d%H%M%z")
    message = tmp_path / "lab.hl7"
    message.write_bytes(
        "\r".join(
            [
                f"MSH|^~\\&|LIS|LAB|WC|4A|{taken}||ORU^R01|C9|P|2.5.1",
                "PID|1||Z-9^^^H^MR||ZED^ZOE||19700101",
                f"OBR|1||F9^LAB|57021-8^CBC^LN|||{taken}",
                "OBX|1|NM|6690-2^WBC^LN||3.2|10*9/L|||||F",
            ]
        ).encode()
    )
    assert cli("hl7", "import", str(message))[0] == 0

    status, out, err = cli("lab", "held", "--json")
    assert status == 0, err
    held = json.loads(out)
    assert [h["kind"] for h in held] == ["FHIR", "FHIR", "FHIR", "HL7"]
    assert all("no patient on this chart has MRN MRN-7" in h["reason"] for h in held[:3])
    assert "Z-9" in held[3]["reason"]
    assert {h["entry_key"] for h in held[:3]} == {
        f"urn:uuid:11111111-0000-4000-8000-00000000000{n}" for n in (1, 2, 4)
    }
    status, out, _ = cli("lab", "held")
    assert status == 0
    assert out.count("FHIR") == 3
    assert "no patient on this chart has MRN MRN-7" in out
    assert "Observation urn:uuid:11111111-0000-4000-8000-000000000001" in out
    # `hl7 held` goes on listing the HL7 messages only.
    assert [h["control_id"] for h in json.loads(cli("hl7", "held", "--json")[1])] == ["C9"]

    # Admitted and imported again: charted, and off the list.
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    assert cli("fhir", "import", str(bundle))[0] == 0
    assert [h["kind"] for h in json.loads(cli("lab", "held", "--json")[1])] == ["HL7"]
    assert len(_results(chart_path)) == 1


def _versions(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT wbc, neut_pct, lab_status, reason FROM results ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()


def _resent(bundle: dict[str, Any], status: str, wbc: str | None = None) -> dict[str, Any]:
    """The same bundle sent again with another status (and maybe another WBC)."""
    again = copy.deepcopy(bundle)
    for entry in again["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Observation":
            resource["status"] = status
            if wbc is not None and resource["code"]["coding"][0]["code"] == "6690-2":
                resource["valueQuantity"]["value"] = Decimal(wbc)
    return again


@pytest.fixture
def preliminary(cli: Cli, chart_path: Path, tmp_path: Path) -> dict[str, Any]:
    """A preliminary CBC and temperature charted from a FHIR bundle for MRN-7."""
    assert (
        cli("patient", "add", "--mrn", "MRN-7", "--name", "Roe, Ray", "--dob", "1961-02-03")[0] == 0
    )
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=4)
    bundle = _synthea_like("1961-02-03", "MRN-7", when, status="preliminary")
    assert cli("fhir", "import", str(_write(tmp_path / "p.json", bundle)))[0] == 0
    assert _versions(chart_path) == [("3.4567890123456789", "41.23456789012345", "preliminary", "")]
    return bundle


@pytest.mark.parametrize("status", ["final", "corrected", "amended"])
def test_a_preliminary_sent_again_as_final_supersedes_it_as_a_correction(
    cli: Cli, chart_path: Path, tmp_path: Path, preliminary: dict[str, Any], status: str
) -> None:
    final = _write(tmp_path / "f.json", _resent(preliminary, status, wbc="3.6"))
    status_code, out, err = cli("fhir", "import", str(final), "--json")
    assert status_code == 0, err
    outcomes = [(o["resource_type"], o["outcome"]) for o in json.loads(out)]
    assert outcomes[2:4] == [("Observation", "charted")] * 2, out
    lab_status = "final" if status == "final" else "corrected"
    assert _versions(chart_path) == [
        ("3.4567890123456789", "41.23456789012345", "preliminary", ""),
        ("3.6", "41.23456789012345", lab_status, "final result from laboratory"),
    ]
    assert len(_results(chart_path)) == 1
    assert len(_temps(chart_path)) == 1  # the temperature is the same reading
    # The final again adds nothing; the chart still passes every check.
    status_code, out, _ = cli("fhir", "import", str(final), "--json")
    assert not any(o["outcome"] in ("charted", "held") for o in json.loads(out))
    assert len(_versions(chart_path)) == 2
    assert cli("check")[0] == 0


def test_a_second_different_final_is_held(
    cli: Cli, chart_path: Path, tmp_path: Path, preliminary: dict[str, Any]
) -> None:
    final = _write(tmp_path / "f.json", _resent(preliminary, "final", wbc="3.6"))
    assert cli("fhir", "import", str(final))[0] == 0
    other = _write(tmp_path / "g.json", _resent(preliminary, "final", wbc="3.9"))
    status, out, _ = cli("fhir", "import", str(other), "--json")
    assert status == 0
    (held,) = [o for o in json.loads(out) if o["outcome"] == "held"]
    assert "a second final wbc with another value" in held["reason"]
    assert [v[0] for v in _versions(chart_path)] == ["3.4567890123456789", "3.6"]
    assert "a second final wbc" in cli("lab", "held")[1]


def test_a_final_after_a_nurses_correction_is_held(
    cli: Cli, chart_path: Path, tmp_path: Path, preliminary: dict[str, Any]
) -> None:
    _, out, _ = cli("summary", "--mrn", "MRN-7", "--json")
    (result,) = json.loads(out)["baseline"]
    status, _, err = cli(
        "correct",
        "lab",
        "--id",
        result["id"],
        "--reason",
        "transcription",
        "--wbc",
        "3.5",
        "--neut-pct",
        "41",
        "--confirm",
    )
    assert status == 0, err
    final = _write(tmp_path / "f.json", _resent(preliminary, "final", wbc="3.6"))
    status, out, _ = cli("fhir", "import", str(final), "--json")
    assert status == 0
    held = [o for o in json.loads(out) if o["outcome"] == "held"]
    assert len(held) == 2
    assert all("corrected by hand" in o["reason"] for o in held)
    assert [v[0] for v in _versions(chart_path)][-1] == "3.5"
