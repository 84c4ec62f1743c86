"""WCAG 2 contrast ratio, and the nearest readable colour."""

from __future__ import annotations

import pytest

from wardchart.domain.contrast import TEXT_MINIMUM, contrast_ratio, readable, relative_luminance


def test_black_on_white_is_21_and_a_colour_on_itself_is_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#b00020", "#b00020") == pytest.approx(1.0)


def test_known_values() -> None:
    # The WCAG worked figures: #767676 on white is the lightest grey reaching 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < TEXT_MINIMUM
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == 0.0


def test_the_old_alert_red_on_a_dark_window_was_far_below_aa() -> None:
    assert contrast_ratio("#b00020", "#353535") == pytest.approx(1.67, abs=0.01)
    assert contrast_ratio("#b00020", "#2b2b2b") == pytest.approx(1.93, abs=0.01)


@pytest.mark.parametrize("background", ["#ffffff", "#efefef", "#2b2b2b", "#353535", "#000000"])
@pytest.mark.parametrize("colour", ["#b00020", "#8a5300", "#1f4e9c", "#ffcc00", "#777777"])
def test_readable_reaches_the_minimum_with_the_least_change(colour: str, background: str) -> None:
    found = readable(colour, background)
    assert contrast_ratio(found, background) >= TEXT_MINIMUM
    if contrast_ratio(colour, background) >= TEXT_MINIMUM:
        assert found == colour  # already readable: unchanged
    else:
        assert contrast_ratio(found, background) < TEXT_MINIMUM + 0.2  # not overshot


def test_a_background_nothing_can_reach_gives_the_best_there_is() -> None:
    grey = "#767676"  # 4.5:1 against both black and white at most
    assert readable("#777777", grey, 7.0) in ("#000000", "#ffffff")


@pytest.mark.parametrize("bad", ["b00020", "#b0002", "#gggggg", "red"])
def test_not_a_colour(bad: str) -> None:
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        contrast_ratio(bad, "#ffffff")
