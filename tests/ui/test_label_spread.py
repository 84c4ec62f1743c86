"""Tick texts stacked in one column are moved apart, not drawn over each other."""

from __future__ import annotations

from itertools import pairwise

from wardchart.plot.label_layout import spread


def test_texts_clear_of_each_other_keep_their_place() -> None:
    assert spread([10.0, 40.0, 70.0], [12.0, 12.0, 12.0], 0.0, 100.0) == [10.0, 40.0, 70.0]


def test_texts_that_would_overlap_are_stacked_around_where_they_were() -> None:
    tops = spread([50.0, 40.0, 45.0], [12.0, 12.0, 12.0], 0.0, 200.0)
    ordered = sorted(tops)
    assert all(b - a >= 12.0 for a, b in pairwise(ordered))
    assert sorted(range(3), key=lambda i: tops[i]) == [1, 2, 0]  # the order is kept
    assert abs(sum(tops) / 3 - 45.0) < 1e-9  # centred where they were


def test_a_stack_that_would_leave_the_column_stays_inside() -> None:
    tops = spread([90.0, 92.0], [12.0, 12.0], 0.0, 100.0)
    assert max(tops) + 12.0 <= 100.0
    assert abs(tops[1] - tops[0]) >= 12.0


def test_a_pushed_group_pushes_the_next_one_too() -> None:
    tops = spread([0.0, 5.0, 20.0], [12.0, 12.0, 12.0], 0.0, 100.0)
    ordered = sorted(tops)
    assert all(b - a >= 12.0 for a, b in pairwise(ordered))
