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
    "\U000e0100",  # variation selector supplement (VS17)
    "\U000e0001",  # language tag
    "\U000e0041",  # tag letter A
    "\U000e0fff",  # reserved, default-ignorable
    "\U00016fe4",  # Khitan small script filler
    "\u2800",  # Braille pattern blank
    "\u115f",  # Hangul choseong filler
    "\uffa0",  # halfwidth Hangul filler
    "\u17b4",  # Khmer inherent vowel
    "\u180e",  # Mongolian vowel separator
    "\U0001bca0",  # shorthand format letter overlap
    "\U0001d173",  # musical symbol begin beam
    "\ufff0",  # reserved, default-ignorable
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


#: Default_Ignorable_Code_Point in DerivedCoreProperties.txt (Unicode 16.0.0), typed out
#: here independently of the module's table, one line per range as the file lists them.
UNICODE_DEFAULT_IGNORABLE = """
00AD 034F 061C 115F..1160 17B4..17B5 180B..180D 180E 180F 200B..200F 202A..202E
2060..2064 2065 2066..206F 3164 FE00..FE0F FEFF FFA0 FFF0..FFF8 1BCA0..1BCA3
1D173..1D17A E0000 E0001 E0002..E001F E0020..E007F E0080..E00FF E0100..E01EF E01F0..E0FFF
"""


def _ranges() -> list[int]:
    codes: list[int] = []
    for item in UNICODE_DEFAULT_IGNORABLE.split():
        low, _, high = item.partition("..")
        codes += range(int(low, 16), int(high or low, 16) + 1)
    return codes


def test_every_default_ignorable_code_point_is_refused_everywhere() -> None:
    codes = _ranges()
    assert len(codes) == 4174  # the count DerivedCoreProperties.txt gives for the property
    for code in codes:
        char = chr(code)
        assert hidden_character(f"A{char}1") == char, f"U+{code:04X}"
        assert identifier_problems("bed", f"4A{char}01"), f"U+{code:04X}"
        if char not in "\u200c\u200d":  # the joiners some scripts need in names
            assert text_problems("name", f"Okafor{char}, Grace", 200), f"U+{code:04X}"
    # Their neighbours are ordinary characters.
    for char in ("\u00ac", "\u2801", "\u3165", "\U00016fe3", "\u2070"):
        assert hidden_character(f"A{char}1") is None, f"U+{ord(char):04X}"


@pytest.mark.parametrize("hidden", ["\u202e", "\u2066", "\x07", "\u2800", "\U000e0100", "\u200b"])
def test_free_text_settings_and_regimen_notes_refuse_hidden_characters(hidden: str) -> None:
    from wardchart.domain.problems import InvalidEntry
    from wardchart.domain.records import Regimen
    from wardchart.domain.regimens import regimen_problems
    from wardchart.domain.settings import WardSettings, apply_setting

    with pytest.raises(InvalidEntry) as caught:
        apply_setting(WardSettings(), "ward_name", f"4A{hidden}X")
    assert caught.value.first.field == "ward_name"
    assert apply_setting(WardSettings(), "ward_name", " 4A West ").ward_name == "4A West"
    regimen = Regimen("AC", 21, 7, 14, notes=f"dose-dense{hidden} option")
    assert [p.field for p in regimen_problems(regimen)] == ["notes"]
