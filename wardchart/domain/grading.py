"""CTCAE grades for "Neutrophil count decreased" and "White blood cell decreased".

CTCAE v5.0 [1] and v6.0 [2]; see
docs/clinical-rules.md#grading-ctcae-v5-and-v6. Boundaries: "<1.5 – 1.0"
means 1.0 ≤ x < 1.5, so ANC 1.0 is v5 grade 2 and 0.5 is v5 grade 3. A grade that
needs the lower limit of normal (LLN) and has none is "not gradable" (grade None),
never a silent guess (docs/clinical-rules.md#grading-ctcae-v5-and-v6). Every grade carries its CTCAE
version.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text


class CtcaeVersion(StrEnum):
    """The CTCAE versions a ward can choose (v5.0 by default, v6.0 selectable:
    docs/clinical-rules.md#grading-ctcae-v5-and-v6)."""

    V5 = "5.0"
    V6 = "6.0"


@dataclass(frozen=True)
class Grade:
    """A CTCAE grade (0–4) or None when not gradable, with its term and version."""

    term: str
    version: CtcaeVersion
    grade: int | None
    why_not_gradable: str = ""

    @property
    def short(self) -> str:
        """Short text for tables: "G3" or "n/g"."""
        return "n/g" if self.grade is None else f"G{self.grade}"

    @property
    def text(self) -> Text:
        """The grade in words: "grade 3, CTCAE v5.0" (translated where it is shown)."""
        if self.grade is None:
            return QT_TRANSLATE_NOOP("Grades", "not gradable ({why}), CTCAE v{version}").format(
                why=self.why_not_gradable, version=str(self.version)
            )
        return QT_TRANSLATE_NOOP("Grades", "grade {grade}, CTCAE v{version}").format(
            grade=self.grade, version=str(self.version)
        )

    def __str__(self) -> str:
        return str.__str__(self.text)


ANC_TERM = "Neutrophil count decreased"
WBC_TERM = "White blood cell decreased"
_NO_LLN = QT_TRANSLATE_NOOP("Grades", "needs the lab's lower limit of normal")

# Upper bounds (exclusive) of grades 4, 3, 2 in ×10⁹/L; grade 1 is below the LLN
# where ``lln_grade1`` is True, else below the last bound given.
_ANC_V5 = (Decimal("0.5"), Decimal("1.0"), Decimal("1.5"))
_ANC_V6 = (Decimal("0.1"), Decimal("0.5"), Decimal("1.0"), Decimal("1.5"))
_WBC = (Decimal("1.0"), Decimal("2.0"), Decimal("3.0"))

# Every grade there is, made once: a Grade never changes, and a chart grades each of a
# patient's results again on every selection. None: not gradable (no LLN).
_GRADES: dict[tuple[str, CtcaeVersion], dict[int | None, Grade]] = {
    (term, version): {
        **{grade: Grade(term, version, grade) for grade in range(5)},
        None: Grade(term, version, None, _NO_LLN),
    }
    for term in (ANC_TERM, WBC_TERM)
    for version in CtcaeVersion
}


def _grade_below(value: Decimal, bounds: tuple[Decimal, ...]) -> int | None:
    """4 below bounds[0], 3 below bounds[1], ...; None if not below any bound."""
    for index, bound in enumerate(bounds):
        if value < bound:
            return 4 - index
    return None


def _grade_with_lln(
    term: str,
    version: CtcaeVersion,
    value: Decimal,
    bounds: tuple[Decimal, ...],
    lln: Decimal | None,
) -> Grade:
    grade = _grade_below(value, bounds)
    if grade is None and lln is not None:
        grade = 1 if value < lln else 0
    return _GRADES[term, version][grade]


@dataclass(frozen=True)
class GradeLine:
    """A grade boundary as the chart draws it: an ANC below ``value`` (×10⁹/L), down to
    the next line, is ``grade``."""

    value: Decimal
    grade: int

    @property
    def label(self) -> str:
        """The text beside the line: "G3 <1.0"."""
        return f"G{self.grade} <{self.value}"


def anc_grade_lines(version: CtcaeVersion) -> tuple[GradeLine, ...]:
    """The ANC grade boundaries of ``version``, highest first, as ``grade_anc`` applies them
    (the grading rules are in docs/clinical-rules.md).

    v5.0: 1.5 (grade 2 below), 1.0 (3), 0.5 (4). The grade-1 boundary is the lab's LLN,
    which differs per result, so it is not a line. v6.0: 1.5 (1), 1.0 (2), 0.5 (3), 0.1 (4).
    """
    bounds = _ANC_V6 if version is CtcaeVersion.V6 else _ANC_V5
    return tuple(GradeLine(bound, 4 - index) for index, bound in reversed(list(enumerate(bounds))))


def grade_anc(anc: Decimal, version: CtcaeVersion, lln: Decimal | None = None) -> Grade:
    """Grade an ANC in ×10⁹/L.

    v5.0: <0.5 → 4; <1.0 → 3; <1.5 → 2; <LLN → 1 (needs the LLN).
    v6.0: <0.1 → 4; <0.5 → 3; <1.0 → 2; <1.5 → 1; the LLN is not used.
    """
    if version is CtcaeVersion.V6:
        return _GRADES[ANC_TERM, version][_grade_below(anc, _ANC_V6) or 0]
    return _grade_with_lln(ANC_TERM, version, anc, _ANC_V5, lln)


def grade_wbc(wbc: Decimal, version: CtcaeVersion, lln: Decimal | None = None) -> Grade:
    """Grade a WBC in ×10⁹/L; identical in v5.0 and v6.0
    (docs/clinical-rules.md#grading-ctcae-v5-and-v6).

    <1.0 → 4; <2.0 → 3; <3.0 → 2; <LLN → 1 (needs the LLN).
    """
    return _grade_with_lln(WBC_TERM, version, wbc, _WBC, lln)
