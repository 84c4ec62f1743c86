"""The pure rules of HL7 result import, each at its boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wardchart.domain import hl7_rules as rules
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.settings import WardSettings, apply_setting

NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("NM", "0.84", Decimal("0.84")),
        ("NM", " 2.10 ", Decimal("2.10")),
        ("NM", ".5", Decimal("0.5")),
        ("SN", "^0.84", Decimal("0.84")),
        ("SN", "=^0.84", Decimal("0.84")),
        ("ST", "12", Decimal(12)),
        ("NM", "123456789012", Decimal(123456789012)),
    ],
)
def test_numbers(kind: str, text: str, value: Decimal) -> None:
    assert rules.lab_number(kind, text) == (value, "")


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("NM", "<0.5"),
        ("NM", ">= 100"),
        ("SN", "<^0.5"),
        ("SN", "^1^-^5"),
        ("NM", "***"),
        ("NM", ""),
        ("NM", "1,5"),
        ("NM", "-1"),
        ("NM", "1234567890123"),
        ("NM", "1e3"),
        ("TX", "0.84"),
        ("CE", "POS"),
    ],
)
def test_not_numbers(kind: str, text: str) -> None:
    value, why = rules.lab_number(kind, text)
    assert value is None
    assert why


@pytest.mark.parametrize(
    ("text", "lln"),
    [
        ("4.0-11.0", Decimal("4.0")),
        ("2.0 - 7.5", Decimal("2.0")),
        (">1.5", Decimal("1.5")),
        (">=1.5", Decimal("1.5")),
        ("<5", None),
        ("", None),
        ("normal", None),
    ],
)
def test_lower_limits(text: str, lln: Decimal | None) -> None:
    assert rules.lower_limit(text) == lln


@pytest.mark.parametrize(
    ("unit", "factor"),
    [
        ("10*9/L", Decimal(1)),
        ("10^9/L", Decimal(1)),
        ("10*3/uL", Decimal(1)),
        ("10*3/µL", Decimal(1)),
        ("K/uL", Decimal(1)),
        ("giga.l-1", Decimal(1)),
        ("{cells}/uL", Decimal("0.001")),
        ("cells/uL", Decimal("0.001")),
        ("/uL", Decimal("0.001")),
    ],
)
def test_count_units(unit: str, factor: Decimal) -> None:
    found = rules.count_unit(unit)
    assert found is not None
    assert found.factor == factor


@pytest.mark.parametrize("unit", ["", "%", "mmol/L", "10*6/uL", "g/dL"])
def test_unknown_count_units(unit: str) -> None:
    assert rules.count_unit(unit) is None


def test_statuses() -> None:
    assert rules.status_of("F") == ("final", "")
    assert rules.status_of("c") == ("corrected", "")
    assert rules.status_of("P") == ("preliminary", "")
    assert rules.status_of("I") == (None, "")
    assert rules.status_of("X") == (None, "")
    for code in ("D", "W", "Z", ""):
        status, why = rules.status_of(code)
        assert status is None
        assert why
    assert rules.record_status(["final", "preliminary"]) == "preliminary"
    assert rules.record_status(["final", "corrected"]) == "corrected"
    assert rules.record_status(["final"]) == "final"


def test_processing_ids() -> None:
    assert rules.processing_refusal("P", accept_test=False) == ""
    assert rules.processing_refusal("P^T", accept_test=False) == ""
    assert rules.processing_refusal("T", accept_test=True) == ""
    assert "hl7_accept_test" in rules.processing_refusal("T", accept_test=False)
    assert "quality-control" in rules.processing_refusal("Q", accept_test=True)
    assert rules.processing_refusal("D", accept_test=True)
    assert rules.processing_refusal("", accept_test=True)


def test_versions() -> None:
    for ok in ("2.3", "2.3.1", "2.5.1", "2.4"):
        assert rules.version_refusal(ok) == ""
    for bad in ("", "3.0", "2", "v2.5"):
        assert rules.version_refusal(bad)


def test_times_with_and_without_an_offset() -> None:
    at = rules.lab_time("202503130615+0100", "t")
    assert at == datetime(2025, 3, 13, 5, 15, tzinfo=UTC)
    assert rules.lab_time("20250313061530.25-0500", "t").utcoffset() == timedelta(hours=-5)
    assert rules.lab_time("202503130615", "t", NY) == datetime(2025, 3, 13, 6, 15, tzinfo=NY)
    assert rules.lab_time("202503130615^M", "t", UTC).hour == 6


@pytest.mark.parametrize(
    "text", ["20250313", "2025031306", "202502300615", "202503132460", "202503130615+1500", "x"]
)
def test_times_refused(text: str) -> None:
    with pytest.raises(InvalidEntry):
        rules.lab_time(text, "t", NY)


def test_local_times_at_daylight_saving_changes_are_refused() -> None:
    with pytest.raises(InvalidEntry, match="did not exist"):
        rules.lab_time("202603080230", "t", NY)
    with pytest.raises(InvalidEntry, match="happened twice"):
        rules.lab_time("202611010130", "t", NY)
    assert rules.lab_time("202611010130-0400", "t", NY).utcoffset() == timedelta(hours=-4)


def test_birth_dates() -> None:
    assert rules.birth_date("19650412") == date(1965, 4, 12)
    assert rules.birth_date("196504120000") == date(1965, 4, 12)
    assert rules.birth_date("19650231") is None
    assert rules.birth_date("") is None


def test_mrn_candidates_prefer_mr() -> None:
    ids = [rules.PatientId("943 476 5919", "NH"), rules.PatientId("mrn-1", "MR")]
    assert rules.mrn_candidates(ids) == ["MRN-1"]
    assert rules.mrn_candidates([rules.PatientId("a1"), rules.PatientId("A1")]) == ["A1"]
    assert rules.mrn_candidates([rules.PatientId("A\u200b1", "MR")]) == []


def test_concepts_from_either_triplet_and_the_local_map() -> None:
    local = rules.parse_local_codes("99LAB:WBC=wbc; NEUT#=anc")
    loinc = [rules.Coding("X", "x", "99LAB"), rules.Coding("751-8", "", "LN")]
    assert rules.concept_of(loinc, {}) == ("anc", "")
    assert rules.concept_of([rules.Coding("WBC", "", "99LAB")], local) == ("wbc", "")
    assert rules.concept_of([rules.Coding("WBC", "", "OTHER")], local) == (None, "")
    assert rules.concept_of([rules.Coding("NEUT#", "", "ANY")], local) == ("anc", "")
    assert rules.concept_of([rules.Coding("751-8", "", "L")], {}) == (None, "")
    clash = [rules.Coding("6690-2", "", "LN"), rules.Coding("751-8", "", "LN")]
    assert rules.concept_of(clash, {})[1]
    gran = [rules.Coding("751-8", "Granulocytes #", "LN")]
    assert "granulocyte" in rules.concept_of(gran, {})[1]


@pytest.mark.parametrize("text", ["WBC", "=wbc", "WBC=haemoglobin", "A=wbc; A=anc", "\u200b=wbc"])
def test_bad_local_code_maps(text: str) -> None:
    with pytest.raises(InvalidEntry):
        rules.parse_local_codes(text)


@pytest.mark.parametrize(
    ("key", "value"),
    [("hl7_accept_test", "maybe"), ("hl7_accept_test", ""), ("hl7_local_codes", "GRAN=gran")],
)
def test_bad_import_settings_are_refused_naming_the_setting(key: str, value: str) -> None:
    with pytest.raises(InvalidEntry) as refused:
        apply_setting(WardSettings(), key, value)
    assert refused.value.first.field == key


def test_import_settings() -> None:
    settings = apply_setting(WardSettings(), "hl7_accept_test", "YES")
    assert settings.hl7_accept_test is True
    assert apply_setting(settings, "hl7_accept_test", "no").hl7_accept_test is False
    mapped = apply_setting(settings, "hl7_local_codes", " WBC=wbc ")
    assert mapped.hl7_local_codes == "WBC=wbc"


def test_percentages_and_fractions() -> None:
    assert rules.to_chart_value("neut_pct", Decimal("0.4"), "%", "", "final")[0] is not None
    assert rules.to_chart_value("neut_pct", Decimal(1), "", "", "final")[0] is None
    ok, _ = rules.to_chart_value("neut_pct", Decimal("1.01"), "", "", "final")
    assert ok is not None
    assert ok.value == Decimal("1.01")
    frac, _ = rules.to_chart_value("neut_fraction", Decimal("0.40"), "", "", "final")
    assert frac is not None
    assert (frac.concept, frac.value) == ("neut_pct", Decimal("40.00"))
    assert rules.to_chart_value("neut_fraction", Decimal("40"), "", "", "final")[0] is None
    assert rules.to_chart_value("neut_pct", Decimal(40), "mg", "", "final")[0] is None


def test_counts_convert_with_their_lower_limit() -> None:
    value, _ = rules.to_chart_value("anc", Decimal(1500), "/uL", "2000-7500", "final")
    assert value is not None
    assert (value.value, value.lln) == (Decimal("1.5"), Decimal("2"))
    assert rules.to_chart_value("anc", Decimal("1.5"), "", "", "final")[0] is None


def test_what_needs_a_person_at_its_boundaries() -> None:
    now = datetime.now(UTC)

    def entry(**kw: Decimal) -> CbcEntry:
        return CbcEntry(taken=now, **kw)

    assert rules.needs_a_person(entry(wbc=Decimal("499.99"))) == []
    assert rules.needs_a_person(entry(wbc=Decimal(500)))
    assert rules.needs_a_person(entry(wbc=Decimal("0.03"))) == []
    assert rules.needs_a_person(entry(wbc=Decimal("0.02")))
    assert rules.needs_a_person(entry(wbc=Decimal(0))) == []
    assert rules.needs_a_person(entry(wbc=Decimal(5), platelets=Decimal("999.9"))) == []
    assert rules.needs_a_person(entry(wbc=Decimal(5), platelets=Decimal(1000)))
    assert rules.needs_a_person(entry(anc=Decimal(1), anc_lln=Decimal("0.5"))) == []
    assert rules.needs_a_person(entry(anc=Decimal(1), anc_lln=Decimal("0.49")))
    assert rules.needs_a_person(entry(wbc=Decimal(5), wbc_lln=Decimal("10.1")))


def test_cbc_entries() -> None:
    now = datetime.now(UTC)
    v = rules.LabValue
    entry, _ = rules.cbc_entry([v("wbc", Decimal("2.1"), "final")], now)
    assert entry is not None
    assert entry.wbc == Decimal("2.1")
    assert rules.cbc_entry([v("platelets", Decimal(150), "final")], now) == (None, "")
    both = [v("wbc", Decimal(2), "final"), v("neut_pct", Decimal(40), "final")]
    both.append(v("bands_pct", Decimal(5), "final"))
    assert rules.cbc_entry(both, now)[1]  # bands could be counted twice
    with_anc = [*both, v("anc", Decimal("0.9"), "final")]
    entry, _ = rules.cbc_entry(with_anc, now)
    assert entry is not None
    assert (entry.anc, entry.bands_pct) == (Decimal("0.9"), None)


def test_unescape() -> None:
    seps = rules.Separators()
    assert rules.unescape("10\\S\\9/L", seps) == "10^9/L"
    assert rules.unescape("a\\F\\b\\T\\c\\R\\d\\E\\e", seps) == "a|b&c~d\\e"
    assert rules.unescape("\\H\\high\\N\\", seps) == "high"
    assert rules.unescape("2\\X2E\\1", seps) == "2.1"
    assert rules.unescape("caf\\XC3A9\\", seps) == "café"
    assert rules.unescape("\\Zfoo\\1", seps) == "\\Zfoo\\1"
    assert rules.unescape("no end \\", seps) == "no end \\"


@pytest.mark.parametrize(
    ("reason", "ok"),
    [
        ("wristband checked", True),
        ("  x  ", True),
        ("x" * 500, True),
        ("x" * 501, False),
        ("", False),
        ("   ", False),
        ("two\nlines", False),
    ],
)
def test_a_decision_about_a_held_message_needs_a_one_line_reason(reason: str, ok: bool) -> None:
    assert (rules.decision_reason_problem(reason) is None) is ok
