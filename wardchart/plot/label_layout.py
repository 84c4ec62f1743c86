"""Placing the chart's text labels so that none covers a data point or another label.

Pure geometry in scene pixels (no Qt): each label offers candidate positions in order of
preference; the first one clear of every data point, every label already placed and the
plot's edges wins. A label with no clear place is left out: everything a label says is
also in the legend or a tooltip (see docs/chart.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, top, width, height


def overlap(a: Rect, b: Rect) -> bool:
    """Whether two rectangles share any area (touching edges do not count)."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def inside(inner: Rect, outer: Rect) -> bool:
    """Whether ``inner`` lies wholly within ``outer``."""
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def point_rect(x: float, y: float, size: float) -> Rect:
    """The square a symbol of ``size`` pixels covers at (x, y), with a 2-pixel margin."""
    half = size / 2 + 2
    return (x - half, y - half, 2 * half, 2 * half)


@dataclass(frozen=True)
class LabelRequest:
    """A label of ``size`` (w, h) and its candidate top-left corners, best first."""

    key: str
    size: tuple[float, float]
    candidates: Sequence[tuple[float, float]]


def place(
    requests: Iterable[LabelRequest], obstacles: Sequence[Rect], area: Rect
) -> dict[str, Rect | None]:
    """Each label's rectangle, or None where no candidate is clear; in request order."""
    taken: list[Rect] = list(obstacles)
    placed: dict[str, Rect | None] = {}
    for request in requests:
        w, h = request.size
        placed[request.key] = None
        for x, y in request.candidates:
            rect = (x, y, w, h)
            if inside(rect, area) and not any(overlap(rect, other) for other in taken):
                placed[request.key] = rect
                taken.append(rect)
                break
    return placed


def around(px: float, py: float, w: float, h: float, gap: float) -> list[tuple[float, float]]:
    """Top-left corners for a label beside a point, nearest first, then a little further
    away, but never so far that it reads as the label of another point (a label with no
    place near its point is left to the legend)."""
    out = []
    for step in (1.0, 2.0, 3.0, 4.0):
        g = gap * step
        out += [
            (px + g, py - h - g),  # above right
            (px + g, py + g),  # below right
            (px - w - g, py - h - g),  # above left
            (px - w - g, py + g),  # below left
            (px - w / 2, py - h - g),  # above
            (px - w / 2, py + g),  # below
            (px + g, py - h / 2),  # right
            (px - w - g, py - h / 2),  # left
        ]
    return out


def down_from(
    px: float, top: float, bottom: float, w: float, h: float
) -> list[tuple[float, float]]:
    """Top-left corners for a label hung at x = ``px``: centred, right, left; row by row
    from ``top`` down to ``bottom``."""
    out = []
    y = top
    while y + h <= bottom:
        out += [(px - w / 2, y), (px + 4, y), (px - w - 4, y)]
        y += h / 2
    return out


def spread(tops: Sequence[float], heights: Sequence[float], low: float, high: float) -> list[float]:
    """New tops for texts stacked in one column (an axis's tick texts) so that none covers
    another: texts that would overlap are moved apart as a group, centred where they
    were, and kept between ``low`` and ``high`` where there is room. Texts clear of every
    other keep their place. Returned in the order given."""
    order = sorted(range(len(tops)), key=lambda i: tops[i])
    # Groups of neighbours laid end to end: [first index in ``order``, top, height].
    groups: list[list[float]] = []
    for n, i in enumerate(order):
        group = [float(n), tops[i], heights[i]]
        groups.append(group)
        while len(groups) > 1 and groups[-2][1] + groups[-2][2] > groups[-1][1]:
            last = groups.pop()
            before = groups[-1]
            first, height = int(before[0]), before[2] + last[2]
            centre = sum(tops[order[k]] + heights[order[k]] / 2 for k in range(first, n + 1))
            centre /= n + 1 - first
            # The group's centre is its texts' mean centre, inside the bounds if it fits.
            top = centre - height / 2
            top = max(low, min(top, high - height)) if height <= high - low else top
            groups[-1] = [before[0], top, height]
    result = [0.0] * len(tops)
    for g, group in enumerate(groups):
        first = int(group[0])
        end = int(groups[g + 1][0]) if g + 1 < len(groups) else len(order)
        y = group[1]
        for k in range(first, end):
            result[order[k]] = y
            y += heights[order[k]]
    return result
