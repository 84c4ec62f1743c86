"""ANC from WBC and differential, or as reported (docs/clinical-rules.md#anc)."""

from __future__ import annotations

from decimal import Decimal


def compute_anc(wbc: Decimal, neut_pct: Decimal, bands_pct: Decimal | None = None) -> Decimal:
    """ANC = WBC × (segs % + bands %) / 100, exact in Decimal.

    2.1 × (40 + 5) / 100 = 0.945 (reference case 1, docs/clinical-rules.md#reference-cases);
    2.0 × (14.8 + 5.0) / 100 = 0.396 (case 2).
    """
    return wbc * (neut_pct + (bands_pct or Decimal(0))) / 100


def resolve_anc(
    wbc: Decimal | None,
    anc: Decimal | None,
    neut_pct: Decimal | None,
    bands_pct: Decimal | None,
) -> tuple[Decimal | None, str | None]:
    """The ANC to record, in the unit of the counts, and where it came from
    (docs/clinical-rules.md#anc).

    A lab-reported absolute ANC is used as is ("lab"); else WBC × (neut % + bands %) / 100
    ("computed"); else none.
    """
    if anc is not None:
        return anc, "lab"
    if wbc is not None and neut_pct is not None:
        return compute_anc(wbc, neut_pct, bands_pct), "computed"
    return None, None
