"""The count axis: linear over the decision range, compressed above it (see docs/chart.md).

Pure arithmetic, no Qt: the chart plots ``to_view(count)`` and labels its axis with
``ticks()``, so a WBC of 13 or 60 after G-CSF never squeezes 0–2 ×10⁹/L into a few pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Counts up to here (×10⁹/L) are drawn on a linear scale: every grade line (0.1–1.5), the
#: usual lower limit of normal (2.0) and a margin above it.
LINEAR_TO = 3.0
#: Above LINEAR_TO the scale is logarithmic and takes this much view height (in the linear
#: part's units): the linear part keeps 3 / (3 + 1.8) = 62 % of the plot's height.
COMPRESSED_HEIGHT = 1.8
#: Peaks up to this stay on a plain linear axis (nothing worth compressing).
LINEAR_PEAK_LIMIT = 4.0
#: Free space above the highest point for the labels at the top of the plot.
HEADROOM = 0.2

#: Upper ticks closer than this (view units) to the one below are left out.
MIN_TICK_GAP = 0.6
_UPPER_TICKS = (5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0)


@dataclass(frozen=True)
class CountScale:
    """How counts map to the plot's y coordinate for one chart."""

    peak: float  # the highest count drawn, ×10⁹/L

    @property
    def compressed(self) -> bool:
        """Whether the range above LINEAR_TO is compressed (a peak above LINEAR_PEAK_LIMIT)."""
        return self.peak > LINEAR_PEAK_LIMIT

    @property
    def data_top(self) -> float:
        """The y of the highest count."""
        if not self.compressed:
            return max(2.0, self.peak)
        return LINEAR_TO + COMPRESSED_HEIGHT

    @property
    def view_top(self) -> float:
        """The top of the plot: the highest count plus room for the labels."""
        return self.data_top * (1 + HEADROOM)

    def to_view(self, count: float) -> float:
        """The y at which ``count`` is drawn."""
        if not self.compressed or count <= LINEAR_TO:
            return count
        return LINEAR_TO + COMPRESSED_HEIGHT * math.log(count / LINEAR_TO) / math.log(
            self.peak / LINEAR_TO
        )

    def from_view(self, y: float) -> float:
        """The count drawn at ``y`` (the inverse of ``to_view``)."""
        if not self.compressed or y <= LINEAR_TO:
            return y
        return float(LINEAR_TO * (self.peak / LINEAR_TO) ** ((y - LINEAR_TO) / COMPRESSED_HEIGHT))

    def ticks(self) -> list[list[tuple[float, str]]]:
        """Major (y, text) ticks for the count axis, and no minor ones: whole counts in the
        linear part, round numbers above it. Every tick is labelled (an unlabelled half
        tick read as a stray mark; the grade lines already mark 0.5 and 1.5)."""
        linear_top = LINEAR_TO if self.compressed else self.data_top
        major = [(float(v), _number(v)) for v in range(int(linear_top) + 1)]
        minor: list[tuple[float, str]] = []
        if self.compressed:
            for v in _UPPER_TICKS:
                y = self.to_view(v)
                if v <= self.peak and y - major[-1][0] >= MIN_TICK_GAP:
                    major.append((y, _number(v)))
            if self.data_top - major[-1][0] >= MIN_TICK_GAP:
                major.append((self.data_top, _number(round(self.peak))))
        return [major, minor]


def _number(value: float) -> str:
    return f"{value:g}"
