"""The print controller and the window's print and export actions, driven as a user would."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import scope as scope_module
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.scope import SummaryScope
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.printing import PrintController
from desktop_app.qt.settings import PAGE_SIZES, Settings
from tests.qt.printing.readback import scope

# --- the controller ----------------------------------------------------------------------------------


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[PrintController]:
    parent = QWidget()
    qtbot.addWidget(parent)
    yield PrintController(parent)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_preview_dialog_paints_and_closes(controller: PrintController, report: Report, qtbot: QtBot) -> None:
    dialog = controller.make_preview_dialog(report, scope(report, "g3-vitality"))
    painted: list[Any] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=20_000)
    assert painted[0] is controller.printer
    dialog.close()
    dialog.deleteLater()


def test_preview_opens_large_at_fit_width(controller: PrintController, report: Report, qtbot: QtBot) -> None:
    """Issue 11.9: not 640×560 at 55.7 %, but most of the available screen, zoomed to the page width."""
    dialog = controller.make_preview_dialog(report, scope(report, "g1-growth"))
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.height() >= 0.85 * available.height()
    assert dialog.width() >= min(0.85 * available.width(), 1300)
    assert available.contains(dialog.frameGeometry().center())
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None and preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    fit_width = dialog.findChild(QAction, "fitWidthAction")
    assert fit_width is not None and fit_width.isChecked()  # the toolbar says so too
    # Fit-width: the page fills the view's width, so the zoom is well above the old 55.7 %.
    qtbot.waitUntil(lambda: preview.zoomFactor() > 0.6, timeout=20_000)
    dialog.close()
    dialog.deleteLater()


def test_modal_preview_opens_and_returns_when_closed(
    controller: PrintController, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader closes the modal dialog (exec() returns); no timer guesses when it is open.
    shown: list[str] = []

    def close(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog.objectName())
        assert dialog.windowTitle().startswith("Print preview \u2014 ")
        dialog.reject()
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QPrintPreviewDialog, "exec", close)
    controller.preview_report(report, scope(report, "g7-culture"))
    assert shown == ["printPreviewDialog"]


def test_print_dialog_cancelled(
    controller: PrintController, report: Report, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    def cancel(dialog: QPrintDialog) -> int:
        asked.append(True)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    with qtbot.assertNotEmitted(controller.status_message):
        controller.print_report(report, scope(report))
    assert asked == [True]


def test_print_dialog_accepted_prints(
    controller: PrintController,
    report: Report,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: int(QPrintDialog.DialogCode.Accepted.value))
    controller.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    controller.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(controller.status_message) as done:
        controller.print_report(report, scope(report, "g5-rural"))
    assert "Printed" in done.args[0] and messages == []
    assert pypdf.PdfReader(tmp_path / "printed.pdf").pages


def test_controller_exports_pdf_and_csv(
    controller: PrintController,
    report: Report,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    # A %2 in a file name stays as it is (the message was filled by chained replace()).
    answers = iter([str(tmp_path / "summary%2"), str(tmp_path / "figures%2.csv")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (next(answers), ""))
    with qtbot.waitSignal(controller.status_message) as pdf_done:
        controller.export_pdf(report, scope(report, "g1-growth"))
    assert (tmp_path / "summary%2.pdf").is_file()  # the suffix is added
    assert str(tmp_path / "summary%2.pdf") in pdf_done.args[0]
    with qtbot.waitSignal(controller.status_message) as csv_done:
        controller.export_csv(report, scope(report))
    assert (tmp_path / "figures%2.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert str(tmp_path / "figures%2.csv") in csv_done.args[0]
    assert messages == []


def test_controller_reports_errors_in_a_message_box(
    controller: PrintController,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    target = tmp_path / "missing" / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    controller.export_pdf(report, scope(report))
    controller.export_csv(report, scope(report))
    assert len(messages) == 2 and all(
        str(target.parent) in m and "folder does not exist" in m for m in messages
    )
    assert not target.parent.exists()


def test_cancelled_file_dialog_does_nothing(
    controller: PrintController, report: Report, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    controller.export_pdf(report, scope(report))
    controller.export_csv(report, scope(report))
    assert messages == []


def test_controller_page_size(controller: PrintController) -> None:
    controller.set_page_size("Letter")
    assert controller.page_size == "Letter"
    assert controller.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter


# --- from the main window -----------------------------------------------------------------------------


def test_window_print_scope_and_paper_size_menus(
    window: MainWindow, settings: QSettings, report: Report, qtbot: QtBot
) -> None:
    assert window.print_scope() == "all"  # nothing selected: the whole report
    window.select_path("goal/g3-vitality")
    assert window.print_scope() == "g3-vitality"
    window.action("actionPrintScope_figures").trigger()
    assert window.print_scope() == "figures"
    window.action("actionPrintScope_all").trigger()
    assert window.print_scope() == "all"
    assert window.page_size() == "A4"
    window.action("actionPageSize_Letter").trigger()
    assert window.page_size() == "Letter"
    assert PAGE_SIZES == ("A4", "Letter")  # one table: desktop_app.core.paper
    # The choices persist; a value this version does not know falls back to the first choice.
    settings.sync()
    again = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(again)
    assert again.print_scope() == "all" and again.page_size() == "Letter"
    settings.setValue("print/scope", "everything")
    settings.setValue("print/pageSize", 42)
    third = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(third)
    assert third.page_size() == "A4"
    third.select_path("goal/g1-growth")
    assert third.print_scope() == "g1-growth"


def test_window_exports_the_chosen_scope_on_the_chosen_paper(
    window: MainWindow,
    report: Report,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    answers = iter([str(tmp_path / "figures.pdf"), str(tmp_path / "g8.pdf"), str(tmp_path / "g8.csv")])
    asked: list[str] = []

    def ask(parent: QWidget, caption: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(Path(suggested).name)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    # Each export resolves its scope once and hands it to the summary, the PDF and the CSV (issue 10:
    # one PDF export resolved it six times, in the core and again in Qt).
    resolved: list[str] = []
    real_resolve = scope_module.resolve_scope

    def resolve(report: Report, key: str, *args: Any, **kwargs: Any) -> SummaryScope:
        resolved.append(key)
        return real_resolve(report, key, *args, **kwargs)

    monkeypatch.setattr(scope_module, "resolve_scope", resolve)
    window.action("actionPrintScope_figures").trigger()
    window.action("actionPageSize_Letter").trigger()
    window.action("actionExportPdf").trigger()
    assert resolved == ["figures"]
    figures = pypdf.PdfReader(tmp_path / "figures.pdf")
    box = figures.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter, in points
    text = "".join(page.extract_text() for page in figures.pages)
    assert "数据一览" in text and "推算数据" in text

    window.action("actionPrintScope_selected").trigger()
    window.action("actionPageSize_A4").trigger()
    window.select_path("goal/g8-wellbeing")
    window.action("actionExportPdf").trigger()
    window.action("actionExportCsv").trigger()
    assert resolved == ["figures", "g8-wellbeing", "g8-wellbeing"]
    g8 = pypdf.PdfReader(tmp_path / "g8.pdf")
    box = g8.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert asked == ["linzi-2024-figures.pdf", "linzi-2024-g8-wellbeing.pdf", "linzi-2024-g8-wellbeing.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "g8.csv").read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == [i.id for i in report.indicators_for_goal("g8-wellbeing")]
    assert messages == []


def test_print_and_preview_fail_clearly_when_a_chart_cannot_be_drawn(
    controller: PrintController, report: Report, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13.2: Print and Print preview share the export's chart path: a chart that cannot be drawn
    is a message naming it, never a printout or a preview without its charts."""
    from desktop_app.qt.charts import ChartRenderError
    from desktop_app.qt.printing import PrintError, chart_store, render_to_printer

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise ChartRenderError("an image of 2008×90000 pixels could not be allocated (out of memory?)")

    monkeypatch.setattr(chart_store, "render_group_image", refuse)
    wellbeing = scope(report, "g8-wellbeing")
    with pytest.raises(PrintError, match=r"chart 1 \(.+\) could not be drawn: an image of 2008×90000"):
        controller.make_preview_dialog(report, wellbeing)
    controller.preview_report(report, wellbeing)
    assert len(messages) == 1 and "could not be drawn: an image of 2008×90000" in messages[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    with pytest.raises(PrintError, match="could not be drawn"):
        render_to_printer(report, wellbeing, printer)


def test_file_menu_chooses_the_documents_language(
    window: MainWindow,
    report: Report,
    settings: QSettings,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    # Issue 10: the English document existed but no menu or option made it.
    menu = window.findChild(QMenu, "menuDocumentLanguage")
    assert menu is not None and [a.text() for a in menu.actions()] == ["中文", "English"]
    assert window.action("actionDocumentLanguage_zh").isChecked()
    answers = iter([str(tmp_path / "g8-zh.pdf"), str(tmp_path / "g8-en.pdf")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (next(answers), ""))
    window.action("actionPrintScope_selected").trigger()
    window.select_path("goal/g8-wellbeing")
    window.action("actionExportPdf").trigger()
    window.action("actionDocumentLanguage_en").trigger()
    window.action("actionExportPdf").trigger()
    chinese = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "g8-zh.pdf").pages)
    english = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "g8-en.pdf").pages)
    assert "相关数据" in chinese and "Figures" not in chinese
    assert "Figures" in english and "相关数据" not in english
    assert messages == []
    # The choice is kept for the next window.
    again = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(again)
    assert again.action("actionDocumentLanguage_en").isChecked()
