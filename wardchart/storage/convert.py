"""Rows to domain records and back. Counts are stored as exact decimal text."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from wardchart.domain.records import (
    AncSource,
    Cycle,
    GcsfDose,
    LabResult,
    Patient,
    Precaution,
    Regimen,
    ResultSource,
    Temperature,
    ThresholdOp,
)
from wardchart.domain.units import plain


def dec_text(value: Decimal | None) -> str | None:
    """Decimal → stored text ("0.945"); None stays None."""
    return None if value is None else plain(value)


def text_dec(value: Any) -> Decimal | None:
    """Stored text → Decimal; None stays None."""
    return None if value is None else Decimal(str(value))


def _op(value: Any) -> ThresholdOp:
    return cast(ThresholdOp, value)


def patient(row: dict[str, Any]) -> Patient:
    """A current patients row → Patient (its id is the stable origin id)."""
    return Patient(
        id=row["origin_id"],
        version=row["id"],
        mrn=row["mrn"],
        name=row["name"],
        dob=date.fromisoformat(row["dob"]),
        sex=row["sex"],
        bed=row["bed"],
        diagnosis=row["diagnosis"],
        marrow_involved=bool(row["marrow_involved"]),
        immune_disorder=bool(row["immune_disorder"]),
        high_risk_notes=row["high_risk_notes"],
    )


def regimen(row: dict[str, Any]) -> Regimen:
    """A current regimens row → Regimen."""
    return Regimen(
        id=row["origin_id"],
        name=row["name"],
        cycle_length_days=row["cycle_length_days"],
        nadir_start=row["nadir_start"],
        nadir_end=row["nadir_end"],
        anc_threshold=text_dec(row["anc_threshold"]),
        anc_op=_op(row["anc_op"]),
        plt_threshold=text_dec(row["plt_threshold"]),
        plt_op=_op(row["plt_op"]),
        gcsf_required=bool(row["gcsf_required"]),
        notes=row["notes"],
    )


def regimen_values(r: Regimen) -> dict[str, Any]:
    """Regimen → column values."""
    return {
        "name": r.name,
        "cycle_length_days": r.cycle_length_days,
        "nadir_start": r.nadir_start,
        "nadir_end": r.nadir_end,
        "anc_threshold": dec_text(r.anc_threshold),
        "anc_op": r.anc_op,
        "plt_threshold": dec_text(r.plt_threshold),
        "plt_op": r.plt_op,
        "gcsf_required": int(r.gcsf_required),
        "notes": r.notes,
    }


def cycle(row: dict[str, Any]) -> Cycle:
    """A current cycles row → Cycle."""
    return Cycle(
        id=row["origin_id"],
        version=row["id"],
        patient_id=row["patient_id"],
        number=row["number"],
        regimen_name=row["regimen_name"],
        day1=date.fromisoformat(row["day1"]),
        cycle_length_days=row["cycle_length_days"],
        nadir_start=row["nadir_start"],
        nadir_end=row["nadir_end"],
        anc_threshold=text_dec(row["anc_threshold"]),
        anc_op=_op(row["anc_op"]),
        plt_threshold=text_dec(row["plt_threshold"]),
        plt_op=_op(row["plt_op"]),
    )


def result(row: dict[str, Any]) -> LabResult:
    """A current results row → LabResult."""
    return LabResult(
        id=row["origin_id"],
        version=row["id"],
        patient_id=row["patient_id"],
        taken=datetime.fromisoformat(row["taken_at"]),
        wbc=text_dec(row["wbc"]),
        anc=text_dec(row["anc"]),
        anc_source=cast("AncSource | None", row["anc_source"]),
        neut_pct=text_dec(row["neut_pct"]),
        bands_pct=text_dec(row["bands_pct"]),
        platelets=text_dec(row["platelets"]),
        anc_lln=text_dec(row["anc_lln"]),
        wbc_lln=text_dec(row["wbc_lln"]),
        source=cast(ResultSource, row["source"]),
        recorded_by=row["recorded_by"],
        corrected=row["id"] != row["origin_id"],
        lab_status=row.get("lab_status") or "",
    )


def temperature(row: dict[str, Any]) -> Temperature:
    """A current temperatures row → Temperature."""
    return Temperature(
        id=row["origin_id"],
        version=row["id"],
        patient_id=row["patient_id"],
        taken=datetime.fromisoformat(row["taken_at"]),
        celsius=Decimal(row["celsius"]),
        route=row["route"],
        recorded_by=row["recorded_by"],
    )


def gcsf_dose(row: dict[str, Any]) -> GcsfDose:
    """A current gcsf_doses row → GcsfDose."""
    return GcsfDose(
        id=row["origin_id"],
        version=row["id"],
        patient_id=row["patient_id"],
        given=datetime.fromisoformat(row["given_at"]),
        drug=row["drug"],
        dose=row["dose"],
        recorded_by=row["recorded_by"],
    )


def precaution(row: dict[str, Any]) -> Precaution:
    """A current precautions row → Precaution."""
    return Precaution(
        id=row["origin_id"],
        version=row["id"],
        patient_id=row["patient_id"],
        active=bool(row["active"]),
        at=datetime.fromisoformat(row["at_utc"].replace("Z", "+00:00")),
        note=row["note"],
        recorded_by=row["recorded_by"],
    )
