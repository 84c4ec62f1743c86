"""The ward setting ``hub``: a libpq address with no password in it, or empty."""

from __future__ import annotations

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.settings import WardSettings, apply_setting, hub_address_problem


@pytest.mark.parametrize(
    "address",
    [
        "",
        "postgresql://nurses@db.example:5432/ward4a",
        "postgres://db.example/ward4a?sslmode=verify-full",
        "service=ward4a",
        "host=db.example dbname=ward4a user=nurses",
    ],
)
def test_addresses_a_ward_may_keep(address: str) -> None:
    assert hub_address_problem(address) == ""
    assert apply_setting(WardSettings(), "hub", f" {address} ").hub == address


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("postgresql://nurses:secret@db.example/ward4a", "password"),
        ("postgresql://:secret@db.example/ward4a", "password"),
        ("postgresql://db.example/ward4a?password=secret", "password"),
        ("host=db.example password=secret", "password"),
        ("PASSWORD = secret", "password"),
        ("ward4a", "postgresql://"),
        ("https://db.example/ward4a", "postgresql://"),
    ],
)
def test_addresses_refused_naming_the_setting(address: str, why: str) -> None:
    assert why in hub_address_problem(address)
    with pytest.raises(InvalidEntry, match="hub"):
        apply_setting(WardSettings(), "hub", address)
