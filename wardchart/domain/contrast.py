"""Text contrast as WCAG 2 measures it, and the nearest colour that reaches a minimum.

A colour is "#rrggbb". The rules and their sources are in docs/colours.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: WCAG 2 level AA for normal-size text.
TEXT_MINIMUM = 4.5


def _channels(colour: str) -> tuple[int, int, int]:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance: 0 for black, 1 for white."""
    r, g, b = (_linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(colour: str, toward: str, amount: float) -> str:
    pairs = zip(_channels(colour), _channels(toward), strict=True)
    return "#" + "".join(f"{round(c + (t - c) * amount):02x}" for c, t in pairs)


@lru_cache(maxsize=256)  # asked for at every repaint of a coloured cell
def readable(colour: str, background: str, minimum: float = TEXT_MINIMUM) -> str:
    """``colour`` itself if it reaches ``minimum`` against ``background``; otherwise the
    least change of it, toward black on a light background or white on a dark one, that
    does. The hue stays recognisable: a red stays a red, only lighter or darker."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    toward = "#000000" if relative_luminance(background) > 0.18 else "#ffffff"
    if contrast_ratio(toward, background) < minimum:
        return toward  # nothing reaches it: the most that can be had
    low, high = 0.0, 1.0
    for _ in range(20):  # bisect the amount of mixing
        middle = (low + high) / 2
        if contrast_ratio(_mix(colour, toward, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    found = _mix(colour, toward, high)
    step = 0.0
    while contrast_ratio(found, background) < minimum:  # rounding to whole channels
        step += 1 / 255
        found = _mix(colour, toward, min(1.0, high + step))
    return found
