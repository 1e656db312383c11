"""Pairs as a grid: series as rows, years as columns, one pair per cell. No Qt.

The Targets & outcomes view shows the pairs its filters keep either as a list (one row per pair)
or as this grid (:class:`PairGrid`); both show the same pairs, and a cell's looks (verdict colour,
icon, word) come from :mod:`desktop_app.core.targets.display` as the list's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from desktop_app.core.presentation import number_text
from desktop_app.core.targets.display import figure_cell_text
from desktop_app.core.targets.series import Series
from desktop_app.core.targets.types import Basis, FigureRef, Pair

__all__ = ["PairGrid", "compact_figure_text", "pair_grid", "target_to_outcome"]


@dataclass(frozen=True, slots=True)
class PairGrid:
    """Pairs laid out by series (rows) and year (columns).

    Attributes:
        series: the rows, in the order their series first come in the pairs.
        years: the columns, every year some kept pair is for, ascending (no gaps filled in).
        cells: ``(series key, year)`` -> the pair shown there; a missing key is an empty cell.
    """

    series: tuple[Series, ...] = ()
    years: tuple[int, ...] = ()
    cells: Mapping[tuple[str, int], Pair] = field(default_factory=lambda: MappingProxyType({}))

    def pair(self, row: int, column: int) -> Pair | None:
        """The pair in a cell (None for an empty cell or one outside the grid)."""
        if not (0 <= row < len(self.series) and 0 <= column < len(self.years)):
            return None
        return self.cells.get((self.series[row].key, self.years[column]))

    def position(self, key: str, year: int) -> tuple[int, int] | None:
        """The (row, column) of a series' year, None when the grid has no such cell."""
        if (key, year) not in self.cells:
            return None
        row = next(i for i, s in enumerate(self.series) if s.key == key)
        return row, self.years.index(year)


def pair_grid(pairs: Iterable[Pair]) -> PairGrid:
    """Lay ``pairs`` out as a grid; rows and columns only for what the pairs hold.

    A series' year holds one pair. Should two pairs share a cell (a stated outcome and a budget
    implied by a later report), the first with a stated outcome is shown; with none, the first
    given — so the grid never hides a stated outcome behind a "budget vs budget" one.
    """
    series: dict[str, Series] = {}
    cells: dict[tuple[str, int], Pair] = {}
    for pair in pairs:
        series.setdefault(pair.series.key, pair.series)
        key = (pair.series.key, pair.year)
        held = cells.get(key)
        if held is None or (held.basis is not Basis.OUTCOME and pair.basis is Basis.OUTCOME):
            cells[key] = pair
    years = tuple(sorted({year for _, year in cells}))
    return PairGrid(tuple(series.values()), years, MappingProxyType(cells))


def compact_figure_text(figure: FigureRef | None) -> str:
    """A target or outcome as a grid cell writes it: as the list does, without a budget's formula.

    The list writes an implied budget as ``1.62万亿元 (2.18万亿元 − 5600亿元)``; a cell has room for
    ``1.62万亿元`` only (the tooltip and the list keep the formula).
    """
    if figure is not None and figure.formula and figure.value is not None:
        return f"{number_text(figure.value)}{figure.unit}"
    return figure_cell_text(figure)


def target_to_outcome(pair: Pair) -> str:
    """``5%左右 → 5.2%``: a cell's target and outcome, ``—`` for the one that is missing."""
    return f"{compact_figure_text(pair.target)} → {compact_figure_text(pair.outcome)}"
