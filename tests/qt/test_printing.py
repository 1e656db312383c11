"""Printing and PDF export, headless: the PDF is read back with pypdf and, where installed, poppler."""

from __future__ import annotations

import csv
import io
import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QPageRanges, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.presentation import goal_label
from desktop_app.qt import printing
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.printing import PrintController, SummaryDocument, export_pdf, render_to_printer
from desktop_app.qt.settings import PAGE_SIZES, Settings

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def whole_pdf(qapp: QApplication, report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "linzi-2024.pdf"
    export_pdf(report, "all", path)
    return path


@pytest.fixture(scope="module")
def goal_pdf(qapp: QApplication, report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "linzi-2024-g1.pdf"
    export_pdf(report, "g1-growth", path)
    return path


def page_text(page: pypdf.PageObject) -> str:
    """A page's text with pypdf's tabs between words made spaces."""
    return page.extract_text().replace("\t", " ")


def pdf_text(path: Path) -> str:
    return "\n".join(page_text(page) for page in pypdf.PdfReader(path).pages)


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


# --- the whole report --------------------------------------------------------------------------------


def test_whole_report_pdf(whole_pdf: Path, report: Report) -> None:
    reader = pypdf.PdfReader(whole_pdf)
    assert 3 <= len(reader.pages) <= 15
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == report.metadata.title
    assert metadata.author == f"{report.metadata.presenter.office} {report.metadata.presenter.name}"
    assert metadata.subject is not None and report.metadata.meeting.name in metadata.subject
    assert metadata.creator is not None and metadata.creator.startswith("Report Viewer")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_text_is_extractable_as_ideographs(whole_pdf: Path) -> None:
    text = pdf_text(whole_pdf)
    assert "规上工业总产值" in text and "2504" in text
    assert "临淄区人民政府区长" in text
    # Qt alone would write radicals (⼯ U+2F2F for 工) into the text map.
    assert not re.search("[\u2e80-\u2fdf]", text)


def test_every_glyph_maps_back_to_text(whole_pdf: Path) -> None:
    """Each font's /ToUnicode covers every glyph it uses, so no character is lost when copying."""
    reader = pypdf.PdfReader(whole_pdf)
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font = reference.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        covered: set[int] = set()
        # bfrange lines "<low> <high> [...]" or "<low> <high> <first>"; bfchar lines "<code> <text>".
        for low, high, rest in re.findall(
            r"^<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>\s*(\S*)", cmap, flags=re.MULTILINE
        ):
            covered.update(range(int(low, 16), int(high, 16) + 1) if rest else [int(low, 16)])
        assert covered and set(range(max(covered) + 1)) <= covered, name
    # Citations name the newspaper page and the paragraph, never an id readers take for a page.
    assert re.search(r"第\s*02\s*版·第\s*7\s*段", pdf_text(whole_pdf))
    assert "p07" not in pdf_text(whole_pdf)


def test_every_page_has_header_and_footer(whole_pdf: Path, report: Report) -> None:
    reader = pypdf.PdfReader(whole_pdf)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page_text(page)
        assert report.metadata.title in text
        assert f"第 {number} 页 / 共 {total} 页" in text
        assert report.metadata.article.headline in text  # the citation


def test_bookmarks(whole_pdf: Path) -> None:
    reader = pypdf.PdfReader(whole_pdf)
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles[0] == "临淄区2024年政府工作报告"
    assert {"主要数据", "其他数据", "图表", "重要论述", "注释", "来源"} <= set(titles)
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert any(len(group) == 8 for group in nested)  # the eight goal areas under their heading
    pages = [reader.get_destination_page_number(item) or 0 for item in top]
    assert pages == sorted(pages) and pages[0] == 0 and pages[-1] == len(reader.pages) - 1


@needs_poppler
def test_poppler_reads_text_and_embedded_fonts(whole_pdf: Path) -> None:
    text = poppler("pdftotext", "-enc", "UTF-8", str(whole_pdf), "-")
    assert "规上工业总产值" in text and "2504" in text
    assert re.search(r"第\s*1\s*页\s*/\s*共\s*\d+\s*页", text)  # poppler drops the spaces
    lines = poppler("pdffonts", str(whole_pdf)).splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        fields = line.split()
        # name type [type] encoding emb sub uni object ID: "emb" is the fifth field from the end.
        assert fields[-5] == "yes", f"font not embedded: {line}"
    assert any("NotoSansCJK" in line for line in lines)


@needs_poppler
def test_page_one_renders_to_png(whole_pdf: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "summary-all-page"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(whole_pdf), str(stem)],
        check=True,
        timeout=60,
    )
    (png,) = ARTIFACTS.glob("summary-all-page*1.png")
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000


# --- one goal area -----------------------------------------------------------------------------------


def test_goal_area_pdf(goal_pdf: Path, report: Report) -> None:
    reader = pypdf.PdfReader(goal_pdf)
    assert 1 <= len(reader.pages) <= 6
    goal = report.goal_by_id["g1-growth"]
    metadata = reader.metadata
    assert metadata is not None and metadata.title is not None and goal_label(goal, report) in metadata.title
    text = pdf_text(goal_pdf)
    assert "规上工业总产值" in text and "2504" in text and "第 1 页" in text
    assert "民生支出" not in text.split("来源")[0]  # a g8 figure stays out


@needs_poppler
def test_goal_area_page_one_renders(goal_pdf: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "summary-g1-growth-page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(goal_pdf), str(stem)],
        check=True,
        timeout=60,
    )
    assert list(ARTIFACTS.glob("summary-g1-growth-page*1.png"))


# --- options and errors ------------------------------------------------------------------------------


def test_letter_and_english(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    pages = export_pdf(report, "g8-wellbeing", path, page_size="Letter", lang="en")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "Page 1 of" in page_text(reader.pages[0])


def test_bad_arguments_write_nothing(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="page size"):
        export_pdf(report, "all", tmp_path / "a.pdf", page_size="A3")
    with pytest.raises(ValueError, match="unknown scope"):
        export_pdf(report, "g0", tmp_path / "b.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_pdf_path(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.pdf"
    with pytest.raises(printing.ExportError, match="folder does not exist"):
        export_pdf(report, "g7-culture", target)
    assert list(tmp_path.iterdir()) == []


def test_render_to_printer(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    pages = render_to_printer(report, "g3-vitality", printer)
    assert pages >= 1
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages
    assert "第 1 页" in page_text(reader.pages[0])
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert reader.outline  # printing to a PDF file gives the exported file


def test_page_ranges_are_respected(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "range.pdf"))
    ranges = QPageRanges()
    ranges.addPage(2)
    writer.setPageRanges(ranges)
    total = SummaryDocument(report, "all").paint(writer)
    del writer
    reader = pypdf.PdfReader(tmp_path / "range.pdf")
    # No post-processing here, so 页 may come out as the radical ⻚: compare around it.
    text = page_text(reader.pages[0])
    assert len(reader.pages) == 1 and "第 2 " in text and f" / 共 {total} " in text


def test_render_to_a_painting_device(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    """What a real printer gets: pages painted on the device (here a PDF writer, no post-processing)."""
    writer = QPdfWriter(str(tmp_path / "painted.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pages = SummaryDocument(report, "g1-growth").paint(writer)
    del writer
    assert len(pypdf.PdfReader(tmp_path / "painted.pdf").pages) == pages >= 1


def test_layout_keeps_rows_and_headings_whole(qapp: QApplication, report: Report) -> None:
    """No page ends inside a table row or right after a heading."""
    summary = SummaryDocument(report, "all")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pages = summary.layout_for(printer)
    assert pages == summary.page_count() >= 3
    layout = summary.document.documentLayout()
    starts = [page.start for page in summary._pages[1:]]
    block = summary.document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        for start in starts:
            # A page starts on a line's top, never across a line.
            lines = summary._line_tops(block)
            tops = [*lines, rect.bottom()]
            inside = any(a + 1 < start < b - 1 for a, b in itertools.pairwise(tops))
            assert not inside, f"page starts inside a line of {block.text()[:20]!r}"
        if block.blockFormat().headingLevel():
            following = summary._line_tops(block.next())
            if following:
                here = summary._line_tops(block)[0]
                assert sum(here < s <= following[0] for s in starts) == 0, block.text()
        block = block.next()


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
    dialog = controller.make_preview_dialog(report, "g3-vitality")
    painted: list[Any] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=20_000)
    assert painted[0] is controller.printer
    dialog.close()
    dialog.deleteLater()


def test_modal_preview_is_closed_by_a_timer(controller: PrintController, report: Report) -> None:
    closed: list[bool] = []

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QPrintPreviewDialog) and widget.isVisible():
                widget.reject()
                closed.append(True)

    QTimer.singleShot(500, close)
    controller.preview_report(report, "g7-culture")
    assert closed == [True]


def test_print_dialog_cancelled(controller: PrintController, report: Report, qtbot: QtBot) -> None:
    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QPrintDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(500, cancel)
    with qtbot.assertNotEmitted(controller.status_message):
        controller.print_report(report, "all")


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
        controller.print_report(report, "g5-rural")
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
    answers = iter([str(tmp_path / "summary"), str(tmp_path / "figures.csv")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (next(answers), ""))
    with qtbot.waitSignal(controller.status_message) as pdf_done:
        controller.export_pdf(report, "g1-growth")
    assert (tmp_path / "summary.pdf").is_file()  # the suffix is added
    assert str(tmp_path / "summary.pdf") in pdf_done.args[0]
    with qtbot.waitSignal(controller.status_message) as csv_done:
        controller.export_csv(report, "all")
    assert (tmp_path / "figures.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "figures.csv" in csv_done.args[0]
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
    controller.export_pdf(report, "all")
    controller.export_csv(report, "all")
    assert len(messages) == 2 and all(
        str(target.parent) in m and "folder does not exist" in m for m in messages
    )
    assert not target.parent.exists()


def test_cancelled_file_dialog_does_nothing(
    controller: PrintController, report: Report, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    controller.export_pdf(report, "all")
    controller.export_csv(report, "all")
    assert messages == []


def test_controller_page_size(controller: PrintController) -> None:
    controller.set_page_size("Letter")
    assert controller.page_size == "Letter"
    assert controller.printer.pageLayout().pageSize().id() == printing.PAGE_SIZES["Letter"]


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
    assert tuple(printing.PAGE_SIZES) == PAGE_SIZES
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
    window.action("actionPrintScope_figures").trigger()
    window.action("actionPageSize_Letter").trigger()
    window.action("actionExportPdf").trigger()
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
    g8 = pypdf.PdfReader(tmp_path / "g8.pdf")
    box = g8.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert asked == ["linzi-2024-figures.pdf", "linzi-2024-g8-wellbeing.pdf", "linzi-2024-g8-wellbeing.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "g8.csv").read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == [i.id for i in report.indicators_for_goal("g8-wellbeing")]
    assert messages == []


# --- the PDF post-processing -------------------------------------------------------------------------


def test_fix_to_unicode_rewrites_destinations_only() -> None:
    fixes = {0x2F2F: 0x5DE5, 0x2012: 0x2013}
    cmap = (
        b"2 beginbfrange\n"
        b"<0001> <0003> [<4E34> <2F2F> <2012>]\n"
        b"<2F2F> <2F30> <2F2F>\n"
        b"endbfrange\n"
        b"1 beginbfchar\n"
        b"<2F2F> <2F2F>\n"
        b"endbfchar\n"
    )
    fixed = printing._fix_to_unicode(cmap, fixes)
    assert fixed.splitlines() == [
        b"2 beginbfrange",
        b"<0001> <0003> [<4E34> <5DE5> <2013>]",
        b"<2F2F> <2F30> [<5DE5> <2F30>]",  # the source codes (CIDs) stay as they are
        b"endbfrange",
        b"1 beginbfchar",
        b"<2F2F> <5DE5>",
        b"endbfchar",
    ]


def test_unicode_fixes_prefer_ideographs(qapp: QApplication) -> None:
    fixes = printing._unicode_fixes(printing._font_family(), False)
    assert all(not printing._is_ideograph(wrong) for wrong in fixes)
    assert all(printing._is_ideograph(right) or right == 0x2013 for right in fixes.values())


def test_post_processing_refuses_what_it_does_not_understand() -> None:
    with pytest.raises(ValueError):
        printing._PdfUpdate(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n")
    with pytest.raises(ValueError):
        printing._PdfUpdate(b"%PDF-1.5\ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n")
