"""The importer's accuracy on the hand-made yardsticks does not fall below what was measured.

The same matching as ``python -m benchmarks import`` (benchmarks/bench_import.py): the Linzi dataset
(value + unit + year + kind) and the gold lists of tests/data (a gold figure is found when a proposal in
its sentence has its value and unit; year and kind accuracy on the found ones). The floors are the
figures measured on 2026-12-03, fourth session (README, "Importer accuracy"); a rule change that loses
figures or types them worse fails here. The 2013 list is the evaluation set written before the third
session's rule changes.
"""

from __future__ import annotations

import pytest

from benchmarks import bench_import

# (recall, precision, year accuracy, kind accuracy), each a floor; measured values in the README.
FLOORS = {
    2002: (1.00, 0.91, 0.94, 0.91),
    2013: (0.97, 0.99, 0.978, 0.978),
    2019: (1.00, 0.97, 1.00, 0.95),
}


def test_linzi_recall_and_precision_stay_at_their_floors() -> None:
    found = bench_import.linzi()
    assert found["recall"] >= 0.97 and found["precision"] >= 0.94, found


@pytest.mark.parametrize("year", sorted(FLOORS))
def test_gold_lists_stay_at_their_floors(year: int, corpus_reports: dict[int, str]) -> None:
    (path,) = [p for p in bench_import.GOLD if p.name == f"gold_figures_{year}.json"]
    found = bench_import.gold_list(path, corpus_reports)
    measured = (found["recall"], found["precision"], found["year_accuracy"], found["kind_accuracy"])
    assert all(m >= floor for m, floor in zip(measured, FLOORS[year], strict=True)), (measured, found)


def test_every_gold_list_has_a_floor() -> None:
    assert {int(p.stem.rsplit("_", 1)[1]) for p in bench_import.GOLD} == set(FLOORS)
