"""Text that looks the same is the same: identifiers normalised, hidden characters refused."""

from __future__ import annotations

import pytest

from wardchart.domain.identifiers import (
    hidden_character,
    identifier_key,
    identifier_problems,
    normal_identifier,
    normal_mrn,
    normal_text,
    normal_username,
    text_problems,
)

HIDDEN = [
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    "\u061c",  # Arabic letter mark
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    *[chr(c) for c in range(0x202A, 0x202F)],  # embeddings and overrides
    *[chr(c) for c in range(0x2066, 0x206A)],  # isolates
    "\u034f",  # combining grapheme joiner
    "\ufe0f",  # variation selector
    "\u3164",  # Hangul filler
    "\x00",
    "\x1b",
    "\x85",  # C1 next line
    "\u2028",  # line separator
    "\ue000",  # private use
]


@pytest.mark.parametrize("char", HIDDEN)
def test_every_hidden_character_is_refused_in_an_identifier(char: str) -> None:
    for text in (f"100{char}231", f"{char}100231", f"100231{char}"):
        problems = identifier_problems("mrn", text)
        assert [p.field for p in problems] == ["mrn"]
        assert f"U+{ord(char):04X}" in problems[0].message


def test_visible_identifiers_pass() -> None:
    for text in ("MRN100231", "４Ａ－０１", "4A-01", "Side room 2", "R-CHOP-21", "Ökrös 7"):
        assert identifier_problems("bed", text) == []
    assert identifier_problems("mrn", "9" * 40) == []
    assert identifier_problems("mrn", "9" * 41)[0].field == "mrn"


def test_mrn_case_and_width_variants_are_one_mrn() -> None:
    variants = ["MRN100231", "mrn100231", " Mrn100231 ", "ＭＲＮ１００２３１", "mrn100231\u200b"]
    assert {normal_mrn(v) for v in variants} == {"MRN100231"}
    assert normal_mrn("00-123 456") == normal_mrn("00\u2013123\u00a0\u00a0456") == "00-123 456"


def test_beds_and_regimens_keep_their_case_but_compare_without_it() -> None:
    assert normal_identifier("４Ａ－０１") == "4A-01"
    assert normal_identifier("4A\u201101") == "4A-01"  # non-breaking hyphen
    assert normal_identifier("  Side\u3000room  2 ") == "Side room 2"
    assert identifier_key("r–chop–21") == identifier_key("R-CHOP-21")
    assert normal_identifier("mFOLFOX6") == "mFOLFOX6"


def test_user_names_are_lower_case() -> None:
    assert normal_username(" ＡＫｉｍ ") == "akim"


def test_names_refuse_controls_and_direction_overrides_but_keep_joiners() -> None:
    assert text_problems("name", "Okafor, Grace", 200) == []
    assert text_problems("name", "\u0645\u06cc\u200c\u0631\u0627", 200) == []  # Persian ZWNJ
    for bad in ("Okafor\u202e, Grace", "Okafor\u2066, Grace", "Tab\tName", "Esc\x1bName"):
        assert [p.field for p in text_problems("name", bad, 200)] == ["name"]
    assert "U+202E" in text_problems("name", "x\u202ey", 200)[0].message
    assert text_problems("name", "x" * 201, 200)[0].field == "name"
    assert normal_text(" Zoe\u0301 ") == "Zo\u00e9"  # NFC: nothing visible changes


def test_hidden_character_names_the_first() -> None:
    assert hidden_character("plain") is None
    assert hidden_character("a\u200bb\u202e") == "\u200b"
