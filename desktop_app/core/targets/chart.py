"""What the chart of one series across years shows. No Qt: :mod:`desktop_app.qt.charts` only draws it.

A series' chart has years along the bottom and the series' unit up the side:

* **outcomes** (what a later report says happened) are a line through points, one per year;
* **targets** are markers whose shape says what kind of target it is, decided once in
  :func:`desktop_app.core.targets.display.mark_shape`:

  ==================  ==========================================================
  ``band``            approximately (左右): value ± the series' stated tolerance;
                      a range target (6–6.5%) is its range
  ``floor``           at least (以上, 突破, 超过): a bar at the value, the arrow up
  ``ceiling``         at most (以内, 以下, 控制在): a bar at the value, the arrow down
  ``point``           an exact figure (a budget amount): a diamond at the value
  ==================  ==========================================================

Each mark and point carries the sentence it comes from, for the hover, and an opaque ``ref`` the
view uses to open that report at that sentence.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from dataclasses import dataclass

__all__ = ["MarkShape", "OutcomePoint", "SeriesChart", "TargetMark"]


class MarkShape(enum.StrEnum):
    """How a target is drawn on its series' chart."""

    BAND = "band"
    FLOOR = "floor"
    CEILING = "ceiling"
    POINT = "point"


@dataclass(frozen=True, slots=True)
class TargetMark:
    """One year's target on a series' chart.

    Attributes:
        year: The year the target is for.
        value: The target's value (the middle of a band).
        low: The band's low end (``value`` for other shapes).
        high: The band's high end (``value`` for other shapes).
        shape: How it is drawn.
        label: The target as written, with its modifier (``6.5%左右``).
        sentence: The sentence that sets it (plain text, shown on hover).
        ref: What the view opens on a click (opaque here).
        stated: Whether ``value`` is a stated number (7%左右), drawn inside its band; a range
            (6–6.5%) states only its ends.
        unreviewed: Nobody has confirmed the figure (shown only when the reader asked for such
            figures); its label starts with the unreviewed tag.
    """

    year: int
    value: float
    low: float
    high: float
    shape: MarkShape
    label: str
    sentence: str
    ref: Hashable = None
    stated: bool = True
    unreviewed: bool = False


@dataclass(frozen=True, slots=True)
class OutcomePoint:
    """One year's stated outcome on a series' chart.

    Attributes:
        year: The year the outcome is for.
        value: The outcome's value.
        label: The outcome as written (``6.9%``).
        sentence: The later report's sentence that states it.
        ref: What the view opens on a click (opaque here).
        unreviewed: Nobody has confirmed the figure (drawn hollow; its label starts with the tag).
    """

    year: int
    value: float
    label: str
    sentence: str
    ref: Hashable = None
    unreviewed: bool = False


@dataclass(frozen=True, slots=True)
class SeriesChart:
    """Everything one series' chart draws.

    Attributes:
        key: The series key (``gdp_growth``).
        title: The series' name in the chart's language.
        unit: The unit of every value on the chart (one axis, one unit).
        targets: Targets, in year order.
        outcomes: Outcomes, in year order (drawn as one line).
    """

    key: str
    title: str
    unit: str
    targets: tuple[TargetMark, ...]
    outcomes: tuple[OutcomePoint, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """Every year that has a target or an outcome, in order."""
        return tuple(sorted({m.year for m in self.targets} | {p.year for p in self.outcomes}))

    @property
    def empty(self) -> bool:
        """Whether there is nothing to draw."""
        return not self.targets and not self.outcomes
