"""Encrypting a chart another window has open: that window saves nothing afterwards
(the path names a new file) instead of writing into the file that was replaced."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wardchart.storage import operations
from wardchart.storage.cipher import is_encrypted
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.encryption import rewrite_chart
from wardchart.storage.errors import ChartFileError

PASSPHRASE = "a long ward passphrase"


def test_a_window_open_during_encryption_saves_nothing_after_it(ward: ChartStore) -> None:
    now = datetime.now().astimezone()
    other = open_chart(ward.path, create=False)  # e.g. a second window
    try:
        rewrite_chart(ward.path, old=None, new=PASSPHRASE, actor="it", now=now)
        assert is_encrypted(ward.path)
        with pytest.raises(ChartFileError, match="was replaced by another program"):
            operations.admit_patient(
                other, mrn="LATE-1", name="Late, Entry", dob=date(1970, 1, 1), actor="n", now=now
            )
    finally:
        other.close()
    reopened = open_chart(ward.path, create=False, passphrase=PASSPHRASE)
    try:
        mrns = {r["mrn"] for r in reopened.db.query("SELECT mrn FROM current_patients")}
        assert mrns == {"A-1", "B-2"}  # the encrypted file has everything, nothing lost
        operations.admit_patient(
            reopened, mrn="NEW-1", name="New, Entry", dob=date(1970, 1, 1), actor="n", now=now
        )
    finally:
        reopened.close()
