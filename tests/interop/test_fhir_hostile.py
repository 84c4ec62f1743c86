"""FHIR bundles shaped to break the import, on real chart files: a key given twice, a
second final result for the same sample under another identifier, and the lower limit of
a calculated ANC on the way out and back in."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from wardchart.cli import main
from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore

MRN, DOB = "MRN-9", "1958-01-23"


def _bundle(identifier: str, anc: str, taken: datetime) -> dict[str, Any]:
    patient = "urn:uuid:11111111-1111-4111-8111-111111111111"
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": patient,
                "resource": {
                    "resourceType": "Patient",
                    "identifier": [
                        {
                            "type": {
                                "coding": [
                                    {
                                        "system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                        "code": "MR",
                                    }
                                ]
                            },
                            "value": MRN,
                        }
                    ],
                    "birthDate": DOB,
                },
            },
            {
                "fullUrl": "urn:uuid:22222222-2222-4222-8222-222222222222",
                "resource": {
                    "resourceType": "Observation",
                    "status": "final",
                    "identifier": [{"system": "urn:oid:1.2.3", "value": identifier}],
                    "code": {"coding": [{"system": "http://loinc.org", "code": "751-8"}]},
                    "subject": {"reference": patient},
                    "effectiveDateTime": taken.isoformat(timespec="seconds"),
                    "valueQuantity": {
                        "value": anc,
                        "code": "10*9/L",
                        "system": "http://unitsofmeasure.org",
                    },
                },
            },
        ],
    }


def _write(path: Path, bundle: dict[str, Any]) -> Path:
    # The value is written as the JSON number it stands for (no float rounding).
    text = json.dumps(bundle)
    for entry in bundle["entry"]:
        quantity = entry["resource"].get("valueQuantity")
        if quantity:
            text = text.replace(f'"value": "{quantity["value"]}"', f'"value": {quantity["value"]}')
    path.write_text(text)
    return path


def _ancs(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT anc FROM current_results ORDER BY taken_utc")]
    finally:
        conn.close()


def _admit(cli: Any) -> None:
    assert cli("patient", "add", "--mrn", MRN, "--name", "Haddad, Samir", "--dob", DOB)[0] == 0


def test_a_key_given_twice_refuses_the_file_in_one_line(
    cli: Any, chart_path: Path, tmp_path: Path
) -> None:
    _admit(cli)
    taken = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=3)
    path = _write(tmp_path / "dup.json", _bundle("X1", "1.11", taken))
    text = path.read_text().replace('"value": 1.11,', '"value": 1.11, "value": 11.1,')
    path.write_text(text)
    status, out, err = cli("fhir", "import", str(path))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("wardchart: error: ")
    assert "'value' appears twice" in err
    assert _ancs(chart_path) == []


def test_a_second_different_final_for_the_same_time_under_another_identifier_is_held(
    cli: Any, chart_path: Path, tmp_path: Path
) -> None:
    _admit(cli)
    taken = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=3)
    first = _write(tmp_path / "s1.json", _bundle("X1", "1.11", taken))
    assert cli("fhir", "import", str(first))[0] == 0
    second = _write(tmp_path / "s2.json", _bundle("X2", "0.2", taken))
    status, out, err = cli("fhir", "import", str(second), "--json")
    assert status == 0, err
    (held,) = [o for o in json.loads(out) if o["outcome"] == "held"]
    assert "already has a result at the same collection time" in held["reason"]
    assert _ancs(chart_path) == ["1.11"]
    # The same result under a third identifier is already on the chart: nothing added.
    same = _write(tmp_path / "s3.json", _bundle("X3", "1.11", taken))
    status, out, _ = cli("fhir", "import", str(same), "--json")
    assert status == 0
    assert not any(o["outcome"] in ("charted", "held") for o in json.loads(out))
    assert _ancs(chart_path) == ["1.11"]


def _grades(db: Path, capsys: Any) -> list[tuple[Any, ...]]:
    assert main(["--db", str(db), "summary", "--mrn", MRN, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    text = json.dumps(summary)
    assert "anc_grade" in text
    found: list[tuple[Any, ...]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "anc_grade" in node:
                found.append((node.get("time"), node.get("anc_lln"), node.get("anc_grade")))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(summary)
    return sorted(found, key=str)


def test_the_lower_limit_of_a_calculated_anc_survives_export_and_import(
    store: ChartStore, tmp_path: Path, capsys: Any
) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    operations.admit_patient(
        store,
        mrn=MRN,
        name="Haddad, Samir",
        dob=datetime.fromisoformat(DOB).date(),
        actor="n",
        now=now,
    )
    patient = queries.find_patient(store.db, MRN)
    assert patient is not None
    # ANC computed 3.0 × 60 % = 1.8: grade 1 only because its lower limit is 2.0.
    operations.record_cbc(
        store,
        patient=patient,
        entry=CbcEntry(
            taken=now - timedelta(hours=3),
            wbc=Decimal("3.0"),
            neut_pct=Decimal("60"),
            anc_lln=Decimal("2.0"),
            wbc_lln=Decimal("4.0"),
        ),
        confirm=True,
        actor="n",
        now=now,
    )
    source = store.path
    store.close()
    out = tmp_path / "out.json"
    assert main(["--db", str(source), "fhir", "export", "--all", "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    args = ["patient", "add", "--mrn", MRN, "--name", "Haddad, Samir", "--dob", DOB]
    assert main(["--db", str(other), *args]) == 0
    assert main(["--db", str(other), "fhir", "import", str(out)]) == 0
    capsys.readouterr()
    before = _grades(source, capsys)
    assert [(lln, grade) for _, lln, grade in before] == [(2, 1)]
    assert _grades(other, capsys) == before
