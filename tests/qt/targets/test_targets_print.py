"""The printable Targets & outcomes summary, written as a PDF headless and read back with real tools."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.targets import Pair
from desktop_app.qt.targets import TargetsView
from desktop_app.qt.targets.printing import export_targets_pdf
from tests.qt.printing.readback import needs_poppler, page_text, poppler


@pytest.fixture(scope="module")
def gdp_and_cpi_pdf(qapp: QApplication, pairs: list[Pair], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("targets") / "targets.pdf"
    chosen = [p for p in pairs if p.series.key in ("gdp_growth", "cpi")]
    export_targets_pdf(
        chosen, path, Language.ZH, collection="全国政府工作报告", generated=datetime.date(2026, 12, 3)
    )
    return path


def test_pdf_has_the_series_tables_verdicts_rules_and_page_furniture(gdp_and_cpi_pdf: Path) -> None:
    reader = pypdf.PdfReader(gdp_and_cpi_pdf)
    text = "\n".join(page_text(page) for page in reader.pages)
    for expected in (
        "国内生产总值增长",
        "居民消费价格涨幅",
        "7%左右",
        "6.9%",
        "达成",
        "低于目标",
        "判定规则",
    ):
        assert expected in text, expected
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert "目标与实绩对照" in page_text(page) and f"第 {number} 页 / 共 {total} 页" in page_text(page)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "国内生产总值增长（%）" in titles and "判定规则" in titles
    images = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        objects: Any = resources.get("/XObject") or {}
        images |= {objects.raw_get(name).idnum for name in objects}
    assert len(images) == 2  # one chart per series (a page may reference its neighbour's, clipped)


@needs_poppler
def test_pdf_fonts_are_embedded(gdp_and_cpi_pdf: Path) -> None:
    lines = poppler("pdffonts", str(gdp_and_cpi_pdf)).splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines)


def test_the_view_exports_the_filtered_pairs_as_pdf(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair], tmp_path: Path
) -> None:
    view = TargetsView(lang=Language.EN)
    qtbot.addWidget(view)
    view.set_pairs(pairs)
    view.filter_series("new_urban_jobs")
    path = tmp_path / "jobs.pdf"
    assert view.export_pdf(path) >= 1
    text = "\n".join(page_text(page) for page in pypdf.PdfReader(path).pages)
    assert "New urban jobs" in text and "Verdict rules" in text and "GDP growth" not in text


def test_the_view_previews_the_filtered_pairs_on_the_paper_chosen(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair], tmp_path: Path
) -> None:
    # Before: Export PDF… and Print… only (File › Print Preview… of the report had no counterpart
    # here), and the summary was always A4 whatever File › Paper size said.
    view = TargetsView(lang=Language.EN)
    qtbot.addWidget(view)
    view.set_pairs(pairs)
    view.filter_series("new_urban_jobs")
    assert view.findChild(QPushButton, "targetsPrintPreview") is not None
    view.set_page_size("Letter")
    dialog = view.make_preview_dialog()
    painted: list[Any] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=20_000)
    assert painted[0] is view.printer()
    assert view.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 1, timeout=20_000)
    dialog.close()
    dialog.deleteLater()
    path = tmp_path / "jobs.pdf"
    view.export_pdf(path)
    width, height = (float(v) for v in pypdf.PdfReader(path).pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)  # Letter, in points
