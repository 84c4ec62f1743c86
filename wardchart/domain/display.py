"""How a count is shown to people: as a laboratory reports it (see docs/chart.md).

Stored and graded values stay exactly as entered or computed; only the text is rounded.
"""

from __future__ import annotations

from decimal import Decimal

from wardchart.domain.units import display

#: Decimal places a haematology analyser reports a count with (×10⁹/L).
COUNT_PLACES = 2


def count_text(value: Decimal) -> str:
    """A WBC, ANC or platelet count in ×10⁹/L as a lab reports it: 2 decimals, half-up.

    0.32736 → "0.33", 0.945 → "0.95", 13 → "13.00". For display only: never grade or
    compare the returned text. A zero never shows a minus sign.
    """
    return display(value, COUNT_PLACES)
