"""Fixtures of the laboratory-import tests: the two patients the test messages name
(tests/interop/hl7_messages.py), admitted on a real chart file."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hl7_messages import MRN, OTHER_MRN

from wardchart.domain.records import Patient
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore


@pytest.fixture
def jane(store: ChartStore, now: datetime) -> Patient:
    operations.admit_patient(
        store, mrn=MRN, name="Doe, Jane", dob=date(1965, 4, 12), actor="nurse", now=now
    )
    patient = queries.find_patient(store.db, MRN)
    assert patient is not None
    return patient


@pytest.fixture
def john(store: ChartStore, now: datetime) -> Patient:
    operations.admit_patient(
        store, mrn=OTHER_MRN, name="Roe, John", dob=date(1972, 8, 30), actor="nurse", now=now
    )
    patient = queries.find_patient(store.db, OTHER_MRN)
    assert patient is not None
    return patient
