"""The patient header: what it says when a detail is missing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ward_fixture import NOW

from wardchart.domain.settings import WardSettings
from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui.patient_view import header_html
from wardchart.ui.wording import escaped


def test_no_diagnosis_leaves_no_stray_separator(ward: ChartStore) -> None:
    # "bed — ·" ended the line when a patient had no diagnosis recorded.
    patient = queries.find_patient(ward.db, "A-1")
    assert patient is not None
    chart = queries.load_chart(ward.db, replace(patient, diagnosis=""), WardSettings(), NOW)
    first = header_html(chart).split("<br>")[0]
    assert not first.rstrip().endswith("·")
    assert "&nbsp;·&nbsp;<" not in first + "<"


@pytest.mark.parametrize(
    "text", ["O'Brien & <Sons>", '"quoted" &amp; already', "Müller–Lüdenscheidt", "", "a&&b<<>>''"]
)
def test_the_header_escapes_as_html_escape_does(text: str) -> None:
    import html

    assert escaped(text) == html.escape(text)
