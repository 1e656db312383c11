"""The save dialog every chart export asks through (charts/export.py): suffix added, cancel writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop_app.qt.charts.export import ask_save_path, chart_save_path


def test_a_chart_path_gets_its_suffix_and_suggests_the_stem(
    app: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[str, str, str]] = []

    def answer(_parent: QWidget, caption: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append((caption, suggested, file_filter))
        return str(tmp_path / "chart"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    parent = QWidget()
    assert chart_save_path(parent, "svg", "targets-gdp") == str(tmp_path / "chart.svg")
    caption, suggested, file_filter = asked[0]
    assert suggested.endswith("targets-gdp.svg") and "*.svg" in file_filter and caption
    assert chart_save_path(parent, "png", "x") == str(tmp_path / "chart.png")
    assert "*.png" in asked[1][2]


def test_a_cancelled_dialog_gives_no_path(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    assert ask_save_path(QWidget(), "Export", "trend.csv", "CSV (*.csv)", ".csv") is None


def test_a_path_with_its_suffix_is_kept(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("/x/Trend.CSV", "")))
    assert ask_save_path(QWidget(), "Export", "trend.csv", "CSV (*.csv)", ".csv") == "/x/Trend.CSV"
