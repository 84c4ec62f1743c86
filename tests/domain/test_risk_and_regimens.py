"""Higher-risk flags, the regimen library and ward settings."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest

from wardchart.domain.fever import FnRuleName
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.domain.regimens import (
    UNLISTED_CYCLE_LENGTH_DAYS,
    check_regimen,
    parse_library,
    parse_window,
    unlisted_regimen,
)
from wardchart.domain.risk import age_years, risk_flags
from wardchart.domain.settings import WardSettings, apply_setting


def patient(dob: date, **flags: bool) -> Patient:
    return Patient("p", "1", "Doe, Jane", dob, **flags)


def test_age_boundaries() -> None:
    today = date(2026, 3, 12)
    assert age_years(date(1961, 3, 12), today) == 65
    assert age_years(date(1961, 3, 13), today) == 64
    assert [f.code for f in risk_flags(patient(date(1961, 3, 12)), today)] == ["age≥65"]
    assert risk_flags(patient(date(1961, 3, 13)), today) == []
    assert [f.code for f in risk_flags(patient(date(2008, 3, 13)), today)] == ["age<18"]
    assert risk_flags(patient(date(2008, 3, 12)), today) == []


def test_leap_day_birthday() -> None:
    assert age_years(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_years(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_marrow_and_immune_flags() -> None:
    flags = risk_flags(
        patient(date(1980, 1, 1), marrow_involved=True, immune_disorder=True), date(2026, 3, 12)
    )
    assert [f.code for f in flags] == ["marrow", "immune"]


def _library() -> list[dict[str, object]]:
    text = resources.files("wardchart.resources").joinpath("regimens.json").read_text()
    entries: list[dict[str, object]] = json.loads(text)["regimens"]
    return entries


def test_the_shipped_library_has_every_required_regimen() -> None:
    regimens = {r.name: r for r in parse_library(_library())}
    for name in (
        "AC",
        "ddAC",
        "TC",
        "mFOLFOX6",
        "FOLFIRINOX",
        "R-CHOP-21",
        "ABVD",
        "BEP",
        "Carboplatin/paclitaxel",
        "Docetaxel",
        "7+3 induction",
    ):
        assert name in regimens
    # Values from docs/clinical-rules.md#regimen-library.
    assert regimens["R-CHOP-21"].cycle_length_days == 21
    assert (regimens["R-CHOP-21"].nadir_start, regimens["R-CHOP-21"].nadir_end) == (10, 12)
    assert regimens["ddAC"].cycle_length_days == 14
    assert regimens["ddAC"].gcsf_required
    assert regimens["ABVD"].anc_threshold is None
    assert regimens["Carboplatin/paclitaxel"].anc_op == ">"
    assert regimens["Docetaxel"].anc_op == ">="
    assert regimens["7+3 induction"].cycle_length_days == 28


def test_duplicate_and_broken_library_entries_are_refused() -> None:
    entry = {"name": "AC", "cycle_length_days": 21, "nadir_window": [7, 14]}
    with pytest.raises(InvalidEntry, match="duplicate"):
        parse_library([entry, {**entry, "name": "ac"}])
    with pytest.raises(InvalidEntry):
        parse_library([{**entry, "nadir_window": [14, 7]}])
    with pytest.raises(InvalidEntry):
        parse_library([{"name": "X"}])


def test_parse_window() -> None:
    assert parse_window("7-14") == (7, 14)
    assert parse_window("10–12") == (10, 12)
    for bad in ("14-7", "0-5", "7", "a-b"):
        with pytest.raises(InvalidEntry):
            parse_window(bad)


def test_settings() -> None:
    settings = WardSettings()
    assert settings.ctcae_version is CtcaeVersion.V5
    assert settings.fn_rule is FnRuleName.IDSA2010
    assert apply_setting(settings, "ctcae_version", "6.0").ctcae_version is CtcaeVersion.V6
    assert apply_setting(settings, "fn_rule", "NICE").fn_rule is FnRuleName.NICE
    assert apply_setting(settings, "anc_lln_default", "2.0").anc_lln_default == Decimal("2.0")
    assert apply_setting(settings, "anc_lln_default", "").anc_lln_default is None
    for key, value in (
        ("ctcae_version", "4.0"),
        ("fn_rule", "who"),
        ("colour", "red"),
        ("recovery_anc", "-1"),
        ("recovery_anc", ""),
    ):
        with pytest.raises(InvalidEntry):
            apply_setting(settings, key, value)


def test_a_regimen_not_in_the_library_gets_the_labelled_defaults() -> None:
    regimen = unlisted_regimen("  R-CHOP  14 ", (7, 14))
    assert regimen.name == "R-CHOP 14"
    assert (regimen.nadir_start, regimen.nadir_end) == (7, 14)
    assert regimen.cycle_length_days == UNLISTED_CYCLE_LENGTH_DAYS == 21
    assert (regimen.anc_threshold, regimen.anc_op) == (Decimal("1.5"), ">=")
    assert (regimen.plt_threshold, regimen.plt_op) == (Decimal(100), ">=")
    assert not regimen.gcsf_required
    assert regimen.id == ""


@pytest.mark.parametrize("window", [(1, 1), (1, 21), (20, 21)])
def test_an_unlisted_regimen_keeps_any_window_the_cycle_checks_accept(
    window: tuple[int, int],
) -> None:
    regimen = unlisted_regimen("X", window)
    assert (regimen.nadir_start, regimen.nadir_end) == window
    check_regimen(regimen)  # a window inside the 21 days is a chartable regimen
