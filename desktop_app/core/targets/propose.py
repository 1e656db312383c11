"""The series the importer proposes for a figure: :func:`propose_series`.

A name is compared after the words around an indicator's name that say nothing about which one it
is are taken off (拟安排财政赤字 → 财政赤字, 粮食产量要 → 粮食产量, 居民人均可支配收入实际 →
居民人均可支配收入). A series is proposed when such a name is one of its synonyms, else when it is
very close to one (difflib ratio ≥ :data:`MIN_SIMILARITY`), and only if the figure's unit is one the
series is stated in and the series is not another government's own. A reviewer confirms it.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from desktop_app.core.importer.numbers import normalise_unit
from desktop_app.core.targets.series import Series, SeriesTable, series_table

__all__ = ["MIN_SIMILARITY", "bare_name", "propose_series"]

MIN_SIMILARITY = 0.85
_PREFIX = re.compile(r"^(?:拟安排|拟|安排|全国|全年|今年|去年|年末|全部|新安排|继续)+")
_SUFFIX = re.compile(r"(?:要再|都要|也要|要|预期目标|预期|目标|实际|总量|规模)+$")
# Percentage points are the unit of a change of a % series.
_UNIT_ALIASES = {"个百分点": "%"}


def bare_name(name: str) -> str:
    """``name`` without the words that do not tell indicators apart (see the module)."""
    bare = _SUFFIX.sub("", _PREFIX.sub("", name.strip()))
    return bare or name.strip()


def propose_series(
    name: str,
    unit: str,
    *,
    region: str = "",
    table: SeriesTable | None = None,
) -> str | None:
    """The key of the series a figure most likely belongs to, or None.

    Args:
        name: the figure's name as the importer found it.
        unit: its unit as written (``万人``, ``%``, ``亿元``).
        region: the report's region name; a local series is proposed only for its own region.
        table: the series (default: the bundled table).
    """
    table = table if table is not None else series_table()
    base = _base_unit(unit)
    bare = bare_name(name)
    if len(bare) < 2:
        return None
    best: tuple[float, str] | None = None
    for series in table.values():
        if series.qualitative or (series.region and series.region != region):
            continue
        if base not in _units(series):
            continue
        names = _synonyms(series)
        if bare in names:
            return series.key
        score = max(difflib.SequenceMatcher(None, bare, n).ratio() for n in names)
        if score >= MIN_SIMILARITY and (best is None or score > best[0]):
            best = (score, series.key)
    return best[1] if best else None


def _base_unit(unit: str) -> str:
    unit = _UNIT_ALIASES.get(unit, unit)
    return normalise_unit(unit)[0] if unit else ""


@cache
def _units(series: Series) -> frozenset[str]:
    return frozenset(_base_unit(u) for u in (series.unit, *series.units))


@cache
def _synonyms(series: Series) -> frozenset[str]:
    return frozenset(bare_name(n) for n in (series.zh, *series.synonyms))
