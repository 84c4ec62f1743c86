"""How a count is shown to people: as a laboratory reports it (see docs/chart.md).

Stored and graded values stay exactly as entered or computed; only the text is rounded.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

#: Decimal places a haematology analyser reports a count with (×10⁹/L).
COUNT_PLACES = 2


def _rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _on_a_tenth(shown: Decimal) -> bool:
    """True when ``shown`` is a whole number of tenths (1.00, 0.50, 75.00, 0.00)."""
    return shown == _rounded(shown, 1)


def count_text(value: Decimal) -> str:
    """A WBC, ANC or platelet count in ×10⁹/L as a lab reports it: 2 decimals, half-up.

    0.32736 → "0.33", 0.945 → "0.95", 13 → "13.00". Rounding must never move a count onto
    a decision line: every grade, fever-rule, recovery and regimen line is a whole number
    of tenths, so when the 2-decimal form lands on a tenth but the count is not exactly
    that, more decimals are shown until it no longer does: 0.995 → "0.995" (not "1.00",
    which reads as "not below 1.0"), 1.004 → "1.004", 0.9999 → "0.9999". A zero never
    shows a minus sign. For display only: never grade or compare the returned text.
    """
    if value == 0:
        return "0." + "0" * COUNT_PLACES
    shown = _rounded(value, COUNT_PLACES)
    places = COUNT_PLACES
    while _on_a_tenth(shown) and shown != value:
        places += 1
        shown = _rounded(value, places)
    return str(shown)


#: The mark after a count the laboratory reported as preliminary (not yet verified):
#: "0.45 P". See docs/hl7-inbox.md.
PRELIMINARY_MARK = "P"
PRELIMINARY_NOTE = "P = preliminary result from the laboratory, not yet final"


def lab_mark(lab_status: str) -> str:
    """ " P" after a preliminary laboratory count, else nothing."""
    return f" {PRELIMINARY_MARK}" if lab_status == "preliminary" else ""


def result_note(corrected: bool, lab_status: str) -> str:
    """A result's note column: corrected, preliminary, or both."""
    notes = (["corrected"] if corrected else []) + (
        ["preliminary"] if lab_status == "preliminary" else []
    )
    return ", ".join(notes)
