"""CTCAE grades: reference cases of docs/clinical-rules.md#reference-cases and every boundary of
docs/clinical-rules.md#grading-ctcae-v5-and-v6."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wardchart.domain.anc import compute_anc
from wardchart.domain.grading import CtcaeVersion, Grade, anc_grade_lines, grade_anc, grade_wbc

V5, V6 = CtcaeVersion.V5, CtcaeVersion.V6
D = Decimal


@pytest.mark.parametrize(
    ("wbc", "segs", "bands", "anc", "v5", "v6"),
    [
        ("2.1", "40", "5", "0.945", 3, 2),  # case 1
        ("2.0", "14.8", "5.0", "0.396", 4, 3),  # case 2
        ("5.1", "43", "5", "2.448", None, 0),  # case 3 (v5 needs the LLN above 1.5)
        ("1.0", "11", "5", "0.16", 4, 3),  # case 4
        ("10", "10", "5", "1.5", None, 0),  # case 5 (10,000 cells/µL)
    ],
)
def test_reference_cases_from_differential(
    wbc: str, segs: str, bands: str, anc: str, v5: int | None, v6: int
) -> None:
    computed = compute_anc(D(wbc), D(segs), D(bands))
    assert computed == D(anc)
    assert grade_anc(computed, V5).grade == v5
    assert grade_anc(computed, V6).grade == v6


@pytest.mark.parametrize(
    ("anc", "v5", "v6"),
    [
        ("1.0", 2, 1),  # case 6
        ("0.5", 3, 2),  # case 7
        ("0.499", 4, 3),  # case 8
        ("0.1", 4, 3),  # case 9
        ("0.09", 4, 4),  # case 10
        ("1.499", 2, 1),
        ("0.999", 3, 2),
        ("0.0999", 4, 4),
        ("0", 4, 4),
        ("1.5", None, 0),
    ],
)
def test_anc_boundaries(anc: str, v5: int | None, v6: int) -> None:
    assert grade_anc(D(anc), V5).grade == v5
    assert grade_anc(D(anc), V6).grade == v6


def test_case_11_lln_decides_v5_grade_1_only() -> None:
    anc = D("1.7")
    assert grade_anc(anc, V5, D("2.0")).grade == 1
    assert grade_anc(anc, V5, D("1.5")).grade == 0
    not_gradable = grade_anc(anc, V5, None)
    assert not_gradable.grade is None
    assert "lower limit of normal" in str(not_gradable)
    for lln in (D("2.0"), D("1.5"), None):
        assert grade_anc(anc, V6, lln).grade == 0


def test_anc_equal_to_lln_is_grade_0() -> None:
    assert grade_anc(D("2.0"), V5, D("2.0")).grade == 0


@pytest.mark.parametrize("version", [V5, V6])
def test_case_12_and_13_wbc(version: CtcaeVersion) -> None:
    assert grade_wbc(D("3.0"), version, D("4.0")).grade == 1
    assert grade_wbc(D("2.999"), version, D("4.0")).grade == 2
    assert grade_wbc(D("2.0"), version).grade == 2
    assert grade_wbc(D("1.999"), version).grade == 3
    assert grade_wbc(D("1.0"), version).grade == 3
    assert grade_wbc(D("0.9"), version).grade == 4
    assert grade_wbc(D("4.0"), version, D("4.0")).grade == 0
    assert grade_wbc(D("3.5"), version).grade is None


def test_every_grade_carries_its_version() -> None:
    assert str(grade_anc(D("0.945"), V5)) == "grade 3, CTCAE v5.0"
    assert str(grade_anc(D("0.945"), V6)) == "grade 2, CTCAE v6.0"
    assert grade_wbc(D("0.9"), V6).version is V6


counts = st.decimals(min_value=0, max_value=20, places=3)
llns = st.one_of(st.none(), st.decimals(min_value=D("0.5"), max_value=10, places=2))


def _severity(grade: int | None) -> int:
    # "not gradable" only happens at counts ≥ the grade-2 bound, below any real grade ≥ 2.
    return 0 if grade is None else grade


@given(counts, counts, llns, st.sampled_from([V5, V6]))
def test_grades_never_improve_as_a_count_falls(
    a: Decimal, b: Decimal, lln: Decimal | None, version: CtcaeVersion
) -> None:
    low, high = sorted((a, b))
    assert _severity(grade_anc(low, version, lln).grade) >= _severity(
        grade_anc(high, version, lln).grade
    )
    assert _severity(grade_wbc(low, version, lln).grade) >= _severity(
        grade_wbc(high, version, lln).grade
    )


@given(counts)
def test_v6_is_never_more_severe_than_v5_for_anc(anc: Decimal) -> None:
    v5 = grade_anc(anc, V5, D("2.0")).grade
    v6 = grade_anc(anc, V6).grade
    assert v5 is not None
    assert v6 is not None
    assert v6 <= v5


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (V5, [("1.5", 2, "G2 <1.5"), ("1.0", 3, "G3 <1.0"), ("0.5", 4, "G4 <0.5")]),
        (
            V6,
            [
                ("1.5", 1, "G1 <1.5"),
                ("1.0", 2, "G2 <1.0"),
                ("0.5", 3, "G3 <0.5"),
                ("0.1", 4, "G4 <0.1"),
            ],
        ),
    ],
)
def test_the_grade_lines_of_each_version(
    version: CtcaeVersion, expected: list[tuple[str, int, str]]
) -> None:
    lines = anc_grade_lines(version)
    assert [(str(line.value), line.grade, line.label) for line in lines] == expected


@pytest.mark.parametrize("version", list(CtcaeVersion))
def test_each_grade_line_is_where_grading_changes(version: CtcaeVersion) -> None:
    """Just below a line is its grade; on the line is not (the lower bound is inclusive)."""
    lln = D("1.6")
    for line in anc_grade_lines(version):
        assert grade_anc(line.value - D("0.001"), version, lln).grade == line.grade
        assert grade_anc(line.value, version, lln).grade == line.grade - 1


def test_each_grade_is_made_once_and_is_the_grade_of_its_value() -> None:
    """A grade is one of a few made once (a Grade never changes): the same object for the
    same term, version and grade, and equal to that grade made afresh, whatever was asked
    before (another version, another LLN, the same count written 1.0 or 1.00)."""
    values = [Decimal(f"{tenths / 100:.2f}") for tenths in range(0, 400, 7)]
    values += [Decimal("1.0"), Decimal("1.00"), Decimal("0.50"), Decimal("1.5000"), Decimal("2")]
    made: dict[tuple[str, CtcaeVersion, int | None], Grade] = {}
    for function in (grade_anc, grade_wbc):
        for _ in range(2):
            for version in CtcaeVersion:
                for lln in (None, Decimal("1.8"), Decimal("4.0")):
                    for value in values:
                        grade = function(value, version, lln)
                        assert grade.version is version
                        fresh = Grade(grade.term, version, grade.grade, grade.why_not_gradable)
                        assert grade == fresh
                        assert made.setdefault((grade.term, version, grade.grade), grade) is grade
    assert grade_anc(Decimal("1.0"), CtcaeVersion.V5, None) is grade_anc(
        Decimal("1.00"), CtcaeVersion.V5, Decimal("9")
    )
    assert grade_anc(Decimal("2.0"), CtcaeVersion.V5, None).grade is None  # no LLN
    assert grade_anc(Decimal("2.0"), CtcaeVersion.V5, Decimal("2.5")).grade == 1
    assert grade_anc(Decimal("2.5"), CtcaeVersion.V5, Decimal("2.5")).grade == 0
