"""Record kinds: named once in domain, the names storage keeps them under."""

from __future__ import annotations

import pytest

from wardchart.domain.records import RecordKind

CHARTED = ["patients", "cycles", "results", "temperatures", "gcsf_doses", "precautions"]


@pytest.mark.parametrize("name", CHARTED)
def test_each_charted_kind_is_found_by_its_stored_name(name: str) -> None:
    kind = RecordKind.charted_named(name)
    assert kind is not None
    assert kind.charted
    assert kind == name  # it is still the stored name wherever text is expected


@pytest.mark.parametrize(
    "name", ["regimens", "ward_settings", "users", "Results", "result", " results", ""]
)
def test_other_names_are_no_charted_kind(name: str) -> None:
    assert RecordKind.charted_named(name) is None


def test_the_ward_library_and_settings_are_kinds_but_not_charted() -> None:
    assert [k.value for k in RecordKind if not k.charted] == ["regimens", "ward_settings"]
    assert [k.value for k in RecordKind if k.charted] == CHARTED
