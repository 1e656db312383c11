"""Series: a stable key for the same indicator across years, read from ``data/series.json``.

The file is loaded once into frozen :class:`Series` records and checked while loading: every problem
names the file and the JSON path of the bad node (:class:`~desktop_app.core.dataset_errors.DatasetError`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.core.dataset_errors import DatasetError, Problem
from desktop_app.core.dataset_errors import excerpt as _short
from desktop_app.core.dataset_file import json_path, read_json
from desktop_app.core.language import Language
from desktop_app.core.resources import data_path

SERIES_FILE = "series.json"
FORMAT = "report-viewer-series"
FORMAT_VERSION = 1
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")  # the dataset schema's ``series`` pattern
MAX_SERIES_BYTES = 1024 * 1024

__all__ = ["Direction", "Series", "SeriesTable", "load_series", "series_table"]


class Direction(enum.StrEnum):
    """Which way is better for a series: up, down, or neither (a price, a budget amount)."""

    HIGHER = "higher"
    LOWER = "lower"
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class Series:
    """One indicator across years.

    Attributes:
        key: stable key, the value of an indicator's ``series`` in a dataset.
        zh, en: its name in Chinese and English.
        unit: the unit it is usually stated in (informative; values are compared normalised).
        direction: which way is better.
        tolerance: how far from an approximately (左右) target an outcome may lie and still meet it,
            in the series' unit (percentage points for % series); None where the series states none
            (then only an exact hit meets a 左右 target, and the rule says so).
        ceiling: a 左右 target of this series is read as a ceiling (a price target).
        budget: a planned amount (deficit, bonds): a later report's 比去年 comparison implies it,
            paired as "budget vs budget".
        qualitative: a text target (国际收支基本平衡): no number to compare.
        region: a local series of that government only ("" for any government).
        synonyms: names a report gives the figure; the importer proposes the series from them.
        units: other units the series is stated in (grain: 亿吨 as well as 亿斤).
    """

    key: str
    zh: str
    en: str
    unit: str
    direction: Direction
    tolerance: float | None = None
    ceiling: bool = False
    budget: bool = False
    qualitative: bool = False
    region: str = ""
    synonyms: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    def name(self, language: Language = Language.ZH) -> str:
        """The series' name in ``language``."""
        return self.zh if language is Language.ZH else self.en


class SeriesTable(Mapping[str, Series]):
    """The series by key, in file order."""

    def __init__(self, series: Sequence[Series]) -> None:
        self._by_key = {s.key: s for s in series}

    def __getitem__(self, key: str) -> Series:
        return self._by_key[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)


_FIELDS: dict[str, type | tuple[type, ...]] = {
    "key": str,
    "zh": str,
    "en": str,
    "unit": str,
    "direction": str,
    "tolerance": (int, float),
    "ceiling": bool,
    "budget": bool,
    "qualitative": bool,
    "region": str,
    "synonyms": list,
    "units": list,
}
_REQUIRED = ("key", "zh", "en", "unit", "direction")


def load_series(path: Path | str | None = None) -> SeriesTable:
    """The series table from ``path`` (default: the bundled ``data/series.json``).

    Raises:
        DatasetError: the file cannot be read or a record is malformed; every problem is listed.
    """
    file = Path(path) if path is not None else data_path(SERIES_FILE)
    document = read_json(file, MAX_SERIES_BYTES)
    problems: list[Problem] = []
    records = _records(document, problems)
    series: list[Series] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        where: list[str | int] = ["series", index]
        item = _series(record, where, problems)
        if item is None:
            continue
        if item.key in seen:
            problems.append(Problem(json_path([*where, "key"]), f"duplicate series key {item.key!r}"))
        seen.add(item.key)
        series.append(item)
    if problems:
        raise DatasetError(file, problems)
    return SeriesTable(series)


@cache
def series_table() -> SeriesTable:
    """The bundled series table, loaded once."""
    return load_series()


def _records(document: Any, problems: list[Problem]) -> list[Any]:
    if not isinstance(document, dict):
        problems.append(Problem("$", "expected an object"))
        return []
    if document.get("format") != FORMAT:
        problems.append(Problem("$.format", f"expected {FORMAT!r}"))
    if document.get("format_version") != FORMAT_VERSION:
        problems.append(Problem("$.format_version", f"expected {FORMAT_VERSION}"))
    records = document.get("series")
    if not isinstance(records, list):
        problems.append(Problem("$.series", "expected a list of series"))
        return []
    return records


def _series(record: Any, where: list[str | int], problems: list[Problem]) -> Series | None:
    """One record as a :class:`Series`, or None after adding its problems."""
    if not isinstance(record, dict):
        problems.append(Problem(json_path(where), "expected an object"))
        return None
    before = len(problems)
    for name in record:
        if name not in _FIELDS:
            problems.append(Problem(json_path([*where, name]), "unknown field"))
    for name in _REQUIRED:
        if name not in record:
            problems.append(Problem(json_path(where), f"missing field {name!r}"))
    for name, value in record.items():
        expected = _FIELDS.get(name)
        if expected is None:
            continue
        # bool is an int: a tolerance of true is not a number.
        if not isinstance(value, expected) or (name == "tolerance" and isinstance(value, bool)):
            problems.append(Problem(json_path([*where, name]), f"wrong type: {_short(value)}"))
    key = record.get("key")
    if isinstance(key, str) and not KEY_PATTERN.match(key):
        problems.append(Problem(json_path([*where, "key"]), f"not a series key: {_short(key)}"))
    direction = record.get("direction")
    if isinstance(direction, str) and direction not in Direction.__members__.values():
        problems.append(
            Problem(
                json_path([*where, "direction"]),
                f"expected higher, lower or neither: {_short(direction)}",
            )
        )
    tolerance = record.get("tolerance")
    if isinstance(tolerance, int | float) and not isinstance(tolerance, bool) and tolerance < 0:
        problems.append(Problem(json_path([*where, "tolerance"]), "a tolerance is not negative"))
    for field in ("synonyms", "units"):
        values = record.get(field, [])
        if isinstance(values, list):
            for i, word in enumerate(values):
                if not isinstance(word, str) or not word:
                    problems.append(Problem(json_path([*where, field, i]), "expected a word"))
    if len(problems) > before:
        return None
    return Series(
        key=record["key"],
        zh=record["zh"],
        en=record["en"],
        unit=record["unit"],
        direction=Direction(record["direction"]),
        tolerance=float(tolerance) if tolerance is not None else None,
        ceiling=record.get("ceiling", False),
        budget=record.get("budget", False),
        qualitative=record.get("qualitative", False),
        region=record.get("region", ""),
        synonyms=tuple(record.get("synonyms", [])),
        units=tuple(record.get("units", [])),
    )
