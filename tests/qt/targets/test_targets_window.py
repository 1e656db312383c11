"""Done when (issue 16): a reader opens Targets & outcomes from the window, reads GDP growth as a table
and a chart, clicks through to both sentences, filters to missed, exports CSV, and gets the same pairs
from the command line.

The window's library is the bundled one in a data folder of the test's own. The window reads the
bundled Linzi report, so the view opens on Linzi's collection; the reader picks the national one, whose
reports are paired on the worker thread.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop_app.cli.console import ExitStatus
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.targets import Pair, Verdict
from desktop_app.core.targets.chart import MarkShape
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.settings import Settings
from desktop_app.qt.targets import TargetsController, TargetsView
from tests.cli.runner import run


def _click(view: TargetsView, series: str, year: int, column: int) -> None:
    index = view.cell_index(series, year, column)
    assert index.isValid(), (series, year)
    table = view.table()
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(index).center(),
    )


def _figure(figure: Any) -> tuple[Any, ...] | None:
    """A target or outcome as the CLI's JSON has it: report, value, unit, modifier, sentence."""
    if figure is None:
        return None
    if isinstance(figure, dict):
        value = figure["value"]
        return (figure["report"], value, figure["unit"], figure["modifier"], figure["sentence"])
    value = figure.value if figure.high is None else [figure.value, figure.high]
    value = None if figure.is_text else value
    return (figure.report, value, figure.unit, figure.modifier, figure.sentence)


def _shown(pair: Pair) -> tuple[Any, ...]:
    return (pair.series.key, pair.year, _figure(pair.target), _figure(pair.outcome), str(pair.verdict))


def _listed(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["series"], row["year"], _figure(row["target"]), _figure(row["outcome"]), row["verdict"])


def _cli_pairs(*options: str) -> list[dict[str, Any]]:
    status, out, err = run("targets", "--collection", "national", "--json", *options)
    assert status == ExitStatus.OK, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def test_a_reader_follows_gdp_growth_targets_to_their_sentences(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    action = window.action("actionTargets")
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    view = window.findChild(TargetsView)
    controller = window.findChild(TargetsController)
    assert view is not None and controller is not None and view.objectName() == "targetsView"
    assert controller.wait(600)
    qtbot.waitUntil(lambda: bool(view.pairs()), timeout=30_000)
    # The window reads the bundled Linzi report: the view opens on Linzi's collection.
    assert view.collection_choice() == "linzi"
    assert {p.verdict for p in view.pairs()} == {Verdict.NO_LATER_REPORT}

    # The reader picks the national reports.
    assert view.choose_collection("national")
    assert controller.wait(600)
    qtbot.waitUntil(lambda: any(p.series.key == "gdp_growth" for p in view.pairs()), timeout=30_000)
    assert view.collection_choice() == "national"

    # GDP growth, year by year, as a table ...
    view.filter_series("gdp_growth")
    rows = view.visible_pairs()
    assert [p.year for p in rows] == sorted(p.year for p in rows) and len(rows) >= 20
    index = view.cell_index("gdp_growth", 2022, TargetsTableModel.TARGET)
    row = [view.proxy().index(index.row(), c).data() for c in range(TargetsTableModel.COLUMNS)]
    assert row[1:5] == ["2022", "5.5%左右", "3%", "missed"]
    assert "5.5%" in row[5]  # the rule beside the verdict
    # ... and as a chart.
    chart = view.chart()
    assert chart is not None
    assert (2022, 3.0) in chart.outcome_data()
    assert any(year == 2022 and low == 5.0 and high == 6.0 for year, low, high in chart.band_data())
    assert chart.symbol_data(MarkShape.FLOOR)  # 2021: 6%以上

    # Click through to the target's sentence (the 2022 report) and to the outcome's (the 2023 report).
    _click(view, "gdp_growth", 2022, TargetsTableModel.TARGET)
    qtbot.waitUntil(lambda: window.report.id == "national-2022")
    assert "5.5%左右" in window.source_view().highlighted_text()
    _click(view, "gdp_growth", 2022, TargetsTableModel.OUTCOME)
    qtbot.waitUntil(lambda: window.report.id == "national-2023")
    assert "3%" in window.source_view().highlighted_text()

    # Filter to missed, export CSV.
    view.filter_series(None)
    view.filter_verdict(Verdict.MISSED)
    missed = view.visible_pairs()
    assert missed and all(p.verdict is Verdict.MISSED for p in missed)
    assert ("gdp_growth", 2022) in [(p.series.key, p.year) for p in missed]
    path = tmp_path / "missed.csv"
    assert view.export_csv(path) == len(missed)
    written = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["verdict"] for r in written} == {"missed"}
    assert ("gdp_growth", "2022") in [(r["series"], r["year"]) for r in written]

    # The same pairs from the command line (which pairs afresh; the window read them from its cache
    # or its worker): GDP growth year by year, and the missed ones the CSV has.
    gdp = _cli_pairs("--series", "gdp_growth")
    assert [_listed(r) for r in gdp] == [_shown(p) for p in rows]
    listed_missed = [(r["series"], r["year"]) for r in _cli_pairs() if r["verdict"] == "missed"]
    assert sorted(listed_missed) == sorted((r["series"], int(r["year"])) for r in written)
    assert sorted(_listed(r) for r in _cli_pairs() if r["verdict"] == "missed") == sorted(
        _shown(p) for p in missed
    )


def _targets_opened(window: MainWindow, qtbot: QtBot) -> TargetsView:
    window.show()
    qtbot.waitExposed(window)
    window.action("actionTargets").trigger()
    view = window.findChild(TargetsView)
    controller = window.findChild(TargetsController)
    assert view is not None and controller is not None
    assert controller.wait(600)
    qtbot.waitUntil(lambda: bool(view.pairs()), timeout=30_000)
    return view


def test_the_next_window_shows_targets_as_the_reader_chose(
    window: MainWindow, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    view = _targets_opened(window, qtbot)
    assert view.layout_name() == "list"
    box = view.findChild(QComboBox, "targetsLayout")
    assert box is not None
    box.setCurrentIndex(box.findData("grid"))  # as a reader chooses it
    view.close()
    window.close()  # writes the settings

    reread = Settings(QSettings(settings.fileName(), QSettings.Format.IniFormat))  # as a new session reads it
    second = MainWindow(report, reread, Language.EN)
    qtbot.addWidget(second)
    again = _targets_opened(second, qtbot)
    assert again is not view and again.layout_name() == "grid"
    assert again.grid().isVisible() and not again.table().isVisible()
    second.close()
