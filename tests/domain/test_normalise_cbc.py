"""A CBC as stored and previewed: counts in ×10⁹/L, the ANC resolved, graded by the ward."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from wardchart.domain.chart import ward_anc_grade, ward_wbc_grade
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.plausibility import CbcEntry, normalise_cbc
from wardchart.domain.settings import WardSettings
from wardchart.domain.units import parse_count_unit

D = Decimal
TAKEN = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
CELLS = parse_count_unit("cells/µL", "unit")


def test_counts_in_cells_per_microlitre_are_converted_exactly() -> None:
    entry = CbcEntry(
        TAKEN,
        CELLS,
        wbc=D(2100),
        neut_pct=D(40),
        bands_pct=D(5),
        platelets=D(150000),
        anc_lln=D(2000),
        wbc_lln=D(4000),
    )
    normal = normalise_cbc(entry)
    assert (normal.wbc, normal.anc, normal.anc_source) == (D("2.1"), D("0.945"), "computed")
    assert (normal.platelets, normal.anc_lln, normal.wbc_lln) == (D(150), D(2), D(4))
    assert (normal.neut_pct, normal.bands_pct) == (D(40), D(5))  # percentages are not counts


def test_the_labs_anc_wins_over_the_differential() -> None:
    entry = CbcEntry(TAKEN, CELLS, wbc=D(2100), anc=D(900), neut_pct=D(40))
    assert (normalise_cbc(entry).anc, normalise_cbc(entry).anc_source) == (D("0.9"), "lab")


@pytest.mark.parametrize(
    ("entry", "anc", "source"),
    [
        (CbcEntry(TAKEN, wbc=D("2.0")), None, None),  # a WBC alone has no ANC
        (CbcEntry(TAKEN, wbc=D("2.0"), neut_pct=D(0)), D(0), "computed"),
        (CbcEntry(TAKEN, wbc=D("2.0"), neut_pct=D(100)), D("2.0"), "computed"),
        (CbcEntry(TAKEN, anc=D("0")), D(0), "lab"),
    ],
)
def test_the_anc_at_its_edges(entry: CbcEntry, anc: Decimal | None, source: str | None) -> None:
    normal = normalise_cbc(entry)
    assert (normal.anc, normal.anc_source) == (anc, source)


def test_the_results_own_lower_limit_wins_over_the_wards_default() -> None:
    settings = WardSettings(anc_lln_default=D("1.8"), wbc_lln_default=D("4.0"))
    # 1.7: grade 1 below the ward's 1.8; grade 0 against the lab's own 1.6.
    assert ward_anc_grade(D("1.7"), None, settings).grade == 1
    assert ward_anc_grade(D("1.7"), D("1.6"), settings).grade == 0
    assert ward_anc_grade(D("1.7"), D("1.7"), settings).grade == 0  # not below its own LLN
    assert ward_wbc_grade(D("3.9"), None, settings).grade == 1
    assert ward_wbc_grade(D("3.9"), D("3.5"), settings).grade == 0


def test_without_any_lower_limit_v5_grade_1_is_not_gradable_and_v6_needs_none() -> None:
    assert ward_anc_grade(D("1.7"), None, WardSettings()).grade is None
    v6 = WardSettings(ctcae_version=CtcaeVersion.V6)
    assert ward_anc_grade(D("1.7"), None, v6).grade == 0
    assert ward_anc_grade(D("1.499"), None, v6).grade == 1
